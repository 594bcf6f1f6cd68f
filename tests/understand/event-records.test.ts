import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/text/segment-text.js';
import type { ActorKey } from '../../src/understand/actors.js';
import type { Casualty, CasualtyKind } from '../../src/understand/casualties.js';
import { buildEventRecords, datelineEnd, tellsOfChemicalAttack, type EventRecord, type Mentions } from '../../src/understand/event-records.js';
import type { EventKey, EventStatus } from '../../src/understand/events.js';
import type { EventKind } from '../../src/understand/acled-types.js';
import type { PlaceRole } from '../../src/understand/find-places.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import { loadReportModel, setReportModel } from '../../src/understand/report-model.js';
import { understandReport } from '../../src/understand/understand-report.js';

const gazetteer = loadGazetteer();

/** What a test marks in a text: each surface is found in it (its n-th occurrence with `#n`). */
interface Parts {
  places?: [surface: string, pcode: string, extra?: { role?: PlaceRole; descriptor?: string; direction?: string }][];
  events?: [surface: string, type: EventKey, status?: EventStatus][];
  casualties?: [surface: string, kind: CasualtyKind, count: number | null, extra?: Partial<Casualty>][];
  actors?: [surface: string, key: ActorKey][];
  extra?: [surface: string, kind: EventKind][];
}

function at(text: string, surface: string): { start: number; end: number } {
  const [word, nth = '1'] = surface.split('#');
  let start = -1;
  for (let n = 0; n < Number(nth); n++) start = text.indexOf(word!, start + 1);
  if (start < 0) throw new Error(`"${word}" is not in "${text}"`);
  return { start, end: start + word!.length };
}

function mentions(text: string, parts: Parts): Mentions {
  return {
    places: (parts.places ?? []).map(([s, pcode, extra]) => ({
      ...at(text, s), pcode, admin1Pcode: gazetteer.get(pcode)!.admin1Pcode, surface: s, ...extra,
    })),
    events: (parts.events ?? []).map(([s, type, status]) => ({ ...at(text, s), type, surface: s, ...(status ? { status } : {}) })),
    extra: (parts.extra ?? []).map(([s, kind]) => ({ ...at(text, s), kind })),
    actors: (parts.actors ?? []).map(([s, key]) => ({ key, start: at(text, s).start })),
    casualties: (parts.casualties ?? []).map(([s, kind, count, extra]) => ({ ...at(text, s), kind, count, surface: s, ...extra })),
  };
}

function events(text: string, parts: Parts, title = '', titleParts: Parts = {}, publishedAt: string | null = '2018-06-24'): EventRecord[] {
  return buildEventRecords({
    title, text, publishedAt, sentences: segmentText(text).sentences,
    titleMentions: mentions(title, titleParts), bodyMentions: mentions(text, parts),
  }, gazetteer).events;
}

const brief = (e: EventRecord) => [e.kind, e.event_type, e.sub_event_type, e.location?.pcode ?? null, e.fatalities, e.injuries];

