// Reads PETRARCH / TABARI actor dictionaries: phrases, synonyms and codes with date restrictions.
import { basename } from "node:path";
import { problem, type Problem } from "../../core/problems.js";
import { eachLine, phraseOf, readDictText } from "./lines.js";
import type { DatedCode, PetrarchActor, PetrarchActorDictionary } from "./types.js";

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * YYYYMMDD or YYMMDD → YYYY-MM-DD, read as PETRARCH reads it: more than 7 characters is YYYYMMDD, fewer is
 * YYMMDD, and characters after the date are ignored (`extra` says there were some); two-digit years 00-30 are
 * 20YY, others 19YY (as KEDS, TABARI, PETRARCH). Null when no valid date starts the string.
 */
export function readPetrarchDate(s: string): { date: string; extra: boolean } | null {
  const long = s.length > 7;
  if (s.length < 6) return null;
  let y = digits(s, 0, long ? 4 : 2);
  const at = long ? 4 : 2;
  const m = digits(s, at, at + 2);
  const d = digits(s, at + 2, at + 4);
  if (y < 0 || m < 1 || m > 12 || d < 1) return null;
  if (!long) y += y <= 30 ? 2000 : 1900;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && !leap ? 28 : DAYS[m - 1])) return null;
  const date = `${String(y).padStart(4, "0")}-${s.slice(at, at + 2)}-${s.slice(at + 2, at + 4)}`;
  return { date, extra: s.length !== (long ? 8 : 6) };
}

/** A date string exactly as YYYYMMDD or YYMMDD → YYYY-MM-DD; null for anything else. */
export function petrarchDate(s: string): string | null {
  const r = readPetrarchDate(s);
  return r && !r.extra ? r.date : null;
}

export interface RestrictionOptions {
  /** Hears of loosely written dates, which are read as PETRARCH reads them. */
  warn?: (msg: string) => void;
  /** Returns one string for equal strings (codes and dates repeat thousands of times in the country files). */
  intern?: (s: string) => string;
}

/**
 * "[USAGOV >20170120]", "[AFGGOV 331108-730717]", "[USAELI <090120]", "[AFG]" → a dated code (dates null when
 * none), or an error text.
 */
export function parseRestriction(body: string, opts: RestrictionOptions = {}): DatedCode | string {
  const { warn, intern = (x: string) => x } = opts;
  const b = body.trim();
  let sp = 0;
  while (sp < b.length && b.charCodeAt(sp) > 32) sp++;
  const code = intern(b.slice(0, sp).toUpperCase());
  // any code without spaces: the validation suite uses "+++", "ELR/GAL" and "---" (a namesake with no code)
  if (!code) return "no actor code";
  const spec = b.slice(sp).replace(/\s+/g, "");
  if (!spec) return { code, from: null, to: null };
  const date = (s: string): string | null => {
    const r = readPetrarchDate(s);
    if (r?.extra) warn?.(`"${s}" read as ${r.date}`);
    return r ? intern(r.date) : null;
  };
  const first = spec.charAt(0);
  if (first === ">" || first === "<") {
    const d = date(spec.slice(1));
    if (!d) return `"${spec}" is not a date (YYYYMMDD or YYMMDD)`;
    return first === ">" ? { code, from: d, to: null } : { code, from: null, to: d };
  }
  const dash = spec.indexOf("-");
  if (dash < 0) {
    // a date alone: PETRARCH applies the code from that date on
    const d = date(spec);
    if (!d) return `"${spec}" is not a date (YYYYMMDD or YYMMDD)`;
    warn?.(`"${spec}" alone read as >${spec} (from ${d})`);
    return { code, from: d, to: null };
  }
  if (spec.indexOf("-", dash + 1) >= 0) return `"${spec}" is not a date range (YYYYMMDD-YYYYMMDD, >date or <date)`;
  const from = date(spec.slice(0, dash));
  const to = date(spec.slice(dash + 1));
  if (!from || !to) return `"${spec}" is not a date range (YYYYMMDD-YYYYMMDD)`;
  if (from > to) return `"${spec}" ends (${to}) before it begins (${from})`;
  return { code, from, to };
}

export function readPetrarchActors(path: string): PetrarchActorDictionary {
  const problems: Problem[] = [];
  const actors: PetrarchActor[] = [];
  const text = readDictText(path, problems);
  if (text === null) return { actors, problems };
  const name = basename(path);
  let cur: PetrarchActor | null = null;
  const bad = (n: number, msg: string): void => {
    problems.push(problem("E_DICT_LINE", `${name}:${n}`, msg));
  };
  let at = 0;
  const interned = new Map<string, string>();
  const opts: RestrictionOptions = {
    warn: (msg) => problems.push(problem("W_DICT_DATE", `${name}:${at}`, msg)),
    intern: (s) => {
      const had = interned.get(s);
      if (had !== undefined) return had;
      interned.set(s, s);
      return s;
    },
  };
  eachLine(text, {}, (line, n) => {
    at = n;
    let i = 0;
    while (i < line.length && line.charCodeAt(i) <= 32) i++;
    const first = line.charAt(i);
    const open = line.indexOf("[", i);
    if (first !== "[") {
      // the phrase: up to the first [ (date restriction lines have none)
      const head = line.slice(first === "+" ? i + 1 : i, open < 0 ? line.length : open);
      if (head.includes("]")) return bad(n, "a ] without its [");
      const p = phraseOf(head);
      if (!p) return bad(n, first === "+" ? "a + with no synonym after it" : "no actor phrase");
      if (first !== "+") actors.push((cur = { phrases: [p], defaultCode: null, dated: [], where: `${name}:${n}` }));
      else if (!cur) return bad(n, "a synonym (+) before any actor");
      // "+TAIWAN_ +TAIWANESE_": several synonyms on one line
      else cur.phrases.push(...p.split(" +").filter(Boolean));
    } else if (!cur) return bad(n, "a code line before any actor");
    const actor = cur!;
    // every [...] on the line: "[X]", "[X 19970101-20010120]", TABARI's "[A 820701-821231][B 870701-871231]"
    for (let o = open; o >= 0; o = line.indexOf("[", o)) {
      const close = line.indexOf("]", o);
      if (close < 0) return bad(n, "a [ without its ]");
      const r = parseRestriction(line.slice(o + 1, close), opts);
      o = close + 1;
      if (typeof r === "string") bad(n, r);
      // an undated code is the default, when the actor has none yet; later ones are listed with the dated
      else if (r.from === null && r.to === null && actor.defaultCode === null) actor.defaultCode = r.code;
      else actor.dated.push(r);
    }
  });
  return { actors, problems };
}
