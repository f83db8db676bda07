// Polls feeds, each on its own schedule, with conditional GET and backoff; one failing feed never stops the others.
import { problem, SitrepError, type Problem } from "../core/problems.js";
import { parseFeed, type ParsedFeed } from "./feed.js";
import { fetchUrl, type FetchOptions } from "./http-fetch.js";

export { fetchArticlePage, type ArticleFetchOptions } from "./http-fetch.js";

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Consecutive failures; 0 after a success. */
  failures: number;
  lastError: string | null;
  /** ISO date-time of the last successful poll (200 or 304). */
  lastOk: string | null;
  /** Epoch ms when the feed is next due. */
  nextDue: number;
}

export interface FeedStateStore {
  getFeedState(url: string): Promise<FeedState | null>;
  putFeedState(s: FeedState): Promise<void>;
}

export interface PollerOptions {
  feeds: Array<{ url: string; everyMs: number }>;
  state: FeedStateStore;
  /** Called with the items of one feed (the caller stores them and skips those it has). Resolve when stored. */
  onItems(feedUrl: string, feed: ParsedFeed): Promise<void>;
  /** Failures and retry notices (W_FEED_RETRY) are reported here, never thrown. */
  onProblem(p: Problem): void;
  /** Passed to every fetch (allowPrivate, timeouts, caps). */
  fetch?: FetchOptions;
  /** Longest wait before a failed feed is tried again; default 6 h. */
  maxBackoffMs?: number;
  /** Stops the loop and aborts fetches under way. */
  signal?: AbortSignal;
  /** How many feeds are fetched at once; default 4. */
  concurrency?: number;
  /** The clock (tests). */
  now?: () => number;
}

export type PollOutcome = "ok" | "not-modified" | "failed";

export const DEFAULT_MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
export const DEFAULT_EVERY_MS = 15 * 60 * 1000;
const DEFAULT_CONCURRENCY = 4;

/**
 * How long to wait after the n-th consecutive failure: the feed's interval doubled per failure
 * (2×, 4×, 8×, …), capped at maxMs, and never sooner than the feed's own interval.
 */
export function backoffMs(failures: number, everyMs: number, maxMs: number): number {
  if (failures <= 0) return everyMs;
  const grown = everyMs * 2 ** Math.min(failures, 40);
  return Math.max(everyMs, Math.min(maxMs, grown));
}

function freshState(url: string): FeedState {
  return { url, etag: null, lastModified: null, failures: 0, lastError: null, lastOk: null, nextDue: 0 };
}

function everyMsOf(feedUrl: string, opts: PollerOptions): number {
  return opts.feeds.find((f) => f.url === feedUrl)?.everyMs ?? DEFAULT_EVERY_MS;
}

function asProblem(err: unknown, feedUrl: string): Problem {
  if (err instanceof SitrepError) return { ...err.problem, where: feedUrl };
  return problem("E_FEED_FETCH", feedUrl, err instanceof Error ? err.message : String(err));
}

