import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES, ancestorsOf, expandEventType, findEvents, findEventsEnglish, type EventKey, type EventStatus,
} from '../../src/understand/events.js';
import { findExtraEvents } from '../../src/understand/extra-event-words.js';
import { matchTokens } from '../../src/understand/match-tokens.js';

const events = (mentions: { type: EventKey; surface: string }[]): [EventKey, string][] =>
  mentions.map((m) => [m.type, m.surface]);

describe('findEvents (Arabic)', () => {
  it.each<[string, [EventKey, string][]]>([
    ['شهدت الرقة هجمات عدة', [['attack', 'هجمات']]],
    // The dual: two of a kind told as one.
    ['في تفجيرين انتحاريين', [['suicide_attack', 'تفجيرين انتحاريين']]],
    ['والتفجيران الانتحاريان', [['suicide_attack', 'التفجيران الانتحاريان']]],
    ['بتفجير سيارتين مفخختين', [['bombing', 'تفجير'], ['car_bomb', 'سيارتين مفخختين']]],
    ['انفجار عبوتين ناسفتين', [['bombing', 'انفجار'], ['ied', 'عبوتين ناسفتين']]],
    ['تبنى التنظيم الهجومين', [['attack', 'الهجومين']]],
    ['شنت غارتين جويتين', [['air_strike', 'غارتين جويتين']]],
    ['نفذت خلاياه هجوماً عنيفاً', [['sleeper_cells', 'خلاياه'], ['attack', 'هجوماً']]],
    ['والهجمات', [['attack', 'الهجمات']]],
    ['اشتباكات عنيفة', [['armed_clash', 'اشتباكات عنيفة']]],
    ['انفجار ضخم', [['bombing', 'انفجار']]],
    ['تفجير سيارة مفخخة', [['bombing', 'تفجير'], ['car_bomb', 'سيارة مفخخة']]],
    ['بعبوة ناسفة', [['ied', 'عبوة ناسفة']]],
    ['العبوة الناسفة', [['ied', 'العبوة الناسفة']]],
    ['هجوم انتحاري بحزام ناسف', [['suicide_attack', 'هجوم انتحاري'], ['suicide_attack', 'حزام ناسف']]],
    ['غارات جوية وطائرة مسيرة', [['air_strike', 'غارات جوية'], ['air_strike', 'طائرة مسيرة']]],
    ['بالأسلحة الرشاشة والقذائف الصاروخية', [['shelling', 'القذائف الصاروخية']]],
    ['اغتيال قيادي', [['assassination', 'اغتيال']]],
    ['إعدام ميداني', [['execution', 'إعدام']]],
    ['اختطاف مدنيين', [['abduction', 'اختطاف']]],
    ['رسائل تهديد', [['threat', 'رسائل تهديد']]],
    ['بتنفيذ عمليات إنزال جوي عدة', [['raid_arrest', 'عمليات إنزال']]],
    ['وألقت القبض على العناصر', [['raid_arrest', 'ألقت القبض']]],
    ['عمليات هروب من السجون', [['prison_attack', 'عمليات هروب']]],
    ['الهجوم الكبير الذي شنه مؤخراً على سجن', [
      ['attack', 'الهجوم'], ['prison_attack', 'الهجوم الكبير الذي شنه مؤخراً على سجن'],
    ]],
    ['داعش يجند أعضاء جدداً', [['recruitment', 'يجند']]],
    ['ابتزاز الشركات وفرض إتاوات', [['extortion', 'ابتزاز'], ['extortion', 'فرض إتاوات']]],
    ['الخلايا النائمة', [['sleeper_cells', 'الخلايا النائمة']]],
    ['قنابل ضوئية فوق بادية دبلان', []],
    ['الإرهاب يريد اختطاف الدين والأوطان', []],
    ['القوات السورية حررت قرى على الضفة الشرقية', [['territory', 'حررت']]],
    ['سيطرت قسد على بلدة هجين', [['territory', 'سيطرت']]],
    ['قصفت طائرات حربية مواقع التنظيم', [['shelling', 'قصفت'], ['air_strike', 'طائرات حربية']]],
    ['جدد الطيران المروحي قصفه بالبراميل المتفجرة', [['air_strike', 'الطيران المروحي'], ['shelling', 'قصفه'], ['air_strike', 'البراميل المتفجرة']]],
    ['تبادل لإطلاق النار على الحدود', [['armed_clash', 'تبادل لإطلاق النار']]],
    ['في محاولة لاقتحام المدينة', [['attack', 'اقتحام']]],
    ['فرض سيطرتها على مبنى الجامعة', [['territory', 'فرض سيطرتها']]],
    ['خرج المتظاهرون في مظاهرات حاشدة', [['protest', 'المتظاهرون'], ['protest', 'مظاهرات']]],
    ['سقوط مقذوف عسكري من داخل الحدود اليمنية على منزل', [['shelling', 'مقذوف']]],
    ['تركيا تعتقل عشرات الأكراد في ثمانية أقاليم', [['raid_arrest', 'تعتقل']]],
  ])('%s', (text, expected) => {
    expect(events(findEvents(text))).toEqual(expected);
  });
});

