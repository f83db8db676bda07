// sitrep query: events from the store — clusters of reports by default, each report with --reports.
import { parseArgs } from "node:util";
import { formatProblem, SitrepError } from "../core/problems.js";
import type { Cluster, EventQuery, StoredEvent } from "../store/store.js";
import { openStore } from "./db.js";
import { FILTER_HELP, FILTER_OPTIONS, parseFilters } from "./filters.js";
import { COLUMNS, csvCell, formatEvent, write } from "./format.js";

const USAGE = `Usage: sitrep query --db sitrep.db [filters] [--reports] [--format jsonl|csv] [--limit N]

Prints the event clusters that match: each groups the reports of one event ("reported" by so many outlets and
independent sources, never "verified"), standing for it with its first report. --reports prints each report.

${FILTER_HELP}

Options:
  --reports                every report instead of clusters
  --format jsonl|csv       output format (default jsonl)
  --limit N                at most N rows (default: all)
  -h, --help               this text
`;

export function clusterJson(c: Cluster): Record<string, unknown> {
  return { cluster: c.id, status: c.status, reports: c.reports, outlets: c.outlets, sources: c.sources, first_date: c.firstDate, last_date: c.lastDate, members: c.members, event: c.event };
}

const CLUSTER_COLUMNS = ["cluster", "status", "reports", "n_outlets", "n_sources", "outlets", "sources", "first_date", "last_date"];

/** Pages through a query with the cursor, to the limit. */
async function* pages<T extends { seq?: number; id?: number }>(fetch: (q: EventQuery) => Promise<T[]>, q: EventQuery, limit: number): AsyncGenerator<T> {
  let after: number | undefined;
  let left = limit;
  while (left > 0) {
    const page = await fetch({ ...q, after, limit: Math.min(1000, left) });
    if (!page.length) return;
    for (const r of page) yield r;
    left -= page.length;
    const last = page[page.length - 1];
    after = (last.seq ?? last.id) as number;
  }
}

export async function runQuery(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        ...FILTER_OPTIONS,
        db: { type: "string" },
        reports: { type: "boolean", default: false },
        format: { type: "string", default: "jsonl" },
        limit: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep query: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (o.format !== "jsonl" && o.format !== "csv") {
    process.stderr.write(`sitrep query: --format must be jsonl or csv, not "${o.format}"\n`);
    return 2;
  }
  const limit = o.limit ? Number(o.limit) : Infinity;
  if (o.limit && !(Number.isInteger(limit) && limit > 0)) {
    process.stderr.write(`sitrep query: --limit must be a positive whole number, not "${o.limit}"\n`);
    return 2;
  }
  const q = parseFilters(o);
  if (typeof q === "string") {
    process.stderr.write(`sitrep query: ${q}\n`);
    return 2;
  }
  const store = await openStore(o.db, "query", { mustExist: true });
  if (!store) return 1;
  let n = 0;
  try {
    if (o.reports) {
      if (o.format === "csv") await write([...COLUMNS, "cluster", "outlet", "url"].join(",") + "\n");
      for await (const r of pages<StoredEvent>((x) => store.queryEvents(x), q, limit)) {
        n++;
        if (o.format === "jsonl") await write(JSON.stringify({ ...r.event, cluster: r.cluster, outlet: r.article.outlet, url: r.article.url }) + "\n");
        else await write(formatEvent(r.event, "csv").replace(/\n$/, "") + "," + [r.cluster, r.article.outlet, r.article.url].map(csvCell).join(",") + "\n");
      }
    } else {
      if (o.format === "csv") await write([...CLUSTER_COLUMNS, ...COLUMNS].join(",") + "\n");
      for await (const c of pages<Cluster>((x) => store.queryClusters(x), q, limit)) {
        n++;
        if (o.format === "jsonl") await write(JSON.stringify(clusterJson(c)) + "\n");
        else {
          const head = [c.id, c.status, c.reports, c.outlets.length, c.sources.length, c.outlets.join("; "), c.sources.join("; "), c.firstDate, c.lastDate].map(csvCell).join(",");
          await write(head + "," + formatEvent(c.event, "csv"));
        }
      }
    }
  } catch (e) {
    if (e instanceof SitrepError) {
      process.stderr.write(`sitrep query: ${formatProblem(e.problem)}\n`);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
  process.stderr.write(`sitrep query: ${n} ${o.reports ? "report" : "cluster"}(s)\n`);
  return 0;
}
