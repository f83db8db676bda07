// npm run bench (second part): ingest speed into SQLite against the bare coder, re-ingest speed, and query time over 1,000,000 events.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CodedEvent } from "../src/core/types.js";
import { createCoder } from "../src/pipeline/coder.js";
import { ingestStream, newCounts } from "../src/ingest/ingest.js";
import { codingWindow, defaultWorkers, startCoderPool } from "../src/ingest/worker-coder.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { contentHash } from "../src/dedup/article-key.js";
import { evaluateWatch } from "../src/monitor/evaluate.js";
import { DEFAULT_THRESHOLDS } from "../src/monitor/watch.js";
import { SHARED, article, sentences } from "./articles.js";

const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, events: { type: "string", default: "1000000" }, workers: { type: "string" } } });
const N = Number(values.articles);
const EVENTS = Number(values.events);

if (!sentences.length) {
  console.log(`no benchmark data found under ${SHARED}`);
  process.exit(1);
}

const mb = (n: number) => (n / 1e6).toFixed(1);
console.log(`\nsitrep ingest bench — ${N} articles of 17 real sentences each (drawn from ${sentences.length} sentences of ../shared/data/news), SQLite in a temporary folder`);

const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
// --articles 0: only the query part
if (N > 0) {
  const coder = createCoder();
  const store = openSqliteStore(join(dir, "ingest.db"));
  const counts = newCounts();
  // as sitrep ingest runs: worker threads code while this thread stores (their start-up is not counted, as the bare coder's is not)
  const WORKERS = values.workers ? Number(values.workers) : defaultWorkers();
  const worker = await startCoderPool(WORKERS);
  const ctx = { store, coder: worker, onProblem: () => {} };
  async function* articles(from: number, to: number) {
    for (let k = from; k < to; k++) yield article(k);
  }
  // the bare coder and the ingest take turns over the same rounds of articles, so that the machine's speed, which
  // drifts by a quarter over minutes here, weighs on both alike
  const ROUNDS = Math.min(10, N);
  let bare = 0;
  let ing = 0;
  let events = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const from = Math.floor((r * N) / ROUNDS);
    const to = Math.floor(((r + 1) * N) / ROUNDS);
    let t0 = performance.now();
    for (let k = from; k < to; k++) events += coder.code(article(k)).events.length;
    bare += (performance.now() - t0) / 1000;
    t0 = performance.now();
    await ingestStream(articles(from, to), ctx, counts, { window: codingWindow(WORKERS) });
    ing += (performance.now() - t0) / 1000;
    console.log(`  round ${r + 1}/${ROUNDS}: ${to} articles stored, bare coder ${(to / bare).toFixed(0)} articles/s, ingest ${(to / ing).toFixed(0)} articles/s`);
  }
  console.log(`bare coder:   ${N} articles, ${events} events in ${bare.toFixed(1)} s — ${(N / bare).toFixed(0)} articles/s (one thread, no store)`);
  console.log(
    `ingest:       ${counts.read} articles (${counts.added} added, ${counts.duplicates} near-duplicates, ${counts.failed} failed), ${counts.events} events in ${ing.toFixed(1)} s with ${WORKERS} coding thread(s) — ` +
      `${(N / ing).toFixed(0)} articles/s, ${((100 * bare) / ing).toFixed(0)}% of the bare coder`,
  );
  const again = newCounts();
  let t0 = performance.now();
  await ingestStream(articles(0, N), ctx, again);
  const re = (performance.now() - t0) / 1000;
  await worker.close();
  console.log(`re-ingest:    ${again.skipped} of ${again.read} skipped as stored in ${re.toFixed(1)} s — ${(N / re).toFixed(0)} articles/s`);
  console.log(`peak RSS so far (the process, workers included): ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  const st = await store.stats();
  console.log(`store:        ${st.articles} articles, ${st.sentences} sentences, ${st.events} events, ${st.clusters} clusters`);
  await store.close();
}

// a store of EVENTS made-up events over 40 countries and two years, then one country and one month queried
const COUNTRIES = ["IRQ", "SYR", "AFG", "UKR", "RUS", "USA", "IRN", "ISR", "PSE", "LBN", "YEM", "SAU", "EGY", "LBY", "SDN", "SSD", "SOM", "ETH", "KEN", "NGA", "MLI", "BFA", "NER", "COD", "CAF", "MOZ", "PAK", "IND", "MMR", "PHL", "CHN", "TUR", "MEX", "COL", "VEN", "BRA", "HTI", "FRA", "GBR", "DEU"];
const ROOTS = ["01", "02", "03", "04", "05", "10", "11", "12", "13", "14", "17", "18", "19", "20"];
const big = openSqliteStore(join(dir, "events.db"));
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const PER = 20;
const t1 = performance.now();
// the fixture is written 500 articles to a transaction (putArticle nests as a savepoint): only the queries are measured
const batch = big.db.transaction((from: number, to: number) => {
for (let a = from; a < to; a++) {
  const evs: CodedEvent[] = [];
  for (let i = 0; i < PER; i++) {
    const c1 = pick(COUNTRIES);
    const c2 = pick(COUNTRIES);
    const root = pick(ROOTS);
    const day = Math.floor(rnd() * 730);
    const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const lat = -40 + rnd() * 90;
    const lon = -120 + rnd() * 240;
    evs.push({
      id: `b${a}-${i}`, doc: `b${a}`, sentence: i, text: `Sentence ${i} of made-up article ${a}.`, date, code: root + "0", root, quad: 1 + Math.floor(rnd() * 4), goldstein: -5,
      plover: { type: "ASSAULT", mode: null }, acled: null,
      source: { text: c1, code: c1 + "GOV", country: c1, sector: "GOV" }, target: { text: c2, code: c2 + "MIL", country: c2, sector: "MIL" },
      location: { name: `place ${a % 997}`, country: c1, admin1: null, lat, lon }, attribution: [], hedged: false, negated: false,
      evidence: { verb: "v", pattern: "p", spans: { source: [0, 1], verb: [2, 3], target: [4, 5] } }, confidence: 0.5,
    });
  }
  const text = evs.map((e) => e.text).join(" ");
  void big.putArticle({
    key: `url:https://bench.example.org/e/${a}`, doc: `b${a}`, url: null, outlet: "Bench", published: evs[0].date, title: null, origin: null,
    raw: { kind: "text", body: text }, clean: text, contentHash: contentHash(text), minhash: null,
    sentences: evs.map((e, i) => ({ index: i, start: 0, end: 1, caption: false, text: e.text })), events: evs, dates: [], coderVersion: "bench", duplicateOf: null,
  });
}
});
for (let a = 0; a < EVENTS / PER; a += 500) batch(a, Math.min(EVENTS / PER, a + 500));
const built = (performance.now() - t1) / 1000;
console.log(`\nquery store:  ${EVENTS} made-up events (${COUNTRIES.length} countries, 2020–2021), written in ${built.toFixed(1)} s in batches (a fixture, not an ingest figure)`);
function timed(label: string, f: () => Promise<number>) {
  return async () => {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      rows = await f();
      ms.push(performance.now() - t);
    }
    ms.sort((x, y) => x - y);
    console.log(`  ${label}: ${rows} rows, median ${ms[3].toFixed(1)} ms, slowest ${ms[6].toFixed(1)} ms (7 runs)`);
  };
}
const month = { country: ["IRQ"], since: "2021-03-01", until: "2021-03-31", limit: 100_000 };
await timed("reports, IRQ, March 2021", async () => (await big.queryEvents(month)).length)();
await timed("clusters, IRQ, March 2021", async () => (await big.queryClusters(month)).length)();
await timed("reports, IRQ, March 2021, roots 18,19", async () => (await big.queryEvents({ ...month, root: ["18", "19"] })).length)();
await timed("reports within 100 km of Baghdad, 2021", async () => (await big.queryEvents({ near: { lat: 33.3, lon: 44.4, km: 100 }, since: "2021-01-01", limit: 100_000 })).length)();
// a watch on one country evaluated as sitrep watch status does: 130 days of its events, the replay, threats, risk dates
const watch = { id: 0, name: "Iraq", place: null, radiusKm: null, countries: ["IRQ"], actor: null, thresholds: DEFAULT_THRESHOLDS, createdAt: "" };
await timed("watch status of a country (IRQ) as of 2021-06-30", async () => (await evaluateWatch(big, watch, "2021-06-30")).status.series.length)();
await big.close();
console.log(`  database file: ${mb(statSync(join(dir, "events.db")).size)} MB`);
rmSync(dir, { recursive: true, force: true });
