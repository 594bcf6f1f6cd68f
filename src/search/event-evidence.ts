/**
 * Event evidence: how strongly a report tells of an event of the query's type at the query's place.
 * Ranking asks this one function and weighs its answer most; today it reads the per-sentence
 * annotations stored with each report, and an event-records table can replace it (see
 * `docs/ARCHITECTURE.md`, "Ranking").
 */
/** What the evidence is asked about: the query's place keys and event types (possibly empty). */
export interface EventQuery {
  readonly places: readonly string[];
  readonly events: readonly string[];
}

/**
 * Evidence per report, in [0, 1]: 1 when the report itself tells of such an event (the event type, or a
 * narrower one, happening at the place or inside it), lower when it only names them apart. Reports
 * not in the map have none. Only called for the head of the ranking (at most a few hundred ids).
 */
export type EventEvidence = (
  reportIds: readonly number[],
  query: EventQuery,
  context: EvidenceContext,
) => ReadonlyMap<number, number>;

/** What search has already read for the head, so evidence need not read it again. */
export interface EvidenceContext {
  /** The report's annotated sentences (reports.understanding). */
  sentences(reportId: number): readonly StoredSentence[];
}

/** The catalog the default evidence needs: place lineages and broader event types. */
export interface EvidenceCatalog {
  placeLineage(pcode: string): readonly string[];
  eventAncestors(type: string): readonly string[];
}

export interface StoredSentence {
  readonly paragraph: number;
  readonly places: readonly string[];
  readonly events: readonly string[];
  readonly actors: readonly string[];
}

/** Evidence when the event and the place share a sentence; a little more when that sentence is in the lead. */
const SAME_SENTENCE = 0.75;
const IN_LEAD = 0.25;
/** Without a place in the query, the event in the lead paragraph is what the report is about; deeper, it is a side note. */
const EVENT_IN_LEAD = 1;
const EVENT_ELSEWHERE = 0.4;
/** Paragraphs 0 and 1: the title line and the opening paragraph of a news report. */
const LEAD_PARAGRAPHS = 2;

/**
 * The default evidence, from the annotated sentences in `reports.understanding`: a sentence naming an
 * event of the query's type (or narrower) and a place inside one of the query's places. Without a
 * place in the query, the event's sentence position decides; without an event, there is no evidence.
 */
export function sentenceEventEvidence(catalog: EvidenceCatalog): EventEvidence {
  return (ids, query, context) => {
    const out = new Map<number, number>();
    if (query.events.length === 0) return out;
    const events = new Set(query.events);
    const places = new Set(query.places);
    for (const id of ids) {
      let best = 0;
      for (const s of context.sentences(id)) {
        if (!s.events.some((e) => catalog.eventAncestors(e).some((a) => events.has(a)))) continue;
        const lead = s.paragraph < LEAD_PARAGRAPHS;
        if (places.size === 0) {
          best = Math.max(best, lead ? EVENT_IN_LEAD : EVENT_ELSEWHERE);
        } else if (s.places.some((p) => catalog.placeLineage(p).some((l) => places.has(l)))) {
          best = Math.max(best, SAME_SENTENCE + (lead ? IN_LEAD : 0));
        }
      }
      if (best > 0) out.set(id, best);
    }
    return out;
  };
}
