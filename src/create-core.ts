/** The core's one entry point: wires store, analysis, understanding and search into the use cases adapters call. */
import { eventRecordEvidence } from './search/event-record-evidence.js';
import { sentenceEventEvidence } from './search/event-evidence.js';
import type { Logger } from 'pino';
import { createAnalyzer, type Analyzer } from './arabic/analyze-arabic.js';
import { loadPlurals } from './arabic/plural-singulars.js';
import type { Config } from './config/load-config.js';
import { ingestReports, type IngestSummary } from './corpus/ingest-reports.js';
import { ANALYSIS_VERSION, prepareReport, ReportRejectedError } from './corpus/prepare-report.js';
import { canonicalUrl } from './corpus/canonical-url.js';
import { prepareKeepingKnown } from './corpus/keep-known-fields.js';
import { createPreparePool, type PreparePool } from './corpus/prepare-pool.js';
import { listAndReadSources } from './corpus/list-and-read-sources.js';
import type { RawReport, ReadItem } from './ingest/raw-report.js';
import { createLexicon, type Lexicon } from './search/create-lexicon.js';
import type { AnswerItem, Labeled, SearchAnswer } from './search/search-answer.js';
import { matchingReportIds } from './search/match-report-ids.js';
import { pageOf, rankSearch, type SearchDeps, type SearchResult } from './search/search-reports.js';
import { parseQuery, type ParsedQuery } from './search/parse-query.js';
import { createRankingCache } from './search/ranking-cache.js';
import { makeSnippet } from './search/make-snippet.js';
import { openDatabase, type Db } from './store/open-database.js';
import { retryBusy } from './store/write-transaction.js';
import { createReportStore, type ReportStore, type StoredReport } from './store/report-store.js';
import type { IngestOneResult } from './corpus/ingest-one-result.js';
import { segmentText } from './text/segment-text.js';
import type { Fetcher } from './fetch/fetch-url.js';
import { createFeedService, type FeedService } from './feeds/feed-service.js';
import { createFeedStore } from './store/feed-store.js';
import { createInbox, type Inbox } from './inbox/inbox.js';
import { loadGazetteer, type Gazetteer, type Place } from './understand/gazetteer.js';
import { suggestPlaces } from './places/suggest-places.js';
import { protectedNames, type ReportUnderstanding } from './understand/understand-report.js';
import type { EventRecord } from './understand/event-records.js';
import { recordKindsOf } from './understand/acled-types.js';
import { corpusStart, eventActivity, exportEvents, type AcledRow, type EventActivity, type EventSelection } from './store/event-export.js';
import { countEvents } from './store/event-counts.js';
import { buildEventStats, queryLang, type EventStats, type EventStatsOptions } from './charts/event-stats.js';
import { backupDatabase, type BackupResult } from './store/backup-database.js';
import { createStatusStore } from './store/status-store.js';
import { createSearchIndex } from './store/search-index.js';
import { createStoreFactory, type StoreFactory } from './store/store-factory.js';
import { collectStatus, statusSince, type ServiceStatus } from './status/service-status.js';

/** A clock, injected so tests control time. */

/** The day before a YYYY-MM-DD day. */
const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface CoreDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** An open database; by default `config.dbPath` is opened. */
  readonly db?: Db;
  /** The web fetcher; by default the real one (tests pass one with a fake resolver). */
  readonly fetcher?: Fetcher;
  /** Tells the operators something needs a human; by default it is logged at error level. */
  readonly notifyAdmins?: (message: string) => void;
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

/** A stored report with everything Rasid understood of it (`rasid show`). */
export interface ReportDetails extends StoredReport {
  /** ACLED-style event records, main event first (empty for a report analyzed before they existed). */
  readonly eventRecords: readonly EventRecord[];
  /** Casualty figures the text states. */
  readonly casualties: ReportUnderstanding['casualties'];
  readonly places: readonly (Labeled & { mentions: number })[];
  readonly events: readonly (Labeled & { mentions: number })[];
  readonly actors: readonly (Labeled & { mentions: number })[];
}

