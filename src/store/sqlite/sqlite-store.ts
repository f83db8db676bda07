// The embedded Store: SQLite through better-sqlite3, WAL mode, one transaction per article or (for an ingest) per group of journaled articles.
import Database from "better-sqlite3";
import { existsSync, rmSync } from "node:fs";
import { SitrepError, problem } from "../../core/problems.js";
import type { CodedEvent } from "../../core/types.js";
import { buckets, fromBlob, similarity, toBlob, NEAR_JACCARD } from "../../dedup/minhash.js";
import { eventOrigin } from "../../dedup/origin.js";
import { bestCluster, clusterKey, km, shiftDate, WINDOW_DAYS, type ClusterShape } from "../../dedup/same-event.js";
import type { ArticleDate, ArticleMeta, ArticleWrite, Cluster, EventQuery, FeedState, PutOutcome, SentenceRow, Store, StoreStats, StoredEvent, WriteGrouping } from "../store.js";
import { articleDateOf, articleWriteOf, byArticle, clusterMembers, clusterOf, feedStateOf, metaOf, sentenceOf, type Row } from "../rows.js";
import { countryClusters, countryPage, eventFilter, type EventFilter } from "./event-filter.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { SqliteOutbox } from "./sqlite-outbox.js";
import { SqliteWatches } from "./sqlite-watches.js";
import { journalPath, orphanJournals, otherWriters, WriteJournal } from "./write-journal.js";


export interface SqliteOptions {
  readonly?: boolean;
  /** Refuse to create the file (commands that only read). */
  mustExist?: boolean;
  /** Milliseconds to wait for another writer's lock. */
  busyTimeoutMs?: number;
}

function migrate(db: Database.Database, path: string): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const have = (db.prepare("SELECT MAX(version) v FROM schema_version").get() as { v: number | null }).v ?? 0;
  if (have > SCHEMA_VERSION) throw new SitrepError(problem("E_STORE_SCHEMA", path, `the database is at version ${have}, this sitrep knows up to ${SCHEMA_VERSION}`));
  for (const m of MIGRATIONS) {
    if (m.version <= have) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

/** Opens (creating if needed) a SQLite store; problems opening it are SitrepErrors naming the file. */
export function openSqliteStore(path: string, opts: SqliteOptions = {}): SqliteStore {
  if ((opts.readonly || opts.mustExist) && path !== ":memory:" && !existsSync(path)) throw new SitrepError(problem("E_STORE_OPEN", path, "no such database file"));
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    if (!opts.readonly) {
      db.pragma("journal_mode = WAL");
      // durable against a crash of the process (kill -9) without an fsync per article; few, large checkpoints
      // (a page an ingest rewrites often is copied back once per checkpoint: 50,000 pages, a WAL of up to about
      // 200 MB, stored 20 % faster than 10,000 over 30,000 articles), the WAL cut back to 64 MB after each
      db.pragma("synchronous = NORMAL");
      db.pragma("wal_autocheckpoint = 50000");
      db.pragma("journal_size_limit = 67108864");
    }
    // the indexes an ingest touches stay in memory
    db.pragma("cache_size = -65536");
    db.pragma("foreign_keys = ON");
    if (!opts.readonly) migrate(db, path);
    else {
      const v = db.prepare("SELECT MAX(version) v FROM schema_version").get() as { v: number };
      if (v.v > SCHEMA_VERSION) throw new SitrepError(problem("E_STORE_SCHEMA", path, `the database is at version ${v.v}, this sitrep knows up to ${SCHEMA_VERSION}`));
    }
  } catch (e) {
    if (e instanceof SitrepError) throw e;
    const msg = (e as Error).message;
    throw new SitrepError(problem("E_STORE_OPEN", path, /locked|busy/i.test(msg) ? `${msg} (another sitrep is writing to it?)` : msg));
  }
  db.function("km", { deterministic: true }, (a, b, c, d) => (a == null || b == null ? null : km(a as number, b as number, c as number, d as number)));
  const store = new SqliteStore(db, path);
  // sentences a killed run stored but did not index yet
  try {
    if (!opts.readonly) {
      store.indexSentences();
      // articles a killed ingest had stored in a group it did not commit
      if (path !== ":memory:" && path !== "") store.replayJournals();
    }
  } catch (e) {
    db.close();
    if (e instanceof SitrepError) throw e;
    throw new SitrepError(problem("E_STORE_OPEN", path, `${(e as Error).message} (another sitrep is writing to it?)`));
  }
  return store;
}




/** The countries an event involves: its place's, its source's, its target's (the country index's rows). */
function countriesOf(e: CodedEvent): string[] {
  return [...new Set([e.location?.country, e.source.country, e.target?.country])].filter((c): c is string => !!c);
}