describe('which mentions are events', () => {
  it('a disrupted use (an IED defused) is Strategic developments / Disrupted weapons use', () => {
    const text = 'فككت القوات عبوة ناسفة في الطبقة.';
    expect(events(text, { events: [['عبوة ناسفة', 'ied', 'disrupted']], places: [['الطبقة', 'C8745']] }).map(brief))
      .toEqual([['disrupted', 'Strategic developments', 'Disrupted weapons use', 'C8745', 0, 0]]);
  });

  it.each([
    // An outside power named whole, other than the main event's country, is a party: Israel struck from it.
    ['an outside power named whole is a party', 'إسرائيل', 'IL', [['shelling', 'SY11', 25]]],
    // A country named whole that is no outside power (the Kuwait mosque bombing) is where it happened.
    ['another country named whole is a place', 'الكويت', 'KW', [['shelling', 'SY11', 25], ['suicide_attack', 'KW', 5]]],
    // A town of an outside power is where it happened.
    ['a town of an outside power is a place', 'تل أبيب', 'IL-TA', [['shelling', 'SY11', 25], ['suicide_attack', 'IL-TA', 5]]],
  ] as const)('further events: %s', (_name, surface, pcode, expected) => {
    const text = `قصف في الرقة أدى إلى مقتل 25. وفي تفجير انتحاري في ${surface} قتل 5.`;
    const all = events(text, {
      events: [['قصف', 'shelling'], ['تفجير انتحاري', 'suicide_attack']],
      places: [['الرقة', 'SY11'], [surface, pcode]],
      casualties: [['مقتل 25', 'killed', 25], ['قتل 5', 'killed', 5]],
    });
    expect(all.map((e) => [e.kind, e.location?.pcode ?? null, e.fatalities])).toEqual(expected);
  });

  it.each(['threat', 'plan', 'demand', 'denial', 'hypothetical', 'historical'] as const)('a %s is not an event', (status) => {
    expect(events('هجوم في الطبقة.', { events: [['هجوم', 'attack', status]], places: [['الطبقة', 'C8745']] })).toEqual([]);
  });

  it('threats, recruitment, extortion and sleeper cells are talk of activity, not happenings', () => {
    const text = 'خلايا نائمة وتجنيد وتهديد في الرقة.';
    expect(events(text, { events: [['خلايا نائمة', 'sleeper_cells'], ['تجنيد', 'recruitment'], ['تهديد', 'threat']], places: [['الرقة', 'SY11']] })).toEqual([]);
  });

  it('a sentence that recalls the past is history, not an event', () => {
    const text = 'انفجار في الرقة. وكان هجوم في أكتوبر الماضي قد أسفر عن مقتل 16 في الرقة.';
    const all = events(text, {
      events: [['انفجار', 'bombing'], ['هجوم', 'attack']], places: [['الرقة', 'SY11'], ['الرقة#2', 'SY11']], casualties: [['مقتل 16', 'killed', 16]],
    });
    expect(all.map((e) => [e.kind, e.fatalities])).toEqual([['bombing', 0]]);
  });

  it.each<[string, string, Parts, boolean]>([
    ['violence named in general (no place, actor or toll) is no incident', 'منفذا لتفريغ رغبات القتل والاغتيال.', { events: [['الاغتيال', 'assassination']] }, false],
    ['an explosion with no toll may be any explosion', 'انفجارات ضخمة في غزة دون إصابات.', { events: [['انفجارات', 'bombing']], places: [['غزة', 'PS-GZA']] }, false],
    ['an explosion that targeted something was set off on purpose', 'انفجارات ضخمة استهدفت سيارات قياديين في غزة.', { events: [['انفجارات', 'bombing']], places: [['غزة', 'PS-GZA']] }, true],
    ['counted bombings were set off on purpose', 'حماس تتلقى رسالة بـ5 تفجيرات في غزة.', { events: [['تفجيرات', 'bombing']], places: [['غزة', 'PS-GZA']] }, true],
    ['the bombing a visit refers to, told with no aim or count, is no incident', 'زار المصابين في حادثة تفجير مسجد قوات الطوارئ في عسير.', { events: [['تفجير', 'bombing']], places: [['عسير', 'SA-14']] }, false],
    ['the same word with a place is one', 'الاغتيال في الرقة.', { events: [['الاغتيال', 'assassination']], places: [['الرقة', 'SY11']] }, true],
  ])('%s', (_name, text, parts, incident) => {
    expect(buildEventRecords({
      title: '', text, publishedAt: '2018-06-24', sentences: segmentText(text).sentences,
      titleMentions: mentions('', {}), bodyMentions: mentions(text, parts),
    }, gazetteer).leadHappening).toBe(incident);
  });

  it.each<[string, string, Parts, [EventKind, string | null][]]>([
    ['a place told in a sentence of history lends no place to the paragraph\'s event', 'اغتيل المسؤول أمس. وكان شقيقه قتل في تفجير في دمشق في فبراير 2008.',
      { events: [['اغتيل', 'assassination']], places: [['دمشق', 'SY01']] }, [['assassination', null]]],
  ])('%s', (_name, text, parts, expected) => {
    expect(events(text, parts).map((e) => [e.kind, e.location?.pcode ?? null])).toEqual(expected);
  });

  it.each<[string, string, Parts, EventKind[]]>([
    ['a country attacked in words is criticism', 'أردوغان يهاجم الولايات المتحدة.', { events: [['يهاجم', 'attack']], places: [['الولايات المتحدة', 'US']] }, []],
    ['a battle word told of a campaign (معركة شاملة ضد) is no clash', 'وإن معركة شاملة ضد تنظيم داعش في سوريا ستنطلق قريبا.',
      { events: [['معركة', 'armed_clash']], places: [['سوريا', 'SY']] }, []],
    ['a clash between two sides is one', 'اندلعت معركة بين الفصائل وتنظيم داعش في الرقة.', { events: [['معركة', 'armed_clash']], places: [['الرقة', 'SY11']] }, ['armed_clash']],
    ['an attack on a town is one', 'مسلحون يهاجمون الرقة.', { events: [['يهاجمون', 'attack']], places: [['الرقة', 'SY11']] }, ['attack']],
  ])('%s', (_name, text, parts, kinds) => {
    expect(events(text, parts).map((e) => e.kind)).toEqual(kinds);
  });

  it('killed and wounded told together tell of a happening, with neither figure', () => {
    const text = 'موقعين 20 قتيلا وجريحا في الرقة.';
    expect(events(text, { casualties: [['20 قتيلا وجريحا', 'casualties', 20]], places: [['الرقة', 'SY11']] }).map(brief))
      .toEqual([['attack', 'Battles', 'Armed clash', 'SY11', 0, 0]]);
  });

  it('a sentence whose only figure is a war\'s total sums up, it tells no happening', () => {
    const text = 'وقتل 2927 من التنظيم جراء غارات التحالف في محافظات حماة وحلب.';
    expect(events(text, { events: [['غارات', 'air_strike']], places: [['حماة', 'SY05'], ['حلب', 'SY02']], casualties: [['قتل 2927', 'killed', 2927]] })).toEqual([]);
  });

  it.each<[string, string, string, Parts, Parts, EventKind[]]>([
    ['a toll and a killing word beside a road accident are no attack', 'مقتل تسعة لاجئين في حادث سير في حلب', 'لقي تسعة لاجئين حتفهم عندما اصطدمت حافلة بسور في حلب.',
      { events: [['مقتل', 'attack']], casualties: [['مقتل تسعة', 'killed', 9]], places: [['حلب', 'SY02']] },
      { casualties: [['لقي تسعة لاجئين حتفهم', 'killed', 9]], places: [['حلب', 'SY02']] }, []],
    ['a collision with its pronoun (اصطدامها) is an accident too', '', 'مقتل 11 راكبا حرقا في حافلة في حلب إثر اصطدامها بشاحنة.',
      {}, { events: [['مقتل', 'attack']], casualties: [['مقتل 11 راكبا', 'killed', 11]], places: [['حلب', 'SY02']] }, []],
    ['... and so is a later bare toll of the same report', 'حادث سير في حلب', 'انقلبت حافلة في حلب. ونقل الجرحى وتوفي 3 منهم.',
      {}, { casualties: [['توفي 3', 'killed', 3]], places: [['حلب', 'SY02']] }, []],
    ['a bombing told beside an accident word is still one', '', 'انفجرت عبوة ناسفة قرب حافلة فانقلبت وقتل 3 في حلب.',
      {}, { events: [['عبوة ناسفة', 'ied'], ['قتل', 'attack']], casualties: [['قتل 3', 'killed', 3]], places: [['حلب', 'SY02']] }, ['ied']],
    ['a plane crash is an accident, its killing verbs too', '11 قتيلا بتحطم طائرة في إيران', 'ونقلت الوكالة أن يكون 11 قد قتلوا في إيران.',
      { casualties: [['11 قتيلا', 'killed', 11]], places: [['إيران', 'IR']] },
      { events: [['قتلوا', 'attack']], casualties: [['11 قد قتلوا', 'killed', 11]], places: [['إيران', 'IR']] }, []],
    ['a warplane crashing into a market is still an air strike', '', 'قتل 27 عندما تحطمت طائرة حربية في سوق بأريحا.',
      {}, { events: [['طائرة حربية', 'air_strike']], casualties: [['قتل 27', 'killed', 27]], places: [['أريحا', 'C4278']] }, ['air_strike']],
  ])('%s', (_name, title, text, titleParts, parts, kinds) => {
    expect(events(text, parts, title, titleParts).map((e) => e.kind)).toEqual(kinds);
  });

  it('protesters who chant for a fire\'s victims do not take its toll', () => {
    const text = 'وهتف المتظاهرون في الأحواز في إشارة إلى ضحايا حريق راح ضحيته 12 قتيلا.';
    const [e] = events(text, { events: [['المتظاهرون', 'protest']], casualties: [['12 قتيلا', 'killed', 12]], places: [['الأحواز', 'IR-06']] });
    expect([e!.kind, e!.fatalities]).toEqual(['protest', 0]);
  });

  it('a toll with no event word is a generic attack', () => {
    const text = 'سقوط 5 قتلى في الرقة.';
    expect(events(text, { casualties: [['5 قتلى', 'killed', 5]], places: [['الرقة', 'SY11']] }).map(brief))
      .toEqual([['attack', 'Battles', 'Armed clash', 'SY11', 5, 0]]);
  });
});

