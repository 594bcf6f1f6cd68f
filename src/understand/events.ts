// Event types (ACLED's taxonomy, adapted to ISIS reporting) with their Arabic and English forms.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { eventStatusAt, type EventStatus, type EventStatusOptions } from './event-status.js';
import { matchTokens, normalizeWord, type MatchToken } from './match-tokens.js';
import { TermMatcher, type TermMention, type TermRow } from './term-matcher.js';

export type { EventStatus, EventStatusOptions } from './event-status.js';

/** Event type keys. */
export type EventKey =
  | 'attack' | 'armed_clash' | 'bombing' | 'car_bomb' | 'ied' | 'suicide_attack' | 'air_strike' | 'shelling'
  | 'assassination' | 'execution' | 'abduction' | 'prison_attack' | 'threat' | 'raid_arrest' | 'recruitment'
  | 'extortion' | 'sleeper_cells' | 'protest' | 'territory';

/** One event type: where it sits in the hierarchy and how it is written. */
export interface EventType extends TermRow<EventKey> {
  /** The broader type; a query for the parent also finds this type. */
  readonly parent?: EventKey;
  readonly labelEn: string;
  readonly labelAr: string;
}

/**
 * The event types. `attack` is generic violence and the root of the violent types; threat,
 * raid_arrest, recruitment, extortion and sleeper_cells (activity, not an event of violence) have
 * no parent. Arabic forms are written as usual and normalized on load; each form also matches
 * with the article (هجوم → الهجوم) and with proclitics (والهجمات، بالهجوم).
 */
