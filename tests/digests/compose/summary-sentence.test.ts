import { describe, expect, it } from 'vitest';
import { cutAtWord, SUMMARY_MAX_CHARS, summarySentence } from '../../../digests/compose/summary-sentence.js';
import { understandReport } from '../../../src/understand/understand-report.js';
import { seedStory } from './seed-reports.js';

const summaryOf = (story: { title: string; body: string }): string =>
  summarySentence(story.body, understandReport({ title: story.title, text: story.body }), story.title);

describe('summarySentence on the seed reports', () => {
  it.each<[string, string, string]>([
    ['000', 'threats in Hasakah and Deir ez-Zor: the first violent sentence with places',
      'لم يتوقف تنظيم داعش الإرهابي عن نشاطاته في مدينة الحسكة ودير الزور، رغم فشل الهجوم الكبير الذي شنّه مؤخراً على سجن يقبع فيه الآلاف من عناصر التنظيم.'],
    ['001', 'resurgence: the first sentence is the title, so the next attack sentence with a place',
      'وتم تسجل ما لا يقل عن 65 هجوماً لتنظيم داعش في سوريا في يناير، مقسمة بين مناطق تسيطر عليها قوات قسد والمناطق الواقعة تحت سيطرة الحكومة السورية والتي شهدت نحو 215 هجومًا خلال عام 2023.'],
    ['002', 'the Raqqa car bomb with its dead, cut at a word',
      'بعد مرور أيام من إعلان أمريكا و”قسد” القضاء نهائياً على نفوذ “تنظيم الدولة” واستعادة كافة مناطق سيطرته في سوريا، شهدت مناطق سيطرة “قسد” في دير الزور والرقة هجمات عدة، كان أعنفها تفجير سيارة مفخخة في شارع النور وسط مدينة الرقة ظهر أمس الثلاثاء، ما أدى إلى مقتل 10 مدنيين بينهم…'],
    ['003', 'sleeper cells: the Manbij attack on a joint patrol with its casualties (the dozens of operations before it are a period\'s sum)',
      'وأوضحت المصادر أن الهجمات أيضا استهدفت دوريات مشتركة مع التحالف، وآخرها كان في منبج إذ أدى الهجوم إلى مقتل وجرح عناصر من الجيش الأمريكي إلى جانب عناصر من “قسد”، كما شهدت مدينة الرقة هجمات عدّة أسفرت عن خسائر بشرية، كذلك في مناطق مختلفة من ريف دير الزور، مضيفة أن هجمات أخرى…'],
    ['004', 'regrouping: the only attack sentence, which names Syria',
      'تقول الصحيفة البريطانية أن التوترات المتصاعدة والطموحات الإقليمية الجديدة بين القوات الدولية حولت التركيز بعيداً عن بقايا “داعش” في الأراضي العربية، والدليل على ذلك إن الهجوم التركي في شمال غرب سوريا تحت لواء عملية “غصن الزيتون”؛ ضد الميليشيات الكردية المدعومة من الولايات…'],
  ])('%s: %s', (prefix, _why, sentence) => {
    const summary = summaryOf(seedStory(prefix));
    expect(summary).toBe(sentence);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
  });
});

describe('summarySentence picks the sentence that carries the event', () => {
  const ANALYST = 'قال محلل إن الوضع في المنطقة معقد.';
  const THREAT = 'هدد التنظيم السكان بالانتقام.';
  it.each<[string, string, string]>([
    ['violence, place and dead beat violence and place',
      `${ANALYST} ${THREAT} هاجم مسلحون حاجزا في الرقة. قتل 5 مدنيين بانفجار سيارة مفخخة في الرقة.`,
      'قتل 5 مدنيين بانفجار سيارة مفخخة في الرقة.'],
    ['violence and place beat violence and dead with no place',
      `${ANALYST} ${THREAT} هاجم مسلحون حاجزا في الرقة. قتل 5 مدنيين بانفجار سيارة مفخخة.`,
      'هاجم مسلحون حاجزا في الرقة.'],
    ['any event with a place beats an event without one',
      `${ANALYST} ${THREAT} داهمت القوات منازل في الرقة.`, 'داهمت القوات منازل في الرقة.'],
    ['any event beats commentary', `${ANALYST} ${THREAT}`, THREAT],
    ['commentary only: the first sentence', `${ANALYST} وأضاف أن الحل سياسي.`, ANALYST],
    ['a war\'s toll is no casualty, and a town beats a country',
      'تسبب النزاع في سوريا بمقتل أكثر من 230 ألف شخص. هاجم مسلحون حاجزا في الرقة.', 'هاجم مسلحون حاجزا في الرقة.'],
    ['white space inside the sentence is collapsed', 'هاجم   مسلحون\tحاجزا في الرقة.', 'هاجم مسلحون حاجزا في الرقة.'],
    ['nothing to say', '', ''],
  ])('%s', (_name, body, sentence) => {
    expect(summarySentence(body, understandReport({ title: '', text: body }))).toBe(sentence);
  });

  it('passes over a sentence that repeats the headline', () => {
    const body = 'هاجم مسلحون حاجزا في الرقة. قتل عنصر من قسد بهجوم في الحسكة.';
    const title = 'هاجم مسلحون حاجزا في الرقة';
    expect(summarySentence(body, understandReport({ title, text: body }), title)).toBe('قتل عنصر من قسد بهجوم في الحسكة.');
  });
});

describe('cutAtWord', () => {
  it.each<[string, number, string]>([
    ['قصير', 280, 'قصير'],
    ['ا ب ج د', 7, 'ا ب ج د'],
    ['ا ب ج د', 6, 'ا ب ج…'],
    ['ا ب ج د', 5, 'ا ب…'],
    ['الرقة، دير الزور', 10, 'الرقة…'],
    ['مقتل 10 مدنيين: بينهم نساء', 17, 'مقتل 10 مدنيين…'],
    ['ابجدهوزحطي', 5, 'ابجدهوزحطي'],
    ['ابجدهوزحطي كلمن', 5, 'ابجدهوزحطي…'],
  ])('%j to %i characters: %j', (text, max, cut) => {
    expect(cutAtWord(text, max)).toBe(cut);
  });
});
