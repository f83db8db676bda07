// CAMEO code names and PLOVER types, read at build time from the ontology's own tables (src/ontology/data), so the dashboard never has a copy to keep in step.
import cameoTsv from "../../src/ontology/data/cameo.tsv?raw";
import ploverTsv from "../../src/ontology/data/plover.tsv?raw";

function rows(tsv: string): string[][] {
  return tsv
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t"));
}

const NAMES = new Map(rows(cameoTsv).map((r) => [r[0], r[1]]));

/** The name of a CAMEO code, or of its nearest listed parent (0213 → 021 → 02). */
export function cameoName(code: string): string {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const n = NAMES.get(c);
    if (n) return n;
  }
  return "";
}

/** The twenty root codes with their names, for the filter. */
export const ROOTS: Array<[string, string]> = [...NAMES].filter(([c]) => c.length === 2);

/** PLOVER event types, for the filter. */
export const PLOVER_TYPES: string[] = [...new Set(rows(ploverTsv).map((r) => r[1]).filter((t) => t && t !== "-"))].sort();