export const EVENT_TYPES: readonly EventType[] = [
  {
    key: 'attack', labelEn: 'Attack', labelAr: 'هجوم',
    arabic: [
      'هجوم', 'هجمات', 'هجوما', 'هجماته', 'هجماتها', 'هجماتهم', 'هجومه', 'هجوم مسلح', 'هجمات مسلحة',
      'هاجم', 'هاجموا', 'هاجمت', 'يهاجم', 'يهاجمون', 'اعتداء', 'اعتداءات', 'استهدف', 'استهدفت',
      'استهدفوا', 'يستهدف', 'تستهدف', 'استهداف', 'عمليات هجومية', 'عملية إرهابية', 'عمليات إرهابية',
      'هجوم إرهابي', 'هجمات إرهابية', 'غزوة', 'كمين', 'كمائن', 'قتل', 'مقتل', 'إطلاق نار', 'أعمال العنف',
      'إطلاق النار', 'قتلت', 'قتلوا', 'اقتحام', 'اقتحمت', 'اقتحموا', 'اقتحم',
      // The dual (هجومين مسلحين، هجومان): two attacks told as one.
      'هجومين', 'هجومان', 'هجومين مسلحين', 'هجومان مسلحان', 'اعتداءين', 'اعتداءان',
    ],
    english: [
      'attack', 'attacked', 'attacking', 'assault', 'assaulted', 'offensive', 'terror attack', 'terrorist attack',
      'ambush', 'ambushed', 'violence', 'killed', 'killing', 'kill', 'gunmen', 'shooting',
    ],
  },
  {
    key: 'armed_clash', parent: 'attack', labelEn: 'Armed clash', labelAr: 'اشتباك مسلح',
    arabic: [
      'اشتباك', 'اشتباكات', 'اشتبك', 'اشتبكت', 'معارك', 'معركة', 'مواجهات', 'مواجهات مسلحة', 'قتال',
      'اقتتال', 'معارك عنيفة', 'اشتباكات عنيفة', 'تبادل إطلاق النار', 'تبادل لإطلاق النار', 'تبادل إطلاق نار',
      'اشتباكين', 'اشتباكان', 'معركتين', 'معركتان',
    ],
    english: ['clash', 'clashes', 'fighting', 'battle', 'firefight', 'gunfight', 'skirmish', 'combat', 'armed clash'],
  },
  {
    key: 'bombing', parent: 'attack', labelEn: 'Bombing / explosion', labelAr: 'تفجير',
    arabic: [
      'تفجير', 'تفجيرات', 'انفجار', 'انفجارات', 'فجرت', 'فجروا', 'يفجر', 'لغم', 'ألغام', 'لغم أرضي',
      'ألغام أرضية', 'قنبلة', 'قنابل', 'متفجرات', 'انفجر', 'انفجرت', 'تفجير إرهابي',
      'تفجيرين', 'تفجيران', 'انفجارين', 'انفجاران', 'قنبلتين', 'قنبلتان', 'تفجيرين إرهابيين',
    ],
    english: ['bombing', 'bomb', 'explosion', 'blast', 'explosive', 'detonation', 'landmine', 'land mine', 'bomb attack', 'exploded'],
  },
  {
    key: 'car_bomb', parent: 'bombing', labelEn: 'Car bomb', labelAr: 'سيارة مفخخة',
    arabic: [
      'سيارة مفخخة', 'سيارات مفخخة', 'مفخخة', 'مفخخات', 'عربة مفخخة', 'دراجة نارية مفخخة',
      'دراجة مفخخة', 'صهريج مفخخ', 'آلية مفخخة', 'سيارتين مفخختين', 'سيارتان مفخختان',
    ],
    english: ['car bomb', 'car bombing', 'VBIED', 'vehicle bomb', 'truck bomb', 'booby-trapped car', 'motorcycle bomb', 'bomb-laden vehicle'],
  },
  {
    key: 'ied', parent: 'bombing', labelEn: 'IED / roadside bomb', labelAr: 'عبوة ناسفة',
    arabic: [
      'عبوة ناسفة', 'عبوات ناسفة', 'عبوة لاصقة', 'عبوات لاصقة', 'عبوة مزروعة', 'عبوات مزروعة', 'عبوة متفجرة',
      'عبوات متفجرة', 'عبوة', 'عبوات', 'عبوتين ناسفتين', 'عبوتان ناسفتان', 'عبوتين', 'عبوتان',
    ],
    english: ['IED', 'roadside bomb', 'improvised explosive device', 'sticky bomb', 'magnetic bomb'],
  },
  {
    key: 'suicide_attack', parent: 'bombing', labelEn: 'Suicide attack', labelAr: 'هجوم انتحاري',
    arabic: [
      'انتحاري', 'انتحارية', 'انتحاريين', 'انتحاريون', 'هجوم انتحاري', 'تفجير انتحاري', 'حزام ناسف',
      'أحزمة ناسفة', 'عملية انتحارية', 'عمليات انتحارية', 'انغماسي', 'انغماسيين', 'انغماسيون',
      'تفجيرين انتحاريين', 'تفجيران انتحاريان', 'هجومين انتحاريين', 'هجومان انتحاريان',
      'عمليتين انتحاريتين', 'عمليتان انتحاريتان',
    ],
    english: ['suicide bomber', 'suicide attack', 'suicide bombing', 'suicide vest', 'suicide belt', 'inghimasi', 'suicide attacker'],
  },
  {
    key: 'air_strike', parent: 'attack', labelEn: 'Air or drone strike', labelAr: 'غارة جوية',
    arabic: [
      'غارة', 'غارات', 'غارة جوية', 'غارات جوية', 'قصف جوي', 'ضربة جوية', 'ضربات جوية', 'طائرة مسيرة',
      'طائرات مسيرة', 'طائرة بدون طيار', 'طائرات بدون طيار', 'الطيران الحربي', 'قصف طيران', 'ضربة بطائرة مسيرة',
      'المسيرات', 'طائرات حربية', 'طائرة حربية', 'المقاتلات الحربية', 'الطيران المروحي', 'براميل متفجرة',
      'البراميل المتفجرة', 'الضربات الأمريكية', 'الضربات الأميركية', 'الضربات الغربية', 'ضربات التحالف',
      'أهدافا جوية', 'أهداف جوية', 'غارتين', 'غارتان', 'غارتين جويتين', 'غارتان جويتان', 'ضربتين جويتين',
    ],
    english: ['airstrike', 'air strike', 'air raid', 'drone strike', 'drone attack', 'strike', 'warplane', 'drone', 'aerial bombardment'],
  },
  {
    key: 'shelling', parent: 'attack', labelEn: 'Shelling / artillery / rockets', labelAr: 'قصف مدفعي',
    arabic: [
      'قصف', 'قصف مدفعي', 'قصف صاروخي', 'قذائف', 'قذيفة', 'قذائف هاون', 'قذائف صاروخية', 'صواريخ', 'صاروخ', 'صاروخا', 'صاروخين',
      'ضربات صاروخية', 'ضربة صاروخية', 'صواريخ كروز',
      'راجمات الصواريخ', 'القصف المدفعي', 'قصفت', 'قصفوا', 'قصفه', 'قصفها', 'يقصف', 'تقصف',
      'قذيفتين', 'قذيفتان', 'مقذوف', 'مقذوفات', 'مقذوفا',
    ],
    english: ['shelling', 'shelled', 'artillery', 'rocket', 'mortar', 'shell', 'missile', 'bombardment', 'rocket attack'],
  },
  {
    key: 'assassination', parent: 'attack', labelEn: 'Assassination', labelAr: 'اغتيال',
    arabic: ['اغتيال', 'اغتيالات', 'اغتال', 'اغتيل', 'اغتالوا', 'اغتالت', 'تصفية', 'تصفيات', 'محاولة اغتيال'],
    english: ['assassination', 'assassinated', 'assassinate', 'targeted killing', 'assassination attempt'],
  },
  {
    key: 'execution', parent: 'assassination', labelEn: 'Execution', labelAr: 'إعدام',
    arabic: ['إعدام', 'إعدامات', 'أعدم', 'أعدمت', 'أعدموا', 'يعدم', 'ذبح', 'نحر', 'قطع رأس', 'قطع رؤوس'],
    english: ['execution', 'executed', 'execute', 'beheading', 'beheaded', 'public execution'],
  },
  {
    key: 'abduction', parent: 'attack', labelEn: 'Abduction / kidnapping', labelAr: 'اختطاف',
    arabic: [
      'خطف', 'اختطاف', 'اختطف', 'اختطفت', 'اختطفوا', 'خطفت', 'خطفوا', 'مخطوفين', 'المختطفين', 'مختطفين',
      'رهائن', 'رهينة',
    ],
    english: ['kidnapping', 'kidnapped', 'kidnap', 'abduction', 'abducted', 'abduct', 'hostage', 'taken hostage'],
  },
  {
    key: 'prison_attack', parent: 'attack', labelEn: 'Prison attack / break', labelAr: 'هجوم على سجن',
    arabic: [
      'هجوم على سجن', 'هجوم على السجن', 'هجمات على السجون', 'هروب من السجن', 'هروب من السجون',
      'فرار من السجن', 'فرار من السجون', 'اقتحام سجن', 'اقتحام السجن', 'هروب السجناء', 'فرار السجناء',
      'عمليات هروب', 'عملية هروب', 'تهريب السجناء',
    ],
    english: ['prison break', 'jailbreak', 'jail break', 'prison attack', 'prison escape', 'attack on prison', 'prison riot', 'breakout'],
  },
  {
    key: 'threat', labelEn: 'Threats', labelAr: 'تهديد',
    arabic: [
      'تهديد', 'تهديدات', 'تهديدا', 'رسائل تهديد', 'رسالة تهديد', 'هدد', 'يهدد', 'تهدد', 'هددت', 'هددوا',
      'توعد', 'يتوعد', 'توعدت', 'وعيد', 'منشورات تهديد',
    ],
    english: ['threat', 'threaten', 'threatened', 'threatening', 'intimidation', 'death threat', 'threat letter'],
  },
  {
    key: 'raid_arrest', labelEn: 'Raid / arrest', labelAr: 'مداهمة واعتقال',
    arabic: [
      'مداهمة', 'مداهمات', 'داهم', 'داهمت', 'داهموا', 'اعتقال', 'اعتقالات', 'اعتقل', 'اعتقلت', 'اعتقلوا',
      // The present of a headline (تركيا تعتقل عشرات الأكراد).
      'تعتقل', 'يعتقل',
      'القبض', 'ألقت القبض', 'إلقاء القبض', 'إنزال جوي', 'عملية إنزال', 'عمليات إنزال', 'إنزال',
      'حملة أمنية', 'حملة اعتقالات', 'حملة مداهمات', 'عملية أمنية', 'عمليات أمنية', 'دهم',
    ],
    english: [
      'raid', 'raided', 'arrest', 'arrested', 'detained', 'detention', 'operation', 'security operation',
      'airdrop', 'crackdown', 'sweep', 'captured', 'capture', 'apprehended',
    ],
  },
  {
    key: 'recruitment', labelEn: 'Recruitment', labelAr: 'تجنيد',
    arabic: ['تجنيد', 'يجند', 'يجندون', 'تجند', 'جندت', 'تجنيد الأطفال', 'مجندين', 'المجندين', 'تجنيد عناصر', 'أشبال الخلافة'],
    english: ['recruitment', 'recruit', 'recruited', 'recruiting', 'child recruitment', 'child soldier', 'conscription'],
  },
  {
    key: 'extortion', labelEn: 'Extortion / levies', labelAr: 'ابتزاز وإتاوات',
    arabic: [
      'ابتزاز', 'إتاوات', 'إتاوة', 'فدية', 'فديات', 'فرض إتاوات', 'فرض ضرائب', 'جباية', 'جباية الزكاة',
      'فرض الزكاة', 'دفع الزكاة',
    ],
    english: ['extortion', 'extort', 'ransom', 'tax', 'zakat', 'levy', 'racketeering', 'protection money'],
  },
  {
    key: 'sleeper_cells', labelEn: 'Sleeper cells', labelAr: 'خلايا نائمة',
    arabic: [
      'خلايا نائمة', 'خلايا', 'خلاياه', 'خلاياها', 'خلاياه النائمة', 'خلية نائمة', 'خلية إرهابية',
      'خلايا التنظيم', 'خلايا إرهابية', 'خلايا داعش', 'الذئاب المنفردة',
    ],
    english: ['sleeper cell', 'cell', 'sleeper', 'terror cell', 'lone wolf', 'lone wolves'],
  },
  {
    key: 'protest', labelEn: 'Protest', labelAr: 'احتجاج',
    arabic: [
      'احتجاجات', 'احتجاج', 'مظاهرة', 'مظاهرات', 'تظاهرة', 'تظاهرات', 'تظاهر', 'تظاهروا', 'متظاهرين', 'المتظاهرون',
      'متظاهرون', 'اعتصام', 'اعتصامات', 'وقفة احتجاجية', 'وقفات احتجاجية', 'مسيرة احتجاجية', 'احتج', 'احتجوا',
    ],
    english: ['protest', 'protests', 'demonstration', 'protesters', 'demonstrators', 'sit-in', 'rally'],
  },
  {
    key: 'territory', labelEn: 'Territory taken', labelAr: 'سيطرة على أرض',
    arabic: [
      'سيطرت', 'سيطر', 'سيطروا', 'سيطرت على', 'سيطر على', 'سيطروا على', 'استعادة السيطرة', 'فرض سيطرتها',
      'فرضت سيطرتها', 'أحكمت سيطرتها', 'أحكم سيطرته', 'استعادت بلدة', 'استعادت مدينة', 'استعادت قرية',
      'استعاد بلدة', 'استعادة بلدة', 'استعادة مدينة',
      'استعادت السيطرة', 'استعاد السيطرة', 'بسط السيطرة', 'بسطت سيطرتها', 'حررت', 'حرر', 'حرروا', 'تحرير قرى',
      'تحرير قرية', 'تحرير مدينة', 'تحرير بلدة', 'تحرير منطقة', 'تحرير حي', 'تحرير أحياء',
    ],
    english: ['took control', 'seized control', 'captured territory', 'recaptured', 'retook', 'liberated', 'regained control'],
  },
];

