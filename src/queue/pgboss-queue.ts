// The ArticleQueue on pg-boss (PostgreSQL): SKIP LOCKED delivery, retries with backoff, a dead-letter queue, expiry of jobs whose worker died.
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import type { Article } from "../core/types.js";
import { keyOf } from "../ingest/ingest.js";
import type { ArticleJob, ArticleQueue, DeadLetter, JobHandler, JobResult, QueueCounts, WorkOptions, WorkSummary } from "./article-queue.js";
import { queueTarget } from "./queue-url.js";

export const QUEUE_NAME = "sitrep.articles";

export interface PgBossQueueOptions {
  /** Queue name; the dead letters go to `<name>.dead`. */
  name?: string;
  /** pg-boss schema; by default from the URL (see queueTarget). */
  schema?: string;
  /** Retries after the first attempt before a job becomes a dead letter. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled for each further one, with jitter (retryBackoff). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A job still active this long after it was taken is failed and retried: how a worker killed with -9 loses nothing. */
  expireInSeconds?: number;
  /** How often an idle worker asks for jobs. */
  pollMs?: number;
  /** How often expired jobs are looked for (pg-boss maintenance; one process in the cluster does it each time). */
  maintenanceSeconds?: number;
  /** Connections this process keeps to PostgreSQL for the queue. */
  poolMax?: number;
  onError?(e: Error): void;
}

export const QUEUE_DEFAULTS = {
  retryLimit: 4,
  retryDelaySeconds: 30,
  retryBackoff: true,
  // coding an article takes well under a second: ten minutes is only ever reached by a dead or stuck worker
  expireInSeconds: 600,
  pollMs: 2000,
  maintenanceSeconds: 30,
} as const;

interface JobData {
  key: string;
  article: Article;
}

