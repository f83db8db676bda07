// sitrep ingest, query, stats and export as a user runs them: idempotent, crash-safe, feeds over real HTTP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { repoPath } from "../src/core/paths.js";
import { syntheticArticles } from "./fixtures/synthetic-news.js";

const BIN = repoPath("bin/sitrep.js");
const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-"));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function stats(db: string): { articles: number; duplicates: number; sentences: number; events: number; clusters: number } {
  const r = run(["stats", "--db", db, "--json"]);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  return { articles: s.articles, duplicates: s.duplicates, sentences: s.sentences, events: s.events, clusters: s.clusters };
}

// a folder of inputs of every kind: text, HTML, JSONL and CSV
const folder = join(dir, "articles");
mkdirSync(folder);
writeFileSync(join(folder, "a.txt"), "Rebels attacked an army base near Goma on Sunday, killing three soldiers, officials said.");
writeFileSync(
  join(folder, "b.html"),
  "<html><head><title>Clashes</title></head><body><nav>Home | World</nav><article><h1>Clashes</h1><p>Police arrested 40 protesters in Kampala on Friday after a march against fuel prices, witnesses said.</p></article></body></html>",
);
writeFileSync(
  join(folder, "c.jsonl"),
  syntheticArticles(30)
    .map((a) => JSON.stringify(a))
    .join("\n") + "\n{not json}\n",
);
writeFileSync(join(folder, "d.csv"), 'headline,body,date,link\nTalks,"Iran and Iraq signed a trade agreement in Baghdad on Monday.",2021-04-05,https://news.example.org/talks\n');