/** Phrases that contain an event word without reporting that event. */
const ARABIC_IGNORE: readonly string[] = [
  'قنابل ضوئية', 'قنبلة ضوئية', 'قنابل دخانية', 'قنابل الغاز', 'قنابل غاز', 'قنبلة غاز', 'القنابل المسيلة', 'قنابل مسيلة', 'قنبلة موقوتة', 'انفجار سكاني', 'خلية أزمة', 'خلايا الدماغ',
  'الخلايا الجذعية', 'خلايا سرطانية', 'قتل الوقت', 'معركة انتخابية', 'المعركة الانتخابية', 'قصف جبهات',
  'معركة سياسية', 'المعركة السياسية', 'معركة دبلوماسية', 'معركة قانونية', 'حرب كلامية', 'هجوما لاذعا', 'هجوم لاذع',
  'خلايا عصبية', 'الخلايا العصبية', 'خلايا الدم', 'خلايا شمسية', 'الخلايا الشمسية', 'خلايا الجسم', 'خلية عمل',
  // A court's death sentence (حكم بالإعدام، قضت محكمة بإعدام) is read as a status (death-sentence.ts), so that one
  // carried out (نفذ التنظيم حكم الإعدام بحق خمسة) is still an execution; the penalty itself is no event.
  'عقوبة الإعدام', 'عقوبات الإعدام', 'عقوبات إعدام', 'بالإعدام شنقا', 'تهمة القتل', 'بتهمة القتل', 'تهمة قتل', 'بتهمة قتل', 'القتل الرحيم', 'تصفية حسابات',
  'تصفية الحسابات', 'منظومة صواريخ', 'منظومات صواريخ', 'منظومة الصواريخ', 'صفقة صواريخ', 'صفقة الصواريخ',
  'الدرع الصاروخية', 'الدرع الصاروخي', 'صاروخ فضائي', 'تجربة صاروخية', 'تجارب صاروخية', 'برنامج الصواريخ',
  'البرنامج الصاروخي', 'عبوات بلاستيكية', 'عبوة بلاستيكية', 'عبوات المياه', 'عبوة مياه', 'عبوات مياه',
  'عبوة حليب', 'عبوات حليب', 'عبوات الغاز', 'عبوة غاز',
  // A warrant is no arrest (ألمانيا تصدر مذكرة توقيف بحق مدير المخابرات).
  'مذكرة توقيف', 'مذكرات توقيف', 'مذكرة اعتقال', 'مذكرات اعتقال', 'أوامر اعتقال', 'أوامر باعتقال', 'أمر اعتقال', 'أمرا باعتقال',
  'أوامر توقيف',
  // A bullet (جرح مدخل لمقذوف ناري) is a firearm's, not shelling.
  'مقذوف ناري', 'مقذوفات نارية',
  // Ballistic missiles as a state's programme (محادثات بشأن برنامج إيران للصواريخ الباليستية).
  'للصواريخ الباليستية', 'برنامج الصواريخ الباليستية',
  // A religion, a country or a revolution "hijacked" (يريد اختطاف الدين والأوطان) is no abduction.
  ...['اختطاف', 'خطف'].flatMap((w) => ['الدين', 'الإسلام', 'الوطن', 'الأوطان', 'الثورة', 'القرار', 'الدولة', 'العقول', 'البلد', 'الطائفة'].map((o) => `${w} ${o}`)),
];
const ENGLISH_IGNORE: readonly string[] = ['cell phone', 'mobile phone', 'hunger strike', 'general strike', 'stem cell'];

