// Happenings the event lexicon does not name but event records need: protests, riots, territory taken or retaken, defused bombs.

import type { EventKind } from './acled-types.js';
import { eventStatusAt, type EventStatus } from './event-status.js';
import { tokenSpan } from './events.js';
import type { MatchToken } from './match-tokens.js';
import { TermMatcher, type TermRow } from './term-matcher.js';

type ExtraKind = Extract<EventKind, 'protest' | 'riot' | 'territory' | 'disrupted'>;

const ROWS: readonly TermRow<ExtraKind>[] = [
  {
    key: 'protest',
    arabic: ['مظاهرة', 'مظاهرات', 'تظاهرة', 'تظاهرات', 'تظاهر', 'تظاهروا', 'احتجاجات', 'وقفة احتجاجية', 'اعتصام', 'المحتجين', 'المتظاهرين'],
    english: [],
  },
  { key: 'riot', arabic: ['أعمال شغب', 'شغب'], english: [] },
  {
    key: 'territory',
    arabic: [
      'سيطرت على', 'سيطروا على', 'سيطر على', 'بسط سيطرته', 'استعادت السيطرة', 'استعادة السيطرة', 'استعاد السيطرة',
      'تحرير', 'حررت', 'انتزاع السيطرة', 'دخلت القوات', 'دخول القوات', 'دخلت قوات', 'دخول قوات', 'دخل الجيش',
      'دخول الجيش', 'تسلم أسلحتها', 'تسليم أسلحتها', 'سلمت أسلحتها', 'تسليم أسلحتهم', 'تسليم سلاحها', 'تسليم السلاح الثقيل',
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

/** What governs an extra word so that it did not happen: a threat, a plan, a demand, a denial, a hypothesis (سيتم اعتراض الصواريخ). */
const NOT_DONE: ReadonlySet<EventStatus> = new Set(['threat', 'plan', 'demand', 'denial', 'hypothetical', 'historical']);

/** The extra happenings named in Arabic text, with offsets into it; those threatened, planned, demanded, denied or supposed are left out. */
export function findExtraEvents(text: string, tokens: readonly MatchToken[]): { kind: ExtraKind; start: number; end: number }[] {
  matcher ??= new TermMatcher(ROWS, { definiteVariants: true });
  return matcher.findArabic(text, tokens)
    .filter((m) => {
      const [first, last] = tokenSpan(tokens, m);
      const status = eventStatusAt(text, tokens, first, last);
      return status === undefined || !NOT_DONE.has(status);
    })
    .map((m) => ({ kind: m.key, start: m.start, end: m.end }));
}
