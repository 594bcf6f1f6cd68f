import { describe, expect, it } from 'vitest';
import { defaultAnalyzer } from '../../../src/arabic/analyze-arabic.js';
import {
  estimateJaccard, exactJaccard, fnv1a, minHashSignature, shingleHashes, SIGNATURE_SIZE,
} from '../../../src/text/min-hash.js';
import { WIRE_JAZIRAH, WIRE_RIYADH } from './stories.js';

const shingles = (story: { title: string; body: string }): Uint32Array =>
  shingleHashes(defaultAnalyzer.terms(`${story.title}\n${story.body}`));

describe('fnv1a', () => {
  it.each<[string, number]>([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j hashes to the published FNV-1a 32-bit value', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });
});

describe('shingleHashes', () => {
  it.each<[string[], number]>([
    [[], 0],
    [['داعش'], 1],
    [['هجوم', 'داعش'], 1],
    [['ا', 'ب', 'ج'], 1],
    [['ا', 'ب', 'ج', 'د'], 2],
    [['ا', 'ب', 'ج', 'ا', 'ب', 'ج'], 3],
  ])('%j gives %i distinct shingles', (terms, count) => {
    const hashes = shingleHashes(terms);
    expect(hashes.length).toBe(count);
    expect([...hashes]).toEqual([...hashes].sort((a, b) => a - b));
  });

  it('depends on word order', () => {
    expect([...shingleHashes(['ا', 'ب', 'ج'])]).not.toEqual([...shingleHashes(['ج', 'ب', 'ا'])]);
  });
});

describe('exactJaccard', () => {
  it.each<[number[], number[], number]>([
    [[], [], 0],
    [[1, 2, 3], [], 0],
    [[1, 2, 3], [1, 2, 3], 1],
    [[1, 2, 3], [2, 3, 4], 0.5],
    [[1, 5], [2, 6], 0],
  ])('%j and %j: %d', (a, b, j) => {
    expect(exactJaccard(Uint32Array.from(a), Uint32Array.from(b))).toBe(j);
  });
});

describe('minHashSignature', () => {
  it('is SIGNATURE_SIZE values, the same on every run', () => {
    const a = minHashSignature(shingles(WIRE_RIYADH));
    expect(a.length).toBe(SIGNATURE_SIZE);
    expect([...minHashSignature(shingles(WIRE_RIYADH))]).toEqual([...a]);
  });

  it('estimates the Jaccard of two tellings of a wire story within three standard errors (3 × 0.062)', () => {
    const a = shingles(WIRE_RIYADH);
    const b = shingles(WIRE_JAZIRAH);
    expect(exactJaccard(a, b)).toBeCloseTo(0.475, 3);
    expect(Math.abs(estimateJaccard(minHashSignature(a), minHashSignature(b)) - exactJaccard(a, b))).toBeLessThan(0.19);
    expect(estimateJaccard(minHashSignature(a), minHashSignature(a))).toBe(1);
  });
});
