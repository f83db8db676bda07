// A watch: a place with a radius, a set of countries, and/or an actor pattern, with the user's posture thresholds.
import type { EventQuery } from "../store/store.js";

/** Index values (robust z-scores against the watch's own baseline, plus open threats) at which each level is reached. */
export interface Thresholds {
  level2: number;
  level3: number;
  level4: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { level2: 3, level3: 6, level4: 12 };

export interface Watch {
  id: number;
  /** Unique; what the user types ("Baghdad", "Iraq / Iran-aligned"). */
  name: string;
  /** A gazetteer place and a radius: events located within radiusKm of it. */
  place: { name: string; country: string | null; admin1: string | null; lat: number; lon: number } | null;
  radiusKm: number | null;
  /** ISO3 codes: events in, by or against these countries. */
  countries: string[];
  /** An actor code or prefix pattern ("IRN*"), matched against source or target. */
  actor: string | null;
  thresholds: Thresholds;
  createdAt: string;
}

/** The store query selecting a watch's events (area and actor together), between two dates. */
export function watchQuery(w: Watch, since?: string, until?: string): EventQuery {
  const q: EventQuery = { limit: 1_000_000 };
  if (since) q.since = since;
  if (until) q.until = until;
  if (w.place && w.radiusKm != null) q.near = { lat: w.place.lat, lon: w.place.lon, km: w.radiusKm };
  if (w.countries.length) q.country = [...w.countries];
  if (w.actor) q.actor = w.actor;
  return q;
}
