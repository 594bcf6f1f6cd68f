import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/understand/find-places.js';

/** [pcode, admin1Pcode, surface, descriptor, direction] per mention. */
type Row = [string, string | null, string, string | null, string | null];
const places = (text: string): Row[] =>
  findPlaces(text).map((m) => [m.pcode, m.admin1Pcode, m.surface, m.descriptor ?? null, m.direction ?? null]);

describe('findPlaces: proclitics', () => {
  it.each<[string, Row[]]>([
    ['بالرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['والرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['فالرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['كالرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['للرقة', [['SY11', 'SY11', 'لرقة', null, null]]],
    ['لدير الزور', [['SY09', 'SY09', 'دير الزور', null, null]]],
    ['وبدير الزور', [['SY09', 'SY09', 'دير الزور', null, null]]],
    ['بالموصل', [['IQG15Q05', 'IQG15', 'الموصل', null, null]]],
    ['ديرالزور', [['SY09', 'SY09', 'ديرالزور', null, null]]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it('reports offsets of the name without its proclitic', () => {
    expect(findPlaces('وبدير الزور')).toEqual([
      { pcode: 'SY09', admin1Pcode: 'SY09', start: 2, end: 11, surface: 'دير الزور' },
    ]);
  });
});

describe('findPlaces: descriptors and directions', () => {
  it.each<[string, Row[]]>([
    ['في ريف دير الزور الشرقي', [['SY09', 'SY09', 'ريف دير الزور الشرقي', 'ريف', 'شرقي']]],
    ['بادية حمص', [['SY04', 'SY04', 'بادية حمص', 'بادية', null]]],
    ['ريف السويداء الشمالي الشرقي', [['SY13', 'SY13', 'ريف السويداء الشمالي الشرقي', 'ريف', 'شمالي شرقي']]],
    ['بادية دير الزور الجنوبية', [['SY09', 'SY09', 'بادية دير الزور الجنوبية', 'بادية', 'جنوبي']]],
    ['بريف حمص', [['SY04', 'SY04', 'ريف حمص', 'ريف', null]]],
    ['شمال شرق حلب', [['SY02', 'SY02', 'شمال شرق حلب', null, 'شمال شرق']]],
    ['وسط مدينة الرقة', [['C5710', 'SY11', 'وسط مدينة الرقة', 'مدينة', 'وسط']]],
    ['محافظة الحسكة', [['SY08', 'SY08', 'محافظة الحسكة', 'محافظة', null]]],
    ['مدينة الحسكة', [['C4360', 'SY08', 'مدينة الحسكة', 'مدينة', null]]],
    // A camp that is a landmark resolves to the landmark (its parent is the al-Hol community).
    ['مخيم الهول', [['LM-SY-HOL-CAMP', 'SY08', 'مخيم الهول', null, null]]],
    ['محافظتي كركوك وصلاح الدين', [['IQG13', 'IQG13', 'محافظتي كركوك', 'محافظة', null], ['IQG16', 'IQG16', 'صلاح الدين', null, null]]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});

describe('findPlaces: resolution', () => {
  it.each<[string, Row[]]>([
    // A governorate or district of the name wins over communities of the same name.
    ['الرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    // Iraq's district wins over a Syrian sub-district or community of the same name.
    ['سنجار', [['IQG15Q07', 'IQG15', 'سنجار', null, null]]],
    ['الرمادي', [['IQG01Q03', 'IQG01', 'الرمادي', null, null]]],
    // Well-known towns count without a cue.
    ['سقوط الباغوز', [['C6795', 'SY09', 'الباغوز', null, null]]],
    ['مدينة الشحيل', [['C5119', 'SY09', 'مدينة الشحيل', 'مدينة', null]]],
    // A community is resolved in the governorate named right after it; ambiguous without one.
    ['قرية الحرية', []],
    ['قرية الحرية بريف الرقة', [['C6384', 'SY11', 'قرية الحرية', 'قرية', null], ['SY11', 'SY11', 'ريف الرقة', 'ريف', null]]],
    // A common word counts when coordinated with a place of its governorate, or after a city cue.
    ['الرقة والطبقة', [['SY11', 'SY11', 'الرقة', null, null], ['C8745', 'SY11', 'الطبقة', null, null]]],
    ['مدينة الطبقة', [['C8745', 'SY11', 'مدينة الطبقة', 'مدينة', null]]],
    ['الحسكة والشدادي', [['SY08', 'SY08', 'الحسكة', null, null], ['SY080002', 'SY08', 'الشدادي', null, null]]],
    ['دير الزور وميادين والبوكمال', [
      ['SY09', 'SY09', 'دير الزور', null, null], ['SY0903', 'SY09', 'ميادين', null, null], ['SY0902', 'SY09', 'البوكمال', null, null],
    ]],
    // A city descriptor picks the community of the name inside the district.
    ['مدينة منبج', [['C1767', 'SY02', 'مدينة منبج', 'مدينة', null]]],
    ['قضاء سنجار', [['IQG15Q07', 'IQG15', 'قضاء سنجار', 'قضاء', null]]],
    ['في سوريا', [['SY', null, 'سوريا', null, null]]],
    ['العراق وسورية', [['IQ', null, 'العراق', null, null], ['SY', null, 'سورية', null, null]]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});

describe('findPlaces: words that are not places here', () => {
  it.each<[string]>([
    ['أعلن النصر على «خلافة داعش»'],
    ['الثورة السورية'],
    ['في شارع النور وسط'],
    ['قوات سوريا الديمقراطية'],
    ['مناطق سوريا الديمقراطية'],
    ['تنظيم الدولة الإسلامية في العراق والشام'],
    ['مصادر سورية أكدت'],
    ['الحرية والسلام والأمن'],
    ['التحالف الدولي والقاعدة'],
    ['الطبقة السياسية'],
    ['شرق الفرات'],
    ['البادية السورية'],
    ['الذي كسبه الهلال'],
    ['قرية صغيرة'],
    ['من ناحية أخرى'],
    ['القضاء على التنظيم'],
    ['الجديدة'],
    ['دعم مالي'],
    ['النظام مصر على الحل العسكري'],
    ['القوات السعودية'],
    ['صلاة المغرب'],
  ])('%s', (text) => {
    expect(findPlaces(text)).toEqual([]);
  });
});

/** [pcode, admin1Pcode] per mention. */
type Placed = [string, string | null];
const placed = (text: string): Placed[] => findPlaces(text).map((m) => [m.pcode, m.admin1Pcode]);

describe('findPlaces: the world outside Syria and Iraq', () => {
  it.each<[string, Placed[]]>([
    ['الهجوم على مدينة كرمان الإيرانية', [['IR-08', 'IR-08']]],
    ['تفجير في الأهواز', [['IR-06-AHVAZ', 'IR-06']]],
    ['لاجئون في غازي عنتاب', [['TR-27', 'TR-27']]],
    ['مسجد في القطيف', [['SA-04-QATIF', 'SA-04']]],
    ['هجوم في العريش بشمال سيناء', [['EG-SIN-ARISH', 'EG-SIN'], ['EG-SIN', 'EG-SIN']]],
    ['وصل إلى إسطنبول ثم أنقرة', [['TR-34', 'TR-34'], ['TR-06', 'TR-06']]],
    ['انفجار في بيروت', [['LB-BA', 'LB-BA']]],
    ['معارك في عدن', [['YE-AD', 'YE-AD']]],
    ['ضربات في لبنان وتركيا والأردن', [['LB', null], ['TR', null], ['JO', null]]],
    ['هجوم في باريس وبروكسل', [['FR-IDF', 'FR-IDF'], ['BE-BRU', 'BE-BRU']]],
    // Tripoli by the report's other places: Libya's beside Benghazi, Lebanon's beside Akkar.
    ['اشتباكات في طرابلس وبنغازي', [['LY-TB', 'LY-TB'], ['LY-BA', 'LY-BA']]],
    ['اشتباكات في طرابلس وعكار', [['LB-AS-TRIPOLILB', 'LB-AS'], ['LB-AK', 'LB-AK']]],
    // Seas, gulfs and continents named after a place are not that place.
    ['في بحر قزوين وخليج عدن وأمريكا الجنوبية', []],
    // World names that are also words need a cue or a preposition: مالي "financial".
    ['قوات فرنسية في مالي', [['ML', null]]],
    // The bare country name after a definite noun is the adjective: السلطات السعودية.
    ['في السعودية', [['SA', null]]],
    // Saudi towns on the Yemeni border, shelled from across it; those that are words too need a cue.
    ['قذائف تستهدف مستشفى ظهران الجنوب', [['SA-14-DHAHRAN-JANUB', 'SA-14']]],
    ['سقوط مقذوفات على محافظة الحرث', [['SA-09-HARTH', 'SA-09']]],
    ['قالت العارضة في البرنامج', []],
    // لعنة is "a curse", not ل + عنة (Ana in Anbar).
    ['يقطف منها الفاعل لعنة قتل النفس', []],
  ])('%s', (text, expected) => {
    expect(placed(text)).toEqual(expected);
  });
});

describe('findPlaces: landmarks', () => {
  it.each<[string, Placed[]]>([
    ['هجوم بطائرات مسيرة على قاعدة حميميم', [['LM-SY-HMEIMIM', 'SY06']]],
    ['مطار حميميم', [['LM-SY-HMEIMIM', 'SY06']]],
    // The Ghouta of Damascus, not Damascus (غوطة دمشق), nor the Raqqa village الغوطة beside Douma.
    ['غارات مكثفة على غوطة دمشق', [['LM-SY-EAST-GHOUTA', 'SY03']]],
    ['قصف على مدن وبلدات الغوطة بعد غارات على دوما', [['LM-SY-EAST-GHOUTA', 'SY03'], ['SY0302', 'SY03']]],
    ['الهجوم على سجن غويران', [['LM-SY-GHWERAN-PRISON', 'SY08']]],
    ['سجن صيدنايا', [['LM-SY-SEDNAYA-PRISON', 'SY03']]],
    ['سد الطبقة', [['LM-SY-TABQA-DAM', 'SY11']]],
    ['سد الموصل', [['LM-IQ-MOSUL-DAM', 'IQG15']]],
    ['في حقل العمر النفطي', [['LM-SY-OMAR-FIELD', 'SY09']]],
    ['مخيم الركبان', [['LM-SY-RUKBAN-CAMP', 'SY04']]],
    ['معبر البوكمال', [['LM-SY-BUKAMAL-CROSSING', 'SY09']]],
    ['معبر القائم', [['LM-SY-BUKAMAL-CROSSING', 'SY09']]],
    ['قاعدة التنف', [['LM-SY-TANF-BASE', 'SY04']]],
    ['غارات على معاقل الحزب في جبال قنديل', [['LM-IQ-QANDIL', 'IQG11']]],
    // An area, not Jaramana, whose sub-district the gazetteer also calls the Eastern Ghouta.
    ['قصف على الغوطة الشرقية', [['LM-SY-EAST-GHOUTA', 'SY03']]],
    ['قصف على جرمانا', [['SY030103', 'SY03']]],
    ['مطار الطبقة العسكري', [['LM-SY-TABQA-AIRBASE', 'SY11']]],
    ['قاعدة عين الأسد', [['LM-IQ-AINALASAD-BASE', 'IQG01']]],
    ['مطار منغ العسكري', [['LM-SY-MENAGH-AIRBASE', 'SY02']]],
  ])('%s', (text, expected) => {
    expect(placed(text)).toEqual(expected);
  });
});

describe("findPlaces: homonyms resolve by the report's other places", () => {
  it.each<[string, Placed[]]>([
    // A proclitic on a short first word (وتل) still reads the whole name: not Iraq's Wasit.
    ['اشتباكات في محيط الزيارة وتل واسط في سهل الغاب', [['C3157', 'SY05']]],
    // The Azaz village, not Hasakah's district, when Azaz is named.
    ['في المالكية قرب أعزاز', [['C1563', 'SY02'], ['SY0204', 'SY02']]],
    // Alone, the district of the name wins.
    ['في المالكية', [['SY0803', 'SY08']]],
    // A world name that is also a Syrian district: Jericho beside Jerusalem, Ariha beside Idlib.
    ['بين أريحا والقدس', [['PS-JRH-JERICHO', 'PS-JRH'], ['PS-JEM', 'PS-JEM']]],
    ['في أريحا بريف إدلب', [['SY0705', 'SY07'], ['SY07', 'SY07']]],
    ['بلدة الجيزة بريف درعا', [['SY120006', 'SY12'], ['SY12', 'SY12']]],
    ['في الجيزة', [['EG-GZ', 'EG-GZ']]],
    // Daraa's al-Karak al-Sharqi beside Daraa; Jordan's Karak governorate alone.
    ['قصف على بلدة الكرك الشرقي بريف درعا', [['C6047', 'SY12'], ['SY12', 'SY12']]],
    ['هجوم في الكرك', [['JO-KA', 'JO-KA']]],
  ])('%s', (text, expected) => {
    expect(placed(text)).toEqual(expected);
  });
});

describe('findPlaces: a village of Syria or Iraq alone in a report set in another country is a homonym', () => {
  it.each<[string, Placed[]]>([
    // Yemen's al-Mansura beside Taiz, not Raqqa's sub-district; beside Raqqa, Raqqa's.
    ['تقدمت القوات في تعز وسيطرت على المنصورة', [['YE-TA', 'YE-TA']]],
    ['تقدمت القوات في الرقة وسيطرت على المنصورة', [['SY11', 'SY11'], ['SY110301', 'SY11']]],
    // The word "conduct" after a preposition, in a report about Israel, is not the sub-district Suluk.
    ['وتعليقا على الفيديو في غزة قالت إن هذا جزء من سلوك عام', [['PS-GZA', 'PS-GZA']]],
    // An outside power named alone does not set a report elsewhere.
    ['قالت إسرائيل إن هذا جزء من سلوك عام', [['IL', null], ['SY110201', 'SY11']]],
    ['قالت سوريا إن هذا جزء من سلوك عام', [['SY', null], ['SY110201', 'SY11']]],
    // A Moroccan town that shares its name with a Syrian village.
    ['احتجاجات في مدينة جرادة المغربية في المغرب', [['MA', null]]],
    // A well-known town is a homonym too in a report set in a province or city abroad: the squares
    // (الميادين) of al-Arish are not Mayadin; beside Deir ez-Zor, or alone, it is the town.
    ['تم إغلاق عدد من الميادين في مدينة العريش بشمال سيناء', [['EG-SIN-ARISH', 'EG-SIN'], ['EG-SIN', 'EG-SIN']]],
    ['قصف مدفعي على مدينة الميادين بريف دير الزور', [['C5192', 'SY09'], ['SY09', 'SY09']]],
    ['اشتباكات في الميادين', [['SY0903', 'SY09']]],
    // Sadr City is Baghdad's district of Al-Thawra.
    ['انفجار في مدينة الصدر ببغداد', [['IQG08Q07', 'IQG08'], ['IQG08', 'IQG08']]],
    // Damascus's suburbs are Rural Damascus.
    ['سوق شعبية في ضواحي العاصمة دمشق', [['SY03', 'SY03']]],
    ['قتل 35 مدنيا في ضواحي دمشق', [['SY03', 'SY03']]],
    // Well-known names stand on their own: Eastern Ghouta beside Russia.
    ['روسيا تعرض على المسلحين في الغوطة الشرقية مخرجا آمنا', [['RU', null], ['LM-SY-EAST-GHOUTA', 'SY03']]],
  ])('%s', (text, expected) => {
    expect(placed(text)).toEqual(expected);
  });
});

describe('findPlaces: common names that are also words', () => {
  it.each<[string, Placed[]]>([
    ['في الطبقة', [['C8745', 'SY11']]],
    ['بالطبقة غرب الرقة', [['C8745', 'SY11'], ['SY11', 'SY11']]],
    ['جنوب الدشيشة', [['C8041', 'SY08']]],
    ['في الباب', [['SY0202', 'SY02']]],
    ['في الطبقة الوسطى', []],
    // Douma is also دوماً "always": after a preposition or a noun of a happening in construct it is the town.
    ['زار الخبراء موقعا ثانيا للهجوم في دوما قرب العاصمة', [['SY0302', 'SY03']]],
    ['تحمل الإدارة موسكو مسؤولية هجمات دوما بالغازات السامة', [['RU-MOW', 'RU-MOW'], ['SY0302', 'SY03']]],
    // ... and as the target of an attack word (هجوم ... على دوما).
    ['قتل 70 شخصا على الأقل في هجوم كيماوي على دوما في سوريا', [['SY0302', 'SY03'], ['SY', null]]],
    ['شنت الطائرات غارات على الباب وريفها', [['SY0202', 'SY02']]],
    ['حرص على دوما العلاقات الطيبة', []],
    ['قوات النظام تواصل حصار الباب منذ أسابيع طويلة', [['SY0202', 'SY02']]],
    ['وكان دوما يسعى إلى التهدئة مع الجيران', []],
    ['واصلت القوات قصف الباب الخلفي للمبنى', []],
    // A query of a few words names the town.
    ['الطبقة', [['C8745', 'SY11']]],
    ['هجمات الطبقة', [['C8745', 'SY11']]],
    ['والطبقة العاملة', []],
    // A shadda marks a doubled letter the name does not have: a verb or a word, not the place.
    ['الدفاعات السورية تدمّر هدفا', []],
    ['هجوم على تدمر', [['SY0405', 'SY04']]],
    ['قتل خمسة في زمّار', [['IQG15Q08N03', 'IQG15']]],
    // حماة before a noun with the article is "the protectors of"; a direction or a city's adjective keeps the city.
    ['حماة الأقصى يتصدون لغلاة التطرف في القدس', [['PS-JEM', 'PS-JEM']]],
    ['تحية إلى حماة الوطن', []],
    ['قصف على ريف حماة الشمالي', [['SY05', 'SY05']]],
    ['استهدف مطار حماة العسكري', [['SY05', 'SY05']]],
    // A place named like a man, followed at once by another name, is the man; after في, محافظة or و, the place.
    ['زعيم الحزب صلاح الدين ديمرتاش', []],
    ['الدكتور صلاح الدين عبد الكريم', []],
    ['قتل 5 في صلاح الدين أمس', [['IQG16', 'IQG16']]],
    ['أعلنت شرطة صلاح الدين أمس', [['IQG16', 'IQG16']]],
    ['ديالى وصلاح الدين هويتنا', [['IQG10', 'IQG10'], ['IQG16', 'IQG16']]],
    ['في محافظة صلاح الدين العراقية', [['IQG16', 'IQG16']]],
  ])('%s', (text, expected) => {
    expect(placed(text)).toEqual(expected);
  });
});

describe('findPlaces: the best-known conflict places, written after في', () => {
  it.each<[string, string]>([
    ['الرقة', 'SY11'], ['دير الزور', 'SY09'], ['البوكمال', 'SY0902'], ['الميادين', 'SY0903'], ['هجين', 'SY090201'],
    ['الحسكة', 'SY08'], ['القامشلي', 'SY0802'], ['منبج', 'SY0205'], ['كوباني', 'SY0206'], ['عين العرب', 'SY0206'],
    ['عفرين', 'SY0203'], ['أعزاز', 'SY0204'], ['جرابلس', 'SY0208'], ['الباب', 'SY0202'], ['تدمر', 'SY0405'],
    ['السخنة', 'SY040501'], ['دير حافر', 'C1240'], ['خان بني سعد', 'IQG10Q04N02'], ['أريحة', 'C4278'], ['الطبقة', 'C8745'], ['الشدادي', 'SY080002'], ['الباغوز', 'C6795'],
    ['الموصل', 'IQG15Q05'], ['تلعفر', 'IQG15Q08'], ['سنجار', 'IQG15Q07'], ['الحويجة', 'IQG13Q01'],
    ['الرمادي', 'IQG01Q03'], ['الفلوجة', 'IQG01Q01'], ['القائم', 'IQG01Q02'], ['تكريت', 'IQG16Q06'], ['بيجي', 'IQG16Q03'],
    ['سامراء', 'IQG16Q05'], ['كركوك', 'IQG13'], ['بعقوبة', 'IQG10Q04'], ['أربيل', 'IQG11'], ['دهوك', 'IQG09'],
    ['قرقوش', 'IQG15Q03'], ['مسكنة', 'SY020503'],
  ])('%s', (name, pcode) => {
    expect(findPlaces(`في ${name}`)[0]?.pcode).toBe(pcode);
  });
});
