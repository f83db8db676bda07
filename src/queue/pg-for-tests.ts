// For tests: a fresh store schema and its queue schema on the test PostgreSQL (pgTestTarget), or why the suite is skipped.
import pg from "pg";
import { pgTestBase, pgTestTarget } from "../store/postgres/test-db.js";
import { queueTarget } from "./queue-url.js";

export interface QueueTestTarget {
  /** postgres://…?schema=<store schema>: the store there, the queue in `<store schema>_queue`. */
  url: string;
  storeSchema: string;
  queueSchema: string;
  /** Drops both schemas. */
  drop(): Promise<void>;
}

/** Fresh schemas, or `{ skip }` with the line to print (a failure instead with SITREP_REQUIRE_PG=1). */
export async function queueTestTarget(suite: string): Promise<QueueTestTarget | { skip: string }> {
  const t = await pgTestTarget(suite);
  if ("skip" in t) return t;
  const queueSchema = queueTarget(t.url).schema;
  return {
    url: t.url,
    storeSchema: t.schema,
    queueSchema,
    async drop() {
      await pgQuery(`DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
      await t.dropSchema();
    },
  };
}

/** Runs one query on the test database (for checks a test makes behind the interfaces' backs). */
export async function pgQuery<T = Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: pgTestBase() });
  await c.connect();
  try {
    return (await c.query(sql, values)).rows as T[];
  } finally {
    await c.end().catch(() => {});
  }
}
