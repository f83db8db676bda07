import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/store.js";
import { createApp } from "./app.js";
import { DASHBOARD_CSP, dashboardHeaders, registerDashboard } from "./static.js";

let dir: string;
let web: string;

/** A bare app serving `root` the way createApp mounts it. */
function appOver(root: string): Hono {
  const app = new Hono();
  app.use("*", dashboardHeaders());
  registerDashboard(app, root);
  app.notFound((c) => c.text("api 404", 404));
  return app;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "sitrep-static-"));
  web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>sitrep</title>");
  writeFileSync(join(web, "assets", "main-abc123.js"), "console.log(1)");
  writeFileSync(join(web, "assets", "main-abc123.css"), "body{}");
  writeFileSync(join(web, "favicon.svg"), "<svg/>");
  writeFileSync(join(web, ".secret"), "hidden");
  writeFileSync(join(dir, "outside.txt"), "outside the web root");
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("the dashboard's files", () => {
  test("index.html at /, with the dashboard's CSP, never cached", async () => {
    const r = await appOver(web).request("/");
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal(r.headers.get("content-security-policy"), DASHBOARD_CSP);
    assert.equal(r.headers.get("cache-control"), "no-cache");
    assert.match(await r.text(), /<title>sitrep<\/title>/);
  });

  test("built files with their content types; hashed assets cached for a year", async () => {
    const app = appOver(web);
    const js = await app.request("/assets/main-abc123.js");
    assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(js.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(await js.text(), "console.log(1)");
    assert.equal((await app.request("/assets/main-abc123.css")).headers.get("content-type"), "text/css; charset=utf-8");
    const svg = await app.request("/favicon.svg");
    assert.equal(svg.headers.get("content-type"), "image/svg+xml");
    assert.equal(svg.headers.get("cache-control"), "no-cache");
  });

  test("other page paths get index.html (the dashboard routes by path); a missing asset is a 404", async () => {
    const app = appOver(web);
    for (const p of ["/watches", "/article/north-1", "/article/a%2Fb.txt", "/?country=COD"]) {
      const r = await app.request(p);
      assert.equal(r.status, 200, p);
      assert.match(await r.text(), /<title>sitrep/, p);
    }
    const miss = await app.request("/assets/gone-000.js");
    assert.equal(miss.status, 404);
    assert.match(miss.headers.get("content-type") ?? "", /^text\/plain/);
  });

  test("no file outside the web root, and no hidden file, is ever served", async () => {
    const app = appOver(web);
    for (const p of ["/../outside.txt", "/%2e%2e/outside.txt", "/assets/..%2f..%2foutside.txt", "/..%5coutside.txt", "/.secret", "/%2esecret", "/assets/%00x"]) {
      const body = await (await app.request(p)).text();
      assert.ok(!body.includes("outside the web root") && !body.includes("hidden"), `${p}: ${body}`);
    }
  });

  test("API paths are left to the API", async () => {
    const app = appOver(web);
    assert.equal(await (await app.request("/api/nothing")).text(), "api 404");
    assert.equal(await (await app.request("/openapi.json")).text(), "api 404");
  });

  test("not built: a plain 503 saying how to build it", async () => {
    const r = await appOver(join(dir, "missing")).request("/");
    assert.equal(r.status, 503);
    assert.match(r.headers.get("content-type") ?? "", /^text\/plain/);
    assert.match(await r.text(), /has not been built.*npm run build/);
  });
});

describe("mounted in the API", () => {
  let store: Store;
  before(() => {
    store = openSqliteStore(join(dir, "api.db"));
  });
  after(async () => store.close());

  test("the API keeps its strict CSP and no-store; the dashboard's pages get their own", async () => {
    const app = createApp(store, { rateLimit: null });
    const api = await app.request("/api/stats");
    assert.equal(api.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(api.headers.get("cache-control"), "no-store");
    const missing = await app.request("/api/no-such-route");
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    // built or not (200 or 503), the page is the dashboard's
    const page = await app.request("/");
    assert.ok(page.status === 200 || page.status === 503, String(page.status));
    assert.equal(page.headers.get("content-security-policy"), DASHBOARD_CSP);
    assert.equal(page.headers.get("x-content-type-options"), "nosniff");
    assert.equal(page.headers.get("cache-control"), "no-cache");
  });

  test("when reads need a token, the page still loads (it asks for the token); the API does not", async () => {
    const app = createApp(store, { rateLimit: null, readAuth: true });
    assert.equal((await app.request("/api/stats")).status, 401);
    assert.notEqual((await app.request("/watches")).status, 401);
  });
});
