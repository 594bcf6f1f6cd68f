/**
 * Draws the reports to be labelled for the topic and incident gold set (tests/eval/topic-gold, docs/annotation.md
 * "Topic and incident only"): 360 reports of the research corpus, in the events draws' mix (37 from the Syria/ISIS
 * subset list to 23 from the rest), with its own seed, none of them in any events draw. Every third report drawn is
 * held out. Only `on_topic` and `incident` are labelled, so many more reports can be read than for full event labels:
 * they are what the incident and topic model (scripts/train-report-model.ts) learns from and is measured on.
 * Prints `<id>\t<dev|heldout>\t<part>` lines in draw order; the parts a … d (90 each) are the labellers' shares.
 * Run: `npx tsx scripts/sample-topic-gold.ts > tests/eval/topic-gold/sample.tsv`.
 *
 * `--second` draws 360 more the same way (parts e … h) with a second seed, none of them in the first draw either.
 * Run: `npx tsx scripts/sample-topic-gold.ts --second > tests/eval/topic-gold/sample-2.tsv`.
 *
 * `--third` draws 360 more (parts i … l) with a third seed, none of them in the first two draws.
 * Run: `npx tsx scripts/sample-topic-gold.ts --third > tests/eval/topic-gold/sample-3.tsv`.
 */
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { researchCorpusPath } from './lib/research-corpus.js';
import { seededRandom } from './lib/seeded-random.js';
import { repoPath } from '../src/config/repo-path.js';

/** The research corpus: `RASID_RESEARCH_CORPUS` (this main is an entry point, so it reads the environment). */
const corpusPath = (): string => researchCorpusPath(process.env.RASID_RESEARCH_CORPUS);

const second = process.argv.includes('--second');
const third = process.argv.includes('--third');
const SEED = third ? 20261213 : second ? 20261212 : 20261210;
const FROM_SUBSET = 222;
const FROM_REST = 138;
const HELD_OUT_EVERY = 3;
const PART_SIZE = 90;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Every id of an events draw is taken: the two gold sets never share a report.
const goldDir = repoPath('tests', 'eval', 'events-gold');
const listed = (dir: string, files: readonly string[]) =>
  files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((l) => l.split('\t')[0]!).filter(Boolean));
const taken = new Set([
  ...listed(goldDir, readdirSync(goldDir).filter((f) => f.endsWith('.tsv'))),
  // The second draw leaves out the first, the third both.
  ...(second || third ? listed(repoPath('tests', 'eval', 'topic-gold'), ['sample.tsv']) : []),
  ...(third ? listed(repoPath('tests', 'eval', 'topic-gold'), ['sample-2.tsv']) : []),
]);
const subset = new Set(readFileSync(join(corpusPath(), '..', 'syria_isis_subset_ids.txt'), 'utf8').split('\n').filter(Boolean));
const rest: string[] = [];
const lines = createInterface({ input: createReadStream(corpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
for await (const line of lines) {
  const id = (JSON.parse(line) as { id: string }).id;
  if (!subset.has(id)) rest.push(id);
}
const random = seededRandom(SEED);
const a = shuffled([...subset].filter((id) => !taken.has(id)).sort(), random).slice(0, FROM_SUBSET);
const b = shuffled(rest.filter((id) => !taken.has(id)).sort(), random).slice(0, FROM_REST);
const drawn = shuffled([...a, ...b], random);
process.stdout.write(drawn.map((id, k) =>
  `${id}\t${(k + 1) % HELD_OUT_EVERY === 0 ? 'heldout' : 'dev'}\t${(third ? 'ijkl' : second ? 'efgh' : 'abcd')[Math.floor(k / PART_SIZE)]}\n`).join(''));
