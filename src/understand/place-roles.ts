// What a place name stands for where it is written: a location, a government, or part of another name.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { readNumber } from './arabic-numbers.js';
import type { MatchToken } from './match-tokens.js';

/**
 * What a place name stands for where it is written: a `location` (something is, or happens, there);
 * a `government` (a capital or country speaking or acting: أعلنت بغداد، دمشق تدين); a name `in_name`
 * of something else (a road, a university, an organisation: الطريق الدولي دمشق - دير الزور); or the
 * `dateline` a report opens with (دبي، الإمارات العربية المتحدة (CNN) --، رويترز- بنغازي:), which is
 * where the newsroom is; or the `destination` of a return, a transfer or a flight (عاد الفريق إلى دمشق،
 * قبل أن تعود إلى قاعدة ديار بكر، نقلوا إلى حلب), where people went after it; or the `venue` someone speaks
 * from (متحدثا عبر دائرة تلفزيونية من جنيف، في مؤتمر صحفي في بغداد), where words were said about events
 * elsewhere; or a `border` (a country or capital after حدود: بلدة تركية على حدود سوريا، قرب الحدود مع العراق), which
 * says what a place is near, on either side; or a person's `origin` (فرنسي ولد في الشيشان، المتحدر من مليلية، من مواليد
 * دمشق), where someone was born or comes from. Only locations can be where an event happened.
 */
export type PlaceRole = 'location' | 'government' | 'in_name' | 'dateline' | 'destination' | 'venue' | 'border' | 'origin';

/** Borders (حدود سوريا، الحدود مع العراق، لحدودها): what follows is what a place lies next to. */
const BORDER_WORDS = new Set(['حدود', 'الحدود', 'لحدود', 'بحدود', 'حدودها', 'حدوده'].map((w) => normalizeArabic(w)));
const WITH = normalizeArabic('مع');

const norm = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => normalizeArabic(w)));

/**
 * Verbs of speaking and taking a stand, past tense, before a country or capital (أعلنت بغداد،
 * وأكدت موسكو). Both genders: countries are often masculine (أعلن العراق).
 */
const STANCE_VERBS_BEFORE = norm([
  'أعلنت', 'أعلن', 'قالت', 'قال', 'وصفت', 'وصف', 'أكدت', 'أكد', 'نفت', 'نفى', 'طالبت', 'طالب', 'اتهمت', 'اتهم', 'دعت', 'دعا',
  'حذرت', 'حذر', 'أدانت', 'أدان', 'رفضت', 'رفض', 'رحبت', 'رحب', 'استنكرت', 'استنكر', 'هددت', 'هدد', 'ردت', 'رد',
  'وافقت', 'وافق', 'أبلغت', 'أبلغ', 'طلبت', 'طلب', 'قررت', 'قرر', 'اعتبرت', 'اعتبر', 'أعربت', 'أعرب', 'نددت',
  'ندد', 'أوضحت', 'أوضح', 'اقترحت', 'اقترح', 'عرضت', 'عرض', 'تعهدت', 'تعهد', 'وقعت', 'وقع', 'استدعت', 'استدعى',
  'أرسلت', 'أرسل', 'سلمت', 'سلم', 'تسلمت', 'تسلم', 'أبدت', 'أبدى', 'شددت', 'شدد', 'جددت', 'جدد', 'لوحت', 'لوح',
  'سارعت', 'سارع', 'نفذت', 'نفذ', 'شنت', 'كشفت', 'كشف',
  'تعلن', 'يعلن', 'تؤكد', 'يؤكد', 'تنفي', 'ينفي', 'تتهم', 'يتهم', 'تطالب', 'يطالب', 'ترفض', 'يرفض', 'تدين',
  'يدين', 'تحذر', 'يحذر', 'تدعو', 'يدعو', 'ترحب', 'يرحب', 'تستنكر', 'يستنكر', 'تهدد', 'يهدد', 'ترى', 'يرى',
]);

