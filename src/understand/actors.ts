// The actors of the Syrian and Iraqi conflicts, and how Arabic reports and English queries name them.

import type { MatchToken } from './match-tokens.js';
import { TermMatcher, type TermMention, type TermRow } from './term-matcher.js';

/** Actor keys. */
export type ActorKey =
  | 'isis' | 'sdf' | 'kurdish_ypg' | 'syrian_government' | 'syrian_opposition' | 'hts' | 'al_qaeda'
  | 'coalition' | 'usa' | 'russia' | 'iran' | 'hezbollah' | 'turkey' | 'iraqi_forces' | 'pmf'
  | 'arab_coalition' | 'houthis' | 'pkk' | 'israel' | 'yemeni_forces' | 'taliban' | 'boko_haram' | 'al_shabaab';

/** One actor and its names. */
export interface Actor extends TermRow<ActorKey> {
  readonly labelEn: string;
  readonly labelAr: string;
}

/** The actor lexicon. Arabic forms are written as usual; they are normalized when matching. */
export const ACTORS: readonly Actor[] = [
  {
    key: 'isis', labelEn: 'ISIS', labelAr: 'داعش',
    arabic: [
      'داعش', 'تنظيم الدولة', 'تنظيم الدولة الإسلامية', 'الدولة الإسلامية',
      'تنظيم الدولة الإسلامية في العراق والشام', 'الدولة الإسلامية في العراق والشام',
      'الدولة الإسلامية في العراق وسوريا', 'الدواعش', 'دواعش', 'داعشي', 'داعشية', 'الداعشي', 'الداعشية',
      'خلافة داعش', 'ولاية الشام',
    ],
    english: [
      'ISIS', 'ISIL', 'Daesh', 'Daish', "Da'esh", 'Daiish', 'Islamic State', 'Islamic State group',
      'Islamic State of Iraq and Syria', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and al-Sham',
    ],
    englishExactCase: ['IS'],
  },
  {
    key: 'sdf', labelEn: 'Syrian Democratic Forces (SDF)', labelAr: 'قوات سوريا الديمقراطية (قسد)',
    arabic: [
      'قسد', 'قوات سوريا الديمقراطية', 'قوات سورية الديمقراطية', 'قوات سوريا الديموقراطية',
      'سوريا الديمقراطية', 'سورية الديمقراطية', 'القوات الديمقراطية السورية', 'قوات الدفاع الديموقراطية',
      'قوات الدفاع الديمقراطية',
    ],
    english: ['SDF', 'Syrian Democratic Forces', 'QSD'],
  },
  {
    key: 'kurdish_ypg', labelEn: "People's Protection Units (YPG)", labelAr: 'وحدات حماية الشعب',
    arabic: [
      'وحدات حماية الشعب', 'وحدات حماية الشعب الكردية', 'وحدات حماية المرأة', 'الوحدات الكردية',
      'الميليشيات الكردية', 'المليشيات الكردية', 'حزب الاتحاد الديمقراطي',
    ],
    english: ['YPG', 'YPJ', "People's Protection Units", 'Peoples Protection Units', 'Kurdish militia', 'PYD'],
  },
  {
    key: 'syrian_government', labelEn: 'Syrian government forces', labelAr: 'قوات النظام السوري',
    arabic: [
      'قوات النظام', 'النظام السوري', 'قوات الأسد', 'نظام الأسد', 'الجيش السوري', 'الجيش العربي السوري',
      'قوات الحكومة السورية', 'الحكومة السورية', 'القوات الحكومية السورية', 'جيش النظام', 'ميليشيات النظام',
      'ميليشيات الأسد', 'قوات النظام السوري', 'القوات السورية', 'مقاتلو النظام', 'عناصر النظام',
      'مواقع النظام', 'جنود الحكومة السورية',
    ],
    english: [
      'regime', 'Assad regime', 'Assad forces', 'Syrian army', 'Syrian Arab Army', 'government forces',
      'pro-government forces', 'regime forces', 'Syrian government', 'Syrian regime', 'Assad',
    ],
    englishExactCase: ['SAA'],
  },
  {
    key: 'syrian_opposition', labelEn: 'Syrian opposition', labelAr: 'المعارضة السورية',
    arabic: [
      'المعارضة السورية', 'فصائل المعارضة', 'الجيش السوري الحر', 'الجيش الحر', 'الجيش الوطني السوري',
      'المعارضة المسلحة', 'الفصائل المعارضة', 'قوات المعارضة',
    ],
    english: ['Syrian opposition', 'opposition', 'rebels', 'rebel', 'FSA', 'Free Syrian Army', 'Syrian National Army', 'SNA'],
  },
  {
    key: 'hts', labelEn: 'Hayat Tahrir al-Sham (HTS)', labelAr: 'هيئة تحرير الشام',
    arabic: ['هيئة تحرير الشام', 'تحرير الشام', 'جبهة النصرة', 'النصرة', 'جبهة فتح الشام'],
    english: [
      'HTS', 'Hayat Tahrir al-Sham', 'Hayat Tahrir al Sham', 'Tahrir al-Sham', 'Nusra', 'al-Nusra',
      'Nusra Front', 'al-Nusra Front', 'Jabhat al-Nusra', 'Jabhat Fateh al-Sham',
    ],
  },
  {
    key: 'al_qaeda', labelEn: 'al-Qaeda', labelAr: 'القاعدة',
    arabic: ['القاعدة', 'تنظيم القاعدة', 'حراس الدين'],
    english: ['al-Qaeda', 'al-Qaida', 'al Qaeda', 'al Qaida', 'Qaeda', 'Qaida', 'Hurras al-Din'],
  },
  {
    key: 'coalition', labelEn: 'US-led coalition', labelAr: 'التحالف الدولي',
    arabic: [
      'التحالف الدولي', 'قوات التحالف', 'التحالف', 'التحالف الدولي بقيادة الولايات المتحدة',
      'التحالف الذي تقوده الولايات المتحدة', 'طائرات التحالف', 'طيران التحالف', 'التحالف الدولي لمحاربة داعش',
      'التحالفات الدولية',
    ],
    english: [
      'coalition', 'US-led coalition', 'U.S.-led coalition', 'international coalition', 'Global Coalition',
      'CJTF-OIR', 'Operation Inherent Resolve', 'anti-ISIS coalition',
    ],
  },
  {
    key: 'usa', labelEn: 'United States', labelAr: 'الولايات المتحدة',
    arabic: [
      'الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'أمريكا', 'أميركا', 'الجيش الأمريكي', 'الجيش الأميركي',
      'القوات الأمريكية', 'القوات الأميركية', 'واشنطن', 'البنتاغون', 'القوات الخاصة الأمريكية',
    ],
    english: ['United States', 'USA', 'U.S.', 'American forces', 'US forces', 'U.S. forces', 'Pentagon', 'CENTCOM', 'Washington', 'American'],
    englishExactCase: ['US'],
  },
  {
    key: 'russia', labelEn: 'Russia', labelAr: 'روسيا',
    arabic: [
      'روسيا', 'القوات الروسية', 'الطيران الروسي', 'الجيش الروسي', 'الروس', 'روسي', 'موسكو', 'الطائرات الروسية',
      'الرئيس الروسي', 'الجانب الروسي', 'وزارة الدفاع الروسية', 'القصف الروسي', 'الشرطة العسكرية الروسية',
    ],
    english: ['Russia', 'Russian', 'Russian forces', 'Russian military', 'Moscow', 'Wagner'],
  },
  {
    key: 'iran', labelEn: 'Iran and Iran-backed militias', labelAr: 'إيران والميليشيات الإيرانية',
    arabic: [
      'إيران', 'الميليشيات الإيرانية', 'المليشيات الإيرانية', 'الحرس الثوري', 'الحرس الثوري الإيراني',
      'القوات الإيرانية', 'الميليشيات الموالية لإيران', 'إيراني', 'طهران', 'فيلق القدس',
    ],
    english: ['Iran', 'Iranian', 'IRGC', 'Revolutionary Guard', 'Revolutionary Guards', 'Quds Force', 'Iran-backed militia', 'Iranian militia', 'Tehran'],
  },
  {
    key: 'hezbollah', labelEn: 'Hezbollah', labelAr: 'حزب الله',
    arabic: ['حزب الله', 'ميليشيا حزب الله', 'حزب الله اللبناني'],
    english: ['Hezbollah', 'Hizbollah', 'Hizballah', 'Hizbullah'],
  },
  {
    key: 'turkey', labelEn: 'Turkey', labelAr: 'تركيا',
    arabic: [
      'تركيا', 'الجيش التركي', 'القوات التركية', 'أنقرة', 'الطائرات التركية', 'الرئيس التركي', 'الحكومة التركية',
      'السلطات التركية', 'الهجوم التركي', 'القصف التركي', 'العملية التركية', 'المدفعية التركية', 'الجانب التركي',
      'الاستخبارات التركية',
    ],
    english: ['Turkey', 'Türkiye', 'Turkiye', 'Turkish', 'Turkish army', 'Turkish forces', 'Ankara'],
  },
  {
    key: 'iraqi_forces', labelEn: 'Iraqi security forces', labelAr: 'القوات العراقية',
    arabic: [
      'الجيش العراقي', 'القوات العراقية', 'القوات الأمنية العراقية', 'قوات الأمن العراقية', 'جهاز مكافحة الإرهاب',
      'الشرطة الاتحادية', 'الحكومة العراقية', 'الميليشيات العسكرية العراقية', 'القوات الأمنية',
    ],
    english: ['Iraqi forces', 'Iraqi army', 'Iraqi security forces', 'ISF', 'Counter Terrorism Service', 'Counter-Terrorism Service', 'Federal Police', 'Iraqi government'],
  },
  {
    key: 'pmf', labelEn: 'Popular Mobilization Forces (PMF)', labelAr: 'الحشد الشعبي',
    arabic: ['الحشد الشعبي', 'هيئة الحشد الشعبي', 'قوات الحشد الشعبي', 'فصائل الحشد', 'الحشد'],
    english: ['PMF', 'PMU', 'Popular Mobilization Forces', 'Popular Mobilisation Forces', 'Popular Mobilization Units', 'Hashd', 'Hashd al-Shaabi', 'al-Hashd'],
  },
  {
    key: 'arab_coalition', labelEn: 'Saudi-led coalition (Yemen)', labelAr: 'التحالف العربي',
    arabic: ['التحالف العربي', 'تحالف دعم الشرعية', 'قوات التحالف العربي'],
    english: ['Saudi-led coalition', 'Arab coalition'],
  },
  {
    key: 'houthis', labelEn: 'Houthis (Ansar Allah)', labelAr: 'الحوثيون (أنصار الله)',
    arabic: [
      'الحوثيون', 'الحوثيين', 'الحوثي', 'حوثيين', 'حوثيون', 'حوثي', 'جماعة الحوثي', 'ميليشيا الحوثي', 'ميليشيات الحوثي',
      'مليشيا الحوثي', 'مليشيات الحوثي', 'أنصار الله', 'جماعة أنصار الله', 'الميليشيات الحوثية', 'المليشيات الحوثية',
      'الميليشيا الحوثية', 'المليشيا الحوثية',
    ],
    english: ['Houthi', 'Houthis', 'Houthi rebels', 'Ansar Allah', 'Ansarullah'],
  },
  {
    // The forces of Yemen's recognised government and the resistance fighting beside them. الجيش الوطني alone is also
    // Libya's (الجيش الوطني الليبي, ignored below); event records drop this actor outside Yemen and Saudi Arabia.
    key: 'yemeni_forces', labelEn: 'Yemeni government forces', labelAr: 'القوات الحكومية اليمنية',
    arabic: [
      'الجيش اليمني', 'الجيش الوطني', 'الجيش الوطني اليمني', 'قوات الجيش الوطني', 'قوات الجيش اليمني', 'القوات الحكومية اليمنية',
      'قوات الشرعية', 'الجيش الشرعي', 'قوات الحكومة الشرعية', 'المقاومة الشعبية', 'المقاومة اليمنية', 'القوات اليمنية',
      'ألوية العمالقة', 'قوات العمالقة',
    ],
    english: ['Yemeni army', 'Yemeni government forces', 'Yemeni forces', 'pro-government forces in Yemen', 'Giants Brigades'],
  },
  {
    // Jihadist insurgents outside the region (the annotation guide puts them on topic): the Taliban, Boko Haram, al-Shabaab.
    key: 'taliban', labelEn: 'Taliban', labelAr: 'طالبان',
    arabic: ['طالبان', 'حركة طالبان', 'مقاتلو طالبان', 'مسلحو طالبان', 'طالبان باكستان', 'حركة طالبان باكستان'],
    english: ['Taliban', 'Taleban'],
  },
  {
    key: 'boko_haram', labelEn: 'Boko Haram', labelAr: 'بوكو حرام',
    arabic: ['بوكو حرام', 'جماعة بوكو حرام', 'حركة بوكو حرام'],
    english: ['Boko Haram'],
  },
  {
    key: 'al_shabaab', labelEn: 'al-Shabaab', labelAr: 'حركة الشباب',
    arabic: ['حركة الشباب', 'حركة الشباب الصومالية', 'حركة الشباب المجاهدين', 'الشباب الصومالية', 'حركة الشباب المجاهدين الصومالية'],
    english: ['al-Shabaab', 'al-Shabab', 'Shabaab'],
  },
  {
    key: 'pkk', labelEn: "Kurdistan Workers' Party (PKK)", labelAr: 'حزب العمال الكردستاني',
    arabic: ['حزب العمال الكردستاني', 'العمال الكردستاني', 'بي كا كا'],
    english: ['PKK', "Kurdistan Workers' Party", 'Kurdistan Workers Party'],
  },
  {
    key: 'israel', labelEn: 'Israeli forces', labelAr: 'القوات الإسرائيلية',
    arabic: [
      'الجيش الإسرائيلي', 'القوات الإسرائيلية', 'جيش الاحتلال', 'قوات الاحتلال', 'جيش الاحتلال الإسرائيلي',
      'قوات الاحتلال الإسرائيلي', 'الطيران الإسرائيلي', 'الطائرات الإسرائيلية', 'سلاح الجو الإسرائيلي', 'المقاتلات الإسرائيلية',
      'البحرية الإسرائيلية', 'الشرطة الإسرائيلية', 'الاحتلال الإسرائيلي',
    ],
    english: ['Israeli forces', 'Israeli army', 'Israeli military', 'IDF', 'Israel Defense Forces', 'Israeli air force'],
  },
];

