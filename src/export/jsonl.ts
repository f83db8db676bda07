// JSONL export: one event record per line, as in docs/DESIGN.md, with its article and cluster.
import { clusterOf, writeLines, type Exporter, type ExportRow } from "./exporter.js";

/** The record written for a row: the event's own fields, then `article` and `cluster`. */
export function jsonlRecord(row: ExportRow): Record<string, unknown> {
  const a = row.article;
  return {
    ...row.event,
    article: { doc: a.doc, url: a.url, outlet: a.outlet, published: a.published, origin: a.origin },
    cluster: clusterOf(row),
  };
}

export const jsonl: Exporter = {
  name: "jsonl",
  ext: "jsonl",
  binary: false,
  // JSON.stringify escapes line breaks inside strings, so a record is always one line
  write: (rows, out) => writeLines(rows, out, "jsonl", null, () => (row) => JSON.stringify(jsonlRecord(row)) + "\n"),
};
