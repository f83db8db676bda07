// When two reports describe one real-world event: same root code, same source and target, close dates, near places.
import type { CodedEvent } from "../core/types.js";

/** Days either side of a cluster's dates within which a report may join it. */
export const WINDOW_DAYS = 2;
/** Largest distance between two located reports of one event. */
export const NEAR_KM = 50;

/** What a cluster keeps to decide whether a new report belongs to it. */
export interface ClusterShape {
  key: string;
  firstDate: string;
  lastDate: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

/** The exact part of the match: candidates are looked up by it. Null when the report cannot be clustered (no date). */
export function clusterKey(e: CodedEvent): string | null {
  if (!e.date) return null;
  return `${e.root}|${e.source.code}|${e.target?.code ?? ""}`;
}

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(date.slice(0, 10) + "T00:00:00Z") / 86_400_000);
}

export function shiftDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** How far (in days, then km) a report is from a cluster, or null when it cannot be the same event. */
export function distance(e: CodedEvent, c: ClusterShape): { days: number; km: number } | null {
  const key = clusterKey(e);
  if (key === null || key !== c.key) return null;
  const d = dayNumber(e.date!);
  const lo = dayNumber(c.firstDate);
  const hi = dayNumber(c.lastDate);
  const days = d < lo ? lo - d : d > hi ? d - hi : 0;
  if (days > WINDOW_DAYS) return null;
  const loc = e.location;
  // a report that does not say where may still be the same event; two places in different countries are not
  if (loc?.country && c.country && loc.country !== c.country) return null;
  let dist = 0;
  if (loc?.lat != null && loc.lon != null && c.lat != null && c.lon != null) {
    dist = km(loc.lat, loc.lon, c.lat, c.lon);
    if (dist > NEAR_KM) return null;
  }
  return { days, km: dist };
}

/** The best cluster for a report among candidates (nearest in time, then in space), or null. */
export function bestCluster<C extends ClusterShape>(e: CodedEvent, candidates: readonly C[]): C | null {
  let best: C | null = null;
  let bd: { days: number; km: number } | null = null;
  for (const c of candidates) {
    const d = distance(e, c);
    if (!d) continue;
    if (!bd || d.days < bd.days || (d.days === bd.days && d.km < bd.km)) [best, bd] = [c, d];
  }
  return best;
}
