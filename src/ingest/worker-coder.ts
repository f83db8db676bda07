// An ArticleCoder backed by a worker thread: coding runs on the second core while the caller stores.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Problem } from "../core/problems.js";
import type { Article } from "../core/types.js";
import type { CoderOptions } from "../pipeline/coder.js";
import type { ArticleCoder, CodedArticle } from "./ingest.js";

export interface WorkerCoder extends ArticleCoder {
  lexiconProblems: Problem[];
  close(): Promise<void>;
}

/** The store keeps acts by unnamed attackers ("gunmen killed 26 in Pahalgam": CAMEO's UAF, with no country) that
 *  `sitrep code` leaves out by the research convention: the place of an attack matters to its alerts whoever did it. */
export const STORE_KEEPS_UNATTRIBUTED = true;

/** Starts the worker and resolves once its lexicons are loaded. */
export function startWorkerCoder(opts: CoderOptions = {}): Promise<WorkerCoder> {
  const worker = new Worker(new URL("./coder-worker.js", import.meta.url), { workerData: opts });
  const pending = new Map<number, { resolve(c: CodedArticle): void; reject(e: Error): void }>();
  let seq = 0;
  let dead: Error | null = null;
  const failAll = (e: Error) => {
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: { ready?: boolean; version?: string; lexiconProblems?: Problem[]; seq?: number; coded?: CodedArticle; error?: string }) => {
      if (m.ready) {
        worker.off("error", reject);
        worker.on("error", (e) => failAll(e));
        worker.on("exit", (code) => failAll(new Error(`the coding worker stopped (exit code ${code})`)));
        resolve({
          version: m.version!,
          lexiconProblems: m.lexiconProblems ?? [],
          code(article: Article) {
            if (dead) return Promise.reject(dead);
            const id = ++seq;
            return new Promise<CodedArticle>((res, rej) => {
              pending.set(id, { resolve: res, reject: rej });
              worker.postMessage({ seq: id, article });
            });
          },
          async close() {
            worker.removeAllListeners("exit");
            await worker.terminate();
          },
        });
        return;
      }
      const p = pending.get(m.seq!);
      if (!p) return;
      pending.delete(m.seq!);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.coded!);
    });
  });
}

/** Several coding workers behind one ArticleCoder: each article goes to the worker with the fewest in hand. */
export async function startCoderPool(n: number, opts: CoderOptions = {}): Promise<WorkerCoder> {
  const workers = await Promise.all(Array.from({ length: Math.max(1, n) }, () => startWorkerCoder(opts)));
  const busy = workers.map(() => 0);
  return {
    version: workers[0].version,
    lexiconProblems: workers[0].lexiconProblems,
    async code(article: Article) {
      let i = 0;
      for (let k = 1; k < workers.length; k++) if (busy[k] < busy[i]) i = k;
      busy[i]++;
      try {
        return await workers[i].code(article);
      } finally {
        busy[i]--;
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

/** Coding threads beside the thread that stores: one per core (measured on 2 cores: 2 workers 79-82 % of the bare coder, 1 worker 69-73 %). */
export function defaultWorkers(): number {
  return Math.min(16, Math.max(1, availableParallelism()));
}

/**
 * Articles coded ahead of the one being stored: enough to keep the coders busy through a group commit or a WAL
 * checkpoint, when this thread stores nothing for a while (over 40,000 articles with commits grouped by the second:
 * 95 % of the bare coder with 128, 90 % with 16; a coded article in hand is a few kB).
 */
export function codingWindow(workers: number): number {
  return Math.max(128, 32 * workers);
}
