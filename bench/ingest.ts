// npm run bench (second part): ingest speed into SQLite against the bare coder, re-ingest speed, and query time over 1,000,000 events.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCoder } from "../src/pipeline/coder.js";
import { INGEST_GROUPING, ingestStream, newCounts } from "../src/ingest/ingest.js";
import { codingWindow, defaultWorkers, startCoderPool } from "../src/ingest/worker-coder.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { evaluateWatch } from "../src/monitor/evaluate.js";
import { DEFAULT_THRESHOLDS } from "../src/monitor/watch.js";
import { SHARED, article, sentences } from "./articles.js";
import { COUNTRIES, keptEventFixture } from "./event-fixture.js";

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
  // commits grouped as sitrep ingest groups them (the round's last group committed inside its time)
  store.groupCommits(INGEST_GROUPING);
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
    await store.flush();
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
  await store.flush();
  const re = (performance.now() - t0) / 1000;
  await worker.close();
  console.log(`re-ingest:    ${again.skipped} of ${again.read} skipped as stored in ${re.toFixed(1)} s — ${(N / re).toFixed(0)} articles/s`);
  console.log(`peak RSS so far (the process, workers included): ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  const st = await store.stats();
  console.log(`store:        ${st.articles} articles, ${st.sentences} sentences, ${st.events} events, ${st.clusters} clusters`);
  await store.close();
}

// a store of EVENTS made-up events over 40 countries and two years (kept between runs), then one country and one month queried
console.log(`\nquery store:  ${EVENTS} made-up events (${COUNTRIES.length} countries, 2020–2021; a fixture, not an ingest figure)`);
const bigPath = await keptEventFixture(EVENTS, console.log);
const big = openSqliteStore(bigPath);
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
console.log(`  database file: ${mb(statSync(bigPath).size)} MB`);
rmSync(dir, { recursive: true, force: true });
