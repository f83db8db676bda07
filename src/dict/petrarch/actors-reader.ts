// Reads PETRARCH / TABARI actor dictionaries: phrases, synonyms and codes with date restrictions.
import { problem, type Problem } from "../../core/problems.js";
import { dictLines, phraseOf } from "./lines.js";
import type { DatedCode, PetrarchActor, PetrarchActorDictionary } from "./types.js";

const CODE = /^[A-Za-z0-9]{3,}$/;

/** YYYYMMDD or YYMMDD → YYYY-MM-DD; two-digit years 00-30 are 20YY, others 19YY (as KEDS, TABARI, PETRARCH). */
export function petrarchDate(s: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    rest = s.slice(4);
  } else if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = s.slice(2);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** "[USAGOV >20170120]", "[AFGGOV 331108-730717]", "[USAELI <090120]", "[AFG]" → a dated code, or an error text. */
export function parseRestriction(body: string): DatedCode | string {
  const parts = body.trim().split(/\s+/);
  const code = (parts[0] ?? "").toUpperCase();
  // "[---]": the phrase is known and has no code (a namesake who is no political actor)
  if (code === "---" && parts.length === 1) return { code, from: null, to: null };
  if (!CODE.test(code)) return `"${parts[0] ?? ""}" is not an actor code`;
  const spec = parts.slice(1).join("");
  if (!spec) return { code, from: null, to: null };
  if (spec.startsWith(">") || spec.startsWith("<")) {
    const d = petrarchDate(spec.slice(1));
    if (!d) return `"${spec}" is not a date (YYYYMMDD or YYMMDD)`;
    return spec[0] === ">" ? { code, from: d, to: null } : { code, from: null, to: d };
  }
  const [a, b] = spec.split("-");
  const from = petrarchDate(a);
  const to = b === undefined ? from : petrarchDate(b);
  if (!from || !to) return `"${spec}" is not a date range (YYYYMMDD-YYYYMMDD)`;
  return { code, from, to };
}

/** Every `[...]` group of a line, with the rest of the line. */
function brackets(line: string): { rest: string; groups: string[]; bad: boolean } {
  const groups: string[] = [];
  let rest = "";
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf("[", i);
    if (open < 0) {
      rest += line.slice(i);
      break;
    }
    const close = line.indexOf("]", open);
    if (close < 0) return { rest: rest + line.slice(i), groups, bad: true };
    rest += line.slice(i, open) + " ";
    groups.push(line.slice(open + 1, close));
    i = close + 1;
  }
  return { rest, groups, bad: false };
}

export function readPetrarchActors(path: string): PetrarchActorDictionary {
  const problems: Problem[] = [];
  const actors: PetrarchActor[] = [];
  let cur: PetrarchActor | null = null;
  const addCodes = (a: PetrarchActor, groups: string[], where: string, primary: boolean): void => {
    for (const g of groups) {
      const r = parseRestriction(g);
      if (typeof r === "string") {
        problems.push(problem("E_DICT_LINE", where, r));
        continue;
      }
      if (primary && !r.from && !r.to && a.defaultCode === null) a.defaultCode = r.code;
      else a.dated.push(r);
    }
  };
  for (const l of dictLines(path, problems)) {
    const indented = /^\s/.test(l.text);
    const line = l.text.trim();
    const { rest, groups, bad } = brackets(line);
    if (bad) {
      problems.push(problem("E_DICT_LINE", l.where, "a [ without its ]"));
      continue;
    }
    if (line.startsWith("[") || (indented && !rest.trim())) {
      // a date restriction line belongs to the actor above it
      if (!cur) {
        problems.push(problem("E_DICT_LINE", l.where, "a code line before any actor"));
        continue;
      }
      addCodes(cur, groups, l.where, false);
      continue;
    }
    if (line.startsWith("+")) {
      if (!cur) {
        problems.push(problem("E_DICT_LINE", l.where, "a synonym (+) before any actor"));
        continue;
      }
      const p = phraseOf(rest.slice(rest.indexOf("+") + 1));
      if (p) cur.phrases.push(p);
      addCodes(cur, groups, l.where, false);
      continue;
    }
    const p = phraseOf(rest);
    if (!p) {
      problems.push(problem("E_DICT_LINE", l.where, "no actor phrase"));
      continue;
    }
    cur = { phrases: [p], defaultCode: null, dated: [], where: l.where };
    actors.push(cur);
    addCodes(cur, groups, l.where, true);
  }
  return { actors, problems };
}