describe('findEvents: words that are no event in their sense', () => {
  it.each<[string, string, [EventKey, string][]]>([
    ['a milk can is no bomb', 'اشترى عبوة حليب من السوق', []],
    ['a ceasefire is no shooting', 'اتفاق وقف إطلاق النار في الجنوب', []],
    ['talks to stop the battles are no battle', 'فشل مفاوضات وقف المعارك مع موسكو', []],
    ['ending the battles is no battle', 'من أجل إنهاء المعارك في الجنوب', []],
    ['the shelling stopped is no shelling', 'توقف القصف على المدينة', []],
    ['a stop word across a full stop stops nothing', 'وقف. القصف على المدينة', [['shelling', 'القصف']]],
    ['a bare can alone is no bomb', 'وزعت الجمعية عبوات على الأسر', []],
    ['a can beside an explosion is an IED', 'انفجار عبوة في السوق', [['bombing', 'انفجار'], ['ied', 'عبوة']]],
    ['neurons are no sleeper cells', 'تؤثر على الخلايا العصبية في الدماغ', []],
    ['bare cells in the body are no sleeper cells', 'تتجدد خلايا الجلد كل شهر', []],
    ['cells of ISIS are', 'تنشط خلايا تابعة لداعش في البادية', [['sleeper_cells', 'خلايا']]],
    ['a terrorist cell is', 'تفكيك خلية إرهابية', [['sleeper_cells', 'خلية إرهابية']]],
    ['a political battle is no clash', 'في خضم معركة سياسية داخلية تتصاعد', []],
    ['a murder charge is no attack', 'اعتقل بتهمة القتل', [['raid_arrest', 'اعتقل']]],
    ['a missile deal is no shelling', 'وقعت الدولتان صفقة لشراء صواريخ متطورة', []],
    ['a space rocket is no shelling', 'أطلقت الصين صاروخا يحمل قمرا إلى الفضاء', []],
    ['missile system', 'نشر منظومة صواريخ في القاعدة', []],
    ['a missile programme is no shelling', 'ناقش الوزراء الضغط على إيران بسبب الصواريخ ودورها في اليمن', []],
    ['fired rockets are shelling', 'سقطت صواريخ على الحي', [['shelling', 'صواريخ']]],
    ['a bullet is no shelling', 'أكدت وجود جرح مدخل لمقذوف ناري في منتصف الظهر', []],
    ['a missile programme is no shelling', 'محادثات بشأن برنامج إيران للصواريخ الباليستية', []],
    ['death penalties are no execution', 'إعادة النظر في عقوبات الإعدام التي أصدرتها محكمة الجنايات', []],
    ['tear gas is no bombing', 'أطلقت القوات الرصاص الحي وقنابل الغاز على المحتجين', []],
    ['a warrant is no arrest', 'أصدرت ألمانيا مذكرة اعتقال بحق مدير المخابرات', []],
    ['nor are orders to arrest', 'أصدرت السلطات أوامر باعتقال 170 شخصا', []],
  ])('%s: %s', (_rule, text, expected) => {
    expect(events(findEvents(text))).toEqual(expected);
  });
});

