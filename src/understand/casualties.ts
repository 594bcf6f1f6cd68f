// Finds casualty counts in Arabic reports: مقتل 10 مدنيين، إصابة 5، قتلى وجرحى، مقتل وجرح العشرات.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { readNumber, readQualifier, withoutConjunction, type Approximation } from './arabic-numbers.js';
import { matchTokens, type MatchToken } from './match-tokens.js';

/** What happened to the people counted; `casualties` is killed and wounded together (66 قتيلا وجريحا). */
export type CasualtyKind = 'killed' | 'wounded' | 'casualties' | 'abducted' | 'captured';
/** Who they were, when the text says. */
export type CasualtyGroup = 'civilians' | 'fighters' | 'children' | 'women' | 'people';

/** A casualty report; offsets are UTF-16 offsets into the original text. */
export interface Casualty {
  readonly kind: CasualtyKind;
  /** The number, or null when the text gives none or only a vague one (العشرات). */
  readonly count: number | null;
  readonly approx?: Approximation;
  readonly group?: CasualtyGroup;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  /** A total over a period or a whole war (منذ بداية العام، خلال 2017), not one event's toll. */
  readonly aggregate?: boolean;
}

interface Trigger {
  readonly kind: CasualtyKind;
  /** A plural noun (قتلى، جرحى): its number comes before it (5 قتلى) or is not given. */
  readonly plural: boolean;
}

const triggers = (kind: CasualtyKind, plural: boolean, words: readonly string[]): [string, Trigger][] =>
  words.map((w) => [normalizeArabic(w), { kind, plural }]);

/** Words that report casualties. */
const TRIGGERS: ReadonlyMap<string, Trigger> = new Map([
  ...triggers('killed', false, ['مقتل', 'قتل', 'مصرع', 'استشهاد', 'قتلت', 'قتلوا', 'سقوط']),
  ...triggers('killed', true, ['قتلى', 'قتيلا', 'قتيلاً', 'قتيل', 'شهداء']),
  ...triggers('wounded', false, ['إصابة', 'جرح', 'أصيب', 'أصيبوا', 'إصابات']),
  ...triggers('wounded', true, ['جرحى', 'جريحا', 'جريح', 'مصابين', 'مصابا', 'المصابين', 'الجرحى']),
  ...triggers('abducted', false, ['خطف', 'اختطاف', 'اختطف', 'اختطفوا']),
  ...triggers('abducted', true, ['مخطوفين', 'مختطفين']),
  ...triggers('captured', false, ['أسر', 'اعتقال', 'اعتقل', 'القبض على']),
  ...triggers('captured', true, ['أسرى', 'أسيرا', 'معتقلين']),
]);

/** `سقوط` (falling) only reports casualties before a number and a plural noun (سقوط 5 قتلى). */
const FALL = normalizeArabic('سقوط');

const groups = (group: CasualtyGroup, words: readonly string[]): [string, CasualtyGroup][] =>
  words.map((w) => [normalizeArabic(w), group]);

/** Nouns naming the victims; the singular forms mean a count of one when no number is given. */
const GROUPS: ReadonlyMap<string, CasualtyGroup> = new Map([
  ...groups('civilians', ['مدنيين', 'مدنيا', 'مدنيون', 'مدني', 'المدنيين', 'مواطنين', 'مدنيًا']),
  ...groups('fighters', [
    'عناصر', 'عنصرا', 'عنصر', 'العناصر', 'مقاتلين', 'مقاتلا', 'مقاتل', 'مسلحين', 'مسلحا', 'جنود', 'جنديا', 'جندي',
    'عسكريين', 'عسكريا', 'عسكري', 'الجنود', 'المقاتلين', 'المسلحين', 'أفراد', 'قياديين', 'قيادي', 'عضوا',
  ]),
  ...groups('children', ['أطفال', 'طفلا', 'طفل', 'الأطفال']),
  ...groups('women', ['نساء', 'امرأة', 'سيدات', 'النساء']),
  ...groups('people', ['أشخاص', 'شخصا', 'شخص', 'الأشخاص']),
]);
const SINGULAR_GROUPS: ReadonlySet<string> = new Set(
  ['مدني', 'عنصر', 'مقاتل', 'جندي', 'عسكري', 'طفل', 'امرأة', 'شخص', 'قيادي'].map(normalizeArabic),
);
const FROM = normalizeArabic('من');
const AT_LEAST = normalizeArabic('على الأقل').split(' ');