/** The use cases of the core. Adapters (CLI, console, bots, digests) call only these. */
export interface Core {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: ReportStore;
  /** Builds the stores of modules that keep their own tables (the digests') on the core's connection. */
  readonly stores: StoreFactory;
  readonly lexicon: Lexicon;
  readonly clock: Clock;
  /** Ingests files and folders (see `rasid ingest`). */
  ingestPaths(paths: readonly string[]): Promise<IngestSummary>;
  /** Ingests already-read items (feeds, links, tests). */
  ingestItems(items: AsyncIterable<ReadItem>): Promise<IngestSummary>;
  /** Ingests one report now, saying what became of it. `announce: false` keeps it out of digests. */
  ingestOne(raw: RawReport, options?: { announce?: boolean }): IngestOneResult;
  /**
   * Answers a query, one page of it. Given the `parsed` structure of an earlier answer (what paging
   * buttons keep), the query is not parsed again and its ranked list comes from the cache.
   */
  search(query: string | ParsedQuery, page: Page): SearchAnswer;
  /** Places for what a user has typed so far, at most `limit` (chat autocomplete; see suggest-places.ts). */
  suggestPlaces(typed: string, limit: number): Place[];
  /** Parses a query once; `places` adds places by p-code (a place chosen from a list, not typed). */
  parse(query: string, options?: { places?: readonly string[] }): ParsedQuery;
  /** The newest reports (by publication date, then by arrival). */
  latest(page: Page, lang: 'ar' | 'en'): SearchAnswer;
  /** A report by store id, external id or URL. */
  show(ref: string): ReportDetails | undefined;
  /** Announced reports in (afterId, upToId] matching a filter query (null: all), oldest first. */
  reportsMatching(filter: string | null, range: { afterId: number; upToId: number }): number[];
  /** How a filter query is understood (for checking a subscription's filter before saving it). */
  interpret(query: string): SearchAnswer['interpretation'];
  /** The newest report id (0 when there is none); with `before`, the newest that arrived before then. */
  lastReportId(before?: Date): number;
  /**
   * Event records as ACLED rows, newest first: of reports matching `filter` (the search query
   * language; its places and event types must be the event's own), dated within `since`..`until`.
   */
  events(options: { filter: string | null; since: string | null; until: string | null }): AcledRow[];
  /**
   * The event records matching `filter` (selected as `events` selects them) of the reports that arrived
   * after `afterReportId`, announced or not, each with its report's publication and arrival times:
   * what spike alerts count (digests/alert-check.ts).
   */
  eventActivity(filter: string, afterReportId: number): EventActivity[];
  /** The oldest time the corpus reaches back to (earliest publication or arrival); null when it is empty. */
  corpusStart(): string | null;
  /** Report counts by governorate and by event type, for a query or (null) the whole corpus. */
  stats(query: string | null): CorpusStats;
  /**
   * Event records counted for charts (`rasid stats`, `rasid map`; draw them with `renderStatsPng` /
   * `renderMapPng` of `src/charts/render-chart.ts`): the events `events({ filter: query })` selects,
   * per week or month and ACLED type, per governorate (districts when the query names one
   * governorate) and per place; killed, wounded, source reports, the days covered, undated apart.
   * An empty query counts every event.
   */
  eventStats(query: string, options?: EventStatsOptions): EventStats;
  /**
   * How the service is doing (`rasid status`, `/status`): the database's figures, the serving
   * process's heartbeat, and `configured`, which platforms have a token set.
   */
  status(configured: Readonly<Record<string, boolean>>): ServiceStatus;
  /** A consistent copy of the database at `file` (a new file), safe while the service writes (`rasid backup`). */
  backup(file: string): Promise<BackupResult>;
  /** SQLite's full integrity check ("ok" when the database is sound). */
  integrityCheck(): string;
  /** Feeds, their polling, and links posted to be ingested. */
  readonly feeds: FeedService;
  /** The inbox folder (`RASID_INBOX`). */
  readonly inbox: Inbox;
  close(): void;
}

