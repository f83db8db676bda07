// Where the job queue lives: a PostgreSQL URL (--queue-url, SITREP_QUEUE, else the store's own postgres:// URL) and the schema in it.

/** The pg-boss schema when the URL names none. */
export const DEFAULT_QUEUE_SCHEMA = "sitrep_queue";

export const QUEUE_NEEDS_PG = "--queue needs PostgreSQL: set SITREP_DB=postgres://… or --queue-url";

function isPostgres(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The queue's URL: --queue-url, else SITREP_QUEUE, else the store's target (--db, else SITREP_DB) when that is
 * PostgreSQL; an error message when there is none or it is not PostgreSQL.
 */
export function resolveQueueUrl(o: { queueUrl?: string; db?: string }, env: NodeJS.ProcessEnv = process.env): { url: string } | { error: string } {
  const explicit = o.queueUrl ?? env.SITREP_QUEUE;
  if (explicit) return isPostgres(explicit) ? { url: explicit } : { error: `the queue must be a postgres:// URL, not "${explicit}"` };
  const store = o.db ?? env.SITREP_DB;
  return isPostgres(store) ? { url: store } : { error: QUEUE_NEEDS_PG };
}

/**
 * The connection string and the queue's schema: `?queue_schema=name`, else `<schema>_queue` beside a store
 * schema named by `?schema=name` (so that tests and tenants sharing one database keep apart), else sitrep_queue.
 */
export function queueTarget(url: string): { connectionString: string; schema: string } {
  const u = new URL(url);
  const own = u.searchParams.get("queue_schema");
  const store = u.searchParams.get("schema");
  u.searchParams.delete("queue_schema");
  u.searchParams.delete("schema");
  const schema = own ?? (store ? `${store}_queue` : DEFAULT_QUEUE_SCHEMA);
  // pg-boss puts the name into its SQL: letters, digits and underscores only
  if (!/^[A-Za-z_]\w{0,49}$/.test(schema)) throw new Error(`the queue schema must be letters, digits and underscores (at most 50), not "${schema}"`);
  return { connectionString: u.toString(), schema };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}
