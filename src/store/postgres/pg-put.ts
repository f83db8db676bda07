// Writing one coded article to PostgreSQL in one transaction: the article, its sentences and dates, its events and their clusters.
import type pg from "pg";
import { SitrepError, problem } from "../../core/problems.js";
import type { CodedEvent } from "../../core/types.js";
import { buckets, toBlob } from "../../dedup/minhash.js";
import { eventOrigin } from "../../dedup/origin.js";
import { bestCluster, clusterKey, shiftDate, WINDOW_DAYS, type ClusterShape } from "../../dedup/same-event.js";
import type { ArticleWrite, PutOutcome } from "../store.js";
import { lockKey, LOCK_ARTICLE, LOCK_CLUSTER, LOCK_EVENT_SEQ } from "./locks.js";
import { named } from "./named.js";
import { toPgText } from "./nul-text.js";

type Row = Record<string, unknown>;

/** A statement on the write's session, prepared once per session. */
function q<T extends pg.QueryResultRow = Row>(c: pg.PoolClient, text: string, values: unknown[]): Promise<pg.QueryResult<T>> {
  return c.query<T>(named(text, values));
}

interface ClusterState extends ClusterShape {
  id: number;
  /** Created by this write (its id reserved, its row not yet inserted). */
  fresh: boolean;
  /** Its dates or place changed. */
  changed: boolean;
}

/** The countries an event involves: its place's, its source's, its target's (the country index's rows). */
function countriesOf(e: CodedEvent): string[] {
  return [...new Set([e.location?.country, e.source.country, e.target?.country])].filter((c): c is string => !!c);
}

/**
 * Changes to clusters' report, outlet and source counts, gathered over a write and applied in a few statements:
 * first the removals (a re-coding's old reports), then the additions, as the SQLite store applies them one by one.
 */
class Tally {
  readonly reports = new Map<number, number>();
  readonly outlets = new Map<string, number>();
  readonly sources = new Map<string, number>();

  add(cluster: number, reports: number, outlets: readonly string[], sources: readonly string[]): void {
    if (reports) this.reports.set(cluster, (this.reports.get(cluster) ?? 0) + reports);
    for (const o of outlets) this.outlets.set(`${cluster}\u0001${o}`, (this.outlets.get(`${cluster}\u0001${o}`) ?? 0) + 1);
    for (const s of sources) this.sources.set(`${cluster}\u0001${s}`, (this.sources.get(`${cluster}\u0001${s}`) ?? 0) + 1);
  }
}

const split = (k: string): [number, string] => {
  const i = k.indexOf("\u0001");
  return [Number(k.slice(0, i)), k.slice(i + 1)];
};

/** A tally's (cluster, name) counts as three columns. */
function columns(m: Map<string, number>): [number[], string[], number[]] {
  const out: [number[], string[], number[]] = [[], [], []];
  for (const [k, n] of m) {
    const [id, name] = split(k);
    out[0].push(id);
    out[1].push(name);
    out[2].push(n);
  }
  return out;
}

/** Change of a cluster's counts known before the additions are applied. */
type Deltas = Map<number, { reports: number; outlets: number; sources: number }>;

/**
 * Takes a re-coding's old reports off their clusters' outlet and source counts (a row that reaches 0 goes, one
 * distinct outlet or source fewer); returns the changes of the clusters' counts.
 */
