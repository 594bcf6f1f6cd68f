/** The gazetteer's tables (and the English place names' and the Arabic place lexicon's) read back from their cache files are the tables built from the CSV files, and a bad cache is rebuilt. */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
import { countryCodeOf, loadGazetteerFiles, type Gazetteer, type Place } from '../../src/understand/gazetteer.js';
import { loadArabicPlaceLexicon, type ArabicPlaceLexicon } from '../../src/understand/arabic-place-lexicon.js';
import { matchTokens } from '../../src/understand/match-tokens.js';
import { loadIndex, type EnglishIndex } from '../../src/understand/english-place-names.js';
import { readTables } from '../../src/understand/built-tables-cache.js';

const CSV_FILES = ['gazetteer.csv', 'world.csv', 'landmarks.csv'].map((f) => repoPath('data', 'gazetteer', f));

/** Everything a caller can read of a gazetteer, with places by p-code, so two loads compare whole. */
function contents(g: Gazetteer) {
  return {
    places: g.places.map((p) => ({ ...p, country: [p.country, countryCodeOf(p)] })),
    byArabicName: [...g.byArabicName].map(([name, places]) => [name, places.map((p) => p.pcode)]),
    english: g.places.map((p) => g.englishSpellings(p.pcode)),
    children: g.places.map((p) => g.children(p.pcode).map((c) => c.pcode)),
    got: g.places.map((p) => g.get(p.pcode)?.pcode),
  };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'rasid-gazetteer-cache-'));
const built = contents(loadGazetteerFiles(CSV_FILES));

describe('the gazetteer cache', () => {
  it('is written at the first load and gives back the same tables, one object per place', () => {
    const cache = join(tempDir(), 'cache', 'gazetteer.bin');
    const first = loadGazetteerFiles(CSV_FILES, cache);
    expect(existsSync(cache)).toBe(true);
    const second = loadGazetteerFiles(CSV_FILES, cache);
    expect(contents(first)).toEqual(built);
    expect(contents(second)).toEqual(built);
    // The same place object in every table, as when built.
    const raqqa = second.get('SY11')!;
    expect(second.byArabicName.get('الرقه')![0]).toBe(raqqa);
    expect(second.places).toContain(raqqa);
    expect(second.children('SY').some((p) => p === raqqa)).toBe(true);
  });

  it.each<[string, (file: string) => void]>([
    ['random bytes', (file) => writeFileSync(file, Buffer.from('not a cache at all, just some bytes'))],
    ['an empty file', (file) => writeFileSync(file, '')],
    ['a cut file', (file) => writeFileSync(file, readFileSync(file).subarray(0, 5000))],
    ['its header with a garbage body', (file) => {
      const bytes = readFileSync(file);
      const head = bytes.indexOf(0x0a) + 1 + 64;
      writeFileSync(file, Buffer.concat([bytes.subarray(0, head), Buffer.alloc(4000, 0xff)]));
    }],
    ['its header with another valid value', (file) => {
      const bytes = readFileSync(file);
      const head = bytes.indexOf(0x0a) + 1 + 64;
      writeFileSync(file, Buffer.concat([bytes.subarray(0, head), Buffer.from([0xff, 0x0f, 0x49, 0x54])]));
    }],
  ])('holding %s, is rebuilt, never a crash', (_, spoil) => {
    const cache = join(tempDir(), 'gazetteer.bin');
    loadGazetteerFiles(CSV_FILES, cache);
    spoil(cache);
    expect(contents(loadGazetteerFiles(CSV_FILES, cache))).toEqual(built);
    // Rewritten whole: the next load reads it.
    expect(statSync(cache).size).toBeGreaterThan(100_000);
    expect(contents(loadGazetteerFiles(CSV_FILES, cache))).toEqual(built);
  });

  it('is rebuilt when a CSV file changes', () => {
    const dir = tempDir();
    const files = CSV_FILES.map((f, i) => join(dir, `${i}.csv`));
    CSV_FILES.forEach((f, i) => copyFileSync(f, files[i]!));
    const cache = join(dir, 'gazetteer.bin');
    expect(loadGazetteerFiles(files, cache).get('SY11')!.nameEn).toBe('Raqqa');
    writeFileSync(files[0]!, readFileSync(files[0]!, 'utf8').replace('SY11,admin1,SYR,Raqqa,', 'SY11,admin1,SYR,Raqqa Governorate,'));
    expect(loadGazetteerFiles(files, cache).get('SY11')!.nameEn).toBe('Raqqa Governorate');
  });

  it('that cannot be written costs only time: the tables are built and nothing is left behind', () => {
    const dir = tempDir();
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'x');
    // A directory that cannot be written, and a "directory" that is a file.
    for (const cache of [join(readOnly, 'gazetteer.bin'), join(blocked, 'gazetteer.bin')]) {
      expect(contents(loadGazetteerFiles(CSV_FILES, cache))).toEqual(built);
    }
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'read-only']);
    chmodSync(readOnly, 0o755);
  });
});

