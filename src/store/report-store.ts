/** The report store: writes a prepared report and its index rows atomically, and reads reports back. */
import type { Statement } from 'better-sqlite3';
import type { FieldProvenance } from '../ingest/raw-report.js';
import { hashesFromBlob, hashesToBlob, type StoryHashes } from '../text/min-hash.js';
import type { Db } from './open-database.js';
import { writeTransaction } from './write-transaction.js';

/** Where the title, date and outlet came from (null: the field is unknown). */
export interface ReportProvenance {
  readonly title: FieldProvenance;
  readonly publishedAt: FieldProvenance | null;
  readonly source: FieldProvenance | null;
}

/** How a stored report got its title. */
export type TitleSource = 'metadata' | 'headline' | 'first_sentence';

/** A facet value (place p-code, event type, actor key) with how often the report names it. */
export interface FacetCount {
  readonly key: string;
  readonly mentions: number;
  readonly inTitle: boolean;
  /** Backed by an event record: the place where one happened, or its kind (and broader kinds). */
  readonly inEvent?: boolean;
}

/** One event record as stored (the `events` table); `seq` 0 is the main event. */
export interface StoredEventRow {
  readonly seq: number;
  readonly eventType: string;
  readonly subEventType: string;
  readonly kind: string;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly admin3: string | null;
  readonly location: string | null;
  readonly geoPrecision: number | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly eventDate: string | null;
  readonly timePrecision: number | null;
  readonly fatalities: number;
  readonly injuries: number;
  readonly sentenceStart: number | null;
  readonly sentenceEnd: number | null;
  /** The location and every place above it, for `event_places`. */
  readonly lineage: readonly string[];
}

/** Everything the store writes for one report; built by `prepareReport`. */
export interface PreparedReport {
  readonly externalId: string | null;
  readonly url: string | null;
  readonly contentHash: string;
  readonly title: string;
  readonly titleSource: TitleSource;
  readonly source: string | null;
  readonly lang: string;
  readonly publishedAt: string | null;
  readonly dateSource: 'metadata' | 'text' | null;
  readonly origin: string;
  readonly body: string;
  /** JSON-serializable understanding (places, events, actors, casualties, annotated sentences). */
  readonly understanding: unknown;
  readonly analysisVersion: number;
  readonly provenance: ReportProvenance;
  /** Analyzed terms, space-separated, for the full-text index. */
  readonly titleTerms: string;
  readonly bodyTerms: string;
  /** Facets with ancestors already expanded. */
  readonly places: readonly FacetCount[];
  readonly events: readonly FacetCount[];
  readonly actors: readonly FacetCount[];
  readonly onTopic: boolean;
  readonly incident: boolean;
  readonly eventRows: readonly StoredEventRow[];
  /** The digest's story fingerprint (shingles and MinHash signature of headline and body). */
  readonly story: StoryHashes;
}

/** A report as stored. */
export interface StoredReport {
  readonly id: number;
  readonly externalId: string | null;
  readonly url: string | null;
  readonly contentHash: string;
  readonly title: string;
  readonly titleSource: TitleSource;
  readonly source: string | null;
  readonly lang: string;
  readonly publishedAt: string | null;
  readonly dateSource: 'metadata' | 'text' | null;
  readonly ingestedAt: string;
  readonly updatedAt: string;
  readonly origin: string;
  readonly body: string;
  readonly understanding: unknown;
  readonly analysisVersion: number;
  readonly provenance: ReportProvenance;
  readonly onTopic: boolean;
  readonly incident: boolean;
}

/**
 * A report as a digest reads it: no body (its length only), of the understanding only what
 * composing ranks and merges by, and the stored story fingerprint.
 */
export interface DigestRow {
  readonly id: number;
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly ingestedAt: string;
  readonly analysisVersion: number;
  /**
   * The understanding's places, events, casualties and incident, and `eventRecords` holding only
   * the main event (left out, as in the stored JSON, for a report analyzed before records existed).
   */
  readonly understanding: unknown;
  /** The story fingerprint; null for a report stored before it was (schema step 7). */
  readonly story: StoryHashes | null;
}

export type UpsertStatus = 'added' | 'updated' | 'unchanged';

export interface UpsertOptions {
  /**
   * Whether a newly added report is announced in digests (default true). False for a source's
   * backlog: reports that existed before the source was added. Updates keep the first value.
   */
  readonly announce?: boolean;
}

