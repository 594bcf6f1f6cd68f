/** Renders chat replies as plain terminal text (the console chat and `rasid search`). */
import type { AnswerItem, Labeled, SearchAnswer } from '../../src/search/search-answer.js';
import type { Snippet } from '../../src/search/make-snippet.js';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { nothingToSearch, PLAIN, RESULT_WORDS, resultsRange, sayAnswer, undatedLine, type Lang } from '../chat/chat-wording.js';

export interface TextStyle {
  /** Mark matches with ANSI bold colour (a terminal) rather than `**…**` (a pipe or a file). */
  readonly color: boolean;
  /** How the reader gets the next page: the chat's `/next` (default) or the command line's `--offset N`. */
  readonly paging?: 'chat' | 'cli';
  /** Wrap snippets at word boundaries to this many columns (a terminal's width); unset: one long line. */
  readonly width?: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Breaks text into lines of at most `width` visible characters (colour codes take no room), only at spaces, each after `indent`. */
export function wrapWords(text: string, width: number, indent: string, firstIndent = indent): string {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  let seen = 0;
  for (const word of text.split(/ +/)) {
    const visible = word.replace(ANSI, '').length;
    if (line !== '' && seen + 1 + visible > room) {
      lines.push(line);
      line = '';
      seen = 0;
    }
    line += (line === '' ? '' : ' ') + word;
    seen += (seen === 0 ? 0 : 1) + visible;
  }
  lines.push(line);
  return lines.map((l, k) => (k === 0 ? firstIndent : indent) + l).join('\n');
}

const BOLD_YELLOW = '\u001b[1;33m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** The snippet with its highlights marked. */
export function markSnippet(snippet: Snippet, style: TextStyle): string {
  const [open, close] = style.color ? [BOLD_YELLOW, RESET] : ['**', '**'];
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += snippet.text.slice(at, start) + open + snippet.text.slice(start, end) + close;
    at = end;
  }
  return out + snippet.text.slice(at);
}

const name = (l: Labeled, lang: 'ar' | 'en') => (lang === 'ar' ? l.ar : `${l.en} (${l.ar})`);

/** A date as the reader expects it: the day only; "date unknown" when no date was found. */
export function formatDate(iso: string | null, lang: 'ar' | 'en'): string {
  if (iso === null) return RESULT_WORDS.dateUnknown[lang];
  return iso.slice(0, 10);
}

function interpretationLine(a: SearchAnswer): string {
  const i = a.interpretation;
  const parts: string[] = [];
  const ar = a.lang === 'ar';
  if (i.places.length) parts.push(`${RESULT_WORDS.places[a.lang]}: ${i.places.map((p) => name(p, a.lang)).join(', ')}`);
  if (i.events.length) parts.push(`${RESULT_WORDS.events[a.lang]}: ${i.events.map((e) => name(e, a.lang)).join(', ')}`);
  if (i.actors.length) parts.push(`${RESULT_WORDS.actors[a.lang]}: ${i.actors.map((x) => name(x, a.lang)).join(', ')}`);
  if (i.terms.length || i.phrases.length) parts.push(`${ar ? 'كلمات' : 'words'}: ${[...i.phrases.map((p) => `"${p}"`), ...i.terms].join(' ')}`);
  if (i.since || i.until) {
    const range = `${i.since ?? '…'} → ${i.until ?? '…'}`;
    parts.push(`${RESULT_WORDS.dates[a.lang]}: ${range}`);
  }
  return parts.join(' · ');
}

function itemLines(item: AnswerItem, n: number, lang: 'ar' | 'en', style: TextStyle): string[] {
  const meta = [item.source ?? RESULT_WORDS.outletUnknown[lang], formatDate(item.publishedAt, lang), `#${item.id}`];
  const dim = (s: string) => (style.color ? `${DIM}${s}${RESET}` : s);
  return [
    style.width === undefined ? `${n}. ${item.title}` : wrapWords(item.title, style.width, '   ', `${n}. `),
    `   ${dim(meta.join(' · '))}`,
    style.width === undefined ? `   ${markSnippet(item.snippet, style)}` : wrapWords(markSnippet(item.snippet, style), style.width, '   '),
    `   ${item.url ?? dim(lang === 'ar' ? '(بلا رابط)' : '(no link)')}`,
  ];
}