const BY_KEY: ReadonlyMap<EventKey, EventType> = new Map(EVENT_TYPES.map((e) => [e.key, e]));

/** An event type named in text. */
export interface EventMention {
  /** Absent means `occurred`. */
  readonly status?: EventStatus;
  readonly type: EventKey;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

let matcher: TermMatcher<EventKey> | undefined;

function eventMatcher(): TermMatcher<EventKey> {
  matcher ??= new TermMatcher(EVENT_TYPES, {
    arabicIgnore: ARABIC_IGNORE, englishIgnore: ENGLISH_IGNORE, definiteVariants: true,
  });
  return matcher;
}

const toEvent = (m: TermMention<EventKey>): EventMention => ({ type: m.key, start: m.start, end: m.end, surface: m.surface });

const ON = normalizeArabic('على');
const PRISON_WORDS: ReadonlySet<string> = new Set(['سجن', 'السجن', 'سجون', 'السجون'].map(normalizeArabic));
/** How far after an attack word "على سجن" may come and still name its target (الهجوم الذي شنه مؤخرا على سجن). */
const PRISON_WINDOW = 8;

/** A prison attack written apart: an attack word, then within a few words على + سجن / السجن, in one clause. */
function prisonAttackAfter(text: string, tokens: readonly MatchToken[], attack: EventMention): EventMention | null {
  let k = tokens.findIndex((t) => t.start >= attack.end);
  if (k < 0) return null;
  for (const stop = Math.min(tokens.length - 1, k + PRISON_WINDOW); k < stop; k++) {
    if (tokens[k]!.gap) return null;
    if (tokens[k]!.norm === ON && !tokens[k + 1]!.gap && PRISON_WORDS.has(tokens[k + 1]!.norm)) {
      const end = tokens[k + 1]!.end;
      return { type: 'prison_attack', start: attack.start, end, surface: text.slice(attack.start, end) };
    }
  }
  return null;
}

/** Bare container words: an IED only beside an explosion (انفجار عبوة), never alone (عبوة حليب). */
const BARE_CANS: ReadonlySet<string> = new Set(['عبوة', 'عبوات', 'العبوة', 'العبوات'].map(normalizeArabic));
/** Bare cell words: sleeper cells only beside the conflict (خلايا داعش، نفذت خلاياه هجوما), never alone (الخلايا العصبية). */
const BARE_CELLS: ReadonlySet<string> = new Set(
  ['خلايا', 'الخلايا', 'خلاياه', 'خلاياها', 'خلية', 'الخلية', 'خلاياهم'].map(normalizeArabic),
);
/** Words that make bare cells the conflict's: داعش، التنظيم، إرهابية، نائمة، مسلحة، تابعة. */
const CELL_CONTEXT: readonly string[] = ['داعش', 'تنظيم', 'التنظيم', 'ارهاب', 'الارهاب', 'نائم', 'النائم', 'مسلح', 'تابع', 'جهادي', 'متطرف'];
/** Missiles in a deal, a test or space are no shelling (صفقة صواريخ، إطلاق صاروخ إلى الفضاء). */
const MISSILE_WORDS: ReadonlySet<string> = new Set(['صاروخ', 'صواريخ', 'الصاروخ', 'الصواريخ', 'صاروخا', 'صاروخين'].map(normalizeArabic));
const NOT_FIRED: readonly string[] = ['صفق', 'بيع', 'شراء', 'تسليم', 'فضاء', 'الفضاء', 'فضائي', 'قمر', 'تجرب', 'منظوم', 'مناور', 'برنامج', 'ترسان', 'تطوير'];
/** Words that fire or land missiles (أطلق، سقطت، استهدف، اعترض): bare صواريخ counts beside one of them or beside an attack. */
const FIRED: readonly string[] = [
  'اطلق', 'اطلاق', 'يطلق', 'سقط', 'سقوط', 'تسقط', 'قصف', 'استهدف', 'يستهدف', 'ضرب', 'اصاب', 'انفجر', 'اعترض',
  'اسقط', 'اسقاط', 'رشق', 'اطلاقها', 'وابل', 'هجوم', 'هجمات', 'تساقط', 'استهدفت', 'دك',
];
/**
 * Words that stop what follows them: وقف إطلاق النار (a ceasefire), مفاوضات وقف المعارك، إنهاء المعارك، توقف القصف. The
 * event word right after one names what is (to be) stopped, no happening.
 */
const STOPPING: ReadonlySet<string> = new Set(
  ['وقف', 'ووقف', 'لوقف', 'بوقف', 'إيقاف', 'لإيقاف', 'بإيقاف', 'وإيقاف', 'إنهاء', 'لإنهاء', 'بإنهاء', 'وإنهاء', 'انتهاء', 'توقف', 'وتوقف', 'تتوقف', 'يتوقف']
    .map(normalizeArabic),
);
/** How many words around a bare word its context may stand, in its sentence. */
const CONTEXT_REACH = 8;
const SENTENCE_END = /[.!?؟\n]/u;
/** The explosion types that give a bare عبوة its meaning. */
const EXPLOSIONS: ReadonlySet<EventKey> = new Set(['bombing', 'car_bomb', 'ied', 'suicide_attack']);

/** Token indexes `[first, last)` a mention covers (binary search: tokens are sorted by offset). */
export function tokenSpan(tokens: readonly MatchToken[], m: { start: number; end: number }): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < tokens.length && tokens[last]!.start < m.end) last++;
  return [lo, last];
}

