// The shared Store: PostgreSQL through a pg.Pool, one transaction per article, safe with many writers on many machines.
import type pg from "pg";
import { SitrepError, problem } from "../../core/problems.js";
import type { CodedEvent } from "../../core/types.js";
import { buckets, fromBlob, similarity, NEAR_JACCARD } from "../../dedup/minhash.js";
import type { ArticleDate, ArticleMeta, ArticleWrite, Cluster, EventQuery, FeedState, PutOutcome, SentenceRow, Store, StoreStats, StoredEvent } from "../store.js";
import { articleDateOf, articleWriteOf, byArticle, clusterMembers, clusterOf, feedStateOf, metaOf, sentenceOf, type Row, type TextOf } from "../rows.js";
import { eventFilter } from "./event-filter.js";
import { migrate, schemaVersion, SCHEMA_VERSION } from "./migrations.js";
import { named } from "./named.js";
import { fromPgText } from "./nul-text.js";
import { Params } from "./params.js";
import { connectProblem, newPool, parsePgUrl, type PgTarget } from "./pg-connect.js";
import { PgOutbox } from "./pg-outbox.js";
import { putArticle } from "./pg-put.js";
import { inTransaction } from "./pg-tx.js";
import { PgWatches } from "./pg-watches.js";

/** Text as stored (NUL characters escaped) back to the text written. */
const pgText: TextOf = (t) => fromPgText(t);


export interface PgOptions {
  /** Refuse a database without sitrep's tables (commands that only read): `sitrep db migrate` makes them. */
  mustExist?: boolean;
  /** Do not create or upgrade the schema. */
  readonly?: boolean;
  /** Sessions in the pool (default 10). */
  poolSize?: number;
}

/**
 * Opens the store at a postgres:// URL (`?schema=name` picks the schema, default public), creating or upgrading its
 * tables unless readonly. Failing to connect is a SitrepError naming host:port and database, never the password.
 */
export async function openPgStore(url: string, opts: PgOptions = {}): Promise<PgStore> {
  const t = parsePgUrl(url);
  const pool = newPool(t, opts.poolSize);
  try {
    await pool.query("SELECT 1");
    const v = await schemaVersion(pool, t.schema);
    if (v > SCHEMA_VERSION) throw new SitrepError(problem("E_STORE_SCHEMA", t.label, `the database is at version ${v}, this sitrep knows up to ${SCHEMA_VERSION}`));
    if (v === 0 && (opts.mustExist || opts.readonly)) throw new SitrepError(problem("E_STORE_OPEN", t.label, `schema "${t.schema}" of database "${t.database}" has no sitrep tables (make them with: sitrep db migrate)`));
    if (!opts.readonly) await migrate(pool, t.schema, t.label);
  } catch (e) {
    await pool.end().catch(() => {});
    throw connectProblem(e, t);
  }
  return new PgStore(pool, t);
}

/** Creates or upgrades the schema at a postgres:// URL (`sitrep db migrate`): its versions before and after. */
export async function migratePgUrl(url: string): Promise<{ label: string; schema: string; from: number; to: number }> {
  const t = parsePgUrl(url);
  const pool = newPool(t, 1);
  try {
    await pool.query("SELECT 1");
    return { label: t.label, schema: t.schema, ...(await migrate(pool, t.schema, t.label)) };
  } catch (e) {
    throw connectProblem(e, t);
  } finally {
    await pool.end().catch(() => {});
  }
}

const META = "a.key, a.doc, a.url, a.outlet, a.published, a.title, a.origin, a.coder_version, a.ingested_at, d.key AS dup_key";



export class PgStore implements Store {
  readonly kind = "postgres";
  readonly outbox: PgOutbox;
  readonly watches: PgWatches;

  constructor(
    readonly pool: pg.Pool,
    readonly target: PgTarget,
  ) {
    this.outbox = new PgOutbox(pool);
    this.watches = new PgWatches(pool);
  }