describe('the English place-name index cached beside the gazetteer', () => {
  const summary = (index: EnglishIndex) => ({
    byKey: [...index.byKey].map(([key, places]) => [key, places.map((p) => p.pcode)]),
    bySkeleton: [...index.bySkeleton].map(([key, places]) => [key, places.map((p) => p.pcode)]),
    suggestKeys: index.suggestKeys.map(([key, place]) => [key, place.pcode]),
    textKeys: [...index.textKeys],
  });

  it('reads back the index it built, on the gazetteer\'s own place objects', () => {
    const dir = tempDir();
    const gazetteer = loadGazetteerFiles(CSV_FILES, join(dir, 'gazetteer.bin'));
    const built = loadIndex(gazetteer);
    expect(readdirSync(dir).sort()).toEqual(['english-place-names-ts.bin', 'gazetteer.bin']);
    const read = loadIndex(gazetteer);
    expect(read).not.toBe(built);
    expect(summary(read)).toEqual(summary(built));
    for (const [key, places] of [...read.byKey].slice(0, 50)) expect(places[0]).toBe(gazetteer.get(built.byKey.get(key)![0]!.pcode));
    // A gazetteer read from the cache in another process has the same places at the same positions.
    const again = loadGazetteerFiles(CSV_FILES, join(dir, 'gazetteer.bin'));
    expect(summary(loadIndex(again))).toEqual(summary(built));
    expect(loadIndex(again).suggestKeys[0]![1]).toBe(again.get(built.suggestKeys[0]![1].pcode));
  });

  it('is rebuilt from a spoiled file, and not cached for a gazetteer that is not', () => {
    const dir = tempDir();
    const gazetteer = loadGazetteerFiles(CSV_FILES, join(dir, 'gazetteer.bin'));
    const built = summary(loadIndex(gazetteer));
    const file = join(dir, 'english-place-names-ts.bin');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    expect(summary(loadIndex(gazetteer))).toEqual(built);
    expect(readTables({ file, key: readFileSync(file).toString('latin1', 21, 21 + 64) })).not.toBeNull();
    const uncached = loadGazetteerFiles(CSV_FILES);
    expect(summary(loadIndex(uncached))).toEqual(built);
  });
});

describe('the Arabic place lexicon cached beside the gazetteer', () => {
  const pcodes = (places: readonly Place[]) => places.map((p) => p.pcode);
  const summary = (lexicon: ArabicPlaceLexicon) => ({
    index: [...lexicon.index.stored().byFirst],
    clitics: lexicon.index.stored().clitics,
    noClitics: [...lexicon.index.stored().noClitics],
    blockers: [...lexicon.blockers.stored().byFirst],
    candidates: [...lexicon.candidates].map(([name, places]) => [name, pcodes(places)]),
    wellKnown: [...lexicon.wellKnown].map(([name, place]) => [name, place.pcode]),
    sets: (['common', 'cueExempt', 'personLike', 'commonWellKnown', 'prepositionNames', 'governmentNames', 'governmentSeats'] as const)
      .map((field) => [field, [...lexicon[field]]]),
  });
  /** Whatever the lexicon finds in a few sentences, the way understanding asks. */
  const found = (lexicon: ArabicPlaceLexicon) => ['قصف التحالف مدينة الرقة ودير الزور وبالباغوز', 'قوات سوريا الديمقراطية في تل أبيض وأم قصر']
    .map((text) => {
      const tokens = matchTokens(text);
      return [lexicon.index.scan(tokens).map((m) => [m.entry.value, m.first, m.last, m.cliticLetters]), lexicon.blockers.scan(tokens).map((m) => [m.first, m.last])];
    });

  it('reads back the lexicon it built, equal to the one built without a cache, on the gazetteer\'s own place objects', () => {
    const dir = tempDir();
    const built = summary(loadArabicPlaceLexicon(loadGazetteerFiles(CSV_FILES)));
    const gazetteer = loadGazetteerFiles(CSV_FILES, join(dir, 'gazetteer.bin'));
    const written = loadArabicPlaceLexicon(gazetteer);
    expect(readdirSync(dir).sort()).toEqual(['arabic-place-lexicon-ts.bin', 'gazetteer.bin']);
    const read = loadArabicPlaceLexicon(gazetteer);
    expect(read).not.toBe(written);
    expect(summary(written)).toEqual(built);
    expect(summary(read)).toEqual(built);
    expect(found(read)).toEqual(found(written));
    expect(found(read).flat(2).length).toBeGreaterThan(3);
    expect(read.gazetteer).toBe(gazetteer);
    expect(read.candidates.get('الرقه')![0]).toBe(gazetteer.get('SY11'));
    expect(read.wellKnown.get('الباغوز')).toBe(gazetteer.get('C6795'));
    // A gazetteer read from the cache in another process has the same places at the same positions.
    const again = loadGazetteerFiles(CSV_FILES, join(dir, 'gazetteer.bin'));
    const readAgain = loadArabicPlaceLexicon(again);
    expect(summary(readAgain)).toEqual(built);
    expect(readAgain.candidates.get('الرقه')![0]).toBe(again.get('SY11'));
  });

  it.each<[string, (file: string) => void]>([
    ['a cut file', (file) => writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).length >> 1))],
    ['its header with another valid value', (file) => {
      const bytes = readFileSync(file);
      const head = bytes.indexOf(0x0a) + 1 + 64;
      writeFileSync(file, Buffer.concat([bytes.subarray(0, head), Buffer.from([0xff, 0x0f, 0x49, 0x54])]));
    }],
  ])('holding %s, is rebuilt, never a crash', (_, spoil) => {
    const dir = tempDir();
    const gazetteer = loadGazetteerFiles(CSV_FILES, join(dir, 'gazetteer.bin'));
    const built = summary(loadArabicPlaceLexicon(gazetteer));
    const file = join(dir, 'arabic-place-lexicon-ts.bin');
    spoil(file);
    expect(summary(loadArabicPlaceLexicon(gazetteer))).toEqual(built);
    expect(readTables({ file, key: readFileSync(file).toString('latin1', 21, 21 + 64) })).not.toBeNull();
  });
});
