// Serves the built dashboard (dist/web) at /: its files, and index.html for every other page path, under the dashboard's own CSP.
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Hono, MiddlewareHandler } from "hono";
import { repoPath } from "../core/paths.js";

/** Where `npm run build` (vite build --config web/vite.config.ts) writes the dashboard. */
export const WEB_DIR = repoPath("dist/web");

/** The dashboard's pages run their own scripts and styles from this origin only, and call only this origin. */
export const DASHBOARD_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Vite names these after their content: a changed file is a new name, so they may be kept for a year. */
const HASHED = "/assets/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Paths the API owns; everything else is the dashboard's. */
export const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/") || path === "/openapi.json";

/**
 * On the dashboard's responses, its CSP and caching in place of the API's `default-src 'none'` and no-store.
 * Registered before the API's header middleware, so it runs after it on the way out.
 */
export function dashboardHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const path = new URL(c.req.url).pathname;
    if (isApiPath(path)) return;
    c.res.headers.set("Content-Security-Policy", DASHBOARD_CSP);
    c.res.headers.set("Cache-Control", path.startsWith(HASHED) && c.res.status === 200 ? "public, max-age=31536000, immutable" : "no-cache");
  };
}

/** The file under `root` a URL path names, or null when it names none (or would leave root, or a hidden file). */
async function fileOf(root: string, urlPath: string): Promise<string | null> {
  let parts: string[];
  try {
    parts = urlPath.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
  if (!parts.length || parts.some((p) => p.startsWith(".") || p.includes("\0") || p.includes("/") || p.includes("\\"))) return null;
  const file = resolve(root, ...parts);
  if (!file.startsWith(root + sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

const text = (body: string, status: 404 | 503) => new Response(body + "\n", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** GET of any path the API does not own: a built file, else index.html (the dashboard routes by path); register after the API's routes. */
export function registerDashboard(app: Hono, dir: string = WEB_DIR): void {
  const root = resolve(dir);
  app.get("*", async (c) => {
    const path = new URL(c.req.url).pathname;
    if (isApiPath(path)) return c.notFound();
    const file = await fileOf(root, path);
    if (file) return new Response(await readFile(file), { headers: { "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" } });
    if (path.startsWith(HASHED)) return text(`no such file: ${path}`, 404);
    try {
      return new Response(await readFile(join(root, "index.html")), { headers: { "Content-Type": TYPES[".html"] } });
    } catch {
      return text(`The dashboard has not been built (no dist/web/index.html): run \`npm run build\`, which writes it with vite. The API is at /api/ and described at /openapi.json.`, 503);
    }
  });
}