  private async rows<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(named(sql, params))).rows as T[];
  }

  async getArticle(key: string): Promise<ArticleMeta | null> {
    const [r] = await this.rows(`SELECT ${META} FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.key = $1`, [key]);
    return r ? metaOf(r, pgText) : null;
  }

  async getArticleByDoc(doc: string): Promise<ArticleMeta | null> {
    const [r] = await this.rows(`SELECT ${META} FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.doc = $1`, [doc]);
    return r ? metaOf(r, pgText) : null;
  }

  async docTaken(doc: string): Promise<boolean> {
    return (await this.rows("SELECT 1 FROM articles WHERE doc = $1", [doc])).length > 0;
  }

  async findDuplicate(contentHash: string, minhash: Uint32Array | null): Promise<{ key: string; doc: string } | null> {
    // the original of a copy, however many copies deep (at most 8 steps, as in SQLite)
    const [same] = await this.rows(
      `WITH RECURSIVE up(id, key, doc, duplicate_of, depth) AS (
         (SELECT id, key, doc, duplicate_of, 0 FROM articles WHERE content_hash = $1 ORDER BY id LIMIT 1)
         UNION ALL SELECT a.id, a.key, a.doc, a.duplicate_of, up.depth + 1 FROM up JOIN articles a ON a.id = up.duplicate_of WHERE up.depth < 8)
       SELECT key, doc FROM up ORDER BY depth DESC LIMIT 1`,
      [contentHash],
    );
    if (same) return { key: same.key as string, doc: same.doc as string };
    if (!minhash) return null;
    let best: { key: string; doc: string } | null = null;
    let bestSim = NEAR_JACCARD;
    const cands = await this.rows("SELECT DISTINCT a.id, a.key, a.doc, a.minhash FROM article_lsh l JOIN articles a ON a.id = l.article WHERE l.bucket = ANY($1::bigint[]) ORDER BY a.id", [buckets(minhash)]);
    for (const c of cands) {
      if (!c.minhash) continue;
      const sim = similarity(minhash, fromBlob(c.minhash as Buffer));
      if (sim >= bestSim) [best, bestSim] = [{ key: c.key as string, doc: c.doc as string }, sim];
    }
    return best;
  }

  async putArticle(a: ArticleWrite): Promise<PutOutcome> {
    try {
      return await inTransaction(this.pool, (c) => putArticle(c, this.target.schema, a), { fastCommit: true });
    } catch (e) {
      if (e instanceof SitrepError) throw e;
      throw new SitrepError(problem("E_STORE_WRITE", a.doc, (e as Error).message));
    }
  }

  async getRaw(key: string): Promise<{ meta: ArticleMeta; raw: ArticleWrite["raw"] } | null> {
    const [r] = await this.rows(`SELECT ${META}, a.raw_kind, a.raw FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.key = $1`, [key]);
    return r ? { meta: metaOf(r, pgText), raw: { kind: r.raw_kind as "text" | "html", body: fromPgText(r.raw as string) } } : null;
  }

  async staleArticles(coderVersion: string, limit: number): Promise<string[]> {
    const rows = await this.rows("SELECT key FROM articles WHERE duplicate_of IS NULL AND (coder_version IS NULL OR coder_version <> $1) ORDER BY id LIMIT $2", [coderVersion, limit]);
    return rows.map((r) => r.key as string);
  }

  async getSentences(doc: string): Promise<SentenceRow[]> {
    return (await this.rows('SELECT s.idx, s.start, s."end", s.caption, s.text FROM sentences s JOIN articles a ON a.id = s.article WHERE a.doc = $1 ORDER BY s.idx', [doc])).map((r) => sentenceOf(r, pgText));
  }

  async queryEvents(q: EventQuery): Promise<StoredEvent[]> {
    const p = new Params();
    const { from, where } = eventFilter(q, p);
    if (q.after != null) where.push(`e.seq > ${p.add(q.after)}`);
    const sql = `SELECT e.seq, e.record, e.cluster, a.doc, a.url, a.outlet, a.published, a.origin FROM ${from} ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY e.seq LIMIT ${p.add(q.limit ?? 1000)}`;
    return (await this.rows(sql, p.values)).map((r) => ({
      seq: r.seq as number,
      event: JSON.parse(r.record as string) as CodedEvent,
      article: { doc: r.doc as string, url: (r.url as string) ?? null, outlet: (r.outlet as string) ?? null, published: (r.published as string) ?? null, origin: (r.origin as string) ?? null },
      cluster: (r.cluster as number) ?? null,
    }));
  }

  async queryClusters(q: EventQuery): Promise<Cluster[]> {
    const p = new Params();
    const { from, where } = eventFilter(q, p);
    const inner = `SELECT e.cluster FROM ${from} ${where.length ? "WHERE " + where.join(" AND ") : ""}`;
    const sql = `SELECT * FROM clusters WHERE id IN (${inner}) ${q.after != null ? `AND id > ${p.add(q.after)}` : ""} ORDER BY id LIMIT ${p.add(q.limit ?? 1000)}`;
    const rows = await this.rows(sql, p.values);
    if (!rows.length) return [];
    // members, first reports, outlets and sources of all the clusters in four queries, not four per cluster
    const ids = rows.map((c) => c.id as number);
    const { members, first } = clusterMembers(await this.rows("SELECT cluster, id, seq FROM events WHERE cluster = ANY($1::bigint[]) ORDER BY cluster, seq", [ids]));
    const records = new Map<number, string>();
    for (const r of await this.rows("SELECT seq, record FROM events WHERE seq = ANY($1::bigint[])", [[...first.values()]])) records.set(r.seq as number, r.record as string);
    const listed = async (table: string, col: string) => {
      const m = new Map<number, string[]>();
      for (const r of await this.rows(`SELECT cluster, ${col} AS v FROM ${table} WHERE cluster = ANY($1::bigint[]) ORDER BY cluster, ${col}`, [ids])) {
        const c = r.cluster as number;
        if (!m.has(c)) m.set(c, []);
        m.get(c)!.push(r.v as string);
      }
      return m;
    };
    const outlets = await listed("cluster_outlets", "outlet");
    const sources = await listed("cluster_sources", "source");
    return rows.map((c) => clusterOf(c, records.get(first.get(c.id as number)!)!, { members, outlets, sources }));
  }

  async clusterCounts(ids: readonly number[]): Promise<Map<number, { reports: number; outlets: number; sources: number }>> {
    const out = new Map<number, { reports: number; outlets: number; sources: number }>();
    for (const r of await this.rows("SELECT id, reports, n_outlets, n_sources FROM clusters WHERE id = ANY($1::bigint[])", [[...new Set(ids)]]))
      out.set(r.id as number, { reports: r.reports as number, outlets: r.n_outlets as number, sources: r.n_sources as number });
    return out;
  }

  async stats(): Promise<StoreStats> {
    const [n] = await this.rows(
      `SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
              (SELECT COUNT(*) FROM sentences) AS sentences, (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM clusters) AS clusters`,
    );
    const perOutlet = await this.rows(
      `SELECT COALESCE(a.outlet, '(none)') AS outlet, COUNT(*) AS articles, COALESCE(SUM(ev.n), 0) AS events
       FROM articles a LEFT JOIN (SELECT article, COUNT(*) AS n FROM events GROUP BY article) ev ON ev.article = a.id
       GROUP BY 1 ORDER BY articles DESC, outlet`,
    );
    const perDay = await this.rows(
      `SELECT d.date, COALESCE(ev.n, 0) AS events, COALESCE(cl.n, 0) AS clusters FROM
         (SELECT date FROM events WHERE date IS NOT NULL UNION SELECT first_date FROM clusters WHERE first_date IS NOT NULL) d
         LEFT JOIN (SELECT date, COUNT(*) AS n FROM events GROUP BY date) ev ON ev.date = d.date
         LEFT JOIN (SELECT first_date, COUNT(*) AS n FROM clusters GROUP BY first_date) cl ON cl.first_date = d.date
       ORDER BY d.date`,
    );
    const versions = await this.rows("SELECT coder_version AS version, COUNT(*) AS articles FROM articles WHERE coder_version IS NOT NULL GROUP BY 1 ORDER BY 1");
    return {
      articles: n.articles as number,
      duplicates: n.duplicates as number,
      sentences: n.sentences as number,
      events: n.events as number,
      clusters: n.clusters as number,
      perOutlet: perOutlet.map((r) => ({ outlet: r.outlet as string, articles: r.articles as number, events: r.events as number })),
      perDay: perDay.map((r) => ({ date: r.date as string, events: r.events as number, clusters: r.clusters as number })),
      coderVersions: versions.map((r) => ({ version: r.version as string, articles: r.articles as number })),
    };
  }

  async readArticles(afterKey: string | null, limit: number): Promise<ArticleWrite[]> {
    let after = 0;
    if (afterKey !== null) {
      const [r] = await this.rows("SELECT id FROM articles WHERE key = $1", [afterKey]);
      if (!r) throw new SitrepError(problem("E_QUERY", afterKey, "no article has this key"));
      after = r.id as number;
    }
    const rows = await this.rows("SELECT a.*, d.key AS dup_key FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.id > $1 ORDER BY a.id LIMIT $2", [after, limit]);
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id as number);
    const parts = {
      sentences: byArticle(await this.rows('SELECT article, idx, start, "end", caption, text FROM sentences WHERE article = ANY($1::bigint[]) ORDER BY article, idx', [ids]), (r) => sentenceOf(r, pgText)),
      events: byArticle(await this.rows("SELECT article, record FROM events WHERE article = ANY($1::bigint[]) ORDER BY article, seq", [ids]), (r) => JSON.parse(r.record as string) as CodedEvent),
      dates: byArticle(await this.rows("SELECT * FROM article_dates WHERE article = ANY($1::bigint[]) ORDER BY article, id", [ids]), (r) => articleDateOf(r, pgText)),
    };
    return rows.map((r) => articleWriteOf(r, parts, pgText));
  }

  async feedStates(): Promise<FeedState[]> {
    return (await this.rows("SELECT * FROM feeds ORDER BY url")).map(feedStateOf);
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const [r] = await this.rows("SELECT * FROM feeds WHERE url = $1", [url]);
    return r ? feedStateOf(r) : null;
  }

  async putFeedState(s: FeedState): Promise<void> {
    await this.pool.query(
      `INSERT INTO feeds (url, etag, last_modified, failures, last_error, last_ok, next_due) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures, last_error = excluded.last_error, last_ok = excluded.last_ok, next_due = excluded.next_due`,
      [s.url, s.etag, s.lastModified, s.failures, s.lastError, s.lastOk, s.nextDue],
    );
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
