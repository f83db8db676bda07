// RSS 2.0, RSS 1.0 (RDF) and Atom → feed items, with @rowanmanning/feed-parser; truncated or non-feed bodies are refused.
import { createHash } from "node:crypto";
import { parseFeed as parseFeedXml } from "@rowanmanning/feed-parser";
import { problem, SitrepError } from "../core/problems.js";
import { decode } from "./decode.js";

export interface FeedItem {
  /** The item's guid / Atom id, else its link, else a hash of title and date. */
  id: string;
  /** Absolute http(s) URL of the article, resolved against the feed URL. */
  url: string | null;
  title: string | null;
  /** ISO 8601 date-time (published, else updated). */
  published: string | null;
  /** The item's content, else its description (HTML as the feed gives it). */
  html: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

const ROOTS = new Set(["rss", "feed", "rdf"]);

function fail(feedUrl: string, detail: string): never {
  throw new SitrepError(problem("E_FEED_PARSE", feedUrl, detail));
}

// The name of the document element, past the XML declaration, comments and a doctype.
function rootElement(text: string): string | null {
  const head = text
    .slice(0, 64 * 1024)
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "");
  const m = /<([A-Za-z_][\w.:-]*)/.exec(head);
  return m ? m[1] : null;
}

function text(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

function httpUrl(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function iso(d: Date | null): string | null {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/** Parses a feed body; throws SitrepError E_FEED_PARSE (where = feedUrl) for anything that is not a whole feed. */
export function parseFeed(body: Buffer | string, feedUrl: string): ParsedFeed {
  let xml: string;
  if (typeof body === "string") xml = body;
  else {
    const decoded = decode(body, feedUrl);
    if (decoded.text === null) fail(feedUrl, decoded.problem?.message ?? "body could not be decoded");
    xml = decoded.text;
  }
  xml = xml.replace(/^\uFEFF/, "");

  const root = rootElement(xml);
  if (!root) fail(feedUrl, "no XML element found");
  const local = root.includes(":") ? root.slice(root.indexOf(":") + 1) : root;
  if (!ROOTS.has(local.toLowerCase())) {
    fail(feedUrl, local.toLowerCase() === "html" ? "an HTML page, not a feed" : `root element <${root}> is not rss, feed or rdf:RDF`);
  }
  // The parser is lenient and reads a cut-off document without complaint; a feed must end its root element.
  const escaped = root.replace(/[.]/g, "\\.");
  if (!new RegExp(`</${escaped}\\s*>`, "i").test(xml)) fail(feedUrl, `truncated: no closing </${root}>`);

  let feed: ReturnType<typeof parseFeedXml>;
  try {
    feed = parseFeedXml(xml);
  } catch (err) {
    fail(feedUrl, err instanceof Error ? err.message.split("\n")[0].slice(0, 200) : String(err));
  }

  const items: FeedItem[] = [];
  for (const item of feed.items) {
    const title = text(item.title);
    const published = iso(item.published) ?? iso(item.updated);
    const html = text(item.content) ?? text(item.description);
    const url = httpUrl(item.url, feedUrl);
    let id = text(item.id) ?? url;
    if (!id) {
      const basis = title || published ? `${title ?? ""}\n${published ?? ""}` : (html ?? "");
      id = "sha256:" + createHash("sha256").update(basis).digest("hex").slice(0, 32);
    }
    items.push({ id, url, title, published, html });
  }
  return { title: text(feed.title), items };
}
