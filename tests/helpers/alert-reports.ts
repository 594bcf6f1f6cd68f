/** Reports Rasid reads as events located in Deir ez-Zor (one each), for the spike-alert tests. */

const TEXTS = [
  'هاجم مسلحون من تنظيم داعش حاجزا أمنيا في ريف دير الزور الشرقي ما أدى إلى مقتل عنصرين من قوات سوريا الديمقراطية.',
  'انفجرت عبوة ناسفة بسيارة عسكرية في بلدة الشحيل بريف دير الزور ما أسفر عن إصابة ثلاثة عناصر.',
  'اغتال مجهولون يرجح انتماؤهم لخلايا داعش مختاراً في بلدة ذيبان شرقي دير الزور.',
  'استهدفت خلايا تنظيم داعش بالرصاص دورية لقوات النظام قرب مدينة الميادين في ريف دير الزور ما أدى إلى مقتل جندي.',
  'قتل مدنيان بانفجار لغم أرضي من مخلفات تنظيم داعش في بادية البوكمال شرقي دير الزور.',
  'شنت قوات سوريا الديمقراطية حملة مداهمات في بلدة البصيرة بريف دير الزور واعتقلت خمسة مشتبهين بالانتماء لتنظيم داعش.',
  'هاجم عناصر من داعش نقطة عسكرية في بلدة هجين بريف دير الزور الشرقي وقتلوا ثلاثة من حراسها.',
];
/** Their titles, in the same order (tolls: 2 killed, 3 wounded, none, 1 killed, 2 killed, none, 3 killed). */
export const DEIR_EZ_ZOR_TITLES = ['هجوم على حاجز في ريف دير الزور', 'عبوة ناسفة في الشحيل', 'اغتيال مختار في ذيبان', 'استهداف دورية قرب الميادين', 'لغم في بادية البوكمال', 'مداهمات في البصيرة', 'هجوم على نقطة في هجين'];

/** Telling `k` of story `n` (a distinct report: its own text and URL; the story's title), published at `publishedAt`. */
export function deirEzZorReport(n: number, k: number, publishedAt: string, outlet = 'عنب بلدي') {
  return {
    text: `${TEXTS[n % TEXTS.length]} وأفاد مراسل الشبكة رقم ${k} بذلك.`,
    title: DEIR_EZ_ZOR_TITLES[n % DEIR_EZ_ZOR_TITLES.length]!,
    url: `https://example.org/dez/${k}`,
    source: outlet,
    publishedAt,
    origin: `dez-${k}`,
  };
}

/** An unrelated old report, so the corpus reaches back beyond the 28 days of history. */
export function oldHomsReport(publishedAt: string) {
  return { text: 'اندلعت اشتباكات بين قوات النظام وخلايا تنظيم داعش في بادية حمص الشرقية أسفرت عن مقتل ستة عناصر.', title: 'اشتباكات في بادية حمص', url: 'https://example.org/homs', publishedAt, origin: 'homs' };
}

/**
 * A JSON-lines file of reports relative to `now`: the old report (40 days), one Deir ez-Zor event a week for
 * three weeks, and `burst` events in the last hours: what `rasid ingest` reads.
 */
export function alertCorpusJsonl(now: number, burst: number): string {
  const day = 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const rows = [
    oldHomsReport(at(now - 40 * day)),
    ...[21, 14, 7].map((d, i) => deirEzZorReport(i, 100 + i, at(now - d * day))),
    ...Array.from({ length: burst }, (_, i) => deirEzZorReport(6 - (i % 7), 200 + i, at(now - (i + 2) * 3_600_000))),
  ];
  return rows.map(({ publishedAt, ...r }) => JSON.stringify({ ...r, published_at: publishedAt })).join('\n') + '\n';
}