describe('the toll of one event', () => {
  const bombing = (text: string, casualties: NonNullable<Parts['casualties']>, extra: Parts = {}) =>
    events(text, { events: [['انفجار', 'bombing']], places: [['الرقة', 'SY11']], casualties, ...extra })[0]!;

  it('a combined toll (قتيلا وجريحا) is neither killed nor wounded', () => {
    const e = bombing('انفجار في الرقة خلف 66 قتيلا وجريحا.', [['66 قتيلا وجريحا', 'casualties', 66]]);
    expect([e.fatalities, e.injuries]).toEqual([0, 0]);
  });

  it('a period total is not one event\'s toll', () => {
    const e = bombing('انفجار في الرقة، وقتل 300 منذ بداية العام.', [['300', 'killed', 300, { aggregate: true }]]);
    expect(e.fatalities).toBe(0);
  });

  it('a figure above MAX_EVENT_TOLL is a war\'s toll, not one event\'s', () => {
    const e = bombing('انفجار في الرقة، والحرب أوقعت مقتل 3042.', [['مقتل 3042', 'killed', 3042]]);
    expect(e.fatalities).toBe(0);
  });

  it.each([
    ['340 killed: one attack can (Karrada)', 'مقتل 340', 'killed', 340, [340, 0]],
    ['401 killed: a period\'s toll (a campaign\'s weeks)', 'مقتل 401', 'killed', 401, [0, 0]],
    ['500 wounded: one chemical attack can', 'إصابة 500', 'wounded', 500, [0, 500]],
    ['1,001 wounded: a period\'s', 'إصابة 1001', 'wounded', 1001, [0, 0]],
  ] as const)('the limit of one event: %s', (_name, surface, kind, value, expected) => {
    const e = bombing(`انفجار في الرقة أدى إلى ${surface}.`, [[surface, kind, value]]);
    expect([e.fatalities, e.injuries]).toEqual(expected);
  });

  it('thousands (مئات آلاف) are a war\'s toll, not one event\'s', () => {
    const e = bombing('انفجار في الرقة، والحرب تسببت في مقتل مئات آلاف المدنيين.', [['مقتل مئات آلاف', 'killed', null, { approx: 'thousands' }]]);
    expect(e.fatalities).toBe(0);
  });

  it.each([['dozens', 12], ['hundreds', 100], ['several', 3]] as const)('a vague figure (%s) counts as %i', (approx, value) => {
    const e = bombing('انفجار في الرقة أدى إلى مقتل العشرات.', [['مقتل العشرات', 'killed', null, { approx }]]);
    expect(e.fatalities).toBe(value);
  });

  it('dead told without a figure (سقوط قتلى، مقتل القيادي) count as several or one', () => {
    const e = bombing('انفجار في الرقة أدى إلى سقوط قتلى.', [['قتلى', 'killed', null, { approx: 'several', bare: true }]]);
    expect(e.fatalities).toBe(3);
  });

  it('dead told without a figure are not added to the figure told with them (52, not 55)', () => {
    const e = bombing('انفجار في الرقة أسفر عن وقوع قتلى، حيث قتل 30 جنديا و22 مسلحا.', [
      ['قتلى', 'killed', null, { approx: 'several', bare: true }], ['قتل 30 جنديا و22 مسلحا', 'killed', 52],
    ]);
    expect(e.fatalities).toBe(52);
  });

  it('one named makes no happening of its own', () => {
    const all = events('أعلنت الوزارة مقتل القيادي في الرقة.', { places: [['الرقة', 'SY11']], casualties: [['مقتل القيادي', 'killed', null, { approx: 'named', bare: true }]] });
    expect(all).toEqual([]);
  });

  it('a toll told twice is not summed', () => {
    const text = 'انفجار في الرقة أدى إلى مقتل 5. وقال مصدر إن الانفجار في الرقة أدى إلى مقتل 5 أشخاص.';
    const all = events(text, { events: [['انفجار', 'bombing'], ['الانفجار', 'bombing']], places: [['الرقة', 'SY11'], ['الرقة#2', 'SY11']], casualties: [['مقتل 5', 'killed', 5], ['مقتل 5 أشخاص', 'killed', 5]] });
    expect(all.map(brief)).toEqual([['bombing', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 'SY11', 5, 0]]);
  });

  it('two figures for one event: the lower (ACLED\'s conservative rule)', () => {
    const text = 'وقتل 221 في انفجار الرقة.';
    const all = events(text, { events: [['انفجار', 'bombing']], places: [['الرقة', 'SY11']], casualties: [['221', 'killed', 221]] },
      'مقتل 220 بانفجار في الرقة', { events: [['انفجار', 'bombing']], places: [['الرقة', 'SY11']], casualties: [['220', 'killed', 220]] });
    expect(all.map((e) => e.fatalities)).toEqual([220]);
  });

  it('a number told later beats a vague word told first', () => {
    const text = 'انفجار في الرقة أدى إلى مقتل العشرات. وقال مصدر إن الانفجار في الرقة أدى إلى مقتل 33.';
    const all = events(text, {
      events: [['انفجار', 'bombing'], ['الانفجار', 'bombing']], places: [['الرقة', 'SY11'], ['الرقة#2', 'SY11']],
      casualties: [['مقتل العشرات', 'killed', null, { approx: 'dozens' }], ['مقتل 33', 'killed', 33]],
    });
    expect(all.map((e) => e.fatalities)).toEqual([33]);
  });

  it('an explicit update replaces the earlier figure', () => {
    const text = 'انفجار في الرقة أدى إلى مقتل 20. ثم ارتفع عدد القتلى في الرقة إلى 25.';
    const all = events(text, { events: [['انفجار', 'bombing']], places: [['الرقة', 'SY11'], ['الرقة#2', 'SY11']], casualties: [['مقتل 20', 'killed', 20], ['القتلى', 'killed', 25]] });
    expect(all.map((e) => e.fatalities)).toEqual([25]);
  });

  it.each([
    ['"also" with a happening and a toll of its own is another happening', 'انفجرت سيارة مفخخة في بغداد أدت إلى مقتل 19. كما انفجرت سيارة مفخخة في بغداد أدت إلى مقتل 4.', [19, 4]],
    ['"also" with the definite happening is the same one', 'انفجرت سيارة مفخخة في بغداد أدت إلى مقتل 19. كما أدت السيارة المفخخة في بغداد إلى مقتل 4.', [4]],
    ['without "also", one city\'s two figures are one happening\'s', 'انفجرت سيارة مفخخة في بغداد أدت إلى مقتل 19. وانفجرت سيارة مفخخة في بغداد أدت إلى مقتل 4.', [4]],
    ['"in a separate incident" is another happening', 'انفجرت سيارة مفخخة في بغداد أدت إلى مقتل 19. وفي حادثة منفصلة، انفجرت سيارة مفخخة في بغداد أدت إلى مقتل 4.', [19, 4]],
  ] as const)('%s', (_, text, fatalities) => {
    const second = text.includes('السيارة المفخخة') ? 'السيارة المفخخة' : 'سيارة مفخخة#2';
    const all = events(text, {
      events: [['سيارة مفخخة', 'car_bomb'], [second, 'car_bomb']], places: [['بغداد', 'IQG08'], ['بغداد#2', 'IQG08']],
      casualties: [['مقتل 19', 'killed', 19], ['مقتل 4', 'killed', 4]],
    });
    expect(all.map((e) => e.fatalities)).toEqual(fatalities);
  });

  // A clash told of protesters, or confrontations in a report whose title or lead tells of a protest, is ACLED's Protests.
  it.each([
    ['a clash with protesters, dead: excessive force', 'اندلعت مواجهات بين المتظاهرين والقوات في درعا أسفرت عن مقتل 3.', {}, ['protest', 'Protests', 'Excessive force against protesters', 3, 0]],
    ['a clash with protesters, wounded only: intervention', 'اندلعت مواجهات بين المتظاهرين والقوات في درعا أسفرت عن إصابة 30.', {}, ['protest', 'Protests', 'Protest with intervention', 0, 30]],
    ['confrontations in a protest\'s lead', 'قتل 3 في مواجهات في درعا. وخرج آلاف المتظاهرين في مسيرة "العودة" قرب الحدود.', {}, ['protest', 'Protests', 'Excessive force against protesters', 3, 0]],
    ['an armed group named: fighting', 'اندلعت مواجهات بين الهيئة والمتظاهرين في درعا أسفرت عن مقتل 3.', { actors: [['الهيئة', 'hts']] }, ['armed_clash', 'Battles', 'Armed clash', 3, 0]],
    ['armed confrontations stay a battle', 'قتل 3 في مواجهات مسلحة في درعا. وخرج آلاف المتظاهرين في مسيرة "العودة" قرب الحدود.', {}, ['armed_clash', 'Battles', 'Armed clash', 3, 0]],
    ['no protest told: a battle', 'اندلعت مواجهات بين الفصائل والقوات في درعا أسفرت عن مقتل 3.', {}, ['armed_clash', 'Battles', 'Armed clash', 3, 0]],
  ] as const)('%s', (_, text, extra, expected) => {
    const casualty = text.includes('إصابة 30') ? ['إصابة 30', 'wounded', 30] as const : text.includes('مقتل 3') ? ['مقتل 3', 'killed', 3] as const : ['قتل 3', 'killed', 3] as const;
    const [e] = events(text, { events: [['مواجهات', 'armed_clash']], places: [['درعا', 'SY12']], casualties: [[...casualty]], ...extra } as Parts);
    expect([e!.kind, e!.event_type, e!.sub_event_type, e!.fatalities, e!.injuries]).toEqual(expected);
  });

  it.each<[string, string, Parts, [string, string, number]]>([
    ['Palestinians confronting Israeli forces are a crowd against troops, though no protest is named',
      'اندلعت مواجهات عنيفة على حدود قطاع غزة مع القوات الإسرائيلية أسفرت عن مقتل 41.',
      { actors: [['القوات الإسرائيلية', 'israel']], places: [['غزة', 'PS-GZA']] }, ['protest', 'Excessive force against protesters', 41]],
    ['... but not where Israeli forces are not named',
      'اندلعت مواجهات عنيفة على حدود قطاع غزة أسفرت عن مقتل 41.',
      { places: [['غزة', 'PS-GZA']] }, ['armed_clash', 'Armed clash', 41]],
    ['... nor elsewhere',
      'اندلعت مواجهات عنيفة في درعا مع القوات الإسرائيلية أسفرت عن مقتل 41.',
      { actors: [['القوات الإسرائيلية', 'israel']], places: [['درعا', 'SY12']] }, ['armed_clash', 'Armed clash', 41]],
  ])('%s', (_, text, parts, expected) => {
    const [e] = events(text, { events: [['مواجهات', 'armed_clash']], casualties: [['مقتل 41', 'killed', 41]], ...parts });
    expect([e!.kind, e!.sub_event_type, e!.fatalities]).toEqual(expected);
  });

  it('a part of the dead told after the toll is no figure of its own (43, among them 16: 43)', () => {
    const text = 'والجمعة قتل 43 مدنيا بقصف على عفرين. ومن بين القتلى نازحون، إضافة إلى 16 مدنيا قتلوا إثر قصف المشفى في عفرين.';
    const all = events(text, { events: [['بقصف', 'shelling'], ['قصف المشفى', 'shelling']], places: [['عفرين', 'SY02'], ['عفرين#2', 'SY02']], casualties: [['قتل 43 مدنيا', 'killed', 43], ['16 مدنيا قتلوا', 'killed', 16]] });
    expect(all.map((e) => e.fatalities)).toEqual([43]);
  });

  it.each([
    ['the same toll placed by a country alone is the same happening', 'تفجير انتحاري في سوروتش أوقع 30 قتيلا. وقال أردوغان خلال زيارة إلى قبرص إن عملا إرهابيا أوقع 30 قتيلا.',
      [['سوروتش', 'TR-63-SURUC'], ['قبرص', 'CY']], ['TR-63-SURUC']],
    ['the same toll in two towns of their own stays two', 'تفجير انتحاري في سوروتش أوقع 30 قتيلا. وفي الرقة أوقع هجوم إرهابي 30 قتيلا.',
      [['سوروتش', 'TR-63-SURUC'], ['الرقة', 'SY11']], ['TR-63-SURUC', 'SY11']],
  ] as const)('%s', (_, text, places, located) => {
    const second = text.includes('عملا إرهابيا') ? 'عملا إرهابيا' : 'هجوم إرهابي';
    const all = events(text, {
      events: [['تفجير انتحاري', 'suicide_attack'], [second, 'attack']], places: places.map((p) => [...p]) as Parts['places'],
      casualties: [['30 قتيلا', 'killed', 30], ['30 قتيلا#2', 'killed', 30]],
    });
    expect(all.map((e) => e.location?.pcode)).toEqual(located);
  });

  it('a definite word\'s toll goes to the happening told with the same word, not the last one told', () => {
    const text = 'اندلعت اشتباكات إثر هجوم على بلدتين في إدلب. وبدأ قصف البلدتين في إدلب. وهذا هو الهجوم الأعنف وأسفر عن مقتل 9.';
    const all = events(text, {
      events: [['اشتباكات', 'armed_clash'], ['هجوم', 'attack'], ['قصف', 'shelling'], ['الهجوم', 'attack']],
      places: [['إدلب', 'SY07'], ['إدلب#2', 'SY07']], casualties: [['مقتل 9', 'killed', 9]],
    });
    expect(all.map((e) => [e.kind, e.fatalities])).toEqual([['armed_clash', 9], ['shelling', 0]]);
  });

  it('a figure called not final gives way to the later one, though lower (17 then 19: 19)', () => {
    const text = 'انفجار في الرقة أدى إلى مقتل 19. وكانت حصيلة غير نهائية للانفجار في الرقة أفادت عن مقتل 17.';
    const all = events(text, { events: [['انفجار', 'bombing'], ['للانفجار', 'bombing']], places: [['الرقة', 'SY11'], ['الرقة#2', 'SY11']], casualties: [['مقتل 19', 'killed', 19], ['مقتل 17', 'killed', 17]] });
    expect(all.map((e) => e.fatalities)).toEqual([19]);
  });

  it.each([
    ['إلى جانب السائق', 'انفجار في الرقة أدى إلى مقتل شخصين على الأقل إلى جانب السائق.', 'مقتل شخصين على الأقل', 3],
    ['فضلا عن الانتحاري', 'انفجار في الرقة أدى إلى مقتل 5 أشخاص فضلا عن الانتحاري.', 'مقتل 5 أشخاص', 6],
    ['a companion, not the attacker', 'انفجار في الرقة أدى إلى مقتل شخصين إلى جانب زوجته.', 'مقتل شخصين', 2],
  ] as const)('an attacker killed beside the figure (%s) counts in fatalities', (_, text, surface, value) => {
    expect(bombing(text, [[surface, 'killed', value === 6 ? 5 : 2]]).fatalities).toBe(value);
  });

  it('the attacker beside a lower figure told elsewhere still counts (title 2, body 2 plus the driver: 3)', () => {
    const text = 'انفجار في الرقة أدى إلى مقتل شخصين إلى جانب السائق.';
    const all = events(text, { events: [['انفجار', 'bombing']], places: [['الرقة', 'SY11']], casualties: [['مقتل شخصين', 'killed', 2]] },
      'مقتل شخصين بانفجار في الرقة', { events: [['انفجار', 'bombing']], places: [['الرقة', 'SY11']], casualties: [['مقتل شخصين', 'killed', 2]] });
    expect(all.map((e) => e.fatalities)).toEqual([3]);
  });

  it('a toll with no happening word and no place, sentences later, is the toll of the happening told last', () => {
    const text = 'قال الوزير إن الوضع صعب.\nوأضاف أن بلاده سترد.\nوتابع أن الأمر انتهى.\nوأطلقت إسرائيل 60 صاروخا على مواقع في سوريا.\n'
      + 'وقال المتحدث إن بلاده ضربت البنية.\nوأضاف أن الفصل انتهى.\nوأوضح المرصد في وقت لاحق أن الضربات أسفرت عن مقتل 23 مقاتلا.';
    const all = events(text, { events: [['أطلقت', 'shelling']], places: [['سوريا', 'SY']], casualties: [['مقتل 23 مقاتلا', 'killed', 23]] });
    expect(all.map((e) => [e.kind, e.location?.pcode, e.fatalities])).toEqual([['shelling', 'SY', 23]]);
  });

  it('a part of the toll (بينهم) is not added to it', () => {
    const e = bombing('انفجار في الرقة أدى إلى مقتل 10 أشخاص بينهم 3 أطفال.', [['مقتل 10 أشخاص', 'killed', 10], ['3 أطفال', 'killed', 3]]);
    expect(e.fatalities).toBe(10);
  });

  it('killed and wounded of distinct groups in one sentence add up', () => {
    const e = bombing('انفجار في الرقة أدى إلى مقتل 10 مدنيين ومقتل 3 عناصر وإصابة 4.', [['مقتل 10 مدنيين', 'killed', 10], ['مقتل 3 عناصر', 'killed', 3], ['إصابة 4', 'wounded', 4]]);
    expect([e.fatalities, e.injuries]).toEqual([13, 4]);
  });

  it('another place\'s toll belongs to that place\'s event', () => {
    const text = 'انفجار في البوكمال أدى إلى مقتل 3. وفي الموصل قتل 25 بانفجار آخر.';
    const all = events(text, {
      events: [['انفجار', 'bombing'], ['بانفجار', 'bombing']], places: [['البوكمال', 'SY0902'], ['الموصل', 'IQG15Q05']],
      casualties: [['مقتل 3', 'killed', 3], ['قتل 25', 'killed', 25]],
    }, 'انفجار في البوكمال', { events: [['انفجار', 'bombing']], places: [['البوكمال', 'SY0902']] });
    expect(all.map((e) => [e.admin1?.pcode, e.fatalities])).toEqual([['SY09', 3], ['IQG15', 25]]);
  });
});

