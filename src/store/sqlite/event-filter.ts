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
  const roots = (q.root ?? []).filter((r) => r.length <= 2);
  const codes = [...(q.code ?? []), ...(q.root ?? []).filter((r) => r.length > 2)];
  if (roots.length) list("e.root", roots.map((r) => r.padStart(2, "0")));
  // a code filter also names its roots, so the (root, date) index serves it
  if (codes.length) {
    if (!roots.length) list("e.root", [...new Set(codes.map((c) => c.slice(0, 2)))]);
    list("e.code", codes);
  }
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

/**
 * A query of countries and dates alone (the dashboard's and the API's main query) pages through the country index
 * itself: the seqs of one page come from the index, and only that page's events are read (about 20 times faster
 * over 1,000,000 events than reading every event of the country and month to sort them). Null for other queries.
 */
export function countryPage(q: EventQuery): { sql: string; params: unknown[] } | null {
  if (!q.country?.length || q.root?.length || q.code?.length || q.plover?.length || q.actor || q.doc || q.text || q.near) return null;
  const params: unknown[] = [...q.country.map((c) => c.toUpperCase()), q.since ?? "", q.until ?? "9999-12-31"];
  let sql = `SELECT DISTINCT event FROM event_country WHERE country IN (${q.country.map(() => "?").join(",")}) AND date >= ? AND date <= ?`;
  if (q.after != null) {
    sql += " AND event > ?";
    params.push(q.after);
  }
  sql += " ORDER BY event LIMIT ?";
  params.push(q.limit ?? 1000);
  return { sql, params };
}
