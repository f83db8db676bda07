// npm run bench (workers): articles/s of 1, 2 and 4 `sitrep worker` processes draining a PostgreSQL queue into a PostgreSQL store, and the enqueue rate.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { repoPath } from "../src/core/paths.js";
import { PgBossQueue } from "../src/queue/pgboss-queue.js";
import { openStoreAt } from "../src/store/open.js";
import { SHARED, article, sentences } from "./articles.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "3000" },
    procs: { type: "string", default: "1,2,4" },
    concurrency: { type: "string", default: "1" },
    pg: { type: "string" },
  },
});
const N = Number(values.articles);
const PROCS = values.procs.split(",").map(Number);
const CONC = Number(values.concurrency);
const BASE = values.pg ?? process.env.SITREP_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const BIN = repoPath("bin/sitrep.js");

if (!sentences.length) {
  console.log(`no benchmark data found under ${SHARED}`);
  process.exit(1);
}
const admin = new pg.Client({ connectionString: BASE });
try {
  await admin.connect();
} catch (e) {
  console.log(`PostgreSQL not reachable at ${BASE} (${(e as Error).message}); give --pg URL or SITREP_TEST_PG`);
  process.exit(1);
}

const stamp = Date.now().toString(36);
const schemas: string[] = [];
function target(tag: string): string {
  const schema = `sitrep_bench_${stamp}_${tag}`;
  schemas.push(schema, `${schema}_queue`);
  const u = new URL(BASE);
  u.searchParams.set("schema", schema);
  return u.toString();
}
const articles = Array.from({ length: N }, (_, k) => article(k));
const quiet = { onError: (e: Error) => process.stderr.write(`queue: ${e.message}\n`), pollMs: 200, maintenanceSeconds: 5 };

async function enqueueAll(q: PgBossQueue): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < N; i += 500) await q.enqueue(articles.slice(i, i + 500));
  return (performance.now() - t0) / 1000;
}

console.log(`\nsitrep workers bench — ${N} articles of 17 real sentences (../shared/data/news), queue and store in PostgreSQL (${new URL(BASE).host}), ${availableParallelism()} cores, --concurrency ${CONC} per worker process`);
try {
  // the enqueue rate, with no worker running
  {
    const q = await PgBossQueue.open(target("enqueue"), quiet);
    const secs = await enqueueAll(q);
    console.log(`enqueue:      ${N} articles in ${secs.toFixed(2)} s — ${(N / secs).toFixed(0)} articles/s (batches of 500, one INSERT each)`);
    await q.close();
  }
  const rates: number[] = [];
  for (const p of PROCS) {
    const url = target(`p${p}`);
    // the store's tables made once, before the workers race to make them
    await (await openStoreAt(url)).close();
    const q = await PgBossQueue.open(url, quiet);
    // workers start against the empty queue: their start-up (lexicons) is not counted
    const workers: ChildProcess[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < p; i++) {
      const w = spawn(process.execPath, [BIN, "worker", "--db", url, "--concurrency", String(CONC), "--poll", "200ms"], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      ready.push(
        new Promise((resolve, reject) => {
          w.stderr!.on("data", (d) => {
            err += d;
            if (/job\(s\) at a time/.test(err)) resolve();
          });
          w.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${err}`)));
        }),
      );
      workers.push(w);
    }
    await Promise.all(ready);
    const t0 = performance.now();
    await enqueueAll(q);
    for (;;) {
      const c = await q.counts();
      if (c.completed + c.failed >= N) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const secs = (performance.now() - t0) / 1000;
    const exits = workers.map((w) => new Promise((r) => w.on("exit", r)));
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(exits);
    const c = await q.counts();
    await q.close();
    const store = await openStoreAt(url);
    const st = await store.stats();
    await store.close();
    rates.push(N / secs);
    console.log(
      `${p} worker process(es): ${N} articles in ${secs.toFixed(1)} s — ${(N / secs).toFixed(1)} articles/s, ${(N / secs / rates[0]).toFixed(2)}× of 1 process` +
        ` (store: ${st.articles} articles, ${st.events} events; queue: ${c.completed} completed, ${c.failed} failed, ${c.dead} dead)`,
    );
  }
  console.log(
    `On ${availableParallelism()} cores a worker process with --concurrency ${CONC} codes on ${CONC} thread(s) while its main thread stores: ` +
      `processes beyond the cores share them (and PostgreSQL's own work), so the figure levels off there; on more machines it adds up.`,
  );
} finally {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
}
