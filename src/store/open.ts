// Opens a store by where it lives: a SQLite file path (the embedded default) or a postgres:// URL.
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

export interface OpenOptions {
  /** Fail when the database does not exist yet (SQLite: no such file; PostgreSQL: no sitrep tables in the schema). */
  mustExist?: boolean;
  readonly?: boolean;
}

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The store at `target`: PostgreSQL for a postgres:// URL, else a SQLite file (":memory:" too). */
export async function openStoreAt(target: string, opts: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) {
    // loaded only here: SQLite users never load pg
    const { openPgStore } = await import("./postgres/pg-store.js");
    return openPgStore(target, opts);
  }
  return openSqliteStore(target, opts);
}
