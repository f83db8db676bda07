// Connecting to PostgreSQL: the URL (with its ?schema=), a pool whose sessions work in that schema, and plain messages when it fails.
import pg from "pg";
import { SitrepError, problem } from "../../core/problems.js";

/** A parsed postgres:// URL. */
export interface PgTarget {
  /** The URL as given, without its `schema` parameter (what pg connects with). */
  url: string;
  /** The schema the store's tables live in (default `public`). */
  schema: string;
  host: string;
  port: number;
  database: string;
  user: string;
  /** For messages: the URL without its password. */
  label: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads a postgres:// URL; a malformed one is an E_STORE_URL problem (the message never shows a password). */
export function parsePgUrl(target: string): PgTarget {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    throw new SitrepError(problem("E_STORE_URL", "--db", "expected postgres://user@host:5432/database[?schema=name]"));
  }
  if (u.password) u.password = "***";
  const shown = u.toString();
  const schema = u.searchParams.get("schema") ?? "public";
  if (!SCHEMA_NAME.test(schema)) throw new SitrepError(problem("E_STORE_URL", shown, `schema "${schema}" must be lower-case letters, digits and _ (at most 63), starting with a letter or _`));
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!database || database.includes("/")) throw new SitrepError(problem("E_STORE_URL", shown, "name the database after the host: postgres://user@host:5432/database"));
  const clean = new URL(target);
  clean.searchParams.delete("schema");
  const host = u.searchParams.get("host") ?? (decodeURIComponent(u.hostname) || process.env.PGHOST || "localhost");
  return {
    url: clean.toString(),
    schema,
    host,
    port: Number(u.port || u.searchParams.get("port") || process.env.PGPORT || 5432),
    database,
    user: decodeURIComponent(u.username) || process.env.PGUSER || process.env.USER || "postgres",
    label: shown,
  };
}

// bigint (COUNT, ids, epoch ms) and numeric as JS numbers: every value sitrep keeps is below 2^53
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser,
};

/** A pool of sessions on the target's schema (not connected yet). */
export function newPool(t: PgTarget, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: t.url, max, options: `-c search_path=${t.schema}`, types, application_name: "sitrep", connectionTimeoutMillis: 10_000 });
  // an idle session the server dropped (a restart): the pool replaces it; nothing to crash over
  pool.on("error", () => {});
  return pool;
}

/** A connection failure as a problem naming host:port and database, never the password. */
export function connectProblem(e: unknown, t: PgTarget): SitrepError {
  if (e instanceof SitrepError) return e;
  const err = e as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = err.code ?? err.errors?.[0]?.code;
  const at = `${t.host}:${t.port}`;
  const msg = (err.message ?? String(e)).replace(/:\/\/[^@\s]*@/g, "://***@");
  switch (code) {
    case "ECONNREFUSED":
      return new SitrepError(problem("E_STORE_CONNECT", t.label, `connection refused at ${at} (is PostgreSQL running there?)`));
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new SitrepError(problem("E_STORE_CONNECT", t.label, `host "${t.host}" not found`));
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new SitrepError(problem("E_STORE_CONNECT", t.label, `no answer from ${at} (${code})`));
    case "28P01":
    case "28000":
      return new SitrepError(problem("E_STORE_AUTH", t.label, `${msg} (user "${t.user}" at ${at}, database "${t.database}")`));
    case "3D000":
      return new SitrepError(problem("E_STORE_OPEN", t.label, `database "${t.database}" does not exist at ${at} (create it: createdb -h ${t.host} -p ${t.port} -U ${t.user} ${t.database})`));
  }
  // any other answer from the server (no right to create the schema, ...) is about the database, not the connection
  if (code && /^[0-9A-Z]{5}$/.test(code)) return new SitrepError(problem("E_STORE_OPEN", t.label, `${msg} (SQLSTATE ${code}; user "${t.user}", database "${t.database}", schema "${t.schema}")`));
  if (/SASL|password must be a string/i.test(msg)) return new SitrepError(problem("E_STORE_AUTH", t.label, `the server at ${at} asks for a password for user "${t.user}" (put it in PGPASSWORD or ~/.pgpass)`));
  if (/timeout/i.test(msg)) return new SitrepError(problem("E_STORE_CONNECT", t.label, `no answer from ${at} within 10 s`));
  return new SitrepError(problem("E_STORE_CONNECT", t.label, msg));
}
