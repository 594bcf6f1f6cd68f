import { describe, expect, it } from 'vitest';
import type { ActorKey } from '../../src/understand/actors.js';
import { matchTokens } from '../../src/understand/match-tokens.js';
import { isOnTopic, topicCounts } from '../../src/understand/report-topic.js';

const signals = (text: string, actors: ActorKey[] = [], eventWords = 0, countries: string[] = [], title = '', titleActors: ActorKey[] = []) =>
  ({ tokens: matchTokens(text), titleTokens: matchTokens(title), actors, titleActors, eventWords, titleEventWords: 0, countries });

describe('isOnTopic', () => {
  it.each([
    ['a jihadist group named three times, anywhere (ISIS in Europe)', signals('هجوم في باريس', ['isis', 'isis'], 0, [], '', ['isis']), true],
    ['jihadist insurgents outside the region are ours (Boko Haram in Nigeria)', signals('هجوم لبوكو حرام في نيجيريا', ['boko_haram', 'boko_haram'], 1, ['NG'], '', ['boko_haram']), true],
    ['... and the same attack by gunmen there is not', signals('هجوم لمسلحين في نيجيريا', [], 1, ['NG'], '', []), false],
    ['a jihadist group named three times in a long piece on something else', signals(`${'كلام '.repeat(300)}`, ['isis', 'isis', 'isis']), false],
    ['a jihadist group with dense conflict signals, no region named', signals('قال الجيش إن القوات', ['isis'], 1), true],
    ['title signals count twice (2 conflict words in the title make 4)', signals('قال مسؤول في العراق', [], 0, [], 'الجيش والقوات'), true],
    ['signals too sparse in a long piece', signals(`الجيش في سوريا ${'كلام '.repeat(200)}`, [], 2), false],
    ['a region word and three conflict signals', signals('اشتباكات في اليمن بين القوات والمسلحين', [], 1), true],
    ['a place in a region country and three signals', signals('قصف الجيش القوات', [], 1, ['SY']), true],
    ['a region capital names the region (the Kingdom, Riyadh)', signals('أدان السفير التفجير الإرهابي في الرياض الذي استهدف الشرطة', [], 2), true],
    ['... and without it the same words are not ours', signals('أدان السفير التفجير الإرهابي في لندن الذي استهدف الشرطة', [], 2), false],
    ['the region with too few conflict signals', signals('زيارة وزير إلى تركيا', [], 1), false],
    ['conflict words elsewhere in the world', signals('اشتباكات بين الشرطة والمتظاهرين في نيكاراغوا', [], 1, ['NI']), false],
    ['more sport words than conflict signals', signals('مباراة المنتخب في الدوري كرة هدف في سوريا الجيش', [], 0, ['SY']), false],
    ['states named in a nuclear-deal piece weigh nothing against its words', signals('واشنطن تشدد على تفتيش منشآت طهران النووية بعد الاتفاق النووي', ['usa', 'iran', 'usa', 'iran'], 0, ['IR']), false],
    ['the same states beside conflict signals are ours', signals('واشنطن تتهم طهران بدعم الميليشيات والمسلحين في سوريا', ['usa', 'iran'], 0, ['SY']), true],
    ['chemical weapons are conflict words', signals('منظمة حظر الأسلحة الكيماوية تؤكد استخدام الكلور في سراقب', [], 0, ['SY']), true],
    ['extremism is conflict talk', signals('مرصد الفتاوى: الجماعات التكفيرية والمتشددين ونشر التطرف في مصر', [], 0, ['EG']), true],
    ['... and without it the same piece is not ours', signals('مرصد الفتاوى: الجماعات الكبرى والمستثمرين ونشر التعليم في مصر', [], 0, ['EG']), false],
    ['the war\'s refugees and aid are ours', signals('الوزير يتفقد مشروع الإغاثة للاجئات السوريات في المخيمات بالأردن', [], 0, ['JO']), true],
    ['... and a visit to a school there is not', signals('الوزير يتفقد مشروع التعليم للطالبات السوريات في المدارس بالأردن', [], 0, ['JO']), false],
    ['the war\'s diplomacy (a truce, a ceasefire) is ours', signals('مصر تضع اللمسات الأخيرة لهدنة بين الفصائل وإسرائيل مع استمرار وقف إطلاق النار والتهدئة', [], 0, ['EG']), true],
    ['... and a trade deal there is not', signals('مصر تضع اللمسات الأخيرة لاتفاق بين الشركات وإسرائيل مع استمرار تبادل السلع والبضائع', [], 0, ['EG']), false],
  ])('%s', (_name, s, expected) => {
    expect(isOnTopic(s)).toBe(expected);
  });
});

describe('topicCounts', () => {
  it('counts words with a proclitic (والجيش) and two-word names (الشرق الأوسط)', () => {
    expect(topicCounts(matchTokens('والجيش في الشرق الأوسط وأسعار النفط'))).toEqual({ conflict: 1, offTopic: 1, region: 1 });
  });

  it.each([
    ['refugees and relief', 'للاجئات في المخيمات والإغاثة', 3],
    ['a truce and a ceasefire', 'الهدنة ووقف إطلاق النار', 2],
    ['the Syrian crisis and the regime', 'الأزمة السورية والنظام السوري', 2],
  ])('counts the war\'s aid and diplomacy as conflict words: %s', (_, text, conflict) => {
    expect(topicCounts(matchTokens(text)).conflict).toBe(conflict);
  });

  it('counts two-word conflict phrases (جرائم حرب، ضد الإنسانية)', () => {
    expect(topicCounts(matchTokens('اتهامات بالتواطؤ في جرائم ضد الإنسانية'))).toEqual({ conflict: 1, offTopic: 0, region: 0 });
  });
});
