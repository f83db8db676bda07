// The export formats by name: one table, one Exporter each (layouts in docs/EXPORTS.md).
import { problem, SitrepError } from "../core/problems.js";
import { csv } from "./csv.js";
import type { Exporter } from "./exporter.js";
import { gdelt } from "./gdelt.js";
import { jsonl } from "./jsonl.js";
import { parquet } from "./parquet.js";

export type { Exporter, ExportRow, ClusterInfo } from "./exporter.js";

export const EXPORTERS: ReadonlyMap<string, Exporter> = new Map([gdelt, csv, jsonl, parquet].map((e) => [e.name, e]));

/** The exporter for a format name; an unknown name is an E_EXPORT problem naming the formats there are. */
export function exporterFor(format: string): Exporter {
  const e = EXPORTERS.get(format);
  if (!e) throw new SitrepError(problem("E_EXPORT", "--format", `unknown format "${format}" (one of ${[...EXPORTERS.keys()].join(", ")})`));
  return e;
}