interface ClusterRow extends ClusterShape {
  id: number;
}

/**
 * How long a writer that groups its commits leaves the write lock free after a commit: longer than the 100 ms a
 * waiting connection's busy handler sleeps between tries. It does so after every commit while another ingest
 * journals beside the same file (the two then take turns), else at most every LOCK_YIELD_EVERY_MS, so that a
 * command that writes now and then gets in well within its 5 s busy timeout. Not after every commit: on a
 * large database the storing thread is what ingest waits on, and a pause a second cost a tenth of the speed
 * (100,000 articles: 78 % of the bare coder against 88 %).
 */
const LOCK_YIELD_MS = 150;
const LOCK_YIELD_EVERY_MS = 2000;

/** Articles stored between two full-text indexing batches. */
const FTS_BATCH = 200;

export class SqliteStore implements Store {
  readonly kind = "sqlite";
  readonly outbox: SqliteOutbox;
  readonly watches: SqliteWatches;
  private readonly st: Record<string, Database.Statement>;
  // prepared on first write: a read-only open of a database from before their migration still works
  private datesSt: { insert: Database.Statement; delete: Database.Statement } | null = null;
  private insertEventCountrySt: Database.Statement | null = null;
  private sinceIndexed = 0;
  /** Commit grouping (off unless an ingest asks for it) and the open group: when it began, how many articles it holds. */
  private grouping: WriteGrouping | null = null;
  private group: { began: number; articles: number; timer: NodeJS.Timeout } | null = null;
  /** When the next group may take the write lock. */
  private reopenAt = 0;
  private yieldedAt = 0;
  private groupError: SitrepError | null = null;
  /** Where a grouped article is written before it joins the open transaction (null for :memory: or no grouping). */
  private journal: WriteJournal | null = null;
  /** Articles a killed process's journal held that this open stored (replayed). */
  replayed = 0;
  /** The country index carries each event's root, code and cluster (schema version 4; not so in an older file opened read-only). */
  private readonly carries: boolean;

  constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {
    this.outbox = new SqliteOutbox(db);
    this.watches = new SqliteWatches(db);
    const p = (sql: string) => db.prepare(sql);
    this.carries = (db.prepare("PRAGMA table_info(event_country)").all() as Row[]).some((c) => c.name === "cluster");
    this.st = {
      byKey: p("SELECT a.*, d.key AS dup_key FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.key = ?"),
      byDoc: p("SELECT a.*, d.key AS dup_key FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.doc = ?"),
      docTaken: p("SELECT 1 FROM articles WHERE doc = ?"),
      byHash: p("SELECT id, key, doc, duplicate_of FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1"),
      byId: p("SELECT id, key, doc, duplicate_of FROM articles WHERE id = ?"),
      lshCandidates: p("SELECT DISTINCT l.article, a.key, a.doc, a.minhash FROM article_lsh l JOIN articles a ON a.id = l.article WHERE l.bucket IN (SELECT value FROM json_each(?))"),
      insertArticle: p(`INSERT INTO articles (key, doc, url, outlet, published, title, origin, content_hash, minhash, duplicate_of, raw_kind, raw, clean, coder_version, coded_at, ingested_at)
        VALUES (@key, @doc, @url, @outlet, @published, @title, @origin, @content_hash, @minhash, @duplicate_of, @raw_kind, @raw, @clean, @coder_version, @coded_at, @ingested_at)`),
      updateArticle: p(`UPDATE articles SET url = @url, outlet = @outlet, published = @published, title = @title, origin = @origin, content_hash = @content_hash,
        minhash = @minhash, raw_kind = @raw_kind, raw = @raw, clean = @clean, coder_version = @coder_version, coded_at = @coded_at WHERE id = @id`),
      insertLsh: p("INSERT OR IGNORE INTO article_lsh (bucket, article) VALUES (?, ?)"),
      deleteLsh: p("DELETE FROM article_lsh WHERE article = ?"),
      insertCoding: p("INSERT INTO codings (article, coder_version, coded_at, events) VALUES (?, ?, ?, ?)"),
      retireCodings: p("UPDATE codings SET replaced_at = ? WHERE article = ? AND replaced_at IS NULL"),
      insertSentence: p("INSERT INTO sentences (article, idx, start, end, caption, text) VALUES (?, ?, ?, ?, ?, ?)"),
      deleteSentences: p("DELETE FROM sentences WHERE article = ?"),
      eventsOfArticle: p("SELECT seq, cluster, date, loc_country, origin, record FROM events WHERE article = ?"),
      deleteEventCountry: p("DELETE FROM event_country WHERE country = ? AND date = ? AND event = ?"),
      deleteEventGeo: p("DELETE FROM events_geo WHERE seq = ?"),
      deleteEvents: p("DELETE FROM events WHERE article = ?"),
      insertEvent: p(`INSERT INTO events (id, article, sentence, date, code, root, quad, goldstein, plover, source_code, target_code, location, loc_country, lat, lon, cluster, origin, record)
        VALUES (@id, @article, @sentence, @date, @code, @root, @quad, @goldstein, @plover, @source_code, @target_code, @location, @loc_country, @lat, @lon, @cluster, @origin, @record)`),
      insertEventGeo: p("INSERT INTO events_geo (seq, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)"),
      clusterCandidates: p("SELECT id, key, first_date AS firstDate, last_date AS lastDate, lat, lon, country FROM clusters WHERE key = ? AND last_date >= ? AND first_date <= ?"),
      insertCluster: p("INSERT INTO clusters (key, first_date, last_date, lat, lon, country) VALUES (?, ?, ?, ?, ?, ?)"),
      widenCluster: p(`UPDATE clusters SET first_date = MIN(first_date, ?), last_date = MAX(last_date, ?), lat = COALESCE(lat, ?), lon = COALESCE(lon, ?), country = COALESCE(country, ?) WHERE id = ?`),
      addOutlet: p("INSERT INTO cluster_outlets (cluster, outlet, n) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1 RETURNING n"),
      subOutlet: p("UPDATE cluster_outlets SET n = n - 1 WHERE cluster = ? AND outlet = ? RETURNING n"),
      dropOutlet: p("DELETE FROM cluster_outlets WHERE cluster = ? AND outlet = ? AND n <= 0"),
      addSource: p("INSERT INTO cluster_sources (cluster, source, n) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1 RETURNING n"),
      subSource: p("UPDATE cluster_sources SET n = n - 1 WHERE cluster = ? AND source = ? RETURNING n"),
      dropSource: p("DELETE FROM cluster_sources WHERE cluster = ? AND source = ? AND n <= 0"),
      bumpCluster: p("UPDATE clusters SET reports = reports + ?, n_outlets = n_outlets + ?, n_sources = n_sources + ? WHERE id = ?"),
      clusterDates: p("SELECT COUNT(*) n, MIN(date) lo, MAX(date) hi FROM events WHERE cluster = ?"),
      setClusterDates: p("UPDATE clusters SET first_date = ?, last_date = ? WHERE id = ?"),
      deleteCluster: p("DELETE FROM clusters WHERE id = ?"),
      deleteClusterOutlets: p("DELETE FROM cluster_outlets WHERE cluster = ?"),
      deleteClusterSources: p("DELETE FROM cluster_sources WHERE cluster = ?"),
      copiesOf: p("SELECT outlet FROM articles WHERE duplicate_of = ? AND outlet IS NOT NULL"),
      outletsOf: p("SELECT cluster, outlet FROM cluster_outlets WHERE cluster IN (SELECT value FROM json_each(?)) ORDER BY cluster, outlet"),
      sourcesOf: p("SELECT cluster, source FROM cluster_sources WHERE cluster IN (SELECT value FROM json_each(?)) ORDER BY cluster, source"),
      membersOf: p("SELECT cluster, id, seq FROM events WHERE cluster IN (SELECT value FROM json_each(?)) ORDER BY cluster, seq"),
      countsOf: p("SELECT id, reports, n_outlets, n_sources FROM clusters WHERE id IN (SELECT value FROM json_each(?))"),
      recordsOf: p("SELECT seq, record FROM events WHERE seq IN (SELECT value FROM json_each(?))"),
      getFeed: p("SELECT * FROM feeds WHERE url = ?"),
      putFeed: p(`INSERT INTO feeds (url, etag, last_modified, failures, last_error, last_ok, next_due) VALUES (@url, @etag, @lastModified, @failures, @lastError, @lastOk, @nextDue)
        ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures, last_error = excluded.last_error, last_ok = excluded.last_ok, next_due = excluded.next_due`),
      stale: p("SELECT key FROM articles WHERE duplicate_of IS NULL AND (coder_version IS NULL OR coder_version != ?) ORDER BY id LIMIT ?"),
      ftsUpto: p("SELECT upto FROM fts_state"),
      ftsPending: p("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ? ORDER BY id"),
      ftsMax: p("SELECT COALESCE(MAX(id), 0) m FROM sentences"),
      ftsSet: p("UPDATE fts_state SET upto = ?"),
      sentencesOf: p("SELECT s.idx, s.start, s.end, s.caption, s.text FROM sentences s JOIN articles a ON a.id = s.article WHERE a.doc = ? ORDER BY s.idx"),
      idOfKey: p("SELECT id FROM articles WHERE key = ?"),
      readArticles: p("SELECT a.*, d.key AS dup_key FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.id > ? ORDER BY a.id LIMIT ?"),
      readSentences: p("SELECT article, idx, start, end, caption, text FROM sentences WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, idx"),
      readEvents: p("SELECT article, record FROM events WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, seq"),
      allFeeds: p("SELECT * FROM feeds ORDER BY url"),
    };
  }

