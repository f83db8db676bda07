// sitrep worker as a cluster runs it: real processes on PostgreSQL, one killed with -9 mid-job, one stopped with SIGTERM; every article stored once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "../src/core/paths.js";
import { ingestStream, inlineCoder, keyOf, newCounts } from "../src/ingest/ingest.js";
import { createCoder } from "../src/pipeline/coder.js";
import { jobIdOf } from "../src/queue/pgboss-queue.js";
import { pgQuery, queueTestTarget, type QueueTestTarget } from "../src/queue/pg-for-tests.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { openStoreAt } from "../src/store/open.js";
import { syntheticArticles } from "./fixtures/synthetic-news.js";

const BIN = repoPath("bin/sitrep.js");
const dir = mkdtempSync(join(tmpdir(), "sitrep-worker-"));
const probe = await queueTestTarget("worker");
const skip = "skip" in probe ? probe.skip : false;
if ("skip" in probe) process.stdout.write(`${probe.skip}\n`);
else await probe.drop();

// queue settings at test scale: a lost job expires after 4 s, is looked for every second, retried after 1-2 s
const ENQUEUE_OPTS = ["--job-timeout", "4s", "--retry-delay", "1s", "--retries", "3"];
const WORKER_OPTS = ["--poll", "200ms", "--expiry-check", "1s", "--verbose"];

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A worker process whose stderr is collected, with a way to wait for a line. */
interface Worker {
  child: ChildProcess;
  err: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(re: RegExp, ms: number): Promise<RegExpMatchArray>;
}

