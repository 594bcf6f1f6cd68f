/** Turns a page of ranked reports into hits: titles, snippets with the matching words marked, places, events, matched parts. */
import type { StoredSentence } from './event-evidence.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { makeSnippet, type Mark } from './make-snippet.js';
import type { ParsedQuery } from './parse-query.js';
import type { QueryPart } from './query-parts.js';
import type { SearchDeps, SearchHit } from './search-reports.js';
import type { FacetCatalog } from './search-reports.js';

/** Stored sentences marked when choosing a snippet: the ones answering the most query parts. */
const SNIPPET_CANDIDATES = 3;


type Group = 'place' | 'event' | 'actor';

/** Which query parts a stored sentence answers. */
export function sentenceGroups(s: StoredSentence, q: ParsedQuery, catalog: FacetCatalog): Set<Group> {
  const groups = new Set<Group>();
  const places = new Set(q.places.map((p) => p.key));
  const events = new Set(q.events.map((e) => e.key));
  if (s.places.some((p) => catalog.placeLineage(p).some((l) => places.has(l)))) groups.add('place');
  if (s.events.some((e) => catalog.eventAncestors(e).some((a) => events.has(a)))) groups.add('event');
  if (s.actors.some((a) => q.actors.some((x) => x.key === a))) groups.add('actor');
  return groups;
}

/** Turns a page of candidates into hits with snippets and facet summaries. */
export function hitsFor(
  page: readonly { id: number; score: number; matched: readonly string[] }[],
  q: ParsedQuery,
  parts: readonly QueryPart[],
  deps: SearchDeps,
): SearchHit[] {
  if (page.length === 0) return [];
  const rows = deps.db
    .prepare<number[], { id: number; external_id: string | null; url: string | null; title: string; source: string | null; published_at: string | null; body: string; understanding: string }>(
      `SELECT id, external_id, url, title, source, published_at, body, understanding FROM reports WHERE id IN (${page.map(() => '?').join(',')})`,
    )
    .all(...page.map((c) => c.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placesOf = deps.db.prepare<[number], { key: string }>(
    'SELECT pcode AS key FROM report_places WHERE report_id = ? ORDER BY mentions DESC, pcode',
  );
  const eventsOf = deps.db.prepare<[number], { key: string }>(
    'SELECT event_type AS key FROM report_events WHERE report_id = ? ORDER BY mentions DESC, event_type',
  );
  const marksOf = sentenceMarker(q, deps);
  // The stems of the query's words (of phrases and alternatives too): a sentence whose normalized text
  // holds none of them cannot be marked for them, so only the few that do are analyzed and marked.
  const stems = [...new Set([...q.termGroups.flat(), ...q.phrases.flat()].flatMap((t) => t.split(' ')).filter((t) => t.length > 1))];
  /** Sentences worth marking: the stored sentences that answer most facets, and the sentences holding a query word. */
  const snippetSentences = (body: string, understanding: string) => {
    const stored = ((JSON.parse(understanding) as { sentences?: (StoredSentence & { start: number; end: number })[] }).sentences ?? [])
      .map((s) => ({ s, groups: sentenceGroups(s, q, deps.catalog).size }))
      .filter((x) => x.groups > 0)
      .sort((a, b) => b.groups - a.groups || a.s.start - b.s.start)
      .slice(0, SNIPPET_CANDIDATES)
      .map((x) => x.s);
    const worded =
      stems.length === 0
        ? []
        : deps
            .sentencesOf(body)
            .filter((s) => {
              const text = normalizeArabic(body.slice(s.start, s.end)).toLowerCase();
              return stems.some((t) => text.includes(t));
            })
            .slice(0, SNIPPET_CANDIDATES * 2);
    const chosen = [...new Map([...stored, ...worded].map((x) => [x.start, x])).values()].sort((a, b) => a.start - b.start);
    return chosen.length > 0 ? chosen : deps.sentencesOf(body).slice(0, SNIPPET_CANDIDATES);
  };
  return page.map((c) => {
    const r = byId.get(c.id)!;
    return {
      id: r.id,
      externalId: r.external_id,
      url: r.url,
      title: r.title,
      source: r.source,
      publishedAt: r.published_at,
      score: Math.round(c.score * 1000) / 1000,
      snippet: makeSnippet(r.body, snippetSentences(r.body, r.understanding), marksOf),
      places: placesOf.all(c.id).map((f) => f.key).filter((k) => deps.catalog.isGovernorate(k)),
      events: eventsOf.all(c.id).map((f) => f.key),
      matched: parts.filter((p) => c.matched.includes(p.key)).map((p) => p.label),
      missing: parts.filter((p) => !c.matched.includes(p.key)).map((p) => p.label),
    };
  });
}

/** Marks, in one sentence, the words that answer the query: its places, events, actors and free words. */
function sentenceMarker(q: ParsedQuery, deps: SearchDeps): (sentence: string) => Mark[] {
  const places = new Set(q.places.map((p) => p.key));
  const events = new Set(q.events.map((e) => e.key));
  const actors = new Set(q.actors.map((a) => a.key));
  const terms = new Set([...q.termGroups.flat(), ...q.phrases.flat()]);
  return (sentence) => {
    const marks: Mark[] = [];
    if (places.size > 0)
      for (const p of deps.lexicon.places(sentence))
        if (deps.catalog.placeLineage(p.key).some((l) => places.has(l))) marks.push({ ...p, group: 'place' });
    if (events.size > 0)
      for (const e of deps.lexicon.events(sentence))
        if (deps.catalog.eventAncestors(e.key).some((a) => events.has(a))) marks.push({ ...e, group: 'event' });
    if (actors.size > 0)
      for (const a of deps.lexicon.actors(sentence)) if (actors.has(a.key)) marks.push({ ...a, group: 'actor' });
    if (terms.size > 0)
      for (const t of deps.analyzer.analyze(sentence)) if (terms.has(t.term)) marks.push({ start: t.start, end: t.end, group: `term` });
    return marks;
  };
}

