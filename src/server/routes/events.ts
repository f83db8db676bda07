// GET /api/events: event reports matching the filters, a page at a time, as JSON, CSV or GeoJSON.
import type { Hono } from "hono";
import { COLUMNS } from "../../cli/format.js";
import { EXPORT_COLUMNS } from "../../export/csv.js";
import type { StoredEvent } from "../../store/store.js";
import type { ApiContext } from "../context.js";
import { eventFeature, featureCollection } from "../geojson.js";
import { listQuery, nextCursor } from "../list-query.js";
import { paramsOf } from "../openapi.js";
import { csv, json } from "../respond.js";

/** The public event record with its cursor, cluster and article (as the CLI's `query --reports` prints it, plus seq). */
export function eventJson(r: StoredEvent): Record<string, unknown> {
  return { seq: r.seq, ...r.event, cluster: r.cluster, outlet: r.article.outlet, url: r.article.url, published: r.article.published };
}

/** The CLI's flat event columns, typed (strings stay strings, so only text gets the CSV formula guard). */
export const EVENT_CELLS = EXPORT_COLUMNS.slice(0, COLUMNS.length);

export const EVENT_CSV_HEADER = ["seq", ...COLUMNS, "cluster", "outlet", "url", "published"];

export function eventCsvRow(r: StoredEvent): unknown[] {
  return [r.seq, ...EVENT_CELLS.map((col) => col.get({ ...r, clusterInfo: null })), r.cluster, r.article.outlet, r.article.url, r.article.published];
}

export function registerEvents(app: Hono, ctx: ApiContext): void {
  const read = listQuery(paramsOf("/api/events", "get"));
  app.get("/api/events", async (c) => {
    const q = read(c, ctx.now());
    const rows = await ctx.store.queryEvents({ ...q.filters, limit: q.limit, after: q.after });
    const next = nextCursor(rows, q.limit, (r) => r.seq);
    if (q.format === "csv") return csv(c, EVENT_CSV_HEADER, rows.map(eventCsvRow), next);
    if (q.format === "geojson") {
      const fc = featureCollection(rows, (r) => eventFeature(r.event, r.event.id, eventJson(r)), next);
      return json(c, fc, 200, "application/geo+json; charset=utf-8");
    }
    return json(c, { items: rows.map(eventJson), next });
  });
}
