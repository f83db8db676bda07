// Output formats for event records: JSON lines, CSV and TSV (one flat row per event).
import type { CodedEvent } from "../core/types.js";

export type Format = "jsonl" | "csv" | "tsv";

export const COLUMNS = [
  "id", "doc", "sentence", "date", "code", "root", "quad", "goldstein", "plover_type", "plover_mode",
  "acled_event_type", "acled_sub_event_type", "source_text", "source_code", "source_country", "source_sector",
  "target_text", "target_code", "target_country", "target_sector", "location_name", "location_country",
  "location_admin1", "lat", "lon", "attribution", "hedged", "negated", "verb", "pattern", "confidence", "text",
] as const;

function flat(e: CodedEvent): unknown[] {
  return [
    e.id, e.doc, e.sentence, e.date, e.code, e.root, e.quad, e.goldstein, e.plover?.type, e.plover?.mode,
    e.acled?.event_type, e.acled?.sub_event_type, e.source.text, e.source.code, e.source.country, e.source.sector,
    e.target?.text, e.target?.code, e.target?.country, e.target?.sector, e.location?.name, e.location?.country,
    e.location?.admin1, e.location?.lat, e.location?.lon, e.attribution.map((a) => `${a.kind}:${a.who}`).join(" > "),
    e.hedged, e.negated, e.evidence.verb, e.evidence.pattern, e.confidence, e.text,
  ];
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tsvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/[\t\r\n]+/g, " ");
}

/** Writes to stdout, waiting for 'drain' when its buffer is full. */
export function write(s: string): Promise<void> | void {
  if (!process.stdout.write(s)) return new Promise((r) => process.stdout.once("drain", () => r()));
}

export function header(f: Format): string | null {
  if (f === "csv") return COLUMNS.join(",") + "\n";
  if (f === "tsv") return COLUMNS.join("\t") + "\n";
  return null;
}

export function formatEvent(e: CodedEvent, f: Format): string {
  if (f === "jsonl") return JSON.stringify(e) + "\n";
  const cells = flat(e);
  return (f === "csv" ? cells.map(csvCell).join(",") : cells.map(tsvCell).join("\t")) + "\n";
}
