// Names the outlet a page comes from, from the places where a site's text names itself.
import { cleanPageText } from './clean-page-text.js';
import { canonicalOutlet, outletKey } from './known-outlets.js';

/** A place where a page names its own outlet, and whether an unknown name found there is trusted. */
interface OutletSignature {
  readonly name: string;
  /** Group 1 captures the outlet name. */
  readonly pattern: RegExp;
  /** Where the pattern is tried: the whole page, or the first article paragraph only. */
  readonly scope: 'page' | 'lead';
  /** True when the capture is tightly delimited and self-referential, so an unknown name may be returned. */
  readonly trustUnknown: boolean;
}

/**
 * Self-references, strongest first. Cited sources ("صحيفة الإندبندنت", "وفقاً للمرصد السوري") match
 * none of them: only a site speaking of itself does.
 */
const OUTLET_SIGNATURES: readonly OutletSignature[] = [
  {
    // Contribution prompt: "لإرسال مقال للنشر في حفريات اضغط هنا".
    name: 'contribution',
    pattern: /مقال(?:ة|اً)? للنشر (?:في|على|عبر) (.{2,40}?) (?:اضغط|انقر|من خلال|عبر|هنا)/u,
    scope: 'page',
    trustUnknown: true,
  },
  {
    // Newsletter box: "انضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية".
    name: 'newsletter-content',
    pattern: /محتوى (\S{2,30}(?: \S{2,30})? نت)(?=[\s.،,]|$)/u,
    scope: 'page',
    trustUnknown: true,
  },
  {
    // Named newsletter: "اشترك بنشرة عنب بلدي البريدية".
    name: 'newsletter-named',
    pattern: /اشترك (?:في |ب)نشرة (.{2,40}?)(?: البريدية| الإخبارية| اليومية|[.،,]|$)/mu,
    scope: 'page',
    trustUnknown: true,
  },
  {
    // Copyright footer: "© 2024 عنب بلدي" / "جميع الحقوق محفوظة لـ فرات بوست".
    name: 'copyright',
    pattern: /(?:©|حقوق (?:النشر|الطبع)? ?محفوظة ل(?:ـ|موقع)? ?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^\n©|]{2,40}?)\s*(?:[-–|.،]|جميع الحقوق|$)/mu,
    scope: 'page',
    trustUnknown: false,
  },
  {
    // Exclusive-information formula: "معلومات حصلت عليها “فرات بوست” من مصادر خاصة".
    name: 'exclusive-sources',
    pattern: /حصل(?:ت)? عليها\s*[“"«]([^”"»\n]{2,30})[”"»]\s*من مصادر/u,
    scope: 'page',
    trustUnknown: true,
  },
  {
    // Dateline opening the first paragraph: "(الحل) – أعلن …". Agencies use it too, so known names only.
    name: 'lead-dateline',
    pattern: /^\s*[(«“"]([^()«»“”"\n]{2,30})[)»”"]\s*[-–—]/u,
    scope: 'lead',
    trustUnknown: false,
  },
];

/** An unknown captured name is returned only if it is this short (a name, not a phrase). */
const MAX_UNKNOWN_NAME_WORDS = 4;
/** Generic words before a name ("موقع المدن", "صحيفة النهار") that are not part of it. */
const MEDIA_TYPE_PREFIX = /^(?:موقع|صحيفة|جريدة|شبكة|قناة|مجلة|وكالة)\s+/u;
const QUOTES = /[“”"«»()]/gu;

function resolve(captured: string, trustUnknown: boolean): string | null {
  const name = captured.replace(QUOTES, ' ').replace(/\s+/gu, ' ').trim();
  const bare = name.replace(MEDIA_TYPE_PREFIX, '');
  const known = canonicalOutlet(name) ?? canonicalOutlet(bare);
  if (known !== null) return known;
  if (!trustUnknown || outletKey(bare) === '' || bare.split(' ').length > MAX_UNKNOWN_NAME_WORDS) return null;
  return bare;
}

/**
 * The outlet a page names itself as, canonicalized through the known-outlets table, or null.
 * Signatures: contribution prompts ("للنشر في X"), newsletter boxes ("محتوى X نت", "اشترك بنشرة X"),
 * copyright lines ("© X"), "حصلت عليها “X” من مصادر خاصة", and a "(X) –" dateline opening the
 * first paragraph. Newspapers the article merely quotes are not the outlet and are not matched.
 * @example detectOutlet('(الحل) – أعلن …') === 'الحل نت'
 */
export function detectOutlet(raw: string): string | null {
  const text = raw.replace(/\r\n?/g, '\n');
  let lead: string | undefined;
  for (const signature of OUTLET_SIGNATURES) {
    if (signature.scope === 'lead') lead ??= cleanPageText(text).body.split('\n\n')[0] ?? '';
    const match = signature.pattern.exec(signature.scope === 'lead' ? (lead ?? '') : text);
    const captured = match?.[1];
    if (captured === undefined) continue;
    const outlet = resolve(captured, signature.trustUnknown);
    if (outlet !== null) return outlet;
  }
  return null;
}
