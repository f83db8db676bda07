import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Problem } from "../core/problems.js";
import type { ParsedFeed } from "./feed.js";
import { backoffMs, pollOnce, runPoller, type FeedState, type FeedStateStore, type PollerOptions } from "./feed-poller.js";

const GOOD = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Navy blockades the northern port</title><link>/port-blockade</link><guid>hg-1</guid><pubDate>Tue, 02 Mar 2021 06:00:00 GMT</pubDate></item>
<item><title>Mayor calls for calm after clashes</title><link>/mayor-calm</link><guid>hg-2</guid><pubDate>Tue, 02 Mar 2021 07:00:00 GMT</pubDate></item>
</channel></rss>`;
const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title>
<entry><id>vw-1</id><title>Farmers block the highway</title><link href="https://valley.example/farmers"/><updated>2021-03-02T09:00:00Z</updated></entry></feed>`;

let server: Server;
let base = "";
const hits = new Map<string, number>();
const seenHeaders = new Map<string, IncomingHttpHeaders>();

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    seenHeaders.set(path, req.headers);
    switch (path) {
      case "/good.xml":
        if (req.headers["if-none-match"] === '"g1"') return void res.writeHead(304).end();
        res.writeHead(200, { "content-type": "application/rss+xml", etag: '"g1"' });
        return void res.end(GOOD);
      case "/atom.xml":
        res.writeHead(200, { "content-type": "application/atom+xml", "last-modified": "Tue, 02 Mar 2021 09:00:00 GMT" });
        return void res.end(ATOM);
      case "/broken.xml":
        res.writeHead(200, { "content-type": "application/rss+xml" });
        return void res.end(GOOD.slice(0, 200));
      case "/page.html":
        res.writeHead(200, { "content-type": "text/html" });
        return void res.end("<!doctype html><html><body>Not a feed</body></html>");
      case "/down.xml":
        res.writeHead(503, { etag: '"nope"' });
        return void res.end();
      case "/slow.xml":
        res.writeHead(200, { "content-type": "application/rss+xml" });
        return void res.write("<rss>"); // and stalls
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

class MemoryStates implements FeedStateStore {
  readonly states = new Map<string, FeedState>();
  async getFeedState(url: string): Promise<FeedState | null> {
    return this.states.get(url) ?? null;
  }
  async putFeedState(s: FeedState): Promise<void> {
    this.states.set(s.url, { ...s });
  }
}

function harness(feeds: PollerOptions["feeds"], extra: Partial<PollerOptions> = {}) {
  const items: Array<[string, ParsedFeed]> = [];
  const problems: Problem[] = [];
  const state = new MemoryStates();
  const opts: PollerOptions = {
    feeds,
    state,
    onItems: async (url, feed) => void items.push([url, feed]),
    onProblem: (p) => void problems.push(p),
    fetch: { allowPrivate: true, timeoutMs: 300 },
    ...extra,
  };
  return { items, problems, state, opts };
}

const MIN = 60_000;

test("feed-poller: backoff doubles per failure, is capped, and never polls sooner than the schedule", () => {
  assert.equal(backoffMs(0, 10 * MIN, 360 * MIN), 10 * MIN);
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 10 * MIN, 360 * MIN) / MIN), [20, 40, 80, 160, 320, 360]);
  assert.equal(backoffMs(1000, 10 * MIN, 360 * MIN), 360 * MIN);
  assert.equal(backoffMs(3, 24 * 60 * MIN, 360 * MIN), 24 * 60 * MIN);
});

test("feed-poller: of two feeds one broken, the good one's items arrive and the broken one is reported and backed off", async () => {
  const good = `${base}/good.xml`;
  const broken = `${base}/broken.xml`;
  const t = Date.parse("2021-03-02T10:00:00Z");
  const h = harness([{ url: broken, everyMs: 10 * MIN }, { url: good, everyMs: 10 * MIN }], { now: () => t });
  await runPoller({ ...h.opts, once: true });

  assert.equal(h.items.length, 1);
  const [url, feed] = h.items[0];
  assert.equal(url, good);
  assert.equal(feed.title, "Harbour Gazette");
  assert.deepEqual(feed.items.map((i) => [i.id, i.url]), [["hg-1", `${base}/port-blockade`], ["hg-2", `${base}/mayor-calm`]]);

  const ok = h.state.states.get(good)!;
  assert.deepEqual(ok, { url: good, etag: '"g1"', lastModified: null, failures: 0, lastError: null, lastOk: "2021-03-02T10:00:00.000Z", nextDue: t + 10 * MIN });

  const bad = h.state.states.get(broken)!;
  assert.equal(bad.failures, 1);
  assert.match(bad.lastError!, /^E_FEED_PARSE: .*truncated/);
  assert.equal(bad.nextDue, t + backoffMs(1, 10 * MIN, 6 * 60 * MIN));
  assert.ok(bad.nextDue > ok.nextDue);
  assert.equal(bad.lastOk, null);
  assert.deepEqual(h.problems.map((p) => [p.code, p.where]), [["E_FEED_PARSE", broken], ["W_FEED_RETRY", broken]]);
  assert.match(h.problems[1].message, /1 failure in a row; next try at 2021-03-02T10:20:00.000Z/);

  // failing again pushes it further
  assert.equal(await pollOnce(broken, h.opts), "failed");
  assert.equal(h.state.states.get(broken)!.failures, 2);
  assert.equal(h.state.states.get(broken)!.nextDue, t + 40 * MIN);
});

