// The options that say how articles are read (a publication date, an outlet, CSV columns), shared by sitrep ingest with and without --queue.
import type { CsvField } from "../sources/csv-input.js";

const COLUMNS = ["text", "html", "date", "id", "url", "outlet", "title"] as const;

/** parseArgs options: --published, --outlet and --<field>-column. */
export const INPUT_OPTIONS = {
  published: { type: "string" },
  outlet: { type: "string" },
  ...Object.fromEntries(COLUMNS.map((f) => [`${f}-column`, { type: "string" }])),
} as Record<"published" | "outlet" | `${(typeof COLUMNS)[number]}-column`, { type: "string" }>;

/** The CSV columns the user named (--date-column names the published field). */
export function columnsOf(o: Partial<Record<`${(typeof COLUMNS)[number]}-column`, string | undefined>>): Partial<Record<CsvField, string>> {
  const columns: Partial<Record<CsvField, string>> = {};
  for (const f of COLUMNS) {
    const v = o[`${f}-column`];
    if (v) columns[f === "date" ? "published" : f] = v;
  }
  return columns;
}
