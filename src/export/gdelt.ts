// GDELT 2.0 Event table export: 61 tab-separated columns in GDELT's order, no header; see docs/EXPORTS.md.
import { createRequire } from "node:module";
import type { Problem } from "../core/problems.js";
import type { ActorRef, Place } from "../core/types.js";
import { repoPath } from "../core/paths.js";
import { readRows } from "../lexicon/read-lines.js";
import { clusterOf, writeLines, type Exporter, type ExportRow } from "./exporter.js";

/** GDELT 2.0's Event table columns, in file order (GDELT-Event_Codebook-V2.0). */
export const GDELT_COLUMNS = [
  "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
  ...actorColumns("Actor1"), ...actorColumns("Actor2"),
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
  "NumMentions", "NumSources", "NumArticles", "AvgTone",
  ...geoColumns("Actor1Geo"), ...geoColumns("Actor2Geo"), ...geoColumns("ActionGeo"),
  "DATEADDED", "SOURCEURL",
] as const;

function actorColumns(p: string): string[] {
  return ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"].map((c) => p + c);
}

function geoColumns(p: string): string[] {
  return ["_Type", "_FullName", "_CountryCode", "_ADM1Code", "_ADM2Code", "_Lat", "_Long", "_FeatureID"].map((c) => p + c);
}

type Cell = string | number | null | undefined;

/** Tabs and line breaks would break the table: each run becomes one space. */
export function gdeltCell(v: Cell): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, " ");
}

export interface GdeltOptions {
  /** Role/sector codes (GOV, MIL, IGO, ...): the parts of an actor code that are types, not groups. */
  typeCodes?: ReadonlySet<string>;
  /** Country name by ISO3, for ActionGeo_FullName. */
  countryName?: (iso3: string) => string | null;
}

/** CAMEO's actor type codes (CAMEO manual, actor codes: role, secondary role and organisation types). */
const CAMEO_TYPES = "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD IGO IMG INT MNC NGM NGO";

/** Type codes: CAMEO's, and the sectors of sitrep's agent and organisation lexicons. */
export function actorTypeCodes(): Set<string> {
  const codes = new Set(CAMEO_TYPES.split(" "));
  const problems: Problem[] = []; // reported when the lexicons are loaded for coding
  for (const r of readRows(repoPath("src/lexicon/data/agents.txt"), 2, problems)) codes.add(r.fields[0]);
  for (const r of readRows(repoPath("src/lexicon/data/organizations.txt"), 4, problems)) codes.add(r.fields[3]);
  return codes;
}

/** Common country names from world-countries, by ISO3. */
export function worldCountryNames(): (iso3: string) => string | null {
  const require = createRequire(import.meta.url);
  const names = new Map<string, string>();
  // Kosovo is XKX in sitrep's records (world-countries says "UNK"; see src/lexicon/actors.ts)
  for (const c of require("world-countries") as Array<{ cca3: string; name: { common: string } }>) names.set(c.cca3 === "UNK" ? "XKX" : c.cca3, c.name.common);
  return (iso3) => names.get(iso3) ?? null;
}

/**
 * An actor code's parts beyond its country and sector: types (from `types`) and a known group,
 * the last part that is not a type ("IGOUNO" → UNO, "LBNREBHEZ" → HEZ, "IGOWSTNAT" → NAT).
 */
export function splitActor(a: ActorRef, types: ReadonlySet<string>): { group: string | null; types: string[] } {
  const parts: string[] = a.code.match(/.{3}/g) ?? [];
  if (a.country && parts[0] === a.country) parts.shift();
  const i = a.sector ? parts.indexOf(a.sector) : -1;
  if (i >= 0) parts.splice(i, 1);
  const more = parts.filter((p) => types.has(p));
  const others = parts.filter((p) => !types.has(p));
  return { group: others.at(-1) ?? null, types: more };
}

