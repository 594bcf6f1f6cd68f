/** Reads a chat query, English or Arabic, into places, events, actors, words, phrases and a time range. */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import { NAME_VERBS } from '../arabic/name-homographs.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { combineRanges, findTimeExpressions } from './parse-time.js';
import { ENGLISH_QUERY_STOPWORDS } from './english-query-stopwords.js';
import { findEnglishPhrases, loadEnglishLexicon, type EnglishLexicon } from './english-lexicon.js';

/** A span of the query text that a lexicon recognized. */
export interface Recognized<K extends string> {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly kind?: K;
}

/** The domain vocabulary a query is read with: places, events and actors in both languages. */
export interface QueryLexicon {
  /** Place mentions in the text (English or Arabic), key = p-code. */
  places(text: string): readonly Recognized<'place'>[];
  /** Event words in the text (English or Arabic), key = event type. */
  events(text: string): readonly Recognized<'event'>[];
  /** Actor names in the text (English or Arabic), key = actor. */
  actors(text: string): readonly Recognized<'actor'>[];
  /** The nearest known place spellings for a word that looks like an unknown place. */
  suggestPlaces(word: string): readonly string[];
}

export interface ParsedQuery {
  readonly raw: string;
  readonly places: readonly { key: string; surface: string }[];
  readonly events: readonly { key: string; surface: string }[];
  readonly actors: readonly { key: string; surface: string }[];
  /** Groups of analyzed terms, one per free word: any term inside a group may match. */
  readonly termGroups: readonly (readonly string[])[];
  /** The words as the user wrote them, one per term group (same order). */
  readonly termSurfaces: readonly string[];
  /** Quoted phrases, as sequences of analyzed terms. */
  readonly phrases: readonly (readonly string[])[];
  readonly since: string | null;
  readonly until: string | null;
  /** English words that match nothing in Arabic text, and were left out. */
  readonly ignored: readonly string[];
  /** Words that look like misspelled places, with the nearest known spellings. */
  readonly suggestions: readonly { word: string; places: readonly string[] }[];
}

/** Queries longer than this are cut: nobody types more, and it bounds the work a flood can cause. */
export const MAX_QUERY_LENGTH = 500;

/** The word تنظيم (organisation) with its clitics: before an actor's name it is part of how the name is said. */
const ORGANISATION_WORD = new RegExp(`^[وفب]?(?:ال)?${normalizeArabic('تنظيم')}$`, 'u');
/** The last word before an offset, and where it starts. */
const LAST_WORD = /(\S+)\s+$/u;

const QUOTED = /"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]/gu;
const LATIN_WORD = /^[\p{Script=Latin}'’-]+$/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * Arabic words that frame a question rather than say what it is about (ما مصير…، آخر أخبار…، تفاصيل…);
 * as query parts they would push aside reports that answer without using them. Only queries skip them.
 */
const ARABIC_QUERY_FRAME: ReadonlySet<string> = new Set(
  ['مصير', 'أخبار', 'آخر', 'تفاصيل', 'بشأن', 'معلومات', 'تقرير', 'تقارير'].map((w) => normalizeArabic(w)),
);

/** Replaces the given spans with spaces, keeping every other offset where it was. */
function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** Drops spans overlapping an earlier (longer-first) one. */
function nonOverlapping<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const s of sorted) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

function uniqueByKey<T extends { key: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.key) && seen.add(i.key));
}

/**
 * Parses a query. Order matters: quoted phrases are taken first (their words are literal),
 * then time expressions (so "2019" is not a free word), then places, actors and events
 * (longest first, so "car bomb" wins over "bomb"), and what is left becomes free words.
 */
