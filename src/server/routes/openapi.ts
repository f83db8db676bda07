// GET /openapi.json: the API's OpenAPI 3.1 description (public, even when reads need a token: it holds no data).
import type { Hono } from "hono";
import { OPENAPI } from "../openapi.js";
import { json } from "../respond.js";

export function registerOpenapi(app: Hono): void {
  app.get("/openapi.json", (c) => json(c, OPENAPI));
}