describe('where it happened', () => {
  it('the most specific location of the sentence', () => {
    const text = 'في ريف الرقة، انفجرت عبوة ناسفة في الطبقة.';
    const [e] = events(text, { events: [['عبوة ناسفة', 'ied']], places: [['الرقة', 'SY11', { descriptor: 'ريف' }], ['الطبقة', 'C8745']] });
    expect([e!.location, e!.admin1, e!.admin2?.pcode, e!.geo_precision]).toEqual([
      { pcode: 'C8745', en: 'Tabaqa', ar: 'الطبقة', level: 'admin4' }, { pcode: 'SY11', en: 'Raqqa', ar: 'الرقة' }, 'SY1103', 1,
    ]);
  });

  it('a town named in an area is more specific than the area', () => {
    const text = 'قصف على الغوطة الشرقية استهدف مدينة دوما.';
    const [e] = events(text, { events: [['قصف', 'shelling']], places: [['الغوطة الشرقية', 'LM-SY-EAST-GHOUTA'], ['دوما', 'SY0302']] });
    expect([e!.location?.pcode, e!.admin1?.pcode]).toEqual(['SY0302', 'SY03']);
  });

  it('a government speaking is not where it happened', () => {
    const text = 'دمشق تدين الهجوم في الرقة.';
    const [e] = events(text, { events: [['الهجوم', 'attack']], places: [['دمشق', 'SY01', { role: 'government' }], ['الرقة', 'SY11']] });
    expect(e!.admin1?.pcode).toBe('SY11');
  });

  it('a sentence that names no place takes its paragraph\'s, else the lead\'s', () => {
    const text = 'قتل 3 عناصر في الطبقة أمس.\nوفي خبر آخر، انفجرت عبوة ناسفة.';
    const all = events(text, { events: [['عبوة ناسفة', 'ied']], places: [['الطبقة', 'C8745']], casualties: [['قتل 3 عناصر', 'killed', 3]] });
    expect(all.map((e) => e.location?.pcode)).toEqual(['C8745']);
  });

  it.each([
    ['a town', 'C8745', {}, 1],
    ['near a town (a direction)', 'C8745', { direction: 'شرق' }, 2],
    ['the countryside of a governorate', 'SY11', { descriptor: 'ريف' }, 3],
    ['a district', 'SY1101', { descriptor: 'منطقة' }, 2],
    ['a governorate', 'SY11', {}, 3],
    ['an area (the Eastern Ghouta)', 'LM-SY-EAST-GHOUTA', {}, 2],
  ] as const)('geo_precision of %s', (_name, pcode, extra, precision) => {
    const [e] = events('هجوم في المكان.', { events: [['هجوم', 'attack']], places: [['المكان', pcode, extra]] });
    expect(e!.geo_precision).toBe(precision);
  });

  it('a town without its own point takes the coordinates of the place above it', () => {
    const [e] = events('هجوم في الطبقة.', { events: [['هجوم', 'attack']], places: [['الطبقة', 'C8745']] });
    const above = gazetteer.get('C8745')!.lineage.map((p) => gazetteer.get(p)!).find((p) => p.lat !== null)!;
    expect([e!.latitude, e!.longitude]).toEqual([above.lat, above.lon]);
  });
});

