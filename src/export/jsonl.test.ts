import { test } from "node:test";
import assert from "node:assert/strict";
import { AWKWARD_TEXT, attack, awkward, collector, from, ROWS } from "./fixtures.js";
import { jsonl } from "./jsonl.js";

async function records(): Promise<{ text: string; parsed: Record<string, unknown>[] }> {
  const c = collector();
  const r = await jsonl.write(from(ROWS), c.out);
  assert.equal(r.rows, ROWS.length);
  const text = c.text();
  return { text, parsed: text.trimEnd().split("\n").map((l) => JSON.parse(l)) };
}

test("JSONL: one line per event, the event record plus article and cluster", async () => {
  const { text, parsed } = await records();
  assert.equal(text.split("\n").length, ROWS.length + 1);
  assert.deepEqual(parsed[0], {
    ...attack.event,
    article: { doc: "reuters-2024-03-05-mosul", url: "https://example.org/mosul", outlet: "Reuters", published: "2024-03-05T14:30:00Z", origin: "Reuters" },
    cluster: { id: 7, reports: 3, outlets: 2, sources: 1 },
  });
  // the record's own keys first, in the record's order
  assert.deepEqual(Object.keys(parsed[0]).slice(0, 5), ["id", "doc", "sentence", "text", "date"]);
  assert.deepEqual(Object.keys(parsed[0]).slice(-2), ["article", "cluster"]);
});

test("JSONL: no cluster is null; nulls and awkward text survive", async () => {
  const { parsed } = await records();
  const w = parsed[3];
  assert.equal(w.cluster, null);
  assert.equal(w.location, null);
  assert.equal(w.date, null);
  assert.equal(w.text, AWKWARD_TEXT);
  assert.deepEqual(w.article, { doc: "pasted\t1", url: null, outlet: null, published: null, origin: null });
  assert.deepEqual(w.target, awkward.event.target);
});

test("JSONL: a bare cluster id without figures keeps the id", async () => {
  const c = collector();
  await jsonl.write(from([{ ...attack, clusterInfo: null }]), c.out);
  assert.deepEqual(JSON.parse(c.text()).cluster, { id: 7, reports: null, outlets: null, sources: null });
});
