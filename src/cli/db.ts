// Opens the store a command names: --db, else $SITREP_DB, else sitrep.db (a SQLite file, or a postgres:// URL).
import { formatProblem, SitrepError } from "../core/problems.js";
import { isPostgresUrl, openStoreAt } from "../store/open.js";
import type { Store } from "../store/store.js";

export const DEFAULT_DB = "sitrep.db";

/** Where the store is: the --db value, else $SITREP_DB, else sitrep.db. */
export function dbTarget(flag: string | undefined): string {
  return flag || process.env.SITREP_DB || DEFAULT_DB;
}

/** The target as it may be shown: a URL without its password. */
export function shownTarget(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const u = new URL(target);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(a postgres:// URL that could not be read)";
  }
}

/** The store, or null after printing why it could not be opened (a bad URL, no server, a refused login, no such database). */
export async function openStore(db: string | undefined, cmd: string, opts: { readonly?: boolean; mustExist?: boolean } = {}): Promise<Store | null> {
  const target = dbTarget(db);
  try {
    return await openStoreAt(target, opts);
  } catch (e) {
    process.stderr.write(`sitrep ${cmd}: ${e instanceof SitrepError ? formatProblem(e.problem) : shownTarget(target) + ": " + (e as Error).message}\n`);
    return null;
  }
}

/**
 * A local file name standing for the store, for files kept beside it (the API tokens): the SQLite path itself, or for
 * PostgreSQL `sitrep-<host>-<port>-<database>-<schema>` in the working directory.
 */
export function localName(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const u = new URL(target);
    const part = (s: string) => s.replace(/[^\w.-]+/g, "_");
    return `sitrep-${part(decodeURIComponent(u.hostname) || "localhost")}-${u.port || "5432"}-${part(decodeURIComponent(u.pathname.slice(1)))}-${part(u.searchParams.get("schema") ?? "public")}`;
  } catch {
    return "sitrep-postgres";
  }
}
