import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_THRESHOLDS } from "../monitor/watch.js";
import type { Alert } from "../monitor/alert.js";
import { ARTICLES, HOSTILE, startTestServer, type TestServer } from "./fixtures.js";
import { OPENAPI } from "./openapi.js";

let s: TestServer;

/** Every response: nosniff, never HTML; JSON ones in UTF-8. */
function checked(r: Response): Response {
  assert.equal(r.headers.get("x-content-type-options"), "nosniff", r.url);
  const type = r.headers.get("content-type") ?? "";
  assert.ok(!/html/i.test(type), `${r.url}: ${type}`);
  if (/json/.test(type)) assert.match(type, /charset=utf-8/i);
  return r;
}

async function get(path: string, token: string | null = null): Promise<Response> {
  return checked(await s.call(path, { token }));
}

async function getJson(path: string, status = 200): Promise<any> {
  const r = await get(path);
  const body = await r.json();
  assert.equal(r.status, status, `${path}: ${JSON.stringify(body)}`);
  return body;
}

async function post(body: unknown, token: string | null, init: RequestInit = {}): Promise<Response> {
  return checked(await s.call("/api/articles", { method: "POST", token, headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body), ...init }));
}

async function errorOf(r: Response, status: number, code: string): Promise<string> {
  assert.equal(r.status, status);
  assert.match(r.headers.get("content-type") ?? "", /^application\/json; charset=utf-8/);
  const b = (await r.json()) as { error: { code: string; message: string } };
  assert.equal(b.error.code, code, b.error.message);
  assert.equal(typeof b.error.message, "string");
  return b.error.message;
}

before(async () => {
  s = await startTestServer();
});
after(async () => {
  await s.close();
});

