// The ArticleQueue boundary: articles waiting to be coded, worked by many processes on many machines, with retries and dead letters.
import type { Article } from "../core/types.js";

/** One article to code, as a worker receives it. */
export interface ArticleJob {
  /** The queue's id of the job (derived from the key: one job per article key). */
  id: string;
  /** The store key of the article (`keyOf`): what makes a second delivery a no-op. */
  key: string;
  article: Article;
  /** 1 on the first delivery, 2 on the first retry, ... */
  attempt: number;
}

/** What a handler reports for a job done; kept with the completed job. */
export interface JobResult {
  status: string;
  events?: number;
}

/**
 * Works one job. Resolving completes the job; throwing fails it: retried with backoff, then a dead letter
 * that keeps the error's message as the reason. The handler may run twice for one article (at-least-once):
 * it must be idempotent.
 */
export type JobHandler = (job: ArticleJob) => Promise<JobResult>;

export interface WorkOptions {
  /** Jobs in flight at once in this process. */
  concurrency: number;
  /** Return once no job is queued, retrying or active anywhere (a backfill's end), instead of polling on. */
  untilEmpty?: boolean;
  /** Called when a job is completed, failed or returned. */
  onSettled?(job: ArticleJob, outcome: "completed" | "failed" | "returned", detail: JobResult | string): void;
}

export interface WorkSummary {
  completed: number;
  failed: number;
  /** Jobs given back to the queue because stop()'s grace ran out before they finished. */
  returned: number;
}

export interface QueueCounts {
  /** Waiting for a worker: new, or failed and waiting for their retry. */
  queued: number;
  /** Of the queued, those waiting for a retry. */
  retrying: number;
  /** Taken by a worker and not finished (a worker killed with -9 keeps a job here until it expires). */
  active: number;
  completed: number;
  /** Out of retries (each has a dead letter until it is retried). */
  failed: number;
  /** Dead letters waiting for `retryDead`. */
  dead: number;
}

export interface DeadLetter {
  id: string;
  key: string;
  /** The article's id (file name, record id or URL). */
  article: string;
  /** The last failure: the error of the last attempt, or why the job was returned. */
  reason: string;
  attempts: number | null;
  at: string;
}

export interface ArticleQueue {
  /** The queue's name (one queue per database schema). */
  readonly name: string;
  /**
   * Adds articles, one job per article key. A key already queued, active, recently completed or dead is not a
   * second job (`already`); a key long completed becomes a new job that the worker completes as stored.
   */
  enqueue(articles: readonly Article[]): Promise<{ queued: number; already: number }>;
  /** Takes jobs and runs the handler, `concurrency` at a time, until stop() (or, with untilEmpty, until drained). */
  work(handler: JobHandler, opts: WorkOptions): Promise<WorkSummary>;
  /**
   * Stops taking jobs and lets the ones in flight finish for up to `graceMs`; those still running then are
   * returned to the queue (for another worker) and work() resolves.
   */
  stop(opts?: { graceMs?: number }): Promise<void>;
  counts(): Promise<QueueCounts>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Puts the dead letters' articles back in the queue with their retries from zero; returns how many. */
  retryDead(): Promise<number>;
  /** Stops (without grace) and closes the connections. */
  close(): Promise<void>;
}
