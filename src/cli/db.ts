// Opens the store a command names with --db (a SQLite file; the embedded default).
import { formatProblem, SitrepError } from "../core/problems.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/store.js";

export const DEFAULT_DB = "sitrep.db";

/** The store, or null after printing why it could not be opened. */
export function openStore(db: string | undefined, cmd: string, opts: { readonly?: boolean; mustExist?: boolean } = {}): Store | null {
  try {
    return openSqliteStore(db ?? DEFAULT_DB, opts);
  } catch (e) {
    process.stderr.write(`sitrep ${cmd}: ${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}\n`);
    return null;
  }
}
