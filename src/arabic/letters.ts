/**
 * Named Arabic code points. Every Arabic character the analysis touches is named here,
 * so no module carries a bare Unicode literal (see STYLE.md, the Lucene anchor).
 */

export const HAMZA = '\u0621';
export const ALEF_MADDA = '\u0622';
export const ALEF_HAMZA_ABOVE = '\u0623';
export const WAW_HAMZA_ABOVE = '\u0624';
export const ALEF_HAMZA_BELOW = '\u0625';
export const YEH_HAMZA_ABOVE = '\u0626';
export const ALEF = '\u0627';
export const BEH = '\u0628';
export const TEH_MARBUTA = '\u0629';
export const TEH = '\u062A';
export const THEH = '\u062B';
export const JEEM = '\u062C';
export const HAH = '\u062D';
export const KHAH = '\u062E';
export const DAL = '\u062F';
export const THAL = '\u0630';
export const REH = '\u0631';
export const ZAIN = '\u0632';
export const SEEN = '\u0633';
export const SHEEN = '\u0634';
export const SAD = '\u0635';
export const DAD = '\u0636';
export const TAH = '\u0637';
export const ZAH = '\u0638';
export const AIN = '\u0639';
export const GHAIN = '\u063A';
export const TATWEEL = '\u0640';
export const FEH = '\u0641';
export const QAF = '\u0642';
export const KAF = '\u0643';
export const LAM = '\u0644';
export const MEEM = '\u0645';
export const NOON = '\u0646';
export const HEH = '\u0647';
export const WAW = '\u0648';
export const ALEF_MAKSURA = '\u0649';
export const YEH = '\u064A';
export const ALEF_WASLA = '\u0671';
export const FARSI_YEH = '\u06CC';
export const KEHEH = '\u06A9';

/** Harakat and other marks written above or below letters: U+064B FATHATAN to U+065F WAVY HAMZA BELOW. */
export const FATHATAN = '\u064B';
export const WAVY_HAMZA_BELOW = '\u065F';
/** U+0670, the dagger alef written above a letter. */
export const SUPERSCRIPT_ALEF = '\u0670';
/** U+0610..U+061A: honorifics and small high letters used in Quranic and formal text. */
export const SIGN_SALLALLAHOU = '\u0610';
export const SMALL_KASRA = '\u061A';
/** U+06D6..U+06ED: Quranic annotation marks. */
export const SMALL_HIGH_LIGATURE_SAD = '\u06D6';
export const SMALL_LOW_MEEM = '\u06ED';

/** Arabic-Indic digits U+0660..U+0669 and Extended (Persian/Urdu) digits U+06F0..U+06F9. */
export const ARABIC_INDIC_ZERO = 0x0660;
export const ARABIC_INDIC_NINE = 0x0669;
export const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
export const EXTENDED_ARABIC_INDIC_NINE = 0x06f9;

/** Invisible formatting: zero-width and bidi controls that copy-paste leaves inside words. */
export const ZERO_WIDTH_SPACE = '\u200B';
export const ZERO_WIDTH_NON_JOINER = '\u200C';
export const ZERO_WIDTH_JOINER = '\u200D';
export const LEFT_TO_RIGHT_MARK = '\u200E';
export const RIGHT_TO_LEFT_MARK = '\u200F';
export const ARABIC_LETTER_MARK = '\u061C';
export const LRE = '\u202A';
export const RLO = '\u202E';
export const LRI = '\u2066';
export const PDI = '\u2069';
export const BYTE_ORDER_MARK = '\uFEFF';

/** Individual harakat inside the FATHATAN..WAVY_HAMZA_BELOW range, named for the stemmer's tests and docs. */
export const DAMMATAN = '\u064C';
export const KASRATAN = '\u064D';
export const FATHA = '\u064E';
export const DAMMA = '\u064F';
export const KASRA = '\u0650';
export const SHADDA = '\u0651';
export const SUKUN = '\u0652';
/** Combining madda and hamza marks, which NFKC composes with a preceding alef into آ أ إ. */
export const MADDA_ABOVE = '\u0653';
export const HAMZA_ABOVE = '\u0654';
export const HAMZA_BELOW = '\u0655';

/** Number separators that stay inside a number token: ١٠٬٠٠٠ and ٣٫٧. */
export const ARABIC_DECIMAL_SEPARATOR = '\u066B';
export const ARABIC_THOUSANDS_SEPARATOR = '\u066C';

/** Arabic punctuation, which separates tokens. */
export const ARABIC_COMMA = '\u060C';
export const ARABIC_SEMICOLON = '\u061B';
export const ARABIC_QUESTION_MARK = '\u061F';

/** The bidi controls inside the LRE..RLO and LRI..PDI ranges. */
export const RLE = '\u202B';
export const PDF = '\u202C';
export const LRO = '\u202D';
export const RLI = '\u2067';
export const FSI = '\u2068';

/** Presentation forms (U+FB50..U+FEFF), which NFKC turns back into plain letters. */
export const ALEF_ISOLATED_FORM = '\uFE8D';
export const LAM_INITIAL_FORM = '\uFEDF';
export const TEH_MARBUTA_FINAL_FORM = '\uFE94';
export const LAM_ALEF_HAMZA_ABOVE_ISOLATED_FORM = '\uFEF7';
export const LAM_ALEF_ISOLATED_FORM = '\uFEFB';
export const LAM_ALEF_FINAL_FORM = '\uFEFC';
export const ALLAH_LIGATURE = '\uFDF2';

/** U+2026 HORIZONTAL ELLIPSIS, a sentence end in Arabic news text. */
export const HORIZONTAL_ELLIPSIS = '\u2026';
