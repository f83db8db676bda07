// Enqueuing inputs: files, folders and stdin read as sitrep ingest reads them, sent to the queue in batches instead of being coded.
import type { Problem } from "../core/problems.js";
import type { Article } from "../core/types.js";
import { readInput, type Defaults } from "../sources/read-input.js";
import type { ArticleQueue } from "./article-queue.js";

export interface EnqueueCounts {
  read: number;
  queued: number;
  /** Articles whose key already had a job (queued, active, recently completed or dead). */
  already: number;
  errors: number;
}

/** A batch is sent at this many articles or this many characters, whichever comes first (one INSERT each). */
const BATCH_ARTICLES = 500;
const BATCH_CHARS = 8_000_000;

/** Reads every input and enqueues its articles; a bad input is reported and the rest goes on. */
export async function enqueueInputs(
  queue: ArticleQueue,
  inputs: readonly string[],
  defaults: Defaults,
  onProblem: (p: Problem) => void,
  onBatch?: (c: EnqueueCounts) => void,
): Promise<EnqueueCounts> {
  const c: EnqueueCounts = { read: 0, queued: 0, already: 0, errors: 0 };
  let batch: Article[] = [];
  let chars = 0;
  const flush = async () => {
    if (!batch.length) return;
    const r = await queue.enqueue(batch);
    c.queued += r.queued;
    c.already += r.already;
    batch = [];
    chars = 0;
    onBatch?.(c);
  };
  for (const input of inputs) {
    for await (const item of readInput(input, defaults)) {
      if ("problem" in item) {
        if (item.problem.code.startsWith("E_")) c.errors++;
        onProblem(item.problem);
        continue;
      }
      c.read++;
      batch.push(item.article);
      chars += (item.article.text ?? item.article.html ?? "").length;
      if (batch.length >= BATCH_ARTICLES || chars >= BATCH_CHARS) await flush();
    }
  }
  await flush();
  return c;
}
