// GET /api/articles/:doc (an article's sentences and events) and POST /api/articles (code and store one; a write token is needed).
import type { Hono, MiddlewareHandler } from "hono";
import type { Problem } from "../../core/problems.js";
import type { Article } from "../../core/types.js";
import { sha256 } from "../../dedup/article-key.js";
import { ingestArticle, keyOf, newCounts } from "../../ingest/ingest.js";
import type { ApiContext } from "../context.js";
import { checkArticleInput } from "../openapi.js";
import { ApiError, json } from "../respond.js";
import { eventJson } from "./events.js";

/** Events of one article, at most (an article has tens). */
const MAX_ARTICLE_EVENTS = 10_000;

export function registerArticles(app: Hono, ctx: ApiContext, write: [MiddlewareHandler, MiddlewareHandler]): void {
  app.get("/api/articles/:doc", async (c) => {
    const doc = c.req.param("doc");
    const meta = await ctx.store.getArticleByDoc(doc);
    if (!meta) throw new ApiError(404, "E_API_NOT_FOUND", `no article with doc "${doc}"`);
    // a near-duplicate has no sentences or events of its own: duplicateOf names the original's key
    const [sentences, events] = await Promise.all([ctx.store.getSentences(doc), ctx.store.queryEvents({ doc, limit: MAX_ARTICLE_EVENTS })]);
    return json(c, {
      doc,
      url: meta.url,
      outlet: meta.outlet,
      published: meta.published,
      title: meta.title,
      origin: meta.origin,
      duplicateOf: meta.duplicateOf,
      coderVersion: meta.coderVersion,
      sentences,
      events: events.map(eventJson),
    });
  });

  // one article at a time: two POSTs of the same story must not both pass the "already stored?" check
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  app.post("/api/articles", write[0], write[1], async (c) => {
    if (!ctx.coder) throw new ApiError(503, "E_API_INTERNAL", "this server does not code articles");
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) throw new ApiError(400, "E_API_INPUT", "the body must be JSON (Content-Type: application/json)");
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(400, "E_API_INPUT", "the body is not valid JSON");
    }
    const check = checkArticleInput(body);
    if (!check.ok) throw new ApiError(400, "E_API_INPUT", check.message);
    const b = body as { id?: string; text?: string; html?: string; published?: string; url?: string; outlet?: string; title?: string };
    const article: Article = {
      id: b.id ?? `api-${sha256(b.text ?? b.html ?? "").slice(0, 16)}`,
      ...(b.url !== undefined ? { url: b.url } : {}),
      ...(b.outlet !== undefined ? { outlet: b.outlet } : {}),
      ...(b.published !== undefined ? { published: b.published } : {}),
      ...(b.title !== undefined ? { title: b.title } : {}),
      ...(b.text !== undefined ? { text: b.text } : { html: b.html }),
    };
    const coder = ctx.coder;
    const { status, problems, meta } = await serially(async () => {
      const problems: Problem[] = [];
      const key = keyOf(article);
      const status = await ingestArticle(article, { store: ctx.store, coder, onProblem: (p) => problems.push(p) }, newCounts(), key);
      return { status, problems, meta: await ctx.store.getArticle(key) };
    });
    if (status === "failed" || !meta) {
      const p = problems.find((x) => x.code.startsWith("E_"));
      // another process holding the database is passing: the client may retry
      if (p && /locked|busy/i.test(p.message)) throw new ApiError(503, p.code, `${p.message} (the database is busy; retry)`, { "Retry-After": "5" });
      throw new ApiError(500, p?.code ?? "E_STORE_WRITE", p?.message);
    }
    const events = status === "duplicate" ? [] : (await ctx.store.queryEvents({ doc: meta.doc, limit: MAX_ARTICLE_EVENTS })).map(eventJson);
    return json(c, { status, doc: meta.doc, duplicateOf: meta.duplicateOf, events, problems }, status === "skipped" ? 200 : 201);
  });
}
