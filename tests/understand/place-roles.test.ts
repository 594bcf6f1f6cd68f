import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/understand/find-places.js';

/** [pcode, role (location when absent)] per mention. */
type Row = [string, string];
const roles = (text: string): Row[] => findPlaces(text).map((m) => [m.pcode, m.role ?? 'location']);

describe('place roles: a country after a border word is what a place lies next to', () => {
  it.each<[string, Row[]]>([
    ['انفجار ببلدة تركية على حدود سوريا', [['SY', 'border']]],
    ['في بلدة سروج قرب الحدود مع سوريا', [['TR-63-SURUC', 'location'], ['SY', 'border']]],
    ['دخلوا سوريا عبر الحدود', [['SY', 'location']]],
    ['حدود مدينة الرقة', [['C5710', 'location']]],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('place roles: a country or capital standing for its government', () => {
  it.each<[string, Row[]]>([
    // A stance verb before the name, with or without a proclitic on the verb.
    ['أعلنت بغداد أمس', [['IQG08', 'government']]],
    ['وأكدت موسكو أن', [['RU-MOW', 'government']]],
    ['قالت أنقرة إن', [['TR-06', 'government']]],
    // The verb with an object pronoun, in a relative clause: the government still speaks or acts.
    ['خلال الهدنة التي أعلنتها موسكو في المنطقة', [['RU-MOW', 'government']]],
    ['بعد الاتفاق الذي وقعه العراق', [['IQ', 'government']]],
    ['وكان قد زاره الرئيس في بغداد', [['IQG08', 'location']]],
    // A present-tense stance verb right after the name.
    ['دمشق تدين الهجوم', [['SY01', 'government']]],
    ['بغداد تفوض قوات الأمن للتعامل بحزم مع الاحتجاجات', [['IQG08', 'government']]],
    ['طهران ترفض الاتهامات', [['IR-23', 'government']]],
    // A state acting on others (strikes, sends, backs, discloses): the actor, not where it happened.
    ['واشنطن تنفذ أول ضربة جوية في سوريا', [['US-DC', 'government'], ['SY', 'location']]],
    ['العراق يشن غارات ضد داعش', [['IQ', 'government']]],
    ['وواشنطن تساند المحتجين', [['US-DC', 'government']]],
    ['الأمر الذي سارعت دمشق إلى نفيه', [['SY01', 'government']]],
    ['إسرائيل قصفت قاعدة التيفور بصواريخ', [['IL', 'government'], ['LM-SY-T4-AIRBASE', 'location']]],
    // A place that sees something happen stays a location.
    ['إيران تشهد أعمال شغب', [['IR', 'location']]],
    // A government noun before the name.
    ['حكومة بغداد', [['IQG08', 'government']]],
    ['التحالف بقيادة واشنطن', [['US-DC', 'government']]],
    // A second country coordinated with a government mention, by و or أو.
    ['قوات التحالف بقيادة الولايات المتحدة أو العراق', [['US', 'government'], ['IQ', 'government']]],
    ['اتهمت روسيا والولايات المتحدة', [['RU', 'government'], ['US', 'government']]],
    // The same names where something happens there stay locations.
    ['انفجار في بغداد', [['IQG08', 'location']]],
    ['قصف على مدينة دمشق أمس', [['C1001', 'location']]],
    // A stance verb that starts with و as a letter of its own (وصفت), and an envoy's post (لدى).
    ['وصفت روسيا التقارير', [['RU', 'government']]],
    ['سفير روسيا لدى لبنان', [['RU', 'government'], ['LB', 'government']]],
    // ل on a country or capital: to or of the state (hostile to Iran, a visit to Moscow).
    ['الزمر المعادية للجمهورية الإسلامية الإيرانية', [['IR', 'government']]],
    ['في زيارة لموسكو', [['RU-MOW', 'government']]],
    // ب is in: a location.
    ['انفجار بدمشق', [['SY01', 'location']]],
    // An attack noun before the name and على after it: the attacker (also in brackets); without على, maybe the target.
    ['تدين هجمات (إسرائيل) على سوريا', [['IL', 'government'], ['SY', 'location']]],
    ['غارات واشنطن على مواقع التنظيم', [['US-DC', 'government']]],
    ['غارة أمريكا وحلفائها على مواقع تابعة للنظام', [['US', 'government']]],
    ['قصف دمشق', [['SY01', 'location']]],
    // Only seats of government stand for one: a provincial town after a verb is a location.
    ['قالت الرقة', [['SY11', 'location']]],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('place roles: names inside other names', () => {
  it.each<[string, Row[]]>([
    // Road names: every place named along the road.
    ['على الطريق الدولي دمشق - دير الزور', [['SY01', 'in_name'], ['SY09', 'in_name']]],
    ['على طريق حلب - اللاذقية M4', [['SY02', 'in_name'], ['SY06', 'in_name']]],
    ['الطريق الواصل بين الرقة ودير الزور', [['SY11', 'in_name'], ['SY09', 'in_name']]],
    // A body dedicated to a place (الخاصة ب): part of its name.
    ['في المحكمة الدولية الخاصة بلبنان', [['LB', 'in_name']]],
    // A place after the road's end that is not joined to it is a location.
    ['من طريق تعز باتجاه عدن', [['YE-TA', 'in_name'], ['YE-AD', 'location']]],
    // A road to a landmark runs near it: the landmark stays a location.
    ['على طريق حقل العمر النفطي', [['LM-SY-OMAR-FIELD', 'location']]],
    // Organisations, universities, titles (a governor may speak from anywhere), accords.
    ['مجلس دير الزور العسكري', [['SY09', 'in_name']]],
    // A place far from where it happens is where the distance is measured from; near it, the place stands.
    ['القرية الواقعة على بعد 250 كلم شمال بغداد', [['IQG08', 'in_name']]],
    // Direction and capital words between the distance and the place do not count against the reach.
    ['بلدة طوز خورماتو التي تبعد نحو 175 كيلومترًا إلى الشمال من العاصمة العراقية بغداد', [['IQG16Q07', 'location'], ['IQG08', 'in_name']]],
    ['على بعد 40 كلم من الحدود في هجوم على بغداد', [['IQG08', 'location']]],
    ['على بعد 40 ميلا من الرقة', [['SY11', 'in_name']]],
    ['على بعد خمسين كيلومترا من الرقة', [['SY11', 'in_name']]],
    ['على بعد كيلومترات قليلة من الرقة', [['SY11', 'location']]],
    ['انفجار على بعد 10 كم جنوب الموصل', [['IQG15Q05', 'location']]],
    // A command named for a country (AFRICOM) is no place.
    ['قالت قيادة الولايات المتحدة في أفريقيا إنها نفذت غارة', [['US', 'in_name']]],
    // A likeness is not where it happens.
    ['يتعرضون لحصار وقصف على غرار ما حدث في الغوطة الشرقية', [['LM-SY-EAST-GHOUTA', 'in_name']]],
    // A news agency's name (وكالة أنباء الإمارات).
    ['وقالت وكالة أنباء الإمارات إن', [['AE', 'in_name']]],
    // "The size of" (بحجم), six words ahead, and the place listed with it.
    ['قد تؤثر على منطقة بحجم كل ما تضرر بالمعارك في الغوطة الشرقية وحلب معا', [['LM-SY-EAST-GHOUTA', 'in_name'], ['SY02', 'in_name']]],
    ['قصف على حلب مثلما حدث في الموصل', [['SY02', 'location'], ['IQG15Q05', 'in_name']]],
    ['قتل 5 في الرقة كما أعلن المرصد', [['SY11', 'location']]],
    // What a command's area takes in describes the command; the list runs on a few words apart, then stops.
    ['قائد عمليات دجلة التي تضم محافظتي ديالى وكركوك وأجزاء من صلاح الدين، عثرنا على 8 جثث في صلاح الدين', [
      ['IQG10', 'in_name'], ['IQG13', 'in_name'], ['IQG16', 'in_name'], ['IQG16', 'location'],
    ]],
    ['جامعة الموصل', [['IQG15Q05', 'in_name']]],
    ['محافظ نينوى', [['IQG15', 'in_name']]],
    ['مجلس محافظة الأنبار', [['IQG01', 'in_name']]],
    ['اتفاق فيينا النووي', [['AT-9', 'in_name']]],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('place roles: the dateline a report opens with', () => {
  it.each<[string, Row[]]>([
    ['دبي، الإمارات العربية المتحدة (CNN)-- أعلن الحرس الثوري', [['AE-DU', 'dateline'], ['AE', 'dateline']]],
    ['رويترز- بنغازي: قال مسعفون', [['LY-BA', 'dateline']]],
    ['الرقة: قتل خمسة مدنيين', [['SY11', 'dateline']]],
    // A place later in the opening sentence is not a dateline.
    ['قتل خمسة في الرقة: قال المرصد', [['SY11', 'location']]],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('place roles: where people went', () => {
  it.each<[string, Row[]]>([
    ['فريق الاستطلاع عاد إلى دمشق', [['SY01', 'destination']]],
    // Where someone was born or comes from.
    ['نفذ فرنسي ولد في الشيشان هجوما بالسكين وسط باريس', [['RU-CE', 'origin'], ['FR-IDF', 'location']]],
    ['وهو من مواليد دمشق', [['SY01', 'origin']]],
    ['قتل في الشيشان', [['RU-CE', 'location']]],
    ['بعد وصول الوفد إلى دمشق', [['SY01', 'destination']]],
    // Where something happens stays a location, even after إلى.
    ['امتدت الاشتباكات إلى دمشق', [['SY01', 'location']]],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('place roles: where someone speaks from', () => {
  it.each<[string, Row[]]>([
    ['وأضاف متحدثا عبر دائرة تلفزيونية من جنيف', [['CH-GE', 'venue']]],
    ['وقال في مؤتمر صحفي في بغداد إن هجوما استهدف الرمادي', [['IQG08', 'venue'], ['IQG01Q03', 'location']]],
    // A name head before a place written as a town names what is there; before a governorate, a body's name.
    ['انفجار في محيط مهرجان مدينة الفحيص', [['JO-BA-FUHAIS', 'location']]],
    ['وقال مجلس محافظة الأنبار إن', [['IQG01', 'in_name']]],
    // A press conference is not an attack on one.
    ['انفجرت عبوة في الرمادي', [['IQG01Q03', 'location']]],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});
