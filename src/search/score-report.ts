/**
 * The one scoring function of search. A report's score adds up the evidence that it answers the query,
 * times the share of the query's parts it matched; no query part is a condition (except a quoted phrase,
 * filtered before). See docs/ARCHITECTURE.md, "Ranking".
 */

/** A report's evidence for one query, gathered by retrieval (text and facets) and by reading its head sentences. */
export interface ReportEvidence {
  readonly id: number;
  readonly publishedAt: string | null;
  /** Whether the report is about the conflict (reports.on_topic); off-topic reports rank lower. */
  readonly onTopic: boolean;
  /** BM25 over analyzed title (weight 5) and body of the query's place, event and word terms, ORed; 0 when none. */
  text: number;
  /** The report's facet rows for the query's place, event and actor parts. */
  readonly facets: Partial<Record<'place' | 'event' | 'actor', { mentions: number; inTitle: boolean }>>;
  /** The query parts it matched (part keys). */
  readonly matched: Set<string>;
  /** How many query parts its title matched. */
  titled: number;
  /** Event evidence in [0, 1] (event-evidence.ts); only for the head. */
  event: number;
  /** Most distinct facet parts (place, event, actor) named in one sentence, and in one paragraph; only for the head. */
  sentence: number;
  paragraph: number;
  score: number;
}

/** The weights. Text is BM25 (typically 2 to 20 for a good match); the rest are added on top. */
export const WEIGHT = {
  /**
   * 1.5 since the title's coverage and the events' words (dev nDCG@10: 1 gave 0.810, 1.3 0.817, 1.5
   * 0.818, 2 0.815). It also stands for what a second, Snowball-stemmed field added: see
   * docs/ARCHITECTURE.md, "Arabic analysis".
   */
  text: 1.5,
  /** A facet present: per part, once, plus the log of its mentions; more when in the title. */
  facet: { place: 1, event: 1, actor: 0.5 },
  facetTitle: 4,
  /**
   * Event evidence weighs most: a report telling of the event at the place beats one naming both.
   * 12 before the title's coverage below; with it, 4 to 8 gave the same dev figure (0.805 at 8, 0.800 at 12).
   */
  event: 8,
  /** Facet parts together in one sentence (per part beyond the first), in one paragraph. */
  sentence: 2,
  paragraph: 1,
  /**
   * An off-topic report's score is multiplied by this (sport, economy, a disaster elsewhere): a story
   * about neurons or a football "attack" ranks below reports about the conflict, yet is still found
   * when nothing on topic matches, so a wrong on-topic call costs rank, never recall. 0.7 since the
   * topic call misses reports a query asks about (church bombings in Indonesia, chemical weapons, the
   * youth ISIS draws). Dev nDCG@10 with the title's event words and the records elsewhere: 0.5 0.8529,
   * 0.7 0.8559, 0.8 0.8562; on the tree before them (0.5: 0.8507): 0.35 0.8480, 0.6 0.8524, 0.7 0.8537,
   * 0.8 0.8540, 1 0.8489.
   */
  offTopic: 0.7,
  /**
   * Per query part beyond the first that the title holds: a title is what the report is about, so
   * "2080 Yazidis abducted by ISIS" above "Barzani: Sinjar will be freed from ISIS" (measured on the dev
   * queries, from nDCG@10 0.779 without it: 2 gave 0.782, 4 0.788, 8 0.793, 12 and 20 0.786). 12 since
   * ranking multiplies by the share of parts matched instead of putting complete reports first (dev, 46
   * queries: 4 gave 0.834, 8 0.840, 12 0.851, 16 0.853, 20 0.851, 24 0.850).
   */
  titleParts: 12,
  /**
   * The parts a report with evidence but no matched part counts as (an event's words in a report whose
   * sentences were not annotated with that event: a prison named beside no attack): half a part, so
   * such a report ranks below one holding the event with the same evidence. It counted as one part,
   * which put word-only reports beside annotated ones on a one-part query (هجوم على سجن: a preacher's
   * release, a sentence in prison). Dev nDCG@10 0.851 → 0.852 (Arabic 0.834 → 0.835, English 0.873 →
   * 0.874: prison attack 0.820 → 0.847 in both languages, no other query moved); 0.25 and 0.75 gave
   * the same, 0.9 0.839 on that query.
   */
  unmatched: 0.5,
} as const;

/**
 * The score: weighted text, facets, event evidence and proximity, times the share of the query's `parts`
 * the report matched (Lucene's coordination factor): a report missing one of three parts keeps two thirds
 * of its evidence, so a strong report missing a word ranks above a weak one that only names every part,
 * and among equals the complete one ranks first. A report with evidence that matched no part (an event's
 * words without its annotation are evidence, not a match) counts as matching `WEIGHT.unmatched` of a part.
 * Recency is not in it; it only breaks ties.
 */
export function scoreReport(e: ReportEvidence, parts: number): number {
  let s = WEIGHT.text * e.text;
  for (const kind of ['place', 'event', 'actor'] as const) {
    const f = e.facets[kind];
    if (f === undefined) continue;
    s += WEIGHT.facet[kind] * (1 + Math.log1p(f.mentions)) + (f.inTitle ? WEIGHT.facetTitle : 0);
  }
  s += WEIGHT.event * e.event;
  if (e.titled >= 2) s += WEIGHT.titleParts * (e.titled - 1);
  if (e.sentence >= 2) s += WEIGHT.sentence * (e.sentence - 1);
  if (e.paragraph >= 2) s += WEIGHT.paragraph * (e.paragraph - 1);
  if (parts > 0) s *= Math.max(WEIGHT.unmatched, Math.min(e.matched.size, parts)) / parts;
  return e.onTopic ? s : s * WEIGHT.offTopic;
}

/**
 * The order of results: by score, then newest (unknown dates last), then the newest ingested. Matching
 * every part is no tier of its own (it was: a weak report naming every part outranked strong ones that
 * miss a word; dev nDCG@10 0.810 → 0.818 with the coverage factor instead); it counts through the score.
 */
export function compareEvidence(a: ReportEvidence, b: ReportEvidence): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return a.publishedAt < b.publishedAt ? 1 : -1;
  }
  return b.id - a.id;
}
