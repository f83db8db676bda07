import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { SitrepError, type Problem, type ProblemCode } from "../core/problems.js";
import { fetchArticlePage, fetchUrl, type FetchOptions } from "./http-fetch.js";

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Ministers meet in Vienna</title><guid>w-1</guid><pubDate>Mon, 01 Mar 2021 09:00:00 GMT</pubDate></item>
</channel></rss>`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Talks</title></head><body><p>Ministers met.</p></body></html>`;

let server: Server;
let base = "";
let connections = 0;
let lastHeaders: IncomingHttpHeaders = {};
let hugeBytesSent = 0;
let bomb: Buffer | undefined;

function routes(path: string, res: ServerResponse, headers: IncomingHttpHeaders): void {
  const loc = (status: number, to: string): void => {
    res.writeHead(status, { location: to });
    res.end();
  };
  const m = /^\/redirect\/(\d+)$/.exec(path);
  if (m) return Number(m[1]) === 0 ? loc(302, "/rss") : loc(301, `/redirect/${Number(m[1]) - 1}`);
  switch (path) {
    case "/rss":
      if (headers["if-none-match"] === '"v1"') return void (res.writeHead(304, { etag: '"v1"' }), res.end());
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"', "last-modified": "Mon, 01 Mar 2021 09:00:00 GMT" });
      return void res.end(RSS);
    case "/lm":
      if (headers["if-modified-since"] === "Mon, 01 Mar 2021 09:00:00 GMT") return void (res.writeHead(304), res.end());
      res.writeHead(200, { "content-type": "text/xml", "last-modified": "Mon, 01 Mar 2021 09:00:00 GMT" });
      return void res.end(RSS);
    case "/gzip":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      return void res.end(gzipSync(RSS));
    case "/gzip-bomb":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      return void res.end((bomb ??= gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)))); // ~4 KB on the wire
    case "/page":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(PAGE);
    case "/image":
      res.writeHead(200, { "content-type": "image/png" });
      return void res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    case "/error500":
      res.writeHead(500, { "content-type": "text/plain" });
      return void res.end("boom");
    case "/missing":
      res.writeHead(404);
      return void res.end();
    case "/stall-headers":
      return; // never answers
    case "/stall-body":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": "10000" });
      return void res.write(RSS.slice(0, 60)); // then nothing
    case "/trickle": {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const t = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(t));
      return;
    }
    case "/huge": {
      // endless, with backpressure, so the server itself never buffers much
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (!res.destroyed && hugeBytesSent < 1024 * 1024 * 1024) {
          hugeBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      return pump();
    }
    case "/huge-declared":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": String(50 * 1024 * 1024) });
      return void res.write("<rss>");
    case "/short-body":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": "10000" });
      return void res.write(RSS.slice(0, 50), () => res.socket?.destroy());
    case "/reset":
      return void res.socket?.destroy();
    case "/loop-a":
      return loc(302, "/loop-b");
    case "/loop-b":
      return loc(302, "/loop-a");
    case "/to-ftp":
      return loc(302, "ftp://files.example/feed.xml");
    case "/to-loopback":
      return loc(302, `http://127.0.0.2:${(server.address() as AddressInfo).port}/rss`);
    case "/to-metadata":
      return loc(307, "http://169.254.169.254/latest/meta-data/");
    case "/to-localhost":
      return loc(302, `http://localhost:${(server.address() as AddressInfo).port}/rss`);
    case "/no-location":
      return void (res.writeHead(302), res.end());
    default:
      res.writeHead(404);
      res.end();
  }
}

before(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers;
    routes(new URL(req.url ?? "/", "http://x").pathname, res, req.headers);
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const LOCAL: FetchOptions = { allowPrivate: true, timeoutMs: 2000 };

async function failsWith(p: Promise<unknown>, code: ProblemCode, where: string, detail?: RegExp): Promise<Problem> {
  let problem: Problem | null = null;
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SitrepError, `expected a SitrepError, got ${String(e)}`);
    problem = e.problem;
    return true;
  });
  const got = problem as unknown as Problem;
  assert.equal(got.code, code, got.message);
  assert.equal(got.where, where);
  if (detail) assert.match(got.message, detail);
  return got;
}