// One poll; returns the outcome and the state it stored.
async function poll(feedUrl: string, opts: PollerOptions): Promise<{ outcome: PollOutcome; state: FeedState }> {
  const now = opts.now ?? Date.now;
  const everyMs = everyMsOf(feedUrl, opts);
  let prev: FeedState;
  try {
    prev = (await opts.state.getFeedState(feedUrl)) ?? freshState(feedUrl);
  } catch (err) {
    opts.onProblem(asProblem(err, feedUrl));
    prev = freshState(feedUrl);
  }

  const save = async (s: FeedState): Promise<FeedState> => {
    try {
      await opts.state.putFeedState(s);
    } catch (err) {
      opts.onProblem(asProblem(err, feedUrl));
    }
    return s;
  };

  try {
    const res = await fetchUrl(feedUrl, {
      ...opts.fetch,
      etag: prev.etag ?? undefined,
      lastModified: prev.lastModified ?? undefined,
      signal: opts.signal ?? opts.fetch?.signal,
    });
    const okState = { ...prev, failures: 0, lastError: null, lastOk: new Date(now()).toISOString(), nextDue: now() + everyMs };
    if (res.status === 304) return { outcome: "not-modified", state: await save(okState) };
    let parsed: ParsedFeed;
    try {
      parsed = parseFeed(res.body, res.url); // relative links resolve against where the feed really is
    } catch (err) {
      throw err instanceof SitrepError ? new SitrepError({ ...err.problem, where: feedUrl }) : err;
    }
    try {
      await opts.onItems(feedUrl, parsed);
    } catch (err) {
      throw err instanceof SitrepError ? err : new SitrepError(problem("E_STORE_WRITE", feedUrl, err instanceof Error ? err.message : String(err)));
    }
    // Validators are kept only once the items are stored, so a failed store refetches the whole feed next time.
    const state = { ...okState, etag: res.etag, lastModified: res.lastModified };
    return { outcome: "ok", state: await save(state) };
  } catch (err) {
    if (opts.signal?.aborted) return { outcome: "failed", state: prev }; // stopped, not failed: state unchanged
    const p = asProblem(err, feedUrl);
    const failures = prev.failures + 1;
    const wait = backoffMs(failures, everyMs, opts.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS);
    const state = { ...prev, failures, lastError: `${p.code}: ${p.message}`, nextDue: now() + wait };
    opts.onProblem(p);
    opts.onProblem(
      problem("W_FEED_RETRY", feedUrl, `${failures} failure${failures === 1 ? "" : "s"} in a row; next try at ${new Date(state.nextDue).toISOString()}`),
    );
    return { outcome: "failed", state: await save(state) };
  }
}

/** One conditional GET of a feed, parse, onItems and state update; failures go to onProblem, never thrown. */
export async function pollOnce(feedUrl: string, opts: PollerOptions): Promise<PollOutcome> {
  return (await poll(feedUrl, opts)).outcome;
}

// Waits ms, or less if the signal aborts.
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Polls the feeds. With `once`, every feed one time (a few at once) and returns. Otherwise loops until the signal
 * aborts: each feed when its nextDue comes, failed feeds after their backoff, the most overdue first.
 */
export async function runPoller(opts: PollerOptions & { once?: boolean }): Promise<void> {
  const limit = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const now = opts.now ?? Date.now;
  const urls = [...new Set(opts.feeds.map((f) => f.url))];

  if (opts.once) {
    let i = 0;
    const worker = async () => {
      while (i < urls.length && !opts.signal?.aborted) await poll(urls[i++], opts);
    };
    await Promise.all(Array.from({ length: Math.min(limit, urls.length) }, worker));
    return;
  }

  const due = new Map<string, number>();
  for (const url of urls) {
    let s: FeedState | null = null;
    try {
      s = await opts.state.getFeedState(url);
    } catch (err) {
      opts.onProblem(asProblem(err, url));
    }
    due.set(url, s?.nextDue ?? 0);
  }
  const running = new Map<string, Promise<void>>();
  while (!opts.signal?.aborted) {
    const t = now();
    const ready = urls.filter((u) => !running.has(u) && due.get(u)! <= t).sort((a, b) => due.get(a)! - due.get(b)!);
    for (const url of ready.slice(0, limit - running.size)) {
      const p = poll(url, opts)
        .then((r) => void due.set(url, r.state.nextDue > t ? r.state.nextDue : now() + everyMsOf(url, opts)))
        .catch((err) => {
          // only a throwing onProblem/onItems handler gets here; keep the feed on its schedule
          due.set(url, now() + everyMsOf(url, opts));
          opts.onProblem(asProblem(err, url));
        })
        .finally(() => running.delete(url));
      running.set(url, p);
    }
    const waiting = urls.filter((u) => !running.has(u)).map((u) => due.get(u)!);
    const wake = running.size >= limit || waiting.length === 0 ? Infinity : Math.min(...waiting) - now();
    if (wake > 0) await Promise.race([sleep(Math.min(wake, 60_000), opts.signal), ...running.values()]);
  }
  await Promise.allSettled(running.values());
}