  async getArticle(key: string): Promise<ArticleMeta | null> {
    const r = this.st.byKey.get(key) as Row | undefined;
    return r ? metaOf(r) : null;
  }

  async getArticleByDoc(doc: string): Promise<ArticleMeta | null> {
    const r = this.st.byDoc.get(doc) as Row | undefined;
    return r ? metaOf(r) : null;
  }

  async docTaken(doc: string): Promise<boolean> {
    return !!this.st.docTaken.get(doc);
  }

  private original(r: Row): { key: string; doc: string } {
    let cur = r;
    for (let i = 0; i < 8 && cur.duplicate_of != null; i++) cur = this.st.byId.get(cur.duplicate_of) as Row;
    return { key: cur.key as string, doc: cur.doc as string };
  }

  async findDuplicate(contentHash: string, minhash: Uint32Array | null): Promise<{ key: string; doc: string } | null> {
    const same = this.st.byHash.get(contentHash) as Row | undefined;
    if (same) return this.original(same);
    if (!minhash) return null;
    let best: { key: string; doc: string } | null = null;
    let bestSim = NEAR_JACCARD;
    for (const c of this.st.lshCandidates.all(JSON.stringify(buckets(minhash))) as Row[]) {
      if (!c.minhash) continue;
      const sim = similarity(minhash, fromBlob(c.minhash as Buffer));
      if (sim >= bestSim) [best, bestSim] = [{ key: c.key as string, doc: c.doc as string }, sim];
    }
    return best;
  }

  /** Adds the sentences stored since the last batch to the full-text index, in one transaction. */
  indexSentences(): void {
    if (this.db.readonly) return;
    // nothing pending: no write lock taken
    if ((this.st.ftsMax.get() as { m: number }).m <= (this.st.ftsUpto.get() as { upto: number }).upto) {
      this.sinceIndexed = 0;
      return;
    }
    this.db
      .transaction(() => {
        const upto = (this.st.ftsUpto.get() as { upto: number }).upto;
        const max = (this.st.ftsMax.get() as { m: number }).m;
        if (max <= upto) return;
        this.st.ftsPending.run(upto);
        this.st.ftsSet.run(max);
      })
      .immediate();
    this.sinceIndexed = 0;
  }

  async putArticle(a: ArticleWrite): Promise<PutOutcome> {
    // after a group commit the write lock is left free a while, so that another writer waiting on it gets in
    const wait = this.grouping && !this.group ? this.reopenAt - performance.now() : 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    this.throwGroupError();
    try {
      this.openGroup();
      // inside an open group the article is journaled, then written in a savepoint: a failing article is rolled back alone
      const at = this.group && this.journal ? this.journal.append(a) : null;
      let out: PutOutcome;
      try {
        out = this.db.transaction(() => this.put(a)).immediate();
      } catch (e) {
        if (at !== null && this.db.inTransaction) this.journal!.cut(at);
        throw e;
      }
      if (++this.sinceIndexed >= FTS_BATCH) this.indexSentences();
      if (this.group && (++this.group.articles >= this.grouping!.articles || performance.now() - this.group.began >= this.grouping!.ms)) this.commitGroup();
      return out;
    } catch (e) {
      // an error that ended the whole transaction (a full disk) took the group's earlier articles with it
      const lost = this.group && !this.db.inTransaction ? this.group.articles : 0;
      if (lost) this.commitGroup();
      if (e instanceof SitrepError) throw e;
      throw new SitrepError(problem("E_STORE_WRITE", a.doc, (e as Error).message + (lost ? ` (the ${lost} article(s) stored just before it were rolled back too)` : "")));
    }
  }

  groupCommits(g: WriteGrouping | null): void {
    if (!g || g.articles <= 1) {
      this.commitGroup();
      this.journal?.close();
      this.journal = null;
    } else if (this.path !== ":memory:" && this.path !== "") this.journal ??= new WriteJournal(journalPath(this.path));
    this.grouping = g && g.articles > 1 ? g : null;
  }

