// npm run bench: coding speed on real news (and a repeat of it to ≥ 50 MB), memory, time per stage.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { repoPath } from "../src/core/paths.js";
import type { Article } from "../src/core/types.js";

const SHARED = repoPath("../shared/data");
const { values } = parseArgs({
  options: { mb: { type: "string", default: "50" }, dict: { type: "string", multiple: true }, "no-builtin": { type: "boolean", default: false } },
});
const targetBytes = Number(values.mb) * 1e6;

function guardian(): Article[] {
  const p = join(SHARED, "news/guardian_sdf_sample.csv");
  if (!existsSync(p)) return [];
  const rows = parse(readFileSync(p), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((r, i) => ({ id: `guardian-${i}`, text: r.text, published: r.date, outlet: r.source || "The Guardian" }));
}

function india(): Article[] {
  const p = join(SHARED, "news/india_police_events_sents.jsonl");
  if (!existsSync(p)) return [];
  const docs = new Map<number, { sents: string[]; date: string; url: string }>();
  for (const l of readFileSync(p, "utf8").split("\n")) {
    if (!l.trim()) continue;
    const r = JSON.parse(l);
    let d = docs.get(r.doc_id);
    if (!d) docs.set(r.doc_id, (d = { sents: [], date: r.doc_date, url: r.doc_url }));
    d.sents.push(String(r.sent_text).trim());
  }
  return [...docs].map(([id, d]) => ({ id: `toi-${id}`, text: d.sents.join(" "), published: d.date, url: d.url, outlet: "Times of India" }));
}

const mb = (n: number) => (n / 1e6).toFixed(1);
const rss = () => process.memoryUsage().rss;

const tLoad = performance.now();
const { createCoder, loadTimes } = await import("../src/pipeline/coder.js");
const tImported = performance.now();
const coder = createCoder({ dicts: values.dict ?? [], builtin: !values["no-builtin"] });
const loadMs = performance.now() - tLoad;
const dictNote = values.dict?.length ? ` with dictionaries ${values.dict.join(", ")}${values["no-builtin"] ? " alone" : " + built-ins"}` : "";
const base = [...guardian(), ...india()];
if (!base.length) {
  console.log(`no benchmark data found under ${SHARED}`);
  process.exit(1);
}
const baseBytes = base.reduce((s, a) => s + Buffer.byteLength(a.text ?? ""), 0);
console.log(`sitrep bench — Node ${process.version}, one core (single thread)`);
console.log(`lexicons + tagger loaded in ${loadMs.toFixed(0)} ms (module import included)${dictNote}`);
if (!values.dict?.length && !values["no-builtin"]) {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`  module import ${ms(tImported - tLoad)}, lexicons and ontology ${ms(loadTimes.lexicons)}, gazetteer ${ms(loadTimes.gazetteer)}, tagger model ${ms(loadTimes.tagger)}`);
}
console.log(`corpus: ${base.length} real articles (${mb(baseBytes)} MB): Guardian Syria/Iraq sample + Times of India 2002`);

function run(articles: Iterable<Article>, label: string) {
  let n = 0;
  let sents = 0;
  let events = 0;
  let bytes = 0;
  const samples: number[] = [];
  const t0 = performance.now();
  for (const a of articles) {
    const r = coder.code(a);
    n++;
    sents += r.doc.sentences.length;
    events += r.events.length;
    bytes += Buffer.byteLength(a.text ?? "");
    if (n % 2000 === 0) samples.push(rss());
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`\n${label}: ${n} articles, ${sents} sentences, ${events} events, ${mb(bytes)} MB in ${s.toFixed(1)} s`);
  console.log(`  ${(n / s).toFixed(0)} articles/s   ${(sents / s).toFixed(0)} sentences/s   ${(bytes / 1e6 / s).toFixed(2)} MB/s   ${(events / s).toFixed(0)} events/s`);
  if (samples.length >= 2) console.log(`  RSS while streaming: ${mb(samples[0])} MB at the first sample, ${mb(samples[samples.length - 1])} MB at the last (${samples.length} samples)`);
  return s;
}

run(base, "one pass over the real articles");

function* repeated(): Generator<Article> {
  let bytes = 0;
  let round = 0;
  while (bytes < targetBytes) {
    for (const a of base) {
      bytes += Buffer.byteLength(a.text ?? "");
      yield { ...a, id: `${a.id}#${round}` };
      if (bytes >= targetBytes) return;
    }
    round++;
  }
}
const before = new Map(coder.timings());
run(repeated(), `repeat to ${values.mb} MB`);
const total = [...coder.timings()].reduce((s, [k, v]) => s + v - (before.get(k) ?? 0), 0);
console.log("\ntime per stage (repeat run):");
for (const [k, v] of coder.timings()) {
  const d = v - (before.get(k) ?? 0);
  console.log(`  ${k.padEnd(12)} ${(d / 1000).toFixed(2).padStart(7)} s  ${((100 * d) / total).toFixed(1).padStart(5)} %`);
}
console.log(`\npeak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
