// For tests: a fresh schema on the test PostgreSQL, or why the suite is skipped (a failure instead when SITREP_REQUIRE_PG=1).
import { after, test } from "node:test";
import pg from "pg";

export const DEFAULT_TEST_PG = "postgres://postgres@127.0.0.1:5432/test";

export interface PgTestTarget {
  /** The connection URL with `?schema=` naming the fresh schema. */
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  dropSchema(): Promise<void>;
}

let reachable: Promise<string | null> | null = null;
let n = 0;

/** Where the suites connect: SITREP_TEST_PG, else the local test database. */
export function pgTestBase(): string {
  return process.env.SITREP_TEST_PG || DEFAULT_TEST_PG;
}

async function withClient(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

/** Null when the test server answers, else why not (one plain line). */
async function whyUnreachable(base: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (e) {
    const err = e as { code?: string; message?: string; errors?: Array<{ code?: string }> };
    const u = new URL(base);
    return `cannot connect to ${u.hostname}:${u.port || 5432}${u.pathname} (${err.code ?? err.errors?.[0]?.code ?? err.message})`;
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * A new, empty schema on the test PostgreSQL (`sitrep_t_<pid>_<n>`, made here; the caller drops it), or
 * `{ skip }` with the line to print when the server cannot be reached. With SITREP_REQUIRE_PG=1 (CI) an unreachable
 * server throws instead, so the suite fails rather than skips.
 */
export async function pgTestTarget(suite = "PostgreSQL"): Promise<PgTestTarget | { skip: string }> {
  const base = pgTestBase();
  const why = await (reachable ??= whyUnreachable(base));
  if (why) {
    const line = `${suite} suite skipped: ${why} — start PostgreSQL or set SITREP_TEST_PG`;
    if (process.env.SITREP_REQUIRE_PG === "1") throw new Error(`${line.replace("skipped", "failed")} (SITREP_REQUIRE_PG=1)`);
    return { skip: line };
  }
  const schema = `sitrep_t_${process.pid}_${++n}`;
  await withClient(base, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(base);
  u.searchParams.set("schema", schema);
  return {
    url: u.toString(),
    schema,
    async dropSchema() {
      await withClient(base, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    },
  };
}

/** Prints the skip line once, where `node --test` shows it. */
export function sayPgSkipped(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * Runs a contract suite against fresh PostgreSQL schemas: `run` gets a function giving the URL of a new schema for
 * each store the suite opens (all dropped at the end), or the suite is skipped with one plain line when PostgreSQL
 * cannot be reached (and fails instead under SITREP_REQUIRE_PG=1, through pgTestTarget).
 */
export async function onFreshSchemas(suite: string, run: (freshUrl: () => Promise<string>) => void): Promise<void> {
  const first = await pgTestTarget(suite);
  if ("skip" in first) {
    sayPgSkipped(first.skip);
    test(`${suite} contract`, { skip: first.skip }, () => {});
    return;
  }
  const made: PgTestTarget[] = [first];
  after(async () => {
    for (const t of made) await t.dropSchema();
  });
  let spare: PgTestTarget | null = first;
  run(async () => {
    if (spare) {
      const t = spare;
      spare = null;
      return t.url;
    }
    const next = await pgTestTarget();
    if ("skip" in next) throw new Error(next.skip);
    made.push(next);
    return next.url;
  });
}
