import { describe, expect, it } from 'vitest';
import { ACTORS, findActors, findActorsEnglish, type ActorKey } from '../../src/understand/actors.js';

const actors = (mentions: { actor: ActorKey; surface: string }[]): [ActorKey, string][] =>
  mentions.map((m) => [m.actor, m.surface]);

describe('findActors (Arabic)', () => {
  it.each<[string, [ActorKey, string][]]>([
    ['هجوم لداعش', [['isis', 'داعش']]],
    ['وداعش', [['isis', 'داعش']]],
    ['بتنظيم الدولة الإسلامية', [['isis', 'تنظيم الدولة الإسلامية']]],
    ['تنظيم الدولة الإسلامية في العراق والشام', [['isis', 'تنظيم الدولة الإسلامية في العراق والشام']]],
    ['حاجز لقوات "قسد"', [['sdf', 'قسد']]],
    ['قوات سوريا الديمقراطية', [['sdf', 'قوات سوريا الديمقراطية']]],
    ['قوات النظام والنظام السوري', [['syrian_government', 'قوات النظام'], ['syrian_government', 'النظام السوري']]],
    ['قوات نظام الأسد', [['syrian_government', 'نظام الأسد']]],
    ['الجيش السوري الحر', [['syrian_opposition', 'الجيش السوري الحر']]],
    ['التحالف الدولي', [['coalition', 'التحالف الدولي']]],
    ['القوات الروسية', [['russia', 'القوات الروسية']]],
    ['الميليشيات الإيرانية والحرس الثوري', [['iran', 'الميليشيات الإيرانية'], ['iran', 'الحرس الثوري']]],
    ['الجيش التركي', [['turkey', 'الجيش التركي']]],
    ['الحشد الشعبي', [['pmf', 'الحشد الشعبي']]],
    ['الجيش العراقي', [['iraqi_forces', 'الجيش العراقي']]],
    ['هيئة تحرير الشام وجبهة النصرة', [['hts', 'هيئة تحرير الشام'], ['hts', 'جبهة النصرة']]],
    ['فلول (القاعدة، وداعش)', [['al_qaeda', 'القاعدة'], ['isis', 'داعش']]],
    ['وحدات حماية الشعب', [['kurdish_ypg', 'وحدات حماية الشعب']]],
    ['القوات الأمريكية', [['usa', 'القوات الأمريكية']]],
    ['حزب الله', [['hezbollah', 'حزب الله']]],
    ['التحالف العربي', [['arab_coalition', 'التحالف العربي']]],
    ['قصفت ميليشيا الحوثي الأحياء', [['houthis', 'ميليشيا الحوثي']]],
    ['جماعة أنصار الله', [['houthis', 'جماعة أنصار الله']]],
    ['مسلحو حزب العمال الكردستاني', [['pkk', 'حزب العمال الكردستاني']]],
    ['الحزب الديمقراطي الكردستاني', []],
    ['برصاص جيش الاحتلال الإسرائيلي', [['israel', 'جيش الاحتلال الإسرائيلي']]],
    ['القاعدة العسكرية الأمريكية', []],
    ['تقدمت قوات الجيش الوطني في نهم', [['yemeni_forces', 'قوات الجيش الوطني']]],
    ['وأفادت المقاومة الشعبية', [['yemeni_forces', 'المقاومة الشعبية']]],
    ['قوات الجيش الوطني الليبي في درنة', []],
    ['هجوم لحركة طالبان', [['taliban', 'حركة طالبان']]],
    ['هجوم انتقامي لبوكو حرام', [['boko_haram', 'بوكو حرام']]],
    ['حركة الشباب الصومالية تقتل خمسة', [['al_shabaab', 'حركة الشباب الصومالية']]],
    // A branch's own name is no alias of the group: a search for it would lose what it names.
    ['مقتل 8 من عناصر ولاية سيناء', []],
  ])('%s', (text, expected) => {
    expect(actors(findActors(text))).toEqual(expected);
  });

  it('reports offsets of the name without its proclitic', () => {
    expect(findActors('لداعش')).toEqual([{ actor: 'isis', start: 1, end: 5, surface: 'داعش' }]);
  });
});

describe('findActorsEnglish', () => {
  it.each<[string, [ActorKey, string][]]>([
    ['ISIS attacks', [['isis', 'ISIS']]],
    ['IS claimed it', [['isis', 'IS']]],
    ['this is it', []],
    ['Daesh and ISIL', [['isis', 'Daesh'], ['isis', 'ISIL']]],
    ['Islamic State fighters', [['isis', 'Islamic State']]],
    ['SDF raids', [['sdf', 'SDF']]],
    ['Syrian Democratic Forces', [['sdf', 'Syrian Democratic Forces']]],
    ['regime forces and Assad forces', [['syrian_government', 'regime forces'], ['syrian_government', 'Assad forces']]],
    ['US-led coalition strikes', [['coalition', 'US-led coalition']]],
    ['US forces', [['usa', 'US forces']]],
    ['tell us', []],
    ['Russian jets', [['russia', 'Russian']]],
    ['IRGC', [['iran', 'IRGC']]],
    ['Turkish army', [['turkey', 'Turkish army']]],
    ['PMF and Hashd', [['pmf', 'PMF'], ['pmf', 'Hashd']]],
    ['Iraqi army', [['iraqi_forces', 'Iraqi army']]],
    ['HTS and Nusra', [['hts', 'HTS'], ['hts', 'Nusra']]],
    ['al-Qaeda', [['al_qaeda', 'al-Qaeda']]],
    ['YPG', [['kurdish_ypg', 'YPG']]],
    ['Free Syrian Army rebels', [['syrian_opposition', 'Free Syrian Army'], ['syrian_opposition', 'rebels']]],
    ['Hezbollah', [['hezbollah', 'Hezbollah']]],
    ['Saudi-led coalition', [['arab_coalition', 'Saudi-led coalition']]],
    ['Houthi missiles', [['houthis', 'Houthi']]],
    ['PKK camps', [['pkk', 'PKK']]],
    ['Israeli air force strikes', [['israel', 'Israeli air force']]],
  ])('%s', (text, expected) => {
    expect(actors(findActorsEnglish(text))).toEqual(expected);
  });
});

describe('ACTORS table', () => {
  it.each(ACTORS.map((a) => [a.key, a] as const))('%s has Arabic and English forms and labels', (_key, actor) => {
    expect(actor.arabic.length).toBeGreaterThan(0);
    expect(actor.english.length).toBeGreaterThan(0);
    expect(actor.labelAr).not.toBe('');
    expect(actor.labelEn).not.toBe('');
    expect(findActors(actor.arabic[0]!).map((m) => m.actor)).toEqual([actor.key]);
    expect(findActorsEnglish(actor.english[0]!).map((m) => m.actor)).toEqual([actor.key]);
  });
});