describe('findEvents: status', () => {
  const statuses = (text: string, publishedYear?: number): [EventKey, string, EventStatus | undefined][] =>
    findEvents(text, undefined, publishedYear === undefined ? {} : { publishedYear }).map((m) => [m.type, m.surface, m.status]);

  it.each<[string, string, number | undefined, [EventKey, string, EventStatus | undefined][]]>([
    ['occurred', 'قتل ثلاثة مدنيين في هجوم على قرية', undefined, [['attack', 'قتل', undefined], ['attack', 'هجوم', undefined]]],
    ['defused IEDs', 'تمكنت الفرق الهندسية من تفكيك 35 عبوة ناسفة', undefined, [['ied', 'عبوة ناسفة', 'disrupted']]],
    ['defused', 'إبطال مفعول عبوة ناسفة', undefined, [['ied', 'عبوة ناسفة', 'disrupted']]],
    ['foiled attack', 'أحبطت القوات الأمنية هجوما إرهابيا', undefined, [['attack', 'هجوما', 'disrupted']]],
    ['prevented', 'تشديدات أمنية حالت دون اقتراب الانتحاري من الحشود', undefined, [['suicide_attack', 'الانتحاري', 'disrupted']]],
    ['shot down drone', 'إسقاط طائرة مسيرة فوق القاعدة', undefined, [['air_strike', 'طائرة مسيرة', 'disrupted']]],
    ['seized explosives', 'ضبط متفجرات في مستودع', undefined, [['bombing', 'متفجرات', 'disrupted']]],
    ['found IEDs', 'بعد أن وجد الجنود عبوات ناسفة', undefined, [['ied', 'عبوات ناسفة', 'disrupted']]],
    ['shot down aerial targets', 'أسقطت الدفاعات أهدافا جوية', undefined, [['air_strike', 'أهدافا جوية', 'disrupted']]],
    ['intercepted missile', 'اعترضت الدفاعات الجوية صاروخا', undefined, [['shelling', 'صاروخا', 'disrupted']]],
    ['air defences repel a missile attack', 'بتصدي أنظمة الدفاع الجوي لهجوم صاروخي قرب حمص', undefined, [['attack', 'هجوم', 'disrupted']]],
    ['threat word', 'هدد التنظيم بشن هجمات', undefined, [['threat', 'هدد', 'threat'], ['attack', 'هجمات', 'threat']]],
    ['threatens', 'داعش يهدد بشن هجمات في أوروبا', undefined, [['threat', 'يهدد', 'threat'], ['attack', 'هجمات', 'threat']]],
    ['threats', 'تلقى تهديدات بالقتل', undefined, [['threat', 'تهديدات', 'threat'], ['attack', 'القتل', 'threat']]],
    ['plans', 'كان يخطط لتنفيذ تفجير انتحاري', undefined, [['suicide_attack', 'تفجير انتحاري', 'plan']]],
    ['intended', 'كان يعتزم تنفيذ هجوم', undefined, [['attack', 'هجوم', 'plan']]],
    ['preparing', 'التحضير لهجوم على المدينة', undefined, [['attack', 'هجوم', 'plan']]],
    ['setting out to resume', 'تستعد المحافظة، الجمعة، لاستئناف المظاهرات', undefined, [['protest', 'المظاهرات', 'plan']]],
    ['bracing for', 'تتأهب المدينة لمظاهرات حاشدة', undefined, [['protest', 'مظاهرات', 'plan']]],
    ['convicted of planning', 'أدين المتهم بالتخطيط لهجوم على المدينة', undefined, [['attack', 'هجوم', 'plan']]],
    ['preparations', 'الانتهاء من التحضيرات لأكبر مظاهرة واعتصام داخل المحافظة', undefined, [['protest', 'مظاهرة', 'plan'], ['protest', 'اعتصام', 'plan']]],
    ['demand of an execution', 'تظاهروا للمطالبة بإعدام القاتل', undefined, [['protest', 'تظاهروا', undefined], ['execution', 'إعدام', 'demand']]],
    ['demanded', 'طالب النائب بإعدام المتهمين', undefined, [['execution', 'إعدام', 'demand']]],
    ['a death sentence is no execution', 'أصدرت المحكمة حكما بالإعدام على المتهم', undefined, [['execution', 'الإعدام', 'sentenced']]],
    ['a court sentencing to death', 'وقضاؤه يحكم بإعدام القرضاوي والعرعور', undefined, [['execution', 'إعدام', 'sentenced']]],
    ['a court named between', 'قضت محكمة عراقية بإعدام فرنسي', undefined, [['execution', 'إعدام', 'sentenced']]],
    ['sentenced to death', 'وصدر حكم عليه بالإعدام لانتمائه إلى التنظيم', undefined, [['execution', 'الإعدام', 'sentenced']]],
    ['a time into a campaign names the campaign', 'وتأتي التطورات بعد أسبوعين على بدء غارات التحالف', undefined, [['air_strike', 'غارات', 'historical']]],
    ['weeks after a happening: it came before', 'شن سلاح الجو أولى غاراته بعد أسبوعين على هجوم انتحاري دام', undefined, [['suicide_attack', 'هجوم انتحاري', 'historical']]],
    ['less than two months after a happening', 'ويأتي الحادث بعد أقل من شهرين من هجوم على المقر', undefined, [['attack', 'هجوم', 'historical']]],
    ['hours after a happening are the news', 'بعد ساعات من هجوم انتحاري على المقر', undefined, [['suicide_attack', 'هجوم انتحاري', undefined]]],
    ['about a month into', 'بعد نحو شهر على بدء الهجوم التركي', undefined, [['attack', 'الهجوم', 'historical']]],
    ['what the clause tells after it is the news', 'بعد ثلاثة أشهر من انطلاق الحملة قتل 5 جنود في هجوم', undefined, [['attack', 'قتل', undefined], ['attack', 'هجوم', undefined]]],
    ['a time after a happening is no campaign', 'وقتل 5 جنود بعد يومين من الهجوم على الحاجز', undefined, [['attack', 'قتل', undefined], ['attack', 'الهجوم', undefined]]],
    ['unconfirmed news', 'وسط أنباء غير مؤكدة عن قيامه بتنفيذ حكم الإعدام ببعض المحتجزين', undefined, [['execution', 'الإعدام', 'hypothetical']]],
    ['a sentence carried out is an execution', 'نفذ التنظيم حكم الإعدام بحق خمسة مدنيين', undefined, [['execution', 'الإعدام', undefined]]],
    ['carried out by the state', 'تنفيذ حكم الإعدام بحق 13 مدانا', undefined, [['execution', 'الإعدام', undefined]]],
    ['a call for an attack is no attack', 'دعا المذيع إلى قصف الأحياء', undefined, [['shelling', 'قصف', 'demand']]],
    ['denial', 'نفى مصدر أمني وقوع هجوم على الحاجز', undefined, [['attack', 'هجوم', 'denial']]],
    ['a denied part is no denied attack', 'نفت موسكو أي ضلوع في الهجوم', undefined, [['attack', 'الهجوم', undefined]]],
    ['if', 'في حال شن التنظيم هجوما', undefined, [['attack', 'هجوما', 'hypothetical']]],
    ['may', 'قد يشن داعش هجمات جديدة', undefined, [['attack', 'هجمات', 'hypothetical']]],
    ['قد before a past verb is no doubt', 'وقد قتل 5 أشخاص', undefined, [['attack', 'قتل', undefined]]],
    ['any attack', 'لمنع أي هجوم', undefined, [['attack', 'هجوم', 'hypothetical']]],
    ['no claim is no doubt', 'ولم تعلن أي جهة مسؤوليتها عن الهجوم', undefined, [['attack', 'الهجوم', undefined]]],
    ['whether is no doubt', 'ولم يوضح ما إذا كانت الغارة تمت بطائرة', undefined, [['air_strike', 'الغارة', undefined]]],
    ['possibility', 'احتمال وقوع هجمات', undefined, [['attack', 'هجمات', 'hypothetical']]],
    ['expected', 'التي يتوقع أن تكون ساحة المعركة الأخيرة في الجنوب', undefined, [['armed_clash', 'المعركة', 'hypothetical']]],
    ['may, with و', 'وقد يؤدي إلى اشتباك مع القوات', undefined, [['armed_clash', 'اشتباك', 'hypothetical']]],
    ['had, with و: it happened', 'وقد أسفر الهجوم عن مقتل 5', undefined, [['attack', 'الهجوم', undefined], ['attack', 'مقتل', undefined]]],
    ['possible, after the word', 'خطر اشتباك محتمل بين القوات', undefined, [['armed_clash', 'اشتباك', 'hypothetical']]],
    ['imminent, after the word', 'يواجهون هجوما وشيكا على المدينة', undefined, [['attack', 'هجوما', 'plan']]],
    ['alleged, after the word: it happened', 'الهجوم الكيميائي المفترض في دوما', undefined, [['attack', 'الهجوم', undefined]]],
    ['on the brink', 'باتت المنطقة على شفا اشتباكات مع المعارضة', undefined, [['armed_clash', 'اشتباكات', 'hypothetical']]],
    ['able to', 'إن النظام السوري ما يزال قادرا على شن هجمات كيميائية', undefined, [['attack', 'هجمات', 'hypothetical']]],
    ['in a year', 'في عام 2014 شن التنظيم هجوما على الموصل', undefined, [['attack', 'هجوما', 'historical']]],
    ['an earlier year', 'الهجوم الذي وقع عام 2017 على المسجد', 2018, [['attack', 'الهجوم', 'historical']]],
    ['the same year', 'الهجوم الذي وقع عام 2018 على المسجد', 2018, [['attack', 'الهجوم', undefined]]],
    ['back then', 'قتل آنذاك عشرات المدنيين', undefined, [['attack', 'قتل', 'historical']]],
    ['years ago', 'التفجير الذي وقع قبل سنوات', undefined, [['bombing', 'التفجير', 'historical']]],
    ['anniversary', 'في الذكرى الثالثة لتفجير الكرادة', undefined, [['bombing', 'تفجير', 'historical']]],
    ['earlier, close after', 'الهجوم الذي شنه سابقا على القاعدة', undefined, [['attack', 'الهجوم', 'historical']]],
    ['formerly names a group, not a time', 'هيئة تحرير الشام (جبهة النصرة سابقا) شنت هجوما', undefined, [['attack', 'هجوما', undefined]]],
    ['an earlier attack', 'بعد هجوم سابق على القاعدة', undefined, [['attack', 'هجوم', 'historical']]],
    ['last month by name', 'الهجوم على سروج في يوليو الماضي', undefined, [['attack', 'الهجوم', 'historical']]],
    ['a cue in another clause', 'أحبطت الشرطة محاولة تسلل، وقتل جندي في انفجار', undefined, [['attack', 'قتل', undefined], ['bombing', 'انفجار', undefined]]],
    ['in preparation for it', 'حشدت قواتها استعدادا لشن هجوم على المدينة', undefined, [['attack', 'هجوم', 'plan']]],
    ['in preparation for something else', 'وصلت البعثة تمهيدا لمباشرة تحقيقاتها حول هجوم كيميائي مفترض', undefined, [['attack', 'هجوم', undefined]]],
    ['what is avenged was told before', 'قال إنه جاء انتقاما لتفجير انتحاري أسفر عن مقتل 32', undefined, [['suicide_attack', 'تفجير انتحاري', 'historical'], ['attack', 'مقتل', undefined]]],
    ['a response answers a happening told before', 'يبحثون العمل العسكري ردا على "الهجوم الكيميائي" في سوريا', undefined, [['attack', 'الهجوم', 'historical']]],
    ['... and the response itself happened', 'قصف الجيش مواقع التنظيم ردا على الهجوم', undefined, [['shelling', 'قصف', undefined], ['attack', 'الهجوم', 'historical']]],
    ['the state of things a report is set against', 'رغم المعاناة في ظل المواجهات بين قوات الأمن والمسلحين', undefined, [['armed_clash', 'المواجهات', 'historical']]],
    ['... and a happening told beside it', 'قتل خمسة مدنيين في ظل تصاعد الهجمات', undefined, [['attack', 'قتل', undefined], ['attack', 'الهجمات', 'historical']]],
    ['a video refers to a happening told elsewhere', 'نشر ناشطون مقطع فيديو يظهر قصف المدينة', undefined, [['shelling', 'قصف', 'historical']]],
    ['praise reaches past a comma to its sentence end', 'أشاد بأداء الأمن إثر القبض على 431، وإحباط عدد من الهجمات. وقتل جندي', undefined, [['raid_arrest', 'القبض', 'historical'], ['attack', 'الهجمات', 'historical'], ['attack', 'قتل', undefined]]],
    ['praise speaks of what was done before', 'أثنى مواطنون على النجاح الذي حققته الأجهزة الأمنية في ضبط خلايا داعش', undefined, [['sleeper_cells', 'خلايا داعش', 'historical']]],
    ['the future (سيتم)', 'أبلغه بأنه سيتم استهداف منصات الإطلاق', undefined, [['attack', 'استهداف', 'plan']]],
    ['the future of a verb that launches', 'أعلنت تركيا أنها ستطلق قريبا هجوما واسع النطاق', undefined, [['attack', 'هجوما', 'plan']]],
    ['the future of a verb that deals a blow', 'إن إدارته ستوجه ضربة إلى سوريا باستخدام صواريخ جديدة', undefined, [['shelling', 'صواريخ', 'plan']]],
    ['a pledged disruption did not happen', 'روسيا تتعهد بإسقاط الصواريخ التي ستطلق على سوريا', undefined, [['shelling', 'الصواريخ', 'plan']]],
    ['a denied disruption did not happen', 'نفى الجيش إسقاط طائرة مسيرة', undefined, [['air_strike', 'طائرة مسيرة', 'denial']]],
    ['a trial speaks of a happening before it', 'جلسات محاكمة المتهمين بتفجير مسجد الإمام الصادق', undefined, [['bombing', 'تفجير', 'historical']]],
    ['a charge', 'اعتقل رجلا بتهمة تنفيذ هجوم على الكنيسة', undefined, [['raid_arrest', 'اعتقل', undefined], ['attack', 'هجوم', 'historical']]],
    ['a court before the happening', 'أصدرت محكمة في جاكرتا حكمها في الاعتداءات التي أوقعت 4 قتلى', undefined, [['attack', 'الاعتداءات', 'historical']]],
    ['a court attacked is no trial', 'قتل 5 في هجوم انتحاري استهدف مبنى المحكمة', undefined, [['attack', 'قتل', undefined], ['suicide_attack', 'هجوم انتحاري', undefined], ['attack', 'استهدف', undefined]]],
    ['the case before a court', 'بتقديم مرافعاته النهائية في قضية اغتيال رئيس الوزراء', undefined, [['assassination', 'اغتيال', 'historical']]],
    ['a span since a takeover in the word\'s clause', 'داعش أعدم 2000 شخص في الموصل منذ سيطرته عليها', undefined, [['execution', 'أعدم', 'historical']]],
    ['a run since then', 'وشنت تركيا منذ ذلك الحين سلسلة من الغارات الجوية', undefined, [['air_strike', 'الغارات الجوية', 'historical']]],
    ['a habit', 'قصفت إسرائيل مرارا أهدافا عسكرية', undefined, [['shelling', 'قصفت', 'historical']]],
    ['a span in the clause beside keeps the happening', 'انفجار في الرقة، وقتل 300 منذ بداية العام', undefined, [['bombing', 'انفجار', undefined], ['attack', 'قتل', 'historical']]],
    ['the first since a takeover is the news', 'أول هجوم منذ سيطرة القوات على المدينة', undefined, [['attack', 'هجوم', undefined]]],
  ])('%s: %s', (_rule, text, publishedYear, expected) => {
    expect(statuses(text, publishedYear)).toEqual(expected);
  });
});