/**
 * The verb without an object pronoun (الهدنة التي أعلنتها موسكو، الشروط التي وضعها، القرار الذي اتخذه): the government
 * still speaks or acts. Only the pronouns ها، هما، هم، ه, on a verb of four letters or more.
 */
const withoutObjectPronoun = (word: string): string => {
  const m = /^(.{3,}?)(?:هما|هم|ها|ه)$/u.exec(word);
  return m ? m[1]! : word;
};

/** Verbs of speaking and taking a stand, present tense, right after a country or capital (دمشق تدين، طهران ترفض). */
const STANCE_VERBS_AFTER = norm([
  'تدين', 'يدين', 'ترفض', 'يرفض', 'تعلن', 'يعلن', 'تتهم', 'يتهم', 'تطالب', 'يطالب', 'تنفي', 'ينفي', 'تؤكد',
  'يؤكد', 'تحذر', 'يحذر', 'تدعو', 'يدعو', 'ترحب', 'يرحب', 'تستنكر', 'يستنكر', 'تهدد', 'يهدد', 'تعتبر', 'يعتبر',
  'توافق', 'يوافق', 'تسعى', 'يسعى', 'تريد', 'يريد', 'ترى', 'يرى', 'تتوعد', 'يتوعد', 'تنتقد', 'ينتقد', 'تطلب',
  'يطلب', 'تعترض', 'يعترض', 'تنسحب', 'ينسحب', 'تستدعي', 'يستدعي', 'تلوح', 'يلوح', 'تتهم', 'تعرض', 'يعرض',
  'أعلنت', 'أعلن', 'أكدت', 'أكد', 'نفت', 'نفى', 'اتهمت', 'اتهم', 'رفضت', 'رفض', 'أدانت', 'أدان', 'ردت', 'رد',
  'طالبت', 'طالب', 'حذرت', 'حذر', 'دعت', 'دعا', 'رحبت', 'رحب', 'تواصل', 'يواصل', 'تحاول', 'يحاول', 'تخطط', 'يخطط',
  'تعتزم', 'يعتزم', 'لن', 'لم',
  // Acting on others: a state that strikes, sends, backs or discloses (واشنطن تنفذ أول ضربة في سوريا، روسيا تكشف عن أهداف،
  // وواشنطن تساند المحتجين) is the actor; where it happened is named after.
  'تنفذ', 'ينفذ', 'تشن', 'يشن', 'تقصف', 'يقصف', 'تضرب', 'يضرب', 'تستهدف', 'يستهدف', 'ترسل', 'يرسل', 'تدعم', 'يدعم',
  'تساند', 'يساند', 'تكشف', 'يكشف', 'تنشر', 'ينشر', 'تستغل', 'يستغل', 'تفرض', 'يفرض', 'تطرد', 'يطرد', 'تسحب', 'يسحب',
  // Governing: a capital that orders, authorises or decides (بغداد تفوض قوات الأمن، دمشق تأمر، طهران تقرر).
  'تفوض', 'يفوض', 'تأمر', 'يأمر', 'تقرر', 'يقرر', 'تمنح', 'يمنح', 'تمنع', 'يمنع', 'تسمح', 'يسمح', 'تعلق', 'يعلق', 'توجه', 'يوجه',
  // ... and in the past, the state first (إسرائيل قصفت قاعدة التيفور، واشنطن شنت غارات).
  'قصفت', 'شنت', 'نفذت', 'استهدفت', 'ضربت', 'أطلقت',
]);

/** Nouns for a government or its apparatus written before a capital or country (حكومة بغداد، نظام دمشق). */
const GOVERNMENT_NOUNS = norm([
  'حكومة', 'حكومتا', 'نظام', 'سلطات', 'حكومات', 'إدارة', 'إعلان', 'بيان', 'موقف', 'تصريحات', 'قرار', 'بقيادة',
  'بدعم', 'تقوده', 'تقودها', 'يقوده', 'اتهامات', 'اتهام', 'مطالبة', 'مطالب', 'رفض', 'إدانة', 'تهديدات',
  // Offices of a state: رئيس إيران، وزير خارجية السعودية، سفير روسيا.
  'رئيس', 'رئيسة', 'زعيم', 'ملك', 'أمير', 'خارجية', 'وزير', 'وزراء', 'سفير', 'سفارة', 'قنصلية', 'مبعوث', 'مندوب',
  // What a state does: انسحاب واشنطن، دعم طهران، تدخل إيران، برنامج إيران النووي.
  'انسحاب', 'التزام', 'دعم', 'تدخل', 'برنامج', 'سياسة', 'سياسات', 'عقوبات', 'مساعي', 'جهود', 'وساطة',
  // An envoy's post or a state holding someone: سفير روسيا لدى لبنان، المعتقلين لدى تركيا.
  'لدى',
]);

