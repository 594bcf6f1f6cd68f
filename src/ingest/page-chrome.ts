// Readonly tables of site chrome (navigation, share prompts, banners) and the tests that spot it.
import { normalizeArabic } from '../arabic/normalize-arabic.js';

/** What a chrome line is for; reported with dropped lines and used to spot "related news" sections. */
export type ChromeKind =
  | 'navigation' | 'share' | 'comment' | 'related' | 'cookie' | 'newsletter' | 'contribution' | 'byline';

interface ChromeLine {
  readonly text: string;
  readonly kind: ChromeKind;
}

/**
 * Lines that are chrome whatever their position: a paragraph of an article is never exactly one of
 * these. Compared after `chromeKey` (Arabic normalization, case, trailing punctuation), so
 * "قد يعجبك أيضاً" also matches "قد يعجبك ايضا:".
 */
export const CHROME_LINES: readonly ChromeLine[] = [
  { text: 'الصفحة الرئيسية', kind: 'navigation' },
  { text: 'الرئيسية', kind: 'navigation' },
  { text: 'آخر الأخبار', kind: 'related' },
  { text: 'أحدث الأخبار', kind: 'related' },
  { text: 'الأكثر قراءة', kind: 'related' },
  { text: 'المزيد من الأخبار', kind: 'related' },
  { text: 'Search', kind: 'navigation' },
  { text: 'بحث', kind: 'navigation' },
  { text: 'Close this search box.', kind: 'navigation' },
  { text: 'Skip to content', kind: 'navigation' },
  { text: 'انتقل إلى المحتوى', kind: 'navigation' },
  { text: 'القائمة', kind: 'navigation' },
  { text: 'Menu', kind: 'navigation' },
  { text: 'شارك', kind: 'share' },
  { text: 'شارك المقال', kind: 'share' },
  { text: 'شارك الخبر', kind: 'share' },
  { text: 'شارك هذا المقال', kind: 'share' },
  { text: 'مشاركة', kind: 'share' },
  { text: 'Share', kind: 'share' },
  { text: 'انشر مقالك', kind: 'contribution' },
  { text: 'طباعة', kind: 'share' },
  { text: 'نسخ الرابط', kind: 'share' },
  { text: 'تابعنا', kind: 'share' },
  { text: 'دع تعليقاً', kind: 'comment' },
  { text: 'اترك تعليقاً', kind: 'comment' },
  { text: 'أضف تعليقاً', kind: 'comment' },
  { text: 'التعليقات', kind: 'comment' },
  { text: 'أخبار ذات صلة', kind: 'related' },
  { text: 'مواضيع ذات صلة', kind: 'related' },
  { text: 'مقالات ذات صلة', kind: 'related' },
  { text: 'قد يعجبك أيضاً', kind: 'related' },
  // The seed site misspells it (ح for ج); keep the typo so the line is still recognised.
  { text: 'قد يعحبك أيضاً', kind: 'related' },
  { text: 'اقرأ أيضاً', kind: 'related' },
  { text: 'اقرأ المزيد', kind: 'related' },
  { text: 'Privacy & Cookies Policy', kind: 'cookie' },
  { text: 'موافق', kind: 'cookie' },
  { text: 'قراءة المزيد', kind: 'cookie' },
  { text: 'Accept', kind: 'cookie' },
];

interface ChromePattern {
  readonly kind: ChromeKind;
  readonly pattern: RegExp;
}

/**
 * Chrome recognised by a phrase inside the line. These can echo article wording, so they are only
 * applied to the leading and trailing blocks of a page, never to lines inside the article.
 */
