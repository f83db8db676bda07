// The coder's version: the package version and a fingerprint of every lexicon, dictionary and option that shapes its output.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoPath } from "../core/paths.js";
import type { CoderOptions } from "./coder.js";

const DATA_DIRS = ["src/lexicon/data", "src/ontology/data"];
/** The running code of the layers that shape events (compiled .js beside this file). */
const CODE_DIRS = ["pipeline", "lexicon", "ontology", "dict/petrarch"].map((d) => join(dirname(fileURLToPath(import.meta.url)), "..", d));

function filesOf(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return existsSync(dir) ? [dir] : [];
  return readdirSync(dir)
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile());
}

/** "0.1.0+3f9a12c4d5e6": equal versions code equally; a lexicon or dictionary edit changes it. */
export function coderVersion(opts: CoderOptions = {}): string {
  const h = createHash("sha256");
  const pkg = JSON.parse(readFileSync(repoPath("package.json"), "utf8")) as { version: string };
  const files: string[] = [];
  for (const d of CODE_DIRS) files.push(...filesOf(d).filter((f) => /\.[jt]s$/.test(f) && !/\.test\.[jt]s$/.test(f)));
  if (opts.builtin !== false) for (const d of DATA_DIRS) files.push(...filesOf(repoPath(d)));
  for (const d of opts.dicts ?? []) files.push(...filesOf(d));
  for (const [kind, paths] of Object.entries(opts.dictFiles ?? {})) for (const p of paths ?? []) files.push(`${kind}:${p}`);
  for (const f of files) {
    const path = f.includes(":") && !existsSync(f) ? f.slice(f.indexOf(":") + 1) : f;
    h.update(f.slice(f.lastIndexOf("/") + 1)).update("\0");
    if (existsSync(path)) h.update(readFileSync(path));
  }
  h.update(JSON.stringify({ keepNegated: !!opts.keepNegated, statements: !!opts.statements, ...(opts.keepUnattributed ? { keepUnattributed: true } : {}) }));
  return `${pkg.version}+${h.digest("hex").slice(0, 12)}`;
}
