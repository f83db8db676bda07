// The shared full-text search syntax (words, "phrases", OR, NOT, prefix*) as a PostgreSQL tsquery built from parameters.
import { SitrepError, problem } from "../../core/problems.js";
import type { Params } from "./params.js";

type Token = { op: "OR" | "NOT" | "AND" } | { phrase: string } | { prefix: string };

function tokens(text: string): Token[] {
  if ((text.match(/"/g) ?? []).length % 2) throw new SitrepError(problem("E_QUERY", "text", `the search "${text}" has an unbalanced quote`));
  const out: Token[] = [];
  for (const m of text.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    if (m[1] !== undefined) {
      if (m[1].trim()) out.push({ phrase: m[1] });
      continue;
    }
    const w = m[2];
    if (w === "OR" || w === "NOT" || w === "AND") out.push({ op: w });
    else if (w.endsWith("*") && /[\p{L}\p{N}]/u.test(w)) out.push({ prefix: w.replace(/[^\p{L}\p{N}_]/gu, "").toLowerCase() });
    else out.push({ phrase: w });
  }
  return out;
}

/**
 * A tsquery expression for `text` (its words as parameters, under the 'simple' configuration the index uses):
 * words and phrases are ANDed, `a OR b`, `a NOT b`. An unbalanced quote, or an operator with nothing to join, is E_QUERY.
 */
export function tsQuery(text: string, p: Params): string {
  // as in FTS5, OR binds loosest: OR-groups of terms joined by AND and NOT
  const groups: string[][] = [[]];
  let pending: "OR" | "NOT" | "AND" | null = null;
  for (const t of tokens(text)) {
    const group = groups[groups.length - 1];
    if ("op" in t) {
      if (pending || !group.length) throw new SitrepError(problem("E_QUERY", "text", `the search "${text}" has ${t.op} with nothing before it`));
      pending = t.op;
      continue;
    }
    const term = "prefix" in t ? `to_tsquery('simple'::regconfig, ${p.add(`${t.prefix}:*`)})` : `phraseto_tsquery('simple'::regconfig, ${p.add(t.phrase)})`;
    if (pending === "OR") groups.push([term]);
    else group.push(group.length ? (pending === "NOT" ? `&& (!!${term})` : `&& ${term}`) : term);
    pending = null;
  }
  if (pending) throw new SitrepError(problem("E_QUERY", "text", `the search "${text}" ends with ${pending}`));
  if (!groups[0].length) throw new SitrepError(problem("E_QUERY", "text", `the search "${text}" has no words`));
  return groups.map((g) => `(${g.join(" ")})`).join(" || ");
}
