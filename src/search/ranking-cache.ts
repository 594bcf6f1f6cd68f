/** Keeps recent ranked lists, so Next and Previous page the first search's ranking instead of searching again. */
import type { ParsedQuery } from './parse-query.js';
import type { RankedSearch } from './search-types.js';

export interface RankingCache {
  /** The ranked list for this query over this state of the corpus, ranking it with `rank` only when not kept. */
  get(query: ParsedQuery, corpusVersion: number, rank: () => RankedSearch): RankedSearch;
  readonly size: number;
}

export interface RankingCacheOptions {
  /** Most ranked lists kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** How long a ranked list is kept after it was made. */
  readonly ttlMs: number;
  /** Milliseconds now (injectable for tests). */
  readonly nowMs: () => number;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/**
 * What decides a ranking: everything parsed out of the query except how it was written, but for the
 * Arabic words of its places, events and actors, which count as text evidence (query-parts.ts):
 * هجوم على سجن and "prison attack" are one event, not one ranking.
 */
export function rankingKey(q: ParsedQuery, corpusVersion: number): string {
  const written = (items: readonly { key: string; surface: string }[]) => items.map((i) => (ARABIC_LETTER.test(i.surface) ? [i.key, i.surface] : i.key));
  return JSON.stringify([
    corpusVersion,
    written(q.places),
    written(q.events),
    written(q.actors),
    q.termGroups,
    q.phrases,
    q.since,
    q.until,
  ]);
}

/** A bounded LRU with a time to live; a Map keeps insertion order, so re-inserting on use makes it LRU. */
export function createRankingCache(options: RankingCacheOptions): RankingCache {
  const entries = new Map<string, { ranked: RankedSearch; at: number }>();
  return {
    get(query, corpusVersion, rank) {
      const key = rankingKey(query, corpusVersion);
      const now = options.nowMs();
      const hit = entries.get(key);
      entries.delete(key);
      if (hit !== undefined && now - hit.at < options.ttlMs) {
        entries.set(key, hit);
        return { ...hit.ranked, query };
      }
      const ranked = rank();
      entries.set(key, { ranked, at: now });
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
      return ranked;
    },
    get size() {
      return entries.size;
    },
  };
}
