// sitrep export: every stored event (or those a filter picks) in one documented layout: gdelt, csv, jsonl, parquet.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { formatProblem, SitrepError } from "../core/problems.js";
import { EXPORTERS, exporterFor, type ExportRow } from "../export/exporters.js";
import type { EventQuery, Store } from "../store/store.js";
import { openStore } from "./db.js";
import { FILTER_HELP, FILTER_OPTIONS, parseFilters } from "./filters.js";

const USAGE = `Usage: sitrep export --db sitrep.db --format ${[...EXPORTERS.keys()].join("|")} [filters] [--out FILE] > out

Every event report with its article and cluster figures, in one layout per format (docs/EXPORTS.md):
gdelt is GDELT 2.0's event table (tab-separated, 61 columns), csv one flat row per report, jsonl the event
record with its cluster and article, parquet the csv columns typed.

${FILTER_HELP}

Options:
  --format F               ${[...EXPORTERS.keys()].join(", ")} (default jsonl)
  --out FILE               write to FILE instead of stdout
  -h, --help               this text
`;

async function* rows(store: Store, q: EventQuery): AsyncGenerator<ExportRow> {
  let after: number | undefined;
  for (;;) {
    const page = await store.queryEvents({ ...q, after, limit: 5000 });
    if (!page.length) return;
    const counts = await store.clusterCounts(page.flatMap((r) => (r.cluster != null ? [r.cluster] : [])));
    for (const r of page) {
      const c = r.cluster != null ? counts.get(r.cluster) : undefined;
      yield { ...r, clusterInfo: c ? { id: r.cluster!, ...c } : null };
    }
    after = page[page.length - 1].seq;
  }
}

export async function runExport(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { ...FILTER_OPTIONS, db: { type: "string" }, format: { type: "string", default: "jsonl" }, out: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (e) {
    process.stderr.write(`sitrep export: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let exporter;
  try {
    exporter = exporterFor(o.format!);
  } catch (e) {
    process.stderr.write(`sitrep export: ${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}\n`);
    return 2;
  }
  const q = parseFilters(o);
  if (typeof q === "string") {
    process.stderr.write(`sitrep export: ${q}\n`);
    return 2;
  }
  if (exporter.binary && !o.out && process.stdout.isTTY) {
    process.stderr.write(`sitrep export: ${exporter.name} is binary; redirect it to a file or use --out FILE\n`);
    return 2;
  }
  const store = await openStore(o.db, "export", { mustExist: true });
  if (!store) return 1;
  const out = o.out ? createWriteStream(o.out) : process.stdout;
  try {
    const { rows: n } = await exporter.write(rows(store, q), out);
    if (o.out) {
      (out as ReturnType<typeof createWriteStream>).end();
      await once(out, "finish");
    }
    process.stderr.write(`sitrep export: ${n} event(s) as ${exporter.name}${o.out ? ` to ${o.out}` : ""}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`sitrep export: ${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
