/** English query words that are neither places, events nor actors, with the Arabic words they stand for. */

/** Words that carry no meaning in a query ("reports about attacks in Raqqa"). */
export const ENGLISH_QUERY_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'of', 'for', 'about', 'around', 'near', 'by', 'with', 'from', 'to',
  'and', 'or', 'not', 'into', 'across', 'against', 'between', 'within', 'inside', 'outside',
  'show', 'me', 'find', 'search', 'any', 'all', 'some', 'what', 'which', 'who', 'where', 'when',
  'report', 'reports', 'news', 'story', 'stories', 'article', 'articles', 'latest', 'recent', 'new',
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'there', 'their', 'its', 'it', 'this', 'that',
  'province', 'governorate', 'city', 'town', 'village', 'region', 'area', 'countryside', 'rural',
]);

/**
 * Domain words: each English word (lower case, singular and plural) maps to Arabic alternatives,
 * any of which may match. The Arabic goes through the same analyzer as the indexed text.
 */
export const ENGLISH_GLOSSARY: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      [['prison', 'prisons', 'jail', 'jails'], ['سجن', 'سجون', 'السجن', 'السجون']],
      [['camp', 'camps'], ['مخيم', 'مخيمات']],
      [['oil'], ['نفط', 'النفط', 'النفطي', 'النفطية']],
      [['checkpoint', 'checkpoints'], ['حاجز', 'حواجز']],
      [['patrol', 'patrols'], ['دورية', 'دوريات']],
      [['civilian', 'civilians'], ['مدنيين', 'مدنيون', 'المدنيين']],
      [['child', 'children', 'kids'], ['أطفال', 'الأطفال', 'طفل']],
      [['woman', 'women'], ['نساء', 'النساء', 'امرأة']],
      [['fighter', 'fighters', 'militants', 'militant', 'jihadists'], ['مقاتلين', 'مقاتلي', 'مسلحين', 'عناصر']],
      [['leader', 'leaders', 'commander', 'commanders', 'emir'], ['زعيم', 'قائد', 'قيادي', 'قياديين', 'أمير']],
      [['tribe', 'tribes', 'tribal', 'clan', 'clans'], ['عشيرة', 'عشائر', 'قبائل', 'القبائل']],
      [['desert', 'badia'], ['بادية', 'البادية', 'الصحراء']],
      [['border', 'borders'], ['حدود', 'الحدود', 'الحدودية']],
      [['refugee', 'refugees', 'displaced'], ['لاجئين', 'نازحين', 'النازحين']],
      [['family', 'families'], ['عائلات', 'عائلة', 'أسر']],
      [['foreign', 'foreigners'], ['أجانب', 'الأجانب', 'الأجنبية']],
      [['weapon', 'weapons', 'arms'], ['أسلحة', 'سلاح', 'الأسلحة']],
      [['funding', 'money', 'finance', 'financing'], ['تمويل', 'أموال', 'الأموال']],
      [['propaganda', 'media'], ['دعاية', 'إعلام', 'الإعلامية']],
      [['caliphate'], ['خلافة', 'الخلافة']],
      [['resurgence', 'comeback', 'return'], ['عودة', 'يعيد', 'استعادة']],
      [['victory', 'defeat'], ['النصر', 'هزيمة', 'القضاء']],
      [['statement', 'claim', 'claimed', 'claims'], ['تبنى', 'بيان', 'أعلن', 'مسؤوليته']],
      [['hostage', 'hostages', 'prisoner', 'prisoners', 'detainees'], ['رهائن', 'أسرى', 'معتقلين', 'المعتقلين']],
      [['soldier', 'soldiers', 'troops'], ['جنود', 'جندي', 'الجنود', 'قوات']],
      [['police'], ['شرطة', 'الشرطة']],
      [['school', 'schools'], ['مدرسة', 'مدارس']],
      [['hospital', 'hospitals'], ['مستشفى', 'مشفى']],
      [['mosque', 'mosques'], ['مسجد', 'جامع']],
      [['market', 'markets'], ['سوق', 'أسواق']],
      [['road', 'highway'], ['طريق', 'الطريق']],
    ] as const
  ).flatMap(([english, arabic]) => english.map((word) => [word, arabic] as const)),
);
