// GET /api/stats: counts of articles, events and clusters, per outlet and per day.
import type { Hono } from "hono";
import type { ApiContext } from "../context.js";
import { json } from "../respond.js";

export function registerStats(app: Hono, ctx: ApiContext): void {
  app.get("/api/stats", async (c) => json(c, await ctx.store.stats()));
}
