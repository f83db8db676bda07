// A watch from what the user types: a place in the gazetteer, a radius ("50km"), ISO3 countries, an actor pattern, level thresholds.
import { problem, type Problem } from "../core/problems.js";
import { loadActorLexicon, type CountryInfo } from "../lexicon/actors.js";
import { loadGazetteer, type Gazetteer, type GazetteerEntry } from "../lexicon/gazetteer.js";
import { DEFAULT_THRESHOLDS, type Thresholds, type Watch } from "./watch.js";

/** A value, or the problem with the input (code E_WATCH_SPEC, `where` = the flag or argument). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(where: string, detail: string): Parsed<T> => ({ ok: false, problem: problem("E_WATCH_SPEC", where, detail) });

/** The radius when a place is given without one. */
export const DEFAULT_RADIUS_KM = 50;
/** Beyond this a radius is a country or a region: watch those instead. */
export const MAX_RADIUS_KM = 1000;

const UNITS: Array<[RegExp, number]> = [
  [/^(?:km|kms|kilomet(?:er|re)s?)$/, 1],
  [/^(?:m|met(?:er|re)s?)$/, 0.001],
  [/^(?:mi|miles?)$/, 1.609344],
  [/^(?:nm|nmi|nautical miles?)$/, 1.852],
];

/** "50km", "20 mi", "500m", "1.5 km", or a bare number of kilometres → kilometres. */
export function parseRadius(s: string, where = "--radius"): Parsed<number> {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z ]*?)\s*$/i.exec(s);
  const unit = m ? m[2].toLowerCase() : "";
  const factor = m ? (unit ? UNITS.find(([re]) => re.test(unit))?.[1] : 1) : undefined;
  if (!m || factor === undefined) return bad(where, `the radius must be a distance like 50km, 20 mi or 500m, not "${s}"`);
  const km = +m[1] * factor;
  if (!(km > 0)) return bad(where, `the radius must be more than 0, not "${s}"`);
  if (km > MAX_RADIUS_KM) return bad(where, `a radius of ${+km.toFixed(1)} km is over ${MAX_RADIUS_KM} km; watch a country (--country) instead`);
  return ok(+km.toFixed(3));
}

/** "IRQ" or "IRQ,SYR" → ISO 3166-1 alpha-3 codes known to the country data; a name or ISO2 code gets a suggestion. */
export function parseCountries(s: string, countries: ReadonlyMap<string, CountryInfo>, where = "--country"): Parsed<string[]> {
  const out: string[] = [];
  const parts = s.split(",").map((x) => x.trim());
  if (!parts.some(Boolean)) return bad(where, "name at least one ISO3 country code (IRQ, SYR)");
  for (const part of parts) {
    if (!part) continue;
    const code = part.toUpperCase();
    if (/^[A-Z]{3}$/.test(code) && countries.has(code)) {
      if (!out.includes(code)) out.push(code);
      continue;
    }
    const lower = part.toLowerCase();
    const guess = [...countries.values()].find((c) => c.iso2 === code || c.name.toLowerCase() === lower);
    return bad(where, `"${part}" is not an ISO 3166-1 alpha-3 country code${guess ? `; did you mean ${guess.iso3} (${guess.name})?` : " (IRQ, SYR, USA)"}`);
  }
  return ok(out);
}

/** A CAMEO actor code or prefix: letters, at least three, with an optional trailing "*" ("IRNMIL", "IRN*") → upper case. */
export function parseActorPattern(s: string, where = "--actor"): Parsed<string> {
  const t = s.trim();
  if (!/^[A-Za-z]{3,30}\*?$/.test(t)) return bad(where, `the actor must be a CAMEO actor code, or a prefix of one ending in * (IRNMIL, IRN*), not "${s}"`);
  return ok(t.toUpperCase());
}