describe("GET /api/events", () => {
  test("lists every report with its cursor, cluster and article, oldest first", async () => {
    const b = await getJson("/api/events");
    assert.equal(b.next, null);
    assert.ok(b.items.length >= 4, JSON.stringify(b.items.map((e: any) => e.code)));
    const seqs = b.items.map((e: any) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((x: number, y: number) => x - y));
    const goma = b.items.find((e: any) => e.doc === "north-1" && e.code === "190");
    assert.ok(goma);
    assert.equal(goma.outlet, "Lakeside Herald");
    assert.equal(goma.url, "https://lakeside.example/north-1");
    assert.equal(goma.location.name, "Goma");
    assert.equal(typeof goma.cluster, "number");
  });

  test("filters as sitrep query does: country, root, code, actor, plover, text, near, doc, dates", async () => {
    const docs = async (q: string) => [...new Set((await getJson(`/api/events?${q}`)).items.map((e: any) => e.doc))].sort();
    assert.deepEqual(await docs("country=UGA"), ["capital-1", "talks-1"]);
    assert.deepEqual(await docs("root=19"), ["north-1"]);
    assert.deepEqual(await docs("code=173"), ["capital-1"]);
    assert.deepEqual(await docs("actor=KEN*"), ["talks-1"]);
    assert.deepEqual(await docs("text=protesters"), ["capital-1"]);
    assert.deepEqual(await docs("near=-1.67,29.22,30"), ["north-1"]);
    assert.deepEqual(await docs("doc=talks-1"), ["talks-1"]);
    const day = (await getJson("/api/events?doc=capital-1")).items[0].date;
    assert.ok((await docs(`since=${day}&until=${day}`)).includes("capital-1"));
    assert.ok(!(await docs(`since=${day}&until=${day}`)).includes("talks-1"), "talks-1 happened on another day");
    const plover = (await getJson("/api/events?doc=north-1")).items[0].plover.type;
    assert.ok((await docs(`plover=${plover}`)).includes("north-1"));
  });

  test("pages by cursor: following `next` visits every event once", async () => {
    const all = (await getJson("/api/events")).items.map((e: any) => e.id);
    const seen: string[] = [];
    let path = "/api/events?limit=2";
    for (let i = 0; i < 20; i++) {
      const b = await getJson(path);
      seen.push(...b.items.map((e: any) => e.id));
      if (!b.next) break;
      path = `/api/events?limit=2&after=${b.next}`;
    }
    assert.deepEqual(seen, all);
  });

  test("CSV: the CLI's columns, one row per event, the cursor in X-Next-Cursor", async () => {
    const r = await get("/api/events?format=csv&limit=2");
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type")!, /^text\/csv; charset=utf-8/);
    assert.ok(r.headers.get("x-next-cursor"));
    const lines = (await r.text()).trimEnd().split("\r\n");
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^seq,id,doc,sentence,date,code,/);
  });

  test("GeoJSON: located events as points, longitude first", async () => {
    const r = await get("/api/events?format=geojson&doc=north-1");
    assert.match(r.headers.get("content-type")!, /^application\/geo\+json; charset=utf-8/);
    const fc = (await r.json()) as any;
    assert.equal(fc.type, "FeatureCollection");
    const f = fc.features.find((x: any) => x.properties.code === "190");
    assert.equal(f.geometry.type, "Point");
    const [lon, lat] = f.geometry.coordinates;
    assert.ok(lon > 28 && lon < 30 && lat < 0 && lat > -3, `${lon},${lat}`);
    assert.equal(fc.unlocated, fc.features.length ? (await getJson("/api/events?doc=north-1")).items.length - fc.features.length : 0);
  });

  test("bad parameters are 400 with a message naming them", async () => {
    assert.match(await errorOf(await get("/api/events?limit=0"), 400, "E_API_INPUT"), /limit/);
    assert.match(await errorOf(await get("/api/events?limit=5000"), 400, "E_API_INPUT"), /limit/);
    assert.match(await errorOf(await get("/api/events?bogus=1"), 400, "E_API_INPUT"), /unknown parameter "bogus"/);
    assert.match(await errorOf(await get("/api/events?since=yesterday"), 400, "E_API_INPUT"), /since/);
    assert.match(await errorOf(await get("/api/events?since=2026-13-45"), 400, "E_API_INPUT"), /since/);
    assert.match(await errorOf(await get("/api/events?country=IRQ,X1"), 400, "E_API_INPUT"), /country/);
    assert.match(await errorOf(await get("/api/events?near=91,0,5"), 400, "E_API_INPUT"), /near/);
    assert.match(await errorOf(await get("/api/events?format=xml"), 400, "E_API_INPUT"), /format/);
    assert.match(await errorOf(await get(`/api/events?text=${encodeURIComponent('"unterminated')}`), 400, "E_API_INPUT"), /FTS5/);
  });
});

describe("GET /api/clusters", () => {
  test("clusters with their reports, outlets and first report; JSON, CSV, GeoJSON", async () => {
    const b = await getJson("/api/clusters?root=19");
    assert.equal(b.items.length, 1);
    const c = b.items[0];
    assert.equal(c.status, "reported");
    assert.equal(c.reports, 1);
    assert.deepEqual(c.outlets, ["Lakeside Herald"]);
    assert.equal(c.event.code, "190");
    const r = await get("/api/clusters?format=csv&root=19");
    const lines = (await r.text()).trimEnd().split("\r\n");
    assert.match(lines[0], /^cluster,status,reports,/);
    assert.equal(lines.length, 2);
    const fc = (await (await get("/api/clusters?format=geojson&root=19")).json()) as any;
    assert.equal(fc.features.length, 1);
    assert.equal(fc.features[0].id, c.cluster);
  });

  test("pages by cluster id", async () => {
    const all = (await getJson("/api/clusters")).items.map((c: any) => c.cluster);
    const first = await getJson("/api/clusters?limit=1");
    assert.deepEqual(first.items.map((c: any) => c.cluster), all.slice(0, 1));
    assert.equal(first.next, String(all[0]));
    const rest = await getJson(`/api/clusters?after=${first.next}&limit=1000`);
    assert.deepEqual(rest.items.map((c: any) => c.cluster), all.slice(1));
  });
});

