// CSV export (RFC 4180): one flat row per event, the CLI's columns plus the article's and the cluster's.
import { COLUMNS } from "../cli/format.js";
import type { CodedEvent } from "../core/types.js";
import { clusterOf, writeLines, type Exporter, type ExportRow } from "./exporter.js";

export type Cell = string | number | boolean | null;
/** int64 cells are numbers here; the Parquet writer turns them into 64-bit integers. */
export type ColumnType = "string" | "int32" | "int64" | "double" | "boolean";

export interface Column {
  name: string;
  type: ColumnType;
  get(row: ExportRow): Cell;
}

type Field = [ColumnType, (e: CodedEvent) => Cell | undefined];

/** The CLI's flat event columns (src/cli/format.ts), typed: a column added there must be added here. */
const EVENT_FIELDS: { [K in (typeof COLUMNS)[number]]: Field } = {
  id: ["string", (e) => e.id],
  doc: ["string", (e) => e.doc],
  sentence: ["int32", (e) => e.sentence],
  date: ["string", (e) => e.date],
  code: ["string", (e) => e.code],
  root: ["string", (e) => e.root],
  quad: ["int32", (e) => e.quad],
  goldstein: ["double", (e) => e.goldstein],
  plover_type: ["string", (e) => e.plover?.type],
  plover_mode: ["string", (e) => e.plover?.mode],
  acled_event_type: ["string", (e) => e.acled?.event_type],
  acled_sub_event_type: ["string", (e) => e.acled?.sub_event_type],
  source_text: ["string", (e) => e.source.text],
  source_code: ["string", (e) => e.source.code],
  source_country: ["string", (e) => e.source.country],
  source_sector: ["string", (e) => e.source.sector],
  target_text: ["string", (e) => e.target?.text],
  target_code: ["string", (e) => e.target?.code],
  target_country: ["string", (e) => e.target?.country],
  target_sector: ["string", (e) => e.target?.sector],
  location_name: ["string", (e) => e.location?.name],
  location_country: ["string", (e) => e.location?.country],
  location_admin1: ["string", (e) => e.location?.admin1],
  lat: ["double", (e) => e.location?.lat],
  lon: ["double", (e) => e.location?.lon],
  // the same text as the CLI's CSV: "kind:who" from the outlet to the original source
  attribution: ["string", (e) => e.attribution.map((a) => `${a.kind}:${a.who}`).join(" > ")],
  hedged: ["boolean", (e) => e.hedged],
  negated: ["boolean", (e) => e.negated],
  verb: ["string", (e) => e.evidence.verb],
  pattern: ["string", (e) => e.evidence.pattern],
  confidence: ["double", (e) => e.confidence],
  text: ["string", (e) => e.text],
};

/** Every flat export column in order: CSV's header and Parquet's schema. */
export const EXPORT_COLUMNS: readonly Column[] = [
  ...COLUMNS.map((name): Column => {
    const [type, get] = EVENT_FIELDS[name];
    return { name, type, get: (r) => get(r.event) ?? null };
  }),
  { name: "article_url", type: "string", get: (r) => r.article.url ?? null },
  { name: "outlet", type: "string", get: (r) => r.article.outlet ?? null },
  { name: "published", type: "string", get: (r) => r.article.published ?? null },
  { name: "origin", type: "string", get: (r) => r.article.origin ?? null },
  { name: "cluster_id", type: "int64", get: (r) => clusterOf(r)?.id ?? null },
  { name: "cluster_reports", type: "int32", get: (r) => clusterOf(r)?.reports ?? null },
  { name: "cluster_outlets", type: "int32", get: (r) => clusterOf(r)?.outlets ?? null },
  { name: "cluster_sources", type: "int32", get: (r) => clusterOf(r)?.sources ?? null },
];

/** RFC 4180: a cell with a quote, comma or line break is quoted, its quotes doubled; null is empty. */
export function csvCell(v: Cell): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 ends records with CRLF. */
const EOL = "\r\n";

export function csvHeader(): string {
  return EXPORT_COLUMNS.map((c) => csvCell(c.name)).join(",") + EOL;
}

export function csvLine(row: ExportRow): string {
  return EXPORT_COLUMNS.map((c) => csvCell(c.get(row))).join(",") + EOL;
}

export const csv: Exporter = {
  name: "csv",
  ext: "csv",
  binary: false,
  write: (rows, out) => writeLines(rows, out, "csv", csvHeader(), () => csvLine),
};