export interface ReportStore {
  /**
   * Adds the report, or updates the one with the same external id or URL, or recognizes it as
   * already stored (same text). All rows of one report are written in one transaction.
   */
  upsert(report: PreparedReport, now: Date, options?: UpsertOptions): { status: UpsertStatus; id: number };
  /** Runs `fn` in one write transaction, begun IMMEDIATE (batching many upserts is much faster than one each). */
  batch<T>(fn: () => T): T;
  get(id: number): StoredReport | undefined;
  getMany(ids: readonly number[]): StoredReport[];
  findByUrl(url: string): StoredReport | undefined;
  findByExternalId(externalId: string): StoredReport | undefined;
  count(): number;
  /** Where a report was read from (its file, feed item or URL); undefined when there is no such report. */
  originOf(id: number): string | undefined;
  /** How many stored bodies contain `text` (the fuzzer's check that a report carried by hostile input was kept). */
  countBodiesContaining(text: string): number;
  /** Reports analyzed by another version of the analysis than `version` (they need a re-ingest). */
  countAnalyzedBefore(version: number): number;
  /** The ids of one page of the newest reports: by publication date (unknown last), then by arrival. */
  latestIds(page: { limit: number; offset: number }): number[];
  /** The newest report id (0 when there is none); with `before`, the newest that arrived before then. */
  lastId(before?: Date): number;
  /** What a digest composes from, for each of `ids` that exists, in the order given (see DigestRow). */
  digestRows(ids: readonly number[]): DigestRow[];
  /** The bodies of `ids`. */
  bodies(ids: readonly number[]): Map<number, string>;
  /** The body lengths of `ids`, in UTF-16 code units (as `body.length` counts them). */
  bodyLengths(ids: readonly number[]): Map<number, number>;
  /** Of `ids`, those about the conflict (`on_topic`), ascending. */
  onTopicIds(ids: readonly number[]): number[];
  /** A report's place and event keys as indexed (with ancestors and broader types), most mentioned first. */
  facetKeys(id: number): { places: string[]; events: string[] };
  /** How many of `ids` carry each place and each event key, most first. */
  facetCounts(ids: readonly number[]): { places: KeyCount[]; events: KeyCount[] };
}

/** A facet key and how many reports carry it. */
export interface KeyCount {
  readonly key: string;
  readonly n: number;
}

interface ReportRow {
  id: number;
  external_id: string | null;
  url: string | null;
  content_hash: string;
  title: string;
  title_source: TitleSource;
  source: string | null;
  lang: string;
  published_at: string | null;
  date_source: 'metadata' | 'text' | null;
  ingested_at: string;
  updated_at: string;
  origin: string;
  body: string;
  understanding: string;
  analysis_version: number;
  provenance: string;
  on_topic: number;
  incident: number;
  story_shingles: Buffer | null;
}

/** A row's provenance; rows written before it was recorded get it from title_source / date_source. */
function provenanceOf(row: ReportRow): ReportProvenance {
  const stored = JSON.parse(row.provenance || '{}') as Partial<ReportProvenance>;
  return {
    title: stored.title ?? (row.title_source === 'metadata' ? 'metadata' : 'text'),
    publishedAt: row.published_at === null ? null : (stored.publishedAt ?? row.date_source ?? 'metadata'),
    source: row.source === null ? null : (stored.source ?? 'metadata'),
  };
}

function fromRow(row: ReportRow): StoredReport {
  return {
    id: row.id,
    externalId: row.external_id,
    url: row.url,
    contentHash: row.content_hash,
    title: row.title,
    titleSource: row.title_source,
    source: row.source,
    lang: row.lang,
    publishedAt: row.published_at,
    dateSource: row.date_source,
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    origin: row.origin,
    body: row.body,
    understanding: JSON.parse(row.understanding) as unknown,
    analysisVersion: row.analysis_version,
    provenance: provenanceOf(row),
    onTopic: row.on_topic === 1,
    incident: row.incident === 1,
  };
}

const sameProvenance = (a: ReportProvenance, b: ReportProvenance): boolean =>
  a.title === b.title && a.publishedAt === b.publishedAt && a.source === b.source;

/** Whether an update would change anything a reader sees. */
function sameContent(a: ReportRow, b: PreparedReport): boolean {
  return (
    a.content_hash === b.contentHash &&
    a.title === b.title &&
    a.source === b.source &&
    a.published_at === b.publishedAt &&
    a.url === b.url &&
    a.external_id === b.externalId &&
    a.analysis_version === b.analysisVersion &&
    sameProvenance(provenanceOf(a), b.provenance)
  );
}

