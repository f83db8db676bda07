// GET /api/watches and GET /api/watches/:name/status?at=: the watches, and one's posture as of a day.
import type { Hono } from "hono";
import { evaluateWatch } from "../../monitor/evaluate.js";
import type { ApiContext } from "../context.js";
import { paramsOf, queryValidator } from "../openapi.js";
import { ApiError, json } from "../respond.js";
import { isoDate } from "../../pipeline/iso-date.js";

export function registerWatches(app: Hono, ctx: ApiContext): void {
  app.get("/api/watches", async (c) => json(c, { items: await ctx.store.watches.listWatches() }));

  const validate = queryValidator(paramsOf("/api/watches/{name}/status", "get"));
  app.get("/api/watches/:name/status", async (c) => {
    const r = validate(c.req.query());
    if (!r.ok) throw new ApiError(400, "E_API_INPUT", r.message);
    const at = r.values.at === undefined ? ctx.now().toISOString().slice(0, 10) : isoDate(String(r.values.at));
    if (!at) throw new ApiError(400, "E_API_INPUT", `at is not a valid date: "${r.values.at}"`);
    const name = c.req.param("name");
    const w = await ctx.store.watches.getWatch(name);
    if (!w) throw new ApiError(404, "E_API_NOT_FOUND", `no watch named "${name}"`);
    return json(c, (await evaluateWatch(ctx.store, w, at)).status);
  });
}
