/** The domain vocabulary the search speaks: places, events and actors in both languages, with their names. */
import { spanReadsAsVerb } from '../arabic/name-homographs.js';
import { actorByKey, findActors, findActorsEnglish, type ActorKey } from '../understand/actors.js';
import { ancestorsOf, eventType, findEvents, findEventsEnglish, type EventKey } from '../understand/events.js';
import { findPlacesEnglish } from '../understand/find-places-english.js';
import { findPlaces } from '../understand/find-places.js';
import type { Gazetteer } from '../understand/gazetteer.js';
import { suggestPlaces } from '../understand/english-place-names.js';
import type { QueryLexicon, Recognized } from './parse-query.js';
import type { FacetCatalog } from './search-types.js';
import type { Labeled } from './search-answer.js';

/** Query vocabulary plus the catalog that ranking and rendering need. */
export interface Lexicon extends QueryLexicon, FacetCatalog {
  placeLabel(pcode: string): Labeled;
  eventLabel(type: string): Labeled;
  actorLabel(actor: string): Labeled;
}

const ARABIC = /\p{Script=Arabic}/u;
/** How many of an event type's Arabic forms weigh in ranking (see arabicForms). */
const EVENT_FORMS_FOR_RANKING = 3;
const LATIN = /\p{Script=Latin}/u;

/** Runs the Arabic finder when the text has Arabic letters, the English one when it has Latin letters. */
function bothScripts<T extends { start: number; end: number }>(
  text: string,
  arabic: (t: string) => readonly T[],
  english: (t: string) => readonly T[],
): T[] {
  return [...(ARABIC.test(text) ? arabic(text) : []), ...(LATIN.test(text) ? english(text) : [])];
}

export function createLexicon(gazetteer: Gazetteer): Lexicon {
  const labelOfPlace = (pcode: string): Labeled => {
    const p = gazetteer.get(pcode);
    return { key: pcode, en: p?.nameEn ?? pcode, ar: p?.nameAr ?? pcode };
  };
  return {
    // A name that reads as a verb here (الطائرات تدمر المنازل) is no place.
    places: (text): Recognized<'place'>[] =>
      bothScripts(text, findPlaces, findPlacesEnglish)
        .filter((m) => !ARABIC.test(text.slice(m.start, m.end)) || !spanReadsAsVerb(text, m.start, m.end))
        .map((m) => ({ start: m.start, end: m.end, key: m.pcode })),
    events: (text): Recognized<'event'>[] =>
      bothScripts(text, (t) => findEvents(t), findEventsEnglish).map((m) => ({ start: m.start, end: m.end, key: m.type })),
    actors: (text): Recognized<'actor'>[] =>
      bothScripts(text, (t) => findActors(t), findActorsEnglish).map((m) => ({ start: m.start, end: m.end, key: m.actor })),
    suggestPlaces: (word) => suggestPlaces(word, 3).map((p) => p.nameEn),
    placeLineage: (pcode) => gazetteer.get(pcode)?.lineage ?? [pcode],
    placeEnclosing: (pcode) => {
      const around: string[] = [];
      for (let p = gazetteer.get(gazetteer.get(pcode)?.parentPcode ?? ''); p !== undefined; p = p.parentPcode ? gazetteer.get(p.parentPcode) : undefined) {
        around.push(p.pcode);
        if (around.length > 8) break;
      }
      return around;
    },
    eventAncestors: (type) => [type, ...ancestorsOf(type)],
    isGovernorate: (pcode) => gazetteer.get(pcode)?.level === 'admin1',
    arabicForms: (kind, key) => {
      if (kind === 'place') {
        const p = gazetteer.get(key);
        return p === undefined ? [] : [p.nameAr];
      }
      // An event's label and its first written forms: the full list of forms is long and common
      // enough that a bm25 over it costs more than it tells.
      if (kind === 'event') {
        const e = eventType(key as EventKey);
        return e === undefined ? [] : [e.labelAr, ...e.arabic.slice(0, EVENT_FORMS_FOR_RANKING)];
      }
      return actorByKey(key as ActorKey)?.arabic ?? [];
    },
    placeLabel: labelOfPlace,
    eventLabel: (type) => {
      const e = eventType(type as EventKey);
      return { key: type, en: e?.labelEn ?? type, ar: e?.labelAr ?? type };
    },
    actorLabel: (actor) => {
      const a = actorByKey(actor as ActorKey);
      return { key: actor, en: a?.labelEn ?? actor, ar: a?.labelAr ?? actor };
    },
  };
}
