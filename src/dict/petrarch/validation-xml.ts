// The XML of one validation record: its tags with their attributes, checked for balance, and entity decoding.
//
// Enough XML for the <Sentence>, <Environment> and <Config> elements of PETRARCH validation files, and strict
// about it: a record whose tags do not balance is reported rather than guessed at. Comments are expected to
// have been taken out (blanked) by the caller.

export interface Tag {
  name: string;
  attrs: Record<string, string>;
  kind: "open" | "close" | "empty";
  /** Offsets of `<` and just past `>`. */
  start: number;
  end: number;
  /** For an open tag, its close tag. */
  close?: Tag;
}

export type Scan = { tags: Tag[] } | { error: string; offset: number };

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes character references and the XML entities (and &nbsp;); others are left as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][\w.-]*);/g, (all, e: string) => {
    if (e[0] !== "#") return NAMED[e] ?? all;
    const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
  });
}

const TAG = /<(\/)?([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/)?>/y;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The tags of `xml` in order, open tags linked to their close tags; or the first error and where it is. */
export function scanTags(xml: string): Scan {
  const tags: Tag[] = [];
  const stack: Tag[] = [];
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", at + 1)) {
    TAG.lastIndex = at;
    const m = TAG.exec(xml);
    if (!m) {
      const what = xml.startsWith("<!--", at) ? "a comment that is never closed" : `a malformed tag "${xml.slice(at, at + 30).split("\n")[0]}"`;
      return { error: what, offset: at };
    }
    if (m[1] && (m[3] || m[4])) return { error: `a malformed close tag "${m[0]}"`, offset: at };
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(ATTR)) {
      const k = a[1].toLowerCase();
      if (k in attrs) return { error: `attribute ${a[1]} given twice`, offset: at };
      attrs[k] = decodeEntities(a[2] ?? a[3]);
    }
    const tag: Tag = { name: m[2], attrs, kind: m[1] ? "close" : m[4] ? "empty" : "open", start: at, end: at + m[0].length };
    tags.push(tag);
    if (tag.kind === "open") stack.push(tag);
    else if (tag.kind === "close") {
      const top = stack.pop();
      if (!top) return { error: `</${tag.name}> closes nothing`, offset: at };
      if (top.name !== tag.name) return { error: `<${top.name}> is never closed (</${tag.name}> comes first)`, offset: top.start };
      top.close = tag;
    }
    at = tag.end - 1;
  }
  if (stack.length) return { error: `<${stack[stack.length - 1].name}> is never closed`, offset: stack[stack.length - 1].start };
  return { tags };
}

/** The text between an open tag and its close tag, entities decoded; null when it holds other tags. */
export function textOf(xml: string, tags: readonly Tag[], open: Tag): string | null {
  if (!open.close) return "";
  const inner = tags.some((t) => t.start > open.start && t.start < open.close!.start);
  return inner ? null : decodeEntities(xml.slice(open.end, open.close.start));
}
