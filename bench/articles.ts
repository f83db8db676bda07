// Benchmark articles: each made of 17 real news sentences of ../shared/data/news drawn at random, so that no two are near-duplicates.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { repoPath } from "../src/core/paths.js";
import type { Article } from "../src/core/types.js";
import { mix } from "../src/dedup/minhash.js";

export const SHARED = repoPath("../shared/data");

// real sentences of the news sets: the Times of India sentences and the Guardian articles split into sentences
function pool(): Array<{ text: string; date: string }> {
  const out: Array<{ text: string; date: string }> = [];
  const india = join(SHARED, "news/india_police_events_sents.jsonl");
  if (existsSync(india)) {
    for (const l of readFileSync(india, "utf8").split("\n")) {
      if (!l.trim()) continue;
      const r = JSON.parse(l);
      const t = String(r.sent_text).trim();
      if (t.length > 20) out.push({ text: t, date: r.doc_date });
    }
  }
  const g = join(SHARED, "news/guardian_sdf_sample.csv");
  if (existsSync(g)) {
    for (const r of parse(readFileSync(g), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>) {
      for (const s of r.text.split(/(?<=[.!?])\s+(?=[A-Z"“])/)) if (s.trim().length > 20) out.push({ text: s.trim(), date: r.date });
    }
  }
  return out;
}

export const sentences = pool();

/** Article k: 17 real sentences drawn at random from the whole pool; its date is the first sentence's. */
export function article(k: number): Article {
  const parts: string[] = [];
  let date = "";
  for (let j = 0; j < 17; j++) {
    const s = sentences[mix(k * 17 + j) % sentences.length];
    if (!j) date = s.date;
    parts.push(s.text);
  }
  return { id: `bench-${k}`, url: `https://bench.example.org/a/${k}`, outlet: ["Times of India", "The Guardian", "Example Wire"][k % 3], published: date, text: parts.join(" ") };
}
