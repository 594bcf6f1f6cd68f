// A court's death sentence (حكما بإعدام 12 مدانا، قضت بإعدام، حكم عليه بالإعدام) is not an execution: nobody has
// died, and ACLED codes no sentence. Carried out (نفذ التنظيم حكم الإعدام بحق خمسة مدنيين) it is one.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { findWithoutConjunction } from './arabic-numbers.js';
import type { MatchToken } from './match-tokens.js';

const set = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(normalizeArabic));

/** The execution words a sentence can govern: the verbal noun, with or without the article. */
const EXECUTION_NOUNS = set(['إعدام', 'الإعدام', 'إعدامهم', 'إعدامه', 'إعدامها']);
/** A sentence or a court's ruling: حكم، حكما، أحكام، قضت، يقضي. */
const SENTENCING = set([
  'حكم', 'حكما', 'الحكم', 'أحكام', 'أحكاما', 'الأحكام', 'حكمت', 'حكمه', 'قضت', 'قضى', 'يقضي', 'تقضي', 'القاضي',
  'بالحكم', 'بحكم', 'يحكم', 'تحكم', 'أصدر', 'أصدرت', 'صدر', 'صدور',
]);
/** Carrying a sentence out: نفذ، تنفيذ، نفذت. */
const CARRIED_OUT = set(['نفذ', 'نفذت', 'نفذوا', 'تنفيذ', 'ينفذ', 'تنفذ', 'تنفيذه', 'نفذا']);
/** How far back from the sentence word a carrying-out verb may stand (نفذ التنظيم حكم الإعدام). */
const CARRIED_OUT_REACH = 3;
/**
 * How far back from the execution word the sentence may stand, in its clause: حكم عليه بالإعدام، أحكام نهائية
 * بإعدام، قضت محكمة عراقية بإعدام.
 */
const SENTENCE_REACH = 4;

const has = (s: ReadonlySet<string>) => (w: string): boolean => s.has(w);

/** True when the execution word at token `k` is a court's sentence that no one is said to have carried out. */
export function isDeathSentenceAt(tokens: readonly MatchToken[], k: number): boolean {
  const word = tokens[k];
  if (!word || findWithoutConjunction(word.norm, has(EXECUTION_NOUNS)) === undefined) return false;
  for (let s = k - 1; s >= Math.max(0, k - SENTENCE_REACH); s--) {
    if (tokens[s + 1]!.gap) return false;
    if (findWithoutConjunction(tokens[s]!.norm, has(CARRIED_OUT)) !== undefined) return false;
    if (findWithoutConjunction(tokens[s]!.norm, has(SENTENCING)) === undefined) continue;
    for (let c = s - 1; c >= Math.max(0, s - CARRIED_OUT_REACH); c--) {
      if (tokens[c + 1]!.gap) break;
      if (findWithoutConjunction(tokens[c]!.norm, has(CARRIED_OUT)) !== undefined) return false;
    }
    return true;
  }
  return false;
}
