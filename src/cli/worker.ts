// sitrep worker: codes queued articles into the store, many processes on many machines; status and dead letters of the queue.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { formatProblem } from "../core/problems.js";
import { newCounts, type IngestCounts } from "../ingest/ingest.js";
import { STORE_KEEPS_UNATTRIBUTED, startCoderPool } from "../ingest/worker-coder.js";
import type { WorkSummary } from "../queue/article-queue.js";
import { PgBossQueue, QUEUE_DEFAULTS } from "../queue/pgboss-queue.js";
import { resolveQueueUrl } from "../queue/queue-url.js";
import { articleWorker } from "../queue/worker.js";
import { dbTarget, openStore, shownTarget } from "./db.js";
import { Progress } from "./progress.js";

const USAGE = `Usage: sitrep worker [options]
       sitrep worker status | dead | retry-dead [--queue-url URL]

Takes articles from the queue (filled by sitrep ingest --queue) and codes them into the store; run as many as
you like, on as many machines as share the PostgreSQL database. Delivery is at least once and the store skips an
article it has, so each article is stored once. SIGTERM or SIGINT: no new jobs, the ones in flight finish (or
go back to the queue after --grace), exit 0. A worker killed with -9 loses nothing: its job expires
(sitrep ingest --queue --job-timeout) and another worker takes it.

Options:
  --concurrency N          articles in flight, each coded in a worker thread (default: one per core)
  --db TARGET              the store: postgres://… or a SQLite file (default: env SITREP_DB, else sitrep.db)
  --queue-url URL          the queue's database (default: env SITREP_QUEUE, else the store's postgres:// URL)
  --once                   work until the queue is empty (nothing queued, retrying or active), then exit
                           (also --exit-when-empty)
  --grace DUR              on SIGTERM/SIGINT, how long the jobs in flight may finish before they are returned
                           to the queue (default 30s; a second signal returns them at once)
  --poll DUR               how often an idle worker asks for jobs (default ${QUEUE_DEFAULTS.pollMs / 1000}s; 200ms, 2s, 1m)
  --expiry-check DUR       how often jobs of dead workers are looked for (default ${QUEUE_DEFAULTS.maintenanceSeconds}s)
  --dict DIR, --no-builtin as for sitrep code
  --verbose                a line per article ("coding <key>", "stored <key>: added, 3 events")
  -h, --help               this text

Subcommands:
  status [--json]          jobs queued, retrying, active, completed, failed, and dead letters
  dead [--limit N]         the dead letters: article, key, attempts and the reason of the last failure
  retry-dead               puts every dead letter's article back in the queue with its retries from zero

Test only: SITREP_WORKER_DELAY_MS pauses each job between coding and storing.
`;

const say = (s: string) => process.stderr.write(`sitrep worker: ${s}\n`);