async function removeCounts(c: pg.PoolClient, t: Tally): Promise<Deltas> {
  const d: Deltas = new Map();
  const at = (id: number) => d.get(id) ?? (d.set(id, { reports: 0, outlets: 0, sources: 0 }), d.get(id)!);
  for (const [id, n] of t.reports) at(id).reports += n;
  if (!t.outlets.size && !t.sources.size) return d;
  const r = await q<{ t: "o" | "s"; cluster: number; name: string; n: number }>(
    c,
    `WITH o AS (UPDATE cluster_outlets t SET n = t.n - x.k FROM unnest($1::bigint[], $2::text[], $3::int[]) AS x(cluster, name, k)
                WHERE t.cluster = x.cluster AND t.outlet = x.name RETURNING t.cluster, t.outlet AS name, t.n),
          s AS (UPDATE cluster_sources t SET n = t.n - x.k FROM unnest($4::bigint[], $5::text[], $6::int[]) AS x(cluster, name, k)
                WHERE t.cluster = x.cluster AND t.source = x.name RETURNING t.cluster, t.source AS name, t.n)
     SELECT 'o' AS t, * FROM o WHERE n <= 0 UNION ALL SELECT 's', * FROM s WHERE n <= 0`,
    [...columns(t.outlets), ...columns(t.sources)],
  );
  if (!r.rows.length) return d;
  const go = r.rows.filter((x) => x.t === "o");
  const gs = r.rows.filter((x) => x.t === "s");
  await q(
    c,
    `WITH o AS (DELETE FROM cluster_outlets t USING unnest($1::bigint[], $2::text[]) AS x(cluster, name) WHERE t.cluster = x.cluster AND t.outlet = x.name AND t.n <= 0)
     DELETE FROM cluster_sources t USING unnest($3::bigint[], $4::text[]) AS x(cluster, name) WHERE t.cluster = x.cluster AND t.source = x.name AND t.n <= 0`,
    [go.map((x) => x.cluster), go.map((x) => x.name), gs.map((x) => x.cluster), gs.map((x) => x.name)],
  );
  for (const x of go) at(x.cluster).outlets--;
  for (const x of gs) at(x.cluster).sources--;
  return d;
}

/**
 * Adds a tally to the outlet and source counts and the clusters' counts, with the changes already known, in one
 * statement: an outlet (or source) row that is new is one more distinct outlet (an existing one has n >= 1 already).
 */
async function addCounts(c: pg.PoolClient, t: Tally, before: Deltas): Promise<void> {
  const ids = new Set<number>([...before.keys(), ...t.reports.keys()]);
  for (const k of [...t.outlets.keys(), ...t.sources.keys()]) ids.add(split(k)[0]);
  if (!ids.size) return;
  const list = [...ids];
  const reports = list.map((id) => (before.get(id)?.reports ?? 0) + (t.reports.get(id) ?? 0));
  await q(
    c,
    `WITH xo AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[]) AS x(cluster, name, k)),
          xs AS (SELECT * FROM unnest($4::bigint[], $5::text[], $6::int[]) AS x(cluster, name, k)),
          o AS (INSERT INTO cluster_outlets (cluster, outlet, n) SELECT cluster, name, k FROM xo
                ON CONFLICT (cluster, outlet) DO UPDATE SET n = cluster_outlets.n + excluded.n RETURNING cluster, outlet, n),
          s AS (INSERT INTO cluster_sources (cluster, source, n) SELECT cluster, name, k FROM xs
                ON CONFLICT (cluster, source) DO UPDATE SET n = cluster_sources.n + excluded.n RETURNING cluster, source, n),
          newo AS (SELECT o.cluster, count(*)::int AS c FROM o JOIN xo ON xo.cluster = o.cluster AND xo.name = o.outlet WHERE o.n = xo.k GROUP BY o.cluster),
          news AS (SELECT s.cluster, count(*)::int AS c FROM s JOIN xs ON xs.cluster = s.cluster AND xs.name = s.source WHERE s.n = xs.k GROUP BY s.cluster)
     UPDATE clusters k SET reports = k.reports + b.r, n_outlets = k.n_outlets + b.o + COALESCE(newo.c, 0), n_sources = k.n_sources + b.s + COALESCE(news.c, 0)
     FROM unnest($7::bigint[], $8::int[], $9::int[], $10::int[]) AS b(id, r, o, s) LEFT JOIN newo ON newo.cluster = b.id LEFT JOIN news ON news.cluster = b.id
     WHERE k.id = b.id`,
    [...columns(t.outlets), ...columns(t.sources), list, reports, list.map((id) => before.get(id)?.outlets ?? 0), list.map((id) => before.get(id)?.sources ?? 0)],
  );
}

/** Takes the transaction-level locks of these cluster keys, in one order for every writer (no deadlock between two). */
async function lockClusterKeys(c: pg.PoolClient, schema: string, keys: Iterable<string>): Promise<void> {
  const ks = [...new Set([...keys].map((k) => lockKey(`${schema}|${k}`)))].sort((a, b) => a - b);
  if (!ks.length) return;
  await q(c, "SELECT count(pg_advisory_xact_lock($1, k)) FROM (SELECT k FROM unnest($2::int[]) AS k ORDER BY k) s", [LOCK_CLUSTER, ks]);
}