/**
 * Attack nouns before a country or capital with على after it (هجمات إسرائيل على سوريا، غارات واشنطن على): the state
 * is the attacker, not where it happened. Without على the name may be the target (قصف دمشق).
 */
const ATTACK_NOUNS = norm(['هجمات', 'هجوم', 'غارات', 'غارة', 'ضربات', 'ضربة', 'قصف', 'عدوان', 'اعتداءات', 'اعتداء']);
const ON = norm(['على']);
/** Only brackets and quotation marks between two tokens: هجمات (إسرائيل) على. */
const BRACKETS_ONLY = /^[\s()[\]"'«»“”]*$/u;
/** The state's allies named with it before على (غارة أمريكا وحلفائها على مواقع): still the attacker. */
const ALLIES = norm(['وحلفائها', 'وحلفاؤها', 'وحلفائه', 'وحلفاؤه', 'وشركائها', 'وشركائه']);

/** "Dedicated to" before a name with ب: الخاصة بلبنان. */
const SPECIAL = norm(['الخاصة', 'الخاص', 'الخاصه']);

/** Verbs and nouns of going somewhere: after them, إلى + a place names where people went, not where anything happened. */
const GOING = norm([
  'عاد', 'عادت', 'عادوا', 'يعود', 'تعود', 'يعودون', 'عودة', 'العودة', 'بالعودة', 'توجه', 'توجهت', 'توجهوا', 'يتوجه',
  'تتوجه', 'نقل', 'نقلت', 'نقلوا', 'نقله', 'نقلهم', 'نقلها', 'فر', 'فرت', 'فروا', 'هرب', 'هربوا', 'لجأ', 'لجأت', 'لجأوا',
  'نزح', 'نزحوا', 'انسحب', 'انسحبت', 'انسحبوا', 'ينسحب', 'تنسحب', 'انسحابه', 'انسحابهم', 'وصل', 'وصلت', 'وصلوا',
  'يصل', 'تصل', 'وصول', 'بوصول',
]);
const TO = norm(['إلى', 'الى']);

/** Words of birth and descent: after them (and في or من), or right before the name (مواليد), a place is where someone comes from. */
const BORN = norm([
  'ولد', 'ولدت', 'المولود', 'المولودة', 'مولود', 'مولودة', 'المتحدر', 'المتحدرة', 'متحدر', 'متحدرة', 'المنحدر', 'المنحدرة',
  'منحدر', 'منحدرة', 'ينحدر', 'يتحدر', 'تنحدر', 'تتحدر',
]);
const BIRTHS = norm(['مواليد']);

/** Words of speaking somewhere: a place after them and في or من is where words were said (مؤتمر صحفي في بغداد). */
const SPEAKING = norm([
  'صحفي', 'صحافي', 'الصحفي', 'الصحافي', 'صحفيا', 'صحافيا', 'تلفزيونية', 'التلفزيونية', 'متحدثا', 'متحدثة',
  'ألقاها', 'ألقاه', 'ألقته',
]);
const AT = norm(['في', 'من']);
/** How far before the preposition a word of speaking may stand (في مؤتمر صحفي عقده اليوم في أنقرة). */
const SPEAKING_REACH = 4;

/** Prepositions before a name: what follows is where something is, even before a verb (في دمشق تدين ...). */
const PREPOSITIONS = norm(['في', 'من', 'إلى', 'الى', 'على', 'داخل', 'خارج', 'قرب', 'نحو', 'عبر', 'حول']);

/** Road words: a place right after them, or after them and road adjectives, names the road (طريق حلب - اللاذقية). */
const ROAD_WORDS = norm(['طريق', 'الطريق', 'طرق', 'أوتوستراد', 'الأوتوستراد', 'اوتستراد', 'الاوتستراد', 'أتوستراد', 'الأتوستراد']);
/** Words allowed between a road word and the place names of the road (الطريق الدولي الواصل بين ...). */
const ROAD_FILLERS = norm([
  'الدولي', 'السريع', 'العام', 'الرئيسي', 'الواصل', 'الرابط', 'الدولية', 'بين', 'الاستراتيجي', 'الصحراوي',
  'القديم', 'الجديد', 'السريعة', 'البري', 'M4', 'M5', 'm4', 'm5', 'إم', 'فور', 'الذي', 'يربط', 'يصل', 'السفر',
]);

/**
 * Words that make the place after them part of another name: organisations (مجلس دير الزور العسكري،
 * جامعة الموصل), titles (محافظ نينوى، والي الرقة), media, teams, conferences and accords (مؤتمر جنيف).
 * A governor's title is not where something happens: the governor may speak from anywhere, and the
 * report's own place mentions carry the location.
 */
const NAME_HEADS = norm([
  'جامعة', 'جامعه', 'مجلس', 'محافظ', 'قائمقام', 'والي', 'نادي', 'منتخب', 'فريق', 'شركة', 'مؤتمر', 'اتفاق',
  'اتفاقية', 'محادثات', 'مفاوضات', 'مسار', 'قمة', 'تلفزيون', 'إذاعة', 'راديو', 'صحيفة', 'جريدة',
  'قناة', 'وكالة', 'أنباء', 'مطرانية', 'أبرشية', 'عمليات', 'تنسيقية', 'شبكة', 'مرصد', 'حملة', 'مجموعة',
  'ميثاق', 'مباحثات', 'لقاء', 'اجتماع', 'تفاهمات', 'تفاهم', 'سوتشي', 'أستانا', 'آستانا',
  'ريال', 'أمانة', 'بتوقيت', 'توقيت', 'أرامكو', 'بنك', 'مصرف', 'معرض', 'مهرجان', 'بطولة', 'ماراثون', 'متحف',
  // A command (قيادة الولايات المتحدة في أفريقيا: AFRICOM).
  'قيادة',
]);

/** Units of a distance before a place (على بعد 250 كلم شمال بغداد), with their length in km: the place is where it is measured from. */
const DISTANCE_UNITS: ReadonlyMap<string, number> = new Map([
  ...['كلم', 'كم', 'كيلومتر', 'كيلومترا', 'كيلومترات'].map((w) => [normalizeArabic(w), 1] as const),
  ...['ميل', 'ميلا', 'أميال'].map((w) => [normalizeArabic(w), 1.609] as const),
]);
/** Farther than this from a place is not at it: a happening 250 km north of Baghdad is not in Baghdad. */
const NEAR_KM = 30;
const DISTANCE_REACH = 3;

/** A distance of more than NEAR_KM before the mention (250 كلم شمال بغداد، 40 ميلا جنوب الموصل، خمسين كيلومترا من). */
function farFrom(tokens: readonly MatchToken[], at: number): boolean {
  let skipped = 0;
  for (let k = at - 1; k >= 1; k--) {
    if (tokens[k + 1]!.gap) return false;
    const unit = DISTANCE_UNITS.get(tokens[k]!.norm);
    if (unit === undefined) {
      // Words of direction and of the capital between the distance and the place (كيلومترًا إلى الشمال من العاصمة
      // العراقية بغداد) do not count against the reach; others do.
      if (!DISTANCE_FILLERS.has(tokens[k]!.norm) && ++skipped >= DISTANCE_REACH) return false;
      continue;
    }
    const figure = readNumber(tokens, k - 1);
    return figure !== null && figure.next === k && figure.value !== null && figure.value * unit > NEAR_KM;
  }
  return false;
}
/** Words that may stand between a distance and the place it is measured from. */
const DISTANCE_FILLERS = norm([
  'إلى', 'الى', 'من', 'عن', 'الشمال', 'الجنوب', 'الشرق', 'الغرب', 'العاصمة', 'العراقية', 'السورية',
  'مدينة', 'الشمالي', 'الجنوبي', 'الشرقي', 'الغربي',
]);

/**
 * A comparison (على غرار ما حدث في الغوطة الشرقية، مثلما حدث في حلب، بحجم كل ما تضرر بالمعارك في الغوطة الشرقية وحلب):
 * the place is the likeness, not where it happens.
 */
const LIKE = norm(['غرار', 'بحجم']);
/** Words of likeness that compare only before a verb of happening (مثلما حدث، كما جرى; not كما أعلن). */
const LIKE_WHAT = norm(['مثلما', 'كما']);
const HAPPENED = norm(['حدث', 'جرى', 'حصل']);
const LIKENESS_REACH = 6;

/** A likeness within LIKENESS_REACH words before the mention, in its clause. */
function likenessBefore(tokens: readonly MatchToken[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - LIKENESS_REACH); k--) {
    if (tokens[k + 1]!.gap) return false;
    const w = bare(tokens[k]!.norm);
    if (LIKE.has(w) || (LIKE_WHAT.has(w) && HAPPENED.has(tokens[k + 1]?.norm ?? ''))) return true;
  }
  return false;
}

