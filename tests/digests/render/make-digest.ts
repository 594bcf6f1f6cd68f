/** Digest fixtures for the renderer tests: a realistic small digest and generated big ones that force splits. */
import type { Digest, DigestGroup, DigestItem, DigestSource } from '../../../digests/digest.js';
import type { Labeled } from '../../../src/search/search-answer.js';

/** A place or event label. */
export const label = (key: string, ar: string, en = key): Labeled => ({ key, en, ar });

export const RAQQA = label('raqqa', 'الرقة', 'Raqqa');
export const DEIR = label('deir_ez_zor', 'دير الزور', 'Deir ez-Zor');
export const HASAKAH = label('hasakah', 'الحسكة', 'Hasakah');
export const BOMBING = label('bombing', 'تفجير');
export const CAR_BOMB = label('car_bomb', 'سيارة مفخخة');
export const ATTACK = label('attack', 'هجوم');
export const ASSASSINATION = label('assassination', 'اغتيال');
export const KIDNAPPING = label('kidnapping', 'اختطاف');
export const ARREST = label('arrest', 'اعتقال');

/** An item with every field defaulted from its id; override what a test is about. */
export function makeItem(id: number, over: Partial<DigestItem> = {}): DigestItem {
  return {
    reportId: id,
    title: `عنوان الخبر رقم ${id}`,
    summary: `ملخص الخبر رقم ${id} كما ورد في التقرير.`,
    publishedAt: '2024-03-04T06:30:00Z',
    outlet: 'عنب بلدي',
    url: `https://example.org/r/${id}`,
    events: [ATTACK],
    casualties: null,
    alsoReportedBy: [],
    significance: 1,
    ...over,
  };
}

export function makeSource(id: number, outlet: string | null, over: Partial<DigestSource> = {}): DigestSource {
  return { reportId: id, outlet, url: `https://example.net/s/${id}`, title: `رواية أخرى ${id}`, publishedAt: null, ...over };
}

/** A digest of the given groups, with counts derived from them unless given. */
export function makeDigest(groups: readonly DigestGroup[], over: Partial<Digest> = {}): Digest {
  const items = groups.flatMap((g) => g.items);
  const events = new Set(items.flatMap((i) => i.events.map((e) => e.key)));
  return {
    period: { from: '2024-03-03T11:00:00Z', to: '2024-03-04T05:00:00Z' },
    timezone: 'Asia/Damascus',
    counts: {
      reports: items.reduce((n, i) => n + 1 + i.alsoReportedBy.length, 0),
      stories: items.length,
      governorates: groups.filter((g) => g.governorate).length,
      eventTypes: events.size,
      events: items.filter((i) => i.events.length > 0).length,
      killed: items.reduce((n, i) => n + (i.casualties?.killed ?? 0), 0),
      wounded: items.reduce((n, i) => n + (i.casualties?.wounded ?? 0), 0),
    },
    eventTypes: [],
    groups,
    omitted: 0,
    ...over,
  };
}

/** `groups` governorates of `perGroup` items each, the summaries `summaryWords` long: enough to force splits. */
export function bigDigest(groups: number, perGroup: number, summaryWords = 40, sources = 3): Digest {
  let id = 0;
  return makeDigest(
    Array.from({ length: groups }, (_, g) => ({
      governorate: g === groups - 1 ? null : label(`gov${g}`, `محافظة ${g + 1}`),
      items: Array.from({ length: perGroup }, () => {
        id++;
        return makeItem(id, {
          title: `خبر فريد رقم ${id} عن هجوم <مسلح> & "كمين"`,
          summary: `بداية ملخص ${id} ` + Array.from({ length: summaryWords }, (_, w) => `كلمة${w}`).join(' ') + ` نهاية ملخص ${id}.`,
          url: `https://example.org/news?id=${id}&x="q"(${id})`,
          casualties: { killed: id % 5, wounded: null },
          alsoReportedBy: Array.from({ length: sources }, (_, s) => makeSource(id * 100 + s, `مصدر ${s}`)),
        });
      }),
    })),
    { omitted: 7 },
  );
}