describe('one happening, one event; the main event first', () => {
  it('the title and the lead telling one happening are one event with the most specific kind', () => {
    const all = events('انفجرت سيارة مفخخة بحاجز في الرقة.', { events: [['سيارة مفخخة', 'car_bomb']], places: [['الرقة', 'SY11']] },
      'هجوم على حاجز في الرقة', { events: [['هجوم', 'attack']], places: [['الرقة', 'SY11']] });
    expect(all.map((e) => [e.kind, e.sentence])).toEqual([['car_bomb', { start: 0, end: 34 }]]);
  });

  it('the same kind in two governorates is two events', () => {
    const text = 'اشتباكات في الرقة. واشتباكات في الموصل.';
    const all = events(text, { events: [['اشتباكات', 'armed_clash'], ['واشتباكات', 'armed_clash']], places: [['الرقة', 'SY11'], ['الموصل', 'IQG15Q05']] });
    expect(all.map((e) => e.admin1?.pcode)).toEqual(['SY11', 'IQG15']);
  });

  it('two towns of one governorate, each with its own toll, are two events', () => {
    const text = 'قتل العشرات جراء قصف الطبقة. وقصف مماثل على الرقة أسفر عن سقوط 3 قتلى.';
    const all = events(text, {
      events: [['قصف', 'shelling'], ['قصف#2', 'shelling']], places: [['الطبقة', 'C8745'], ['الرقة', 'C5710']],
      casualties: [['قتل العشرات', 'killed', null, { approx: 'dozens' }], ['3 قتلى', 'killed', 3]],
    });
    expect(all.map((e) => [e.location?.pcode, e.fatalities])).toEqual([['C8745', 12], ['C5710', 3]]);
  });

  it('a protest told in one sentence with another happening is its own event, in its own clause\'s place', () => {
    const text = 'حررت القوات مبنى الجامعة في الرقة، فيما تظاهر المئات في الموصل.';
    const all = events(text, { extra: [['حررت', 'territory'], ['تظاهر', 'protest']], places: [['الرقة', 'SY11'], ['الموصل', 'IQG15Q05']] });
    expect(all.map((e) => [e.kind, e.admin1?.pcode])).toEqual([['territory', 'SY11'], ['protest', 'IQG15']]);
  });

  it('a toll told of a happening before (أسفرت المعارك عن) is that happening\'s, whatever the sentence adds of how', () => {
    const text = 'اشتباكات عنيفة في البوكمال بين داعش وقوات النظام. وأسفرت المعارك عن مقتل 52، أقدم عشرة منهم على تفجير أنفسهم بأحزمة ناسفة.';
    const all = events(text, {
      events: [['اشتباكات', 'armed_clash'], ['المعارك', 'armed_clash'], ['تفجير أنفسهم', 'suicide_attack']], places: [['البوكمال', 'SY0903']],
      casualties: [['مقتل 52', 'killed', 52]],
    });
    expect(all.map((e) => [e.kind, e.admin1?.pcode, e.fatalities])).toEqual([['armed_clash', 'SY09', 52]]);
  });

  it('fighters evacuated from a place are a non-violent transfer, though no deal is named', () => {
    const text = 'واستمر الثلاثاء إجلاء مسلحي فيلق الرحمن من بلدة عربين في الغوطة الشرقية.';
    const all = events(text, { extra: [['إجلاء مسلحي', 'territory']], places: [['عربين', 'SY030106']] });
    expect(all.map((e) => [e.kind, e.sub_event_type])).toEqual([['territory', 'Non-violent transfer of territory']]);
  });

  it('a transfer by deal and fighting in the same governorate are two events', () => {
    const text = 'بلدات في الرقة تسلم أسلحتها في إطار اتفاق مصالحة. وتدور اشتباكات في الرقة قتل فيها 12.';
    const all = events(text, {
      extra: [['تسلم أسلحتها', 'territory']], events: [['اشتباكات', 'armed_clash']], places: [['الرقة', 'SY11'], ['الرقة#2', 'SY11']],
      casualties: [['قتل فيها 12', 'killed', 12]],
    });
    expect(all.map((e) => [e.sub_event_type, e.fatalities])).toEqual([['Armed clash', 12], ['Non-violent transfer of territory', 0]]);
  });

  it('more than six events: one per governorate before a second one in the same governorate', () => {
    const towns: [string, string, number][] = [
      ['الطبقة', 'C8745', 20], ['الرقة', 'C5710', 19], ['دير الزور', 'SY09', 5], ['حلب', 'SY02', 4], ['حمص', 'SY04', 3], ['حماة', 'SY05', 2], ['إدلب', 'SY07', 1],
    ];
    const text = towns.map(([name, , n]) => `اشتباكات في ${name} قتل فيها ${n}.`).join(' ');
    const all = events(text, {
      events: towns.map((_, k) => [`اشتباكات#${k + 1}`, 'armed_clash'] as [string, EventKey]),
      places: towns.map(([name, pcode]) => [name, pcode] as [string, string]),
      casualties: towns.map(([, , n]) => [`قتل فيها ${n}`, 'killed', n] as [string, CasualtyKind, number]),
    });
    expect(all.map((e) => e.admin1?.pcode)).toEqual(['SY11', 'SY09', 'SY02', 'SY04', 'SY05', 'SY07']);
  });

  it('without the title, the deadliest event of the lead comes first', () => {
    const text = 'اشتباكات في الرقة قتل فيها 2، وغارة في الموصل قتل فيها 9.';
    const all = events(text, {
      events: [['اشتباكات', 'armed_clash'], ['غارة', 'air_strike']], places: [['الرقة', 'SY11'], ['الموصل', 'IQG15Q05']],
      casualties: [['قتل فيها 2', 'killed', 2], ['قتل فيها 9', 'killed', 9]],
    });
    // One sentence, one candidate: its most specific kind at its most specific place.
    expect(all.map((e) => [e.kind, e.fatalities])).toEqual([['air_strike', 11]]);
  });
});

