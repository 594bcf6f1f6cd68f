import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/understand/report-features.js';
import { reportModelInput } from '../../src/understand/understand-report.js';

const ln = Math.log1p;
/** Three short reports: an attack told with its toll, place and day; a question about threats; the same attack under an opinion title. */
const REPORTS = {
  attack: {
    title: 'مقتل ثلاثة عناصر من قسد بانفجار عبوة في دير الزور',
    text: 'قتل ثلاثة عناصر من قوات سوريا الديمقراطية، أمس، بانفجار عبوة ناسفة في بلدة الشحيل بريف دير الزور الشرقي.',
    publishedAt: '2022-02-24',
  },
  question: {
    title: 'هل يعود داعش إلى الرقة؟',
    text: 'يحذر محللون من أن تنظيم داعش قد يشن هجمات جديدة في الرقة، ويهدد التنظيم بتنفيذ عمليات انتقامية ضد قوات سوريا الديمقراطية.',
    publishedAt: '2022-02-24',
  },
  opinion: {
    title: 'رأي.. الحرب على الإرهاب',
    text: 'قتل ثلاثة عناصر من قوات سوريا الديمقراطية، أمس، بانفجار عبوة ناسفة في بلدة الشحيل بريف دير الزور الشرقي.',
    publishedAt: '2022-02-24',
  },
} as const;

const features = (report: keyof typeof REPORTS): Record<string, number> => {
  const x = reportModelInput(REPORTS[report]).features;
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, x[i]!]));
};

describe('reportFeatures', () => {
  it('has one value per name, the names each once', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    expect(reportModelInput(REPORTS.attack).features).toHaveLength(FEATURE_NAMES.length);
  });

  it.each<[keyof typeof REPORTS, string, number]>([
    // The attack: the rules call it an incident; title and lead tell it; 3 killed, placed, dated by أمس.
    ['attack', 'rule_incident', 1],
    ['attack', 'title_specific', 1],
    ['attack', 'lead_specific', ln(1)],
    ['attack', 'main_fatalities', ln(3)],
    ['attack', 'main_located', 1],
    ['attack', 'main_dated', 1],
    ['attack', 'body_occurred', ln(3)],
    ['attack', 'title_question', 0],
    ['attack', 'title_talk', 0],
    // The question: a threat (يهدد), a supposed attack (قد يشن), a question mark, and talk (هل, يحذر).
    ['question', 'rule_incident', 0],
    ['question', 'candidates', 0],
    ['question', 'body_threat', ln(1)],
    ['question', 'body_hypothetical', ln(1)],
    ['question', 'title_question', 1],
    ['question', 'title_talk', ln(1)],
    ['question', 'lead_talk', ln(1)],
    ['question', 'jihadist', ln(2)],
    // The opinion title: the same attack, but the rules leave a column without an incident.
    ['opinion', 'opinion_title', 1],
    ['opinion', 'rule_incident', 0],
    ['opinion', 'rule_on_topic', 1],
    ['opinion', 'main_fatalities', ln(3)],
  ])('%s: %s = %f', (report, name, value) => {
    expect(features(report)[name]).toBeCloseTo(value, 12);
  });
});