test("http-fetch: a feed is fetched with its validators, a user agent and a feed Accept header", async () => {
  const res = await fetchUrl(`${base}/rss`, LOCAL);
  assert.equal(res.status, 200);
  if (res.status !== 200) return;
  assert.equal(res.url, `${base}/rss`);
  assert.equal(res.body.toString("utf8"), RSS);
  assert.equal(res.contentType, "application/rss+xml");
  assert.equal(res.etag, '"v1"');
  assert.equal(res.lastModified, "Mon, 01 Mar 2021 09:00:00 GMT");
  assert.match(String(lastHeaders["user-agent"]), /^sitrep\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/sitrep\)$/);
  assert.match(String(lastHeaders.accept), /application\/rss\+xml/);
  assert.equal(lastHeaders["if-none-match"], undefined);
});

test("http-fetch: conditional GET with ETag or Last-Modified gets 304", async () => {
  assert.deepEqual(await fetchUrl(`${base}/rss`, { ...LOCAL, etag: '"v1"' }), { status: 304, url: `${base}/rss` });
  assert.equal(lastHeaders["if-none-match"], '"v1"');
  const stale = await fetchUrl(`${base}/rss`, { ...LOCAL, etag: '"v0"' });
  assert.equal(stale.status, 200);
  const lm = await fetchUrl(`${base}/lm`, { ...LOCAL, lastModified: "Mon, 01 Mar 2021 09:00:00 GMT" });
  assert.equal(lm.status, 304);
  assert.equal(lastHeaders["if-modified-since"], "Mon, 01 Mar 2021 09:00:00 GMT");
});

test("http-fetch: a gzip body is decompressed; a gzip bomb is cut at the cap after decompression", async () => {
  const res = await fetchUrl(`${base}/gzip`, LOCAL);
  assert.equal(res.status === 200 && res.body.toString("utf8"), RSS);
  await failsWith(fetchUrl(`${base}/gzip-bomb`, { ...LOCAL, maxBytes: 1024 * 1024 }), "E_FEED_TOO_LARGE", `${base}/gzip-bomb`);
});

test("http-fetch: redirects are followed up to the limit and the final URL is reported", async () => {
  const res = await fetchUrl(`${base}/redirect/4`, LOCAL); // 4 → … → 0 → /rss: 5 redirects, the default limit
  assert.equal(res.status, 200);
  assert.equal(res.url, `${base}/rss`);
  await failsWith(fetchUrl(`${base}/redirect/5`, LOCAL), "E_FEED_REDIRECTS", `${base}/redirect/5`, /more than 5/);
  assert.equal((await fetchUrl(`${base}/redirect/2`, { ...LOCAL, maxRedirects: 3 })).status, 200);
  await failsWith(fetchUrl(`${base}/redirect/9`, LOCAL), "E_FEED_REDIRECTS", `${base}/redirect/9`);
});

test("http-fetch: a redirect loop, a redirect to ftp: and one without Location fail clearly", async () => {
  await failsWith(fetchUrl(`${base}/loop-a`, LOCAL), "E_FEED_REDIRECTS", `${base}/loop-a`, /loop/);
  await failsWith(fetchUrl(`${base}/to-ftp`, LOCAL), "E_FEED_URL", `${base}/to-ftp`, /ftp:/);
  await failsWith(fetchUrl(`${base}/no-location`, LOCAL), "E_FEED_FETCH", `${base}/no-location`, /Location/);
});

