// Finds one story told by several reports: MinHash + LSH candidates, checked by exact shingle Jaccard.

import { defaultAnalyzer, type Analyzer } from '../../src/arabic/analyze-arabic.js';
import { exactJaccard, SIGNATURE_SIZE, textHashes, type StoryHashes } from '../../src/text/min-hash.js';

/**
 * Least shingle Jaccard for two outlets' reports to be one story: the knee measured on the
 * research corpus (39,916 reports, pairs within 3 days, titles judged by hand). Of sampled
 * cross-outlet pairs, one story were about 11 of 20 at 0.30-0.35, 13 of 20 at 0.35-0.40, 22 of 25
 * at 0.40-0.45 and 23 of 25 at 0.45-0.50; the rest are templates told apart only by a name
 * ("القيادة تهنئ رئيس ..." for two countries) and related but separate stories.
 */
export const SAME_STORY_JACCARD = 0.4;
/**
 * One outlet reuses its own background paragraphs and templates, so its reports need more: its
 * pairs at 0.45-0.65 were often separate events (a new lead over yesterday's story, the same
 * template for two countries), from 0.65 nearly all and from 0.75 all sampled were one story
 * posted twice.
 */
export const SAME_OUTLET_JACCARD = 0.7;
/**
 * LSH bands × rows over the signature. 32 × 2 finds a pair at J = 0.4 with probability
 * 1 - (1 - 0.4²)³² ≈ 0.996 (16 × 4 would find only 34%); the extra candidates cost one exact check each.
 */
export const LSH_BANDS = 32;
/** Signature values per band: the signature split evenly among the bands. */
export const LSH_ROWS = SIGNATURE_SIZE / LSH_BANDS;
/** Odd multiplier that spreads a band's values over a bucket key (2³² / golden ratio). */
const BUCKET_MIX = 0x9e3779b1;
/** Milliseconds in a day, for the merge window. */
const DAY_MS = 86_400_000;

/** What duplicate detection reads of a report. */
export interface StoryText {
  /**
   * The shingles and signature stored at ingest (storyHashes of the headline and body); without
   * them they are computed here from `text`, which gives the same values.
   */
  readonly hashes?: StoryHashes;
  /** Headline and body (`${title}\n${body}`): read only when `hashes` is not given. */
  readonly text?: string;
  readonly outlet: string | null;
  /** The report's date (published, else ingested), epoch milliseconds. */
  readonly time: number;
  /** The report's governorate P-code: two reports placed in different governorates are never one story. */
  readonly governorate: string | null;
}

export interface DuplicateOptions {
  /** Reports farther apart than this many days are never one story. */
  readonly windowDays: number;
  readonly analyzer?: Analyzer;
}

/** Union-find over indices that also keeps each set's earliest and latest time, so a story never spans more than the window. */
class StorySets {
  private readonly parent: Int32Array;
  private readonly first: Float64Array;
  private readonly last: Float64Array;

  constructor(times: readonly number[]) {
    this.parent = Int32Array.from(times, (_, i) => i);
    this.first = Float64Array.from(times);
    this.last = Float64Array.from(times);
  }

  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      const grand = this.parent[this.parent[x]!]!;
      this.parent[x] = grand;
      x = grand;
    }
    return x;
  }

  /** Joins the sets of `a` and `b` unless together they would span more than `spanMs`. */
  union(a: number, b: number, spanMs: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const first = Math.min(this.first[ra]!, this.first[rb]!);
    const last = Math.max(this.last[ra]!, this.last[rb]!);
    if (last - first > spanMs) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    this.first[root] = first;
    this.last[root] = last;
  }
}

/** Whether two reports close in time may be one story: not placed in different governorates. */
function compatible(a: StoryText, b: StoryText): boolean {
  return a.governorate === null || b.governorate === null || a.governorate === b.governorate;
}

/** The Jaccard two reports need: more for one outlet's own reports, or when an outlet is unknown. */
function thresholdFor(a: StoryText, b: StoryText): number {
  return a.outlet !== null && b.outlet !== null && a.outlet !== b.outlet ? SAME_STORY_JACCARD : SAME_OUTLET_JACCARD;
}

/**
 * Candidate pairs [i, j] (i < j), each once: reports sharing a bucket in any LSH band and dated
 * within the window (a bucket is walked in time order, so look-alikes weeks apart cost nothing).
 */
function candidatePairs(signatures: readonly (Uint32Array | null)[], times: readonly number[], windowMs: number): [number, number][] {
  const n = signatures.length;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const buckets = new Map<number, number[]>();
    signatures.forEach((signature, i) => {
      if (signature === null) return;
      let key = band;
      for (let r = 0; r < LSH_ROWS; r++) key = Math.imul(key ^ signature[band * LSH_ROWS + r]!, BUCKET_MIX) ^ (key >>> 15);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      bucket.sort((a, b) => times[a]! - times[b]! || a - b);
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length && times[bucket[y]!]! - times[bucket[x]!]! <= windowMs; y++) {
          const i = Math.min(bucket[x]!, bucket[y]!);
          const j = Math.max(bucket[x]!, bucket[y]!);
          if (seen.has(i * n + j)) continue;
          seen.add(i * n + j);
          pairs.push([i, j]);
        }
      }
    }
  }
  return pairs;
}

/**
 * Groups reports that tell one story: near-duplicate texts (word 3-gram shingles of analyzed
 * terms, Jaccard ≥ SAME_STORY_JACCARD across outlets, SAME_OUTLET_JACCARD within one) whose
 * dates are within `windowDays` and that are not placed in different governorates. Pairs are
 * joined most similar first, and a join is skipped when the story would then span more than
 * `windowDays` (so a chain of look-alike reports cannot run on for weeks). Candidate pairs come
 * from MinHash LSH, so the cost grows with the number of reports, not of pairs. Returns every
 * report's index once: groups ordered by their first index, indices ascending. Deterministic.
 */
export function findDuplicateStories(reports: readonly StoryText[], options: DuplicateOptions): number[][] {
  const analyzer = options.analyzer ?? defaultAnalyzer;
  const windowMs = options.windowDays * DAY_MS;
  const hashes = reports.map((r) => r.hashes ?? textHashes(r.text ?? '', analyzer));
  const shingles = hashes.map((h) => h.shingles);
  const signatures = hashes.map((h) => h.signature);

  const links: { i: number; j: number; similarity: number }[] = [];
  for (const [i, j] of candidatePairs(signatures, reports.map((r) => r.time), windowMs)) {
    const a = reports[i]!;
    const b = reports[j]!;
    if (!compatible(a, b)) continue;
    const similarity = exactJaccard(shingles[i]!, shingles[j]!);
    if (similarity >= thresholdFor(a, b)) links.push({ i, j, similarity });
  }
  links.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const sets = new StorySets(reports.map((r) => r.time));
  for (const { i, j } of links) sets.union(i, j, windowMs);

  const groups = new Map<number, number[]>();
  for (let i = 0; i < reports.length; i++) {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}