/** "3,6,12" → the index values at which levels 2, 3 and 4 are reached (rising, above 0). */
export function parseLevels(s: string, where = "--levels"): Parsed<Thresholds> {
  const parts = s.split(",").map((x) => x.trim());
  const n = parts.map(Number);
  if (parts.length !== 3 || parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p))) return bad(where, `give three numbers, the index values of levels 2, 3 and 4 (like 3,6,12), not "${s}"`);
  if (!(n[0] > 0 && n[0] < n[1] && n[1] < n[2])) return bad(where, `the three thresholds must be above 0 and rising (like 3,6,12), not "${s}"`);
  return ok({ level2: n[0], level3: n[1], level4: n[2] });
}

/** A place found in the gazetteer, and the other places of that name that were not chosen. */
export interface PlaceMatch {
  place: NonNullable<Watch["place"]>;
  kind: GazetteerEntry["kind"];
  /** Other places the name matches, most populous first, each as the user could write it ("Paris, USA (Texas)"). */
  alternatives: string[];
}

/** How a candidate can be written to choose it: "Name, ISO3 (admin1)". */
function written(e: GazetteerEntry): string {
  return `${e.name}${e.country ? `, ${e.country}` : ""}${e.admin1 && e.admin1 !== e.name ? ` (${e.admin1})` : ""}`;
}

/**
 * Finds a place by name: the most populous match, or the one a qualifier picks ("Paris, FRA", "Paris, France",
 * "Springfield, Illinois": an ISO3 code, a country name or a first-level region).
 */
export function resolvePlace(text: string, gazetteer: Gazetteer, countries: ReadonlyMap<string, CountryInfo>, where = "place"): Parsed<PlaceMatch> {
  const t = text.trim().replace(/\s+/g, " ");
  if (!t) return bad(where, "the place name is empty");
  const located = (xs: readonly GazetteerEntry[]) => xs.filter((e) => e.lat != null && e.lon != null);
  let candidates = located(gazetteer.lookup(t));
  const comma = t.lastIndexOf(",");
  if (!candidates.length && comma > 0) {
    const name = t.slice(0, comma).trim();
    const qual = t.slice(comma + 1).trim();
    const q = qual.toLowerCase();
    const iso3 = /^[A-Za-z]{3}$/.test(qual) && countries.has(qual.toUpperCase()) ? qual.toUpperCase() : ([...countries.values()].find((c) => c.name.toLowerCase() === q)?.iso3 ?? null);
    const all = located(gazetteer.lookup(name));
    if (!all.length) return bad(where, `no place named "${name}" in the gazetteer`);
    candidates = all.filter((e) => (iso3 ? e.country === iso3 : e.admin1?.toLowerCase() === q));
    if (!candidates.length) {
      const seen = [...new Set(all.map(written))].slice(0, 5);
      return bad(where, `no "${name}" in ${iso3 ?? `"${qual}"`}; there are ${seen.join("; ")}`);
    }
  }
  if (!candidates.length) return bad(where, `no place named "${t}" in the gazetteer`);
  // the same place can be listed under its name and an alternative name
  const distinct: GazetteerEntry[] = [];
  const keys = new Set<string>();
  for (const e of candidates) {
    const k = `${e.name}|${e.country}|${e.admin1}|${e.lat!.toFixed(2)}|${e.lon!.toFixed(2)}`;
    if (keys.has(k)) continue;
    keys.add(k);
    distinct.push(e);
  }
  const [best, ...rest] = distinct;
  return ok({
    place: { name: best.name, country: best.country, admin1: best.admin1, lat: best.lat!, lon: best.lon! },
    kind: best.kind,
    alternatives: [...new Set(rest.map(written))].filter((w) => w !== written(best)),
  });
}

/** What `sitrep watch add` takes, as typed. */
export interface WatchSpec {
  place?: string;
  radius?: string;
  country?: string;
  actor?: string;
  name?: string;
  levels?: string;
}

/** The country data and (loaded on first use: it takes most of a second) the gazetteer. */
export interface WatchGeo {
  countries: ReadonlyMap<string, CountryInfo>;
  gazetteer(): Gazetteer;
}