test("http-fetch: a redirect from an allowed server to loopback, link-local or localhost is refused", async () => {
  // The test server stands in for a public one: only its own address is allowed, not private addresses in general.
  const publicLike: FetchOptions = { allowAddresses: ["127.0.0.1"], timeoutMs: 2000 };
  assert.equal((await fetchUrl(`${base}/rss`, publicLike)).status, 200);
  await failsWith(fetchUrl(`${base}/to-loopback`, publicLike), "E_FEED_REFUSED", `${base}/to-loopback`, /127\.0\.0\.2 is loopback.*after 1 redirect/);
  await failsWith(fetchUrl(`${base}/to-metadata`, publicLike), "E_FEED_REFUSED", `${base}/to-metadata`, /169\.254\.169\.254 is link-local/);
  // a redirect to a name is checked by the lookup when the socket connects: here the name resolves to ::1, not allowed
  const viaName = await fetchUrl(`${base}/to-localhost`, { ...publicLike, resolve: async () => [{ address: "::1", family: 6 }] }).catch((e) => e);
  assert.ok(viaName instanceof SitrepError && viaName.problem.code === "E_FEED_REFUSED", String(viaName));
  assert.match(viaName.problem.message, /localhost resolves to ::1, which is loopback/);
});

test("http-fetch: private addresses are refused before any connection without allowPrivate", async () => {
  const port = (server.address() as AddressInfo).port;
  const before = connections;
  for (const url of [
    `http://127.0.0.1:${port}/rss`,
    `http://[::1]:${port}/rss`,
    `http://10.1.2.3/feed.xml`,
    `http://169.254.169.254/latest/meta-data/`,
    `http://0x7f.1:${port}/rss`, // WHATWG URL normalises to 127.0.0.1
    `http://2130706433:${port}/rss`,
    `http://[::ffff:7f00:1]:${port}/rss`,
    `http://0.0.0.0:${port}/rss`,
  ]) {
    await failsWith(fetchUrl(url, { timeoutMs: 2000 }), "E_FEED_REFUSED", url);
  }
  // a name that resolves to loopback is refused by the lookup at connect time
  await failsWith(fetchUrl(`http://localhost:${port}/rss`, { timeoutMs: 2000 }), "E_FEED_REFUSED", `http://localhost:${port}/rss`, /localhost resolves to/);
  await failsWith(
    fetchUrl(`http://feeds.example:${port}/rss`, { timeoutMs: 2000, resolve: async () => [{ address: "127.0.0.1", family: 4 }] }),
    "E_FEED_REFUSED",
    `http://feeds.example:${port}/rss`,
  );
  assert.equal(connections, before);
  // the same name and resolver with allowPrivate connects (the lookup is what the socket uses)
  const ok = await fetchUrl(`http://feeds.example:${port}/rss`, { ...LOCAL, resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
  assert.equal(ok.status, 200);
  assert.equal(lastHeaders.host, `feeds.example:${port}`);
});

test("http-fetch: URLs that are not http(s) or not URLs are E_FEED_URL", async () => {
  await failsWith(fetchUrl("ftp://files.example/feed.xml"), "E_FEED_URL", "ftp://files.example/feed.xml");
  await failsWith(fetchUrl("file:///etc/passwd"), "E_FEED_URL", "file:///etc/passwd");
  await failsWith(fetchUrl("not a url"), "E_FEED_URL", "not a url");
});

test("http-fetch: error statuses are E_FEED_HTTP with the status", async () => {
  await failsWith(fetchUrl(`${base}/error500`, LOCAL), "E_FEED_HTTP", `${base}/error500`, /HTTP 500/);
  await failsWith(fetchUrl(`${base}/missing`, LOCAL), "E_FEED_HTTP", `${base}/missing`, /HTTP 404/);
});

test("http-fetch: a server that stalls before or during the body, or trickles it, times out", async () => {
  const quick = { ...LOCAL, timeoutMs: 300 };
  const t0 = Date.now();
  await failsWith(fetchUrl(`${base}/stall-headers`, quick), "E_FEED_TIMEOUT", `${base}/stall-headers`, /300 ms/);
  await failsWith(fetchUrl(`${base}/stall-body`, quick), "E_FEED_TIMEOUT", `${base}/stall-body`);
  await failsWith(fetchUrl(`${base}/trickle`, quick), "E_FEED_TIMEOUT", `${base}/trickle`);
  assert.ok(Date.now() - t0 < 2000, "three 300 ms timeouts took too long");
});

test("http-fetch: an endless body is cut at maxBytes without reading it all; a declared huge length is refused up front", async () => {
  hugeBytesSent = 0;
  const rssBefore = process.memoryUsage().rss;
  await failsWith(fetchUrl(`${base}/huge`, { ...LOCAL, maxBytes: 1024 * 1024 }), "E_FEED_TOO_LARGE", `${base}/huge`, /1048576/);
  assert.ok(hugeBytesSent < 64 * 1024 * 1024, `server sent ${hugeBytesSent} bytes`);
  assert.ok(process.memoryUsage().rss - rssBefore < 200 * 1024 * 1024);
  await failsWith(fetchUrl(`${base}/huge-declared`, { ...LOCAL, maxBytes: 1024 * 1024 }), "E_FEED_TOO_LARGE", `${base}/huge-declared`, /Content-Length/);
});

test("http-fetch: connection refused, reset, cut short and DNS failure are E_FEED_FETCH saying which", async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  await failsWith(fetchUrl(`http://127.0.0.1:${port}/`, LOCAL), "E_FEED_FETCH", `http://127.0.0.1:${port}/`, /refused/);
  await failsWith(fetchUrl(`${base}/reset`, LOCAL), "E_FEED_FETCH", `${base}/reset`, /closed|reset/);
  await failsWith(fetchUrl(`${base}/short-body`, LOCAL), "E_FEED_FETCH", `${base}/short-body`, /closed|reset/);
  const notFound = async () => {
    throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.invalid"), { code: "ENOTFOUND" });
  };
  await failsWith(fetchUrl("http://nowhere.invalid/feed", { ...LOCAL, resolve: notFound }), "E_FEED_FETCH", "http://nowhere.invalid/feed", /DNS lookup failed for nowhere\.invalid/);
});

test("http-fetch: an abort signal stops a request under way", async () => {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  await failsWith(fetchUrl(`${base}/stall-headers`, { ...LOCAL, signal: ac.signal }), "E_FEED_FETCH", `${base}/stall-headers`, /aborted/);
});

test("http-fetch: fetchArticlePage returns HTML, or null with a W_FEED_ARTICLE notice and never throws", async () => {
  const problems: Problem[] = [];
  const onProblem = (p: Problem) => problems.push(p);
  assert.deepEqual(await fetchArticlePage(`${base}/page`, { ...LOCAL, onProblem }), { html: PAGE, url: `${base}/page` });
  assert.match(String(lastHeaders.accept), /text\/html/);
  assert.equal(await fetchArticlePage(`${base}/error500`, { ...LOCAL, onProblem }), null);
  assert.equal(await fetchArticlePage(`${base}/image`, { ...LOCAL, onProblem }), null);
  assert.equal(await fetchArticlePage(`${base}/page`, { onProblem }), null); // private, not allowed
  assert.equal(await fetchArticlePage("javascript:alert(1)", { onProblem }), null);
  assert.deepEqual(problems.map((p) => [p.code, p.where]), [
    ["W_FEED_ARTICLE", `${base}/error500`],
    ["W_FEED_ARTICLE", `${base}/image`],
    ["W_FEED_ARTICLE", `${base}/page`],
    ["W_FEED_ARTICLE", "javascript:alert(1)"],
  ]);
  assert.match(problems[0].message, /E_FEED_HTTP.*500/);
  assert.match(problems[1].message, /image\/png/);
  assert.match(problems[2].message, /E_FEED_REFUSED/);
});
