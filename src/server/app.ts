// The HTTP API as a Hono app over a Store. Hono (with @hono/node-server) rather than Fastify: Web-standard
// Request/Response that tests and a later edge or Bun deployment share, built-in body-limit and SSE helpers,
// no plugin system to learn, and a small dependency (no transitive packages); Fastify's speed is not the limit here.
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { getConnInfo } from "@hono/node-server/conninfo";
import { SitrepError } from "../core/problems.js";
import type { ArticleCoder } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import { bearer, tokenSet, type TokenScope, type TokenSet } from "./auth.js";
import type { ApiContext } from "./context.js";
import { rateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { ApiError, errorBody, json } from "./respond.js";
import { registerAlerts } from "./routes/alerts.js";
import { registerArticles } from "./routes/articles.js";
import { registerClusters } from "./routes/clusters.js";
import { registerEvents } from "./routes/events.js";
import { registerOpenapi } from "./routes/openapi.js";
import { registerStats } from "./routes/stats.js";
import { registerStream } from "./routes/stream.js";
import { registerWatches } from "./routes/watches.js";
import { dashboardHeaders, registerDashboard } from "./static.js";

export interface AppOptions {
  /** Accepted tokens (hashes only); none: writes are refused. */
  tokens?: TokenSet;
  /** Reads need a token too. */
  readAuth?: boolean;
  /** Largest request body, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Per client address; null: no limit. Default: bursts of 60, 20 requests a second. */
  rateLimit?: RateLimitOptions | null;
  /** Codes POSTed articles (created once, at start); none: POST /api/articles answers 503. */
  coder?: ArticleCoder | null;
  /** How often the stream polls the store (default 1000 ms). */
  pollMs?: number;
  /** Streams open at once (default 16). */
  maxStreams?: number;
  now?: () => Date;
  /** Origins allowed to call from a browser (CORS); none (the default): no CORS headers, so pages elsewhere cannot read the API. */
  corsOrigins?: string[];
  /**
   * Host names the Host header may carry (any port); none: any. A server on a loopback address lists its loopback
   * names, so a web page that re-points its own domain at 127.0.0.1 (DNS rebinding) cannot read the API.
   */
  allowedHostnames?: string[];
  /** Called with unexpected errors (a 500 tells the client nothing more). */
  onError?: (e: unknown) => void;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
export const DEFAULT_RATE: RateLimitOptions = { burst: 60, perSecond: 20 };

/** Headers on every response: nothing is sniffed, framed, cached or rendered as a page. */
const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function clientOf(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    // the socket's address: X-Forwarded-For is whatever the client says
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** A token of `scope` is needed (a write token also reads). */
function needToken(tokens: TokenSet, scope: TokenScope): MiddlewareHandler {
  return async (c, next) => {
    const given = bearer(c.req.header("authorization"));
    if (!given) throw new ApiError(401, "E_API_AUTH", `an API token is needed: Authorization: Bearer <token>${tokens.size ? "" : " (none exists: create one with sitrep serve --new-token NAME)"}`, { "WWW-Authenticate": 'Bearer realm="sitrep"' });
    const t = tokens.check(given);
    if (!t) throw new ApiError(401, "E_API_AUTH", "the API token is not valid", { "WWW-Authenticate": 'Bearer realm="sitrep", error="invalid_token"' });
    if (scope === "write" && t.scope !== "write") throw new ApiError(403, "E_API_FORBIDDEN", `token "${t.name}" may only read`);
    await next();
  };
}

export function createApp(store: Store, o: AppOptions = {}): Hono {
  const ctx: ApiContext = {
    store,
    coder: o.coder ?? null,
    tokens: o.tokens ?? tokenSet([]),
    readAuth: !!o.readAuth,
    pollMs: o.pollMs ?? 1000,
    maxStreams: o.maxStreams ?? 16,
    now: o.now ?? (() => new Date()),
    report: (e) => o.onError?.(e),
  };
  const maxBody = o.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const app = new Hono();

  // outermost: on the way out it puts the dashboard's own CSP over the API's on non-API paths
  app.use("*", dashboardHeaders());
  app.use("*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  if (o.allowedHostnames?.length) {
    const allowed = new Set(o.allowedHostnames.map((h) => h.toLowerCase()));
    app.use("*", async (c, next) => {
      const host = (c.req.header("host") ?? "").toLowerCase();
      const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
      if (!allowed.has(name)) throw new ApiError(403, "E_API_FORBIDDEN", `requests for host "${name}" are not served here (only ${[...allowed].join(", ")})`);
      await next();
    });
  }

  if (o.corsOrigins?.length) app.use("*", cors({ origin: o.corsOrigins, allowHeaders: ["Authorization", "Content-Type", "Last-Event-ID"], allowMethods: ["GET", "POST"], maxAge: 600 }));

  const limiter = o.rateLimit === null ? null : rateLimiter(o.rateLimit ?? DEFAULT_RATE);
  if (limiter) {
    app.use("*", async (c, next) => {
      const wait = limiter.take(clientOf(c));
      if (wait) throw new ApiError(429, "E_API_RATE", `too many requests; retry in ${wait} s`, { "Retry-After": String(wait) });
      await next();
    });
  }

  if (ctx.readAuth) {
    const read = needToken(ctx.tokens, "read");
    app.use("/api/*", async (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? read(c, next) : next()));
  }

  const write: [MiddlewareHandler, MiddlewareHandler] = [
    needToken(ctx.tokens, "write"),
    // the rest of an oversized body is not read: the connection is closed after the 413, never reused
    bodyLimit({ maxSize: maxBody, onError: () => { throw new ApiError(413, "E_API_TOO_LARGE", `the body is larger than ${maxBody} bytes`, { Connection: "close" }); } }),
  ];

  registerEvents(app, ctx);
  registerClusters(app, ctx);
  registerArticles(app, ctx, write);
  registerWatches(app, ctx);
  registerAlerts(app, ctx);
  registerStats(app, ctx);
  registerStream(app, ctx);
  registerOpenapi(app);
  registerDashboard(app);

  app.notFound((c) => json(c, errorBody("E_API_NOT_FOUND", `no route ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError((e, c) => {
    if (e instanceof ApiError) {
      for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
      return json(c, errorBody(e.code, e.message), e.status);
    }
    // a bad full-text search, or another problem the store names: the request's fault
    if (e instanceof SitrepError && e.problem.code === "E_QUERY") return json(c, errorBody("E_API_INPUT", e.problem.message), 400);
    ctx.report(e);
    return json(c, errorBody("E_API_INTERNAL", "internal error"), 500);
  });
  return app;
}
