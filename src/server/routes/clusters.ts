// GET /api/clusters: clusters of reports (one real-world event each) with a report matching the filters, as JSON, CSV or GeoJSON.
import type { Hono } from "hono";
import { clusterJson } from "../../cli/query.js";
import { COLUMNS } from "../../cli/format.js";
import type { Cluster } from "../../store/store.js";
import type { ApiContext } from "../context.js";
import { eventFeature, featureCollection } from "../geojson.js";
import { listQuery, nextCursor } from "../list-query.js";
import { paramsOf } from "../openapi.js";
import { csv, json } from "../respond.js";
import { EVENT_CELLS } from "./events.js";

const CLUSTER_CSV_HEADER = ["cluster", "status", "reports", "n_outlets", "n_sources", "outlets", "sources", "first_date", "last_date", ...COLUMNS];

function clusterCsvRow(c: Cluster): unknown[] {
  const row = { seq: 0, event: c.event, article: { doc: c.event.doc, url: null, outlet: null, published: null, origin: null }, cluster: c.id, clusterInfo: null };
  return [c.id, c.status, c.reports, c.outlets.length, c.sources.length, c.outlets.join("; "), c.sources.join("; "), c.firstDate, c.lastDate, ...EVENT_CELLS.map((col) => col.get(row))];
}

export function registerClusters(app: Hono, ctx: ApiContext): void {
  const read = listQuery(paramsOf("/api/clusters", "get"));
  app.get("/api/clusters", async (c) => {
    const q = read(c, ctx.now());
    const rows = await ctx.store.queryClusters({ ...q.filters, limit: q.limit, after: q.after });
    const next = nextCursor(rows, q.limit, (r) => r.id);
    if (q.format === "csv") return csv(c, CLUSTER_CSV_HEADER, rows.map(clusterCsvRow), next);
    if (q.format === "geojson") {
      const fc = featureCollection(rows, (r) => eventFeature(r.event, r.id, clusterJson(r)), next);
      return json(c, fc, 200, "application/geo+json; charset=utf-8");
    }
    return json(c, { items: rows.map(clusterJson), next });
  });
}