export function parseQuery(
  query: string,
  deps: { lexicon: QueryLexicon; analyzer: Analyzer; now: Date; english?: EnglishLexicon },
): ParsedQuery {
  const english = deps.english ?? loadEnglishLexicon();
  const raw = query.slice(0, MAX_QUERY_LENGTH);
  const phrases: string[][] = [];
  const unquoted = raw.replace(QUOTED, (...m: unknown[]) => {
    const inner = (m.slice(1, 5).find((g) => typeof g === 'string') as string | undefined) ?? '';
    const terms = deps.analyzer.analyze(inner).map((t) => t.term);
    if (terms.length > 0) phrases.push(terms);
    return ' '.repeat((m[0] as string).length);
  });

  const time = findTimeExpressions(unquoted, deps.now);
  let text = blank(time.text, time.matches);
  const range = combineRanges(time.matches);

  // Order breaks ties between spans of one length. A lexicon word beats a place spelled like it
  // (church is no misspelled Shorsh), but not an event word (that stays the event, and the lexicon's
  // words are added beside it below); a lexicon country or city abroad yields to the gazetteer.
  const lexiconPhrases = findEnglishPhrases(english, text).filter((p) => !ENGLISH_QUERY_STOPWORDS.has(p.key));
  const eventSpans = deps.lexicon.events(text).map((r) => ({ ...r, kind: 'event' as const }));
  const isEventSpan = (p: { start: number; end: number }) => eventSpans.some((e) => e.start === p.start && e.end === p.end);
  const words = lexiconPhrases.map((r) => ({ ...r, kind: 'word' as const }));
  const recognized = nonOverlapping([
    ...words.filter((w) => !english.placeLike.has(w.key) && !isEventSpan(w)),
    ...deps.lexicon.places(text).map((r) => ({ ...r, kind: 'place' as const })),
    ...deps.lexicon.actors(text).map((r) => ({ ...r, kind: 'actor' as const })),
    ...eventSpans,
    ...words.filter((w) => english.placeLike.has(w.key) || isEventSpan(w)),
  ]);
  const written = text;
  const pick = (kind: string) =>
    uniqueByKey(recognized.filter((r) => r.kind === kind).map((r) => ({ key: r.key, surface: text.slice(r.start, r.end).trim() })));
  const places = pick('place');
  const actors = pick('actor');
  const events = pick('event');
  text = blank(text, recognized.filter((r) => r.kind !== 'word'));
  // تنظيم right before an actor's name (تنظيم داعش، لدى تنظيم داعش) names the actor; as a word of its own it
  // made any report saying "organisation" match more of the query.
  for (const r of recognized) {
    if (r.kind !== 'actor') continue;
    const before = LAST_WORD.exec(text.slice(0, r.start));
    if (before !== null && ORGANISATION_WORD.test(normalizeArabic(before[1]!))) text = blank(text, [{ start: before.index, end: before.index + before[1]!.length }]);
  }

  const termGroups: string[][] = [];
  const termSurfaces: string[] = [];
  /** English words become the analyzed Arabic forms of their lexicon entry; a form of several words is a phrase. */
  const addEnglish = (key: string, surface: string) => {
    const forms = english.forms.get(key) ?? [];
    const group = [...new Set(forms.map((f) => deps.analyzer.terms(f).join(' ')).filter((t) => t.length > 0))];
    if (group.length > 0) {
      termGroups.push(group);
      termSurfaces.push(surface);
    }
  };
  // A lexicon phrase that an event also reads (drone attack) adds its words as evidence beside the event.
  for (const p of lexiconPhrases) {
    const r = recognized.find((x) => x.start === p.start && x.end === p.end);
    if (r !== undefined && (r.kind === 'word' || r.kind === 'event')) addEnglish(p.key, written.slice(p.start, p.end).trim());
  }
  text = blank(text, recognized);
  const ignored: string[] = [];
  const suggestions: { word: string; places: readonly string[] }[] = [];
  for (const word of text.split(/[^\p{L}\p{M}\p{N}'’-]+/u).filter(Boolean)) {
    if (ARABIC_LETTER.test(word) || /^\p{N}+$/u.test(word)) {
      const norm = normalizeArabic(word);
      if (ARABIC_QUERY_FRAME.has(norm) || ARABIC_QUERY_FRAME.has(norm.replace(/^[وفبل](?=...)/u, ''))) continue;
      // A name that is also a verb reaches here only when the places left it as the verb (داعش تدمر الآثار).
      const verb = NAME_VERBS.get(norm) ?? NAME_VERBS.get(norm.replace(/^[وف]/u, ''));
      const term = verb ?? deps.analyzer.termOf(word);
      if (term !== null) {
        termGroups.push([term]);
        termSurfaces.push(word);
      }
      continue;
    }
    const lower = word.toLowerCase().replace(/^[-'’]+|[-'’]+$/g, '');
    if (lower.length === 0 || ENGLISH_QUERY_STOPWORDS.has(lower)) continue;
    if (LATIN_WORD.test(word)) {
      const near = deps.lexicon.suggestPlaces(word);
      if (near.length > 0) suggestions.push({ word, places: near });
    }
    ignored.push(word);
  }

  return {
    raw,
    places,
    events,
    actors,
    termGroups,
    termSurfaces,
    phrases,
    since: range.since,
    until: range.until,
    ignored,
    suggestions,
  };
}

/** True when the query asks for nothing the index can match. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return (
    q.places.length === 0 &&
    q.events.length === 0 &&
    q.actors.length === 0 &&
    q.termGroups.length === 0 &&
    q.phrases.length === 0 &&
    q.since === null &&
    q.until === null
  );
}
