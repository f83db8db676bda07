// Stage normalize: HTML or raw text → clean UTF-8 text in paragraphs, boilerplate dropped, captions apart.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { problem } from "../core/problems.js";
import { repoPath } from "../core/paths.js";
import { readRows } from "../lexicon/read-lines.js";
import type { Doc, Paragraph } from "./doc.js";
import { defineStage } from "./stage.js";
import { isoDate } from "./iso-date.js";

export interface BoilerplateRules {
  drop: RegExp[];
  caption: RegExp[];
}

export function loadBoilerplate(path = repoPath("src/lexicon/data/boilerplate.txt")): BoilerplateRules {
  const problems: import("../core/problems.js").Problem[] = [];
  const rules: BoilerplateRules = { drop: [], caption: [] };
  for (const r of readRows(path, 2, problems)) {
    const [kind, src] = r.fields;
    if (kind !== "drop" && kind !== "caption") continue;
    try {
      rules[kind].push(new RegExp(src, kind === "caption" && src.includes("FILE") ? "" : "i"));
    } catch (e) {
      throw new Error(`${r.where}: bad regular expression: ${(e as Error).message}`);
    }
  }
  return rules;
}

/** Cap on the clean text of one article, in characters. */
export const MAX_TEXT = 1_000_000;

interface Block {
  text: string;
  caption: boolean;
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt";
const CAPTION_SELECTOR = "figcaption, [class*=caption], [class*=Caption], [itemprop=caption]";
const META_DATES = [
  'meta[property="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[itemprop="datePublished"]',
  'meta[name="DC.date.issued"]',
];

function squash(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "")
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
}

/** Text blocks from HTML: the article body through Readability, and the photo captions apart. */
function htmlBlocks(html: string): { blocks: Block[]; title: string | null; published: string | null } {
  const { document } = parseHTML(html.includes("<html") ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  let published: string | null = null;
  for (const sel of META_DATES) {
    const v = document.querySelector(sel)?.getAttribute("content");
    const d = v ? isoDate(v) : null;
    if (d) {
      published = d;
      break;
    }
  }
  if (!published) {
    const t = document.querySelector("time[datetime]")?.getAttribute("datetime");
    published = t ? isoDate(t) : null;
  }
  const captions: Block[] = [];
  for (const el of Array.from(document.querySelectorAll(CAPTION_SELECTOR)) as Element[]) {
    const t = squash(el.textContent ?? "");
    if (t) captions.push({ text: t, caption: true });
    el.remove();
  }
  for (const el of Array.from(document.querySelectorAll("script, style, noscript, template, iframe, svg")) as Element[]) el.remove();
  const docTitle = squash(document.querySelector("title")?.textContent ?? "") || null;
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  const blocks: Block[] = [];
  const root = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body : document.body;
  if (root) {
    const found = Array.from(root.querySelectorAll(BLOCKS)) as Element[];
    for (const el of found) {
      // nested blocks (li > p) are read once, at the innermost level
      if (el.querySelector(BLOCKS)) continue;
      const t = squash(el.textContent ?? "");
      if (t) blocks.push({ text: t, caption: false });
    }
    if (!blocks.length) {
      const t = squash(root.textContent ?? "");
      if (t) blocks.push({ text: t, caption: false });
    }
  }
  const h1 = squash(document.querySelector("h1")?.textContent ?? "");
  const title = squash(article?.title ?? "") || h1 || docTitle;
  return { blocks: [...blocks, ...captions], title, published };
}

/** Text blocks from plain text: paragraphs at blank lines, or at every line when there are none. */
function textBlocks(text: string): Block[] {
  const norm = text.replace(/\r\n?/g, "\n");
  const parts = /\n\s*\n/.test(norm) ? norm.split(/\n\s*\n/) : norm.split("\n");
  return parts.map((p) => ({ text: squash(p), caption: false })).filter((b) => b.text);
}

const DATELINE = /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Za-z .]{2,30}?)?(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?\s*(?:\(([A-Za-z][A-Za-z .&'-]{1,30})\))?\s*[-—–:]+\s+/;

const STOPWORDS = new Set(["the", "of", "and", "to", "in", "a", "is", "was", "that", "for", "on", "with", "said", "by", "he", "it", "as", "at", "from", "his", "have", "has", "are", "were", "an", "be", "this", "which", "after", "their", "they", "not", "but", "who"]);

/** A text of some length where English function words are rare is probably not English. */
export function looksEnglish(text: string): boolean {
  const words = text.slice(0, 5000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return true;
  const hits = words.filter((w) => STOPWORDS.has(w)).length;
  return hits / words.length >= 0.08;
}

function same(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return n(a) === n(b);
}

export function createNormalizeStage(rules: BoilerplateRules = loadBoilerplate()) {
  const isBoilerplate = (t: string) => t.length <= 300 && rules.drop.some((r) => r.test(t));
  const isCaption = (t: string) => t.length <= 400 && rules.caption.some((r) => r.test(t));
  return defineStage({
    name: "normalize",
    requires: ["article"],
    assigns: ["text", "paragraphs", "title", "published", "dateline"],
    run(doc: Doc): Doc {
      const a = doc.article;
      let blocks: Block[];
      let title = a.title ? squash(a.title) : null;
      let published = a.published ? isoDate(a.published) : null;
      if (a.published && !published) doc.problems.push(problem("E_INPUT_DATE", `${a.id} published`, `"${a.published}"`));
      if (a.html) {
        const h = htmlBlocks(a.html);
        blocks = h.blocks;
        title = title ?? h.title;
        published = published ?? h.published;
      } else {
        blocks = textBlocks(a.text ?? "");
      }
      const body: Block[] = [];
      const captions: Block[] = [];
      for (const b of blocks) {
        if (b.caption || isCaption(b.text)) captions.push({ text: b.text, caption: true });
        else if (!isBoilerplate(b.text)) body.push(b);
      }
      // a headline repeated as the first body line
      if (body.length && title && same(body[0].text, title)) body.shift();
      let dateline: Doc["dateline"] = null;
      if (body.length) {
        const m = DATELINE.exec(body[0].text);
        if (m && (m[2] || /[-—–]/.test(m[0])) && m[1].length >= 3) {
          dateline = { place: m[1].replace(/\s+/g, " "), outlet: m[2] ?? null };
          body[0] = { ...body[0], text: body[0].text.slice(m[0].length) };
        }
      }
      const paragraphs: Paragraph[] = [];
      let text = "";
      let truncated = false;
      for (const b of [...body, ...captions]) {
        if (!b.text) continue;
        if (text.length + b.text.length > MAX_TEXT) {
          truncated = true;
          break;
        }
        if (text) text += "\n\n";
        paragraphs.push({ start: text.length, end: text.length + b.text.length, caption: b.caption });
        text += b.text;
      }
      if (truncated) doc.problems.push(problem("W_INPUT_TRUNCATED", a.id, `kept the first ${MAX_TEXT} characters`));
      if (!text) doc.problems.push(problem("W_NO_TEXT", a.id));
      else if (!looksEnglish(text)) doc.problems.push(problem("W_INPUT_NOT_ENGLISH", a.id));
      return { ...doc, text, paragraphs, title, published, dateline };
    },
  });
}