describe("articles", () => {
  test("GET /api/articles/:doc gives the sentences and the events", async () => {
    const a = await getJson("/api/articles/north-1");
    assert.equal(a.doc, "north-1");
    assert.equal(a.outlet, "Lakeside Herald");
    assert.equal(a.duplicateOf, null);
    assert.ok(a.coderVersion, "the article's own metadata, not its events'");
    assert.equal(a.sentences.length, 2);
    assert.equal(a.sentences[0].text.startsWith("Rebels attacked"), true);
    assert.ok(a.events.some((e: any) => e.code === "190"));
    await errorOf(await get("/api/articles/no-such-doc"), 404, "E_API_NOT_FOUND");
  });

  test("POST /api/articles needs a write token: none or a wrong one is 401, a read token 403", async () => {
    const body = { id: "auth-1", text: "Soldiers detained a journalist in Goma on Monday." };
    const none = await post(body, null);
    assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);
    await errorOf(none, 401, "E_API_AUTH");
    await errorOf(await post(body, "sitrep_not-a-real-token"), 401, "E_API_AUTH");
    await errorOf(await post(body, s.readToken), 403, "E_API_FORBIDDEN");
    assert.equal((await getJson("/api/events?doc=auth-1")).items.length, 0, "nothing was stored");
  });

  test("POST /api/articles codes and stores the article: 201 with the events; the same again is 200 skipped", async () => {
    const body = { id: "new-1", outlet: "Hill Gazette", url: "https://hill.example/new-1", published: "2026-11-24", text: "Soldiers clashed with rebels near Beni on Monday, residents said." };
    const r = await post(body, s.writeToken);
    const out = (await r.json()) as any;
    assert.equal(r.status, 201, JSON.stringify(out));
    assert.equal(out.status, "added");
    assert.equal(out.doc, "new-1");
    assert.ok(out.events.length >= 1);
    assert.equal(out.events[0].outlet, "Hill Gazette");
    assert.ok((await getJson("/api/events?doc=new-1")).items.length >= 1);
    const again = await post(body, s.writeToken);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as any).status, "skipped");
  });

  test("POST bodies are validated against the schema: clear 400s", async () => {
    const t = s.writeToken;
    assert.match(await errorOf(await post({ id: "x" }, t), 400, "E_API_INPUT"), /exactly one of text or html/);
    assert.match(await errorOf(await post({ text: "a", html: "<p>a</p>" }, t), 400, "E_API_INPUT"), /exactly one of text or html/);
    assert.match(await errorOf(await post({ text: "a", colour: "red" }, t), 400, "E_API_INPUT"), /unknown field "colour"/);
    assert.match(await errorOf(await post({ text: 42 }, t), 400, "E_API_INPUT"), /text must be string/);
    assert.match(await errorOf(await post({ text: "a", url: "javascript:alert(1)" }, t), 400, "E_API_INPUT"), /url/);
    assert.match(await errorOf(await post({ text: "a", published: "last week" }, t), 400, "E_API_INPUT"), /published/);
    assert.match(await errorOf(await post("{not json", t), 400, "E_API_INPUT"), /not valid JSON/);
    assert.match(await errorOf(await post([1, 2], t), 400, "E_API_INPUT"), /JSON object/);
    assert.match(await errorOf(await post({ text: "a" }, t, { headers: { "Content-Type": "text/plain" } }), 400, "E_API_INPUT"), /application\/json/);
  });

  test("an oversized body is 413, whether or not it says its length", async () => {
    const big = JSON.stringify({ text: "x".repeat(1024 * 1024 + 10) });
    await errorOf(await post(big, s.writeToken), 413, "E_API_TOO_LARGE");
    const chunks = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    await errorOf(await post("", s.writeToken, { body: chunks, duplex: "half" } as RequestInit), 413, "E_API_TOO_LARGE");
  });

  test("hostile article text comes back inert: a JSON string, a CSV cell, a GeoJSON property; never HTML", async () => {
    const r = await post(HOSTILE, s.writeToken);
    const raw = await r.text();
    assert.equal(r.status, 201, raw);
    assert.ok(!raw.includes("<script>"), "markup characters are escaped in the JSON text");
    const out = JSON.parse(raw);
    assert.ok(out.events.some((e: any) => e.text.includes("<script>alert(1)</script>")), "carried as data");
    const ev = await get(`/api/events?doc=${HOSTILE.id}`);
    const evRaw = await ev.text();
    assert.ok(!evRaw.includes("<"));
    assert.equal(JSON.parse(evRaw).items[0].outlet, "Evil <b>Outlet</b>");
    const csv = await (await get(`/api/events?doc=${HOSTILE.id}&format=csv`)).text();
    assert.ok(csv.includes("Militants <script>alert(1)</script> shelled"), "CSV keeps the text as a cell");
    const geoRaw = await (await get(`/api/events?doc=${HOSTILE.id}&format=geojson`)).text();
    assert.ok(!geoRaw.includes("<"));
    assert.ok(JSON.parse(geoRaw).features[0].properties.text.includes("<script>alert(1)</script>"));
    const art = await (await get(`/api/articles/${HOSTILE.id}`)).text();
    assert.ok(!art.includes("<"));
    assert.ok(JSON.parse(art).sentences[0].text.includes("<script>"));
    const cl = await (await get(`/api/clusters?doc=${HOSTILE.id}&format=csv`)).text();
    assert.ok(cl.includes("<script>alert(1)</script>"));
  });

  test("an HTML page posted is reduced to its text; its scripts are not kept", async () => {
    const html = `<html><head><title>Raid</title><script>steal()</script></head><body><article><p>Police raided the offices of an opposition party in Kampala on Tuesday, the party said.</p><p onclick="x()">Officers seized computers and documents.</p></article></body></html>`;
    const r = await post({ id: "html-1", html, published: "2026-11-25" }, s.writeToken);
    assert.equal(r.status, 201);
    const a = await getJson("/api/articles/html-1");
    const text = a.sentences.map((x: any) => x.text).join(" ");
    assert.ok(text.includes("Police raided"), text);
    assert.ok(!text.includes("steal()") && !text.includes("onclick"), text);
  });
});

