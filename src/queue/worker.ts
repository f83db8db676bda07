// The coding worker's job handler: plan, code and store one queued article through the ingest path; an article already stored completes as skipped.
import { setTimeout as sleep } from "node:timers/promises";
import { formatProblem, problem, type Problem } from "../core/problems.js";
import { planArticle, storeArticle, type ArticleCoder, type IngestContext, type IngestCounts } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import type { ArticleJob, JobHandler, JobResult } from "./article-queue.js";

export interface ArticleWorkerOptions {
  store: Store;
  coder: ArticleCoder;
  /** Tallies of this process (read, added, duplicates, skipped, failed, events). */
  counts: IngestCounts;
  /** One line to stderr. */
  log(line: string): void;
  /** A line per article ("coding <key>", "stored <key>: added, 3 events"). */
  verbose?: boolean;
  /** Test only: a pause between coding and storing, so that a test can kill a worker with a job in flight. */
  delayMs?: number;
}

/** Why a job failed, from the errors its article raised (the dead letter's reason). */
function reasonOf(problems: Problem[], fallback: string): string {
  const errors = problems.filter((p) => p.code.startsWith("E_"));
  return errors.length ? errors.map(formatProblem).join("; ") : fallback;
}

/**
 * A job handler over the ingest functions. Delivery is at least once (a job whose worker died is run again):
 * the store's key makes it effectively once, since an article stored under its key (same coder version, or
 * any version without re-coding) is skipped, and a job that fails throws so that the queue retries it.
 */
export function articleWorker(o: ArticleWorkerOptions): JobHandler {
  const { store, coder, counts, log } = o;
  return async (job: ArticleJob): Promise<JobResult> => {
    const problems: Problem[] = [];
    const ctx: IngestContext = {
      store,
      coder,
      onProblem: (p) => {
        problems.push(p);
        log(formatProblem(p));
      },
    };
    // per job: the queue never hands one key to two slots at once (one job per key)
    const inFlight = { keys: new Set<string>(), docs: new Set<string>() };
    const p = await planArticle(job.article, ctx, counts, inFlight, job.key);
    if (p === "skipped") {
      if (o.verbose) log(`skipped ${job.key}: already stored`);
      return { status: "skipped" };
    }
    if (p === "failed") throw new Error(reasonOf(problems, `${job.article.id}: could not be planned`));
    if (o.verbose) log(`coding ${job.key} (${p.article.id})${job.attempt > 1 ? `, attempt ${job.attempt}` : ""}`);
    let coded;
    try {
      coded = await coder.code(p.article);
    } catch (e) {
      counts.failed++;
      const x = problem("E_PIPELINE", p.article.id, (e as Error).message);
      ctx.onProblem(x);
      throw new Error(formatProblem(x));
    }
    if (o.delayMs) await sleep(o.delayMs);
    // a job that outlived its expiry was handed to another worker, which may have stored it meanwhile
    if (await store.getArticle(job.key)) {
      counts.skipped++;
      if (o.verbose) log(`skipped ${job.key}: stored by another worker meanwhile`);
      return { status: "skipped" };
    }
    const status = await storeArticle(p, coded, ctx, counts);
    if (status === "failed") throw new Error(reasonOf(problems, `${p.article.id}: could not be stored`));
    if (o.verbose) log(`stored ${job.key}: ${status}, ${status === "duplicate" ? 0 : coded.events.length} events`);
    return { status, events: status === "duplicate" ? 0 : coded.events.length };
  };
}