/** A page of results, or the reason there is none and what to try instead. */
export function renderAnswer(a: SearchAnswer, style: TextStyle, heading?: 'latest'): string {
  const ar = a.lang === 'ar';
  const lines: string[] = [];
  if (heading === 'latest') lines.push(RESULT_WORDS.latest[a.lang]);
  else {
    const understood = interpretationLine(a);
    if (understood) lines.push(`${ar ? 'فهمت' : 'Understood'}: ${understood}`);
    if (a.interpretation.ignored.length) {
      lines.push(
        ar
          ? `تجاهلت: ${a.interpretation.ignored.join(', ')}`
          : `Ignored (not a known place, event or actor, and English words cannot match Arabic text): ${a.interpretation.ignored.join(', ')}`,
      );
    }
    for (const s of a.interpretation.suggestions) {
      lines.push(ar ? `هل تقصد: ${s.places.join('، ')}؟ (بدل ${s.word})` : `Did you mean ${s.places.join(', ')} for "${s.word}"?`);
    }
  }
  if (a.total === 0) {
    if (!heading && lines.length === 0) {
      lines.push(nothingToSearch(a.lang, (s) => `"${s}"`));
    } else lines.push(RESULT_WORDS.noReports[a.lang]);
    if (a.undated > 0) lines.push(undatedLine(a.undated, a.lang));
    return lines.join('\n');
  }
  if (a.relaxed) {
    lines.push(RESULT_WORDS.relaxed[a.lang]);
  }
  const cli = style.paging === 'cli';
  if (a.items.length === 0) {
    // Paged past the end (or asked for an offset beyond it): say so rather than "Results 6–5 of 5".
    if (cli) lines.push(ar ? `لا نتائج بعد الإزاحة ${a.offset}: عددها ${a.total} فقط؛ ‎--offset 0 يعرض أولها.` : `Nothing at --offset ${a.offset}: there are only ${a.total} result(s); --offset 0 shows the first page.`);
    else lines.push(ar ? `لا مزيد من النتائج: عُرضت كلها (${a.total}). ‎/prev للصفحة السابقة.` : `No more results: all ${a.total} were shown. /prev goes back.`);
    return lines.join('\n');
  }
  const from = a.offset + 1;
  const to = a.offset + a.items.length;
  lines.push(resultsRange(from, to, a.total, a.lang));
  a.items.forEach((item, k) => lines.push('', ...itemLines(item, a.offset + k + 1, a.lang, style)));
  if (to < a.total) lines.push('', cli ? (ar ? `للمزيد: ‎--offset ${to}` : `More: --offset ${to}`) : ar ? 'للمزيد: /next' : 'More: /next');
  return lines.join('\n');
}

const HELP: Record<'ar' | 'en', string> = {
  en: [
    'Rasid searches Arabic reporting on ISIS in Syria and Iraq. Type a query in English or Arabic:',
    '  attacks in Raqqa · هجمات في الرقة · car bombs Deir ez-Zor 2019 · sleeper cells Hasakah since 2022',
    'Places (any common spelling), event words (attack, car bomb, airstrike, kidnapping, threats…),',
    'actors (ISIS, SDF, regime…), "quoted phrases" and dates (since 2022, in 2019, last month) all work.',
    '',
    '/latest   the newest reports',
    '/next     the next page of results   /prev   the previous page',
    '/digest   a preview of a digest of the last 24 hours',
    '/alert    spike alerts printed here when events matching a filter rise above their usual level (/alert Deir ez-Zor)',
    '/stats    a chart of the events (timeline by type, killed and wounded, governorates) written as a PNG (/stats attacks in Raqqa)',
    '/map      a map of the events by place, written as a PNG (/map car bombs)',
    '/help     this help',
    '/quit     leave the console chat',
  ].join('\n'),
  ar: [
    'راصد يبحث في التقارير العربية عن تنظيم داعش في سوريا والعراق. اكتب بحثك بالعربية أو الإنجليزية:',
    '  هجمات في الرقة · سيارة مفخخة دير الزور 2019 · خلايا نائمة الحسكة منذ 2022',
    'الأماكن وأنواع الأحداث والجهات و"العبارات بين علامتي تنصيص" والتواريخ (منذ 2022، عام 2019، الشهر الماضي).',
    '',
    '/latest   أحدث التقارير',
    '/next     الصفحة التالية   /prev   الصفحة السابقة',
    '/digest   معاينة موجز آخر 24 ساعة',
    '/alert    تنبيه هنا حين ترتفع الأحداث المطابقة فوق المعتاد (/alert دير الزور)',
    '/stats    رسم بياني للأحداث (خط زمني حسب النوع، القتلى والجرحى، المحافظات) يُحفظ صورة PNG (/stats هجمات في الرقة)',
    '/map      خريطة الأحداث حسب المكان تُحفظ صورة PNG (/map سيارات مفخخة)',
    '/help     هذه المساعدة',
    '/quit     الخروج',
  ].join('\n'),
};

/** Any chat answer as terminal text, in `lang` (the session's language). */
export function renderTextReply(answer: ChatAnswer, lang: Lang, style: TextStyle): string {
  switch (answer.kind) {
    case 'results':
      return renderAnswer(answer.answer, style, answer.heading);
    case 'help':
      return HELP[lang];
    case 'picture':
      // Text only: the console chat writes the picture's file itself (console-chat.ts).
      return answer.picture.fallback ?? answer.picture.caption;
    default:
      return sayAnswer(answer, lang, PLAIN) ?? '';
  }
}
