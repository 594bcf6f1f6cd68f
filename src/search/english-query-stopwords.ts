/** English words that carry no meaning in a query; the domain's words are in data/lexicon/en-ar.tsv (english-lexicon.ts). */

/** Words that carry no meaning in a query ("reports about attacks in Raqqa"). */
export const ENGLISH_QUERY_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'of', 'for', 'about', 'around', 'near', 'by', 'with', 'from', 'to',
  'and', 'or', 'not', 'into', 'across', 'against', 'between', 'within', 'inside', 'outside',
  'show', 'me', 'find', 'search', 'any', 'all', 'some', 'what', 'which', 'who', 'where', 'when',
  'report', 'reports', 'news', 'story', 'stories', 'article', 'articles', 'latest', 'recent', 'new',
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'there', 'their', 'its', 'it', 'this', 'that',
  'province', 'governorate', 'city', 'town', 'village', 'region', 'area', 'countryside', 'rural',
]);
