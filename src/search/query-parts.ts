/** Splits a parsed query into the parts that ranking weighs: its places, events, actors, each free word and each quoted phrase. */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import { quoteTerm } from './build-match-expression.js';
import type { ParsedQuery } from './parse-query.js';

/** How ranking and results name a kind of query part. */
export type PartKind = 'place' | 'event' | 'actor' | 'word' | 'phrase';

/** A facet table a part is looked up in (primary key `(column, report_id)`). */
export interface FacetLookup {
  readonly table: 'report_places' | 'report_events' | 'report_actors';
  readonly column: 'pcode' | 'event_type' | 'actor';
  readonly keys: readonly string[];
}

export interface QueryPart {
  /** Stable within one query: `place`, `event`, `actor` (`actor:<key>` each when several), `word:<term>`, `phrase:<terms>`. */
  readonly key: string;
  readonly kind: PartKind;
  /** What the user wrote for it (or the analyzed word), for "matched" and "missing" lists. */
  readonly label: string;
  /**
   * FTS5 expression of the part's words in analyzed text (alternatives ORed), or null when it has none. An
   * actor's is its label and what the user wrote (داعش, جبهة النصرة): its many other names are left to its facet.
   */
  readonly text: string | null;
  /** The analyzed terms of each of its wordings (`text` is them quoted and ORed). */
  readonly wordings: readonly (readonly string[])[];
  /** Where its facet postings are, for places, events and actors. */
  readonly facet: FacetLookup | null;
  /** Only a quoted phrase is a condition; every other part is evidence. */
  readonly gate: boolean;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** How Arabic text writes a place, event type or actor (see FacetCatalog.arabicForms). */
export type ArabicForms = (kind: 'place' | 'event' | 'actor', key: string) => readonly string[];

/** The analyzed forms, each once: one word, or several as a phrase. */
function formsWordings(forms: readonly string[], analyzer: Analyzer): string[][] {
  const alternatives = new Map<string, string[]>();
  for (const form of forms) {
    const terms = analyzer.terms(form);
    if (terms.length > 0) alternatives.set(terms.join(' '), terms);
  }
  return [...alternatives.values()];
}

/** Wordings as FTS5 alternatives: one word quoted, several words as a quoted phrase. */
function orExpression(wordings: readonly (readonly string[])[]): string | null {
  return wordings.length === 0 ? null : wordings.map((w) => quoteTerm(w.join(' '))).join(' OR ');
}

/** The query's parts in a fixed order: place, event, actor, then words and phrases as written. */
export function queryParts(q: ParsedQuery, deps: { analyzer: Analyzer; arabicForms: ArabicForms }): QueryPart[] {
  const parts: QueryPart[] = [];
  const facetPart = (
    kind: 'place' | 'event' | 'actor',
    items: readonly { key: string; surface: string }[],
    table: FacetLookup['table'],
    column: FacetLookup['column'],
  ) => {
    if (items.length === 0) return;
    // The words the user wrote count too (طائرات مسيرة is a drone strike, not any air strike).
    const written = items.map((i) => i.surface).filter((w) => ARABIC_LETTER.test(w));
    // An event is matched by its annotations only, so its text is evidence alone: the words of its forms
    // and of what was written count one by one too (هجوم على سجن also finds a prison uprising;
    // بطائرات مسيرة finds drones). A place's words stay together: دير alone is no Deir ez-Zor.
    // An actor's other names are many and frequent (الدولة الإسلامية، الدواعش): summed in BM25 they drowned
    // the other words (ISIS Mosul), so its text is its label (the first form) and what was written.
    const known = items.flatMap((i) => (kind === 'actor' ? deps.arabicForms(kind, i.key).slice(0, 1) : deps.arabicForms(kind, i.key)));
    const single = kind === 'event' ? [...known, ...written].flatMap((w) => w.split(/\s+/u)) : [];
    const forms = [...known, ...written, ...single];
    const wordings = formsWordings(forms, deps.analyzer);
    parts.push({
      key: kind === 'actor' && q.actors.length > 1 ? `actor:${items[0]!.key}` : kind,
      kind,
      label: items.map((i) => i.surface).join(' / '),
      text: orExpression(wordings),
      wordings,
      facet: { table, column, keys: items.map((i) => i.key) },
      gate: false,
    });
  };
  facetPart('place', q.places, 'report_places', 'pcode');
  facetPart('event', q.events, 'report_events', 'event_type');
  // Actors named together are asked about together (جبهة النصرة وتنظيم القاعدة): one part each, unlike
  // places and events, whose values are alternatives.
  for (const actor of q.actors) facetPart('actor', [actor], 'report_actors', 'actor');
  // An English event word's lexicon forms (clashes: اشتباك) that the event's own forms already hold
  // are that event, not a further part a report must also match: "clashes Hasakah" then ranks a clash
  // located in Hasakah as complete, as "اشتباكات الحسكة" does. Forms that say more (drone attack:
  // طائرات مسيرة, beside the broad air strike) stay a part of their own.
  const eventTerms = new Set(
    q.events.flatMap((e) => deps.arabicForms('event', e.key)).flatMap((f) => deps.analyzer.terms(f)),
  );
  const seen = new Set<string>();
  // An Arabic event phrase that says more than its type's label keeps its words as a part of their own
  // (الذئاب المنفردة is an attack, هجمات بطائرات مسيرة an air strike): the user's words are evidence a report
  // should have, as the English lexicon's words are beside an English event. Any of the words counts.
  for (const event of q.events) {
    if (!ARABIC_LETTER.test(event.surface)) continue;
    const terms = [...new Set(deps.analyzer.terms(event.surface))];
    const label = deps.arabicForms('event', event.key)[0] ?? '';
    if (terms.length < 2 || terms.join(' ') === deps.analyzer.terms(label).join(' ')) continue;
    const key = `word:${terms.join('|')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push({ key, kind: 'word', label: event.surface, text: orExpression(terms.map((t) => [t])), wordings: terms.map((t) => [t]), facet: null, gate: false });
  }
  for (const [i, group] of q.termGroups.entries()) {
    const terms = [...new Set(group.filter((t) => t.length > 0))];
    const key = `word:${terms.join('|')}`;
    if (terms.length === 0 || seen.has(key)) continue;
    if (terms.every((t) => t.split(' ').every((w) => eventTerms.has(w)))) continue;
    seen.add(key);
    parts.push({ key, kind: 'word', label: q.termSurfaces[i] ?? terms.join('|'), text: orExpression(terms.map((t) => t.split(' '))), wordings: terms.map((t) => t.split(' ')), facet: null, gate: false });
  }
  for (const phrase of q.phrases) {
    const words = phrase.filter((t) => t.length > 0);
    const key = `phrase:${words.join(' ')}`;
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    parts.push({ key, kind: 'phrase', label: words.join(' '), text: quoteTerm(words.join(' ')), wordings: [words], facet: null, gate: true });
  }
  return parts;
}
