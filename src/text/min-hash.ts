// MinHash signatures of word shingles: a cheap, deterministic estimate of how much two texts share.
// Computed once per report at ingest (stored with the report) and read by the digest's story merging.

import type { Analyzer } from '../arabic/analyze-arabic.js';

/** Words per shingle: three-word runs survive light edits (punctuation, a changed word) but differ between stories. */
export const SHINGLE_SIZE = 3;
/** MinHash values per signature: enough for 32 LSH bands of 2; the estimate's standard error is at most 1/16. */
export const SIGNATURE_SIZE = 64;
/** Shingles read per text at most: a wire story is a few hundred words; this bounds the cost of a 500,000-character page. */
export const MAX_SHINGLES = 5_000;

/** 2³² / golden ratio: consecutive multiples of it are spread evenly over 32 bits. */
const GOLDEN_RATIO = 0x9e3779b9;
/** FNV-1a 32-bit offset basis (the published constant). */
const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a 32-bit prime (the published constant). */
const FNV_PRIME = 0x01000193;

/** Per-permutation seeds: fixed (a mixed golden-ratio sequence), so signatures and digests are the same on every run. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) seeds[i] = mix32(Math.imul(i + 1, GOLDEN_RATIO) >>> 0);
  return seeds;
})();

/** FNV-1a over the UTF-16 code units of a string, unsigned 32-bit. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit; a bijection on 32 bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The distinct hashes of the `size`-word shingles of `terms`, sorted ascending. A text shorter
 * than one shingle gives one shingle of all its words; an empty text gives none.
 */
export function shingleHashes(terms: readonly string[], size: number = SHINGLE_SIZE): Uint32Array {
  if (terms.length === 0) return new Uint32Array(0);
  const termHashes = terms.map(fnv1a);
  const count = Math.min(MAX_SHINGLES, Math.max(1, termHashes.length - size + 1));
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = FNV_OFFSET;
    for (let k = i; k < i + size && k < termHashes.length; k++) h = mix32(Math.imul(h ^ termHashes[k]!, FNV_PRIME));
    out[i] = h;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
  return out.slice(0, unique);
}

/**
 * The MinHash signature of a shingle set: for each of SIGNATURE_SIZE seeded permutations
 * (`mix32(hash ^ seed)`, a bijection), the least permuted value. All 0xffffffff for an empty set.
 */
export function minHashSignature(hashes: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let p = 0; p < SIGNATURE_SIZE; p++) {
    const seed = SEEDS[p]!;
    let min = 0xffffffff;
    for (let i = 0; i < hashes.length; i++) {
      // mix32(hash ^ seed), written out: this loop runs 64 times per shingle.
      let h = hashes[i]! ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < min) min = h;
    }
    signature[p] = min;
  }
  return signature;
}

/** The MinHash estimate of the Jaccard similarity of two sets: the share of positions where the signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/** The exact Jaccard similarity of two sorted sets of distinct hashes (|a ∩ b| / |a ∪ b|); 0 when both are empty. */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** A report's story fingerprint: its shingle set and that set's MinHash signature (null for an empty set). */
export interface StoryHashes {
  readonly shingles: Uint32Array;
  readonly signature: Uint32Array | null;
}

/**
 * The fingerprint of a report as the digest compares reports: shingles of the analyzed terms of
 * the headline and body together. Ingest stores it; compose computes it only for a report stored
 * without one (or by another analysis version).
 */
export function storyHashes(title: string, body: string, analyzer: Analyzer): StoryHashes {
  return textHashes(`${title}\n${body}`, analyzer);
}

/** The shingles of a text's analyzed terms and their signature. */
export function textHashes(text: string, analyzer: Analyzer): StoryHashes {
  const shingles = shingleHashes(analyzer.terms(text));
  return { shingles, signature: shingles.length === 0 ? null : minHashSignature(shingles) };
}

/** A hash array as a BLOB: its bytes, little-endian (every platform Node runs Rasid on). */
export function hashesToBlob(hashes: Uint32Array): Buffer {
  return Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
}

/** A BLOB written by hashesToBlob, copied (a Buffer from SQLite need not be 4-byte aligned). */
export function hashesFromBlob(blob: Uint8Array): Uint32Array {
  const out = new Uint32Array(blob.byteLength >>> 2);
  new Uint8Array(out.buffer).set(blob.subarray(0, out.length * 4));
  return out;
}
