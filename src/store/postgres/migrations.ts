// The PostgreSQL schema, as numbered migrations mirroring the SQLite ones; `schema_version` records which have run.
import type pg from "pg";
import { SitrepError, problem } from "../../core/problems.js";
import { lockKey, LOCK_MIGRATE } from "./locks.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// text compared or sorted is COLLATE "C": byte order, as in SQLite, and prefix LIKE can use the index
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "articles, sentences with full-text search, events, clusters, feeds",
    sql: `
CREATE TABLE articles (
  id bigserial PRIMARY KEY,
  key text COLLATE "C" NOT NULL UNIQUE,
  doc text COLLATE "C" NOT NULL UNIQUE,
  url text, outlet text COLLATE "C", published text COLLATE "C", title text, origin text COLLATE "C",
  content_hash text NOT NULL,
  minhash bytea,
  duplicate_of bigint REFERENCES articles(id),
  raw_kind text NOT NULL CHECK (raw_kind IN ('text', 'html')),
  raw text NOT NULL,
  clean text, -- NULL when the clean text is the raw text itself
  coder_version text COLLATE "C",
  coded_at text,
  ingested_at text NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- LSH buckets of each original article's MinHash signature
CREATE TABLE article_lsh (bucket bigint NOT NULL, article bigint NOT NULL, PRIMARY KEY (bucket, article));
CREATE INDEX article_lsh_article ON article_lsh(article);

-- every coding of an article, the replaced ones kept with when they were replaced
CREATE TABLE codings (
  article bigint NOT NULL REFERENCES articles(id),
  coder_version text NOT NULL,
  coded_at text NOT NULL,
  events integer NOT NULL,
  replaced_at text
);
CREATE INDEX codings_article ON codings(article);

-- full-text search: a generated tsvector ('simple': no stemming, like SQLite's unicode61) under a GIN index
CREATE TABLE sentences (
  id bigserial PRIMARY KEY,
  article bigint NOT NULL REFERENCES articles(id),
  idx integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  caption boolean NOT NULL,
  text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED,
  UNIQUE (article, idx)
);
CREATE INDEX sentences_tsv ON sentences USING gin (tsv);

CREATE TABLE clusters (
  id bigserial PRIMARY KEY,
  key text COLLATE "C" NOT NULL,
  first_date text COLLATE "C",
  last_date text COLLATE "C",
  lat double precision, lon double precision, country text,
  reports integer NOT NULL DEFAULT 0,
  n_outlets integer NOT NULL DEFAULT 0,
  n_sources integer NOT NULL DEFAULT 0
);
CREATE INDEX clusters_key ON clusters(key, last_date);
CREATE INDEX clusters_first_date ON clusters(first_date);
-- a cluster's outlets and independent sources, each with how many of its reports (or copies of them) carry it
CREATE TABLE cluster_outlets (cluster bigint NOT NULL, outlet text COLLATE "C" NOT NULL, n integer NOT NULL, PRIMARY KEY (cluster, outlet));
CREATE TABLE cluster_sources (cluster bigint NOT NULL, source text COLLATE "C" NOT NULL, n integer NOT NULL, PRIMARY KEY (cluster, source));

CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL,
  article bigint NOT NULL REFERENCES articles(id),
  sentence integer NOT NULL,
  date text COLLATE "C",
  code text COLLATE "C" NOT NULL,
  root text COLLATE "C" NOT NULL,
  quad integer NOT NULL,
  goldstein double precision NOT NULL,
  plover text COLLATE "C",
  source_code text COLLATE "C" NOT NULL,
  target_code text COLLATE "C",
  location text,
  loc_country text COLLATE "C",
  lat double precision, lon double precision,
  cluster bigint REFERENCES clusters(id),
  origin text COLLATE "C" NOT NULL,
  record text NOT NULL
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_article ON events(article, sentence);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX events_source ON events(source_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_cluster ON events(cluster);
-- located events, for place + radius queries: a bounding box on this index, then the great-circle distance
CREATE INDEX events_geo ON events USING gist (point(lon, lat)) WHERE lat IS NOT NULL AND lon IS NOT NULL;

-- one row per country an event involves (its place, its source, its target): the country index
CREATE TABLE event_country (country text COLLATE "C" NOT NULL, date text COLLATE "C" NOT NULL, event bigint NOT NULL, PRIMARY KEY (country, date, event));
CREATE INDEX event_country_event ON event_country(event);

CREATE TABLE feeds (
  url text COLLATE "C" PRIMARY KEY,
  etag text, last_modified text,
  failures integer NOT NULL DEFAULT 0,
  last_error text, last_ok text,
  next_due bigint NOT NULL DEFAULT 0
);
`,
  },
  {
    version: 2,
    name: "alerts, notifiers and their delivery outbox",
    sql: `
CREATE TABLE alerts (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  watch text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  at text COLLATE "C" NOT NULL,
  record text NOT NULL
);
CREATE INDEX alerts_watch ON alerts(watch, seq);
CREATE INDEX alerts_at ON alerts(at);

CREATE TABLE notifiers (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  target text NOT NULL,
  options text NOT NULL, -- JSON; a webhook's signing secret is kept here (it must be usable to sign)
  created_at text NOT NULL,
  UNIQUE (kind, target)
);

CREATE TABLE deliveries (
  alert bigint NOT NULL REFERENCES alerts(seq),
  notifier bigint NOT NULL REFERENCES notifiers(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_at bigint NOT NULL DEFAULT 0, -- epoch ms of the next attempt
  last_error text,
  done_at text,
  PRIMARY KEY (alert, notifier)
);
CREATE INDEX deliveries_pending ON deliveries(status, notifier, alert);
`,
  },
  {
    version: 3,
    name: "watches, their risk dates, outlet trust, and dates named in articles",
    sql: `
CREATE TABLE watches (
  id bigserial PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE,
  definition text NOT NULL, -- JSON: place, radiusKm, countries, actor, thresholds
  created_at text NOT NULL
);

CREATE TABLE risk_dates (
  id bigserial PRIMARY KEY,
  watch bigint NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
  date text COLLATE "C" NOT NULL,
  label text NOT NULL,
  yearly boolean NOT NULL DEFAULT false
);
CREATE INDEX risk_dates_watch ON risk_dates(watch, date);

-- one weight per outlet whatever the case of its name (SQLite: COLLATE NOCASE)
CREATE TABLE outlet_trust (
  outlet text NOT NULL,
  weight double precision NOT NULL CHECK (weight >= 0 AND weight <= 1)
);
CREATE UNIQUE INDEX outlet_trust_outlet ON outlet_trust (lower(outlet));

CREATE TABLE article_dates (
  id bigserial PRIMARY KEY,
  article bigint NOT NULL REFERENCES articles(id),
  sentence integer NOT NULL,
  date text COLLATE "C" NOT NULL,
  role text NOT NULL CHECK (role IN ('anniversary', 'future')),
  mention text NOT NULL,
  place text, country text COLLATE "C", lat double precision, lon double precision
);
CREATE INDEX article_dates_date ON article_dates(date);
CREATE INDEX article_dates_article ON article_dates(article);
`,
  },
];