export interface CorpusStats {
  readonly total: number;
  readonly byGovernorate: readonly (Labeled & { count: number })[];
  readonly byEvent: readonly (Labeled & { count: number })[];
}

export type { IngestOneResult };

/**
 * Longest query read, in characters: far beyond any real question (a chat message may hold 4,096),
 * short enough that a pasted page cannot hold the thread (3,700 characters of junk took 0.8 s).
 */
export const MAX_QUERY_CHARS = 500;

/** The query cut to MAX_QUERY_CHARS, at the last white space before the limit when there is one. */
export function boundedQuery(query: string): string {
  if (query.length <= MAX_QUERY_CHARS) return query;
  const cut = query.slice(0, MAX_QUERY_CHARS);
  const space = cut.search(/\s\S*$/u);
  return space > 0 ? cut.slice(0, space) : cut;
}

/** The real fetcher, its HTTP client loaded at the first fetch: most commands never fetch. */
const fetchUrlLazily: Fetcher = async (url, options) => (await import('./fetch/fetch-url.js')).fetchUrl(url, options);

/** Builds the core. Loading the gazetteer and preparing statements happens once, here. */
export function createCore(deps: CoreDeps): Core {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const db = deps.db ?? openDatabase(config.dbPath);
  const gazetteer: Gazetteer = loadGazetteer();
  const analyzer: Analyzer = createAnalyzer({ protectedWords: protectedNames(), plurals: loadPlurals() });
  const store = createReportStore(db);
  const statusStore = createStatusStore(db);
  const lexicon = createLexicon(gazetteer);
  const index = createSearchIndex(db);
  const searchDeps: SearchDeps = {
    index,
    analyzer,
    lexicon,
    catalog: lexicon,
    sentencesOf: (text) => segmentText(text).sentences,
    now: () => clock.now(),
    // Event records weigh most: a report with an attack located in Raqqa above one that names both.
    eventEvidence: eventRecordEvidence(index, sentenceEventEvidence(lexicon)),
  };
  // Bulk ingests prepare reports in worker threads, started at the first one large enough to need them.
  let pool: PreparePool | undefined;
  const ingestDeps = {
    analyzer, gazetteer, store, now: () => clock.now(), logger,
    ...(config.workers > 0 ? { pool: () => (pool ??= createPreparePool(config.workers)) } : {}),
  };

  const stale = store.countAnalyzedBefore(ANALYSIS_VERSION);
  if (stale > 0) logger.warn({ stale }, 'reports analyzed by an older Rasid; re-ingest them to refresh');

  /** The events a filter query selects: of its matching reports, at its places, of its event types. */
  // The query's own time (since 2018, في 2019) bounds the events' days too, unless the caller gives bounds;
  // a query's `until` is the first day after its range, a selection's the last day in it.
  // `afterId`: only reports that arrived after it (an alert's window) are matched.
  const eventSelection = (filter: string | null, since: string | null, until: string | null, afterId = 0): { q: ParsedQuery | null; selection: EventSelection } => {
    const q = filter === null || filter.trim() === '' ? null : parse(filter);
    return {
      q,
      selection: {
        reportIds: q === null ? null : matchingReportIds(filter, { afterId, upToId: Number.MAX_SAFE_INTEGER, includeUnannounced: true }, searchDeps),
        places: q?.places.map((p) => p.key) ?? [],
        kinds: recordKindsOf((q?.events ?? []).map((e) => e.key)),
        since: since ?? q?.since ?? null,
        until: until ?? (q?.until ? dayBefore(q.until) : null),
      },
    };
  };

  const interpretationOf = (q: ParsedQuery): SearchAnswer['interpretation'] => ({
    places: q.places.map((p) => lexicon.placeLabel(p.key)),
    events: q.events.map((e) => lexicon.eventLabel(e.key)),
    actors: q.actors.map((a) => lexicon.actorLabel(a.key)),
    terms: q.termGroups.map((g) => g.join('|')),
    phrases: q.phrases.map((p) => p.join(' ')),
    since: q.since,
    until: q.until,
    ignored: q.ignored,
    suggestions: q.suggestions,
  });
  const toAnswer = (query: string, lang: 'ar' | 'en', result: SearchResult): SearchAnswer => ({
    query,
    lang,
    parsed: result.query,
    interpretation: interpretationOf(result.query),
    total: result.total,
    offset: result.offset,
    limit: result.limit,
    relaxed: result.relaxed,
    undated: result.undated,
    items: result.results.map(
      (r): AnswerItem => ({
        ...r,
        places: r.places.slice(0, 3).map((p) => lexicon.placeLabel(p)),
        events: r.events.slice(0, 3).map((e) => lexicon.eventLabel(e)),
      }),
    ),
  });


  /** Ranked lists kept for paging: up to 500 queries, each for 10 minutes or until anything is ingested. */
  const rankings = createRankingCache({ maxEntries: 500, ttlMs: 10 * 60_000, nowMs: () => clock.now().getTime() });
  let ingests = 0;
  const parse = (query: string, options: { places?: readonly string[] } = {}): ParsedQuery => {
    const q = parseQuery(query, { lexicon, analyzer, now: clock.now() });
    const chosen = (options.places ?? []).filter((key) => gazetteer.get(key) !== undefined && !q.places.some((p) => p.key === key));
    return chosen.length === 0 ? q : { ...q, places: [...q.places, ...chosen.map((key) => ({ key, surface: lexicon.placeLabel(key).en }))] };
  };
  const ingestOne = (raw: RawReport, options: { announce?: boolean } = {}): IngestOneResult => {
    ingests++;
    try {
      const prepared = prepareKeepingKnown(raw, store, (r) => prepareReport(r, ingestDeps));
      const { status, id } = retryBusy(() => store.upsert(prepared, clock.now(), options));
      return { ok: true, status, id, title: prepared.title };
    } catch (err) {
      if (!(err instanceof ReportRejectedError)) logger.error({ err, origin: raw.origin }, 'could not ingest a report');
      return { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
  };
  const ingestPaths = (paths: readonly string[]) => {
    ingests++;
    return ingestReports(listAndReadSources(paths), ingestDeps);
  };
  const feeds = createFeedService({
    store: createFeedStore(db),
    fetcher: deps.fetcher ?? fetchUrlLazily,
    ingestOne,
    now: () => clock.now(),
    logger,
    allowPrivate: config.allowPrivateUrls,
    defaultEveryMinutes: config.feedIntervalMinutes,
    notifyAdmins: deps.notifyAdmins ?? ((message) => logger.error({ admin: true }, message)),
  });
  const inbox = createInbox({ dir: config.inboxDir, ingestPaths, logger, scanMs: config.inboxScanSeconds * 1000 });

  return {
    config,
    logger,
    store,
    stores: createStoreFactory(db),
    lexicon,
    clock,
    feeds,
    inbox,
    ingestPaths,
    ingestItems: (items) => {
      ingests++;
      return ingestReports(items, ingestDeps);
    },
    ingestOne,
    reportsMatching: (filter, range) => matchingReportIds(filter, range, searchDeps),
    interpret: (query) => interpretationOf(parse(query)),
    lastReportId: (before) => store.lastId(before),
    events({ filter, since, until }) {
      return exportEvents(db, gazetteer, eventSelection(filter, since, until).selection);
    },
    eventStats(query, options = {}) {
      const { q, selection } = eventSelection(boundedQuery(query), options.since ?? null, options.until ?? null);
      const i = q === null ? null : interpretationOf(q);
      return buildEventStats(countEvents(db, selection), gazetteer, {
        query,
        filter: { places: i?.places ?? [], events: i?.events ?? [], actors: i?.actors ?? [], terms: [...(i?.terms ?? []), ...(i?.phrases ?? [])] },
        since: selection.since,
        until: selection.until,
        by: options.by ?? null,
        lang: options.lang ?? queryLang(query),
      });
    },
    eventActivity(filter, afterReportId) {
      // Counted by the report's time, not the event's day: the selection's reports, places and kinds only.
      const { reportIds, places, kinds } = eventSelection(filter, null, null, afterReportId).selection;
      return eventActivity(db, { reportIds, places, kinds }, afterReportId);
    },
    corpusStart: () => corpusStart(db),
    stats(query) {
      const ids = matchingReportIds(query, { afterId: 0, upToId: Number.MAX_SAFE_INTEGER, includeUnannounced: true }, searchDeps);
      const counts = store.facetCounts(ids);
      return {
        total: ids.length,
        byGovernorate: counts.places.filter((r) => lexicon.isGovernorate(r.key)).map((r) => ({ ...lexicon.placeLabel(r.key), count: r.n })),
        byEvent: counts.events.map((r) => ({ ...lexicon.eventLabel(r.key), count: r.n })),
      };
    },
    search(fullQuery, page) {
      const started = performance.now();
      const parsed = typeof fullQuery === 'string' ? parse(boundedQuery(fullQuery)) : fullQuery;
      const lastId = store.lastId();
      const ranked = rankings.get(parsed, ingests * 1e12 + lastId, () => rankSearch(parsed, searchDeps));
      const result = pageOf(ranked, page, searchDeps);
      const lang = /\p{Script=Arabic}/u.test(parsed.raw) ? 'ar' : 'en';
      logger.debug({ total: result.total, ms: Math.round(performance.now() - started) }, 'search');
      return toAnswer(parsed.raw, lang, result);
    },
    parse,
    suggestPlaces: (typed, limit) => suggestPlaces(gazetteer, typed, limit),
    latest(page, lang) {
      const ids = store.latestIds(page);
      const reports = store.getMany(ids);
      const total = store.count();
      const items = reports.map(
        (r): AnswerItem => {
          const facets = store.facetKeys(r.id);
          return {
          id: r.id,
          externalId: r.externalId,
          url: r.url,
          title: r.title,
          source: r.source,
          publishedAt: r.publishedAt,
          score: 0,
          snippet: makeSnippet(r.body, segmentText(r.body).sentences, () => []),
          places: facets.places.filter((k) => lexicon.isGovernorate(k)).slice(0, 3).map((k) => lexicon.placeLabel(k)),
          events: facets.events.slice(0, 3).map((k) => lexicon.eventLabel(k)),
          matched: [],
          missing: [],
          };
        },
      );
      const none = { places: [], events: [], actors: [], terms: [], phrases: [], since: null, until: null, ignored: [], suggestions: [] };
      return { query: '', lang, parsed: null, interpretation: none, total, offset: page.offset, limit: page.limit, relaxed: false, undated: 0, items };
    },
    show(ref) {
      const trimmed = ref.trim();
      const report =
        (/^\d+$/.test(trimmed) ? store.get(Number(trimmed)) : undefined) ??
        store.findByExternalId(trimmed) ??
        store.findByUrl(canonicalUrl(trimmed) ?? trimmed);
      if (report === undefined) return undefined;
      // What the text itself names (the index also holds every ancestor place and broader event type).
      const u = report.understanding as ReportUnderstanding;
      return {
        ...report,
        places: u.places.map((p) => ({ ...lexicon.placeLabel(p.pcode), mentions: p.mentions + (p.inTitle ? 1 : 0) })),
        events: u.events.map((e) => ({ ...lexicon.eventLabel(e.type), mentions: e.mentions })),
        actors: u.actors.map((a) => ({ ...lexicon.actorLabel(a.actor), mentions: a.mentions })),
        casualties: u.casualties,
        eventRecords: u.eventRecords ?? [],
      };
    },
    status(configured) {
      const now = clock.now();
      return collectStatus({ figures: statusStore.figures(statusSince(now)), dbPath: config.dbPath, now, configured });
    },
    backup: (file) => backupDatabase(db, file),
    integrityCheck: () => statusStore.integrityCheck(),
    close: () => {
      void pool?.close();
      db.close();
    },
  };
}