/** Verbs of what an area or a body takes in (قيادة عمليات دجلة التي تضم محافظتي ديالى وكركوك، التحالف الذي يضم). */
const INCLUDES = norm(['تضم', 'يضم', 'تشمل', 'يشمل', 'ضمت', 'ضم']);
/** How far after an included place the next one may start and still be in the list (وأجزاء من صلاح الدين). */
const INCLUDED_REACH = 3;

/** Descriptors that write a name as a town (مدينة الفحيص), not as a governorate (محافظة الأنبار, a council's name). */
const TOWN_WORDS = norm(['مدينة', 'مدينه', 'بلدة', 'بلده', 'قرية', 'قريه']);

/** The token's word without the proclitics و / ف (وأكدت → أكدت). */
function bare(word: string): string {
  if (word.length > 3 && (word.startsWith('و') || word.startsWith('ف'))) return word.slice(1);
  return word;
}

/** A mention as the role reader sees it: token span, whether it is a seat of government, how it is joined to the one before. */
export interface RoleInput {
  /** Token index of the mention's first token (its descriptor, if any). */
  readonly firstToken: number;
  /** Token index of the name's first token. */
  readonly nameToken: number;
  /** Token index after the mention. */
  readonly lastToken: number;
  /** A descriptor (مدينة، محافظة) or direction is written with the name. */
  readonly described: boolean;
  /** The name carries a proclitic (والرقة). */
  readonly cliticLetters: number;
  /** The resolved place is a country or seat of government, and the name can stand for one. */
  readonly seat: boolean;
  /** The resolved place is a landmark: a road to it (طريق حقل العمر) runs near it, so it stays a location. */
  readonly landmark: boolean;
  /** What lies between the previous mention and this one, when they are at most one token apart: '-', 'و', ... */
  readonly joinedBy: string | null;
}

