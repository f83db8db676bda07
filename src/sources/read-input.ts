// Reads the coder's input — .txt, .html, .jsonl files, folders, or stdin — as a stream of articles.
import { createReadStream, existsSync, openSync, readSync, closeSync, statSync, readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { Article } from "../core/types.js";
import { problem, type Problem } from "../core/problems.js";
import { isoDate } from "../pipeline/iso-date.js";
import { decode } from "./decode.js";
import { csvArticles, type CsvField } from "./csv-input.js";

/** Largest single .txt/.html input read; the rest is cut off with a warning. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Longest JSONL line accepted. */
export const MAX_LINE_CHARS = 10 * 1024 * 1024;

export type InputItem = { article: Article } | { problem: Problem };

export interface Defaults {
  published?: string;
  outlet?: string;
  /** CSV columns chosen by the user; unnamed ones are recognised by name. */
  columns?: Partial<Record<CsvField, string>>;
}

function readCapped(path: string): { buf: Buffer; truncated: boolean } {
  const size = statSync(path).size;
  const n = Math.min(size, MAX_FILE_BYTES);
  const buf = Buffer.alloc(n);
  const fd = openSync(path, "r");
  try {
    let off = 0;
    while (off < n) {
      const r = readSync(fd, buf, off, n - off, off);
      if (r <= 0) break;
      off += r;
    }
  } finally {
    closeSync(fd);
  }
  return { buf, truncated: size > MAX_FILE_BYTES };
}

/** Validates one JSON record of a stories file into an Article. */
export function recordToArticle(rec: unknown, where: string, fallbackId: string, d: Defaults): InputItem {
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) return { problem: problem("E_INPUT_FIELD", where, "expected a JSON object") };
  const r = rec as Record<string, unknown>;
  const text = r.text ?? r.body ?? r.content;
  const html = r.html;
  if (text !== undefined && typeof text !== "string") return { problem: problem("E_INPUT_FIELD", `${where} field text`, "must be a string") };
  if (html !== undefined && typeof html !== "string") return { problem: problem("E_INPUT_FIELD", `${where} field html`, "must be a string") };
  if (text === undefined && html === undefined) return { problem: problem("E_INPUT_FIELD", `${where} field text`, 'needs "text" or "html"') };
  const id = r.id ?? r.doc_id ?? r.doc;
  if (id !== undefined && typeof id !== "string" && typeof id !== "number") return { problem: problem("E_INPUT_FIELD", `${where} field id`, "must be a string or number") };
  for (const f of ["published", "url", "outlet", "title"]) {
    if (r[f] !== undefined && r[f] !== null && typeof r[f] !== "string") return { problem: problem("E_INPUT_FIELD", `${where} field ${f}`, "must be a string") };
  }
  const published = (r.published as string | undefined) ?? (r.date as string | undefined) ?? d.published;
  if (published && !isoDate(published)) return { problem: problem("E_INPUT_DATE", `${where} field published`, `"${published}"`) };
  return {
    article: {
      id: id !== undefined ? String(id) : fallbackId,
      text: text as string | undefined,
      html: html as string | undefined,
      published,
      url: (r.url as string | undefined) ?? undefined,
      outlet: (r.outlet as string | undefined) ?? d.outlet,
      title: (r.title as string | undefined) ?? undefined,
    },
  };
}

async function* jsonLines(stream: Readable, name: string, d: Defaults): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const where = `${name}:${n}`;
    const t = line.trim();
    if (!t) continue;
    if (t.length > MAX_LINE_CHARS) {
      yield { problem: problem("E_INPUT_FIELD", where, `line is ${t.length} characters, more than the ${MAX_LINE_CHARS} allowed`) };
      continue;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(t);
    } catch (e) {
      yield { problem: problem("E_INPUT_JSON", where, (e as Error).message) };
      continue;
    }
    yield recordToArticle(rec, where, `${name}:${n}`, d);
  }
}

function fileArticle(path: string, d: Defaults): InputItem[] {
  const name = basename(path);
  const { buf, truncated } = readCapped(path);
  const dec = decode(buf, name);
  if (!dec.text) return [{ problem: dec.problem! }];
  const out: InputItem[] = [];
  if (truncated) out.push({ problem: problem("W_INPUT_TRUNCATED", name, `read the first ${MAX_FILE_BYTES} bytes`) });
  const ext = extname(path).toLowerCase();
  const isHtml = ext === ".html" || ext === ".htm" || ext === ".xhtml" || (ext !== ".txt" && /^\s*</.test(dec.text));
  out.push({ article: { id: name, ...(isHtml ? { html: dec.text } : { text: dec.text }), published: d.published, outlet: d.outlet } });
  return out;
}

const TEXT_EXT = new Set([".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".md", ".csv", ".tsv"]);

/** Articles from a path ("-" for stdin): files by extension, folders file by file. */
export async function* readInput(path: string, d: Defaults = {}): AsyncGenerator<InputItem> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    // peek: JSONL is streamed; text and HTML are read whole (capped)
    const stdin = process.stdin;
    const iter = stdin[Symbol.asyncIterator]();
    const first = await iter.next();
    if (first.done) {
      yield { problem: problem("E_INPUT_EMPTY", "stdin") };
      return;
    }
    const head = Buffer.from(first.value as Buffer);
    if (/^\s*\{/.test(head.subarray(0, 64).toString("utf8"))) {
      const rest = Readable.from((async function* () {
        yield head;
        for (let r = await iter.next(); !r.done; r = await iter.next()) yield r.value as Buffer;
      })());
      yield* jsonLines(rest, "stdin", d);
      return;
    }
    chunks.push(head);
    size += head.length;
    let truncated = false;
    for (let r = await iter.next(); !r.done; r = await iter.next()) {
      if (size >= MAX_FILE_BYTES) {
        truncated = true;
        continue;
      }
      const b = r.value as Buffer;
      chunks.push(b);
      size += b.length;
    }
    const buf = Buffer.concat(chunks).subarray(0, MAX_FILE_BYTES);
    const dec = decode(buf, "stdin");
    if (!dec.text) {
      yield { problem: dec.problem! };
      return;
    }
    if (truncated) yield { problem: problem("W_INPUT_TRUNCATED", "stdin", `read the first ${MAX_FILE_BYTES} bytes`) };
    const isHtml = /^\s*</.test(dec.text);
    yield { article: { id: "stdin", ...(isHtml ? { html: dec.text } : { text: dec.text }), published: d.published, outlet: d.outlet } };
    return;
  }
  if (!existsSync(path)) {
    yield { problem: problem("E_INPUT_MISSING", path) };
    return;
  }
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const f of readdirSync(path).sort()) {
      const p = join(path, f);
      if (statSync(p).isFile() && TEXT_EXT.has(extname(f).toLowerCase())) yield* readInput(p, d);
    }
    return;
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") {
    yield* jsonLines(createReadStream(path), basename(path), d);
    return;
  }
  if (ext === ".csv" || ext === ".tsv") {
    yield* csvArticles(path, d);
    return;
  }
  yield* fileArticle(path, d);
}
