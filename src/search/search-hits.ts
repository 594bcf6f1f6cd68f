/** Turns a page of ranked reports into hits: titles, snippets with the matching words marked, places, events, matched parts. */
import type { StoredSentence } from './event-evidence.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { makeSnippet, type Mark } from './make-snippet.js';
import type { ParsedQuery } from './parse-query.js';
import type { QueryPart } from './query-parts.js';
import type { FacetCatalog, SearchDeps, SearchHit } from './search-types.js';

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
  // One query for the page: each hit's row, its stored sentences (parsed once, below) and its facet keys.
  const byId = deps.index.hitRows(page.map((c) => c.id));
  const marksOf = sentenceMarker(q, deps);
  // The stems of the query's words (of phrases and alternatives too): a sentence whose normalized text
  // holds none of them cannot be marked for them, so only the few that do are analyzed and marked.
  const stems = [...new Set([...q.termGroups.flat(), ...q.phrases.flat()].flatMap((t) => t.split(' ')).filter((t) => t.length > 1))];
  /** Sentences worth marking: the stored sentences that answer most facets, and the sentences holding a query word. */
  const snippetSentences = (body: string, sentencesJson: string | null) => {
    const stored = (sentencesJson === null ? [] : (JSON.parse(sentencesJson) as (StoredSentence & { start: number; end: number })[]))
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
      externalId: r.externalId,
      url: r.url,
      title: r.title,
      source: r.source,
      publishedAt: r.publishedAt,
      score: Math.round(c.score * 1000) / 1000,
      snippet: makeSnippet(r.body, snippetSentences(r.body, r.sentencesJson), marksOf),
      places: r.places.filter((k) => deps.catalog.isGovernorate(k)),
      events: [...r.events],
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