describe("watches, alerts, stats, openapi", () => {
  test("GET /api/watches and /api/watches/:name/status", async () => {
    await s.store.watches.putWatch({ name: "Goma area", place: { name: "Goma", country: "COD", admin1: null, lat: -1.674, lon: 29.228 }, radiusKm: 100, countries: [], actor: null, thresholds: { ...DEFAULT_THRESHOLDS } });
    const w = await getJson("/api/watches");
    assert.deepEqual(w.items.map((x: any) => x.name), ["Goma area"]);
    const st = await getJson(`/api/watches/${encodeURIComponent("Goma area")}/status?at=2026-11-25`);
    assert.equal(st.watch, "Goma area");
    assert.equal(st.at, "2026-11-25");
    assert.ok([1, 2, 3, 4].includes(st.level));
    assert.ok(Array.isArray(st.why) && st.series.length > 0);
    await errorOf(await get("/api/watches/Nowhere/status"), 404, "E_API_NOT_FOUND");
    await errorOf(await get(`/api/watches/${encodeURIComponent("Goma area")}/status?at=soon`), 400, "E_API_INPUT");
  });

  test("GET /api/alerts filters by watch and date, and pages", async () => {
    const alert = (id: string, watch: string, at: string): Alert => ({ id, watch, kind: "level", at, level: 2, previousLevel: 1, title: `${watch}: level 1 → 2`, summary: "made up", evidence: [] });
    await s.store.outbox.putAlert(alert("a1", "Goma area", "2026-11-20"));
    await s.store.outbox.putAlert(alert("a2", "Goma area", "2026-11-24"));
    await s.store.outbox.putAlert(alert("a3", "Elsewhere", "2026-11-24"));
    assert.deepEqual((await getJson("/api/alerts")).items.map((a: any) => a.id), ["a1", "a2", "a3"]);
    assert.deepEqual((await getJson("/api/alerts?watch=Goma%20area")).items.map((a: any) => a.id), ["a1", "a2"]);
    assert.deepEqual((await getJson("/api/alerts?since=2026-11-22")).items.map((a: any) => a.id), ["a2", "a3"]);
    const p1 = await getJson("/api/alerts?limit=2");
    assert.deepEqual(p1.items.map((a: any) => a.id), ["a1", "a2"]);
    assert.deepEqual((await getJson(`/api/alerts?after=${p1.next}`)).items.map((a: any) => a.id), ["a3"]);
    await errorOf(await get("/api/alerts?since=whenever"), 400, "E_API_INPUT");
  });

  test("GET /api/stats counts the store", async () => {
    const st = await getJson("/api/stats");
    assert.ok(st.articles >= ARTICLES.length);
    assert.ok(st.events >= 4);
  });

  test("GET /openapi.json describes every route", async () => {
    const doc = await getJson("/openapi.json");
    assert.equal(doc.openapi, "3.1.0");
    for (const p of ["/api/events", "/api/clusters", "/api/articles", "/api/articles/{doc}", "/api/watches", "/api/watches/{name}/status", "/api/alerts", "/api/stats", "/api/stream", "/openapi.json"]) assert.ok(doc.paths[p], p);
    assert.deepEqual(doc, JSON.parse(JSON.stringify(OPENAPI)));
  });

  test("an unknown route is a JSON 404; no CORS headers unless origins are configured", async () => {
    await errorOf(await get("/api/no-such-route"), 404, "E_API_NOT_FOUND");
    const r = checked(await s.call("/api/stats", { headers: { Origin: "https://evil.example" } }));
    assert.equal(r.headers.get("access-control-allow-origin"), null);
    await r.body?.cancel();
  });
});

