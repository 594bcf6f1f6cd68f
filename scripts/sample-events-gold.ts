/**
 * Draws the reports to be labelled for the events eval (docs/annotation.md): a seeded random sample of
 * the research corpus, 110 from the Syria/ISIS subset list and 70 from the rest, so that incidents,
 * analysis and unrelated news are all there. Every third report drawn is held out: it is scored by
 * `npm run eval`, never looked at while tuning. Prints `<id>\t<dev|heldout>` lines in draw order.
 * Run: `npx tsx scripts/sample-events-gold.ts > tests/eval/events-gold/sample.tsv`.
 *
 * `--extra` draws a further dev batch (dev-c, issue 9's fresh estimate): a second seed, 60 reports in the
 * same subset/rest mix (37 and 23), none of them already in sample.tsv, all `dev`.
 * Run: `npx tsx scripts/sample-events-gold.ts --extra > tests/eval/events-gold/sample-c.tsv`.
 *
 * `--extra2` draws a third dev batch (dev-d, a fresh untuned estimate once dev-c had been tuned on): a third
 * seed, the same 37:23 mix, none of them in sample.tsv or sample-c.tsv, all `dev`.
 * Run: `npx tsx scripts/sample-events-gold.ts --extra2 > tests/eval/events-gold/sample-d.tsv`.
 *
 * `--extra3` draws a fourth dev batch (dev-e, a fresh untuned estimate once dev-d had been tuned on): a fourth
 * seed, the same 37:23 mix, none of them in sample.tsv, sample-c.tsv or sample-d.tsv, all `dev`.
 * Run: `npx tsx scripts/sample-events-gold.ts --extra3 > tests/eval/events-gold/sample-e.tsv`.
 *
 * `--extra4` draws a fifth batch (dev-f and heldout-c, a fresh untuned estimate once dev-e had been tuned on, with
 * a held-out part again): a fifth seed, the same 37:23 mix, none of them in sample.tsv, sample-c.tsv, sample-d.tsv
 * or sample-e.tsv; unlike the other extra draws, every third report drawn is `heldout` (40 dev, 20 held-out).
 * Run: `npx tsx scripts/sample-events-gold.ts --extra4 > tests/eval/events-gold/sample-f.tsv`.
 *
 * `--extra5` draws a sixth batch (dev-g and heldout-d, a fresh untuned estimate once dev-f had been tuned on): a
 * sixth seed, the same 37:23 mix, none of them in sample.tsv or sample-c.tsv … sample-f.tsv; as in the fifth draw,
 * every third report drawn is `heldout` (40 dev, 20 held-out).
 * Run: `npx tsx scripts/sample-events-gold.ts --extra5 > tests/eval/events-gold/sample-g.tsv`.
 *
 * `--extra6` draws a seventh batch (dev-h and heldout-e, a fresh untuned estimate once dev-g had been tuned on): a
 * seventh seed, the same 37:23 mix, none of them in sample.tsv or sample-c.tsv … sample-g.tsv; as in the fifth and
 * sixth draws, every third report drawn is `heldout` (40 dev, 20 held-out).
 * Run: `npx tsx scripts/sample-events-gold.ts --extra6 > tests/eval/events-gold/sample-h.tsv`.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { researchCorpusPath } from './lib/research-corpus.js';
import { seededRandom } from './lib/seeded-random.js';
import { repoPath } from '../src/config/repo-path.js';

/** The research corpus: `RASID_RESEARCH_CORPUS` (this main is an entry point, so it reads the environment). */
const corpusPath = (): string => researchCorpusPath(process.env.RASID_RESEARCH_CORPUS);

const SEED = 20261203;
const FROM_SUBSET = 110;
const FROM_REST = 70;
const HELD_OUT_EVERY = 3;
/** The extra dev draw: its own seed, 60 reports in the first draw's mix (110:70 of 180 is 37:23 of 60). */
const EXTRA_SEED = 20261204;
const EXTRA_FROM_SUBSET = 37;
const EXTRA_FROM_REST = 23;
/** The third dev draw (dev-d): its own seed, the same mix. */
const EXTRA2_SEED = 20261205;
/** The fourth dev draw (dev-e): its own seed, the same mix. */
const EXTRA3_SEED = 20261206;
/** The fifth draw (dev-f, heldout-c): its own seed, the same mix, every third report held out. */
const EXTRA4_SEED = 20261207;
/** The sixth draw (dev-g, heldout-d): its own seed, the same mix, every third report held out. */
const EXTRA5_SEED = 20261208;
/** The seventh draw (dev-h, heldout-e): its own seed, the same mix, every third report held out. */
const EXTRA6_SEED = 20261209;
/** Which extra draw was asked for: `--extra` is 1, `--extraN` is N (0: the first draw); from the fourth on, a third is held out. */
const extraDraw = [6, 5, 4, 3, 2].find((n) => process.argv.includes(`--extra${n}`)) ?? (process.argv.includes('--extra') ? 1 : 0);
const extra = extraDraw > 0;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const subset = new Set(readFileSync(join(corpusPath(), '..', 'syria_isis_subset_ids.txt'), 'utf8').split('\n').filter(Boolean));
const rest: string[] = [];
const lines = createInterface({ input: createReadStream(corpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
for await (const line of lines) {
  const id = (JSON.parse(line) as { id: string }).id;
  if (!subset.has(id)) rest.push(id);
}
if (!extra) {
  const random = seededRandom(SEED);
  const a = shuffled([...subset].sort(), random).slice(0, FROM_SUBSET);
  const b = shuffled(rest.sort(), random).slice(0, FROM_REST);
  const drawn = shuffled([...a, ...b], random);
  process.stdout.write(drawn.map((id, k) => `${id}\t${(k + 1) % HELD_OUT_EVERY === 0 ? 'heldout' : 'dev'}\n`).join(''));
} else {
  // The n-th extra draw excludes the lists of every draw before it (sample.tsv, then sample-c.tsv onwards).
  const drawnBefore = ['sample.tsv', 'sample-c.tsv', 'sample-d.tsv', 'sample-e.tsv', 'sample-f.tsv', 'sample-g.tsv'].slice(0, extraDraw);
  const taken = new Set(
    drawnBefore.flatMap((file) => readFileSync(repoPath('tests', 'eval', 'events-gold', file), 'utf8').split('\n').map((l) => l.split('\t')[0]!).filter(Boolean)),
  );
  const random = seededRandom([EXTRA_SEED, EXTRA2_SEED, EXTRA3_SEED, EXTRA4_SEED, EXTRA5_SEED, EXTRA6_SEED][extraDraw - 1]!);
  const a = shuffled([...subset].filter((id) => !taken.has(id)).sort(), random).slice(0, EXTRA_FROM_SUBSET);
  const b = shuffled(rest.filter((id) => !taken.has(id)).sort(), random).slice(0, EXTRA_FROM_REST);
  const drawn = shuffled([...a, ...b], random);
  const split = (k: number): string => (extraDraw >= 4 && (k + 1) % HELD_OUT_EVERY === 0 ? 'heldout' : 'dev');
  process.stdout.write(drawn.map((id, k) => `${id}\t${split(k)}\n`).join(''));
}