/** Normalized words within CONTEXT_REACH of tokens `[first, last)`, not past a sentence end. */
function nearbyWords(text: string, tokens: readonly MatchToken[], first: number, last: number): string[] {
  const out: string[] = [];
  const sentenceBreak = (k: number): boolean => k > 0 && tokens[k]!.gap && SENTENCE_END.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  for (let k = first - 1; k >= Math.max(0, first - CONTEXT_REACH) && !sentenceBreak(k + 1); k--) out.push(tokens[k]!.norm);
  for (let k = last; k < Math.min(tokens.length, last + CONTEXT_REACH) && !sentenceBreak(k); k++) out.push(tokens[k]!.norm);
  return out;
}

const hasStem = (words: readonly string[], stems: readonly string[]): boolean =>
  words.some((w) => stems.some((s) => w.startsWith(s) || w.slice(1).startsWith(s)));

/** Options of findEvents. */
export interface FindEventsOptions extends EventStatusOptions {}

/**
 * Event words in Arabic text, longest phrase first (سيارة مفخخة is car_bomb, not two events).
 * An attack word followed closely by على سجن also yields a prison_attack spanning both. Bare
 * words count only in their sense: عبوة beside an explosion, خلايا beside the conflict, صواريخ
 * not in a deal or in space. Each mention carries its status (see eventStatusAt): foiled,
 * threatened, planned, demanded, denied, supposed or past; absent when it occurred. Threat words
 * themselves are `threat`.
 */
