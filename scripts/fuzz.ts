/**
 * `npm run fuzz`: at least 10,000 generated hostile inputs (queries, feed documents, HTML pages, source
 * files, and feeds and article links served on 127.0.0.1) through Rasid's core, bounded in count and
 * time. Prints crashes, hangs over budget and reports lost; exits 1 unless all three are zero.
 * Options: --seed N (default 1), --scale F (multiplies every count), --max-seconds N (default 600).
 */
import { DEFAULT_COUNTS, runFuzz, type FuzzCounts } from './fuzz/run-fuzz.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`--${name} needs a positive number\n`);
    process.exit(2);
  }
  return value;
};

const scale = arg('scale', 1);
const counts = Object.fromEntries(Object.entries(DEFAULT_COUNTS).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))])) as unknown as FuzzCounts;
const result = await runFuzz({ seed: arg('seed', 1), counts, maxSeconds: arg('max-seconds', 600), onProgress: (line) => process.stderr.write(`  ${line}\n`) });
const total = Object.values(result.inputs).reduce((a, b) => a + b, 0);
const list = (label: string, problems: typeof result.crashes) => {
  process.stdout.write(`${label}: ${problems.length}\n`);
  for (const p of problems.slice(0, 20)) process.stdout.write(`  ${p.kind} #${p.input}: ${p.detail}\n`);
};
process.stdout.write(`inputs: ${total} (${Object.entries(result.inputs).map(([k, v]) => `${k} ${v}`).join(', ')}) in ${result.seconds} s${result.stoppedEarly ? ' — stopped at the time limit' : ''}\n`);
list('crashes', result.crashes);
list('hangs over budget', result.hangs);
list(`reports lost (of ${result.expectedReports} expected)`, result.lost);
process.exitCode = result.crashes.length + result.hangs.length + result.lost.length === 0 && !result.stoppedEarly ? 0 : 1;