test("ingesting the same folder twice adds nothing the second time; a bad line is named and the rest goes on", () => {
  const db = join(dir, "twice.db");
  const first = run(["ingest", folder, "--db", db]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /c\.jsonl:31: error E_INPUT_JSON/);
  assert.match(first.err, /33 article\(s\) read: 33 added/);
  const s1 = stats(db);
  assert.equal(s1.articles, 33);
  assert.ok(s1.events > 30, `events ${s1.events}`);
  // a commit per article (--commit-every 0) finds the same articles stored
  const second = run(["ingest", folder, "--db", db, "--commit-every", "0"]);
  assert.equal(second.code, 0, second.err);
  assert.match(second.err, /0 added, 0 near-duplicate\(s\) linked, 33 already stored/);
  assert.deepEqual(stats(db), s1);
  const integrity = new Database(db, { readonly: true });
  assert.equal(integrity.pragma("integrity_check", { simple: true }), "ok");
  integrity.close();
  const bad = run(["ingest", folder, "--db", db, "--commit-every", "0.5s"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--commit-every takes 0 or a duration of at least 1s/);
});

test("the same wire story from another outlet is linked as a near-duplicate, and its outlet corroborates", () => {
  const db = join(dir, "wire.db");
  const story =
    "Gunmen attacked a police checkpoint on the outskirts of Kandahar late on Tuesday, killing four officers and wounding six others, " +
    "the interior ministry said in a statement. No group immediately claimed responsibility for the attack, which came a day after the army " +
    "announced a new offensive against insurgents in the mountainous border region. Residents said the gunfight lasted more than an hour.";
  const lines = [
    { id: "wire-1", url: "https://wire.example.org/a", outlet: "Example Wire", published: "2021-06-02", text: `KANDAHAR (Reuters) - ${story}` },
    { id: "copy-1", url: "https://planet.example.org/b", outlet: "Daily Planet", published: "2021-06-02", html: `<html><body><nav>Menu</nav><article><p>KANDAHAR (Reuters) - ${story}</p><p>Share this story with your friends.</p></article></body></html>` },
  ];
  const r = run(["ingest", "-", "--db", db], lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /1 added, 1 near-duplicate\(s\) linked/);
  const q = run(["query", "--db", db, "--root", "19"]);
  const clusters = q.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(clusters.length >= 1, q.err);
  assert.deepEqual(clusters[0].outlets, ["Daily Planet", "Example Wire"]);
  assert.deepEqual(clusters[0].sources, ["Reuters"], "both copies come from one agency");
  assert.equal(clusters[0].status, "reported");
});

test("killed with SIGKILL at random points, then finished: the same counts as a clean run, no partial article", async () => {
  const big = join(dir, "big.jsonl");
  writeFileSync(big, syntheticArticles(1500, 7).map((a) => JSON.stringify(a)).join("\n") + "\n");
  const clean = join(dir, "clean.db");
  assert.equal(run(["ingest", big, "--db", clean]).code, 0);
  const want = stats(clean);
  const db = join(dir, "killed.db");
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const stored = (): number => {
    try {
      const d = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return (d.prepare("SELECT COUNT(*) n FROM articles").get() as { n: number }).n;
      } finally {
        d.close();
      }
    } catch {
      return 0; // not created yet, or its schema not yet written
    }
  };
  let kills = 0;
  for (let i = 0; i < 4; i++) {
    // the kill follows the run's own progress, not the clock (a fast machine finished a run before a timed kill):
    // once this run has stored past a point that moves on with each run, somewhere in the next stretch of work;
    // odd runs commit each article alone, even runs in the default one-second groups (killed inside a group)
    const start = stored();
    const mark = Math.max(start + 1, Math.floor(((i + 1) * want.articles) / 6));
    const args = [BIN, "ingest", big, "--db", db, ...(i % 2 ? ["--commit-every", "0"] : [])];
    const child = spawn(process.execPath, args, { cwd: dir, stdio: "ignore" });
    let done = false;
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => ((done = true), r(code))));
    while (!done && stored() < mark) await new Promise((r) => setTimeout(r, 20));
    if (!done) setTimeout(() => child.kill("SIGKILL"), Math.floor(next() * 60));
    const code = await exited;
    if (code === null) kills++;
  }
  assert.ok(kills >= 2, `only ${kills} of the runs were killed before they finished`);
  const finish = run(["ingest", big, "--db", db]);
  assert.equal(finish.code, 0, finish.err);
  assert.deepEqual(stats(db), want);
  // the journals of the killed runs were stored and removed
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith("killed.db-ingest-")), []);
  const d = new Database(db, { readonly: true });
  assert.equal(d.pragma("integrity_check", { simple: true }), "ok");
  // every stored original has its sentences, and one coding per article
  const partial = d.prepare("SELECT COUNT(*) n FROM articles a WHERE duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article = a.id)").get() as { n: number };
  assert.equal(partial.n, 0);
  const codings = d.prepare("SELECT COUNT(*) n FROM codings").get() as { n: number };
  assert.equal(codings.n, want.articles - want.duplicates);
  d.close();
});