/** Reads SSE messages from a response until `want` returns true or the time is up. */
async function readSse(r: Response, want: (msgs: Array<{ event: string; id: string; data: string }>) => boolean, ms = 5000) {
  const reader = r.body!.getReader();
  const dec = new TextDecoder();
  const msgs: Array<{ event: string; id: string; data: string }> = [];
  let buf = "";
  const deadline = Date.now() + ms;
  try {
    while (!want(msgs) && Date.now() < deadline) {
      const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((res) => setTimeout(() => res({ value: undefined, done: true }), deadline - Date.now()))]);
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const m = { event: "message", id: "", data: "" };
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) m.event = line.slice(6).trim();
          else if (line.startsWith("id:")) m.id = line.slice(3).trim();
          else if (line.startsWith("data:")) m.data += line.slice(5).trim();
        }
        if (block.trim() && !block.startsWith(":")) msgs.push(m);
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return msgs;
}

describe("GET /api/stream", () => {
  test("sends new events and alerts as they are stored, from now on", async () => {
    const r = await get("/api/stream");
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type")!, /^text\/event-stream/);
    const reading = readSse(r, (m) => m.some((x) => x.event === "event") && m.some((x) => x.event === "alert"));
    await new Promise((res) => setTimeout(res, 150));
    const p = await post({ id: "live-1", published: "2026-11-26", text: "Gunmen attacked a police station in Butembo on Wednesday, officials said." }, s.writeToken);
    assert.equal(p.status, 201);
    await s.store.outbox.putAlert({ id: "live-alert", watch: "Goma area", kind: "event", at: "2026-11-26", level: 2, previousLevel: null, title: "made up", summary: "made up", evidence: [] });
    const msgs = await reading;
    assert.equal(msgs[0].event, "ready");
    const evs = msgs.filter((m) => m.event === "event").map((m) => JSON.parse(m.data));
    assert.ok(evs.length >= 1);
    assert.ok(evs.every((e) => e.doc === "live-1"), "only events stored after the stream opened");
    const al = msgs.filter((m) => m.event === "alert").map((m) => JSON.parse(m.data));
    assert.deepEqual(al.map((a) => a.id), ["live-alert"]);
    assert.match(msgs[msgs.length - 1].id, /^\d+:\d+$/);
  });

  test("Last-Event-ID resumes from that point; filters apply", async () => {
    const r = checked(await s.call("/api/stream?doc=north-1", { headers: { "Last-Event-ID": "0:0" } }));
    const want = (await getJson("/api/events?doc=north-1")).items.length;
    const msgs = await readSse(r, (m) => m.filter((x) => x.event === "event").length >= want && m.some((x) => x.event === "alert"));
    const evs = msgs.filter((m) => m.event === "event").map((m) => JSON.parse(m.data));
    assert.equal(evs.length, want);
    assert.ok(evs.every((e) => e.doc === "north-1"));
  });
});

