// The sitrep command line: dispatches to one file per command.
import { readFileSync } from "node:fs";
import { repoPath } from "../core/paths.js";

const HELP = `sitrep — reads news and codes political events (CAMEO, PLOVER, ACLED) with their sources

Usage:
  sitrep code [options] <file|folder|->    code articles into events (JSON lines on stdout)
  sitrep ingest <inputs|feed URLs> --db F  store articles and their events; idempotent, dedups, resumable
  sitrep query --db F [filters]             event clusters (or --reports) as JSON lines or CSV
  sitrep export --db F --format gdelt|csv|jsonl|parquet   every event, in one documented layout (docs/EXPORTS.md)
  sitrep stats --db F                       counts, per outlet, per day, duplicates folded
  sitrep watch add|list|remove|status|run|backtest|date ...   watch a place, countries or an actor for escalation
  sitrep alerts --db F [--since 7d]         the alerts raised, and whether each notifier got them
  sitrep notify add|list|remove|test ...    where alerts go: webhook, email, file
  sitrep trust set|list ...                 how far watches trust an outlet's reports (0..1)
  sitrep serve --db F [--port 8080]        the HTTP API (OpenAPI at /openapi.json, live stream, POST articles)
  sitrep worker [--concurrency N]           code queued articles (sitrep ingest --queue) into the store; status, retry-dead
  sitrep db migrate|copy ...                create/upgrade a database; copy a store SQLite <-> PostgreSQL
  sitrep dict check <dir>                   read PETRARCH / TABARI dictionaries: counts and errors with file:line
  sitrep eval --petrarch-validate <xml>     score the coder on a PETRARCH validation file
  sitrep help                               this text
  sitrep version                            the version

Run "sitrep <command> --help" for a command's options.
`;

// each command's module is loaded when it runs: a command does not wait for the lexicons and models of the others
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "code":
      return (await import("./code.js")).runCode(rest);
    case "ingest":
      return (await import("./ingest.js")).runIngest(rest);
    case "query":
      return (await import("./query.js")).runQuery(rest);
    case "export":
      return (await import("./export.js")).runExport(rest);
    case "stats":
      return (await import("./stats.js")).runStats(rest);
    case "watch":
      return (await import("./watch.js")).runWatch(rest);
    case "alerts":
      return (await import("./alerts.js")).runAlerts(rest);
    case "notify":
      return (await import("./notify.js")).runNotify(rest);
    case "trust":
      return (await import("./trust.js")).runTrust(rest);
    case "serve": return (await import("./serve.js")).runServe(rest);
    case "worker":
      return (await import("./worker.js")).runWorker(rest);
    case "db":
      return (await import("./db-command.js")).runDb(rest);
    case "dict":
      return (await import("./dict.js")).runDict(rest);
    case "eval":
      return (await import("./eval.js")).runEval(rest);
    case "version":
    case "--version":
    case "-v":
      process.stdout.write(JSON.parse(readFileSync(repoPath("package.json"), "utf8")).version + "\n");
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`sitrep: unknown command "${cmd}"\n\n${HELP}`);
      return 2;
  }
}