/** The role of each mention, given the tokens around it; mentions joined to a road or government mention share its role. */
export function placeRoles(tokens: readonly MatchToken[], mentions: readonly RoleInput[], text?: string): PlaceRole[] {
  const roles: PlaceRole[] = [];
  let previousOnRoad = false;
  let includedUntil = -1;
  mentions.forEach((m, k) => {
    const before = tokens[m.firstToken - 1];
    const beforeWord = before && !tokens[m.firstToken]!.gap && m.cliticLetters === 0 ? bare(before.norm) : null;
    const previousRole = k > 0 ? roles[k - 1]! : 'location';
    const joinedToRoad = previousOnRoad && m.joinedBy !== null && /^(?:[-–—/]|و)$/u.test(m.joinedBy);
    previousOnRoad = false;
    // What a command's area or an alliance takes in (التي تضم محافظتي ديالى وكركوك وأجزاء من صلاح الدين) describes it; the
    // list runs on through names a few words apart.
    const listed = includedUntil >= 0 && m.firstToken >= includedUntil && m.firstToken - includedUntil <= INCLUDED_REACH
      && !tokens.slice(includedUntil, m.firstToken + 1).some((t) => t.gap);
    includedUntil = -1;
    if ((before && !tokens[m.firstToken]!.gap && INCLUDES.has(bare(before.norm))) || listed || likenessBefore(tokens, m.firstToken)
      || farFrom(tokens, m.firstToken)) {
      includedUntil = m.lastToken;
      return roles.push('in_name');
    }
    // A name head before a place written as a town (مهرجان مدينة الفحيص، مجلس مدينة الرقة) names what is there: a location.
    if (beforeWord !== null && NAME_HEADS.has(beforeWord) && !(m.described && TOWN_WORDS.has(tokens[m.firstToken]!.norm))) return roles.push('in_name');
    // المحكمة الدولية الخاصة بلبنان، المبعوث الخاص بسوريا: the name of a body dedicated to the place.
    if (before && SPECIAL.has(before.norm) && m.cliticLetters > 0 && tokens[m.nameToken]!.norm.startsWith('ب')) return roles.push('in_name');
    if (m.seat && !m.described && borderBefore(tokens, m.firstToken)) return roles.push('border');
    if (beforeWord !== null && (BIRTHS.has(beforeWord) || (AT.has(beforeWord) && m.firstToken >= 2 && !tokens[m.firstToken - 1]!.gap
      && BORN.has(bare(tokens[m.firstToken - 2]!.norm))))) return roles.push('origin');
    if (beforeWord !== null && TO.has(beforeWord) && goingBefore(tokens, m.firstToken - 1)) return roles.push('destination');
    if (beforeWord !== null && AT.has(beforeWord) && speakingBefore(tokens, m.firstToken - 1)) return roles.push('venue');
    if (!m.landmark && (joinedToRoad || (m.cliticLetters === 0 && onRoad(tokens, m.firstToken)))) {
      previousOnRoad = true;
      return roles.push('in_name');
    }
    if (previousRole === 'in_name' && m.joinedBy !== null && /^[-–—/]$/u.test(m.joinedBy)) return roles.push('in_name');
    // ل on a country or capital is "to" or "of" it (المعادية لإيران، التابعة لتركيا، زيارة لموسكو): the state, not a place.
    if (m.seat && !m.described && m.cliticLetters > 0 && tokens[m.nameToken]!.norm.slice(0, m.cliticLetters).includes('ل')) return roles.push('government');
    if (m.seat && !m.described && m.cliticLetters === 0 && text !== undefined && attackerBefore(text, tokens, m)) return roles.push('government');
    if (m.seat && !m.described && !(beforeWord !== null && PREPOSITIONS.has(beforeWord))) {
      // The verb as written too: bare() takes the و of وصفت for a proclitic.
      const stance = beforeWord !== null && (STANCE_VERBS_BEFORE.has(beforeWord) || STANCE_VERBS_BEFORE.has(before!.norm)
        || STANCE_VERBS_BEFORE.has(withoutObjectPronoun(before!.norm)));
      if (stance || (beforeWord !== null && GOVERNMENT_NOUNS.has(beforeWord))) return roles.push('government');
      const after = tokens[m.lastToken];
      if (after && !after.gap && STANCE_VERBS_AFTER.has(after.norm)) return roles.push('government');
      if (previousRole === 'government' && (m.joinedBy === 'و' || m.joinedBy === 'أو')) return roles.push('government');
    }
    return roles.push('location');
  });
  return roles;
}