export function loadWatchGeo(): WatchGeo {
  // country facts only: the built-in names, agents and people are not needed here
  const actors = loadActorLexicon({ builtin: false });
  let gazetteer: Gazetteer | null = null;
  return { countries: actors.countries, gazetteer: () => (gazetteer ??= loadGazetteer(actors.countries, actors.iso2to3)) };
}

/** A watch definition from the typed spec, with notes for the user (the place chosen among others, defaults taken). */
export function watchFromSpec(spec: WatchSpec, geo: WatchGeo): Parsed<{ watch: Omit<Watch, "id" | "createdAt">; notes: string[] }> {
  const notes: string[] = [];
  const placeText = spec.place?.trim() || undefined;
  if (!placeText && !spec.country && !spec.actor) return bad("watch", "give a place, --country or --actor: a watch needs an area or an actor");
  if (spec.radius !== undefined && !placeText) return bad("--radius", "a radius needs a place to be around");
  const countries: string[] = [];
  if (spec.country !== undefined) {
    const c = parseCountries(spec.country, geo.countries);
    if (!c.ok) return c;
    countries.push(...c.value);
  }
  let actor: string | null = null;
  if (spec.actor !== undefined) {
    const a = parseActorPattern(spec.actor);
    if (!a.ok) return a;
    actor = a.value;
  }
  let thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (spec.levels !== undefined) {
    const l = parseLevels(spec.levels);
    if (!l.ok) return l;
    thresholds = l.value;
  }
  let radiusKm: number | null = null;
  if (spec.radius !== undefined) {
    const r = parseRadius(spec.radius);
    if (!r.ok) return r;
    radiusKm = r.value;
  }
  let place: Watch["place"] = null;
  if (placeText) {
    const m = resolvePlace(placeText, geo.gazetteer(), geo.countries);
    if (!m.ok) return m;
    const p = m.value;
    const others = p.alternatives.length ? `; "${placeText}" also names ${p.alternatives.slice(0, 5).join("; ")}${p.alternatives.length > 5 ? ` and ${p.alternatives.length - 5} more` : ""} (write "Name, ISO3" to choose)` : "";
    if (p.kind === "country" && radiusKm === null) {
      // a country's centre and a radius is not what anyone means by watching a country
      if (p.place.country && !countries.includes(p.place.country)) countries.push(p.place.country);
      notes.push(`"${placeText}" is a country: watching events in, by or against ${p.place.country} (give --radius to watch around its centre instead)${others}`);
    } else {
      place = p.place;
      if (radiusKm === null) radiusKm = DEFAULT_RADIUS_KM;
      notes.push(`"${placeText}" is ${describePlace(place)}${spec.radius === undefined ? `; radius ${radiusKm} km (the default; set it with --radius)` : ""}${others}`);
    }
  }
  const name = (spec.name ?? placeText ?? [...countries, ...(actor ? [actor] : [])].join(" / ")).trim();
  if (!name) return bad("--name", "the watch's name is empty");
  if (name.length > 120 || /[\u0000-\u001f\u007f]/.test(name)) return bad("--name", "a watch's name is at most 120 characters, with no control characters");
  return ok({ watch: { name, place, radiusKm, countries, actor, thresholds }, notes });
}

/** "Baghdad (Baghdad, IRQ) at 33.34, 44.40". */
export function describePlace(p: NonNullable<Watch["place"]>): string {
  const where = [p.admin1 !== p.name ? p.admin1 : null, p.country].filter(Boolean).join(", ");
  return `${p.name}${where ? ` (${where})` : ""} at ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`;
}

/** One line: what a watch selects and its thresholds. */
export function describeWatch(w: Pick<Watch, "place" | "radiusKm" | "countries" | "actor" | "thresholds">): string {
  const parts: string[] = [];
  if (w.place) parts.push(`within ${w.radiusKm ?? DEFAULT_RADIUS_KM} km of ${describePlace(w.place)}`);
  if (w.countries.length) parts.push(`in, by or against ${w.countries.join(", ")}`);
  if (w.actor) parts.push(`actor ${w.actor}`);
  const t = w.thresholds;
  return `${parts.join("; ")}; levels at ${t.level2}/${t.level3}/${t.level4}`;
}