/** Phrases that contain an actor's name without naming the actor. */
const ARABIC_IGNORE: readonly string[] = [
  'القاعدة العسكرية', 'القاعدة الجوية', 'القاعدة الأمريكية', 'القاعدة الأميركية', 'القاعدة الروسية',
  'القاعدة الشعبية', 'القاعدة الاقتصادية', 'القاعدة الأساسية', 'القاعدة البحرية', 'الحشد العسكري',
  'الجيش الوطني الليبي', 'قوات الجيش الوطني الليبي', 'الجيش الوطني السوري', 'قوات الجيش الوطني السوري', 'الجيش الوطني الحر',
];

/** An actor named in text. */
export interface ActorMention {
  readonly actor: ActorKey;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

let matcher: TermMatcher<ActorKey> | undefined;

function actorMatcher(): TermMatcher<ActorKey> {
  matcher ??= new TermMatcher(ACTORS, { arabicIgnore: ARABIC_IGNORE });
  return matcher;
}

const toActor = (m: TermMention<ActorKey>): ActorMention => ({ actor: m.key, start: m.start, end: m.end, surface: m.surface });

/** Actors named in Arabic text (normalized matching; proclitics allowed: لداعش، وداعش، بتنظيم الدولة). */
export function findActors(text: string, tokens?: readonly MatchToken[]): ActorMention[] {
  return actorMatcher().findArabic(text, tokens).map(toActor);
}

/** Actors named in English text: whole words, case-insensitive, except "IS" and "US" which must be uppercase. */
export function findActorsEnglish(text: string): ActorMention[] {
  return actorMatcher().findEnglish(text).map(toActor);
}

/** The actor row for a key. */
export function actorByKey(key: ActorKey): Actor {
  return ACTORS.find((a) => a.key === key)!;
}
