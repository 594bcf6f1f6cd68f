import { describe, expect, it } from 'vitest';
import { findCasualties, type Casualty } from '../../src/understand/casualties.js';

type Row = Omit<Casualty, 'start' | 'end'>;
const casualties = (text: string): Row[] => findCasualties(text).map(({ start: _s, end: _e, ...rest }) => rest);

describe('findCasualties', () => {
  it.each<[string, string, Row[]]>([
    ['trigger, number, group', 'ما أدى إلى مقتل 10 مدنيين بينهم نساء وأطفال، إضافة إلى مقتل 3 عناصر تابعين لـ"قسد"', [
      { kind: 'killed', count: 10, group: 'civilians', surface: 'مقتل 10 مدنيين' },
      { kind: 'killed', count: 3, group: 'fighters', surface: 'مقتل 3 عناصر' },
    ]],
    ['qualifier before the number', 'والذي أسفر عن مقتل ما يقرب من 90 شخصاً', [
      { kind: 'killed', count: 90, approx: 'about', group: 'people', surface: 'مقتل ما يقرب من 90 شخصاً' },
    ]],
    ['على الأقل after the group', 'الهجوم الذي أسفر عن مقتل عشرين مدنيا على الأقل', [
      { kind: 'killed', count: 20, approx: 'at_least', group: 'civilians', surface: 'مقتل عشرين مدنيا على الأقل' },
    ]],
    ['plural nouns without a number, brought by a happening: several of each', 'وأسفرت عن وقوع قتلى وجرحى', [
      { kind: 'killed', count: null, approx: 'several', surface: 'قتلى وجرحى', bare: true },
      { kind: 'wounded', count: null, approx: 'several', surface: 'قتلى وجرحى', bare: true },
    ]],
    ['a bare plural after أسفر عن', 'أسفرت عن قتلى وجرحى من الطرفين', [
      { kind: 'killed', count: null, approx: 'several', surface: 'قتلى وجرحى', bare: true },
      { kind: 'wounded', count: null, approx: 'several', surface: 'قتلى وجرحى', bare: true },
    ]],
    ['a bare plural after خلفت', 'بعد معارك خلفت قتلى', [{ kind: 'killed', count: null, approx: 'several', surface: 'قتلى', bare: true }]],
    ['a bare plural denied is no several', 'لم يسفر الهجوم عن سقوط قتلى', [{ kind: 'killed', count: null, surface: 'قتلى' }]],
    ['a bare plural denied five words back', 'لم ترد أنباء عن سقوط قتلى', [{ kind: 'killed', count: null, surface: 'قتلى' }]],
    ['a bare plural feared is no several', 'خشية وقوع قتلى', [{ kind: 'killed', count: null, surface: 'قتلى' }]],
    ['a bare plural nothing brought is no several', 'زار ذوي قتلى الهجوم', [{ kind: 'killed', count: null, surface: 'قتلى' }]],
    ['the dead with the article are the dead already told', 'ونقل القتلى إلى المستشفى', [{ kind: 'killed', count: null, surface: 'القتلى' }]],
    ['one named by a definite noun', 'أكدت مصرع المقاتلة البريطانية آنا كامبل', [
      { kind: 'killed', count: null, approx: 'named', group: 'fighters', surface: 'مصرع المقاتلة', bare: true },
    ]],
    ['one named by a kunya', 'أعلن البنتاغون مقتل أبو خليل السوداني', [
      { kind: 'killed', count: null, approx: 'named', group: 'people', surface: 'مقتل أبو', bare: true },
    ]],
    ['one named by whose kinsman he is', 'أنباء عن مقتل ابن شقيق الحوثي', [
      { kind: 'killed', count: null, approx: 'named', group: 'people', surface: 'مقتل ابن', bare: true },
    ]],
    ['his brother (شقيقه, spelled as شقيقة normalized) is no one named here', 'أقدم مدمن على قتل شقيقه', []],
    ['the toll risen, with no word of the dead', 'وقال مدير المرصد: ارتفعت الحصيلة إلى 246 شخصا بينهم 135 مدنيا', [
      { kind: 'killed', count: 246, surface: 'الحصيلة إلى 246 شخصا' },
    ]],
    ['the toll risen to a percentage is no toll', 'ارتفعت الحصيلة إلى 3 بالمئة', []],
    ['a definite plural is no one named', 'أكد مقتل الجنود', [{ kind: 'killed', count: null, group: 'fighters', surface: 'مقتل الجنود' }]],
    ['extremists, two', 'قال الجيش إنه قتل متطرفين اثنين بينما جرح آخر', [
      { kind: 'killed', count: 2, group: 'fighters', surface: 'قتل متطرفين اثنين' },
    ]],
    ['a large number of (عدد كبير من) is several', 'أسفر القصف عن مقتل عدد كبير من عناصر التنظيم', [
      { kind: 'killed', count: null, approx: 'several', group: 'fighters', surface: 'مقتل عدد كبير من عناصر' },
    ]],
    ['a vague number shared by killed and wounded', 'وأدت إلى مقتل وجرح العشرات', [
      { kind: 'casualties', count: null, approx: 'dozens', surface: 'مقتل وجرح العشرات' },
    ]],
    ['joined triggers without a number', 'أدى الهجوم إلى مقتل وجرح عناصر من الجيش الأمريكي', [
      { kind: 'killed', count: null, group: 'fighters', surface: 'مقتل وجرح عناصر' },
      { kind: 'wounded', count: null, group: 'fighters', surface: 'مقتل وجرح عناصر' },
    ]],
    ['سقوط with a plural noun', 'سقوط 5 قتلى و12 جريحاً', [
      { kind: 'killed', count: 5, surface: 'سقوط 5 قتلى' },
      { kind: 'wounded', count: 12, surface: 'و12 جريحاً' },
    ]],
    ['wounded', 'إصابة 5 أشخاص', [{ kind: 'wounded', count: 5, group: 'people', surface: 'إصابة 5 أشخاص' }]],
    // The executed are the execution's dead; a court's sentence kills nobody.
    ['an execution counts its dead', 'قام التنظيم بإعدام شخصين من سكان الفلوجة', [{ kind: 'killed', count: 2, group: 'people', surface: 'إعدام شخصين' }]],
    ['across the executioner', 'أعدم تنظيم داعش ثلاثة شبان رميا بالرصاص', [
      { kind: 'killed', count: 3, group: 'people', surface: 'أعدم تنظيم داعش ثلاثة شبان' },
    ]],
    ['across the executioner and the day', 'وأعدم التنظيم أمس 4 أشخاص بينهم امرأة', [
      { kind: 'killed', count: 4, group: 'people', surface: 'أعدم التنظيم أمس 4 أشخاص' },
    ]],
    ['a sentence carried out', 'نفذ التنظيم حكم الإعدام بحق خمسة مدنيين', [
      { kind: 'killed', count: 5, group: 'civilians', surface: 'الإعدام بحق خمسة مدنيين' },
    ]],
    ['two thousand in the construct form', 'إعدام أكثر من ألفي مواطن بريء', [
      { kind: 'killed', count: 2000, approx: 'more_than', group: 'civilians', surface: 'إعدام أكثر من ألفي مواطن' },
    ]],
    ['a death sentence kills nobody', 'أصدرت محكمة الجنايات حكما بإعدام 12 مدانا', []],
    ['nor a court named between', 'قضت محكمة عراقية بإعدام خمسة أشخاص', []],
    ['a number with no victims is not the executed', 'أعدم التنظيم في 2015 رجلا', []],
    ['a hashtag joins its words with underscores', 'ما أسفر عن #مقتل_شخصين على الأقل', [
      { kind: 'killed', count: 2, approx: 'at_least', group: 'people', surface: 'مقتل_شخصين على الأقل' },
    ]],
    ['unit and tens', 'مقتل خمسة وعشرين عنصراً', [{ kind: 'killed', count: 25, group: 'fighters', surface: 'مقتل خمسة وعشرين عنصراً' }]],
    ['teens', 'مقتل أحد عشر شخصا', [{ kind: 'killed', count: 11, group: 'people', surface: 'مقتل أحد عشر شخصا' }]],
    ['teens in words', 'مقتل خمسة عشر مدنيا', [{ kind: 'killed', count: 15, group: 'civilians', surface: 'مقتل خمسة عشر مدنيا' }]],
    ['hundred in words', 'مقتل مائة شخص', [{ kind: 'killed', count: 100, group: 'people', surface: 'مقتل مائة شخص' }]],
    ['thousands', 'مقتل ثلاثة آلاف مدني', [{ kind: 'killed', count: 3000, group: 'civilians', surface: 'مقتل ثلاثة آلاف مدني' }]],
    ['Arabic-Indic digits', 'مقتل ١٥ مدنياً', [{ kind: 'killed', count: 15, group: 'civilians', surface: 'مقتل ١٥ مدنياً' }]],
    ['thousands separator', 'مقتل 10,000 شخص', [{ kind: 'killed', count: 10000, group: 'people', surface: 'مقتل 10,000 شخص' }]],
    ['a singular noun is one', 'مقتل مدني', [{ kind: 'killed', count: 1, group: 'civilians', surface: 'مقتل مدني' }]],
    ['an officer named by rank is one', 'قتل عميد في القوات الخاصة العراقية', [{ kind: 'killed', count: 1, group: 'fighters', surface: 'قتل عميد' }]],
    ['a dual noun is two', 'مقتل عنصرين من قسد', [{ kind: 'killed', count: 2, group: 'fighters', surface: 'مقتل عنصرين' }]],
    ['a dual soldier', 'وإصابة جنديين', [{ kind: 'wounded', count: 2, group: 'fighters', surface: 'إصابة جنديين' }]],
    ['plural-looking noun with اثنين', 'مقتل مدنيين اثنين', [{ kind: 'killed', count: 2, group: 'civilians', surface: 'مقتل مدنيين اثنين' }]],
    ['both sides\' dead, versus', 'أسفر عن مقتل 6 مسلحين موالين للنظام، مقابل 3 من تحرير الشام', [
      { kind: 'killed', count: 9, group: 'fighters', surface: 'مقتل 6 مسلحين موالين للنظام، مقابل 3' },
    ]],
    ['versus a wounded toll is two tolls', 'قتل 10 أشخاص مقابل إصابة 20', [
      { kind: 'killed', count: 10, group: 'people', surface: 'قتل 10 أشخاص' },
      { kind: 'wounded', count: 20, surface: 'إصابة 20' },
    ]],
    ['the most violent since three years is no period', 'الهجوم الأعنف منذ نحو 3 سنوات أسفر عن مقتل 6 مسلحين', [
      { kind: 'killed', count: 6, group: 'fighters', surface: 'مقتل 6 مسلحين' },
    ]],
    ['two, after a nisba adjective', 'مقتل عسكريين تركيين اثنين وجرح اربعة آخرين', [
      { kind: 'killed', count: 2, group: 'fighters', surface: 'مقتل عسكريين تركيين اثنين' },
      { kind: 'wounded', count: 4, group: 'people', surface: 'جرح اربعة آخرين' },
    ]],
    ['a dual plural noun', 'أوقعت قتيلين', [{ kind: 'killed', count: 2, surface: 'قتيلين' }]],
    ['number, noun, verb', 'وقالت مصادر إن 12 سوريا قتلوا في الغارة', [{ kind: 'killed', count: 12, surface: '12 سوريا قتلوا' }]],
    // Read back from the verb, ألف alone is a number too: the whole number ending there is the count.
    ['thousands, noun, verb', 'إن 400 ألف شخص قتلوا في سوريا', [{ kind: 'killed', count: 400000, group: 'people', surface: '400 ألف شخص قتلوا' }]],
    ['one victim told first, then a forward trigger', 'إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في سلسلة من الغارات', [
      { kind: 'killed', count: 1, approx: 'at_least', group: 'people', surface: 'رجلا واحدا على الأقل قتل' },
      { kind: 'wounded', count: 6, group: 'civilians', surface: 'أصيب 6 مدنيين' },
    ]],
    ['a national in the dual', 'قتل فلسطينيان وأصيب 500', [
      { kind: 'killed', count: 2, group: 'people', surface: 'قتل فلسطينيان' },
      { kind: 'wounded', count: 500, surface: 'أصيب 500' },
    ]],
    ['a national, one', 'قتل لبناني في الهجوم', [{ kind: 'killed', count: 1, group: 'people', surface: 'قتل لبناني' }]],
    ['nationals counted', 'مقتل 9 إيرانيين في القصف', [{ kind: 'killed', count: 9, group: 'people', surface: 'مقتل 9 إيرانيين' }]],
    ['a part named after its whole, then the verb', 'إن 21 عسكرياً من بينهم 9 إيرانيين قتلوا خلال القصف', [
      { kind: 'killed', count: 21, group: 'fighters', surface: '21 عسكرياً من بينهم 9 إيرانيين قتلوا' },
    ]],
    ['a part between commas, then the verb', 'إن 21 عسكرياً، بينهم 9 إيرانيين، قتلوا خلال القصف', [
      { kind: 'killed', count: 21, group: 'fighters', surface: '21 عسكرياً، بينهم 9 إيرانيين، قتلوا' },
    ]],
    ['number, noun, at least, verb', 'إن 150 شخصا على الأقل قتلوا بعدما', [
      { kind: 'killed', count: 150, approx: 'at_least', group: 'people', surface: '150 شخصا على الأقل قتلوا' },
    ]],
    ['subject verb then a forward trigger', 'إن 24 شخصا على الأقل قتلوا وأصيب 55 آخرون', [
      { kind: 'killed', count: 24, approx: 'at_least', group: 'people', surface: '24 شخصا على الأقل قتلوا' },
      { kind: 'wounded', count: 55, group: 'people', surface: 'أصيب 55 آخرون' },
    ]],
    ['two counted subjects of one verb', 'إن 25 مقاتلا على الأقل من الفصائل المسلحة السورية وثمانية من مقاتلي تنظيم «داعش»، قتلوا في الهجوم', [
      { kind: 'killed', count: 33, approx: 'at_least', surface: '25 مقاتلا على الأقل من الفصائل المسلحة السورية وثمانية من مقاتلي تنظيم «داعش»، قتلوا' },
    ]],
    ['a counted object is not a later subject', 'في بوندارام، قتلوا أربعة أشخاص، ثم في فيشدام قتلوا شخصين', [
      { kind: 'killed', count: 4, group: 'people', surface: 'قتلوا أربعة أشخاص' },
      { kind: 'killed', count: 2, group: 'people', surface: 'قتلوا شخصين' },
    ]],
    ['a verb whose subject has no number', 'وذكرت أنهم قتلوا وجرح أربعة', [{ kind: 'wounded', count: 4, surface: 'جرح أربعة' }]],
    ['an active verb with its counted object', 'وقتلوا 43 شخصا في القرية', [{ kind: 'killed', count: 43, group: 'people', surface: 'قتلوا 43 شخصا' }]],
    ['one subject killed and wounded', 'إن عشرات المدنيين قتلوا وجرحوا في الغارات', [
      { kind: 'casualties', count: null, approx: 'dozens', group: 'civilians', surface: 'عشرات المدنيين قتلوا وجرحوا' },
    ]],
    ['a vague number joined by و', 'سقوط 28 قتيلا وعشرات الجرحى', [
      { kind: 'killed', count: 28, surface: 'سقوط 28 قتيلا' },
      { kind: 'wounded', count: null, approx: 'dozens', surface: 'وعشرات الجرحى' },
    ]],
    ['عدد القتلى is no vague count', 'وقد يرتفع عدد القتلى', [{ kind: 'killed', count: null, surface: 'القتلى' }]],
    ['passive verb, number', 'قتل 3 أشخاص في الهجوم', [{ kind: 'killed', count: 3, group: 'people', surface: 'قتل 3 أشخاص' }]],
    ['لقي حتفهم', 'لقي 5 أشخاص حتفهم جراء الانفجار', [{ kind: 'killed', count: 5, group: 'people', surface: 'لقي 5 أشخاص حتفهم' }]],
    ['لقي with a dual', 'ولقي شخصان حتفهما', [{ kind: 'killed', count: 2, group: 'people', surface: 'لقي شخصان حتفهما' }]],
    ['combined plural toll', 'ارتفعت الحصيلة إلى 66 قتيلاً وجريحاً', [{ kind: 'casualties', count: 66, surface: '66 قتيلاً وجريحاً' }]],
    ['combined toll after a qualifier', 'سقوط أكثر من 70 قتيلاً وجريحاً', [
      { kind: 'casualties', count: 70, approx: 'more_than', surface: 'سقوط أكثر من 70 قتيلاً وجريحاً' },
    ]],
    ['combined forward triggers', 'أسفر عن مقتل وجرح 10 من عناصر الأمن', [
      { kind: 'casualties', count: 10, group: 'fighters', surface: 'مقتل وجرح 10 من عناصر' },
    ]],
    ['qualifier before a plural noun', 'خلف أكثر من 50 قتيلا', [{ kind: 'killed', count: 50, approx: 'more_than', surface: 'أكثر من 50 قتيلا' }]],
    ['tally after عدد القتلى', 'ارتفع عدد القتلى إلى 58 والجرحى إلى 2771', [
      { kind: 'killed', count: 58, surface: 'القتلى إلى 58' },
      { kind: 'wounded', count: 2771, surface: 'الجرحى إلى 2771' },
    ]],
    ['dozens', 'إصابة العشرات', [{ kind: 'wounded', count: null, approx: 'dozens', surface: 'إصابة العشرات' }]],
    ['hundreds', 'مقتل المئات من المدنيين', [{ kind: 'killed', count: null, approx: 'hundreds', group: 'civilians', surface: 'مقتل المئات من المدنيين' }]],
    ['several', 'إصابة عدد من الأشخاص', [{ kind: 'wounded', count: null, approx: 'several', group: 'people', surface: 'إصابة عدد من الأشخاص' }]],
    ['several of before a definite noun', 'أسفر عن سقوط عدد من الشهداء', [{ kind: 'killed', count: null, approx: 'several', surface: 'عدد من الشهداء' }]],
    ['several of, accusative', 'خلفت عددا من الجرحى', [{ kind: 'wounded', count: null, approx: 'several', surface: 'عددا من الجرحى' }]],
    ['a count in quotation marks', 'أسفرت عن مقتل "23 مقاتلا" على الأقل', [{ kind: 'killed', count: 23, group: 'fighters', surface: 'مقتل "23 مقاتلا' }]],
    ['two counts joined by و', 'وقتل 13 من الحوثيين و 9 من عناصر القوات', [{ kind: 'killed', count: 22, surface: 'قتل 13 من الحوثيين و 9 من عناصر' }]],
    ['two counted groups joined by و', 'قتل 3 جنود و2 مدنيين', [{ kind: 'killed', count: 5, group: 'fighters', surface: 'قتل 3 جنود و2 مدنيين' }]],
    ['a count joined by و with a place is another happening', 'قتل 3 جنود و2 في الرقة', [{ kind: 'killed', count: 3, group: 'fighters', surface: 'قتل 3 جنود' }]],
    ['a wounded count joined by و is no killed count', 'مقتل 3 أشخاص وإصابة 5', [
      { kind: 'killed', count: 3, group: 'people', surface: 'مقتل 3 أشخاص' },
      { kind: 'wounded', count: 5, surface: 'إصابة 5' },
    ]],
    ['tally after عدد + an indefinite noun', 'ارتفع عدد قتلى النظام والميليشيات الموالية له إلى 30', [
      { kind: 'killed', count: 30, surface: 'قتلى النظام والميليشيات الموالية له إلى 30' },
    ]],
    ['نحو', 'مقتل نحو 40 مسلحا', [{ kind: 'killed', count: 40, approx: 'about', group: 'fighters', surface: 'مقتل نحو 40 مسلحا' }]],
    ['abducted', 'اختطاف ثلاثة مدنيين', [{ kind: 'abducted', count: 3, group: 'civilians', surface: 'اختطاف ثلاثة مدنيين' }]],
    ['captured', 'أسر 200 مقاتل', [{ kind: 'captured', count: 200, group: 'fighters', surface: 'أسر 200 مقاتل' }]],
    ['claimed the lives of', 'انفجار كابول الذي أودى بحياة 48 شخصا', [{ kind: 'killed', count: 48, group: 'people', surface: 'بحياة 48 شخصا' }]],
    ['... in the present, and with و', 'تفجير يودي بحياة 10 أشخاص وأودت بحياة 3 مدنيين', [
      { kind: 'killed', count: 10, group: 'people', surface: 'بحياة 10 أشخاص' },
      { kind: 'killed', count: 3, group: 'civilians', surface: 'بحياة 3 مدنيين' },
    ]],
    ['lives held cheap are no toll', 'تستهين بحياة المدنيين', []],
    ['a fire whose victims were', 'حريق راح ضحيته 12 شخصا', [{ kind: 'killed', count: 12, group: 'people', surface: 'ضحيته 12 شخصا' }]],
    ['reaped the lives of', 'قصف حصد أرواح 10 أشخاص', [{ kind: 'killed', count: 10, group: 'people', surface: 'أرواح 10 أشخاص' }]],
    ['killed and arrested together are no toll', 'قتل واعتقل 16 شخصا', [{ kind: 'captured', count: 16, group: 'people', surface: 'قتل واعتقل 16 شخصا' }]],
    ['a total named at the head of a long tally', 'ووصل العدد الإجمالي للذين قتلوا برصاص الاحتلال في مسيرات العودة الكبرى التي انطلقت أواخر مارس الماضي على الحدود بين غزة وإسرائيل، إلى 119 قتيلا', [
      { kind: 'killed', count: 119, surface: '119 قتيلا', aggregate: true },
    ]],
    ['aggregate since the start of the year', 'ووثق المرصد مقتل 500 مدني منذ بداية العام', [
      { kind: 'killed', count: 500, group: 'civilians', surface: 'مقتل 500 مدني', aggregate: true },
    ]],
    ['aggregate over a week of strikes', 'أن نحو 260 مقاتلا قتلوا خلال أسبوع من الغارات الجوية', [
      { kind: 'killed', count: 260, approx: 'about', group: 'fighters', surface: 'نحو 260 مقاتلا قتلوا', aggregate: true },
    ]],
    ['days ago is a moment, not a period', 'قتل 5 مدنيين في هجوم وقع منذ أيام', [
      { kind: 'killed', count: 5, group: 'civilians', surface: 'قتل 5 مدنيين' },
    ]],
    ['aggregate over an offensive that lasted a week', 'وتمكن التنظيم خلال الهجوم الذي استمر لنحو أسبوع من السيطرة على الحي، وقتل أكثر من 62 عنصرا', [
      { kind: 'killed', count: 62, approx: 'more_than', group: 'fighters', surface: 'قتل أكثر من 62 عنصرا', aggregate: true },
    ]],
    ['aggregate over a campaign', 'حيث لقي أكثر من 400 شخص مصرعهم جراء قصف للنظام خلال حملة التصعيد الأخيرة', [
      { kind: 'killed', count: 400, approx: 'more_than', group: 'people', surface: 'لقي أكثر من 400 شخص مصرعهم', aggregate: true },
    ]],
    ['aggregate within weeks', 'قتلوا ما لا يقل عن 232 مدنيا، في غضون خمسة أسابيع هذا العام', [
      { kind: 'killed', count: 232, approx: 'at_least', group: 'civilians', surface: 'قتلوا ما لا يقل عن 232 مدنيا', aggregate: true },
    ]],
    ['aggregate over a season', 'ولقي أكثر من 121 شخصا مصرعهم في ربيع العام الحالي', [
      { kind: 'killed', count: 121, approx: 'more_than', group: 'people', surface: 'لقي أكثر من 121 شخصا مصرعهم', aggregate: true },
    ]],
    ['aggregate over 24 hours: a monitor\'s daily tally', 'قتل 32 مدنيا خلال 24 ساعة في غارات للتحالف', [
      { kind: 'killed', count: 32, group: 'civilians', surface: 'قتل 32 مدنيا', aggregate: true },
    ]],
    ['aggregate over eleven years, the unit after its number', 'وقدمت القوات خلال الـ11 عاما الماضية 13 شهيدا و449 مصابا', [
      { kind: 'killed', count: 13, surface: '13 شهيدا', aggregate: true },
      { kind: 'wounded', count: 449, surface: 'و449 مصابا', aggregate: true },
    ]],
    ['aggregate: a tally whose own words hold its span', 'فيما ارتفعت حصيلة القتلى المدنيين منذ بدء التصعيد إلى 93 مدنيا', [
      { kind: 'killed', count: 93, surface: 'القتلى المدنيين منذ بدء التصعيد إلى 93 مدنيا', aggregate: true },
    ]],
    ['aggregate since a month', 'مقتل 223 حوثيا منذ إبريل', [
      { kind: 'killed', count: 223, surface: 'مقتل 223', aggregate: true },
    ]],
    ['aggregate since a year', 'قتل 350 ألف شخص منذ 2011', [
      { kind: 'killed', count: 350000, group: 'people', surface: 'قتل 350 ألف شخص', aggregate: true },
    ]],
    ['aggregate over last year', 'خلال العام الماضي قتل 120 عنصرا', [
      { kind: 'killed', count: 120, group: 'fighters', surface: 'قتل 120 عنصرا', aggregate: true },
    ]],
    ['aggregate since the war began', 'سقوط 300 قتيل منذ اندلاع الحرب', [
      { kind: 'killed', count: 300, surface: 'سقوط 300 قتيل', aggregate: true },
    ]],
    ['aggregate over months', 'مقتل 3042 من داعش بغارات التحالف خلال 10 أشهر', [
      { kind: 'killed', count: 3042, surface: 'مقتل 3042', aggregate: true },
    ]],
    ['a later sentence is not the period', 'مقتل 5 مدنيين. وقتل الآلاف منذ بداية الحرب', [
      { kind: 'killed', count: 5, group: 'civilians', surface: 'مقتل 5 مدنيين' },
      { kind: 'killed', count: null, approx: 'thousands', surface: 'قتل الآلاف', aggregate: true },
    ]],
    ['aggregate since its outbreak', 'أسفر النزاع منذ اندلاعه في مارس 2011 عن مقتل 230 ألف شخص', [
      { kind: 'killed', count: 230000, group: 'people', surface: 'مقتل 230 ألف شخص', aggregate: true },
    ]],
    ['at least after منهم', 'أسفرت عن مقتل 12 منهم على الأقل', [{ kind: 'killed', count: 12, approx: 'at_least', surface: 'مقتل 12 منهم على الأقل' }]],
    ['a month ago is no period', 'مقتل أربعة مدنيين في أعنف قتال منذ شهر', [
      { kind: 'killed', count: 4, group: 'civilians', surface: 'مقتل أربعة مدنيين' },
    ]],
    ['clashes that broke out are no period', 'بمقتل ثمانية عشر حوثيا، خلال الاشتباكات التي اندلعت بين الطرفين', [
      { kind: 'killed', count: 18, surface: 'مقتل ثمانية عشر' },
    ]],
    ['aggregate since a weekday: days of fighting', 'وأدت المعارك المستمرة منذ الأربعاء إلى مقتل 37 عنصرا', [
      { kind: 'killed', count: 37, group: 'fighters', surface: 'مقتل 37 عنصرا', aggregate: true },
    ]],
    ['aggregate since then', 'وأسفرت المعارك منذ ذلك الحين عن مقتل 86 مقاتلا', [
      { kind: 'killed', count: 86, group: 'fighters', surface: 'مقتل 86 مقاتلا', aggregate: true },
    ]],
    ['since a start hour is no period', 'وأسفرت المعارك المتواصلة منذ فجر الجمعة عن مقتل 30', [
      { kind: 'killed', count: 30, surface: 'مقتل 30' },
    ]],
    ['since this morning is no period', 'قتل 4 مدنيين في غارات منذ صباح اليوم', [
      { kind: 'killed', count: 4, group: 'civilians', surface: 'قتل 4 مدنيين' },
    ]],
    ['a sum over scattered bombings', 'قتل 30 شخصا على الأقل في تفجيرات متفرقة في العراق', [
      { kind: 'killed', count: 30, approx: 'at_least', group: 'people', surface: 'قتل 30 شخصا على الأقل', aggregate: true },
    ]],
    ['a sum over a series in different places', 'قتل 30 شخصا في سلسلة تفجيرات استهدفت مناطق مختلفة', [
      { kind: 'killed', count: 30, group: 'people', surface: 'قتل 30 شخصا', aggregate: true },
    ]],
    ['a sum over many operations', 'نفذت الخلايا عشرات العمليات الهجومية ضد الحواجز وأسفرت عن وقوع قتلى', [
      { kind: 'killed', count: null, approx: 'several', surface: 'قتلى', aggregate: true, bare: true },
    ]],
    ['many strikes in a day are no sum', 'شنت الطائرات عشرات الغارات على الغوطة أسفرت عن مقتل 20 مدنيا', [
      { kind: 'killed', count: 20, group: 'civilians', surface: 'مقتل 20 مدنيا' },
    ]],
    ['different, not of places, is no sum', 'قتل 3 جنود بأسلحة مختلفة', [
      { kind: 'killed', count: 3, group: 'fighters', surface: 'قتل 3 جنود' },
    ]],
    ['a conflict named before the toll is no period', 'وسط التوتر في النزاع ومقتل أكثر من 60 فلسطينيا', [
      { kind: 'killed', count: 60, approx: 'more_than', group: 'people', surface: 'مقتل أكثر من 60 فلسطينيا' },
    ]],
    ['aggregate over a war named after the toll', 'قتل 500 ألف شخص في الحرب', [
      { kind: 'killed', count: 500000, group: 'people', surface: 'قتل 500 ألف شخص', aggregate: true },
    ]],
    ['an age is no toll', 'قتل 25 عاما من عمره', []],
    ['a distance is no toll', 'سقوط 10 كم', []],
    ['a year is no toll', 'مقتل 2014', []],
    ['a percentage is no toll', 'إصابة 30% من السكان', []],
    ['a fall of a town', 'سقوط الباغوز', []],
    ['a killed leader without number', 'مقتل زعيم داعش', []],
    ['a number without trigger', 'ما يصل إلى (10,000) عضو', []],
    ['victims are no toll', 'مقابلات مع 174 ضحية وشاهدا', []],
  ])('%s: %s', (_rule, text, expected) => {
    expect(casualties(text)).toEqual(expected);
  });

  it('reports offsets into the original text', () => {
    const text = 'أدى إلى مقتل 10 مدنيين.';
    const [first] = findCasualties(text);
    expect(text.slice(first!.start, first!.end)).toBe('مقتل 10 مدنيين');
  });
});