describe('who and when', () => {
  it('an air strike is by the state actor, against the other', () => {
    const [e] = events('غارة للتحالف على داعش في الرقة.', { events: [['غارة', 'air_strike']], places: [['الرقة', 'SY11']], actors: [['داعش', 'isis'], ['للتحالف', 'coalition']] });
    expect([e!.actor1, e!.actor2]).toEqual(['US-led coalition', 'ISIS']);
  });

  it.each([
    ['a state that strikes under its own name is the actor', 'العراق يشن غارات ضد داعش في البوكمال.', ['Iraqi forces', 'ISIS']],
    ['... with the verb first too', 'شنت تركيا غارات ضد داعش في البوكمال.', ['Turkish army', 'ISIS']],
    ['a state that condemns is no actor (and an air strike no state is named for is by forces unknown)', 'أدانت تركيا غارات داعش في البوكمال.', [null, 'ISIS']],
  ] as const)('%s', (_name, text, actors) => {
    const word = text.includes('أدانت') ? 'أدانت' : text.includes('شنت') ? 'شنت' : 'يشن';
    const country = text.includes('العراق') ? ['العراق', 'IQ'] as const : ['تركيا', 'TR'] as const;
    const [e] = events(text, {
      events: [['غارات', 'air_strike']], actors: [['داعش', 'isis']],
      places: [[country[0], country[1], { role: 'government' }], ['البوكمال', 'SY0902']],
    });
    expect([word, e!.actor1, e!.actor2]).toEqual([word, ...actors]);
  });

  it('a state\'s strike is against the armed group named, before another state named beside it', () => {
    const [e] = events('غارات أمريكية على داعش دعما لهجوم القوات العراقية في الرمادي.', {
      events: [['غارات', 'air_strike']], places: [['الرمادي', 'IQG01Q03']],
      actors: [['أمريكية', 'usa'], ['القوات العراقية', 'iraqi_forces'], ['داعش', 'isis']],
    });
    expect([e!.actor1, e!.actor2]).toEqual(['US forces', 'ISIS']);
  });

  it('in Yemen the "Iranian militias" are the Houthis', () => {
    const [e] = events('قصفت الميليشيات الإيرانية مخيما في الحديدة.', {
      events: [['قصفت', 'shelling']], places: [['الحديدة', 'YE-HU']], actors: [['الميليشيات الإيرانية', 'iran']],
    });
    expect(e!.actor1).toBe('Houthis');
  });

  it('the coalition (التحالف) fighting in Yemen is the Saudi-led one', () => {
    const [e] = events('غارات للتحالف على مواقع الحوثيين في الحديدة.', {
      events: [['غارات', 'air_strike']], places: [['الحديدة', 'YE-HU']], actors: [['للتحالف', 'coalition']],
    });
    expect([e!.actor1, e!.actor2]).toEqual(['Saudi-led coalition', null]);
  });

  it('an attack names ISIS first, and civilians as its victims when no other actor is named', () => {
    const [e] = events('هجوم لداعش في الرقة أدى إلى مقتل 4 مدنيين.', {
      events: [['هجوم', 'attack']], places: [['الرقة', 'SY11']], actors: [['لداعش', 'isis']],
      casualties: [['مقتل 4 مدنيين', 'killed', 4, { group: 'civilians' }]],
    });
    expect([e!.actor1, e!.actor2, e!.event_type, e!.sub_event_type]).toEqual(['ISIS', 'Civilians', 'Violence against civilians', 'Attack']);
  });

  it('the date is the publication date moved by the sentence (أمس), with day precision', () => {
    const [e] = events('قتل 3 في الرقة أمس.', { places: [['الرقة', 'SY11']], casualties: [['قتل 3', 'killed', 3]] });
    expect([e!.date, e!.time_precision]).toEqual(['2018-06-23', 1]);
  });

  it('no publication date: no date', () => {
    const [e] = events('قتل 3 في الرقة أمس.', { places: [['الرقة', 'SY11']], casualties: [['قتل 3', 'killed', 3]] }, '', {}, null);
    expect([e!.date, e!.time_precision]).toEqual([null, null]);
  });
});

