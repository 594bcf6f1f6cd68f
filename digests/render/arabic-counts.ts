/** Arabic counted nouns ("تقرير واحد، تقريران، 3 تقارير، 11 تقريراً") with number agreement, numbers in Western digits. */

/**
 * A countable noun in the forms Arabic number agreement needs.
 * Numbers are written in Western digits (as Syrian and Iraqi news sites write them), so only the
 * noun changes with the number; the digits never need gender or case.
 */
export interface ArabicNoun {
  /** After 100, 1000, 101…: "100 تقرير". */
  readonly singular: string;
  /** Two, in the nominative ("تقريران") and after a preposition or as an object ("تقريرين"). */
  readonly dual: { readonly nominative: string; readonly genitive: string };
  /** After 3–10: "3 تقارير". */
  readonly plural: string;
  /** After 11–99 (the accusative tamyiz): "11 تقريراً". */
  readonly accusative: string;
  /** "واحد" or "واحدة", agreeing with the noun's gender: "تقرير واحد", "محافظة واحدة". */
  readonly one: string;
}

/** The case of the counted phrase; it only changes the dual ("تقريران" / "من تقريرين"). */
export type ArabicCase = 'nominative' | 'genitive';

export const REPORT: ArabicNoun = {
  singular: 'تقرير',
  dual: { nominative: 'تقريران', genitive: 'تقريرين' },
  plural: 'تقارير',
  accusative: 'تقريراً',
  one: 'واحد',
};

/** A story: one event, possibly told by several outlets. */
export const STORY: ArabicNoun = {
  singular: 'خبر',
  dual: { nominative: 'خبران', genitive: 'خبرين' },
  plural: 'أخبار',
  accusative: 'خبراً',
  one: 'واحد',
};

export const GOVERNORATE: ArabicNoun = {
  singular: 'محافظة',
  dual: { nominative: 'محافظتان', genitive: 'محافظتين' },
  plural: 'محافظات',
  // The tanween of a taa marbuta is not written in ordinary text: "11 محافظة".
  accusative: 'محافظة',
  one: 'واحدة',
};

/** An event: "حدث واحد، حدثان، 3 أحداث، 11 حدثاً". */
export const EVENT: ArabicNoun = {
  singular: 'حدث',
  dual: { nominative: 'حدثان', genitive: 'حدثين' },
  plural: 'أحداث',
  accusative: 'حدثاً',
  one: 'واحد',
};

/** A kind (of event): "نوع واحد من الأحداث، 3 أنواع من الأحداث". */
export const KIND: ArabicNoun = {
  singular: 'نوع',
  dual: { nominative: 'نوعان', genitive: 'نوعين' },
  plural: 'أنواع',
  accusative: 'نوعاً',
  one: 'واحد',
};

/**
 * `n` of `noun`, agreeing as Modern Standard Arabic wants, by the last two digits of `n`:
 * 0 → "لا تقارير"; 1 → "تقرير واحد"; 2 → the dual; 3–10 → plural; 11–99 → accusative singular;
 * and for 100 and above, a remainder of 0, 1 or 2 → the genitive singular ("100 تقرير", "101 تقرير", as the
 * press writes them in digits), 3–10 → plural ("103 تقارير"), 11–99 → accusative ("111 تقريراً").
 */
export function arabicCount(n: number, noun: ArabicNoun, grammaticalCase: ArabicCase = 'nominative'): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (n === 0) return `لا ${noun.plural}`;
  if (n === 1) return `${noun.singular} ${noun.one}`;
  if (n === 2) return noun.dual[grammaticalCase];
  const rest = n % 100;
  if (rest >= 3 && rest <= 10) return `${n} ${noun.plural}`;
  if (rest >= 11) return `${n} ${noun.accusative}`;
  return `${n} ${noun.singular}`;
}
