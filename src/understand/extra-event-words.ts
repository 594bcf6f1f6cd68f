// Happenings the event lexicon does not name but event records need: protests, riots, territory taken or retaken, defused bombs.

import type { EventKind } from './acled-types.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { eventStatusAt, type EventStatus } from './event-status.js';
import { tokenSpan } from './events.js';
import type { MatchToken } from './match-tokens.js';
import { TermMatcher, type TermRow } from './term-matcher.js';

type ExtraKind = Extract<EventKind, 'protest' | 'riot' | 'territory' | 'disrupted'>;

/** Fighters taken out of a place: an evacuation under a deal (see event-records.ts, tellsOfDeal). */
export const EVACUATION_PHRASES: readonly string[] = ['إجلاء', 'إخراج', 'خروج', 'مغادرة'].flatMap((verb) =>
  ['مسلحي', 'المسلحين', 'مقاتلي', 'المقاتلين'].map((who) => `${verb} ${who}`));

const ROWS: readonly TermRow<ExtraKind>[] = [
  {
    key: 'protest',
    arabic: [
      'مظاهرة', 'مظاهرات', 'تظاهرة', 'تظاهرات', 'تظاهر', 'تظاهروا', 'احتجاجات', 'وقفة احتجاجية', 'اعتصام', 'المحتجين', 'المتظاهرين',
      // The present of a headline (آلاف المغاربة يتظاهرون في الدار البيضاء).
      'يتظاهرون', 'يتظاهر', 'تتظاهر',
    ],
    english: [],
  },
  { key: 'riot', arabic: ['أعمال شغب', 'شغب'], english: [] },
  {
    key: 'territory',
    arabic: [
      'سيطرت على', 'سيطروا على', 'سيطر على', 'بسط سيطرته', 'استعادت السيطرة', 'استعادة السيطرة', 'استعاد السيطرة',
      'تحرير', 'حررت', 'انتزاع السيطرة', 'دخلت القوات', 'دخول القوات', 'دخلت قوات', 'دخول قوات', 'دخل الجيش',
      'دخول الجيش', 'تسلم أسلحتها', 'تسليم أسلحتها', 'سلمت أسلحتها', 'تسليم أسلحتهم', 'تسليم سلاحها', 'تسليم السلاح الثقيل',
      // Fighters evacuated from a place (إجلاء مسلحي فيلق الرحمن، خروج المسلحين من مخيم اليرموك): it changes hands by a deal.
      ...EVACUATION_PHRASES,
    ],
    english: [],
  },
  {
    key: 'disrupted',
    arabic: [
      'تفكيك عبوة', 'تفكيك عبوات', 'فككت', 'تفكيك', 'إبطال مفعول', 'أبطلت', 'إحباط', 'أحبطت', 'أحبط', 'إسقاط طائرة',
      'أسقطت طائرة', 'اعتراض صاروخ', 'اعترضت',
    ],
    english: [],
  },
];

let matcher: TermMatcher<ExtraKind> | undefined;

/** Air defences (الدفاعات الجوية، الدفاع الجوي، المضادات الأرضية، الدفاعات السورية) as a subject. */
const AIR_DEFENCES: ReadonlySet<string> = new Set(['الدفاعات', 'دفاعات', 'الدفاع', 'المضادات', 'مضادات', 'وسائط', 'منظومات', 'منظومة'].map(normalizeArabic));
/** What air defences do to what they stop: تصدت، دمرت، أسقطت، اعترضت (and the present). */
const STOPPING: ReadonlySet<string> = new Set(
  ['تصدت', 'تصدى', 'تتصدى', 'يتصدى', 'دمرت', 'تدمر', 'أسقطت', 'أسقط', 'تسقط', 'يسقط', 'اعترضت', 'تعترض', 'واجهت']
    .map(normalizeArabic),
);
const WAW_CODE = 'و'.charCodeAt(0);
const FEH_CODE = 'ف'.charCodeAt(0);
/** How far after the air-defence word its verb may stand (الدفاعات الجوية السورية تصدت). */
const STOPPING_REACH = 3;

/** Air defences stopping something (الدفاعات الجوية السورية تصدت لـ"هدف معاد"): Disrupted weapons use, whatever was stopped. */
function airDefenceStops(text: string, tokens: readonly MatchToken[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const norm = tokens[k]!.norm;
    // The regular expression only for a word that opens on و or ف: it ran for every token of every report.
    const first = norm.charCodeAt(0);
    if (!AIR_DEFENCES.has(first === WAW_CODE || first === FEH_CODE ? norm.replace(/^[وف](?=..)/u, '') : norm)) continue;
    for (let j = k + 1; j <= Math.min(tokens.length - 1, k + STOPPING_REACH); j++) {
      if (/[.!?؟\n،,؛;:]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      if (STOPPING.has(tokens[j]!.norm)) {
        out.push({ first: k, last: j + 1 });
        break;
      }
    }
  }
  return out;
}

/** What governs an extra word so that it did not happen: a threat, a plan, a demand, a denial, a hypothesis (سيتم اعتراض الصواريخ). */
const NOT_DONE: ReadonlySet<EventStatus> = new Set(['threat', 'plan', 'demand', 'denial', 'hypothetical', 'historical', 'sentenced']);

/** The extra happenings named in Arabic text, with offsets into it; those threatened, planned, demanded, denied or supposed are left out. */
export function findExtraEvents(text: string, tokens: readonly MatchToken[]): { kind: ExtraKind; start: number; end: number }[] {
  matcher ??= new TermMatcher(ROWS, { definiteVariants: true });
  const found = matcher.findArabic(text, tokens)
    .filter((m) => {
      const [first, last] = tokenSpan(tokens, m);
      const status = eventStatusAt(text, tokens, first, last);
      // A protest or a handover that was stopped (حالت انقسامات دون مواصلة الإجلاء) did not happen either.
      return status === undefined || !(NOT_DONE.has(status) || (status === 'disrupted' && m.key !== 'disrupted'));
    })
    .map((m) => ({ kind: m.key, start: m.start, end: m.end }));
  for (const { first, last } of airDefenceStops(text, tokens)) {
    const start = tokens[first]!.start;
    if (found.some((m) => m.start < tokens[last - 1]!.end && start < m.end)) continue;
    const status = eventStatusAt(text, tokens, first, last);
    if (status === undefined || !NOT_DONE.has(status)) found.push({ kind: 'disrupted', start, end: tokens[last - 1]!.end });
  }
  return found.sort((a, b) => a.start - b.start);
}