  /** Stores what the journals of killed processes hold and is not stored yet, then removes those journals. */
  replayJournals(): void {
    for (const j of orphanJournals(this.path)) {
      this.db
        .transaction(() => {
          for (const a of j.articles) {
            const r = this.st.byKey.get(a.key) as Row | undefined;
            if (r && (r.coder_version === a.coderVersion || (a.duplicateOf && r.duplicate_of != null))) continue;
            this.put(a);
            this.replayed++;
          }
        })
        .immediate();
      rmSync(j.path, { force: true });
    }
  }

  async flush(): Promise<void> {
    this.throwGroupError();
    this.commitGroup();
  }

  /** A group commit that failed on its timer, reported once by the next write or flush. */
  private throwGroupError(): void {
    const e = this.groupError;
    this.groupError = null;
    if (e) throw e;
  }

  /** Begins a group of article writes (one transaction, committed by size, age or flush) when grouping is on. */
  private openGroup(): void {
    if (!this.grouping || this.group || this.db.inTransaction) return;
    this.db.exec("BEGIN IMMEDIATE");
    // committed when old enough even if no other article comes (a feed between polls)
    const timer = setTimeout(() => {
      try {
        this.commitGroup();
      } catch (e) {
        // reported by the next write or flush
        this.groupError = e as SitrepError;
      }
    }, this.grouping.ms);
    timer.unref();
    this.group = { began: performance.now(), articles: 0, timer };
  }

  /** Commits the open group, if any (synchronous: safe in a signal handler, between two articles). */
  commitGroup(): void {
    if (!this.group) return;
    clearTimeout(this.group.timer);
    this.group = null;
    if (!this.db.open || !this.db.inTransaction) return;
    try {
      this.db.exec("COMMIT");
      this.journal?.clear();
      const now = performance.now();
      if (now - this.yieldedAt >= LOCK_YIELD_EVERY_MS || otherWriters(this.path)) {
        this.reopenAt = now + LOCK_YIELD_MS;
        this.yieldedAt = now;
      }
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw new SitrepError(problem("E_STORE_WRITE", this.path, `the last group of articles was not stored: ${(e as Error).message}`));
    }
  }

  private put(a: ArticleWrite): PutOutcome {
    const now = new Date().toISOString();
    const existing = this.st.byKey.get(a.key) as Row | undefined;
    const fields = {
      url: a.url,
      outlet: a.outlet,
      published: a.published,
      title: a.title,
      origin: a.origin,
      content_hash: a.contentHash,
      minhash: a.minhash && !a.duplicateOf ? toBlob(a.minhash) : null,
      raw_kind: a.raw.kind,
      raw: a.raw.body,
      clean: a.clean === a.raw.body ? null : a.clean,
      coder_version: a.duplicateOf ? null : a.coderVersion,
      coded_at: a.duplicateOf ? null : now,
    };
    if (!existing && a.duplicateOf) {
      const orig = this.st.byKey.get(a.duplicateOf) as Row | undefined;
      if (!orig) throw new SitrepError(problem("E_STORE_WRITE", a.doc, `the original ${a.duplicateOf} is not in the store`));
      this.st.insertArticle.run({ ...fields, key: a.key, doc: a.doc, duplicate_of: orig.id, ingested_at: a.ingestedAt ?? now });
      // the copy's outlet now carries each of the original's reports too (not a report or a source of its own)
      if (a.outlet) for (const e of this.st.eventsOfArticle.all(orig.id) as Row[]) this.count(e.cluster as number, 0, [a.outlet], [], +1);
      return { status: "duplicate", doc: a.doc, of: orig.doc as string };
    }
    let articleId: number;
    let previousVersion: string | null = null;
    const emptied = new Set<number>();
    const copies = existing ? (this.st.copiesOf.all(existing.id) as Row[]).map((r) => r.outlet as string) : [];
    if (existing) {
      articleId = existing.id as number;
      previousVersion = (existing.coder_version as string) ?? null;
      const oldOutlet = (existing.outlet as string) ?? null;
      for (const e of this.st.eventsOfArticle.all(articleId) as Row[]) {
        const rec = JSON.parse(e.record as string) as CodedEvent;
        for (const c of countriesOf(rec)) this.st.deleteEventCountry.run(c, rec.date ?? "", e.seq);
        this.st.deleteEventGeo.run(e.seq);
        if (e.cluster == null) continue;
        this.count(e.cluster as number, -1, oldOutlet ? [oldOutlet, ...copies] : copies, [e.origin as string], -1);
        emptied.add(e.cluster as number);
      }
      this.st.deleteEvents.run(articleId);
      this.st.deleteSentences.run(articleId);
      this.dates.delete.run(articleId);
      this.st.deleteLsh.run(articleId);
      this.st.retireCodings.run(now, articleId);
      this.st.updateArticle.run({ ...fields, id: articleId });
    } else {
      articleId = Number(this.st.insertArticle.run({ ...fields, key: a.key, doc: a.doc, duplicate_of: null, ingested_at: a.ingestedAt ?? now }).lastInsertRowid);
    }
    if (a.minhash && !existing?.duplicate_of) for (const b of buckets(a.minhash)) this.st.insertLsh.run(b, articleId);
    for (const s of a.sentences) this.st.insertSentence.run(articleId, s.index, s.start, s.end, s.caption ? 1 : 0, s.text);
    for (const d of a.dates) this.dates.insert.run(articleId, d.sentence, d.date, d.role, d.mention, d.place?.name ?? null, d.place?.country ?? null, d.place?.lat ?? null, d.place?.lon ?? null);
    const meta = { origin: a.origin, outlet: a.outlet, doc: a.doc, url: a.url };
    const outlets = a.outlet ? [a.outlet, ...copies] : copies;
    for (const e of a.events) {
      const origin = eventOrigin(e, meta);
      const c = this.insertEvent(articleId, e, origin);
      this.count(c, +1, outlets, [origin], +1);
    }
    // clusters that lost reports to a re-coding: gone when empty, else their dates narrowed
    for (const c of emptied) {
      const r = this.st.clusterDates.get(c) as { n: number; lo: string | null; hi: string | null };
      if (!r.n) {
        this.st.deleteCluster.run(c);
        this.st.deleteClusterOutlets.run(c);
        this.st.deleteClusterSources.run(c);
      } else this.st.setClusterDates.run(r.lo, r.hi, c);
    }
    this.st.insertCoding.run(articleId, a.coderVersion, now, a.events.length);
    return existing ? { status: "recoded", doc: existing.doc as string, events: a.events.length, previousVersion } : { status: "added", doc: a.doc, events: a.events.length };
  }