function worker(target: QueueTestTarget, args: string[], env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [BIN, "worker", "--db", target.url, ...WORKER_OPTS, ...args], { cwd: dir, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const waiters: Array<() => void> = [];
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (d: string) => {
    err += d;
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on("exit", (code, signal) => r({ code, signal })));
  return {
    child,
    err: () => err,
    exited,
    waitFor(re, ms) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms; stderr:\n${err}`)), ms);
        const check = () => {
          const m = err.match(re);
          if (m) {
            clearTimeout(timer);
            resolve(m);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref())]);
}

const lines = (err: string, verb: "coding" | "stored") => [...err.matchAll(new RegExp(`^${verb} (\\S+?):? `, "gm"))].map((m) => m[1]);

/** Keys a worker began coding and never stored: its jobs in flight when it died or stopped. */
function unfinished(err: string): string[] {
  const stored = new Set(lines(err, "stored"));
  return lines(err, "coding").filter((k) => !stored.has(k));
}

/** Checks the store behind the API: every key once, one coding each (a second write would leave a replaced coding). */
async function storedOnce(t: QueueTestTarget, keys: string[]): Promise<{ events: number }> {
  const store = await openStoreAt(t.url);
  try {
    for (const k of keys) assert.ok(await store.getArticle(k), `${k} is stored`);
    const st = await store.stats();
    assert.equal(st.articles, keys.length, "no article beyond the queued ones");
    const twice = await pgQuery(`SELECT article, count(*)::int AS n FROM ${t.storeSchema}.codings GROUP BY article HAVING count(*) > 1`);
    assert.deepEqual(twice, [], "each article coded and written once");
    return { events: st.events };
  } finally {
    await store.close();
  }
}

async function queueCounts(t: QueueTestTarget) {
  const r = sitrep(["worker", "status", "--json", "--queue-url", t.url]);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as { queued: number; active: number; completed: number; failed: number; dead: number };
}

test("three workers, one killed with -9 while coding: every article is coded and stored exactly once, the lost job by another worker", { skip, timeout: 120_000 }, async () => {
  const t = await queueTestTarget("worker");
  if ("skip" in t) return;
  const workers: Worker[] = [];
  try {
    const arts = syntheticArticles(48, 7);
    const file = join(dir, "kill.jsonl");
    writeFileSync(file, arts.map((a) => JSON.stringify(a)).join("\n") + "\n");
    const q = sitrep(["ingest", file, "--queue", "--db", t.url, ...ENQUEUE_OPTS]);
    assert.equal(q.code, 0, q.err);
    assert.match(q.err, /48 article\(s\) read: 48 queued, 0 already had a job/);
    const keys = arts.map((a) => keyOf(a));

    // the pause between coding and storing keeps jobs in flight long enough to be killed in the middle of one
    const env = { SITREP_WORKER_DELAY_MS: "250" };
    for (let i = 0; i < 3; i++) workers.push(worker(t, ["--once", "--concurrency", "1"], env));
    const [victim, ...others] = workers;
    // killed once it has stored an article and is coding others: mid-backfill, with a job in flight
    await victim.waitFor(/^stored /m, 60_000);
    await until(() => unfinished(victim.err()).length > 0, 10_000, "the victim coding a job");
    const lost = unfinished(victim.err());
    victim.child.kill("SIGKILL");
    assert.equal((await victim.exited).signal, "SIGKILL");
    assert.deepEqual(unfinished(victim.err()), lost);
    assert.ok(lost.length >= 1, "the victim had a job in flight");

    const ends = await within(Promise.all(others.map((w) => w.exited)), 60_000, "the other workers draining the queue");
    for (const [i, e] of ends.entries()) assert.equal(e.code, 0, others[i].err());

    // each key stored once across all three workers' logs, and the victim's lost jobs by the others
    const all = workers.map((w) => w.err()).join("\n");
    const stored = lines(all, "stored");
    assert.equal(stored.length, 48, `48 "stored" lines, got ${stored.length}`);
    assert.deepEqual([...new Set(stored)].sort(), [...keys].sort());
    const survivors = others.map((w) => w.err()).join("\n");
    for (const k of lost) assert.ok(lines(survivors, "stored").includes(k), `${k} (lost by the killed worker) stored by another`);
    for (const k of lost) {
      type Row = { state: string; retry_count: number; output: { status: string } };
      const rows: Row[] = await pgQuery<Row>(`SELECT state::text AS state, retry_count, output FROM ${t.queueSchema}.job WHERE id = $1`, [jobIdOf(k)]);
      const job = rows[0];
      assert.equal(job.state, "completed");
      assert.ok(job.retry_count >= 1, "taken again after it expired");
      assert.equal(job.output.status, "added");
    }

    const { events } = await storedOnce(t, keys);
    // the same articles coded in one process give the same events
    const ref = openSqliteStore(":memory:");
    const counts = newCounts();
    async function* items() {
      yield* arts;
    }
    await ingestStream(items(), { store: ref, coder: inlineCoder(createCoder()), onProblem: () => {} }, counts);
    assert.equal(counts.added, 48);
    assert.equal(events, (await ref.stats()).events, "events as coded in one process");
    await ref.close();

    const c = await queueCounts(t);
    assert.deepEqual({ queued: c.queued, active: c.active, failed: c.failed, dead: c.dead, completed: c.completed }, { queued: 0, active: 0, failed: 0, dead: 0, completed: 48 });
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await t.drop();
  }
});

test("SIGTERM: a worker finishes its job in flight and exits 0; with a short grace it returns the job, which another worker codes", { skip, timeout: 120_000 }, async () => {
  const t = await queueTestTarget("worker");
  if ("skip" in t) return;
  const workers: Worker[] = [];
  try {
    const arts = syntheticArticles(10, 11);
    const file = join(dir, "term.jsonl");
    writeFileSync(file, arts.map((a) => JSON.stringify(a)).join("\n") + "\n");
    const q = sitrep(["ingest", file, "--queue", "--db", t.url, ...ENQUEUE_OPTS]);
    assert.equal(q.code, 0, q.err);

    // A: the default grace (30 s) lets its 1.5 s job finish; B: a 100 ms grace returns its 4 s job
    const a = worker(t, ["--concurrency", "1"], { SITREP_WORKER_DELAY_MS: "1500" });
    const b = worker(t, ["--concurrency", "1", "--grace", "100ms"], { SITREP_WORKER_DELAY_MS: "4000" });
    workers.push(a, b);
    // both in the middle of a job: A's takes 1.5 s, B's 4 s
    await until(() => unfinished(a.err()).length > 0 && unfinished(b.err()).length > 0, 40_000, "both workers coding");
    const [aKey] = unfinished(a.err());
    const [bKey] = unfinished(b.err());
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    const [ea, eb] = await within(Promise.all([a.exited, b.exited]), 20_000, "the workers stopping on SIGTERM");
    assert.equal(ea.code, 0, a.err());
    assert.equal(eb.code, 0, b.err());
    assert.ok(lines(a.err(), "stored").includes(aKey), `A finished ${aKey}:\n${a.err()}`);
    assert.deepEqual(unfinished(a.err()), []);
    assert.deepEqual(unfinished(b.err()), [bKey], "B stopped in the middle of its job");
    assert.match(b.err(), /1 returned to the queue/);

    // a third worker drains the rest, the returned job included
    const c = worker(t, ["--once", "--concurrency", "2"]);
    workers.push(c);
    assert.equal((await within(c.exited, 40_000, "the draining worker")).code, 0, c.err());
    assert.ok(lines(c.err(), "stored").includes(bKey), `the returned job ${bKey} coded by the third worker`);
    const stored = lines(workers.map((w) => w.err()).join("\n"), "stored");
    assert.equal(stored.length, 10);
    await storedOnce(
      t,
      arts.map((x) => keyOf(x)),
    );
    const n = await queueCounts(t);
    assert.deepEqual({ queued: n.queued, active: n.active, dead: n.dead, completed: n.completed }, { queued: 0, active: 0, dead: 0, completed: 10 });
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await t.drop();
  }
});
