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
  {
    name: 'digest subscriptions, runs and the outbox',
    sql: `
      CREATE TABLE subscriptions (
        id          INTEGER PRIMARY KEY,
        platform    TEXT NOT NULL CHECK (platform IN ('console', 'telegram', 'discord')),
        chat_id     TEXT NOT NULL,
        -- A forum topic (Telegram message_thread_id) or a thread / forum channel (Discord).
        thread_id   TEXT,
        label       TEXT,
        cron        TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        -- In the search query language; NULL means every new report.
        filter      TEXT,
        item_cap    INTEGER NOT NULL CHECK (item_cap BETWEEN 1 AND 200),
        send_empty  INTEGER NOT NULL DEFAULT 0,
        paused      INTEGER NOT NULL DEFAULT 0,
        -- The last report id covered by a fully delivered digest; moves only when a run is delivered.
        watermark   INTEGER NOT NULL,
        next_run_at TEXT NOT NULL,
        last_run_at TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT
      );

      -- A digest run is written, with all its messages, before anything is sent.
      CREATE TABLE digest_runs (
        id              INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        from_report_id  INTEGER NOT NULL,
        to_report_id    INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('sending', 'delivered', 'failed')),
        delivered_at    TEXT,
        last_error      TEXT
      );
      CREATE INDEX digest_runs_by_state ON digest_runs (state, subscription_id, id);

      CREATE TABLE outbox (
        run_id              INTEGER NOT NULL REFERENCES digest_runs (id) ON DELETE CASCADE,
        seq                 INTEGER NOT NULL,
        payload             TEXT NOT NULL,
        sent_at             TEXT,
        platform_message_id TEXT,
        attempts            INTEGER NOT NULL DEFAULT 0,
        last_error          TEXT,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    name: 'where each report field came from (metadata, page, text), so updates never lose what is known',
    sql: `
      ALTER TABLE reports ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}';
    `,
  },
  {
    name: 'event records, on-topic and incident per report, event-backed facets, subscriptions for everything',
    sql: `
      -- Per report: about the conflict (on_topic) and telling of specific happenings (incident).
      ALTER TABLE reports ADD COLUMN on_topic INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE reports ADD COLUMN incident INTEGER NOT NULL DEFAULT 0;

      -- ACLED-style event records; seq 0 is the report's main event.
      CREATE TABLE events (
        report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        seq            INTEGER NOT NULL,
        event_type     TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        kind           TEXT NOT NULL,
        actor1         TEXT,
        actor2         TEXT,
        -- ISO 3166-1 alpha-2 of the country, and the admin p-codes of the location's lineage.
        country        TEXT,
        admin1         TEXT,
        admin2         TEXT,
        admin3         TEXT,
        location       TEXT,
        geo_precision  INTEGER CHECK (geo_precision IN (1, 2, 3)),
        latitude       REAL,
        longitude      REAL,
        event_date     TEXT,
        time_precision INTEGER CHECK (time_precision IN (1, 2, 3)),
        fatalities     INTEGER NOT NULL,
        injuries       INTEGER NOT NULL,
        sentence_start INTEGER,
        sentence_end   INTEGER,
        PRIMARY KEY (report_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX events_by_admin1 ON events (admin1, event_date);
      CREATE INDEX events_by_kind ON events (kind, event_date);
      CREATE INDEX events_by_type ON events (event_type, sub_event_type, event_date);
      CREATE INDEX events_by_date ON events (event_date);

      -- Every place of an event's location lineage (town, sub-district, district, governorate,
      -- country), so "events in Raqqa" is an index seek whatever level the event sits at.
      CREATE TABLE event_places (
        pcode     TEXT NOT NULL,
        report_id INTEGER NOT NULL,
        seq       INTEGER NOT NULL,
        PRIMARY KEY (pcode, report_id, seq),
        FOREIGN KEY (report_id, seq) REFERENCES events (report_id, seq) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX event_places_by_event ON event_places (report_id, seq);

      -- Facet rows backed by an event record (the place where one happened, its kind and broader
      -- kinds), beside rows for words that merely appear: search may ask for in_event = 1.
      ALTER TABLE report_places ADD COLUMN in_event INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE report_events ADD COLUMN in_event INTEGER NOT NULL DEFAULT 0;

      -- 1: the subscription's digests carry every report, not only on-topic ones.
      ALTER TABLE subscriptions ADD COLUMN include_off_topic INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    name: 'subscriptions name any registered platform (the platform list lives in bin/platforms.ts, not in the schema)',
    // SQLite cannot change a CHECK in place. The three digest tables are copied aside and rebuilt:
    // children first, so that dropping a parent cascades to nothing that is kept.
    sql: `
      CREATE TEMP TABLE keep_subscriptions AS SELECT * FROM subscriptions;
      CREATE TEMP TABLE keep_digest_runs AS SELECT * FROM digest_runs;
      CREATE TEMP TABLE keep_outbox AS SELECT * FROM outbox;
      DROP TABLE outbox;
      DROP TABLE digest_runs;
      DROP TABLE subscriptions;

      CREATE TABLE subscriptions (
        id          INTEGER PRIMARY KEY,
        -- A platform's name; which names exist is the code's to say (bin/platforms.ts).
        platform    TEXT NOT NULL CHECK (platform <> ''),
        chat_id     TEXT NOT NULL,
        -- A forum topic (Telegram message_thread_id) or a thread / forum channel (Discord).
        thread_id   TEXT,
        label       TEXT,
        cron        TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        -- In the search query language; NULL means every new report.
        filter      TEXT,
        item_cap    INTEGER NOT NULL CHECK (item_cap BETWEEN 1 AND 200),
        send_empty  INTEGER NOT NULL DEFAULT 0,
        paused      INTEGER NOT NULL DEFAULT 0,
        -- The last report id covered by a fully delivered digest; moves only when a run is delivered.
        watermark   INTEGER NOT NULL,
        next_run_at TEXT NOT NULL,
        last_run_at TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT,
        -- 1: the subscription's digests carry every report, not only on-topic ones.
        include_off_topic INTEGER NOT NULL DEFAULT 0
      );

      -- A digest run is written, with all its messages, before anything is sent.
      CREATE TABLE digest_runs (
        id              INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        from_report_id  INTEGER NOT NULL,
        to_report_id    INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('sending', 'delivered', 'failed')),
        delivered_at    TEXT,
        last_error      TEXT
      );
      CREATE INDEX digest_runs_by_state ON digest_runs (state, subscription_id, id);

      CREATE TABLE outbox (
        run_id              INTEGER NOT NULL REFERENCES digest_runs (id) ON DELETE CASCADE,
        seq                 INTEGER NOT NULL,
        payload             TEXT NOT NULL,
        sent_at             TEXT,
        platform_message_id TEXT,
        attempts            INTEGER NOT NULL DEFAULT 0,
        last_error          TEXT,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;

      INSERT INTO subscriptions SELECT * FROM keep_subscriptions;
      INSERT INTO digest_runs SELECT * FROM keep_digest_runs;
      INSERT INTO outbox SELECT * FROM keep_outbox;
      DROP TABLE keep_subscriptions;
      DROP TABLE keep_digest_runs;
      DROP TABLE keep_outbox;
    `,
  },
  {
    name: 'story fingerprints stored with each report, so a digest does not analyse every body again',
    // Filled at ingest. A migration is SQL and cannot run the analyzer, so reports stored before
    // this step keep NULL: the digest computes theirs from the text when it composes them (as it
    // did for every report before), and a re-ingest stores them.
    sql: `
      -- The distinct hashes of the word 3-gram shingles of the headline and body, sorted, as
      -- little-endian 32-bit words (src/text/min-hash.ts, storyHashes); empty for a text of no words.
      ALTER TABLE reports ADD COLUMN story_shingles BLOB;
      -- Their MinHash signature (64 little-endian 32-bit words); NULL when there are no shingles.
      ALTER TABLE reports ADD COLUMN story_signature BLOB;
    `,
  },
  {
    name: 'an index on the analysis version, so counting stale reports at start does not read every row',
    // Without it the count at every start (createCore) scanned the whole table, bodies included:
    // 0.1-0.3 s at 40k reports, about 1 s at 400k. With it, two range look-ups that find nothing.
    sql: `
      CREATE INDEX reports_by_analysis_version ON reports (analysis_version);
    `,
  },
  {
    name: 'pictures in the outbox, and digests that open with a chart',
    // A chart PNG is 50-200 KB: stored as bytes beside the message's JSON, not as base64 in it
    // (a third larger, and parsed with the JSON at every read of the run's messages).
    sql: `
      -- The PNG of a picture message (digests/message-sink.ts, PicturePayload); NULL for text.
      ALTER TABLE outbox ADD COLUMN picture BLOB;
      -- 1: the subscription's digests open with a chart (when the service has a chart maker).
      ALTER TABLE subscriptions ADD COLUMN with_chart INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    name: 'spike alerts: a subscription kind, its k and its firing state, and one alert run per burst',
    // An alert is a subscription checked on its cron (hourly): the events matching its filter in the
    // last 24 hours against their daily mean over the 28 days before (digests/alert-check.ts).
    sql: `
      -- 'digest': scheduled digests; 'alert': spike alerts on the filter (which an alert must have).
      ALTER TABLE subscriptions ADD COLUMN kind TEXT NOT NULL DEFAULT 'digest' CHECK (kind IN ('digest', 'alert'));
      -- Standard deviations above the mean that fire an alert (NULL for digests).
      ALTER TABLE subscriptions ADD COLUMN alert_k REAL CHECK (alert_k IS NULL OR alert_k > 0);
      -- Hysteresis: 'firing' from the check that fired (alert_since) until the count falls back.
      ALTER TABLE subscriptions ADD COLUMN alert_state TEXT NOT NULL DEFAULT 'quiet' CHECK (alert_state IN ('quiet', 'firing'));
      ALTER TABLE subscriptions ADD COLUMN alert_since TEXT;
      -- The last check: when, and the count and threshold it saw (for rasid subscriptions list).
      ALTER TABLE subscriptions ADD COLUMN alert_checked_at TEXT;
      ALTER TABLE subscriptions ADD COLUMN alert_count INTEGER;
      ALTER TABLE subscriptions ADD COLUMN alert_threshold REAL;

      -- An alert's run names its burst (the firing state's since-time): one run per burst, even if a
      -- check ran twice (the state change and the run are one transaction; this is the last guard).
      ALTER TABLE digest_runs ADD COLUMN alert_since TEXT;
      CREATE UNIQUE INDEX digest_runs_one_per_burst ON digest_runs (subscription_id, alert_since) WHERE alert_since IS NOT NULL;
    `,
  },
];