describe("reads with a token, and rate limits", () => {
  test("with readAuth, reads need a token (any scope); the OpenAPI document stays public", async () => {
    const t = await startTestServer({ readAuth: true }, ARTICLES.slice(0, 1));
    try {
      const none = checked(await t.call("/api/events"));
      await errorOf(none, 401, "E_API_AUTH");
      await errorOf(checked(await t.call("/api/events", { token: "sitrep_wrong" })), 401, "E_API_AUTH");
      assert.equal(checked(await t.call("/api/events", { token: t.readToken })).status, 200);
      assert.equal(checked(await t.call("/api/stats", { token: t.writeToken })).status, 200);
      await errorOf(checked(await t.call("/api/stream")), 401, "E_API_AUTH");
      assert.equal(checked(await t.call("/openapi.json")).status, 200);
    } finally {
      await t.close();
    }
  });

  test("a client over its rate gets 429 with Retry-After", async () => {
    const t = await startTestServer({ rateLimit: { burst: 3, perSecond: 0.01 } }, []);
    try {
      for (let i = 0; i < 3; i++) assert.equal(checked(await t.call("/api/stats")).status, 200);
      const r = checked(await t.call("/api/stats"));
      assert.ok(Number(r.headers.get("retry-after")) > 0);
      await errorOf(r, 429, "E_API_RATE");
    } finally {
      await t.close();
    }
  });

  test("with allowed host names (a loopback server), another Host header is refused: DNS rebinding", async () => {
    const t = await startTestServer({ allowedHostnames: ["127.0.0.1", "localhost", "[::1]"] }, []);
    try {
      assert.equal(checked(await t.call("/api/stats")).status, 200);
      const { request } = await import("node:http");
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port: t.port, path: "/api/stats", headers: { Host: "attacker.example:" + t.port } }, (res) => {
          assert.equal(res.headers["x-content-type-options"], "nosniff");
          res.resume();
          resolve(res.statusCode!);
        });
        req.on("error", reject);
        req.end();
      });
      assert.equal(status, 403);
    } finally {
      await t.close();
    }
  });

  test("configured CORS origins get CORS headers; others do not", async () => {
    const t = await startTestServer({ corsOrigins: ["https://dash.example"] }, []);
    try {
      const ok = checked(await t.call("/api/stats", { headers: { Origin: "https://dash.example" } }));
      assert.equal(ok.headers.get("access-control-allow-origin"), "https://dash.example");
      const other = checked(await t.call("/api/stats", { headers: { Origin: "https://evil.example" } }));
      assert.notEqual(other.headers.get("access-control-allow-origin"), "https://evil.example");
    } finally {
      await t.close();
    }
  });
});