/** The newest schema this code knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The schema's version, 0 when it has no sitrep tables. */
export async function schemaVersion(c: pg.Pool | pg.PoolClient, schema: string): Promise<number> {
  const t = await c.query<{ t: string | null }>("SELECT to_regclass(quote_ident($1) || '.schema_version')::text AS t", [schema]);
  if (!t.rows[0].t) return 0;
  const v = await c.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_version");
  return v.rows[0].v ?? 0;
}

/**
 * Brings the schema up to date in one transaction, under an advisory lock: two processes migrating at once take
 * turns, and the second finds nothing left to do. Returns the version before and after.
 */
export async function migrate(pool: pg.Pool, schema: string, where: string): Promise<{ from: number; to: number }> {
  const before = await schemaVersion(pool, schema);
  if (before > SCHEMA_VERSION) throw new SitrepError(problem("E_STORE_SCHEMA", where, `the database is at version ${before}, this sitrep knows up to ${SCHEMA_VERSION}`));
  if (before === SCHEMA_VERSION) return { from: before, to: before };
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_MIGRATE, lockKey(schema)]);
    // quote_ident: the name is checked already; this keeps it an identifier whatever it is
    const q = await c.query<{ q: string }>("SELECT quote_ident($1) AS q", [schema]);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${q.rows[0].q}`);
    await c.query("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, name text NOT NULL, applied_at text NOT NULL)");
    const have = await schemaVersion(c, schema);
    if (have > SCHEMA_VERSION) throw new SitrepError(problem("E_STORE_SCHEMA", where, `the database is at version ${have}, this sitrep knows up to ${SCHEMA_VERSION}`));
    for (const m of MIGRATIONS) {
      if (m.version <= have) continue;
      await c.query(m.sql);
      await c.query("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, new Date().toISOString()]);
    }
    await c.query("COMMIT");
    return { from: have, to: SCHEMA_VERSION };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
