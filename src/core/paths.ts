// Locates the repository's data files from compiled code (dist/src/...) or from source.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { existsSync } from "node:fs";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("sitrep: cannot find the package root from " + import.meta.url);
}

/** Absolute path of the package root. */
export const ROOT = findRoot();

/** Absolute path of a file given relative to the package root, e.g. "src/ontology/data/cameo.tsv". */
export function repoPath(rel: string): string {
  return join(ROOT, rel);
}