describe('findEventsEnglish', () => {
  it.each<[string, [EventKey, string][]]>([
    ['attacks in Raqqa', [['attack', 'attacks']]],
    ['car bombs Deir ez-Zor 2019', [['car_bomb', 'car bombs']]],
    ['VBIED', [['car_bomb', 'VBIED']]],
    ['bombings and explosions', [['bombing', 'bombings'], ['bombing', 'explosions']]],
    ['roadside bombs', [['ied', 'roadside bombs']]],
    ['suicide bombers', [['suicide_attack', 'suicide bombers']]],
    ['airstrikes and drone strikes', [['air_strike', 'airstrikes'], ['air_strike', 'drone strikes']]],
    ['US strikes', [['air_strike', 'strikes']]],
    ['artillery shelling', [['shelling', 'artillery'], ['shelling', 'shelling']]],
    ['clashes', [['armed_clash', 'clashes']]],
    ['assassinations', [['assassination', 'assassinations']]],
    ['executions', [['execution', 'executions']]],
    ['kidnappings', [['abduction', 'kidnappings']]],
    ['threats against civilians', [['threat', 'threats']]],
    ['raids and arrests', [['raid_arrest', 'raids'], ['raid_arrest', 'arrests']]],
    ['prison break', [['prison_attack', 'prison break']]],
    ['recruitment of children', [['recruitment', 'recruitment']]],
    ['extortion and ransom', [['extortion', 'extortion'], ['extortion', 'ransom']]],
    ['sleeper cells Hasakah since 2022', [['sleeper_cells', 'sleeper cells']]],
    ['civilians killed', [['attack', 'killed']]],
    ['hunger strike', []],
  ])('%s', (text, expected) => {
    expect(events(findEventsEnglish(text))).toEqual(expected);
  });
});

