// The SQL of an EventQuery's filters over `events e JOIN articles a`: shared by every SQLite query that selects events.
import type { EventQuery } from "../store.js";

export interface EventFilter {
  /** The FROM clause: events e joined with articles a (driven from the country index when countries are given). */
  from: string;
  /** Conditions to AND together (none: every event). */
  where: string[];
  params: unknown[];
}

/**
 * The FROM and WHERE of the events `q` selects (its `limit` and `after` are the caller's). A `text` search reads
 * the full-text index: the caller indexes pending sentences first.
 */
export function eventFilter(q: EventQuery): EventFilter {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = "events e JOIN articles a ON a.id = e.article";
  const list = (col: string, xs: string[]) => {
    where.push(`${col} IN (${xs.map(() => "?").join(",")})`);
    params.push(...xs);
  };
  if (q.country?.length) {
    // drive the query from the country index: one country and month is a range scan
    from = `(SELECT DISTINCT event FROM event_country WHERE country IN (${q.country.map(() => "?").join(",")}) AND date >= ? AND date <= ?) ec CROSS JOIN events e ON e.seq = ec.event JOIN articles a ON a.id = e.article`;
    params.push(...q.country.map((c) => c.toUpperCase()), q.since ?? "", q.until ?? "9999-12-31");
  }
  if (q.since) {
    where.push("e.date >= ?");
    params.push(q.since);
  }
  if (q.until) {
    where.push("e.date <= ?");
    params.push(q.until);
  }
  codeFilter(q, "e", where, params);
  if (q.plover?.length) list("e.plover", q.plover.map((p) => p.toUpperCase()));
  if (q.actor) {
    const pat = q.actor.toUpperCase().replace(/[[\]?]/g, "");
    where.push("(e.source_code GLOB ? OR e.target_code GLOB ?)");
    params.push(pat, pat);
  }
  if (q.doc) {
    where.push("a.doc = ?");
    params.push(q.doc);
  }
  if (q.text) {
    where.push("e.seq IN (SELECT e2.seq FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN events e2 ON e2.article = s.article AND e2.sentence = s.idx WHERE sentences_fts MATCH ?)");
    params.push(q.text);
  }
  if (q.near) {
    const { lat, lon, km: r } = q.near;
    const dLat = r / 111.2;
    const dLon = r / (111.2 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    where.push("e.seq IN (SELECT seq FROM events_geo WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?) AND km(e.lat, e.lon, ?, ?) <= ?");
    params.push(lat - dLat, lat + dLat, lon - dLon, lon + dLon, lat, lon, r);
  }
  return { from, where, params };
}

/** Adds the root and code filters of `q` over the table aliased `t` (events, or the country index that carries them). */
function codeFilter(q: EventQuery, t: string, where: string[], params: unknown[]): void {
  const list = (col: string, xs: string[]) => {
    where.push(`${t}.${col} IN (${xs.map(() => "?").join(",")})`);
    params.push(...xs);
  };
  const roots = (q.root ?? []).filter((r) => r.length <= 2);
  const codes = [...(q.code ?? []), ...(q.root ?? []).filter((r) => r.length > 2)];
  if (roots.length) list("root", roots.map((r) => r.padStart(2, "0")));
  // a code filter also names its roots, so the (root, date) index serves it
  if (codes.length) {
    if (!roots.length) list("root", [...new Set(codes.map((c) => c.slice(0, 2)))]);
    list("code", codes);
  }
}

/**
 * The WHERE over the country index alone (aliased ec) of a query of countries, dates and (when the index carries
 * each event's root, code and cluster: schema version 4) roots and codes; null for other queries, which read events.
 */
function countryScan(q: EventQuery, carries: boolean): { where: string[]; params: unknown[] } | null {
  if (!q.country?.length || q.plover?.length || q.actor || q.doc || q.text || q.near) return null;
  if (!carries && (q.root?.length || q.code?.length)) return null;
  const where = [`ec.country IN (${q.country.map(() => "?").join(",")})`, "ec.date >= ?", "ec.date <= ?"];
  const params: unknown[] = [...q.country.map((c) => c.toUpperCase()), q.since ?? "", q.until ?? "9999-12-31"];
  // an undated event is kept under the date "": `until` alone (events.date <= until) leaves it out
  if (q.until && !q.since) where.push("ec.date <> ''");
  codeFilter(q, "ec", where, params);
  return { where, params };
}

/**
 * A query of countries and dates (and roots or codes, from schema version 4) pages through the country index
 * itself: the seqs of one page come from the index, and only that page's events are read (about 20 times faster
 * over 1,000,000 events than reading every event of the country and month to sort them). Null for other queries.
 */
export function countryPage(q: EventQuery, carries: boolean): { sql: string; params: unknown[] } | null {
  const scan = countryScan(q, carries);
  if (!scan) return null;
  const { where, params } = scan;
  if (q.after != null) {
    where.push("ec.event > ?");
    params.push(q.after);
  }
  params.push(q.limit ?? 1000);
  return { sql: `SELECT DISTINCT ec.event FROM event_country ec WHERE ${where.join(" AND ")} ORDER BY ec.event LIMIT ?`, params };
}

/**
 * The same queries' page of clusters, from the cluster ids the country index carries (schema version 4): no event
 * row is read (a country and month over 1,000,000 events: about 1 ms, not 12 to 18). Null for other queries.
 */
export function countryClusters(q: EventQuery, carries: boolean): { sql: string; params: unknown[] } | null {
  if (!carries) return null;
  const scan = countryScan(q, carries);
  if (!scan) return null;
  const { where, params } = scan;
  let sql = `SELECT * FROM clusters WHERE id IN (SELECT ec.cluster FROM event_country ec WHERE ${where.join(" AND ")})`;
  if (q.after != null) {
    sql += " AND id > ?";
    params.push(q.after);
  }
  params.push(q.limit ?? 1000);
  return { sql: sql + " ORDER BY id LIMIT ?", params };
}
