// Heap after a forced garbage collection, pass after pass over the same sentences: flat means no leak.
// node --expose-gc dist/bench/heap.js [--dict DIR] [--no-builtin]
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { repoPath } from "../src/core/paths.js";
import { createCoder } from "../src/pipeline/coder.js";

const { values } = parseArgs({ options: { dict: { type: "string", multiple: true }, "no-builtin": { type: "boolean", default: false }, passes: { type: "string", default: "4" } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.log("run with node --expose-gc");
  process.exit(2);
}
const file = repoPath("../shared/data/news/india_police_events_sents.jsonl");
if (!existsSync(file)) {
  console.log(`no data at ${file}`);
  process.exit(1);
}
const coder = createCoder({ dicts: values.dict ?? [], builtin: !values["no-builtin"] });
const rows = readFileSync(file, "utf8").split("\n").filter(Boolean).slice(0, 6000).map((l) => JSON.parse(l) as { sent_text: string; doc_date: string });
for (let pass = 0; pass < Number(values.passes); pass++) {
  rows.forEach((r, i) => coder.code({ id: `p${pass}-${i}`, text: String(r.sent_text), published: r.doc_date }));
  gc();
  const m = process.memoryUsage();
  console.log(`pass ${pass + 1}: ${rows.length} sentences, heap after GC ${(m.heapUsed / 1e6).toFixed(0)} MB, RSS ${(m.rss / 1e6).toFixed(0)} MB`);
}
