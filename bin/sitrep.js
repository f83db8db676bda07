#!/usr/bin/env node
// sitrep command-line entry: runs the compiled CLI.
import { main } from "../dist/src/cli/main.js";

// a reader that stops early (| head) is not an error
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sitrep: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
