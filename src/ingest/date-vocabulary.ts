// Readonly tables of month and weekday names used to read dates written in words.

/** One spelling of a month name and the month number (1-12) it stands for. */
export interface MonthName {
  readonly name: string;
  readonly month: number;
}

/**
 * Month names in the two Arabic series (Egyptian/Gulf يناير… and Levantine/Iraqi كانون الثاني…),
 * with the spelling variants seen in news pages, plus English names for Latin-script metadata.
 * Spellings differing only in hamza/madda (أغسطس/اغسطس, آذار/اذار) are listed once and matched
 * after `normalizeArabic`, which folds them together.
 */
export const MONTH_NAMES: readonly MonthName[] = [
  { name: 'يناير', month: 1 }, { name: 'كانون الثاني', month: 1 },
  { name: 'فبراير', month: 2 }, { name: 'شباط', month: 2 },
  { name: 'مارس', month: 3 }, { name: 'آذار', month: 3 },
  { name: 'أبريل', month: 4 }, { name: 'إبريل', month: 4 }, { name: 'نيسان', month: 4 },
  { name: 'مايو', month: 5 }, { name: 'أيار', month: 5 },
  { name: 'يونيو', month: 6 }, { name: 'يونيه', month: 6 }, { name: 'حزيران', month: 6 },
  { name: 'يوليو', month: 7 }, { name: 'يوليه', month: 7 }, { name: 'تموز', month: 7 },
  { name: 'أغسطس', month: 8 }, { name: 'آب', month: 8 },
  { name: 'سبتمبر', month: 9 }, { name: 'أيلول', month: 9 },
  { name: 'أكتوبر', month: 10 }, { name: 'تشرين الأول', month: 10 },
  { name: 'نوفمبر', month: 11 }, { name: 'تشرين الثاني', month: 11 },
  { name: 'ديسمبر', month: 12 }, { name: 'كانون الأول', month: 12 },
  { name: 'january', month: 1 }, { name: 'jan', month: 1 },
  { name: 'february', month: 2 }, { name: 'feb', month: 2 },
  { name: 'march', month: 3 }, { name: 'mar', month: 3 },
  { name: 'april', month: 4 }, { name: 'apr', month: 4 },
  { name: 'may', month: 5 },
  { name: 'june', month: 6 }, { name: 'jun', month: 6 },
  { name: 'july', month: 7 }, { name: 'jul', month: 7 },
  { name: 'august', month: 8 }, { name: 'aug', month: 8 },
  { name: 'september', month: 9 }, { name: 'sept', month: 9 }, { name: 'sep', month: 9 },
  { name: 'october', month: 10 }, { name: 'oct', month: 10 },
  { name: 'november', month: 11 }, { name: 'nov', month: 11 },
  { name: 'december', month: 12 }, { name: 'dec', month: 12 },
];

/** Weekday names that may open a dateline ("الخميس 24 فبراير 2022"); they carry no date themselves. */
export const WEEKDAY_NAMES: readonly string[] = [
  'الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat',
];

/**
 * Words a dateline may carry around its date without becoming a sentence:
 * "يوم", "الموافق", the era suffix "م", clock words, and time-zone words.
 */
export const DATELINE_FILLER_WORDS: readonly string[] = [
  'يوم', 'الموافق', 'م', 'الساعة', 'بتوقيت', 'غرينتش', 'gmt', 'utc', 'at',
];

/** Clock suffixes meaning before noon (ص = صباحاً). */
export const MORNING_SUFFIXES: readonly string[] = ['ص', 'صباحاً', 'am', 'a.m.'];
/** Clock suffixes meaning after noon (م = مساءً). */
export const EVENING_SUFFIXES: readonly string[] = ['م', 'مساءً', 'pm', 'p.m.'];