describe('event hierarchy', () => {
  it.each<[EventKey, EventKey[]]>([
    ['attack', [
      'attack', 'armed_clash', 'bombing', 'air_strike', 'shelling', 'assassination', 'abduction', 'prison_attack',
      'car_bomb', 'ied', 'suicide_attack', 'execution',
    ]],
    ['bombing', ['bombing', 'car_bomb', 'ied', 'suicide_attack']],
    ['car_bomb', ['car_bomb']],
    ['threat', ['threat']],
  ])('expandEventType(%s)', (key, expected) => {
    expect(expandEventType(key)).toEqual(expected);
  });

  it.each<[EventKey, EventKey[]]>([
    ['car_bomb', ['bombing', 'attack']],
    ['execution', ['assassination', 'attack']],
    ['attack', []],
    ['sleeper_cells', []],
  ])('ancestorsOf(%s)', (key, expected) => {
    expect(ancestorsOf(key)).toEqual(expected);
  });

  it.each(EVENT_TYPES.map((e) => [e.key, e] as const))('%s: first Arabic and English forms match the type', (_key, type) => {
    expect(findEvents(type.arabic[0]!).map((m) => m.type)).toEqual([type.key]);
    expect(findEventsEnglish(type.english[0]!).map((m) => m.type)).toEqual([type.key]);
  });
});