/**
 * The understanding as a digest reads it, from `json_extract`'s array of places, events,
 * casualties, incident and the first event record, and the JSON type of `eventRecords` (null when
 * the report was analyzed before records existed: then it has none, as in the stored JSON).
 */
function slimUnderstanding(facts: string, records: string | null): unknown {
  const [places, events, casualties, incident, main] = JSON.parse(facts) as unknown[];
  const slim = { places, events, casualties, incident };
  return records === null ? slim : { ...slim, eventRecords: main === null ? [] : [main] };
}

/** Creates the SQLite-backed report store; statements are prepared once. */
export function createReportStore(db: Db): ReportStore {
  const byId = db.prepare<[number], ReportRow>('SELECT * FROM reports WHERE id = ?');
  const byUrl = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE url = ?');
  const byExternal = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE external_id = ?');
  const byHash = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE content_hash = ?');
  const insert = db.prepare(`
    INSERT INTO reports (external_id, url, content_hash, title, title_source, source, lang, published_at,
      date_source, ingested_at, updated_at, origin, body, understanding, analysis_version, announce, provenance, on_topic, incident,
      story_shingles, story_signature)
    VALUES (@externalId, @url, @contentHash, @title, @titleSource, @source, @lang, @publishedAt,
      @dateSource, @now, @now, @origin, @body, @understanding, @analysisVersion, @announce, @provenance, @onTopic, @incident,
      @storyShingles, @storySignature)`);
  const update = db.prepare(`
    UPDATE reports SET external_id = @externalId, url = @url, content_hash = @contentHash, title = @title,
      title_source = @titleSource, source = @source, lang = @lang, published_at = @publishedAt,
      date_source = @dateSource, updated_at = @now, origin = @origin, body = @body,
      understanding = @understanding, analysis_version = @analysisVersion, provenance = @provenance, on_topic = @onTopic, incident = @incident,
      story_shingles = @storyShingles, story_signature = @storySignature
    WHERE id = @id`);
  const fillStory = db.prepare<[Buffer, Buffer | null, number]>('UPDATE reports SET story_shingles = ?, story_signature = ? WHERE id = ?');
  const insertTerms = db.prepare('INSERT INTO report_terms (rowid, title, body) VALUES (?, ?, ?)');
  const deleteTerms = db.prepare('DELETE FROM report_terms WHERE rowid = ?');
  const facetTables = ['report_places', 'report_events', 'report_actors'] as const;
  const facetColumns = { report_places: 'pcode', report_events: 'event_type', report_actors: 'actor' } as const;
  const insertFacet = Object.fromEntries(
    facetTables.map((t) => [
      t,
      t === 'report_actors'
        ? db.prepare<[string, number, number, number]>(`INSERT INTO ${t} (${facetColumns[t]}, report_id, mentions, in_title) VALUES (?, ?, ?, ?)`)
        : db.prepare<[string, number, number, number, number]>(
          `INSERT INTO ${t} (${facetColumns[t]}, report_id, mentions, in_title, in_event) VALUES (?, ?, ?, ?, ?)`,
        ),
    ]),
  ) as Record<(typeof facetTables)[number], Statement>;
  const deleteFacets = facetTables.map((t) => db.prepare(`DELETE FROM ${t} WHERE report_id = ?`));
  const insertEvent = db.prepare(`
    INSERT INTO events (report_id, seq, event_type, sub_event_type, kind, actor1, actor2, country, admin1, admin2, admin3,
      location, geo_precision, latitude, longitude, event_date, time_precision, fatalities, injuries, sentence_start, sentence_end)
    VALUES (@reportId, @seq, @eventType, @subEventType, @kind, @actor1, @actor2, @country, @admin1, @admin2, @admin3,
      @location, @geoPrecision, @latitude, @longitude, @eventDate, @timePrecision, @fatalities, @injuries, @sentenceStart, @sentenceEnd)`);
  const insertEventPlace = db.prepare<[string, number, number]>('INSERT OR IGNORE INTO event_places (pcode, report_id, seq) VALUES (?, ?, ?)');
  const deleteEventPlaces = db.prepare<[number]>('DELETE FROM event_places WHERE report_id = ?');
  const deleteEvents = db.prepare<[number]>('DELETE FROM events WHERE report_id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reports');
  const originStmt = db.prepare<[number], { origin: string }>('SELECT origin FROM reports WHERE id = ?');
  const bodiesContaining = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM reports WHERE body LIKE '%' || ? || '%'");
  // Two range counts on reports_by_analysis_version (migration 8): what is stale is found without a scan.
  const countStale = db.prepare<[{ version: number }], { n: number }>(
    'SELECT (SELECT count(*) FROM reports WHERE analysis_version < @version) + (SELECT count(*) FROM reports WHERE analysis_version > @version) AS n',
  );
  const byIds = db.prepare<[string], ReportRow>('SELECT * FROM reports WHERE id IN (SELECT value FROM json_each(?))');
  const digestByIds = db.prepare<[string], {
    id: number; title: string; source: string | null; url: string | null; published_at: string | null; ingested_at: string;
    analysis_version: number; facts: string; records: string | null;
    story_shingles: Buffer | null; story_signature: Buffer | null;
  }>(`
    SELECT id, title, source, url, published_at, ingested_at, analysis_version, story_shingles, story_signature,
      -- The parts of the understanding composing reads, in one parse of its JSON.
      json_extract(understanding, '$.places', '$.events', '$.casualties', '$.incident', '$.eventRecords[0]') AS facts,
      json_type(understanding, '$.eventRecords') AS records
    FROM reports WHERE id IN (SELECT value FROM json_each(?))`);
  const lengthsByIds = db.prepare<[string], { id: number; chars: number; astral: string | null }>(`
    SELECT id, length(body) AS chars,
      -- length() counts code points, JavaScript UTF-16 units: a body with a character above U+FFFF is read whole.
      CASE WHEN body GLOB '*[' || char(65536) || '-' || char(1114111) || ']*' THEN body END AS astral
    FROM reports WHERE id IN (SELECT value FROM json_each(?))`);
  const bodiesByIds = db.prepare<[string], { id: number; body: string }>('SELECT id, body FROM reports WHERE id IN (SELECT value FROM json_each(?))');
  const latest = db.prepare<[number, number], { id: number }>(
    // NULLs sort last in DESC order: reports of unknown date come after dated ones.
    'SELECT id FROM reports ORDER BY published_at DESC, ingested_at DESC, id DESC LIMIT ? OFFSET ?',
  );
  const lastIdAll = db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM reports');
  // Ids grow with arrival, so the last report that arrived before a time is one seek down reports_by_ingested.
  // (max(id) … WHERE ingested_at < ? walked the whole table backwards when none had: 50 ms at 40k reports.)
  const lastIdBefore = db.prepare<[string], { n: number | null }>('SELECT id AS n FROM reports WHERE ingested_at < ? ORDER BY ingested_at DESC, id DESC LIMIT 1');
  const onTopic = db.prepare<[string], { id: number }>('SELECT id FROM reports WHERE id IN (SELECT value FROM json_each(?)) AND on_topic = 1 ORDER BY id');
  const facetKeysOf = (table: string, column: string) =>
    db.prepare<[number], { key: string }>(`SELECT ${column} AS key FROM ${table} WHERE report_id = ? ORDER BY mentions DESC, ${column}`);
  const placeKeys = facetKeysOf('report_places', 'pcode');
  const eventKeys = facetKeysOf('report_events', 'event_type');
  const facetCountsOf = (table: string, column: string) =>
    db.prepare<[string], KeyCount>(
      `SELECT ${column} AS key, count(*) AS n FROM ${table} WHERE report_id IN (SELECT value FROM json_each(?)) GROUP BY ${column} ORDER BY n DESC, ${column}`,
    );
  const placeCounts = facetCountsOf('report_places', 'pcode');
  const eventCounts = facetCountsOf('report_events', 'event_type');

  function writeIndex(id: number, report: PreparedReport): void {
    insertTerms.run(id, report.titleTerms, report.bodyTerms);
    const facets = { report_places: report.places, report_events: report.events, report_actors: report.actors };
    for (const table of facetTables) {
      for (const f of facets[table]) {
        const row = [f.key, id, f.mentions, f.inTitle ? 1 : 0];
        insertFacet[table].run(...(table === 'report_actors' ? row : [...row, f.inEvent ? 1 : 0]));
      }
    }
    for (const e of report.eventRows) {
      const { lineage, ...row } = e;
      insertEvent.run({ ...row, reportId: id });
      for (const pcode of lineage) insertEventPlace.run(pcode, id, e.seq);
    }
  }

  function clearIndex(id: number): void {
    deleteTerms.run(id);
    for (const stmt of deleteFacets) stmt.run(id);
    deleteEventPlaces.run(id);
    deleteEvents.run(id);
  }

  const upsert = writeTransaction(db, (report: PreparedReport, now: Date, options: UpsertOptions): { status: UpsertStatus; id: number } => {
    const { story, ...fields } = report;
    const params = {
      ...fields,
      storyShingles: hashesToBlob(story.shingles),
      storySignature: story.signature === null ? null : hashesToBlob(story.signature),
      now: now.toISOString(),
      understanding: JSON.stringify(report.understanding),
      provenance: JSON.stringify(report.provenance),
      announce: options.announce === false ? 0 : 1,
      onTopic: report.onTopic ? 1 : 0,
      incident: report.incident ? 1 : 0,
    };
    const existing =
      (report.externalId !== null ? byExternal.get(report.externalId) : undefined) ??
      (report.url !== null ? byUrl.get(report.url) : undefined);
    const sameText = byHash.get(report.contentHash);
    if (existing === undefined) {
      // The same text under another address is the same report: keep the first.
      if (sameText !== undefined) return { status: 'unchanged', id: sameText.id };
      const id = Number(insert.run(params).lastInsertRowid);
      writeIndex(id, report);
      return { status: 'added', id };
    }
    if (sameContent(existing, report)) {
      // Stored before story fingerprints (migration 7): the same report ingested again fills them in.
      if (existing.story_shingles === null) fillStory.run(params.storyShingles, params.storySignature, existing.id);
      return { status: 'unchanged', id: existing.id };
    }
    if (sameText !== undefined && sameText.id !== existing.id) {
      // New text identical to another stored report: the two are one story; leave both as they are.
      return { status: 'unchanged', id: sameText.id };
    }
    update.run({ ...params, id: existing.id });
    clearIndex(existing.id);
    writeIndex(existing.id, report);
    return { status: 'updated', id: existing.id };
  });

  return {
    upsert: (report, now, options = {}) => upsert(report, now, options),
    batch: (fn) => writeTransaction(db, fn)(),
    get: (id) => {
      const row = byId.get(id);
      return row && fromRow(row);
    },
    getMany: (ids) => {
      if (ids.length === 0) return [];
      // One JSON parameter, not one per id: a week's digest may hold more ids than SQLite takes parameters.
      const rows = byIds.all(JSON.stringify(ids));
      const byKey = new Map(rows.map((r) => [r.id, fromRow(r)]));
      return ids.flatMap((id) => byKey.get(id) ?? []);
    },
    findByUrl: (url) => {
      const row = byUrl.get(url);
      return row && fromRow(row);
    },
    findByExternalId: (externalId) => {
      const row = byExternal.get(externalId);
      return row && fromRow(row);
    },
    count: () => countAll.get()!.n,
    originOf: (id) => originStmt.get(id)?.origin,
    countBodiesContaining: (text) => bodiesContaining.get(text)!.n,
    countAnalyzedBefore: (version) => countStale.get({ version })!.n,
    latestIds: (page) => latest.all(page.limit, page.offset).map((r) => r.id),
    lastId: (before) => (before === undefined ? lastIdAll.get() : lastIdBefore.get(before.toISOString()))?.n ?? 0,
    digestRows: (ids) => {
      if (ids.length === 0) return [];
      const byKey = new Map<number, DigestRow>();
      for (const r of digestByIds.iterate(JSON.stringify(ids))) {
        byKey.set(r.id, {
          id: r.id, title: r.title, source: r.source, url: r.url, publishedAt: r.published_at, ingestedAt: r.ingested_at,
          analysisVersion: r.analysis_version,
          understanding: slimUnderstanding(r.facts, r.records),
          story: r.story_shingles === null ? null : {
            shingles: hashesFromBlob(r.story_shingles),
            signature: r.story_signature === null ? null : hashesFromBlob(r.story_signature),
          },
        });
      }
      return ids.flatMap((id) => byKey.get(id) ?? []);
    },
    bodyLengths: (ids) =>
      new Map(ids.length === 0 ? [] : lengthsByIds.all(JSON.stringify(ids)).map((r) => [r.id, r.astral === null ? r.chars : r.astral.length])),
    bodies: (ids) => new Map(ids.length === 0 ? [] : bodiesByIds.all(JSON.stringify(ids)).map((r) => [r.id, r.body])),
    onTopicIds: (ids) => (ids.length === 0 ? [] : onTopic.all(JSON.stringify(ids)).map((r) => r.id)),
    facetKeys: (id) => ({ places: placeKeys.all(id).map((r) => r.key), events: eventKeys.all(id).map((r) => r.key) }),
    facetCounts: (ids) => {
      const json = JSON.stringify(ids);
      return { places: placeCounts.all(json), events: eventCounts.all(json) };
    },
  };
}
