// The original source of a story: the wire agency an article credits, or the outlet a report cites.
// A story that cites AFP is not independent of AFP; corroboration counts origins, not reprints.
import { readRows } from "../lexicon/read-lines.js";
import { repoPath } from "../core/paths.js";
import { hostOf } from "./article-key.js";
import type { Problem } from "../core/problems.js";
import type { CodedEvent } from "../core/types.js";

export interface WireAgencies {
  /** Canonical name of an alias, exact spelling or lower-cased for names longer than four letters. */
  canonical(name: string): string | null;
  /** Alternation of every alias, longest first, for the credit patterns. */
  pattern: string;
  problems: Problem[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let cached: WireAgencies | null = null;

export function loadWireAgencies(path = repoPath("src/lexicon/data/wire-agencies.txt")): WireAgencies {
  if (cached && path === repoPath("src/lexicon/data/wire-agencies.txt")) return cached;
  const problems: Problem[] = [];
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const r of readRows(path, 2, problems)) {
    const [name, aliases] = r.fields;
    for (const a of [name, ...aliases.split("|")].map((x) => x.trim()).filter(Boolean)) {
      exact.set(a, name);
      // short codes (AP, AA, PA) only as written; longer names in any case
      if (a.length > 4) loose.set(a.toLowerCase(), name);
    }
  }
  const all = [...exact.keys()].sort((a, b) => b.length - a.length).map(esc);
  const w: WireAgencies = {
    canonical: (n) => {
      const s = n.trim();
      const t = s.replace(/^the\s+/i, "");
      return exact.get(s) ?? exact.get(t) ?? loose.get(s.toLowerCase()) ?? loose.get(t.toLowerCase()) ?? null;
    },
    pattern: all.join("|"),
    problems,
  };
  if (path === repoPath("src/lexicon/data/wire-agencies.txt")) cached = w;
  return w;
}

/** The agency an article's text credits in a dateline, byline, credit line or copyright, or null. */
export function articleOrigin(text: string, datelineOutlet: string | null, w: WireAgencies = loadWireAgencies()): string | null {
  if (datelineOutlet) {
    const c = w.canonical(datelineOutlet.replace(/[()]/g, ""));
    if (c) return c;
  }
  const A = `(${w.pattern})`;
  const head = text.slice(0, 400);
  const tail = text.slice(-800);
  const tries: Array<[string, RegExp]> = [
    // "BAGHDAD (Reuters) -", "(AP) —"
    [head, new RegExp(`\\(${A}\\)\\s*[-—–:]`)],
    // "By Jane Doe, Associated Press" / "By Jane Doe | AFP"
    [head, new RegExp(`^\\s*By [^\\n]{2,60}?[,|/]\\s*${A}\\b`, "m")],
    // "© AFP 2024", "Copyright 2024 The Associated Press"
    [tail, new RegExp(`(?:©|\\(c\\)|Copyright)\\s*(?:\\d{4}\\s*)?${A}\\b`, "i")],
    // a last line "— AFP" or "(Reuters)"
    [tail, new RegExp(`(?:^|\\n)\\s*(?:[-—–]\\s*|\\()${A}\\)?\\s*$`)],
    // "AFP contributed to this report", "with Reuters", "(Additional reporting by ... for Reuters)"
    [tail, new RegExp(`\\b${A} contributed\\b`)],
    [text, new RegExp(`\\b(?:told|according to|citing|quoted by|reported by)\\s+(?:the\\s+)?${A}\\b`)],
  ];
  for (const [s, re] of tries) {
    const m = re.exec(s);
    if (m) {
      const c = w.canonical(m[1]);
      if (c) return c;
    }
  }
  // Reuters' own sign-off
  if (/\bReporting by [^.\n]{2,120}(?:Editing by|Writing by)/.test(tail)) return "Reuters";
  return null;
}

const GENERIC = /^(?:state (?:media|television|tv|radio|news agency)|(?:local|the|a|an) (?:media|newspaper|broadcaster|television|radio|daily|news agency)|news agency|newspaper|broadcaster|media)$/i;

/** An event's independent origin: the outlet its sentence cites, else the agency its article credits, else its outlet. */
export function eventOrigin(e: CodedEvent, article: { origin: string | null; outlet: string | null; doc: string; url: string | null }, w: WireAgencies = loadWireAgencies()): string {
  const own = article.outlet?.toLowerCase() ?? null;
  for (const a of e.attribution) {
    if (a.kind !== "outlet" || a.who.toLowerCase() === own || GENERIC.test(a.who.trim())) continue;
    return w.canonical(a.who) ?? a.who.trim();
  }
  if (article.origin) return article.origin;
  if (article.outlet) return w.canonical(article.outlet) ?? article.outlet;
  return hostOf(article.url) ?? `doc:${article.doc}`;
}