/** Three governorates and «other places», eight stories, merged sources, one without a URL, one with HTML in its title. */
export function realisticDigest(): Digest {
  return makeDigest(
    [
      {
        governorate: RAQQA,
        items: [
          makeItem(101, {
            title: 'تفجير سيارة مفخخة وسط مدينة الرقة يقتل 10 مدنيين',
            summary: 'قُتل عشرة مدنيين وأصيب ثلاثة آخرون بانفجار سيارة مفخخة قرب دوار النعيم وسط مدينة الرقة صباح الإثنين.',
            publishedAt: '2024-03-03T22:15:00Z',
            outlet: 'عنب بلدي',
            url: 'https://www.enabbaladi.net/archives/700101',
            events: [BOMBING, CAR_BOMB],
            casualties: { killed: 10, wounded: 3 },
            alsoReportedBy: [
              makeSource(102, 'فرات بوست', { url: 'https://furatpost.com/?p=5501' }),
              makeSource(103, 'الخابور', { url: 'https://alkhabour.com/ar/2024/03/04/raqqa' }),
            ],
            significance: 30,
          }),
          makeItem(104, {
            title: 'خلية لتنظيم الدولة تغتال عنصراً من "قسد" في ريف الرقة الشرقي',
            summary: 'اغتال مسلحون يُعتقد أنهم من خلايا تنظيم الدولة عنصراً من قوات سوريا الديمقراطية في بلدة الكرامة.',
            publishedAt: '2024-03-04T03:40:00Z',
            outlet: 'فرات بوست',
            url: 'https://furatpost.com/?p=5502',
            events: [ASSASSINATION],
            casualties: { killed: 1, wounded: null },
            significance: 20,
          }),
          makeItem(105, {
            title: 'بيان <b>التحالف</b> & "قسد": حملة تمشيط في الرقة',
            summary: 'أعلن التحالف وقسد بدء حملة تمشيط تستهدف خلايا التنظيم في محيط الرقة <عاجل>.',
            publishedAt: '2024-03-04T04:05:00Z',
            outlet: 'نورث برس',
            url: 'https://npasyria.com/ar/news?id=5&lang=ar&q="x"(1)',
            events: [],
            significance: 5,
          }),
        ],
      },
      {
        governorate: DEIR,
        items: [
          makeItem(106, {
            title: 'هجوم لخلايا داعش على نقطة عسكرية في بادية الميادين',
            summary: 'هاجمت خلايا التنظيم نقطة لقوات النظام في بادية الميادين ما أدى إلى مقتل أربعة عناصر وجرح اثنين.',
            publishedAt: '2024-03-03T19:00:00Z',
            outlet: 'Reuters',
            url: 'https://www.reuters.com/world/middle-east/syria-attack-2024-03-03/',
            events: [ATTACK],
            casualties: { killed: 4, wounded: 2 },
            alsoReportedBy: [makeSource(107, null, { title: 'مقتل 4 عناصر بهجوم في بادية الميادين', url: 'https://deirezzor24.net/?p=9' })],
            significance: 25,
          }),
          makeItem(108, {
            title: 'اختطاف راعي أغنام في بادية دير الزور',
            summary: 'خطف مسلحون مجهولون راعي أغنام في بادية الشولا جنوب دير الزور.',
            publishedAt: null,
            outlet: null,
            url: null,
            events: [KIDNAPPING],
            significance: 10,
          }),
          makeItem(109, {
            title: 'تحليل: لماذا تتصاعد هجمات التنظيم شرق الفرات؟',
            summary: 'يرى باحثون أن انسحاب نقاط عسكرية من البادية فتح الطريق أمام خلايا التنظيم.',
            publishedAt: '2024-03-04T01:00:00Z',
            outlet: 'عنب بلدي',
            url: 'https://www.enabbaladi.net/archives/700109',
            events: [],
            significance: 1,
          }),
        ],
      },
      {
        governorate: HASAKAH,
        items: [
          makeItem(110, {
            title: 'استنفار أمني حول مخيم الهول بعد محاولة فرار',
            summary: 'استنفرت قوى الأمن الداخلي حول مخيم الهول بعد محاولة عدد من نساء التنظيم الفرار.',
            publishedAt: '2024-03-04T02:20:00Z',
            outlet: 'نورث برس',
            url: 'https://npasyria.com/ar/110',
            events: [ARREST],
            significance: 8,
          }),
        ],
      },
      {
        governorate: null,
        items: [
          makeItem(111, {
            title: 'القبض على قيادي في داعش بكركوك',
            summary: 'أعلنت خلية الإعلام الأمني العراقية القبض على قيادي في التنظيم في كركوك.',
            publishedAt: '2024-03-04T00:10:00Z',
            outlet: 'السومرية',
            url: 'https://www.alsumaria.tv/news/111',
            events: [ARREST],
            significance: 6,
          }),
        ],
      },
    ],
    { omitted: 3 },
  );
}

/** A small digest for the exact-output tests: one governorate of two stories, «other places» of one, one left out. */
export function smallDigest(): Digest {
  return makeDigest(
    [
      {
        governorate: RAQQA,
        items: [
          makeItem(1, {
            title: 'تفجير سيارة مفخخة في الرقة',
            summary: 'قُتل 3 مدنيين بانفجار سيارة مفخخة.',
            publishedAt: '2024-03-03T22:15:00Z',
            outlet: 'عنب بلدي',
            url: 'https://example.org/r/1',
            events: [BOMBING, CAR_BOMB],
            casualties: { killed: 3, wounded: 7 },
            alsoReportedBy: [makeSource(2, 'فرات بوست'), makeSource(3, null, { title: 'انفجار في الرقة', url: null })],
          }),
          makeItem(4, {
            title: 'اختطاف راع في ريف الرقة',
            summary: 'خطف مسلحون راعياً.',
            publishedAt: null,
            outlet: null,
            url: null,
            events: [],
            casualties: { killed: null, wounded: 1 },
          }),
        ],
      },
      {
        governorate: null,
        items: [
          makeItem(5, {
            title: 'القبض على قيادي في كركوك',
            summary: 'أعلنت السلطات القبض على قيادي.',
            publishedAt: '2024-03-04T00:10:00Z',
            outlet: 'السومرية',
            url: 'https://example.org/r/5',
            events: [ARREST],
          }),
        ],
      },
    ],
    { omitted: 1, period: { from: null, to: '2024-03-04T05:00:00Z' } },
  );
}

/** The digest with no stories. */
export function emptyDigest(from: string | null = '2024-03-03T11:00:00Z'): Digest {
  return makeDigest([], { period: { from, to: '2024-03-04T05:00:00Z' } });
}