test("query filters and formats, export layouts, and clear errors for a bad filter or a missing database", () => {
  const db = join(dir, "twice.db");
  const q = run(["query", "--db", db, "--country", "COD", "--reports"]);
  assert.equal(q.code, 0, q.err);
  const goma = q.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(goma.some((e) => e.doc === "a.txt" && e.root === "19"), q.out);
  const csv = run(["query", "--db", db, "--format", "csv", "--limit", "2"]);
  assert.equal(csv.out.trim().split("\n").length, 3);
  assert.match(run(["query", "--db", db, "--since", "yesterday"]).err, /--since must be a date/);
  assert.match(run(["query", "--db", db, "--country", "Iraq"]).err, /ISO 3166-1 alpha-3/);
  assert.match(run(["query", "--db", db, "--text", '"open']).err, /E_QUERY/);
  const missing = run(["query", "--db", join(dir, "nope.db")]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.db: error E_STORE_OPEN/);
  const g = run(["export", "--db", db, "--format", "gdelt"]);
  assert.equal(g.code, 0, g.err);
  for (const line of g.out.trim().split("\n")) assert.equal(line.split("\t").length, 61);
  const pq = join(dir, "out.parquet");
  assert.equal(run(["export", "--db", db, "--format", "parquet", "--out", pq]).code, 0);
  assert.equal(readFileSync(pq).subarray(0, 4).toString(), "PAR1");
  assert.match(run(["export", "--db", db, "--format", "xml"]).err, /unknown format "xml"/);
  const st = run(["stats", "--db", db]);
  assert.match(st.out, /^articles\s+33 \(33 originals, 0 near-duplicates/);
});

function feedServer(): Promise<{ server: Server; base: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    if (path === "/feed.xml") {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
        <item><title>Strike</title><link>${base}/a1</link><guid>${base}/a1</guid><pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate><description>short</description></item>
        <item><title>Protest</title><link>${base}/a2</link><guid>${base}/a2</guid><pubDate>Tue, 02 Mar 2021 11:00:00 GMT</pubDate>
          <description>&lt;p&gt;Thousands of protesters marched in Nairobi on Tuesday to demand the release of detained journalists.&lt;/p&gt;</description></item>
      </channel></rss>`);
      return;
    }
    if (path === "/broken.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end("<rss><channel><item><title>cut off");
      return;
    }
    if (path === "/a1") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><body><article><p>Warplanes bombed rebel positions near Aleppo on Tuesday, a monitoring group said.</p></article></body></html>");
      return;
    }
    res.writeHead(500).end("down");
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits })));
}

test("feeds: items and their pages are ingested over real HTTP; a broken feed is reported and does not stop the good one; a second poll is a conditional GET", async () => {
  const { server, base, hits } = await feedServer();
  try {
    const db = join(dir, "feed.db");
    const runAsync = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const c = spawn(process.execPath, [BIN, ...args], { cwd: dir });
        let err = "";
        c.stderr.on("data", (d) => (err += d));
        c.on("exit", (code) => resolve({ code, err }));
      });
    const refused = await runAsync(["ingest", `${base}/feed.xml`, "--db", db]);
    assert.match(refused.err, /E_FEED_REFUSED/);
    assert.equal(hits.get("/feed.xml") ?? 0, 0, "no request reached the private address");
    const r = await runAsync(["ingest", `${base}/broken.xml`, `${base}/feed.xml`, "--db", db, "--allow-private"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /broken\.xml: error E_FEED_PARSE/);
    assert.match(r.err, /2 article\(s\) read: 2 added/);
    // a2's page fails (500): its feed text is coded instead
    assert.match(r.err, /a2: warning W_FEED_ARTICLE/);
    const events = run(["query", "--db", db, "--reports"]).out.trim().split("\n").map((l) => JSON.parse(l));
    assert.ok(events.some((e) => e.url === `${base}/a1` && ["18", "19"].includes(e.root)), JSON.stringify(events));
    assert.ok(events.some((e) => e.url === `${base}/a2` && e.root === "14"), JSON.stringify(events));
    assert.equal(events[0].outlet, "Local Wire");
    const again = await runAsync(["ingest", `${base}/feed.xml`, "--db", db, "--allow-private"]);
    assert.match(again.err, /0 article\(s\) read/);
    assert.equal(hits.get("/a1"), 1, "a stored article's page is not fetched again");
    // a feeds file: one URL a line; a malformed line is named with its line number
    const list = join(dir, "feeds.txt");
    writeFileSync(list, `# my feeds\n${base}/feed.xml\n`);
    const fromFile = await runAsync(["ingest", "--feeds", list, "--db", db, "--allow-private"]);
    assert.equal(fromFile.code, 0, fromFile.err);
    assert.equal(hits.get("/feed.xml"), 3, "read once more, conditionally");
    writeFileSync(list, `${base}/feed.xml 5m\nftp://example.org/feed\n`);
    const badList = await runAsync(["ingest", "--feeds", list, "--db", db]);
    assert.equal(badList.code, 2);
    assert.match(badList.err, /feeds\.txt:2: expected "URL \[interval\]"/);
    const d = new Database(db, { readonly: true });
    const st = d.prepare("SELECT url, failures, etag FROM feeds ORDER BY url").all() as Array<{ url: string; failures: number; etag: string | null }>;
    d.close();
    assert.deepEqual(st.map((s) => [s.url.replace(base, ""), s.failures, s.etag]), [["/broken.xml", 1, null], ["/feed.xml", 0, '"v1"']]);
  } finally {
    server.close();
  }
});
