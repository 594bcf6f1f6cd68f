/** The schema, as a list of forward-only steps; step N brings the database to user_version N. Never edit a shipped step. */

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'reports and their index',
    sql: `
      CREATE TABLE reports (
        id             INTEGER PRIMARY KEY,
        external_id    TEXT UNIQUE,
        url            TEXT UNIQUE,
        content_hash   TEXT NOT NULL UNIQUE,
        title          TEXT NOT NULL,
        title_source   TEXT NOT NULL CHECK (title_source IN ('metadata', 'headline', 'first_sentence')),
        source         TEXT,
        lang           TEXT NOT NULL DEFAULT 'ar',
        published_at   TEXT,
        date_source    TEXT CHECK (date_source IN ('metadata', 'text')),
        ingested_at    TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        origin         TEXT NOT NULL,
        body           TEXT NOT NULL,
        understanding  TEXT NOT NULL,
        analysis_version INTEGER NOT NULL
      );
      CREATE INDEX reports_by_published ON reports (published_at, ingested_at);
      CREATE INDEX reports_by_ingested ON reports (ingested_at, id);

      -- Analyzed (normalized, stemmed) terms; contentless because snippets come from reports.body.
      CREATE VIRTUAL TABLE report_terms USING fts5 (
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );

      -- One row per report and place, with every ancestor of a mentioned place expanded,
      -- so a query for a governorate finds the towns inside it.
      CREATE TABLE report_places (
        pcode     TEXT NOT NULL,
        report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        mentions  INTEGER NOT NULL,
        in_title  INTEGER NOT NULL,
        PRIMARY KEY (pcode, report_id)
      ) WITHOUT ROWID;
      CREATE INDEX report_places_by_report ON report_places (report_id);

      -- Event types, with ancestors expanded (a car bomb is also a bombing and an attack).
      CREATE TABLE report_events (
        event_type TEXT NOT NULL,
        report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        mentions   INTEGER NOT NULL,
        in_title   INTEGER NOT NULL,
        PRIMARY KEY (event_type, report_id)
      ) WITHOUT ROWID;
      CREATE INDEX report_events_by_report ON report_events (report_id);

      CREATE TABLE report_actors (
        actor     TEXT NOT NULL,
        report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        mentions  INTEGER NOT NULL,
        in_title  INTEGER NOT NULL,
        PRIMARY KEY (actor, report_id)
      ) WITHOUT ROWID;
      CREATE INDEX report_actors_by_report ON report_actors (report_id);
    `,
  },
  {
    name: 'feeds, their items, and whether a report is announced in digests',
    sql: `
      -- 0 for reports that were already there when their source was added (a feed's backlog):
      -- searchable, but never announced as new in a digest.
      ALTER TABLE reports ADD COLUMN announce INTEGER NOT NULL DEFAULT 1;

      CREATE TABLE feeds (
        id                   INTEGER PRIMARY KEY,
        url                  TEXT NOT NULL UNIQUE,
        name                 TEXT,
        every_minutes        INTEGER NOT NULL CHECK (every_minutes >= 1),
        state                TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
        paused_reason        TEXT,
        -- Until the first successful poll, items are the backlog: recorded, not announced
        -- (except those published since backfill_since, when given).
        primed               INTEGER NOT NULL DEFAULT 0,
        backfill_since       TEXT,
        etag                 TEXT,
        last_modified        TEXT,
        last_polled_at       TEXT,
        last_success_at      TEXT,
        last_error           TEXT,
        last_error_at        TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_poll_at         TEXT NOT NULL,
        created_at           TEXT NOT NULL
      );
      CREATE INDEX feeds_due ON feeds (state, next_poll_at);

      -- Every item a feed has shown, so an item is fetched once, and the report it became.
      CREATE TABLE feed_items (
        feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        item_key      TEXT NOT NULL,
        report_id     INTEGER REFERENCES reports (id) ON DELETE SET NULL,
        status        TEXT NOT NULL CHECK (status IN ('ingested', 'failed')),
        reason        TEXT,
        attempts      INTEGER NOT NULL DEFAULT 1,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_key)
      ) WITHOUT ROWID;
    `,
  },
];