const ARTICLE_COLUMNS = "url, outlet, published, title, origin, content_hash, minhash, raw_kind, raw, clean, coder_version, coded_at";

/** The article's columns a write sets, as parameters from $first on. */
function articleFields(a: ArticleWrite, now: string): unknown[] {
  return [
    a.url,
    a.outlet,
    a.published,
    toPgText(a.title),
    a.origin,
    a.contentHash,
    a.minhash && !a.duplicateOf ? toBlob(a.minhash) : null,
    a.raw.kind,
    toPgText(a.raw.body),
    a.clean === a.raw.body ? null : toPgText(a.clean),
    a.duplicateOf ? null : a.coderVersion,
    a.duplicateOf ? null : now,
  ];
}

/**
 * One statement writing the article row (the CTE `a`, given with its parameters from $18 on) and its own rows:
 * LSH buckets, sentences, named dates, the coding. Returns the article's id, or none when `a` wrote nothing.
 */
async function writeOwnRows(c: pg.PoolClient, a: ArticleWrite, now: string, withBuckets: boolean, articleCte: string, articleParams: unknown[]): Promise<number | null> {
  const ds = a.dates;
  const r = await q<{ id: number }>(
    c,
    `WITH a AS (${articleCte}),
          l AS (INSERT INTO article_lsh (bucket, article) SELECT b, a.id FROM a, unnest($1::bigint[]) AS b ON CONFLICT DO NOTHING),
          s AS (INSERT INTO sentences (article, idx, start, "end", caption, text) SELECT a.id, x.* FROM a, unnest($2::int[], $3::int[], $4::int[], $5::bool[], $6::text[]) AS x),
          d AS (INSERT INTO article_dates (article, sentence, date, role, mention, place, country, lat, lon)
                SELECT a.id, x.s, x.d, x.r, x.m, x.p, x.c, x.la, x.lo
                FROM a, unnest($7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::float8[], $14::float8[]) WITH ORDINALITY AS x(s, d, r, m, p, c, la, lo, o) ORDER BY x.o),
          k AS (INSERT INTO codings (article, coder_version, coded_at, events) SELECT a.id, $15, $16, $17 FROM a)
     SELECT id FROM a`,
    [
      withBuckets && a.minhash ? buckets(a.minhash) : [],
      a.sentences.map((s) => s.index),
      a.sentences.map((s) => s.start),
      a.sentences.map((s) => s.end),
      a.sentences.map((s) => s.caption),
      a.sentences.map((s) => toPgText(s.text)),
      ds.map((d) => d.sentence),
      ds.map((d) => d.date),
      ds.map((d) => d.role),
      ds.map((d) => toPgText(d.mention)),
      ds.map((d) => toPgText(d.place?.name ?? null)),
      ds.map((d) => d.place?.country ?? null),
      ds.map((d) => d.place?.lat ?? null),
      ds.map((d) => d.place?.lon ?? null),
      a.coderVersion,
      now,
      a.events.length,
      ...articleParams,
    ],
  );
  return r.rows[0]?.id ?? null;
}

/**
 * The write: under a lock on the article's key (the same article put twice at once is written once, then re-coded),
 * and locks on the cluster keys of every report it adds or removes (two reports of one event never open two clusters).
 * A new article takes about ten round trips, whatever its size: rows go in as arrays (unnest), several tables a statement.
 */