export function findEvents(text: string, tokens: readonly MatchToken[] = matchTokens(text), options: FindEventsOptions = {}): EventMention[] {
  const found = eventMatcher().findArabic(text, tokens).map(toEvent);
  const kept = found.filter((m) => {
    const [at] = tokenSpan(tokens, m);
    if (at > 0 && STOPPING.has(tokens[at - 1]!.norm) && !tokens[at]!.gap) return false;
    const norm = normalizeWord(m.surface);
    if (!BARE_CANS.has(norm) && !BARE_CELLS.has(norm) && !MISSILE_WORDS.has(norm)) return true;
    const [first, last] = tokenSpan(tokens, m);
    const near = nearbyWords(text, tokens, first, last);
    if (BARE_CANS.has(norm)) {
      return found.some((o) => o !== m && EXPLOSIONS.has(o.type) && tokenDistance(tokens, o, m) <= CONTEXT_REACH);
    }
    if (BARE_CELLS.has(norm)) {
      return hasStem(near, CELL_CONTEXT) || found.some((o) => o !== m && isAttack(o.type) && tokenDistance(tokens, o, m) <= CONTEXT_REACH);
    }
    return !hasStem(near, NOT_FIRED)
      && (hasStem(near, FIRED) || found.some((o) => o !== m && isAttack(o.type) && tokenDistance(tokens, o, m) <= CONTEXT_REACH));
  });
  const prison = kept
    .filter((m) => m.type === 'attack')
    .map((m) => prisonAttackAfter(text, tokens, m))
    .filter((m): m is EventMention => m !== null);
  const mentions = prison.length === 0 ? kept : [...kept, ...prison].sort((a, b) => a.start - b.start);
  return mentions.map((m) => {
    const [first, last] = tokenSpan(tokens, m);
    const status = m.type === 'threat' ? 'threat' : eventStatusAt(text, tokens, first, last, options);
    return status ? { status, ...m } : m;
  });
}

