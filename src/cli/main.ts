// The sitrep command line: dispatches to one file per command.
import { readFileSync } from "node:fs";
import { repoPath } from "../core/paths.js";
import { runCode } from "./code.js";
import { runDict } from "./dict.js";
import { runEval } from "./eval.js";
import { runIngest } from "./ingest.js";
import { runQuery } from "./query.js";
import { runStats } from "./stats.js";
import { runExport } from "./export.js";

const HELP = `sitrep — reads news and codes political events (CAMEO, PLOVER, ACLED) with their sources

Usage:
  sitrep code [options] <file|folder|->    code articles into events (JSON lines on stdout)
  sitrep ingest <inputs|feed URLs> --db F  store articles and their events; idempotent, dedups, resumable
  sitrep query --db F [filters]             event clusters (or --reports) as JSON lines or CSV
  sitrep export --db F --format gdelt|csv|jsonl|parquet   every event, in one documented layout (docs/EXPORTS.md)
  sitrep stats --db F                       counts, per outlet, per day, duplicates folded
  sitrep dict check <dir>                   read PETRARCH / TABARI dictionaries: counts and errors with file:line
  sitrep eval --petrarch-validate <xml>     score the coder on a PETRARCH validation file
  sitrep help                               this text
  sitrep version                            the version

Run "sitrep <command> --help" for a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "code":
      return runCode(rest);
    case "ingest":
      return runIngest(rest);
    case "query":
      return runQuery(rest);
    case "export":
      return runExport(rest);
    case "stats":
      return runStats(rest);
    case "dict":
      return runDict(rest);
    case "eval":
      return runEval(rest);
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
