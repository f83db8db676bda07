import { test } from "node:test";
import assert from "node:assert/strict";
import type { Problem } from "../core/problems.js";
import { createCoder } from "../pipeline/coder.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import { ingestArticle, ingestStream, inlineCoder, newCounts, recodeStale } from "./ingest.js";
import { startWorkerCoder } from "./worker-coder.js";

const coder = inlineCoder(createCoder());
const other = inlineCoder(createCoder({ statements: true }));

function ctx(over: Partial<Parameters<typeof ingestArticle>[1]> = {}) {
  const problems: Problem[] = [];
  return { store: openSqliteStore(":memory:"), coder, onProblem: (p: Problem) => problems.push(p), problems, ...over };
}

const A = { id: "a", url: "https://news.example.org/a", outlet: "Example Wire", published: "2021-05-03", text: "Rebels attacked an army base near Goma on Sunday, killing three soldiers." };
const B = { id: "b", outlet: "Daily Planet", published: "2021-05-03", text: "Police arrested 40 protesters in Kampala on Friday, witnesses said." };

test("an article is added once; a second ingest skips it before any coding", async () => {
  const c = ctx();
  const n = newCounts();
  assert.equal(await ingestArticle(A, c, n), "added");
  assert.equal(await ingestArticle(A, c, n), "skipped");
  assert.equal(await ingestArticle({ ...A, url: "http://news.example.org/a/?utm_source=x" }, c, n), "skipped", "the same URL written otherwise");
  assert.equal(await ingestArticle(B, c, n), "added");
  assert.equal(await ingestArticle({ ...B, id: "b-again" }, c, n), "skipped", "no URL: the same text is the same article");
  assert.deepEqual([n.read, n.added, n.skipped], [5, 2, 3]);
  assert.ok(n.events >= 2);
  assert.equal((await c.store.stats()).articles, 2);
});

test("articles sharing an id get distinct docs, so their events never mix", async () => {
  const c = ctx();
  const n = newCounts();
  await ingestArticle({ ...A, id: "story.txt" }, c, n);
  await ingestArticle({ ...B, id: "story.txt" }, c, n);
  const docs = (await c.store.queryEvents({})).map((r) => r.event.doc);
  assert.ok(docs.includes("story.txt"));
  assert.ok(docs.some((d) => /^story\.txt#[0-9a-f]{8}$/.test(d)), docs.join(" "));
});

test("articles without text are stored but never linked as copies of each other", async () => {
  const c = ctx();
  const n = newCounts();
  await ingestArticle({ id: "e1", url: "https://news.example.org/e1", html: "<html><body><script>track()</script></body></html>" }, c, n);
  await ingestArticle({ id: "e2", url: "https://news.example.org/e2", html: "<html><body></body></html>" }, c, n);
  assert.deepEqual([n.added, n.duplicates], [2, 0]);
  assert.ok(c.problems.some((p) => p.code === "W_NO_TEXT"));
});

test("re-coding with another coder version replaces the events and keeps the old version recorded", async () => {
  const c = ctx();
  const n = newCounts();
  await ingestArticle(A, c, n);
  await ingestArticle(B, c, n);
  assert.notEqual(coder.version, other.version);
  assert.equal(await ingestArticle(A, { ...c, recode: true }, n), "skipped", "same coder: nothing to re-code");
  assert.equal(await ingestArticle(A, { ...c, coder: other }, n), "skipped", "without --recode a stored article stays");
  assert.equal(await ingestArticle(A, { ...c, coder: other, recode: true }, n), "recoded");
  const r = newCounts();
  await recodeStale({ ...c, coder: other }, r);
  assert.deepEqual([r.recoded, r.failed], [1, 0], "only B was left to re-code");
  const st = await c.store.stats();
  assert.deepEqual(st.coderVersions, [{ version: other.version, articles: 2 }]);
  const db = (c.store as ReturnType<typeof openSqliteStore>).db;
  const codings = db.prepare("SELECT coder_version v, replaced_at IS NOT NULL replaced FROM codings ORDER BY rowid").all() as Array<{ v: string; replaced: number }>;
  assert.deepEqual(codings.map((x) => [x.v === coder.version ? "old" : "new", x.replaced]), [["old", 1], ["old", 1], ["new", 0], ["new", 0]]);
});

test("a store that fails is reported with the article's id, counted, and the run goes on", async () => {
  const c = ctx();
  const n = newCounts();
  await c.store.close();
  assert.equal(await ingestArticle(A, c, n), "failed");
  assert.equal(n.failed, 1);
  assert.ok(c.problems.some((p) => p.code === "E_STORE_WRITE" && p.where === "a"), JSON.stringify(c.problems));
});

test("a stream coded in a worker thread stores the same as one coded inline, in input order; repeats in flight are skipped", async () => {
  const items = [A, B, { ...A }, { ...B, id: "b2", text: B.text + " More were detained later." }, { ...A, id: "a", url: "https://news.example.org/a-other", text: "Troops withdrew from the border town of Kidal on Monday." }];
  async function* gen() {
    yield* items;
  }
  const inline = ctx();
  const n1 = newCounts();
  await ingestStream(gen(), inline, n1, { window: 1 });
  const worker = await startWorkerCoder();
  try {
    assert.equal(worker.version, coder.version);
    const w = ctx({ coder: worker });
    const n2 = newCounts();
    await ingestStream(gen(), w, n2, { window: 4 });
    assert.deepEqual(n2, n1);
    assert.deepEqual([n2.read, n2.added, n2.skipped], [5, 4, 1]);
    const docs = async (c: ReturnType<typeof ctx>) => (await c.store.queryEvents({})).map((r) => [r.event.doc, r.event.code, r.event.sentence]);
    assert.deepEqual(await docs(w), await docs(inline));
    assert.ok((await docs(w)).some(([d]) => typeof d === "string" && /^a#[0-9a-f]{8}$/.test(d)), "two articles named a in flight at once get distinct docs");
  } finally {
    await worker.close();
  }
});
