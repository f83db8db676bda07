// GET /api/alerts?since=&watch=: the alerts watches raised, in the order raised, a page at a time.
import type { Hono } from "hono";
import { parseWhen } from "../../cli/filters.js";
import type { ApiContext } from "../context.js";
import { DEFAULT_LIMIT, nextCursor } from "../list-query.js";
import { paramsOf, queryValidator } from "../openapi.js";
import { ApiError, json } from "../respond.js";

export function registerAlerts(app: Hono, ctx: ApiContext): void {
  const validate = queryValidator(paramsOf("/api/alerts", "get"));
  app.get("/api/alerts", async (c) => {
    const r = validate(c.req.query());
    if (!r.ok) throw new ApiError(400, "E_API_INPUT", r.message);
    const v = r.values;
    const since = v.since === undefined ? undefined : parseWhen(String(v.since), ctx.now());
    if (since === null) throw new ApiError(400, "E_API_INPUT", `since must be a date (YYYY-MM-DD) or an age like 7d, not "${v.since}"`);
    const limit = (v.limit as number | undefined) ?? DEFAULT_LIMIT;
    const after = (v.after as number | undefined) ?? 0;
    // the outbox has no cursor of its own: alerts are few, so the page is cut here
    const all = await ctx.store.outbox.listAlerts({ since, watch: v.watch === undefined ? undefined : String(v.watch) });
    const items = all.filter((a) => a.seq > after).slice(0, limit);
    return json(c, { items, next: nextCursor(items, limit, (a) => a.seq) });
  });
}
