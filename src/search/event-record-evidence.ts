/**
 * Event evidence from event records (the `events` and `event_places` tables): a report whose own event
 * record is of the query's kind (or a narrower one) and located at the query's place, or inside it,
 * answers "attacks in Raqqa"; one that only names an attack and Raqqa in a sentence is weaker evidence.
 */
import type { SearchIndex } from '../store/search-index.js';
import { recordKindsOf } from '../understand/acled-types.js';
import type { EventEvidence } from './event-evidence.js';

/**
 * The evidence of a record of the query's kind (at its place) with this seq: the report's main event (seq 0)
 * is what it is about; a later event of the kind still answers.
 */
export function recordEvidence(seq: number): number {
  return seq === 0 ? 1 : 0.8;
}
/**
 * A sentence that names the kind and the place without an event record behind it (a recalled attack,
 * a statement about one, a kind records do not keep such as threats or sleeper cells) counts for
 * at most this share of its sentence evidence, so located events rank first.
 */
const SENTENCE_SHARE = 0.5;

/**
 * Evidence in [0, 1] from event records, falling back to `sentences` (the annotated-sentence
 * evidence) scaled by SENTENCE_SHARE; the higher of the two counts. When the query names a place, a
 * report whose own records of the kind are all located elsewhere gets no sentence evidence: it tells
 * of such an event somewhere else, and its sentence naming the kind and the place (a drone attack on
 * Hmeimim, in Latakia, beside a line on Raqqa) is no attack in Raqqa.
 */
export function eventRecordEvidence(index: Pick<SearchIndex, 'eventSeqs'>, sentences: EventEvidence): EventEvidence {
  return (ids, query, context) => {
    const out = new Map<number, number>();
    for (const [id, score] of sentences(ids, query, context)) out.set(id, score * SENTENCE_SHARE);
    if (query.events.length === 0 || ids.length === 0) return out;
    const kinds = recordKindsOf(query.events);
    const placed = query.places.length > 0;
    const rows = index.eventSeqs(ids, kinds, placed ? query.places : null);
    if (placed && out.size > 0) {
      const here = new Set(rows.map((r) => r.id));
      for (const r of index.eventSeqs([...out.keys()], kinds, null)) if (!here.has(r.id)) out.delete(r.id);
    }
    for (const r of rows) out.set(r.id, Math.max(out.get(r.id) ?? 0, recordEvidence(r.seq)));
    return out;
  };
}
