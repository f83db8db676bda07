// Reads articles from CSV/TSV files: one row an article, the columns chosen by the user or recognised by name.
import { createReadStream } from "node:fs";
import { basename, extname } from "node:path";
import { parse } from "csv-parse";
import { problem } from "../core/problems.js";
import type { Defaults, InputItem } from "./read-input.js";
import { recordToArticle } from "./read-input.js";

export type CsvField = "id" | "text" | "html" | "published" | "url" | "outlet" | "title";

/** Column names tried, in order, when the user names none. */
const GUESS: Record<CsvField, string[]> = {
  id: ["id", "doc_id", "event_id_cnty", "guid", "article_id"],
  text: ["text", "body", "content", "article", "notes", "sent_text", "story"],
  html: ["html"],
  published: ["published", "date", "publish_date", "pubdate", "event_date", "doc_date"],
  url: ["url", "link", "doc_url", "source_url"],
  outlet: ["outlet", "source", "publisher", "media"],
  title: ["title", "headline"],
};

function pick(header: string[], field: CsvField, chosen: string | undefined, where: string): { col: string | null; problem?: ReturnType<typeof problem> } {
  if (chosen) {
    if (!header.includes(chosen)) return { col: null, problem: problem("E_INPUT_CSV", where, `no column "${chosen}" for ${field}; the columns are ${header.join(", ")}`) };
    return { col: chosen };
  }
  const lower = header.map((h) => h.toLowerCase().trim());
  for (const g of GUESS[field]) {
    const i = lower.indexOf(g);
    if (i >= 0) return { col: header[i] };
  }
  return { col: null };
}

/** Articles from a CSV (or, for .tsv, tab-separated) file with a header row. */
export async function* csvArticles(path: string, d: Defaults): AsyncGenerator<InputItem> {
  const name = basename(path);
  const delimiter = extname(path).toLowerCase() === ".tsv" ? "\t" : ",";
  const parser = createReadStream(path).pipe(
    parse({ delimiter, columns: true, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 10 * 1024 * 1024 }),
  );
  let cols: Partial<Record<CsvField, string | null>> | null = null;
  let n = 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      n++;
      const where = `${name}:${rec.info.lines}`;
      if (!cols) {
        const header = Object.keys(rec.record);
        cols = {};
        for (const f of Object.keys(GUESS) as CsvField[]) {
          const r = pick(header, f, d.columns?.[f], `${name}:1`);
          if (r.problem) {
            yield { problem: r.problem };
            return;
          }
          cols[f] = r.col;
        }
        if (!cols.text && !cols.html) {
          yield { problem: problem("E_INPUT_CSV", `${name}:1`, `no text column; name one with --text-column (the columns are ${header.join(", ")})`) };
          return;
        }
      }
      const get = (f: CsvField) => {
        const c = cols![f];
        const v = c ? rec.record[c] : undefined;
        return v === undefined || v === "" ? undefined : v;
      };
      const published = get("published");
      yield recordToArticle(
        {
          id: get("id"),
          text: get("text"),
          html: get("html"),
          // "2022-02-23", "2022-02-23 10:00:00" or "2022-02-23T10:00:00Z"
          published: published ? published.trim().replace(" ", "T") : undefined,
          url: get("url"),
          outlet: get("outlet"),
          title: get("title"),
        },
        where,
        `${name}:${n + 1}`,
        d,
      );
    }
  } catch (e) {
    const err = e as { message: string; lines?: number };
    yield { problem: problem("E_INPUT_CSV", `${name}:${err.lines ?? n + 1}`, err.message) };
  }
}