function actorCells(a: ActorRef | null, types: ReadonlySet<string>): Cell[] {
  if (!a) return new Array(10).fill(null);
  const { group, types: extra } = splitActor(a, types);
  const [t1, t2, t3] = [a.sector, ...extra].filter((t): t is string => !!t);
  // ethnic and religious affiliations are not coded apart by sitrep
  return [a.code, a.text, a.country, group, null, null, null, t1, t2, t3];
}

/** ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city or landmark, 5 world state. */
export function geoType(p: Place, countryName: string | null): number | null {
  const us = p.country === "USA";
  if (p.country && (p.name === countryName || p.name === p.country)) return 1;
  if (p.admin1 && p.name === p.admin1) return us ? 2 : 5;
  if (p.lat !== null && p.lon !== null) return us ? 3 : 4;
  return p.country ? 1 : null;
}

function geoCells(p: Place | null, countryName: (iso3: string) => string | null): Cell[] {
  if (!p) return new Array(8).fill(null);
  const country = p.country ? countryName(p.country) ?? p.country : null;
  const type = geoType(p, country);
  // GDELT's "City, State, Country" / "State, Country" / "Country"
  const full = [p.name, p.admin1, country].filter((s, i, all): s is string => !!s && all.indexOf(s) === i).join(", ");
  // CountryCode is ISO3 (GDELT: FIPS 10-4); ADM1 and ADM2 codes and FeatureIDs are not in the record
  return [type, full, p.country, null, null, p.lat, p.lon, null];
}

/** YYYYMMDD, YYYYMM, YYYY and GDELT's FractionDate, YYYY + (MONTH * 30 + DAY) / 365, from YYYY-MM-DD. */
export function dateCells(date: string | null): Cell[] {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return [null, null, null, null];
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return [`${m[1]}${m[2]}${m[3]}`, `${m[1]}${m[2]}`, m[1], (y + (mo * 30 + d) / 365).toFixed(4)];
}

/** YYYYMMDDHHMMSS in UTC from an ISO 8601 date or timestamp; a time without a zone is taken as UTC. */
export function dateAdded(published: string | null | undefined): string | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(published.trim());
  if (!m) return null;
  if (!m[7]) return `${m[1]}${m[2]}${m[3]}${m[4] ?? "00"}${m[5] ?? "00"}${m[6] ?? "00"}`;
  const t = new Date(published.trim().replace(" ", "T"));
  if (Number.isNaN(t.getTime())) return null;
  return t.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** A line maker for one export: IsRootEvent needs the row before. */
export function gdeltLines(opts: GdeltOptions = {}): (row: ExportRow) => string {
  let types = opts.typeCodes;
  let countryName = opts.countryName;
  let prev: string | null = null;
  return (row) => {
    types ??= actorTypeCodes();
    countryName ??= worldCountryNames();
    const e = row.event;
    // a sentence's events are stored together: the first of them is its root event
    const here = `${e.doc}\u0000${e.sentence}`;
    const root = here === prev ? 0 : 1;
    prev = here;
    const c = clusterOf(row);
    const cells: Cell[] = [
      row.seq,
      ...dateCells(e.date),
      ...actorCells(e.source, types),
      ...actorCells(e.target, types),
      root,
      e.code,
      e.code.length > 3 ? e.code.slice(0, 3) : e.code,
      e.root,
      e.quad,
      e.goldstein,
      c?.reports ?? 1,
      c?.sources ?? 1,
      c?.outlets ?? 1,
      null, // AvgTone: sitrep measures no tone
      ...geoCells(null, countryName), // sitrep places the event, not each actor
      ...geoCells(null, countryName),
      ...geoCells(e.location, countryName),
      dateAdded(row.article.published),
      row.article.url ?? e.doc,
    ];
    return cells.map(gdeltCell).join("\t") + "\n";
  };
}

export function createGdeltExporter(opts: GdeltOptions = {}): Exporter {
  return {
    name: "gdelt",
    ext: "tsv",
    binary: false,
    write: (rows, out) => writeLines(rows, out, "gdelt", null, () => gdeltLines(opts)),
  };
}

export const gdelt: Exporter = createGdeltExporter();
