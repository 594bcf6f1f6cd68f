// The digest composed from the store's slim rows and stored story fingerprints is the digest composed, as before, from whole reports.
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestService } from '../../bin/create-digest-service.js';
import { composeDigest, type DigestReport } from '../../digests/compose-digest.js';
import type { Digest } from '../../digests/digest.js';
import { defaultAnalyzer } from '../../src/arabic/analyze-arabic.js';
import type { Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { hashesFromBlob, hashesToBlob, storyHashes } from '../../src/text/min-hash.js';
import type { ReportUnderstanding } from '../../src/understand/understand-report.js';
import { FIXED_NOW, testCore, testDb } from '../helpers/test-core.js';
import {
  COMMENTARY, MAYADIN_ASSASSINATION, MAYADIN_FOLLOW_UP, MAYADIN_IED, RAMADI, WIRE_JAZIRAH, WIRE_RIYADH,
} from './compose/stories.js';

let core: Core | undefined;
afterEach(() => core?.close());

const CORPUS = new URL('../../data/corpus/', import.meta.url);

/** A week of reports: a wire story from two outlets and once more from one of them, attacks in al-Mayadin, Ramadi, commentary, the seed pages. */
function ingestWeek(c: Core): void {
  const story = (s: { title: string; body: string }, n: number, source: string | null, publishedAt: string | null) =>
    c.ingestOne({ text: s.body, title: s.title, source, publishedAt, url: `https://example.org/${n}`, origin: `week-${n}` });
  story(WIRE_RIYADH, 1, 'Al-Riyadh', '2015-07-23T19:15:37Z');
  story(WIRE_JAZIRAH, 2, 'Al-Jazirah', '2015-07-24T08:38:36Z');
  story({ ...WIRE_RIYADH, body: WIRE_RIYADH.body.replace('اليوم الخميس', 'اليوم 📢 الخميس') }, 3, 'Al-Riyadh', '2015-07-24T09:00:00Z');
  story(MAYADIN_IED, 4, 'Deir ez-Zor 24', '2015-07-24T07:00:00Z');
  story(MAYADIN_ASSASSINATION, 5, 'Furat Post', '2015-07-24T18:00:00Z');
  story(MAYADIN_FOLLOW_UP, 6, 'Deir ez-Zor 24', '2015-07-25T07:00:00Z');
  story(RAMADI, 7, 'Al-Weeam', '2015-07-27T16:57:59Z');
  story(COMMENTARY, 8, null, '2015-07-24T12:00:00Z');
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
    c.ingestOne({ text: readFileSync(new URL(file, CORPUS), 'utf8'), origin: `data/corpus/${file}` });
  }
  // The commentary from two more outlets, as long as each other in UTF-16 units (one has an
  // emoji, two units but one character to SQLite): the earlier is the story's primary.
  story({ ...COMMENTARY, body: COMMENTARY.body.replace('باحثون', 'باحثون 🔍') }, 14, 'Outlet A', '2015-07-24T13:00:00Z');
  story({ ...COMMENTARY, body: COMMENTARY.body.replace('باحثون', 'باحثون جد') }, 15, 'Outlet B', '2015-07-24T14:00:00Z');
}

/** The digest as composing read reports before fingerprints were stored: every report whole, every body analysed. */
function composedFromWholeReports(c: Core, itemCap: number): Digest {
  const ids = c.reportsMatching(null, { afterId: 0, upToId: c.lastReportId() });
  const reports: DigestReport[] = c.store.getMany(ids).map((r) => ({
    id: r.id, title: r.title, body: r.body, source: r.source, url: r.url, publishedAt: r.publishedAt, ingestedAt: r.ingestedAt,
    understanding: r.understanding as ReportUnderstanding,
  }));
  return composeDigest(reports, { period: { from: null, to: FIXED_NOW.toISOString() }, timezone: 'Asia/Damascus', itemCap });
}

function previewed(c: Core, itemCap: number): Digest {
  const digests = createDigestService({ core: c, sinks: {}, logger: createLogger({ level: 'silent', format: 'json' }), notifyAdmins: () => undefined });
  return digests.preview({ sinceReportId: 0, itemCap, timezone: 'Asia/Damascus', includeOffTopic: true });
}

