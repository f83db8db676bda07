// The sitrep command line: dispatches to one file per command.
import { readFileSync } from "node:fs";
import { repoPath } from "../core/paths.js";
import { runCode } from "./code.js";
import { runDict } from "./dict.js";
import { runEval } from "./eval.js";

const HELP = `sitrep — reads news and codes political events (CAMEO, PLOVER, ACLED) with their sources

Usage:
  sitrep code [options] <file|folder|->    code articles into events (JSON lines on stdout)
  sitrep dict check <dir>                   read PETRARCH / TABARI dictionaries: counts and errors with file:line
  sitrep eval --petrarch-validate <xml>     score the coder on a PETRARCH validation file
  sitrep help                               this text
  sitrep version                            the version

Run "sitrep code --help" for the coder's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "code":
      return runCode(rest);
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