export const CHROME_PATTERNS: readonly ChromePattern[] = [
  // Cookie banners: "هذا الموقع يستخدم ما يسمى الكوكيز…", "ملفات تعريف الارتباط", "We use cookies".
  { kind: 'cookie', pattern: /الكوكيز|ملفات تعريف الارتباط|\bcookies?\b/iu },
  // Privacy links and notices.
  { kind: 'cookie', pattern: /^(?:سياسة الخصوصية|privacy policy)/iu },
  // Comment-form consent ("ياستخدامك لهذا النموذج أنت توافق…", seed typo ي for ب included).
  { kind: 'comment', pattern: /^[بي]استخدامك (?:لهذا|هذا) النموذج/u },
  // Comment prompts: "دع تعليقاً على…", "اترك رداً".
  { kind: 'comment', pattern: /^(?:دع|اترك|أضف|اضف) (?:تعليق|رد)/u },
  // Newsletter boxes: "هل أعجبك المحتوى…", "اشترك بنشرتنا البريدية", "اشترك في النشرة".
  { kind: 'newsletter', pattern: /هل [أا]عجبك المحتوى|اشترك (?:في |ب)(?:ال)?نشر(?:ت|ة|تنا)|نشرتنا البريدية/u },
  // Contribution prompts: "لإرسال مقال للنشر في حفريات اضغط هنا", "سياسة استقبال المساهمات".
  { kind: 'contribution', pattern: /^ل[إا]رسال مقال|سياسة استقبال المساهمات/u },
  // Share rows: "شارك على فيسبوك", "شارك عبر واتساب".
  { kind: 'share', pattern: /^(?:شارك|انشر|مشاركة) (?:على|عبر) \S+$/u },
  // Follow prompts: "تابعنا على تلغرام".
  { kind: 'share', pattern: /^تابعونا|^تابعنا على/u },
  // CMS account bylines: "by admindiaa" (a site user handle, not an author credit).
  { kind: 'byline', pattern: /^(?:by|بواسطة) [\p{L}\p{N}_.-]+$/iu },
  // Copyright footers.
  { kind: 'navigation', pattern: /^(?:©|copyright\b|جميع الحقوق محفوظة|حقوق النشر محفوظة)/iu },
];

/** Trailing punctuation ignored when comparing a line with CHROME_LINES. */
const TRAILING_MARKS = /[\s.:!?؟،,…|\-–—]+$/u;

/** The comparison form of a line: normalized Arabic, lower case, single spaces, no trailing marks. */
export function chromeKey(line: string): string {
  return normalizeArabic(line).toLowerCase().replace(/\s+/g, ' ').replace(TRAILING_MARKS, '').trim();
}

const EXACT: ReadonlyMap<string, ChromeKind> = new Map(CHROME_LINES.map((c) => [chromeKey(c.text), c.kind]));

/** Tatweel sits among the letters but is deleted by normalization. */
const TATWEEL_CODE = 0x0640;
/** The longest known chrome line, in `chromeKey` form. */
const EXACT_MAX_CHARS = Math.max(...[...EXACT.keys()].map((k) => k.length));

/**
 * True when the line holds more Arabic letters (hamza to yeh, tatweel aside) and ASCII letters and digits than the
 * longest chrome line has characters. Each of them stays one character of `chromeKey` (normalization
 * deletes only marks and controls, folds letters one to one and composes a mark into the letter
 * before it), so such a line is no chrome line; most article paragraphs are, and need no key.
 */
function longerThanAnyChromeLine(line: string): boolean {
  if (line.length <= EXACT_MAX_CHARS) return false;
  let letters = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const lower = c | 0x20;
    if ((c >= 0x0621 && c <= 0x064a && c !== TATWEEL_CODE) || (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) {
      if (++letters > EXACT_MAX_CHARS) return true;
    }
  }
  return false;
}

/** The kind of a line that is exactly a known chrome line, else null. Safe anywhere in a page. */
export function exactChromeKind(line: string): ChromeKind | null {
  if (longerThanAnyChromeLine(line)) return null;
  return EXACT.get(chromeKey(line)) ?? null;
}

/** The kind of a line that is exact chrome or matches a chrome phrase, else null. For page edges only. */
export function edgeChromeKind(line: string): ChromeKind | null {
  const exact = exactChromeKind(line);
  if (exact !== null) return exact;
  const trimmed = line.trim();
  return CHROME_PATTERNS.find((c) => c.pattern.test(trimmed))?.kind ?? null;
}