/** Each story as [report, also reported by]. */
const merges = (d: Digest): [number, number[]][] => d.groups.flatMap((g) => g.items.map((i) => [i.reportId, i.alsoReportedBy.map((s) => s.reportId)] as [number, number[]]));

describe('story fingerprints stored at ingest', () => {
  it('are the shingles and signature of the stored headline and body', () => {
    core = testCore();
    ingestWeek(core);
    const rows = core.store.digestRows([1, 2, 3]);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    for (const row of rows) {
      const stored = core.store.get(row.id)!;
      const expected = storyHashes(stored.title, stored.body, defaultAnalyzer);
      expect([...row.story!.shingles]).toEqual([...expected.shingles]);
      expect([...row.story!.signature!]).toEqual([...expected.signature!]);
    }
    // Report 3 holds an emoji: two UTF-16 units, one character to SQLite's length().
    expect(core.store.get(3)!.body).toContain('📢');
    expect(core.store.bodyLengths([1, 3])).toEqual(new Map([[1, core.store.get(1)!.body.length], [3, core.store.get(3)!.body.length]]));
  });

  it('are filled in for a report stored before them when it is ingested again unchanged', () => {
    core = testCore();
    const item = { text: WIRE_RIYADH.body, title: WIRE_RIYADH.title, source: 'Al-Riyadh', url: 'https://example.org/1', origin: 'week-1' };
    core.ingestOne(item);
    const stored = core.store.digestRows([1])[0]!.story!;
    testDb(core).prepare('UPDATE reports SET story_shingles = NULL, story_signature = NULL').run();
    expect(core.store.digestRows([1])[0]!.story).toBeNull();
    expect(core.ingestOne(item)).toMatchObject({ status: 'unchanged' });
    expect(core.store.digestRows([1])[0]!.story).toEqual(stored);
  });

  it('round-trip as BLOBs, empty and from an unaligned buffer too', () => {
    const hashes = Uint32Array.from([0, 1, 0x7fffffff, 0xffffffff]);
    const unaligned = Buffer.concat([Buffer.from([9]), hashesToBlob(hashes)]).subarray(1);
    expect([...hashesFromBlob(unaligned)]).toEqual([...hashes]);
    expect(hashesFromBlob(hashesToBlob(new Uint32Array(0)))).toHaveLength(0);
  });
});

describe('a digest from stored fingerprints and slim rows', () => {
  it.each([30, 3])('is the digest composed from whole reports (item cap %i): same stories, merges, order and counts', (itemCap) => {
    core = testCore();
    ingestWeek(core);
    const before = composedFromWholeReports(core, itemCap);
    expect(previewed(core, itemCap)).toEqual(before);
    // Not vacuous: the wire story is one story of three reports (two outlets, one of them twice),
    // the commentary one of three, its primary chosen by body length.
    expect(before.counts).toMatchObject({ reports: 15, stories: 11 });
    if (itemCap === 30) expect(merges(before)).toEqual(expect.arrayContaining([[2, [1, 3]], [14, [8, 15]]]));
  });

  it('is the same for reports stored before the fingerprints were (schema step 7) or by another analysis version', () => {
    core = testCore();
    ingestWeek(core);
    testDb(core).prepare('UPDATE reports SET story_shingles = NULL, story_signature = NULL WHERE id IN (1, 4)').run();
    // Analyzed before event records existed: no eventRecords in its JSON (the casualties then count).
    testDb(core).prepare(`UPDATE reports SET understanding = json_remove(understanding, '$.eventRecords') WHERE id IN (4, 5)`).run();
    // A stale fingerprint is never read: the row's analysis is another version's.
    testDb(core).prepare('UPDATE reports SET story_shingles = ?, analysis_version = analysis_version - 1 WHERE id = 2').run(hashesToBlob(Uint32Array.from([1, 2, 3])));
    const before = composedFromWholeReports(core, 30);
    expect(previewed(core, 30)).toEqual(before);
  });
});
