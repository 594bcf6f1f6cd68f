/**
 * The broad queries: one word matching a large share of the corpus, where the cost of ranking every
 * match shows (the bench also prints them one by one).
 */
export const BROAD_QUERIES: readonly string[] = ['attacks', 'هجوم', 'داعش', 'Syria'];

/** The fixed query set the benchmark times (English and Arabic, the kinds the team asks). */
export const BENCH_QUERIES: readonly string[] = [
  ...BROAD_QUERIES,
  'attacks in Raqqa',
  'هجمات في الرقة',
  'car bombs Deir ez-Zor 2015',
  'sleeper cells Hasakah',
  'ISIS Mosul',
  'داعش الموصل',
  'airstrikes Aleppo',
  'غارات جوية على حلب',
  'suicide attack Baghdad',
  'تفجير انتحاري في بغداد',
  'kidnapping Idlib',
  'اختطاف في إدلب',
  'coalition airstrike Raqqa since 2018',
  'قوات سوريا الديمقراطية دير الزور',
  'Palmyra',
  'تدمر',
  'prison break',
  '"تنظيم الدولة" الرقة',
  'executions ISIS',
  'النفط داعش',
];
