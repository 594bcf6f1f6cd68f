// Pins what ingest derives from a small committed sample, whole: the understanding (places, actors,
// event words, casualties, annotated sentences, on-topic, incident, event records), the facets, the
// event rows and the analyzed terms. Speed work on the matching (tokens, phrase tables, word lists)
// must leave every byte of it as it was; the research-corpus check of the same thing is
// scripts/dump-understanding.ts. A rule change that alters the output on purpose updates the file:
// `npx vitest run tests/understand/understanding-pinned.test.ts -u`, then read the diff.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { loadPlurals } from '../../src/arabic/plural-singulars.js';
import { prepareReport } from '../../src/corpus/prepare-report.js';
import type { RawReport } from '../../src/ingest/raw-report.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import { protectedNames } from '../../src/understand/understand-report.js';

const SEEDS = new URL('../../data/corpus/', import.meta.url);
const HAND_WRITTEN = new URL('../fixtures/understanding/hand-written.json', import.meta.url);

/** The seed reports (first line the title) and the hand-written ones (digits of every script, diacritics, tatweel, emoji, presentation forms, clitics). */
function sample(): RawReport[] {
  const seeds = readdirSync(SEEDS).sort().map((file): RawReport => {
    const [title, ...rest] = readFileSync(new URL(file, SEEDS), 'utf8').split('\n');
    return { title: title!, text: rest.join('\n'), publishedAt: '2024-01-15', origin: `data/corpus/${file}` };
  });
  const written = (JSON.parse(readFileSync(HAND_WRITTEN, 'utf8')) as { title: string; text: string; publishedAt: string | null }[])
    .map((r, k): RawReport => ({ ...r, origin: `hand-written:${k}` }));
  return [...seeds, ...written];
}

/** Typed arrays (the story fingerprint's shingles and signature) as their kind, length and a hash of their bytes: pinned to the byte, one line each. */
function compact(_key: string, value: unknown): unknown {
  if (!ArrayBuffer.isView(value)) return value;
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return `${value.constructor.name}(${bytes.length} bytes) sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

describe('what ingest derives from the pinned sample', () => {
  it('is unchanged, byte for byte', async () => {
    const deps = { analyzer: createAnalyzer({ protectedWords: protectedNames(), plurals: loadPlurals() }), gazetteer: loadGazetteer() };
    const out = sample().map((raw) => prepareReport(raw, deps));
    expect(out.length).toBe(11);
    await expect(`${JSON.stringify(out, compact, 1)}\n`).toMatchFileSnapshot('../fixtures/understanding/pinned-output.json');
  });
});