describe('understandReport: events of a whole report', () => {
  it('a car bomb in Raqqa this morning', () => {
    const u = understandReport({
      title: 'مقتل أربعة مدنيين بانفجار سيارة مفخخة في الرقة',
      text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين وإصابة سبعة آخرين، وفق مصادر محلية. وتبنى تنظيم داعش الهجوم.',
      publishedAt: '2019-03-05T10:00:00Z',
    });
    expect([u.onTopic, u.incident]).toEqual([true, true]);
    expect(u.eventRecords.map((e) => [e.kind, e.sub_event_type, e.admin1?.pcode, e.date, e.fatalities, e.injuries, e.actor1])).toEqual([
      ['car_bomb', 'Remote explosive/landmine/IED', 'SY11', '2019-03-05', 4, 7, 'ISIS'],
    ]);
  });

  it.each([
    ['a headline of a death sentence', 'الإعدام لـ15 تركية "داعشية" في العراق',
      'أصدرت محكمة عراقية، الأحد، حكما بالإعدام بحق 15 امرأة تركية بتهمة الانتماء إلى تنظيم داعش، حسبما أفادت فرانس برس.'],
    ['a headline of an attack the body denies', 'هجوم على حاجز للجيش في الرقة',
      'نفى مصدر عسكري وقوع هجوم على حاجز للجيش في مدينة الرقة، وقال إن ما تداولته صفحات تنظيم داعش عار عن الصحة.'],
  ])('%s: the title\'s bare word is what the body tells', (_case, title, text) => {
    const u = understandReport({ title, text, publishedAt: '2018-02-25' });
    expect([u.onTopic, u.eventRecords]).toEqual([true, []]);
  });

  it.each([
    ['attackers killed as their attack is foiled: a battle', 'تمكنت قطعات الشرطة الاتحادية في حصيبة الشرقية بمحافظة الأنبار أمس من إحباط محاولة هجوم لتنظيم داعش وقتلت 21 منهم.', 'armed_clash'],
    ['a bystander killed by an intercepted missile: no battle', 'اعترضت الدفاعات الجوية في الأنبار أمس صاروخا أطلقه تنظيم داعش، وأعلن مسؤول محلي مقتل شخص بشظاياه.', 'disrupted'],
  ])('%s', (_case, text, kind) => {
    const u = understandReport({ title: 'الأنبار', text, publishedAt: '2018-04-28' });
    expect(u.eventRecords.map((e) => e.kind)).toEqual([kind]);
  });

  it.each(['رأي.. كاتب يكتب عن اعتداء الفحيص', 'تحليل: ماذا بعد تفجير الفحيص؟', 'كاتبة تكتب لـCNN: ماذا بعد تفجير الفحيص؟', 'كاتب يكتب: الفحيص والإرهاب'])('a column or an analysis says so in its title (%s): no incident', (title) => {
    const u = understandReport({
      title,
      text: 'استهدف الإرهاب الأمن بعبوة ناسفة في مدينة الفحيص الأردنية، وقتل ضابط من الدرك، وهذه معركة طويلة مع تنظيم داعش الإرهابي وأدواته.',
      publishedAt: '2018-08-13',
    });
    expect([u.onTopic, u.incident, u.eventRecords]).toEqual([true, false, []]);
  });

  it.each<[string, string, [string, string | null, number, number][]]>([
    ['two tolls side by side, each in its place, are two happenings (deadliest first)',
      'قتل 29 مدنيا، في قصف مدفعي وغارات سورية وروسية استهدفت مدينة دوما في الغوطة الشرقية، الثلاثاء، فيما قتل 35 مدنيا في ضواحي دمشق بقصف لفصائل المعارضة على سوق شعبي.',
      [['shelling', 'SY03', 35, 0], ['air_strike', 'SY03', 29, 0]]],
    ['an explosion told as a depot\'s is Strategic developments / Other',
      'أدى انفجار وقع في مدينة الصدر الأربعاء إلى مقتل 17 شخصا وإصابة 90 بجروح. وقال بيان صادر عن وزارة الداخلية إن الانفجار وقع نتيجة انفجار مستودع للذخيرة.',
      [['other', 'IQG08', 17, 90]]],
    ['an attack told as chemical is a chemical weapon\'s',
      'قتل 42 شخصا في هجوم كيماوي على مدينة دوما في الغوطة الشرقية.',
      [['chemical', 'SY03', 42, 0]]],
    ['... told by its means (بالغازات السامة)',
      'قتل 11 مدنيا في هجوم بالغازات السامة على مدينة دوما.',
      [['chemical', 'SY03', 11, 0]]],
    ['a strike in answer to a chemical attack stays a strike',
      'قتل 5 عناصر في غارات على مطار الشعيرات في حمص ردا على الهجوم الكيماوي.',
      [['air_strike', 'SY04', 5, 0]]],
    ['both sides\' dead of one fight, told apart, are its toll (4 soldiers, then 43 militants: 47)',
      'أعلنت وزارة الدفاع الروسية أن 4 عسكريين روس قتلوا في هجوم مباغت في دير الزور. وأضافت الوزارة أن 43 مسلحا قتلوا في نفس المعركة.',
      [['armed_clash', 'SY09', 47, 0]]],
    ['the other side\'s figure told far off is another count: the lower',
      'قتل 4 جنود في هجوم على حاجز في دير الزور. وأعلن الجيش حالة التأهب. وأغلقت الطرق. وعادت الحركة إلى المدينة. وكانت الوكالة تحدثت عن مقتل 390 إرهابيا في الهجوم.',
      [['attack', 'SY09', 4, 0]]],
    ['two figures of one side are rival figures: the lower',
      'قتل 5 جنود في هجوم على حاجز في دير الزور. وقال مصدر آخر إن 7 جنود قتلوا في الهجوم.',
      [['attack', 'SY09', 5, 0]]],
    ['a figure of no named side is no side\'s: the lower',
      'قتل 10 أشخاص في هجوم على حاجز في دير الزور. وقال مصدر إن 12 مسلحا قتلوا في الهجوم.',
      [['attack', 'SY09', 10, 0]]],
    ['a depot blown up by a strike is the strike',
      'قصف جوي أدى إلى انفجار مستودع للذخيرة في حماة ومقتل 5 عناصر.',
      [['air_strike', 'SY05', 5, 0]]],
    ['a toll of a happening only referred to is no happening of its own',
      'وأدانت محكمة في العاصمة الإندونيسية الداعشي أمان عبدالرحمن بالتخطيط للاعتداءات التي أوقعت 4 قتلى في جاكرتا.',
      []],
    ['the wounded told beside the killed of one place are the same happening',
      'قتل 5 مدنيين في غارة على مدينة إدلب، فيما أصيب 10 آخرون بجروح.',
      [['air_strike', 'SY07', 5, 10]]],
  ])('%s', (_case, text, expected) => {
    const u = understandReport({ title: 'سوريا', text, publishedAt: '2018-03-20' });
    expect(u.eventRecords.map((e) => [e.kind, e.admin1?.pcode ?? null, e.fatalities, e.injuries])).toEqual(expected);
  });

  it.each<[string, string, string, [string, string | null, string | null][]]>([
    ['a village namesake in a report on another country is not where it happened (Turkey\'s Ras al-Ain, not Hasakah\'s)',
      'حزب العمال الكردستاني يتبنى قتل ضابطين تركيين',
      'أعلن حزب العمال الكردستاني مسؤوليته عن قتل ضابطي شرطة في جنوب شرق تركيا اليوم الأربعاء، وقال إن الضابطين قتلا صباحا ببلدة رأس العين.',
      [['attack', 'TR', null]]],
    ['... beside its own governorate it stays',
      'مقتل ضابطين', 'قتل ضابطان من الشرطة اليوم الأربعاء ببلدة رأس العين في ريف الحسكة.',
      [['attack', 'C4988', 'SY08']]],
    ['a Yemeni al-Kumb in Taiz is not Raqqa\'s',
      'كمين', 'قتل خمسة من المتمردين في كمين نصبه الثوار في منطقة الكمب بمحافظة تعز اليمنية.',
      [['attack', 'YE-TA', 'YE-TA']]],
    ['... and Raqqa\'s al-Kumb is Raqqa\'s',
      'كمين', 'قتل خمسة من المسلحين في كمين في قرية الكمب بريف الرقة.',
      [['attack', 'C6866', 'SY11']]],
    ['a Syrian town in a report that also tells of Iraq\'s Sinjar stays: their stories cross the border',
      'غارة قرب الطبقة', 'قتلت غارة جوية للتحالف 12 مسلحا من داعش قرب الطبقة. واستعادت القوات العراقية قرى في قضاء سنجار.',
      [['air_strike', 'C8745', 'SY11']]],
  ])('%s', (_case, title, text, expected) => {
    const u = understandReport({ title, text, publishedAt: '2015-07-22' });
    expect(u.eventRecords.map((e) => [e.kind, e.location?.pcode ?? null, e.admin1?.pcode ?? null])).toEqual(expected);
  });

  it('of two countries named whole, an outside power is the party and the other the place', () => {
    const u = understandReport({
      title: 'ضربة صاروخية لقاعدة تستخدمها إيران وحزب الله في سوريا',
      text: 'استهدفت ضربات صاروخية ليلة أمس قاعدة عسكرية تستخدمها القوات الإيرانية وعناصر حزب الله، وفق المرصد السوري لحقوق الإنسان.',
      publishedAt: '2018-04-17',
    });
    expect(u.eventRecords.map((e) => [e.kind, e.location?.pcode])).toEqual([['shelling', 'SY']]);
  });

  it('an execution word that is a total\'s own trigger tells the total, not a happening', () => {
    const u = understandReport({
      title: 'رئيس البرلمان العراقي يتحدث عن جرائم داعش',
      text: 'وقال رئيس البرلمان العراقي سليم الجبوري إن الموصل شهدت إعدام أكثر من ألفي مواطن بريء على أيدي تنظيم داعش الإرهابي.',
      publishedAt: '2015-08-07',
    });
    expect(u.eventRecords).toEqual([]);
  });

  it('a headline of an execution the body tells as carried out keeps it', () => {
    const u = understandReport({
      title: 'الإعدام لخمسة مدنيين في البوكمال',
      text: 'نفذ تنظيم داعش حكم الإعدام بحق خمسة مدنيين في ساحة مدينة البوكمال أمس بتهمة التعامل مع التحالف.',
      publishedAt: '2018-02-25',
    });
    expect(u.eventRecords.map((e) => [e.kind, e.admin1?.pcode, e.fatalities])).toEqual([['execution', 'SY09', 5]]);
  });

  it('the tolls of a happening are conflict signals: a funeral of bombing victims is ours', () => {
    const u = understandReport({
      title: 'أبها تودع شهداء الوطن',
      text: 'ودعت أبها أمس 15 شهيدا من أبنائها في مقبرة الشرف، فيما يتلقى 40 مصابا العلاج في المستشفى بعد التفجير الذي طال المسجد.',
      publishedAt: '2015-08-08',
    });
    expect([u.onTopic, u.incident, u.eventRecords.map((e) => [e.kind, e.admin1?.pcode, e.fatalities, e.injuries])]).toEqual([true, true, [['bombing', 'SA-14', 15, 40]]]);
  });

  it.each([['آلاف القتلى', false], ['5 قتلى', true]] as const)('... but a war\'s total is background, not a signal (%s)', (toll, onTopic) => {
    // The topic rules' own call (report-topic.ts), without the shipped topic model.
    const { onTopic: _t, ...rules } = loadReportModel()!;
    setReportModel(rules);
    const u = understandReport({
      title: 'جنازة الممثلة في باريس',
      text: `شيع المئات جثمان الممثلة في باريس أمس، وتحدث أصدقاؤها عن سوريا والحرب والمعتقلين وعن ${toll}، وعن أفلامها والمهرجان.`,
      publishedAt: '2018-08-03',
    });
    setReportModel(undefined);
    expect(u.onTopic).toBe(onTopic);
  });

  it('a football report is off topic and carries no events', () => {
    const u = understandReport({ title: 'ريال مدريد يفوز في الدوري', text: 'فاز ريال مدريد على برشلونة في مباراة الدوري مساء أمس بهدفين، وسجل اللاعب هدفا في الدقيقة الأخيرة.' });
    expect([u.onTopic, u.incident, u.eventRecords]).toEqual([false, false, []]);
  });
});

