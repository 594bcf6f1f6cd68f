/** Dates in Arabic for digests: Levantine month names, Western digits, in the digest's time zone. */

/**
 * The Syriac (Levantine) month names used in Syria and Iraq ("كانون الثاني", not the Egyptian "يناير").
 * A fixed table rather than `Intl` with an Arabic locale, whose names depend on the locale chosen and the ICU data.
 */
export const ARABIC_MONTHS: readonly string[] = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];

/** Names of the zones digests are likely to be sent in, as "بتوقيت …" reads; others are shown as an offset. */
const ZONE_CITIES: Readonly<Record<string, string>> = {
  'Asia/Damascus': 'دمشق',
  'Asia/Baghdad': 'بغداد',
  'Asia/Beirut': 'بيروت',
  'Asia/Amman': 'عمّان',
  'Europe/Istanbul': 'إسطنبول',
  'Asia/Riyadh': 'الرياض',
  UTC: 'غرينتش',
  'Etc/UTC': 'غرينتش',
  GMT: 'غرينتش',
};

/** A wall-clock reading of an instant in a zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Where the clock on the wall in `timeZone` stood at `iso`; null for an unparseable instant. Throws on an unknown zone. */
export function wallTime(iso: string, timeZone: string): WallTime | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

/** "4 آذار" (with the year, "4 آذار 2024", when asked); null for an unparseable instant. */
export function arabicDay(iso: string, timeZone: string, withYear = false): string | null {
  const t = wallTime(iso, timeZone);
  if (!t) return null;
  return `${t.day} ${ARABIC_MONTHS[t.month - 1] ?? ''}${withYear ? ` ${t.year}` : ''}`;
}

const clock = (t: WallTime) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** "بتوقيت دمشق", or "بتوقيت غرينتش+3" for a zone without a name here (its offset at the instant `at`). */
export function arabicZone(timeZone: string, at: string | number = Date.now()): string {
  const city = ZONE_CITIES[timeZone];
  if (city) return `بتوقيت ${city}`;
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(typeof at === 'string' ? Date.parse(at) : at)
    .find((p) => p.type === 'timeZoneName')?.value;
  // "GMT+03:00" → "+3", "GMT+05:30" → "+5:30", "GMT" and "GMT+00:00" → "".
  const m = /([+-])(\d\d):(\d\d)/.exec(offset ?? '');
  const short = m && m[0] !== '+00:00' ? `${m[1]}${Number(m[2])}${m[3] === '00' ? '' : `:${m[3]}`}` : '';
  return `بتوقيت غرينتش${short}`;
}

/**
 * The span a digest covers, leading with an Arabic word so the line reads right to left:
 * "يوم 4 آذار 2024 من الساعة 08:00 حتى الساعة 14:00 (بتوقيت دمشق)",
 * "من 3 آذار الساعة 14:00 حتى 4 آذار 2024 الساعة 08:00 (بتوقيت دمشق)", or "حتى … " from the beginning.
 */
export function arabicPeriod(period: { readonly from: string | null; readonly to: string }, timeZone: string): string {
  const to = wallTime(period.to, timeZone);
  if (!to) throw new RangeError(`digest period end is not an instant: ${period.to}`);
  const zone = `(${arabicZone(timeZone, period.to)})`;
  const toDay = `${to.day} ${ARABIC_MONTHS[to.month - 1]} ${to.year}`;
  const from = period.from === null ? null : wallTime(period.from, timeZone);
  if (!from) return `حتى ${toDay} الساعة ${clock(to)} ${zone}`;
  if (from.year === to.year && from.month === to.month && from.day === to.day) {
    return `يوم ${toDay} من الساعة ${clock(from)} حتى الساعة ${clock(to)} ${zone}`;
  }
  const fromDay = `${from.day} ${ARABIC_MONTHS[from.month - 1]}${from.year === to.year ? '' : ` ${from.year}`}`;
  return `من ${fromDay} الساعة ${clock(from)} حتى ${toDay} الساعة ${clock(to)} ${zone}`;
}
