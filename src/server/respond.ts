// Responses of the API: JSON (markup characters escaped), CSV (formula-safe cells) and typed errors, never HTML.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProblemCode } from "../core/problems.js";
import { PROBLEMS } from "../core/problems.js";

/** An error a handler throws; the app turns it into `{error: {code, message}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    message?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? PROBLEMS[code]);
  }
}

/**
 * JSON text with <, >, & and the JS line separators escaped: still the same JSON value, but a string from the
 * news can never close a script or open a tag if a client pastes it into a page.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function json(c: Context, value: unknown, status: ContentfulStatusCode = 200, type = "application/json; charset=utf-8"): Response {
  return c.body(safeJson(value), status, { "Content-Type": type });
}

export function errorBody(code: ProblemCode, message: string) {
  return { error: { code, message } };
}

/** A CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(c: Context, header: readonly string[], rows: ReadonlyArray<readonly unknown[]>, next: string | null): Response {
  const text = [header.join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n") + "\r\n";
  const h: Record<string, string> = { "Content-Type": "text/csv; charset=utf-8; header=present", "Content-Disposition": "attachment" };
  if (next) h["X-Next-Cursor"] = next;
  return c.body(text, 200, h);
}
