/**
 * Writes what ingest derives from a fixed sample of research-corpus reports, one JSON line each:
 * everything `prepareReport` returns (the understanding with places, events, casualties, sentences,
 * on-topic, incident and event records; the facets; the event rows; the analyzed terms), or the
 * reason it was refused. Used to check that a speed change leaves the output byte-identical:
 * dump before, change, dump after, `cmp` the two files. Run after `npm run build`:
 * `node dist/scripts/dump-understanding.js --every 20 --limit 2000 > /tmp/before.jsonl`
 * (every 20th report of the corpus, at most 2,000 of them; `--time` prints the seconds to stderr).
 * `--ids <file>` dumps the reports whose ids the file lists, one a line, instead (for reading labelled dev reports).
 */
import { createAnalyzer } from '../src/arabic/analyze-arabic.js';
import { loadPlurals } from '../src/arabic/plural-singulars.js';
import { prepareReport } from '../src/corpus/prepare-report.js';
import { loadGazetteer } from '../src/understand/gazetteer.js';
import { protectedNames } from '../src/understand/understand-report.js';
import { readFileSync } from 'node:fs';
import { corpusItems, researchCorpusPath, runScript } from './lib/research-corpus.js';

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const every = argValue('--every', 20);
  const limit = argValue('--limit', 2_000);
  const gazetteer = loadGazetteer();
  const analyzer = createAnalyzer({ protectedWords: protectedNames(), plurals: loadPlurals() });
  const idsAt = process.argv.indexOf('--ids');
  const ids = idsAt >= 0 ? new Set(readFileSync(process.argv[idsAt + 1]!, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)) : null;
  const sample = [];
  let n = 0;
  // This main is an entry point, so it reads the environment (RASID_RESEARCH_CORPUS).
  for await (const item of corpusItems(researchCorpusPath(process.env.RASID_RESEARCH_CORPUS), ids ? Infinity : every * limit)) {
    if (!item.ok) continue;
    if (ids ? !ids.has(item.report.externalId ?? '') : n++ % every !== 0) continue;
    sample.push(item.report);
  }
  const started = performance.now();
  const lines: string[] = [];
  for (const raw of sample) {
    try {
      lines.push(JSON.stringify(prepareReport(raw, { analyzer, gazetteer })));
    } catch (err) {
      lines.push(JSON.stringify({ origin: raw.origin, refused: err instanceof Error ? err.message : String(err) }));
    }
  }
  if (process.argv.includes('--time')) process.stderr.write(`${sample.length} reports prepared in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await runScript(main);
