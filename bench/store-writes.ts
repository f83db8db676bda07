// Diagnostic: the cost of storing coded articles as the store grows (no coding in the timed part), with pragmas to compare.
// node dist/bench/store-writes.js --articles 60000 [--distinct 3000] [--pragma "synchronous=OFF" ...]
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CodedEvent } from "../src/core/types.js";
import { contentHash } from "../src/dedup/article-key.js";
import { K, mix } from "../src/dedup/minhash.js";
import type { CodedArticle } from "../src/ingest/ingest.js";
import { startCoderPool } from "../src/ingest/worker-coder.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { article } from "./articles.js";

const { values } = parseArgs({ options: { articles: { type: "string", default: "60000" }, distinct: { type: "string", default: "3000" }, chunk: { type: "string", default: "5000" }, group: { type: "string", default: "1" }, pragma: { type: "string", multiple: true, default: [] }, sql: { type: "string", multiple: true, default: [] } } });
const N = Number(values.articles);
const D = Number(values.distinct);
const CHUNK = Number(values.chunk);
const GROUP = Number(values.group);

const pool = await startCoderPool(2);
const coded: CodedArticle[] = await Promise.all(Array.from({ length: D }, (_, k) => pool.code(article(k))));
await pool.close();
console.log(`coded ${D} distinct articles, ${coded.reduce((n, c) => n + c.events.length, 0)} events`);

const dir = mkdtempSync(join(tmpdir(), "sitrep-store-"));
const store = openSqliteStore(join(dir, "w.db"));
for (const p of values.pragma as string[]) store.db.pragma(p);
for (const q of values.sql as string[]) store.db.exec(q);
const shift = (d: string | null, days: number) => (d ? new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10) : d);
let t0 = performance.now();
let tChunk = t0;
for (let k = 0; k < N; k++) {
  const c = coded[k % D];
  const days = (mix(k) % 2000) - 1000;
  const doc = `w-${k}`;
  const events: CodedEvent[] = c.events.map((e) => ({ ...e, id: `${e.id}#${k}`, doc, date: shift(e.date, days) }));
  const sig = new Uint32Array(K).map((_, i) => mix(k * K + i + 1));
  const hash = contentHash(`${k}:${c.clean}`);
  if (GROUP > 1 && k % GROUP === 0) store.db.prepare("BEGIN IMMEDIATE").run();
  await store.findDuplicate(hash, sig);
  await store.putArticle({
    key: `url:https://w.example.org/${k}`, doc, url: `https://w.example.org/${k}`, outlet: ["A", "B", "C"][k % 3], published: shift(c.published, days), title: null, origin: null,
    raw: { kind: "text", body: c.clean }, clean: c.clean, contentHash: hash, minhash: sig,
    sentences: c.sentences.map((s) => ({ ...s, text: c.clean.slice(s.start, s.end) })), events, dates: c.dates, coderVersion: "w", duplicateOf: null,
  });
  if (GROUP > 1 && (k + 1) % GROUP === 0) store.db.prepare("COMMIT").run();
  if ((k + 1) % CHUNK === 0) {
    const now = performance.now();
    console.log(`${k + 1} articles: ${((now - tChunk) / CHUNK).toFixed(2)} ms/article in the last ${CHUNK}, db ${(statSync(join(dir, "w.db")).size / 1e6).toFixed(0)} MB`);
    tChunk = now;
  }
}
console.log(`total ${((performance.now() - t0) / N).toFixed(2)} ms/article over ${N}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