/** Words between two mentions (0 when they touch). */
function tokenDistance(tokens: readonly MatchToken[], a: EventMention, b: EventMention): number {
  const [af, al] = tokenSpan(tokens, a);
  const [bf, bl] = tokenSpan(tokens, b);
  return af >= bl ? af - bl : bf >= al ? bf - al : 0;
}

const isAttack = (key: EventKey): boolean => key !== 'sleeper_cells' && ancestorsOf(key).includes('attack') || key === 'attack';

/** Event words in English text (attacks, car bombs, airstrikes, killed ...). */
export function findEventsEnglish(text: string): EventMention[] {
  return eventMatcher().findEnglish(text).map(toEvent);
}

/** The event type row for a key. */
export function eventType(key: EventKey): EventType {
  return BY_KEY.get(key)!;
}

/** Every key of `keys` and every type below them, once: what a query for those event types asks about. */
export function expandEventTypes(keys: readonly string[]): EventKey[] {
  return [...new Set(keys.flatMap((k) => expandEventType(k as EventKey)))];
}

/** The key and every type below it: `attack` → attack, armed_clash, bombing, car_bomb, ied, ... */
export function expandEventType(key: EventKey): EventKey[] {
  const out: EventKey[] = [key];
  for (let k = 0; k < out.length; k++) {
    for (const e of EVENT_TYPES) if (e.parent === out[k]) out.push(e.key);
  }
  return out;
}

/** The parents of a type, nearest first: `car_bomb` → bombing, attack; none for an unknown key. */
export function ancestorsOf(key: EventKey | string): EventKey[] {
  const out: EventKey[] = [];
  for (let parent = BY_KEY.get(key as EventKey)?.parent; parent !== undefined; parent = BY_KEY.get(parent)?.parent) out.push(parent);
  return out;
}
