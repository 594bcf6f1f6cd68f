/**
 * The second, more aggressive stem: Snowball's Arabic stemmer (through @orama/stemmers), for the index's
 * second field, weighted below the light stem. It strips what light10 keeps: the nisba (جهادي،
 * الجهاديين → جهاد), verb and pronoun suffixes, more prefixes; so more words meet, less precisely.
 */
import { stemmer as snowballArabic } from '@orama/stemmers/arabic';

/** Stems are memoized per normalized word; the memo is dropped whole past this many entries. */
const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

/** The Snowball stem of a normalized word (normalizeArabic, lowercase); non-Arabic words are kept as they are. */
export function stemAggressively(norm: string): string {
  let stem = memo.get(norm);
  if (stem !== undefined) return stem;
  stem = snowballArabic(norm);
  if (stem === '') stem = norm;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(norm, stem);
  return stem;
}