describe('findExtraEvents: only what happened', () => {
  it.each<[string, string, string[]]>([
    ['an interception', 'اعترضت الدفاعات الجوية صاروخا', ['disrupted']],
    ['an interception to come is a warning', 'حذر السفير بأنه سيتم اعتراض الصواريخ', []],
    ['a protest', 'تظاهر المئات في الساحة', ['protest']],
    ['a protest planned', 'يعتزم الأهالي تنظيم وقفة احتجاجية', []],
    ['a protest in a headline\'s present', 'آلاف المغاربة يتظاهرون في الدار البيضاء', ['protest']],
    ['towns handing over their weapons', 'ثماني بلدات في درعا تسلم أسلحتها في إطار اتفاق مصالحة', ['territory']],
    ['forces entering a town', 'دخلت القوات الحكومية إلى بلدة الضمير', ['territory']],
    ['fighters evacuated from a place', 'واستمر الثلاثاء إجلاء مسلحي فيلق الرحمن من الجيب الجنوبي للغوطة', ['territory']],
    ['fighters leaving a camp', 'تواصل خروج المسلحين من مخيم اليرموك', ['territory']],
    ['an evacuation that was stopped did not happen', 'حالت انقسامات داخلية دون مواصلة عمليات إجلاء المقاتلين من دوما', []],
    ['an evacuation planned', 'تخطط الحكومة لإخراج المسلحين من المدينة', []],
    ['air defences stopping something', 'قال مصدر إن الدفاعات الجوية السورية تصدت لـ"هدف معاد" ودمرته', ['disrupted']],
    ['air defences stopping something, denied', 'نفى أن تكون الدفاعات الجوية أسقطت طائرة', []],
    ['air defences named alone', 'عززت روسيا الدفاعات الجوية في القاعدة', []],
    ['a liberation in an earlier year is history', 'في عام 2014 حررت القوات المدينة', []],
    ['a foiling praised is referred to', 'أشاد بأداء رجال الأمن إثر تفكيك خلايا إرهابية، وإحباط عدد من الهجمات', []],
  ])('%s', (_name, text, kinds) => {
    expect(findExtraEvents(text, matchTokens(text)).map((e) => e.kind)).toEqual(kinds);
  });
});