function triggerAt(token: MatchToken | undefined): Trigger | undefined {
  if (!token) return undefined;
  const direct = TRIGGERS.get(token.norm);
  if (direct) return direct;
  for (const word of withoutConjunction(token.norm)) {
    const trigger = TRIGGERS.get(word);
    if (trigger) return trigger;
  }
  return undefined;
}

/** The victims' group at token `k` (also after من: 3 من عناصر); the group and the token after it. */
function groupAt(tokens: readonly MatchToken[], k: number): { group: CasualtyGroup; singular: boolean; next: number } | null {
  let j = k;
  if (tokens[j]?.norm === FROM && !tokens[j + 1]?.gap) j++;
  const token = tokens[j];
  if (!token || token.gap) return null;
  const group = GROUPS.get(token.norm);
  return group ? { group, singular: SINGULAR_GROUPS.has(token.norm), next: j + 1 } : null;
}

/** A number ending just before token `k` (5 قتلى، خمسة قتلى، عشرات القتلى): its value and first token. */
function numberBefore(tokens: readonly MatchToken[], k: number): { value: number | null; approx?: Approximation; first: number } | null {
  for (let first = Math.max(0, k - 3); first < k; first++) {
    const read = readNumber(tokens, first);
    if (read && read.next === k && !tokens[k]!.gap) return { value: read.value, ...(read.approx ? { approx: read.approx } : {}), first };
  }
  return null;
}

/**
 * Casualty reports in Arabic text, left to right. A trigger (مقتل، إصابة، جرح، خطف، أسر, or
 * several joined by و: مقتل وجرح) followed by a number (digits, number words, or a vague
 * quantity such as العشرات), optionally qualified (ما يقرب من) and followed by who (مدنيين،
 * عناصر، أطفال); or a plural noun (قتلى، جرحى) with the number before it, if any.
 */
export function findCasualties(text: string, tokens: readonly MatchToken[] = matchTokens(text)): Casualty[] {
  const out: Casualty[] = [];
  const emit = (kinds: readonly CasualtyKind[], count: number | null, approx: Approximation | undefined,
    group: CasualtyGroup | undefined, first: number, last: number): void => {
    const start = tokens[first]!.start;
    const end = tokens[last - 1]!.end;
    for (const kind of kinds) {
      out.push({ kind, count, ...(approx ? { approx } : {}), ...(group ? { group } : {}), start, end, surface: text.slice(start, end) });
    }
  };

  let i = 0;
  while (i < tokens.length) {
    const trigger = triggerAt(tokens[i]);
    if (!trigger) {
      i++;
      continue;
    }
    const kinds: CasualtyKind[] = [trigger.kind];
    let j = i + 1;
    for (let next = triggerAt(tokens[j]); next && next.plural === trigger.plural && !tokens[j]!.gap; next = triggerAt(tokens[j])) {
      if (!kinds.includes(next.kind)) kinds.push(next.kind);
      j++;
    }

    if (trigger.plural) {
      const before = numberBefore(tokens, i);
      emit(kinds, before?.value ?? null, before?.approx, undefined, before?.first ?? i, j);
      i = j;
      continue;
    }

    let k = j;
    let approx: Approximation | undefined;
    const qualifier = tokens[k] && !tokens[k]!.gap ? readQualifier(tokens, k) : null;
    if (qualifier) {
      approx = qualifier.approx;
      k = qualifier.next;
    }
    const number = tokens[k] && !tokens[k]!.gap ? readNumber(tokens, k) : null;
    if (number) {
      k = number.next;
      const plural = triggerAt(tokens[k]);
      if (tokens[i]!.norm === FALL && !(plural?.plural && !tokens[k]!.gap)) {
        i++;
        continue;
      }
      const group = groupAt(tokens, k);
      let last = group ? group.next : plural?.plural && !tokens[k]!.gap ? k + 1 : k;
      if (AT_LEAST.every((w, n) => tokens[last + n]?.norm === w && !tokens[last + n]!.gap)) {
        approx ??= 'at_least';
        last += AT_LEAST.length;
      }
      emit(plural?.plural ? [plural.kind] : kinds, number.value, number.approx ?? approx, group?.group, i, last);
      i = last;
      continue;
    }
    const group = tokens[i]!.norm === FALL ? null : groupAt(tokens, j);
    if (group) {
      emit(kinds, group.singular ? 1 : null, undefined, group.group, i, group.next);
      i = group.next;
      continue;
    }
    i = j;
  }
  return out;
}