/** A duration with a unit: 200ms, 30s, 5m, 1h (a bare number is seconds); null when not one. */
function durationMs(s: string | undefined, fallback: number): number | null {
  if (s === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(s.trim());
  if (!m) return null;
  const unit = m[2] === "ms" ? 1 : m[2] === "m" ? 60_000 : m[2] === "h" ? 3_600_000 : 1000;
  return Math.round(+m[1] * unit);
}

function progressLine(c: IngestCounts, s: number): string {
  const done = c.added + c.duplicates + c.skipped + c.recoded;
  return `${done} article(s) done (${c.added} added, ${c.duplicates} near-duplicates, ${c.skipped} already stored), ${c.failed} failed attempt(s), ${c.events} events, ${(done / s).toFixed(1)} articles/s`;
}

export async function runWorker(argv: string[]): Promise<number> {
  const sub = argv[0];
  if (sub === "status" || sub === "dead" || sub === "retry-dead") return runQueueCommand(sub, argv.slice(1));
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        concurrency: { type: "string" },
        db: { type: "string" },
        "queue-url": { type: "string" },
        once: { type: "boolean", default: false },
        "exit-when-empty": { type: "boolean", default: false },
        grace: { type: "string" },
        poll: { type: "string" },
        "expiry-check": { type: "string" },
        dict: { type: "string", multiple: true },
        "no-builtin": { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    say(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const cores = Math.min(16, Math.max(1, availableParallelism()));
  const concurrency = o.concurrency ? Number(o.concurrency) : cores;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    say(`--concurrency takes a whole number from 1 to 64, not "${o.concurrency}"`);
    return 2;
  }
  const graceMs = durationMs(o.grace, 30_000);
  const pollMs = durationMs(o.poll, QUEUE_DEFAULTS.pollMs);
  const checkMs = durationMs(o["expiry-check"], QUEUE_DEFAULTS.maintenanceSeconds * 1000);
  if (graceMs === null || pollMs === null || pollMs < 50 || checkMs === null || checkMs < 1000) {
    say(`--grace, --poll (at least 50ms) and --expiry-check (at least 1s) take durations like 200ms, 30s or 5m`);
    return 2;
  }
  if (o["no-builtin"] && !o.dict?.length) {
    say(`--no-builtin needs dictionaries (--dict DIR)`);
    return 2;
  }
  const delayMs = Number(process.env.SITREP_WORKER_DELAY_MS ?? 0) || 0;
  const target = resolveQueueUrl({ queueUrl: o["queue-url"], db: o.db });
  if ("error" in target) {
    say(target.error.replace("--queue needs", "the queue needs"));
    return 2;
  }
  const store = await openStore(o.db, "worker");
  if (!store) return 1;
  let queue: PgBossQueue;
  try {
    queue = await PgBossQueue.open(target.url, { pollMs, maintenanceSeconds: Math.max(1, Math.round(checkMs / 1000)), poolMax: concurrency + 2, onError: (e) => say(e.message) });
  } catch (e) {
    await store.close();
    say(`the queue at ${shownTarget(target.url)} could not be opened: ${(e as Error).message}`);
    return 1;
  }
  // coding threads: one per job in flight, at most one per core (more jobs than threads wait for a thread while others store)
  const coder = await startCoderPool(Math.min(concurrency, cores), { dicts: o.dict ?? [], builtin: !o["no-builtin"], keepUnattributed: STORE_KEEPS_UNATTRIBUTED });
  for (const p of coder.lexiconProblems) process.stderr.write(formatProblem(p) + "\n");

  const counts = newCounts();
  const progress = new Progress(!!process.stderr.isTTY);
  const log = (line: string) => {
    progress.done();
    process.stderr.write(line + "\n");
  };
  const handler = articleWorker({ store, coder, counts, log, verbose: o.verbose, delayMs });

  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      log(`sitrep worker: ${sig}: taking no more jobs; the ones in flight finish (or go back to the queue in ${graceMs / 1000}s)`);
      void queue.stop({ graceMs });
    } else {
      log(`sitrep worker: ${sig} again: returning the jobs in flight to the queue now`);
      void queue.stop({ graceMs: 0 });
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // a line now and then when stderr is not a terminal (a service's log)
  let lastLine = "";
  const ticker = setInterval(() => {
    const line = progressLine(counts, (Date.now() - progress.t0) / 1000 || 1);
    if (!process.stderr.isTTY && line !== lastLine) process.stderr.write(`sitrep worker: ${line}\n`);
    lastLine = line;
  }, 15_000);
  ticker.unref();

  log(`sitrep worker: ${concurrency} job(s) at a time; queue ${queue.schema} at ${shownTarget(target.url)}; store ${shownTarget(dbTarget(o.db))} (${store.kind})${o.once || o["exit-when-empty"] ? "; until the queue is empty" : ""}`);
  let summary: WorkSummary;
  try {
    summary = await queue.work(handler, {
      concurrency,
      untilEmpty: o.once || o["exit-when-empty"],
      onSettled: (job, outcome, detail) => {
        if (outcome === "failed") log(`sitrep worker: ${job.key} (${job.article.id}) failed on attempt ${job.attempt}: ${detail}`);
        progress.update((s) => progressLine(counts, s));
      },
    });
  } finally {
    clearInterval(ticker);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    progress.done();
    await queue.close();
    await coder.close();
    await store.close();
  }
  const secs = (Date.now() - progress.t0) / 1000;
  say(`${progressLine(counts, secs || 1)}; ${summary.completed} job(s) completed, ${summary.failed} failed, ${summary.returned} returned to the queue, in ${secs.toFixed(1)} s`);
  // a returned job's handler is still running here (a hung coder, a slow write): it must not keep the process alive
  if (summary.returned) process.exit(0);
  return 0;
}

async function runQueueCommand(sub: "status" | "dead" | "retry-dead", argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { "queue-url": { type: "string" }, db: { type: "string" }, json: { type: "boolean", default: false }, limit: { type: "string" }, help: { type: "boolean", short: "h", default: false } } });
  } catch (e) {
    say(`${sub}: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const target = resolveQueueUrl({ queueUrl: o["queue-url"], db: o.db });
  if ("error" in target) {
    say(`${sub}: ${target.error.replace("--queue needs", "the queue needs")}`);
    return 2;
  }
  const limit = o.limit ? Number(o.limit) : 100;
  if (!Number.isInteger(limit) || limit < 1) {
    say(`${sub}: --limit takes a whole number, not "${o.limit}"`);
    return 2;
  }
  let queue: PgBossQueue;
  try {
    queue = await PgBossQueue.open(target.url, { poolMax: 2, onError: (e) => say(e.message) });
  } catch (e) {
    say(`${sub}: the queue at ${shownTarget(target.url)} could not be opened: ${(e as Error).message}`);
    return 1;
  }
  try {
    if (sub === "status") {
      const c = await queue.counts();
      if (o.json) process.stdout.write(JSON.stringify(c) + "\n");
      else process.stdout.write(`queued ${c.queued} (${c.retrying} waiting for a retry), active ${c.active}, completed ${c.completed}, failed ${c.failed}, dead letters ${c.dead}\n`);
    } else if (sub === "dead") {
      for (const d of await queue.deadLetters(limit)) {
        process.stdout.write(o.json ? JSON.stringify(d) + "\n" : `${d.at}  ${d.article}  ${d.key}  attempts ${d.attempts ?? "?"}: ${d.reason}\n`);
      }
    } else {
      const n = await queue.retryDead();
      say(`${n} dead letter(s) back in the queue`);
    }
    return 0;
  } finally {
    await queue.close();
  }
}