export async function putArticle(c: pg.PoolClient, schema: string, a: ArticleWrite): Promise<PutOutcome> {
  const now = new Date().toISOString();
  await q(c, "SELECT pg_advisory_xact_lock($1, $2)", [LOCK_ARTICLE, lockKey(`${schema}|${a.key}`)]);
  const fields = articleFields(a, now);
  const NEW_ARTICLE = `INSERT INTO articles (${ARTICLE_COLUMNS}, key, doc, duplicate_of, ingested_at)
    VALUES ($18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33)`;

  let articleId: number | null = null;
  if (!a.duplicateOf) {
    // the common case in one statement: a new article with its rows (nothing written when the key is there)
    articleId = await writeOwnRows(c, a, now, true, `${NEW_ARTICLE} ON CONFLICT (key) DO NOTHING RETURNING id`, [...fields, a.key, a.doc, null, a.ingestedAt ?? now]);
  }
  const existing =
    articleId === null
      ? (await q<Row>(c, "SELECT id, doc, outlet, coder_version, duplicate_of, ARRAY(SELECT c.outlet FROM articles c WHERE c.duplicate_of = a.id AND c.outlet IS NOT NULL) AS copies FROM articles a WHERE key = $1", [a.key])).rows[0]
      : undefined;

  if (articleId === null && !existing) {
    // a new near-duplicate: linked to its original, no rows of its own
    const orig = (await q<Row>(c, "SELECT id, key, doc FROM articles WHERE key = $1", [a.duplicateOf])).rows[0];
    if (!orig) throw new SitrepError(problem("E_STORE_WRITE", a.doc, `the original ${a.duplicateOf} is not in the store`));
    // the original's reports stay as they are while the copy's outlet is counted on them
    await q(c, "SELECT pg_advisory_xact_lock($1, $2)", [LOCK_ARTICLE, lockKey(`${schema}|${orig.key}`)]);
    await q(c, NEW_ARTICLE.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) - 17}`), [...fields, a.key, a.doc, orig.id, a.ingestedAt ?? now]);
    if (a.outlet) {
      const evs = (await q<{ cluster: number; key: string }>(c, "SELECT e.cluster, k.key FROM events e JOIN clusters k ON k.id = e.cluster WHERE e.article = $1", [orig.id])).rows;
      if (evs.length) {
        await lockClusterKeys(c, schema, evs.map((e) => e.key));
        // the copy's outlet now carries each of the original's reports too (not a report or a source of its own)
        const t = new Tally();
        for (const e of evs) t.add(e.cluster, 0, [a.outlet], []);
        await addCounts(c, t, new Map());
      }
    }
    return { status: "duplicate", doc: a.doc, of: orig.doc as string };
  }

  let previousVersion: string | null = null;
  const copies = (existing?.copies as string[] | undefined) ?? [];
  const removed = new Tally();
  const emptied = new Set<number>();
  const keys = new Set<string>();
  if (existing) {
    articleId = existing.id as number;
    previousVersion = (existing.coder_version as string) ?? null;
    const oldOutlet = (existing.outlet as string) ?? null;
    const old = (await q<{ cluster: number | null; origin: string; key: string | null }>(c, "SELECT e.cluster, e.origin, k.key FROM events e LEFT JOIN clusters k ON k.id = e.cluster WHERE e.article = $1", [articleId])).rows;
    for (const e of old) {
      if (e.cluster == null) continue;
      keys.add(e.key ?? "");
      removed.add(e.cluster, -1, oldOutlet ? [oldOutlet, ...copies] : copies, [e.origin]);
      emptied.add(e.cluster);
    }
    await q(
    c,
      `WITH ec AS (DELETE FROM event_country WHERE event IN (SELECT seq FROM events WHERE article = $1)),
            s AS (DELETE FROM sentences WHERE article = $1),
            d AS (DELETE FROM article_dates WHERE article = $1),
            l AS (DELETE FROM article_lsh WHERE article = $1),
            r AS (UPDATE codings SET replaced_at = $2 WHERE article = $1 AND replaced_at IS NULL)
       DELETE FROM events WHERE article = $1`,
      [articleId, now],
    );
    const set = ARTICLE_COLUMNS.split(", ").map((col, i) => `${col} = $${18 + i}`).join(", ");
    await writeOwnRows(c, a, now, !existing.duplicate_of, `UPDATE articles SET ${set} WHERE id = $30 RETURNING id`, [...fields, articleId]);
  }
  const id = articleId!;

  // clustering: under the locks of every key touched, the candidates read once, each report placed as the SQLite store places it
  const meta = { origin: a.origin, outlet: a.outlet, doc: a.doc, url: a.url };
  const evs = a.events.map((e) => ({ e, key: clusterKey(e), origin: eventOrigin(e, meta), countries: countriesOf(e) }));
  for (const x of evs) if (x.key !== null) keys.add(x.key);
  await lockClusterKeys(c, schema, keys);
  const dated = evs.filter((x) => x.key !== null);
  const cands: ClusterState[] = [];
  if (dated.length) {
    const dates = dated.map((x) => x.e.date!).sort();
    const r = await q<Row>(
    c,
      "SELECT id, key, first_date, last_date, lat, lon, country FROM clusters WHERE key = ANY($1::text[]) AND last_date >= $2 AND first_date <= $3",
      [[...new Set(dated.map((x) => x.key!))], shiftDate(dates[0], -WINDOW_DAYS), shiftDate(dates[dates.length - 1], WINDOW_DAYS)],
    );
    for (const k of r.rows)
      cands.push({ id: k.id as number, key: k.key as string, firstDate: k.first_date as string, lastDate: k.last_date as string, lat: (k.lat as number) ?? null, lon: (k.lon as number) ?? null, country: (k.country as string) ?? null, fresh: false, changed: false });
  }
  const fresh: ClusterState[] = [];
  const placed: ClusterState[] = [];
  for (const x of evs) {
    const loc = x.e.location;
    const best = x.key === null ? null : bestCluster(x.e, cands);
    if (best) {
      if (x.e.date! < best.firstDate) best.firstDate = x.e.date!;
      if (x.e.date! > best.lastDate) best.lastDate = x.e.date!;
      best.lat ??= loc?.lat ?? null;
      best.lon ??= loc?.lon ?? null;
      best.country ??= loc?.country ?? null;
      best.changed = true;
      placed.push(best);
    } else {
      // a new cluster: its id is -(its place in `fresh`) until the write gives it one
      const k: ClusterState = { id: -(fresh.length + 1), key: x.key ?? "", firstDate: x.e.date!, lastDate: x.e.date!, lat: loc?.lat ?? null, lon: loc?.lon ?? null, country: loc?.country ?? null, fresh: true, changed: false };
      fresh.push(k);
      // an undated report is a cluster of its own: never a candidate
      if (x.key !== null) cands.push(k);
      placed.push(k);
    }
  }
  // new clusters numbered from their sequence in order, widened ones updated: one statement
  const widened = cands.filter((k) => !k.fresh && k.changed);
  if (fresh.length || widened.length) {
    const r = await q<{ ord: number; id: number }>(
      c,
      `WITH f AS (SELECT x.*, nextval(pg_get_serial_sequence('clusters', 'id')) AS id
                  FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[]) WITH ORDINALITY AS x(key, fd, ld, lat, lon, country, ord)),
            fi AS (INSERT INTO clusters (id, key, first_date, last_date, lat, lon, country) SELECT id, key, fd, ld, lat, lon, country FROM f ORDER BY ord),
            w AS (UPDATE clusters k SET first_date = x.f, last_date = x.l, lat = x.la, lon = x.lo, country = x.c
                  FROM unnest($7::bigint[], $8::text[], $9::text[], $10::float8[], $11::float8[], $12::text[]) AS x(id, f, l, la, lo, c) WHERE k.id = x.id)
       SELECT ord, id FROM f`,
      [
        fresh.map((k) => k.key),
        fresh.map((k) => k.firstDate),
        fresh.map((k) => k.lastDate),
        fresh.map((k) => k.lat),
        fresh.map((k) => k.lon),
        fresh.map((k) => k.country),
        widened.map((k) => k.id),
        widened.map((k) => k.firstDate),
        widened.map((k) => k.lastDate),
        widened.map((k) => k.lat),
        widened.map((k) => k.lon),
        widened.map((k) => k.country),
      ],
    );
    for (const row of r.rows) fresh[row.ord - 1].id = row.id;
  }

  // counts: the old reports' removed, then the new ones' added
  const added = new Tally();
  const outlets = a.outlet ? [a.outlet, ...copies] : copies;
  evs.forEach((x, i) => added.add(placed[i].id, 1, outlets, [x.origin]));
  await addCounts(c, added, await removeCounts(c, removed));

  // clusters that lost reports to a re-coding: gone when no report is left or added, else their dates narrowed
  if (emptied.size) {
    const ids = [...emptied];
    const span = new Map<number, { lo: string | null; hi: string | null }>();
    for (const r of (await q<{ cluster: number; lo: string | null; hi: string | null }>(c, "SELECT cluster, MIN(date) AS lo, MAX(date) AS hi FROM events WHERE cluster = ANY($1::bigint[]) GROUP BY cluster", [ids])).rows)
      span.set(r.cluster, { lo: r.lo, hi: r.hi });
    evs.forEach((x, i) => {
      const id = placed[i].id;
      if (!emptied.has(id)) return;
      const d = x.e.date;
      const s = span.get(id);
      if (!s) span.set(id, { lo: d, hi: d });
      else if (d !== null) span.set(id, { lo: s.lo === null || d < s.lo ? d : s.lo, hi: s.hi === null || d > s.hi ? d : s.hi });
    });
    const gone = ids.filter((x) => !span.has(x));
    const left = [...span];
    await q(
      c,
      `WITH o AS (DELETE FROM cluster_outlets WHERE cluster = ANY($1::bigint[])),
            s AS (DELETE FROM cluster_sources WHERE cluster = ANY($1::bigint[])),
            d AS (DELETE FROM clusters WHERE id = ANY($1::bigint[]))
       UPDATE clusters k SET first_date = x.lo, last_date = x.hi FROM unnest($2::bigint[], $3::text[], $4::text[]) AS x(id, lo, hi) WHERE k.id = x.id`,
      [gone, left.map(([k]) => k), left.map(([, v]) => v.lo), left.map(([, v]) => v.hi)],
    );
  }

  if (evs.length) {
    // the events last, their seqs taken under one lock held to the commit: seqs become visible in order, so a
    // reader paging by seq (the API's cursor, the live stream) never passes one that a slower writer commits later
    await q(c, "SELECT pg_advisory_xact_lock($1, $2)", [LOCK_EVENT_SEQ, lockKey(schema)]);
    const e = evs.map((x) => x.e);
    const ec: { country: string[]; date: string[]; ord: number[] } = { country: [], date: [], ord: [] };
    evs.forEach((x, i) => {
      for (const cc of x.countries) {
        ec.country.push(cc);
        ec.date.push(x.e.date ?? "");
        ec.ord.push(i + 1);
      }
    });
    await q(
      c,
      `WITH ev AS (SELECT y.*, nextval(pg_get_serial_sequence('events', 'seq')) AS seq
                   FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::float8[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::float8[], $15::float8[], $16::bigint[], $17::text[], $18::text[])
                     WITH ORDINALITY AS y(id, sentence, date, code, root, quad, goldstein, plover, source_code, target_code, location, loc_country, lat, lon, cluster, origin, record, ord)),
            ei AS (INSERT INTO events (seq, id, article, sentence, date, code, root, quad, goldstein, plover, source_code, target_code, location, loc_country, lat, lon, cluster, origin, record)
                   SELECT ev.seq, ev.id, $1::bigint, ev.sentence, ev.date, ev.code, ev.root, ev.quad, ev.goldstein, ev.plover, ev.source_code, ev.target_code, ev.location, ev.loc_country, ev.lat, ev.lon, ev.cluster, ev.origin, ev.record
                   FROM ev ORDER BY ev.ord)
       INSERT INTO event_country (country, date, event) SELECT x.country, x.date, ev.seq FROM unnest($19::text[], $20::text[], $21::int[]) AS x(country, date, ord) JOIN ev ON ev.ord = x.ord ON CONFLICT DO NOTHING`,
      [
        id,
        e.map((x) => x.id),
        e.map((x) => x.sentence),
        e.map((x) => x.date),
        e.map((x) => x.code),
        e.map((x) => x.root),
        e.map((x) => x.quad),
        e.map((x) => x.goldstein),
        e.map((x) => x.plover?.type ?? null),
        e.map((x) => x.source.code),
        e.map((x) => x.target?.code ?? null),
        e.map((x) => x.location?.name ?? null),
        e.map((x) => x.location?.country ?? null),
        e.map((x) => x.location?.lat ?? null),
        e.map((x) => x.location?.lon ?? null),
        placed.map((k) => k.id),
        evs.map((x) => x.origin),
        e.map((x) => JSON.stringify(x)),
        ec.country,
        ec.date,
        ec.ord,
      ],
    );
  }
  return existing ? { status: "recoded", doc: existing.doc as string, events: a.events.length, previousVersion } : { status: "added", doc: a.doc, events: a.events.length };
}
