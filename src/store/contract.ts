// The Store contract suite: every Store implementation runs it (`runStoreContract("sqlite", () => openSqliteStore(...))`).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { CodedEvent } from "../core/types.js";
import { SitrepError } from "../core/problems.js";
import { contentHash } from "../dedup/article-key.js";
import { minhash } from "../dedup/minhash.js";
import type { ArticleWrite, Store } from "./store.js";

const BAGHDAD = { name: "Baghdad", country: "IRQ", admin1: "Baghdad", lat: 33.34, lon: 44.4 };
const MOSUL = { name: "Mosul", country: "IRQ", admin1: "Nineveh", lat: 36.34, lon: 43.13 };

let n = 0;
/** A made-up event record; fields as the coder writes them. */
export function event(doc: string, over: Partial<CodedEvent> = {}): CodedEvent {
  n++;
  return {
    id: `${doc}-e${n}`,
    doc,
    sentence: 0,
    text: "Militants fired rockets at a base hosting US troops.",
    date: "2020-01-08",
    code: "190",
    root: "19",
    quad: 4,
    goldstein: -10,
    plover: { type: "ASSAULT", mode: null },
    acled: { event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack" },
    source: { text: "Militants", code: "IRQREB", country: "IRQ", sector: "REB" },
    target: { text: "US troops", code: "USAMIL", country: "USA", sector: "MIL" },
    location: BAGHDAD,
    attribution: [],
    hedged: false,
    negated: false,
    evidence: { verb: "fired", pattern: "fire at", spans: { source: [0, 9], verb: [10, 15], target: [40, 49] } },
    confidence: 0.7,
    ...over,
  };
}

export function article(doc: string, over: Partial<ArticleWrite> = {}, events?: (doc: string) => CodedEvent[]): ArticleWrite {
  const text = over.clean ?? `Militants fired rockets at a base hosting US troops near ${doc}, officials said on Wednesday.`;
  return {
    key: `url:https://news.example.org/${doc}`,
    doc,
    url: `https://news.example.org/${doc}`,
    outlet: "Example News",
    published: "2020-01-08",
    title: null,
    origin: null,
    raw: { kind: "text", body: text },
    clean: text,
    contentHash: contentHash(text),
    minhash: minhash(text),
    sentences: [{ index: 0, start: 0, end: text.length, caption: false, text }],
    events: events ? events(doc) : [event(doc)],
    coderVersion: "test+1",
    duplicateOf: null,
    dates: [],
    ...over,
  };
}

const LONG =
  "Gunmen attacked a police checkpoint on the outskirts of the provincial capital late on Tuesday, killing four officers and wounding six others, " +
  "the interior ministry said in a statement. No group immediately claimed responsibility for the attack, which came a day after the army " +
  "announced a new offensive against insurgents in the mountainous border region. Residents said the gunfight lasted more than an hour.";

export function runStoreContract(name: string, open: () => Promise<Store>): void {
  const withStore = (title: string, fn: (s: Store) => Promise<void>) =>
    test(`${name} store: ${title}`, async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    });

  withStore("an article is stored with its sentences and events, and found by key and doc", async (s) => {
    assert.equal(await s.getArticle("url:https://news.example.org/a1"), null);
    const out = await s.putArticle(article("a1"));
    assert.deepEqual(out, { status: "added", doc: "a1", events: 1 });
    const m = await s.getArticle("url:https://news.example.org/a1");
    assert.equal(m?.doc, "a1");
    assert.equal(m?.outlet, "Example News");
    assert.equal(m?.coderVersion, "test+1");
    assert.equal(await s.docTaken("a1"), true);
    assert.equal(await s.docTaken("a2"), false);
    assert.deepEqual(await s.getArticleByDoc("a1"), m);
    assert.equal(await s.getArticleByDoc("a2"), null);
    assert.equal((await s.getSentences("a1"))[0].text.startsWith("Militants fired"), true);
    const ev = await s.queryEvents({});
    assert.equal(ev.length, 1);
    assert.equal(ev[0].event.doc, "a1");
    assert.equal(ev[0].article.url, "https://news.example.org/a1");
    assert.equal((await s.getRaw("url:https://news.example.org/a1"))?.raw.body.includes("a1"), true);
  });

  withStore("queries filter by country, dates, codes, actor, PLOVER type, text and place", async (s) => {
    await s.putArticle(article("q1"));
    await s.putArticle(
      article("q2", {}, (d) => [
        event(d, { date: "2020-02-10", code: "1823", root: "18", plover: { type: "ASSAULT", mode: "kidnap" }, source: { text: "gunmen", code: "SYRREB", country: "SYR", sector: "REB" }, target: null, location: null, text: "Gunmen kidnapped an aid worker." }),
      ]),
    );
    await s.putArticle(
      article("q3", { clean: "Iran's foreign minister met his Iraqi counterpart in Mosul." }, (d) => [
        event(d, { date: "2020-01-20", code: "040", root: "04", quad: 1, goldstein: 1, plover: { type: "CONSULT", mode: null }, source: { text: "Iran's foreign minister", code: "IRNGOV", country: "IRN", sector: "GOV" }, target: { text: "his Iraqi counterpart", code: "IRQGOV", country: "IRQ", sector: "GOV" }, location: MOSUL, text: "Iran's foreign minister met his Iraqi counterpart in Mosul." }),
      ]),
    );
    const docs = async (q: Parameters<Store["queryEvents"]>[0]) => (await s.queryEvents(q)).map((r) => r.event.doc).sort();
    assert.deepEqual(await docs({ country: ["IRQ"] }), ["q1", "q3"]);
    assert.deepEqual(await docs({ country: ["usa"] }), ["q1"], "target country, case-insensitive");
    assert.deepEqual(await docs({ country: ["IRN", "SYR"] }), ["q2", "q3"]);
    assert.deepEqual(await docs({ country: ["IRQ"], since: "2020-01-15", until: "2020-01-31" }), ["q3"]);
    assert.deepEqual(await docs({ since: "2020-02-01" }), ["q2"]);
    assert.deepEqual(await docs({ root: ["18", "19"] }), ["q1", "q2"]);
    assert.deepEqual(await docs({ root: ["4"] }), ["q3"], "a root without its leading zero");
    assert.deepEqual(await docs({ code: ["1823"] }), ["q2"]);
    assert.deepEqual(await docs({ actor: "IRN*" }), ["q3"]);
    assert.deepEqual(await docs({ actor: "irqgov" }), ["q3"], "target actor");
    assert.deepEqual(await docs({ plover: ["consult"] }), ["q3"]);
    assert.deepEqual(await docs({ text: "counterpart" }), ["q3"]);
    assert.deepEqual(await docs({ near: { lat: 33.3, lon: 44.36, km: 50 } }), ["q1"]);
    assert.deepEqual(await docs({ near: { lat: 33.3, lon: 44.36, km: 500 } }), ["q1", "q3"]);
    assert.deepEqual(await docs({ doc: "q2" }), ["q2"]);
    await assert.rejects(s.queryEvents({ text: 'broken "quote' }), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_QUERY");
  });

  withStore("text search reads words, phrases, OR, NOT and prefixes the same on every store", async (s) => {
    const say = (doc: string, text: string) => s.putArticle(article(doc, { clean: text, sentences: [{ index: 0, start: 0, end: text.length, caption: false, text }] }, (d) => [event(d, { text })]));
    await say("t1", "Rebels shelled the airport at dawn.");
    await say("t2", "The airport reopened after the shelling.");
    await say("t3", "Police dispersed protesters near the ministry.");
    const docs = async (text: string) => (await s.queryEvents({ text })).map((r) => r.event.doc).sort();
    assert.deepEqual(await docs("airport"), ["t1", "t2"]);
    assert.deepEqual(await docs("AIRPORT dawn"), ["t1"], "every word, in any case");
    assert.deepEqual(await docs('"shelled the airport"'), ["t1"], "a phrase");
    assert.deepEqual(await docs('"the airport shelled"'), [], "a phrase keeps its order");
    assert.deepEqual(await docs("dawn OR protesters"), ["t1", "t3"]);
    assert.deepEqual(await docs("airport NOT dawn"), ["t2"]);
    assert.deepEqual(await docs("shell*"), ["t1", "t2"], "a prefix");
    assert.deepEqual(await docs("shell"), [], "no stemming");
  });

  withStore("a cursor pages through every event once", async (s) => {
    for (let i = 0; i < 7; i++) await s.putArticle(article(`p${i}`, {}, (d) => [event(d, { date: `2020-03-${String(1 + i * 4).padStart(2, "0")}` })]));
    const seen: string[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await s.queryEvents({ limit: 3, after });
      if (!page.length) break;
      seen.push(...page.map((r) => r.event.doc));
      after = page[page.length - 1].seq;
    }
    assert.deepEqual(seen.sort(), ["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);
    // one country and a date range (the API's main query) pages the same way, each event once though it names the country twice
    const inIraq: string[] = [];
    after = undefined;
    for (;;) {
      const page = await s.queryEvents({ country: ["IRQ", "USA"], since: "2020-03-05", until: "2020-03-21", limit: 2, after });
      if (!page.length) break;
      assert.ok(page.length <= 2);
      inIraq.push(...page.map((r) => r.event.doc));
      after = page[page.length - 1].seq;
    }
    assert.deepEqual(inIraq, ["p1", "p2", "p3", "p4", "p5"]);
  });

  withStore("reports of one event from several outlets make one cluster; sources that cite one agency count once", async (s) => {
    await s.putArticle(article("c1", { outlet: "Daily Planet" }));
    await s.putArticle(article("c2", { outlet: "Evening Star", published: "2020-01-09" }, (d) => [event(d, { date: "2020-01-09", location: { ...BAGHDAD, lat: 33.31, lon: 44.37 } })]));
    // cites AFP in its sentence
    await s.putArticle(article("c3", { outlet: "Morning Post" }, (d) => [event(d, { attribution: [{ who: "Morning Post", kind: "outlet" }, { who: "Agence France-Presse", kind: "outlet" }] })]));
    // credited to AFP by its dateline
    await s.putArticle(article("c4", { outlet: "Gazette", origin: "AFP" }));
    // the same actors and code but 350 km away: another event
    await s.putArticle(article("c5", { outlet: "Gazette" }, (d) => [event(d, { location: MOSUL })]));
    // the same place, ten days later: another event
    await s.putArticle(article("c6", { outlet: "Gazette" }, (d) => [event(d, { date: "2020-01-18" })]));
    const cl = await s.queryClusters({ country: ["IRQ"] });
    assert.equal(cl.length, 3);
    const big = cl.find((c) => c.reports === 4)!;
    assert.equal(big.status, "reported");
    assert.deepEqual(big.outlets, ["Daily Planet", "Evening Star", "Gazette", "Morning Post"]);
    assert.deepEqual(big.sources, ["AFP", "Daily Planet", "Evening Star"]);
    assert.equal(big.firstDate, "2020-01-08");
    assert.equal(big.lastDate, "2020-01-09");
    assert.equal(big.members.length, 4);
    assert.equal(big.event.doc, "c1", "the first report stands for the cluster");
    const raw = await s.queryEvents({ country: ["IRQ"] });
    assert.equal(raw.length, 6);
    assert.equal(new Set(raw.filter((r) => r.cluster === big.id).map((r) => r.event.doc)).size, 4);
    const counts = await s.clusterCounts([big.id]);
    assert.deepEqual(counts.get(big.id), { reports: 4, outlets: 4, sources: 3 });
  });

  withStore("a country's clusters and events, of some roots or not, page the same as one big page and as a query of events' own fields", async (s) => {
    const ALEPPO = { name: "Aleppo", country: "SYR", admin1: "Aleppo", lat: 36.2, lon: 37.16 };
    const shapes: Partial<CodedEvent>[] = [
      {},
      { date: "2020-01-09" },
      { code: "180", root: "18" },
      { date: "2020-01-20", code: "141", root: "14" },
      { location: ALEPPO, target: { text: "the army", code: "SYRMIL", country: "SYR", sector: "MIL" } },
      { date: null },
      { date: "2020-02-02", location: MOSUL },
      { location: MOSUL, code: "183", root: "18" },
      { date: "2019-12-31" },
    ];
    // three outlets' reports of each: clusters of several members
    for (let i = 0; i < 3; i++) for (const [j, over] of shapes.entries()) await s.putArticle(article(`g${i}-${j}`, { outlet: `Outlet ${i}` }, (d) => [event(d, over)]));
    const queries: Parameters<Store["queryClusters"]>[0][] = [
      { country: ["IRQ"], since: "2020-01-01", until: "2020-01-31" },
      { country: ["irq", "SYR"], since: "2020-01-01", until: "2020-02-28" },
      { country: ["USA"], since: "2020-01-01", until: "2020-01-31", root: ["18", "19"] },
      { country: ["IRQ"], root: ["183", "141"] },
      { country: ["IRQ"], code: ["190"] },
      { country: ["IRQ"], until: "2020-01-31" },
      { country: ["IRQ"] },
    ];
    for (const q of queries) {
      const all = await s.queryClusters({ ...q, limit: 1000 });
      assert.ok(all.length > 0, JSON.stringify(q));
      // a PLOVER filter every event passes: the query reads the events themselves
      assert.deepEqual(await s.queryClusters({ ...q, plover: ["ASSAULT"], limit: 1000 }), all, JSON.stringify(q));
      const events = await s.queryEvents({ ...q, limit: 1000 });
      assert.deepEqual(await s.queryEvents({ ...q, plover: ["ASSAULT"], limit: 1000 }), events, JSON.stringify(q));
      assert.deepEqual(all.map((c) => c.id), [...new Set(events.map((e) => e.cluster!))].sort((a, b) => a - b), JSON.stringify(q));
      if (q.until && !q.since) assert.ok(events.every((e) => e.event.date), "an undated event is not before a date");
      const clusters: number[] = [];
      const seqs: number[] = [];
      for (let after: number | undefined, page; (page = await s.queryClusters({ ...q, limit: 2, after })).length; after = page[page.length - 1].id) clusters.push(...page.map((c) => c.id));
      for (let after: number | undefined, page; (page = await s.queryEvents({ ...q, limit: 2, after })).length; after = page[page.length - 1].seq) seqs.push(...page.map((e) => e.seq));
      assert.deepEqual(clusters, all.map((c) => c.id), JSON.stringify(q));
      assert.deepEqual(seqs, events.map((e) => e.seq), JSON.stringify(q));
    }
    assert.ok((await s.queryClusters({ country: ["IRQ"] })).some((c) => c.members.length > 1));
  });

  withStore("an event without a date is a cluster of its own", async (s) => {
    await s.putArticle(article("n1", { published: null }, (d) => [event(d, { date: null })]));
    await s.putArticle(article("n2", { published: null }, (d) => [event(d, { date: null })]));
    assert.equal((await s.queryClusters({})).length, 2);
  });

  withStore("a near-duplicate article is found, linked and adds its outlet, not a report or a source", async (s) => {
    const text = LONG;
    await s.putArticle(article("w1", { clean: text, outlet: "Wire Daily", contentHash: contentHash(text), minhash: minhash(text) }));
    const copy = "Advertisement. " + text + " Follow us for more updates every day.";
    const hit = await s.findDuplicate(contentHash(copy), minhash(copy));
    assert.deepEqual(hit, { key: "url:https://news.example.org/w1", doc: "w1" });
    assert.deepEqual(await s.findDuplicate(contentHash(text), null), { key: "url:https://news.example.org/w1", doc: "w1" }, "same text");
    assert.equal(await s.findDuplicate(contentHash("Parliament passed the budget."), minhash("Parliament passed the budget after a long debate on taxes, pensions and defence spending that lasted well into the night, with the opposition walking out before the final vote was held.")), null);
    const out = await s.putArticle(article("w2", { clean: copy, outlet: "Reprint Times", duplicateOf: hit!.key, events: [], sentences: [] }));
    assert.deepEqual(out, { status: "duplicate", doc: "w2", of: "w1" });
    assert.equal((await s.getArticle("url:https://news.example.org/w2"))?.duplicateOf, "url:https://news.example.org/w1");
    const [c] = await s.queryClusters({});
    assert.equal(c.reports, 1);
    assert.deepEqual(c.outlets, ["Reprint Times", "Wire Daily"]);
    assert.deepEqual(c.sources, ["Wire Daily"]);
    // a copy of the copy points at the original
    assert.deepEqual(await s.findDuplicate(contentHash(copy), null), { key: "url:https://news.example.org/w1", doc: "w1" });
    const st = await s.stats();
    assert.equal(st.articles, 2);
    assert.equal(st.duplicates, 1);
    assert.equal(st.events, 1);
  });

  withStore("re-coding replaces an article's events in one go and records the old coder version", async (s) => {
    await s.putArticle(article("r1"));
    await s.putArticle(article("r2", { outlet: "Other" }));
    assert.deepEqual(await s.staleArticles("test+2", 10), ["url:https://news.example.org/r1", "url:https://news.example.org/r2"]);
    const out = await s.putArticle(
      article("r1", { coderVersion: "test+2" }, (d) => [event(d, { code: "1823", root: "18", id: "r1-new-a" }), event(d, { code: "111", root: "11", quad: 3, goldstein: -2, id: "r1-new-b", target: null })]),
    );
    assert.deepEqual(out, { status: "recoded", doc: "r1", events: 2, previousVersion: "test+1" });
    const ids = (await s.queryEvents({ doc: "r1" })).map((r) => r.event.id).sort();
    assert.deepEqual(ids, ["r1-new-a", "r1-new-b"]);
    assert.deepEqual(await s.staleArticles("test+2", 10), ["url:https://news.example.org/r2"]);
    const st = await s.stats();
    assert.equal(st.articles, 2);
    assert.equal(st.events, 3);
    assert.deepEqual(st.coderVersions, [{ version: "test+1", articles: 1 }, { version: "test+2", articles: 1 }]);
    // r2's old cluster lost r1's report
    const cl = await s.queryClusters({ root: ["19"] });
    assert.equal(cl.length, 1);
    assert.equal(cl[0].reports, 1);
    assert.deepEqual(cl[0].outlets, ["Other"]);
  });

  withStore("a write that fails keeps nothing of the article and loses nothing stored", async (s) => {
    await s.putArticle(article("ok1"));
    const bad = article("bad1", {}, (d) => [event(d), { ...event(d), source: undefined } as unknown as CodedEvent]);
    await assert.rejects(s.putArticle(bad), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_WRITE" && e.problem.where === "bad1");
    assert.equal(await s.getArticle("url:https://news.example.org/bad1"), null);
    const st = await s.stats();
    assert.deepEqual([st.articles, st.sentences, st.events, st.clusters], [1, 1, 1, 1]);
  });

  withStore("hostile text is kept exactly as it came", async (s) => {
    const text = `<script>alert("x")</script> Robert'); DROP TABLE events;-- \u0000 \u202e مرحبا`;
    await s.putArticle(article("h1", { clean: text, sentences: [{ index: 0, start: 0, end: text.length, caption: false, text }] }, (d) => [event(d, { text })]));
    assert.equal((await s.getSentences("h1"))[0].text, text);
    assert.equal((await s.queryEvents({ doc: "h1" }))[0].event.text, text);
    assert.equal((await s.stats()).events, 1);
  });

  withStore("stats count articles, events and clusters per outlet and per day", async (s) => {
    await s.putArticle(article("s1", { outlet: "A" }));
    await s.putArticle(article("s2", { outlet: "B" }));
    await s.putArticle(article("s3", { outlet: "B" }, (d) => [event(d, { date: "2020-01-20" })]));
    const st = await s.stats();
    assert.deepEqual([st.articles, st.events, st.clusters, st.sentences], [3, 3, 2, 3]);
    assert.deepEqual(st.perOutlet, [{ outlet: "B", articles: 2, events: 2 }, { outlet: "A", articles: 1, events: 1 }]);
    assert.deepEqual(st.perDay, [{ date: "2020-01-08", events: 2, clusters: 1 }, { date: "2020-01-20", events: 1, clusters: 1 }]);
  });

  withStore("whole articles read back as they were written, in the order stored, a page at a time", async (s) => {
    const text = LONG;
    const dates = [
      { sentence: 0, date: "2020-03-01", role: "anniversary" as const, mention: "the March 1 anniversary", place: { name: "Baghdad", country: "IRQ", lat: 33.34, lon: 44.4 } },
      { sentence: 1, date: "2020-04-02", role: "future" as const, mention: "April 2", place: null },
    ];
    const sentences = [
      { index: 0, start: 0, end: 143, caption: false, text: text.slice(0, 143) },
      { index: 1, start: 144, end: text.length, caption: true, text: text.slice(144) },
    ];
    const first = article("ra1", { clean: text, contentHash: contentHash(text), minhash: minhash(text), title: "Checkpoint attack", origin: "AFP", raw: { kind: "html", body: `<p>${text}</p>` }, sentences, dates, ingestedAt: "2020-01-08T09:00:00.000Z" }, (d) => [
      event(d, { sentence: 0 }),
      event(d, { sentence: 1, code: "1823", root: "18", target: null, location: null }),
    ]);
    const plain = article("ra0", { published: null, outlet: null, url: null, key: "sha256:ra0" });
    const copy = article("ra2", { outlet: "Reprint Times", duplicateOf: first.key, events: [], sentences: [], minhash: null, coderVersion: "", ingestedAt: "2020-01-09T09:00:00.000Z" });
    await s.putArticle(plain);
    await s.putArticle(first);
    await s.putArticle(copy);
    const all = await s.readArticles(null, 10);
    assert.deepEqual(all.map((a) => a.key), [plain.key, first.key, copy.key], "in the order stored, not by key");
    assert.deepEqual(all[1], first);
    assert.deepEqual(all[2], copy, "a near-duplicate without signature or coder version");
    assert.equal(all[0].clean, plain.clean);
    assert.ok(!Number.isNaN(Date.parse(all[0].ingestedAt!)), "a new article takes the time of the put");
    const { ingestedAt: _i, ...rest } = all[0];
    const { ingestedAt: _j, ...want } = plain;
    assert.deepEqual(rest, want);
    assert.deepEqual((await s.readArticles(null, 2)).map((a) => a.doc), ["ra0", "ra1"]);
    assert.deepEqual((await s.readArticles(first.key, 2)).map((a) => a.doc), ["ra2"]);
    assert.deepEqual(await s.readArticles(copy.key, 2), []);
  });

  withStore("feed state survives a round trip", async (s) => {
    assert.equal(await s.getFeedState("https://feeds.example.org/rss"), null);
    const st = { url: "https://feeds.example.org/rss", etag: 'W/"abc"', lastModified: "Wed, 08 Jan 2020 10:00:00 GMT", failures: 2, lastError: "E_FEED_TIMEOUT", lastOk: null, nextDue: 1_700_000_000_000 };
    await s.putFeedState(st);
    assert.deepEqual(await s.getFeedState(st.url), st);
    await s.putFeedState({ ...st, failures: 0, lastError: null, lastOk: "2020-01-08T10:05:00Z" });
    assert.equal((await s.getFeedState(st.url))?.failures, 0);
    const other = { ...st, url: "https://feeds.example.org/atom" };
    await s.putFeedState(other);
    assert.deepEqual((await s.feedStates()).map((f) => [f.url, f.failures]), [
      [other.url, 2],
      [st.url, 0],
    ]);
  });
}
