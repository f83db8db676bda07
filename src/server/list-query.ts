// The query string of a listing route: checked against the OpenAPI parameters, then read as an EventQuery like `sitrep query`'s flags.
import type { Context } from "hono";
import { parseFilters } from "../cli/filters.js";
import type { EventQuery } from "../store/store.js";
import { queryValidator, type Parameter } from "./openapi.js";
import { ApiError } from "./respond.js";

export const DEFAULT_LIMIT = 100;

export type Format = "json" | "csv" | "geojson";

export interface ListQuery {
  filters: EventQuery;
  limit: number;
  after: number | undefined;
  format: Format;
  values: Record<string, string | number>;
}

/** A reader of one operation's query string (its validator compiled once). */
export function listQuery(params: readonly Parameter[]): (c: Context, now: Date) => ListQuery {
  const validate = queryValidator(params);
  return (c, now) => {
    const raw = c.req.query();
    const r = validate(raw);
    if (!r.ok) throw new ApiError(400, "E_API_INPUT", r.message);
    const f = parseFilters(raw, now);
    // the CLI's messages name flags (--since); here they are parameters
    if (typeof f === "string") throw new ApiError(400, "E_API_INPUT", f.replace(/--(\w+)/g, "$1"));
    const v = r.values;
    return { filters: f, limit: (v.limit as number | undefined) ?? DEFAULT_LIMIT, after: v.after as number | undefined, format: ((v.format as Format | undefined) ?? "json"), values: v };
  };
}

/** The cursor after a page: the last row's key when the page is full (there may be more), else null. */
export function nextCursor<T>(rows: readonly T[], limit: number, key: (r: T) => number): string | null {
  return rows.length === limit && rows.length ? String(key(rows[rows.length - 1])) : null;
}