test("feed-poller: the stored ETag makes the next poll a conditional GET; 304 calls no onItems", async () => {
  const good = `${base}/good.xml`;
  const h = harness([{ url: good, everyMs: MIN }]);
  assert.equal(await pollOnce(good, h.opts), "ok");
  assert.equal(seenHeaders.get("/good.xml")!["if-none-match"], undefined);
  assert.equal(await pollOnce(good, h.opts), "not-modified");
  assert.equal(seenHeaders.get("/good.xml")!["if-none-match"], '"g1"');
  assert.equal(h.items.length, 1);
  assert.equal(h.state.states.get(good)!.etag, '"g1"');
  assert.deepEqual(h.problems, []);
});

test("feed-poller: Last-Modified is stored and sent back as If-Modified-Since", async () => {
  const atom = `${base}/atom.xml`;
  const h = harness([{ url: atom, everyMs: MIN }]);
  assert.equal(await pollOnce(atom, h.opts), "ok");
  assert.equal(h.items[0][1].items[0].title, "Farmers block the highway");
  await pollOnce(atom, h.opts);
  assert.equal(seenHeaders.get("/atom.xml")!["if-modified-since"], "Tue, 02 Mar 2021 09:00:00 GMT");
});

test("feed-poller: an HTTP error keeps the validators, and a success after failures resets the count", async () => {
  const down = `${base}/down.xml`;
  const h = harness([{ url: down, everyMs: MIN }]);
  await h.state.putFeedState({ url: down, etag: '"old"', lastModified: null, failures: 2, lastError: null, lastOk: null, nextDue: 0 });
  assert.equal(await pollOnce(down, h.opts), "failed");
  const s = h.state.states.get(down)!;
  assert.equal(s.etag, '"old"');
  assert.equal(s.failures, 3);
  assert.match(s.lastError!, /E_FEED_HTTP.*503/);
  assert.equal(seenHeaders.get("/down.xml")!["if-none-match"], '"old"');

  const good = `${base}/good.xml`;
  await h.state.putFeedState({ url: good, etag: null, lastModified: null, failures: 4, lastError: "E_FEED_FETCH: x", lastOk: null, nextDue: 0 });
  assert.equal(await pollOnce(good, h.opts), "ok");
  assert.equal(h.state.states.get(good)!.failures, 0);
  assert.equal(h.state.states.get(good)!.lastError, null);
});

test("feed-poller: an HTML page instead of a feed, or a store that fails, is a failure and the ETag is not kept", async () => {
  const page = `${base}/page.html`;
  const h = harness([{ url: page, everyMs: MIN }]);
  assert.equal(await pollOnce(page, h.opts), "failed");
  assert.match(h.problems[0].message, /HTML page/);

  const good = `${base}/good.xml`;
  const s = harness([{ url: good, everyMs: MIN }], {
    onItems: async () => {
      throw new Error("disk full");
    },
  });
  assert.equal(await pollOnce(good, s.opts), "failed");
  assert.equal(s.state.states.get(good)!.etag, null);
  assert.deepEqual(s.problems.map((p) => p.code), ["E_STORE_WRITE", "W_FEED_RETRY"]);
  assert.match(s.problems[0].message, /disk full/);
});

test("feed-poller: a slow feed does not hold up the others", async () => {
  const slow = `${base}/slow.xml`;
  const good = `${base}/good.xml`;
  const order: string[] = [];
  const h = harness([{ url: slow, everyMs: MIN }, { url: good, everyMs: MIN }], {
    onItems: async (url) => void order.push(`items ${url}`),
    onProblem: (p) => void order.push(`${p.code} ${p.where}`),
  });
  await runPoller({ ...h.opts, once: true });
  assert.deepEqual(order, [`items ${good}`, `E_FEED_TIMEOUT ${slow}`, `W_FEED_RETRY ${slow}`]);
});

test("feed-poller: the loop polls each feed on its schedule, backs off the broken one, and stops on abort", async () => {
  const good = `${base}/good.xml`;
  const broken = `${base}/broken.xml`;
  hits.clear();
  const ac = new AbortController();
  const h = harness([{ url: good, everyMs: 40 }, { url: broken, everyMs: 40 }], { signal: ac.signal });
  const run = runPoller(h.opts);
  await new Promise((r) => setTimeout(r, 450));
  ac.abort();
  const t0 = Date.now();
  await run;
  assert.ok(Date.now() - t0 < 200, "the loop did not stop promptly");
  const goodHits = hits.get("/good.xml") ?? 0;
  const brokenHits = hits.get("/broken.xml") ?? 0;
  assert.ok(goodHits >= 4, `good feed polled ${goodHits} times`);
  assert.ok(brokenHits >= 2 && brokenHits <= 4, `broken feed polled ${brokenHits} times`); // 0, +80, +160, +320 ms
  assert.equal(h.items.length, 1); // the rest were 304s
  assert.ok(h.state.states.get(broken)!.failures >= 2);
});
