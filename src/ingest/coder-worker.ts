// A worker thread that codes articles, so that the main thread can store while the next article is coded.
import { parentPort, workerData } from "node:worker_threads";
import { createCoder, type CoderOptions } from "../pipeline/coder.js";
import { codeArticle } from "./ingest.js";

const coder = createCoder(workerData as CoderOptions);
parentPort!.postMessage({ ready: true, version: coder.version, lexiconProblems: coder.lexiconProblems });
parentPort!.on("message", (m: { seq: number; article: Parameters<typeof codeArticle>[1] }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, coded: codeArticle(coder, m.article) });
  } catch (e) {
    parentPort!.postMessage({ seq: m.seq, error: (e as Error).message });
  }
});