describe('tolls of other events', () => {
  it.each<[string, string, string, string, [EventKind, string | null, number][]]>([
    ['a title figure the body tells as a period total is that total, not the strike\'s', 'غارات على دير الزور ومقتل 32 مدنيا',
      'قتل 32 مدنيا خلال 24 ساعة في غارات للتحالف على محافظة دير الزور. واستهدفت غارة بلدة السوسة بريف دير الزور ما أسفر عن مقتل 18 مدنيا.',
      '2018-10-19', [['air_strike', 'SY09', 18]]],
  ])('%s', (_name, title, text, publishedAt, expected) => {
    const u = understandReport({ title, text, publishedAt });
    expect(u.eventRecords.map((e) => [e.kind, e.admin1?.pcode ?? null, e.fatalities])).toEqual(expected);
  });
});

describe('datelineEnd', () => {
  it.each([
    ['an agency dateline', 'دبي، الإمارات العربية المتحدة (CNN)— أعلن الحرس الثوري', 'دبي، الإمارات العربية المتحدة (CNN)— '.length],
    ['a city and a dash', 'بيروت - قال مسؤول', 'بيروت - '.length],
    ['a short first line of its own', 'عين اليوم – بغداد\nقال سكان إن 27 شخصا قتلوا.', 'عين اليوم – بغداد\n'.length],
    ['a short first sentence is news, not a dateline', 'قتل 3 في الرقة.\nوقال مصدر', 0],
    ['no dateline', 'قال سكان وشهود إن 27 شخصا قتلوا في أريحا', 0],
  ])('%s', (_name, text, end) => {
    expect(datelineEnd(text)).toBe(end);
  });

  it('a place in the dateline is not where the event happened', () => {
    const text = 'عين اليوم – بغداد\nقتل 27 شخصا في سوق مزدحم في شمال غرب سوريا. وقال المرصد إن البلدة في محافظة إدلب.';
    const [e] = events(text, {
      places: [['بغداد', 'IQG08'], ['سوريا', 'SY'], ['إدلب', 'SY07']], casualties: [['قتل 27 شخصا', 'killed', 27]],
    });
    expect([e!.admin1?.pcode, e!.fatalities]).toEqual(['SY07', 27]);
  });
});

describe('tellsOfChemicalAttack', () => {
  it.each<[string, boolean]>([
    ['الهجوم الكيماوي المفترض على دوما', true],
    ['شن هجمات كيميائية', true],
    ['ضربة كيماوية', true],
    ['قصف المدينة بغاز الكلور', true],
    ['هجوما بالغازات السامة', true],
    ['استهدف البلدة بالسلاح الكيماوي', true],
    ['قنابل مليئة بمواد كيميائية سامة', true],
    ['منظمة حظر الأسلحة الكيميائية', false],
    ['برنامج الأسلحة الكيماوية السوري', false],
    ['مصنع للمواد الكيماوية', false],
    ['هجوم على حاجز', false],
  ])('%s → %s', (text, expected) => {
    expect(tellsOfChemicalAttack(text)).toBe(expected);
  });
});

describe('the parties of a chemical attack', () => {
  it('the accused government against civilians, not the powers that argue over it', () => {
    const u = understandReport({
      title: 'ترامب يهدد الأسد بعد هجوم كيماوي في دوما',
      text: 'قتل 42 مدنيا في هجوم كيماوي شنته قوات النظام السوري على مدينة دوما، فيما حذرت روسيا الولايات المتحدة من أي عمل عسكري.',
      publishedAt: '2018-04-08',
    });
    expect(u.eventRecords.map((e) => [e.kind, e.sub_event_type, e.actor1, e.actor2])).toEqual([
      ['chemical', 'Chemical weapon', 'Syrian army', 'Civilians'],
    ]);
  });
});

describe('a coalition\'s attack told with an attack word alone is from the air', () => {
  it.each<[string, string, [string, string, string | null, string | null][]]>([
    ['where it fights from the air: an air strike', 'استهدف التحالف الدولي مواقع تنظيم داعش في مدينة الرقة.',
      [['air_strike', 'Air/drone strike', 'US-led coalition', 'ISIS']]],
    ['beside the ground forces it backs: their attack', 'هاجمت القوات العراقية بإسناد من التحالف الدولي مواقع داعش في الرمادي.',
      [['attack', 'Armed clash', 'ISIS', 'Iraqi forces']]],
    ['its own dead, told with no attack word: no strike', 'قتل ثلاثة من جنود التحالف في اليمن.',
      [['attack', 'Armed clash', 'Saudi-led coalition', null]]],
  ])('%s', (_case, text, expected) => {
    const u = understandReport({ title: 'خبر', text, publishedAt: '2018-05-07' });
    expect(u.eventRecords.map((e) => [e.kind, e.sub_event_type, e.actor1, e.actor2])).toEqual(expected);
  });
});

describe('the second actor is the other side', () => {
  it.each<[string, string, string, [string | null, string | null]]>([
    ['Yemen\'s forces with the coalition\'s backing, against the Houthis', 'معارك في تعز',
      'تقدمت قوات الجيش الوطني بإسناد من التحالف العربي في معارك عنيفة مع ميليشيات الحوثي في مدينة تعز.', ['Yemeni government forces', 'Houthis']],
    ['only allies named: no second actor', 'معارك في القيروان',
      'استعادت القوات العراقية والحشد الشعبي السيطرة على قرى في ناحية القيروان بعد معارك عنيفة.', ['Iraqi forces', null]],
    ['الجيش الوطني outside Yemen is not Yemen\'s forces', 'معارك في بنغازي',
      'اندلعت معارك عنيفة بين الجيش الوطني ومسلحين في مدينة بنغازي.', [null, null]],
  ])('%s', (_case, title, text, expected) => {
    const u = understandReport({ title, text, publishedAt: '2018-05-02' });
    expect([u.eventRecords[0]?.actor1 ?? null, u.eventRecords[0]?.actor2 ?? null]).toEqual(expected);
  });
});