/** An attack noun before the mention and على after it, with at most brackets or quotation marks between (هجمات (إسرائيل) على سوريا). */
function attackerBefore(text: string, tokens: readonly MatchToken[], m: RoleInput): boolean {
  const before = tokens[m.firstToken - 1];
  const allies = tokens[m.lastToken] !== undefined && ALLIES.has(tokens[m.lastToken]!.norm) ? 1 : 0;
  const after = tokens[m.lastToken + allies];
  if (before === undefined || after === undefined) return false;
  return ATTACK_NOUNS.has(bare(before.norm)) && ON.has(after.norm)
    && BRACKETS_ONLY.test(text.slice(before.end, tokens[m.firstToken]!.start))
    && BRACKETS_ONLY.test(text.slice(tokens[m.lastToken - 1 + allies]!.end, after.start));
}

/** Longest dateline read at the start of a text, in characters and in tokens. */
const DATELINE_CHARS = 70;
const DATELINE_TOKENS = 12;
/** What ends a dateline: (CNN), a colon, a slash, a dash (رويترز- بنغازي:، عين اليوم – القاهرة /). */
const DATELINE_END = /\(\s*[A-Za-z]|:|\/|\s[-–—]{1,2}\s|[-–—]{2}/u;

/** An agency tag before a dateline's place: رويترز- ، عين اليوم – . */
const AGENCY_TAG = /^[^\n.،,]{0,25}[-–—]\s*$/u;

/**
 * The end offset of the dateline a text opens with, or 0 when it has none: the text up to the first
 * dateline mark within its first 70 characters, when that stretch opens with the place (or an agency
 * tag and the place), holds at most 12 words and no line break. `firstPlace` is the offset of the
 * first place named.
 */
export function datelineEnd(text: string, tokens: readonly MatchToken[], firstPlace: number): number {
  const before = text.slice(0, firstPlace);
  if (before.trim() !== '' && !AGENCY_TAG.test(before)) return 0;
  const head = text.slice(0, DATELINE_CHARS);
  const mark = DATELINE_END.exec(head.slice(firstPlace));
  if (!mark) return 0;
  const end = firstPlace + mark.index;
  if (head.slice(0, end).includes('\n')) return 0;
  let words = 0;
  for (const t of tokens) {
    if (t.start >= end) break;
    words++;
  }
  return words > 0 && words <= DATELINE_TOKENS ? end : 0;
}

/** True when a road word stands right before token `first`, possibly with road adjectives between. */
function onRoad(tokens: readonly MatchToken[], first: number): boolean {
  for (let k = first - 1; k >= 0 && first - k <= 4; k--) {
    if (tokens[k + 1]!.gap) return false;
    const word = tokens[k]!.norm;
    if (ROAD_WORDS.has(word) || ROAD_WORDS.has(bare(word))) return true;
    if (!ROAD_FILLERS.has(word)) return false;
  }
  return false;
}

/** A border word right before token `at`, or before مع there (على حدود سوريا، قرب الحدود مع العراق). */
function borderBefore(tokens: readonly MatchToken[], at: number): boolean {
  const word = (k: number) => (k >= 0 && tokens[k] && !tokens[k + 1]!.gap ? bare(tokens[k]!.norm) : null);
  const one = word(at - 1);
  if (one !== null && BORDER_WORDS.has(one)) return true;
  return one === WITH && word(at - 2) !== null && BORDER_WORDS.has(word(at - 2)!);
}

/** True when a word of speaking stands before the preposition at token `at`, in its clause (عبر دائرة تلفزيونية من). */
function speakingBefore(tokens: readonly MatchToken[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - SPEAKING_REACH); k--) {
    if (tokens[k + 1]!.gap) return false;
    if (SPEAKING.has(tokens[k]!.norm) || SPEAKING.has(bare(tokens[k]!.norm))) return true;
  }
  return false;
}

/** True when a verb or noun of going stands before إلى at token `to`, maybe with its subject between (عاد إلى، وصول الوفد إلى). */
function goingBefore(tokens: readonly MatchToken[], to: number): boolean {
  for (let k = to - 1; k >= Math.max(0, to - 2); k--) {
    if (tokens[k + 1]!.gap) return false;
    if (GOING.has(tokens[k]!.norm) || GOING.has(bare(tokens[k]!.norm))) return true;
  }
  return false;
}
