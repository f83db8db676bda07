// The SQL of an EventQuery's filters over `events e JOIN articles a`: shared by every PostgreSQL query that selects events.
import type { EventQuery } from "../store.js";
import type { Params } from "./params.js";
import { tsQuery } from "./text-search.js";

export interface EventFilter {
  /** The FROM clause: events e joined with articles a (driven from the country index when countries are given). */
  from: string;
  /** Conditions to AND together (none: every event). */
  where: string[];
}

/** `km(lat1, lon1, lat2, lon2)` in SQL: the haversine great-circle distance, as src/dedup/same-event.ts computes it. */
export function kmSql(lat1: string, lon1: string, lat2: string, lon2: string): string {
  return `(12742 * asin(least(1, sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))))`;
}

/** An actor pattern ("IRN*", "irqgov") as a LIKE pattern: * is any suffix, the rest literal. */
export function actorLike(actor: string): string {
  return actor
    .toUpperCase()
    .replace(/[[\]?]/g, "")
    .replace(/[\\%_]/g, (c) => "\\" + c)
    .replace(/\*/g, "%");
}

/** The FROM and WHERE of the events `q` selects (its `limit` and `after` are the caller's); parameters go into `p`. */
export function eventFilter(q: EventQuery, p: Params): EventFilter {
  const where: string[] = [];
  let from = "events e JOIN articles a ON a.id = e.article";
  if (q.country?.length) {
    // drive the query from the country index: one country and month is a range scan
    from = `(SELECT DISTINCT event FROM event_country WHERE country IN (${p.list(q.country.map((c) => c.toUpperCase()))}) AND date >= ${p.add(q.since ?? "")} AND date <= ${p.add(q.until ?? "9999-12-31")}) ec JOIN events e ON e.seq = ec.event JOIN articles a ON a.id = e.article`;
  }
  if (q.since) where.push(`e.date >= ${p.add(q.since)}`);
  if (q.until) where.push(`e.date <= ${p.add(q.until)}`);
  const roots = (q.root ?? []).filter((r) => r.length <= 2);
  const codes = [...(q.code ?? []), ...(q.root ?? []).filter((r) => r.length > 2)];
  if (roots.length) where.push(`e.root IN (${p.list(roots.map((r) => r.padStart(2, "0")))})`);
  // a code filter also names its roots, so the (root, date) index serves it
  if (codes.length) {
    if (!roots.length) where.push(`e.root IN (${p.list([...new Set(codes.map((c) => c.slice(0, 2)))])})`);
    where.push(`e.code IN (${p.list(codes)})`);
  }
  if (q.plover?.length) where.push(`e.plover IN (${p.list(q.plover.map((x) => x.toUpperCase()))})`);
  if (q.actor) {
    const pat = p.add(actorLike(q.actor));
    where.push(`(e.source_code LIKE ${pat} OR e.target_code LIKE ${pat})`);
  }
  if (q.doc) where.push(`a.doc = ${p.add(q.doc)}`);
  if (q.text) {
    where.push(`e.seq IN (SELECT e2.seq FROM sentences s JOIN events e2 ON e2.article = s.article AND e2.sentence = s.idx WHERE s.tsv @@ (${tsQuery(q.text, p)}))`);
  }
  if (q.near) {
    const { lat, lon, km: r } = q.near;
    const dLat = r / 111.2;
    const dLon = r / (111.2 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    // the box on the GiST index of point(lon, lat), then the exact distance
    where.push(
      `e.lat IS NOT NULL AND e.lon IS NOT NULL AND point(e.lon, e.lat) <@ box(point(${p.add(lon - dLon)}, ${p.add(lat - dLat)}), point(${p.add(lon + dLon)}, ${p.add(lat + dLat)})) AND ${kmSql("e.lat", "e.lon", p.add(lat), p.add(lon))} <= ${p.add(r)}`,
    );
  }
  return { from, where };
}