  private get dates(): { insert: Database.Statement; delete: Database.Statement } {
    return (this.datesSt ??= {
      insert: this.db.prepare("INSERT INTO article_dates (article, sentence, date, role, mention, place, country, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      delete: this.db.prepare("DELETE FROM article_dates WHERE article = ?"),
    });
  }

  private insertEvent(article: number, e: CodedEvent, origin: string): number {
    const key = clusterKey(e);
    const loc = e.location;
    let cluster: number;
    if (key === null) {
      cluster = Number(this.st.insertCluster.run("", null, null, loc?.lat ?? null, loc?.lon ?? null, loc?.country ?? null).lastInsertRowid);
    } else {
      const cands = this.st.clusterCandidates.all(key, shiftDate(e.date!, -WINDOW_DAYS), shiftDate(e.date!, WINDOW_DAYS)) as ClusterRow[];
      const best = bestCluster(e, cands);
      if (best) {
        cluster = best.id;
        this.st.widenCluster.run(e.date, e.date, loc?.lat ?? null, loc?.lon ?? null, loc?.country ?? null, cluster);
      } else {
        cluster = Number(this.st.insertCluster.run(key, e.date, e.date, loc?.lat ?? null, loc?.lon ?? null, loc?.country ?? null).lastInsertRowid);
      }
    }
    const seq = Number(
      this.st.insertEvent.run({
        id: e.id,
        article,
        sentence: e.sentence,
        date: e.date,
        code: e.code,
        root: e.root,
        quad: e.quad,
        goldstein: e.goldstein,
        plover: e.plover?.type ?? null,
        source_code: e.source.code,
        target_code: e.target?.code ?? null,
        location: loc?.name ?? null,
        loc_country: loc?.country ?? null,
        lat: loc?.lat ?? null,
        lon: loc?.lon ?? null,
        cluster,
        origin,
        record: JSON.stringify(e),
      }).lastInsertRowid,
    );
    this.insertEventCountrySt ??= this.db.prepare("INSERT OR IGNORE INTO event_country (country, date, event, root, code, cluster) VALUES (?, ?, ?, ?, ?, ?)");
    for (const c of countriesOf(e)) this.insertEventCountrySt.run(c, e.date ?? "", seq, e.root, e.code, cluster);
    if (loc?.lat != null && loc.lon != null) this.st.insertEventGeo.run(seq, loc.lat, loc.lat, loc.lon, loc.lon);
    return cluster;
  }

  /** Adds (sign +1) or removes (-1) one report's contribution to a cluster: the report itself, its outlets, its source. */
  private count(cluster: number, reports: number, outlets: readonly string[], sources: readonly string[], sign: 1 | -1): void {
    let dOutlets = 0;
    let dSources = 0;
    for (const o of outlets) {
      if (sign > 0) dOutlets += (this.st.addOutlet.get(cluster, o) as { n: number }).n === 1 ? 1 : 0;
      else {
        const r = this.st.subOutlet.get(cluster, o) as { n: number } | undefined;
        if (r && r.n <= 0) {
          this.st.dropOutlet.run(cluster, o);
          dOutlets--;
        }
      }
    }
    for (const x of sources) {
      if (sign > 0) dSources += (this.st.addSource.get(cluster, x) as { n: number }).n === 1 ? 1 : 0;
      else {
        const r = this.st.subSource.get(cluster, x) as { n: number } | undefined;
        if (r && r.n <= 0) {
          this.st.dropSource.run(cluster, x);
          dSources--;
        }
      }
    }
    this.st.bumpCluster.run(reports, dOutlets, dSources, cluster);
  }

  async getRaw(key: string): Promise<{ meta: ArticleMeta; raw: ArticleWrite["raw"] } | null> {
    const r = this.st.byKey.get(key) as Row | undefined;
    if (!r) return null;
    return { meta: metaOf(r), raw: { kind: r.raw_kind as "text" | "html", body: r.raw as string } };
  }

  async staleArticles(coderVersion: string, limit: number): Promise<string[]> {
    return (this.st.stale.all(coderVersion, limit) as Row[]).map((r) => r.key as string);
  }

  async getSentences(doc: string): Promise<SentenceRow[]> {
    return (this.st.sentencesOf.all(doc) as Row[]).map((r) => ({ index: r.idx as number, start: r.start as number, end: r.end as number, caption: !!r.caption, text: r.text as string }));
  }

  /** The filters of an event query (the full-text index brought up to date first when it searches text). */
  private where(q: EventQuery): EventFilter {
    if (q.text && this.sinceIndexed) this.indexSentences();
    return eventFilter(q);
  }

  private run<T>(sql: string, params: unknown[], what: string): T[] {
    try {
      return this.db.prepare(sql).all(...params) as T[];
    } catch (e) {
      const msg = (e as Error).message;
      // FTS5 reports a bad search as a plain SQLITE_ERROR ("unterminated string", "fts5: syntax error near ...")
      if (what && (e as { code?: string }).code === "SQLITE_ERROR") throw new SitrepError(problem("E_QUERY", "text", `the search "${what}" is not valid FTS5 syntax: ${msg}`));
      throw e;
    }
  }

  async queryEvents(q: EventQuery): Promise<StoredEvent[]> {
    const cols = "e.seq, e.record, e.cluster, a.doc, a.url, a.outlet, a.published, a.origin";
    let rows: Row[];
    const page = countryPage(q, this.carries);
    if (page) {
      rows = this.run<Row>(`SELECT ${cols} FROM events e JOIN articles a ON a.id = e.article WHERE e.seq IN (${page.sql}) ORDER BY e.seq`, page.params, "");
    } else {
      const { from, where, params } = this.where(q);
      if (q.after != null) {
        where.push("e.seq > ?");
        params.push(q.after);
      }
      const sql = `SELECT ${cols} FROM ${from} ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY e.seq LIMIT ?`;
      rows = this.run<Row>(sql, [...params, q.limit ?? 1000], q.text ?? "");
    }
    return rows.map((r) => ({
      seq: r.seq as number,
      event: JSON.parse(r.record as string) as CodedEvent,
      article: { doc: r.doc as string, url: (r.url as string) ?? null, outlet: (r.outlet as string) ?? null, published: (r.published as string) ?? null, origin: (r.origin as string) ?? null },
      cluster: (r.cluster as number) ?? null,
    }));
  }

  async queryClusters(q: EventQuery): Promise<Cluster[]> {
    let rows: Row[];
    const fast = countryClusters(q, this.carries);
    if (fast) rows = this.run<Row>(fast.sql, fast.params, "");
    else {
      const { from, where, params } = this.where(q);
      const inner = `SELECT e.cluster FROM ${from} ${where.length ? "WHERE " + where.join(" AND ") : ""}`;
      const sql = `SELECT * FROM clusters WHERE id IN (${inner}) ${q.after != null ? "AND id > ?" : ""} ORDER BY id LIMIT ?`;
      rows = this.run<Row>(sql, [...params, ...(q.after != null ? [q.after] : []), q.limit ?? 1000], q.text ?? "");
    }
    // members and first reports of all the clusters in two queries, not two per cluster
    const ids = JSON.stringify(rows.map((c) => c.id));
    const { members, first } = clusterMembers(this.st.membersOf.all(ids) as Row[]);
    const records = new Map<number, string>();
    for (const r of this.st.recordsOf.all(JSON.stringify([...first.values()])) as Row[]) records.set(r.seq as number, r.record as string);
    const listed = (st: Database.Statement, col: string) => {
      const m = new Map<number, string[]>();
      for (const r of st.all(ids) as Row[]) {
        const c = r.cluster as number;
        if (!m.has(c)) m.set(c, []);
        m.get(c)!.push(r[col] as string);
      }
      return m;
    };
    const outlets = listed(this.st.outletsOf, "outlet");
    const sources = listed(this.st.sourcesOf, "source");
    return rows.map((c) => clusterOf(c, records.get(first.get(c.id as number)!)!, { members, outlets, sources }));
  }

  async clusterCounts(ids: readonly number[]): Promise<Map<number, { reports: number; outlets: number; sources: number }>> {
    const out = new Map<number, { reports: number; outlets: number; sources: number }>();
    for (const r of this.st.countsOf.all(JSON.stringify([...new Set(ids)])) as Row[]) out.set(r.id as number, { reports: r.reports as number, outlets: r.n_outlets as number, sources: r.n_sources as number });
    return out;
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      articles: one("SELECT COUNT(*) n FROM articles"),
      duplicates: one("SELECT COUNT(*) n FROM articles WHERE duplicate_of IS NOT NULL"),
      sentences: one("SELECT COUNT(*) n FROM sentences"),
      events: one("SELECT COUNT(*) n FROM events"),
      clusters: one("SELECT COUNT(*) n FROM clusters"),
      perOutlet: (
        this.db
          .prepare(
            `SELECT COALESCE(a.outlet, '(none)') outlet, COUNT(*) articles, COALESCE(SUM((SELECT COUNT(*) FROM events e WHERE e.article = a.id)), 0) events
             FROM articles a GROUP BY 1 ORDER BY articles DESC, outlet`,
          )
          .all() as Row[]
      ).map((r) => ({ outlet: r.outlet as string, articles: r.articles as number, events: r.events as number })),
      perDay: (
        this.db
          .prepare(
            `SELECT d.date, COALESCE(ev.n, 0) events, COALESCE(cl.n, 0) clusters FROM
               (SELECT date FROM events WHERE date IS NOT NULL UNION SELECT first_date FROM clusters WHERE first_date IS NOT NULL) d
               LEFT JOIN (SELECT date, COUNT(*) n FROM events GROUP BY date) ev ON ev.date = d.date
               LEFT JOIN (SELECT first_date, COUNT(*) n FROM clusters GROUP BY first_date) cl ON cl.first_date = d.date
             ORDER BY d.date`,
          )
          .all() as Row[]
      ).map((r) => ({ date: r.date as string, events: r.events as number, clusters: r.clusters as number })),
      coderVersions: (this.db.prepare("SELECT coder_version version, COUNT(*) articles FROM articles WHERE coder_version IS NOT NULL GROUP BY 1 ORDER BY 1").all() as Row[]).map((r) => ({
        version: r.version as string,
        articles: r.articles as number,
      })),
    };
  }