/** The job id of an article key: one job per key, so that enqueuing the same article again is not a second job. */
export function jobIdOf(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  // laid out as a version-5-style UUID (pg-boss ids are uuid)
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// PostgreSQL text cannot hold NUL characters
const NUL = /\u0000/g;
function storable(a: Article): Article {
  const out: Article = { ...a };
  if (out.text !== undefined) out.text = out.text.replace(NUL, "");
  if (out.html !== undefined) out.html = out.html.replace(NUL, "");
  return out;
}

export class PgBossQueue implements ArticleQueue {
  readonly name: string;
  readonly dead: string;
  readonly schema: string;
  private readonly settings: Required<Omit<PgBossQueueOptions, "name" | "schema" | "poolMax" | "onError">>;
  private readonly onError: (e: Error) => void;
  private readonly worker = `${hostname()}:${process.pid}`;
  private stopping: AbortController | null = null;
  private working: Promise<WorkSummary> | null = null;
  private graceMs = 0;
  /** Ends the grace early (a second stop()). */
  private hurry: (() => void) | null = null;
  private readonly inFlight = new Map<string, { job: ArticleJob; settled: Promise<void>; returned: boolean }>();

  private constructor(
    private readonly boss: PgBoss,
    schema: string,
    opts: PgBossQueueOptions,
  ) {
    this.name = opts.name ?? QUEUE_NAME;
    this.dead = `${this.name}.dead`;
    this.schema = schema;
    this.settings = {
      retryLimit: opts.retryLimit ?? QUEUE_DEFAULTS.retryLimit,
      retryDelaySeconds: opts.retryDelaySeconds ?? QUEUE_DEFAULTS.retryDelaySeconds,
      retryBackoff: opts.retryBackoff ?? QUEUE_DEFAULTS.retryBackoff,
      expireInSeconds: opts.expireInSeconds ?? QUEUE_DEFAULTS.expireInSeconds,
      pollMs: opts.pollMs ?? QUEUE_DEFAULTS.pollMs,
      maintenanceSeconds: opts.maintenanceSeconds ?? QUEUE_DEFAULTS.maintenanceSeconds,
    };
    this.onError = opts.onError ?? ((e) => process.stderr.write(`sitrep queue: ${e.message}\n`));
  }

  /** Connects, creates pg-boss's schema and the two queues when missing, and starts the expiry of lost jobs. */
  static async open(url: string, opts: PgBossQueueOptions = {}): Promise<PgBossQueue> {
    const t = queueTarget(url);
    const schema = opts.schema ?? t.schema;
    const maintenance = opts.maintenanceSeconds ?? QUEUE_DEFAULTS.maintenanceSeconds;
    const boss = new PgBoss({
      connectionString: t.connectionString,
      schema,
      max: opts.poolMax ?? 4,
      application_name: "sitrep",
      // no cron schedules: no timekeeper polling
      schedule: false,
      supervise: true,
      migrate: true,
      maintenanceIntervalSeconds: maintenance,
      // completed jobs (they hold the article's text) leave the job table after an hour, dead ones after a week
      archiveCompletedAfterSeconds: 3600,
      archiveFailedAfterSeconds: 7 * 86_400,
      deleteAfterDays: 7,
    });
    const q = new PgBossQueue(boss, schema, opts);
    boss.on("error", (e: Error) => q.onError(e));
    await boss.start();
    await q.ensureQueues();
    return q;
  }

  private async ensureQueues(): Promise<void> {
    const s = this.settings;
    for (const [name, deadLetter] of [[this.dead, undefined], [this.name, this.dead]] as const) {
      if (await this.boss.getQueue(name)) continue;
      try {
        await this.boss.createQueue(name, {
          name,
          policy: "standard",
          retryLimit: s.retryLimit,
          retryDelay: s.retryDelaySeconds,
          retryBackoff: s.retryBackoff,
          expireInSeconds: s.expireInSeconds,
          // a backfill may wait in the queue for months: not archived while it waits
          retentionMinutes: 366 * 24 * 60,
          ...(deadLetter ? { deadLetter } : {}),
        } as PgBoss.Queue);
      } catch (e) {
        // another process created it at the same moment
        if (!(await this.boss.getQueue(name))) throw e;
      }
    }
  }

  private sql<T = Record<string, unknown>>(text: string, values: unknown[]): Promise<{ rows: T[] }> {
    return this.boss.getDb().executeSql(text, values) as Promise<{ rows: T[] }>;
  }

  async enqueue(articles: readonly Article[]): Promise<{ queued: number; already: number }> {
    const byId = new Map<string, JobData>();
    for (const a of articles) {
      const article = storable(a);
      const key = keyOf(article);
      byId.set(jobIdOf(key), { key, article });
    }
    if (!byId.size) return { queued: 0, already: 0 };
    // counted for the report only: the insert itself skips ids that exist (ON CONFLICT DO NOTHING)
    const { rows } = await this.sql<{ id: string }>(`SELECT id::text AS id FROM ${this.schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`, [this.name, [...byId.keys()]]);
    const present = new Set(rows.map((r) => r.id));
    const s = this.settings;
    const fresh = [...byId].filter(([id]) => !present.has(id));
    if (fresh.length) {
      await this.boss.insert(
        fresh.map(([id, data]) => ({
          id,
          name: this.name,
          data,
          retryLimit: s.retryLimit,
          retryDelay: s.retryDelaySeconds,
          retryBackoff: s.retryBackoff,
          expireInSeconds: s.expireInSeconds,
          deadLetter: this.dead,
        })),
      );
    }
    return { queued: fresh.length, already: articles.length - fresh.length };
  }

  work(handler: JobHandler, opts: WorkOptions): Promise<WorkSummary> {
    if (this.working) throw new Error("this queue is already being worked");
    this.stopping = new AbortController();
    this.working = this.loop(handler, opts, this.stopping.signal).finally(() => {
      this.working = null;
    });
    return this.working;
  }

  private async loop(handler: JobHandler, opts: WorkOptions, stop: AbortSignal): Promise<WorkSummary> {
    const summary: WorkSummary = { completed: 0, failed: 0, returned: 0 };
    const concurrency = Math.max(1, opts.concurrency);
    // a pause that ends early on stop() or when one of `also` settles, and then leaves no timer behind
    const nap = async (ms: number, also: Promise<unknown>[] = []) => {
      const ac = new AbortController();
      const onStop = () => ac.abort();
      stop.addEventListener("abort", onStop, { once: true });
      try {
        await Promise.race([sleep(ms, undefined, { signal: ac.signal }).catch(() => {}), ...also]);
      } finally {
        ac.abort();
        stop.removeEventListener("abort", onStop);
      }
    };
    while (!stop.aborted) {
      const free = concurrency - this.inFlight.size;
      const running = [...this.inFlight.values()].map((f) => f.settled);
      if (free <= 0) {
        await nap(60_000, running);
        continue;
      }
      // one fetch for all free slots: FOR UPDATE SKIP LOCKED hands each job to one worker only
      const jobs = await this.boss.fetch<JobData>(this.name, { batchSize: free, includeMetadata: true });
      if (stop.aborted) {
        // taken just as we stopped: straight back
        for (const j of jobs) await this.giveBack(j.id, "the worker stopped before it began");
        summary.returned += jobs.length;
        break;
      }
      for (const j of jobs) {
        const job: ArticleJob = { id: j.id, key: j.data.key, article: j.data.article, attempt: (j.retryCount ?? 0) + 1 };
        this.start(job, handler, opts, summary);
      }
      if (jobs.length) continue;
      if (this.inFlight.size) {
        await nap(this.settings.pollMs, running);
        continue;
      }
      if (opts.untilEmpty) {
        try {
          const c = await this.counts();
          if (c.queued + c.active === 0) break;
        } catch (e) {
          this.onError(e as Error);
        }
      }
      await nap(this.settings.pollMs);
    }
    await this.settleInFlight(summary);
    return summary;
  }

  private start(job: ArticleJob, handler: JobHandler, opts: WorkOptions, summary: WorkSummary): void {
    const entry = { job, returned: false, settled: Promise.resolve() };
    entry.settled = (async () => {
      let outcome: { ok: true; result: JobResult } | { ok: false; reason: string };
      try {
        outcome = { ok: true, result: await handler(job) };
      } catch (e) {
        outcome = { ok: false, reason: (e as Error).message ?? String(e) };
      }
      // returned by stop() while it ran: the queue has it again, whatever happened here
      if (entry.returned) return;
      try {
        if (outcome.ok) {
          await this.boss.complete(this.name, job.id, outcome.result as object);
          summary.completed++;
          opts.onSettled?.(job, "completed", outcome.result);
        } else {
          await this.boss.fail(this.name, job.id, { message: outcome.reason, attempt: job.attempt, worker: this.worker });
          summary.failed++;
          opts.onSettled?.(job, "failed", outcome.reason);
        }
      } catch (e) {
        // the job stays active and expires: another worker takes it, the store skips it if it was stored
        this.onError(new Error(`job ${job.key} could not be marked ${outcome.ok ? "completed" : "failed"}: ${(e as Error).message}`));
      }
    })().finally(() => {
      this.inFlight.delete(job.id);
    });
    this.inFlight.set(job.id, entry);
  }

  /** Waits for the jobs in flight, for the grace stop() gave; returns the rest to the queue. */
  private async settleInFlight(summary: WorkSummary): Promise<void> {
    if (!this.inFlight.size) return;
    const all = Promise.all([...this.inFlight.values()].map((f) => f.settled));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((r) => ((timer = setTimeout(r, this.graceMs)), (this.hurry = r)))]);
    clearTimeout(timer);
    this.hurry = null;
    for (const f of this.inFlight.values()) {
      f.returned = true;
      await this.giveBack(f.job.id, "the worker stopped before it finished");
      summary.returned++;
      this.inFlight.delete(f.job.id);
    }
  }

  /**
   * Returns a job taken by this worker. pg-boss 10 has no "release": failing it puts it back in the queue after
   * the retry delay (and counts one attempt), atomically, as pg-boss's own stop() does with jobs in flight.
   */
  private async giveBack(id: string, why: string): Promise<void> {
    try {
      await this.boss.fail(this.name, id, { message: `returned to the queue: ${why}`, worker: this.worker });
    } catch (e) {
      this.onError(new Error(`job ${id} could not be returned (it will expire and be retried): ${(e as Error).message}`));
    }
  }

  async stop(opts: { graceMs?: number } = {}): Promise<void> {
    this.graceMs = opts.graceMs ?? 30_000;
    this.stopping?.abort();
    // already waiting for the jobs in flight: a shorter grace ends the wait now
    if (this.graceMs === 0) this.hurry?.();
    if (this.working) await this.working.catch(() => {});
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.sql<{ name: string; state: string; n: number }>(
      `SELECT name, state::text AS state, count(*)::int AS n FROM ${this.schema}.job WHERE name = ANY($1::text[]) GROUP BY name, state`,
      [[this.name, this.dead]],
    );
    const c: QueueCounts = { queued: 0, retrying: 0, active: 0, completed: 0, failed: 0, dead: 0 };
    for (const r of rows) {
      if (r.name === this.dead) {
        if (r.state === "created" || r.state === "retry") c.dead += r.n;
        continue;
      }
      if (r.state === "created") c.queued += r.n;
      else if (r.state === "retry") {
        c.queued += r.n;
        c.retrying += r.n;
      } else if (r.state === "active") c.active += r.n;
      else if (r.state === "completed") c.completed += r.n;
      else if (r.state === "failed") c.failed += r.n;
    }
    return c;
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.sql<{ id: string; data: JobData; output: { message?: string; attempt?: number } | null; created_on: Date }>(
      `SELECT id::text AS id, data, output, created_on FROM ${this.schema}.job WHERE name = $1 AND state < 'active' ORDER BY created_on, id LIMIT $2`,
      [this.dead, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      key: r.data.key,
      article: r.data.article?.id ?? r.data.key,
      reason: r.output?.message ?? "no reason recorded",
      attempts: r.output?.attempt ?? null,
      at: new Date(r.created_on).toISOString(),
    }));
  }

  async retryDead(): Promise<number> {
    let n = 0;
    for (;;) {
      const batch = await this.deadLetters(200);
      if (!batch.length) return n;
      for (const d of batch) {
        const { rows } = await this.sql<{ data: JobData }>(`SELECT data FROM ${this.schema}.job WHERE name = $1 AND id = $2`, [this.dead, d.id]);
        if (!rows.length) continue;
        const id = jobIdOf(d.key);
        const original = await this.boss.getJobById(this.name, id);
        // the failed original holds the article's job id: removed, then the article is queued again with full retries
        if (original?.state === "failed") await this.boss.deleteJob(this.name, id);
        if (!original || original.state === "failed") {
          const s = this.settings;
          await this.boss.insert([
            { id, name: this.name, data: rows[0].data, retryLimit: s.retryLimit, retryDelay: s.retryDelaySeconds, retryBackoff: s.retryBackoff, expireInSeconds: s.expireInSeconds, deadLetter: this.dead },
          ]);
        }
        // the dead letter goes last: a crash before this line leaves it to be retried again, harmlessly
        await this.boss.deleteJob(this.dead, d.id);
        n++;
      }
    }
  }

  async close(): Promise<void> {
    await this.stop({ graceMs: 0 });
    await this.boss.stop({ graceful: false, close: true });
  }
}
