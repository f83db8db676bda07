// The event filters shared by query and export: flags → an EventQuery, with clear messages for bad values.
import { loadActorLexicon } from "../lexicon/actors.js";
import { loadGazetteer } from "../lexicon/gazetteer.js";
import { isoDate } from "../pipeline/iso-date.js";
import type { EventQuery } from "../store/store.js";

export const FILTER_OPTIONS = {
  country: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  root: { type: "string" },
  code: { type: "string" },
  actor: { type: "string" },
  plover: { type: "string" },
  text: { type: "string" },
  near: { type: "string" },
  doc: { type: "string" },
} as const;

export const FILTER_HELP = `Filters:
  --country IRQ,SYR        events placed in, or with a source or target of, these countries (ISO3)
  --since D, --until D     event dates, inclusive: YYYY-MM-DD, or 7d / 12w / 6m back from today
  --root 18,19             CAMEO root codes (or full codes: 1823)
  --code 1823,190          CAMEO codes
  --actor "IRN*"           source or target actor code (* matches any ending)
  --plover ASSAULT,PROTEST PLOVER event types
  --text "rocket attack"   full-text search over the sentences (SQLite FTS5 syntax)
  --near 33.3,44.4,50      within 50 km of a point; or --near "Baghdad:50" (a place name and km)
  --doc ID                 the events of one article`;

const list = (s: string | undefined) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : undefined);

/** A date flag's value: YYYY-MM-DD, or an age back from today (7d, 12w, 6m, 1y); null when it is neither. */
export function parseWhen(s: string, today = new Date()): string | null {
  const m = /^(\d+)([dwmy])$/.exec(s.trim());
  if (m) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    const n = +m[1];
    if (m[2] === "d") d.setUTCDate(d.getUTCDate() - n);
    if (m[2] === "w") d.setUTCDate(d.getUTCDate() - 7 * n);
    if (m[2] === "m") d.setUTCMonth(d.getUTCMonth() - n);
    if (m[2] === "y") d.setUTCFullYear(d.getUTCFullYear() - n);
    return d.toISOString().slice(0, 10);
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? isoDate(s) : null;
}

/** The query the flags describe, or an error message naming the flag. */
export function parseFilters(v: Record<string, string | boolean | undefined>, today = new Date()): EventQuery | string {
  const q: EventQuery = {};
  const s = (k: string) => v[k] as string | undefined;
  if (s("since")) {
    const d = parseWhen(s("since")!, today);
    if (!d) return `--since must be a date (YYYY-MM-DD) or an age like 7d, not "${s("since")}"`;
    q.since = d;
  }
  if (s("until")) {
    const d = parseWhen(s("until")!, today);
    if (!d) return `--until must be a date (YYYY-MM-DD) or an age like 7d, not "${s("until")}"`;
    q.until = d;
  }
  const countries = list(s("country"));
  if (countries) {
    const bad = countries.find((c) => !/^[A-Za-z]{3}$/.test(c));
    if (bad) return `--country takes ISO 3166-1 alpha-3 codes (IRQ, SYR), not "${bad}"`;
    q.country = countries.map((c) => c.toUpperCase());
  }
  const roots = list(s("root"));
  if (roots) {
    const bad = roots.find((r) => !/^\d{1,4}$/.test(r));
    if (bad) return `--root takes CAMEO codes (18, 19, 1823), not "${bad}"`;
    q.root = roots;
  }
  const codes = list(s("code"));
  if (codes) {
    const bad = codes.find((r) => !/^\d{2,4}$/.test(r));
    if (bad) return `--code takes CAMEO codes (190, 1823), not "${bad}"`;
    q.code = codes;
  }
  if (s("actor")) q.actor = s("actor");
  if (s("plover")) q.plover = list(s("plover"));
  if (s("text")) q.text = s("text");
  if (s("doc")) q.doc = s("doc");
  if (s("near")) {
    const near = s("near")!;
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*(?:km)?\s*$/.exec(near);
    if (m) {
      const [lat, lon, km] = [+m[1], +m[2], +m[3]];
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return `--near: latitude and longitude out of range in "${near}"`;
      q.near = { lat, lon, km };
    } else {
      const p = /^(.+?):\s*(\d+(?:\.\d+)?)\s*(?:km)?$/.exec(near);
      if (!p) return `--near takes "lat,lon,km" or "Place:km", not "${near}"`;
      const actors = loadActorLexicon();
      const hit = loadGazetteer(actors.countries, actors.iso2to3).lookup(p[1].trim().toLowerCase()).find((e) => e.lat != null);
      if (!hit) return `--near: no place named "${p[1].trim()}" in the gazetteer`;
      q.near = { lat: hit.lat!, lon: hit.lon!, km: +p[2] };
    }
  }
  return q;
}
