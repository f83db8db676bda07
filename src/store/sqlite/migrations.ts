// The SQLite schema, as numbered migrations; `schema_version` records which have run.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "articles, sentences with full-text search, events, clusters, feeds",
    sql: `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL UNIQUE,
  url TEXT, outlet TEXT, published TEXT, title TEXT, origin TEXT,
  content_hash TEXT NOT NULL,
  minhash BLOB,
  duplicate_of INTEGER REFERENCES articles(id),
  raw_kind TEXT NOT NULL CHECK (raw_kind IN ('text', 'html')),
  raw TEXT NOT NULL,
  clean TEXT, -- NULL when the clean text is the raw text itself
  coder_version TEXT,
  coded_at TEXT,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- LSH buckets of each original article's MinHash signature
CREATE TABLE article_lsh (bucket INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (bucket, article)) WITHOUT ROWID;
CREATE INDEX article_lsh_article ON article_lsh(article);

-- every coding of an article, the replaced ones kept with when they were replaced
CREATE TABLE codings (
  article INTEGER NOT NULL REFERENCES articles(id),
  coder_version TEXT NOT NULL,
  coded_at TEXT NOT NULL,
  events INTEGER NOT NULL,
  replaced_at TEXT
);
CREATE INDEX codings_article ON codings(article);

CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  caption INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (article, idx)
);
-- full-text index over the sentences, filled in batches (one small FTS segment per article is slow to write):
-- fts_state.upto is the last sentence id indexed; a deleted sentence leaves the index only if it was in it
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TABLE fts_state (upto INTEGER NOT NULL);
INSERT INTO fts_state (upto) VALUES (0);
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences WHEN old.id <= (SELECT upto FROM fts_state) BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  first_date TEXT,
  last_date TEXT,
  lat REAL, lon REAL, country TEXT,
  reports INTEGER NOT NULL DEFAULT 0,
  n_outlets INTEGER NOT NULL DEFAULT 0,
  n_sources INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_key ON clusters(key, last_date);
-- a cluster's outlets and independent sources, each with how many of its reports (or copies of them) carry it:
-- counts kept as reports come and go, so a large cluster is never re-counted
CREATE TABLE cluster_outlets (cluster INTEGER NOT NULL, outlet TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (cluster, outlet)) WITHOUT ROWID;
CREATE TABLE cluster_sources (cluster INTEGER NOT NULL, source TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (cluster, source)) WITHOUT ROWID;

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(id),
  sentence INTEGER NOT NULL,
  date TEXT,
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT,
  source_code TEXT NOT NULL,
  target_code TEXT,
  location TEXT,
  loc_country TEXT,
  lat REAL, lon REAL,
  cluster INTEGER REFERENCES clusters(id),
  origin TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_article ON events(article, sentence);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX events_source ON events(source_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_cluster ON events(cluster);

-- one row per country an event involves (its place, its source, its target): the country index
CREATE TABLE event_country (country TEXT NOT NULL, date TEXT NOT NULL, event INTEGER NOT NULL, PRIMARY KEY (country, date, event)) WITHOUT ROWID;

-- located events, for place + radius queries
CREATE VIRTUAL TABLE events_geo USING rtree(seq, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT, last_modified TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT, last_ok TEXT,
  next_due INTEGER NOT NULL DEFAULT 0
);
`,
  },
  {
    version: 2,
    name: "alerts, notifiers and their delivery outbox",
    sql: `
-- every alert once (id = its cause), in the order raised
CREATE TABLE alerts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  watch TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX alerts_watch ON alerts(watch, seq);
CREATE INDEX alerts_at ON alerts(at);

CREATE TABLE notifiers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  options TEXT NOT NULL, -- JSON; a webhook's signing secret is kept here (it must be usable to sign)
  created_at TEXT NOT NULL,
  UNIQUE (kind, target)
);

-- one row per alert and notifier: pending until delivered, or dead after the last retry (a dead letter, with its reason)
CREATE TABLE deliveries (
  alert INTEGER NOT NULL REFERENCES alerts(seq),
  notifier INTEGER NOT NULL REFERENCES notifiers(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL DEFAULT 0, -- epoch ms of the next attempt
  last_error TEXT,
  done_at TEXT,
  PRIMARY KEY (alert, notifier)
) WITHOUT ROWID;
CREATE INDEX deliveries_pending ON deliveries(status, notifier, alert);
`,
  },
  {
    version: 3,
    name: "watches, their risk dates, outlet trust, and dates named in articles",
    sql: `
CREATE TABLE watches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL, -- JSON: place, radiusKm, countries, actor, thresholds
  created_at TEXT NOT NULL
);

-- dates the user enters for a watch (an election, a holiday); a yearly one recurs on its month and day
CREATE TABLE risk_dates (
  id INTEGER PRIMARY KEY,
  watch INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  label TEXT NOT NULL,
  yearly INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX risk_dates_watch ON risk_dates(watch, date);

CREATE TABLE outlet_trust (
  outlet TEXT PRIMARY KEY COLLATE NOCASE,
  weight REAL NOT NULL CHECK (weight >= 0 AND weight <= 1)
);

-- anniversaries and coming dates an article names, per sentence; rewritten when the article is re-coded
CREATE TABLE article_dates (
  article INTEGER NOT NULL REFERENCES articles(id),
  sentence INTEGER NOT NULL,
  date TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('anniversary', 'future')),
  mention TEXT NOT NULL,
  place TEXT, country TEXT, lat REAL, lon REAL -- a place the same sentence names
);
CREATE INDEX article_dates_date ON article_dates(date);
CREATE INDEX article_dates_article ON article_dates(article);
`,
  },
  {
    version: 4,
    name: "the country index carries each event's root, code and cluster",
    // so that a country and month's clusters, and its events of some roots, come from the index alone, not from
    // reading every wide event row (over 1,000,000 events: rebuilt in about 13 s)
    sql: `
CREATE TABLE event_country_v4 (
  country TEXT NOT NULL, date TEXT NOT NULL, event INTEGER NOT NULL,
  root TEXT NOT NULL, code TEXT NOT NULL, cluster INTEGER, -- copies of the event's, which never change (a re-coding writes new events)
  PRIMARY KEY (country, date, event)
) WITHOUT ROWID;
INSERT INTO event_country_v4 (country, date, event, root, code, cluster)
  SELECT ec.country, ec.date, ec.event, e.root, e.code, e.cluster FROM event_country ec JOIN events e ON e.seq = ec.event ORDER BY 1, 2, 3;
DROP TABLE event_country;
ALTER TABLE event_country_v4 RENAME TO event_country;
`,
  },
];

/** The newest schema this code knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
