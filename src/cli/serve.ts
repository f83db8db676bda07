// sitrep serve: the HTTP API over a database (127.0.0.1 by default), and --new-token to make an API token.
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { formatProblem, SitrepError } from "../core/problems.js";
import { STORE_KEEPS_UNATTRIBUTED, startWorkerCoder, type WorkerCoder } from "../ingest/worker-coder.js";
import { createApp, DEFAULT_MAX_BODY, DEFAULT_RATE } from "../server/app.js";
import { newToken, readTokens, tokenSet, tokensPath, type StoredToken } from "../server/auth.js";
import { startServer } from "../server/serve.js";
import { dbTarget, localName, openStore, shownTarget } from "./db.js";

const USAGE = `Usage: sitrep serve --db sitrep.db [--port 8080] [--host 127.0.0.1] [--read-token] [--cors ORIGIN]
       sitrep serve --db sitrep.db --new-token NAME [--scope write|read]

Serves the HTTP API (described at /openapi.json): events, clusters, articles, watches, alerts, stats, a live
stream (Server-Sent Events), and POST /api/articles to code and store an article.

Writes need an API token (Authorization: Bearer <token>); with --read-token, reads do too. Tokens are kept
as SHA-256 hashes in <db>.tokens.json; --new-token prints a new one once (a token of the same name is replaced).

Options:
  --db FILE                the SQLite database (default sitrep.db); it must exist (make it with sitrep ingest)
  --port N                 port (default 8080; 0 picks a free one)
  --host ADDR              address to bind (default 127.0.0.1; another address exposes the API to the network)
  --read-token             reads need a token too
  --cors ORIGIN            let pages from this origin call the API (repeatable; default: none)
  --max-body BYTES         largest request body (default ${DEFAULT_MAX_BODY})
  --rate N                 requests per second per client address, bursts of 3×N (default ${DEFAULT_RATE.perSecond}; 0: no limit)
  --new-token NAME         make a token, print it, and exit
  --scope write|read       what the new token allows (default write: it reads too)
  -h, --help               this text
`;

const say = (s: string) => process.stderr.write(`sitrep serve: ${s}\n`);

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
/** The Host names a loopback server answers to. */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

export async function runServe(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
        "read-token": { type: "boolean", default: false },
        cors: { type: "string", multiple: true },
        "max-body": { type: "string" },
        rate: { type: "string" },
        "new-token": { type: "string" },
        scope: { type: "string", default: "write" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep serve: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const db = dbTarget(o.db);
  const file = tokensPath(localName(db));

  if (o["new-token"] !== undefined) {
    const name = o["new-token"];
    if (!/^[\w.@-]{1,64}$/.test(name)) return (say(`--new-token takes a name of letters, digits, . _ @ - (at most 64), not "${name}"`), 2);
    if (o.scope !== "write" && o.scope !== "read") return (say(`--scope must be write or read, not "${o.scope}"`), 2);
    try {
      const { token, replaced } = newToken(file, name, o.scope);
      say(`${replaced ? "replaced" : "made"} ${o.scope} token "${name}" (its SHA-256 is kept in ${file}); it is shown this once:`);
      process.stdout.write(token + "\n");
      return 0;
    } catch (e) {
      say(e instanceof SitrepError ? formatProblem(e.problem) : `could not write ${file}: ${(e as Error).message}`);
      return 2;
    }
  }

  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return (say(`--port must be a whole number 0..65535, not "${o.port}"`), 2);
  if (o.host !== "localhost" && !isIP(o.host)) return (say(`--host must be an IP address (127.0.0.1, ::1, 0.0.0.0), not "${o.host}"`), 2);
  const maxBody = o["max-body"] === undefined ? DEFAULT_MAX_BODY : Number(o["max-body"]);
  if (!Number.isInteger(maxBody) || maxBody < 1) return (say(`--max-body must be a positive whole number of bytes, not "${o["max-body"]}"`), 2);
  const rate = o.rate === undefined ? DEFAULT_RATE.perSecond : Number(o.rate);
  if (!Number.isFinite(rate) || rate < 0) return (say(`--rate must be a number of requests per second, not "${o.rate}"`), 2);
  for (const origin of o.cors ?? []) if (!/^https?:\/\/[^/\s]+$/.test(origin)) return (say(`--cors takes an origin like https://dash.example.org (no path), not "${origin}"`), 2);

  let tokens: StoredToken[];
  try {
    tokens = readTokens(file);
  } catch (e) {
    say(`${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}\n  (fix the file, or remove it and make new tokens with --new-token NAME)`);
    return 2;
  }
  if (o["read-token"] && !tokens.length) return (say(`--read-token: no token exists in ${file}; make one first with: sitrep serve --db ${shownTarget(db)} --new-token NAME`), 2);

  const store = await openStore(db, "serve", { mustExist: true });
  if (!store) return 1;
  // coding runs in a worker thread: a POSTed article does not hold up the other requests
  let coder: WorkerCoder;
  try {
    coder = await startWorkerCoder({ keepUnattributed: STORE_KEEPS_UNATTRIBUTED });
  } catch (e) {
    await store.close();
    say(`the coder could not be started: ${(e as Error).message}`);
    return 1;
  }
  const app = createApp(store, {
    tokens: tokenSet(tokens),
    readAuth: o["read-token"],
    maxBodyBytes: maxBody,
    rateLimit: rate > 0 ? { perSecond: rate, burst: Math.max(1, Math.ceil(rate * 3)) } : null,
    coder,
    corsOrigins: o.cors,
    allowedHostnames: LOOPBACK.has(o.host) ? LOOPBACK_NAMES : undefined,
    onError: (e) => say(`internal error: ${(e as Error)?.stack ?? String(e)}`),
  });
  let server;
  try {
    server = await startServer(app, { host: o.host, port });
  } catch (e) {
    await coder.close();
    await store.close();
    say(e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message);
    return 1;
  }
  if (!LOOPBACK.has(o.host)) say(`warning: listening on ${o.host}, reachable from the network; put it behind TLS and use --read-token`);
  say(`listening on ${server.url} (API description: ${server.url}/openapi.json)`);
  say(`reads: ${o["read-token"] ? "token needed" : "open"}; writes: ${tokens.some((t) => t.scope === "write") ? "token needed" : `refused (no write token: make one with --new-token NAME)`}; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  say("stopping");
  await server.stop();
  await coder.close();
  await store.close();
  return 0;
}