  async readArticles(afterKey: string | null, limit: number): Promise<ArticleWrite[]> {
    let after = 0;
    if (afterKey !== null) {
      const r = this.st.idOfKey.get(afterKey) as { id: number } | undefined;
      if (!r) throw new SitrepError(problem("E_QUERY", afterKey, "no article has this key"));
      after = r.id;
    }
    const rows = this.st.readArticles.all(after, limit) as Row[];
    if (!rows.length) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const parts = {
      sentences: byArticle(this.st.readSentences.all(ids) as Row[], (r) => sentenceOf(r)),
      events: byArticle(this.st.readEvents.all(ids) as Row[], (r) => JSON.parse(r.record as string) as CodedEvent),
      dates: byArticle(this.db.prepare("SELECT * FROM article_dates WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, rowid").all(ids) as Row[], (r) => articleDateOf(r)),
    };
    return rows.map((r) => articleWriteOf(r, parts));
  }

  async feedStates(): Promise<FeedState[]> {
    return (this.st.allFeeds.all() as Row[]).map(feedStateOf);
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const r = this.st.getFeed.get(url) as Row | undefined;
    return r ? feedStateOf(r) : null;
  }

  async putFeedState(s: FeedState): Promise<void> {
    this.st.putFeed.run(s);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (this.sinceIndexed) this.indexSentences();
    this.commitGroup();
    this.journal?.close();
    this.db.close();
  }
}
