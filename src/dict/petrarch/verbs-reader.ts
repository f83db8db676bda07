// Reads PETRARCH-2 verb dictionaries: synsets, verb blocks with their forms, patterns and verb transformations.
import { problem, type Problem } from "../../core/problems.js";
import { dictLines, phraseOf, pluralOf, type DictLine } from "./lines.js";
import type { PatternElement, PetrarchVerb, PetrarchVerbBlock, PetrarchVerbDictionary, PetrarchVerbPattern } from "./types.js";

/** `[050]`, `[---]`, `[037:037]` → active and passive codes (null for ---); an error text when malformed. */
export function parseVerbCode(body: string): { code: string | null; passiveCode: string | null } | string {
  const [a, b, extra] = body.trim().split(":");
  if (extra !== undefined) return `"[${body}]" has more than two codes`;
  const one = (c: string | undefined): string | null | undefined => {
    if (c === undefined || c.trim() === "") return undefined;
    const t = c.trim().toUpperCase();
    if (t === "---") return null;
    return /^\d{2,4}[A-Z]?$/.test(t) ? t : undefined;
  };
  // "[:110]": no active code, a passive one
  const code = a.trim() === "" && b !== undefined ? null : one(a);
  if (code === undefined) return `"[${body}]" is not an event code`;
  const passive = b === undefined ? null : one(b);
  if (passive === undefined) return `"[${body}]" has a malformed second code`;
  return { code, passiveCode: passive };
}

/** Regular forms of a verb, as PETRARCH makes them: -s/-es/-ies, -ed/-d, -ing (dropping a final e). */
export function verbForms(verb: string): string[] {
  const v = verb.toLowerCase();
  const s = /(s|x|z|ch|sh)$/.test(v) ? v + "es" : /[^aeiou]y$/.test(v) ? v.slice(0, -1) + "ies" : v + "s";
  const ed = v.endsWith("e") ? v + "d" : /[^aeiou]y$/.test(v) ? v.slice(0, -1) + "ied" : v + "ed";
  const ing = v.endsWith("e") && !/[aeiou]e$/.test(v) ? v.slice(0, -1) + "ing" : v + "ing";
  return [v, s, ed, ing];
}

/** "+GO_BY" → { front: [], verb: "go", back: ["by"] }; "GIVE" → { verb: "give" }. */
function splitCompound(word: string): { front: string[]; verb: string; back: string[] } {
  const w = word.toLowerCase();
  const plus = w.indexOf("+");
  if (plus < 0) {
    // "CLEAR_UP": the first word is the verb
    const parts = w.split("_").filter(Boolean);
    return { front: [], verb: parts[0] ?? "", back: parts.slice(1) };
  }
  const front = w.slice(0, plus).split("_").filter(Boolean);
  const after = w.slice(plus + 1).split("_").filter(Boolean);
  return { front, verb: after[0] ?? "", back: after.slice(1) };
}

type Tok = string;

function tokenize(s: string): Tok[] {
  return s.replace(/([{}()])/g, " $1 ").split(/\s+/).filter(Boolean);
}

interface Ctx {
  synsets: Map<string, string[]>;
  problems: Problem[];
  where: string;
}

/** Expands `&NAME` (and names inside its members, to a depth of 5) into phrases. */
function expandSynset(name: string, c: Ctx, depth = 0): string[] | null {
  const members = c.synsets.get(name.toUpperCase());
  if (!members) {
    c.problems.push(problem("E_DICT_LINE", c.where, `synset &${name} is not defined`));
    return null;
  }
  if (depth > 5) {
    c.problems.push(problem("E_DICT_LINE", c.where, `synset &${name} is nested too deep`));
    return null;
  }
  const out: string[] = [];
  for (const m of members) {
    if (!m.includes("&")) {
      out.push(m);
      continue;
    }
    const parts = m.split(" ");
    let acc = [""];
    for (const p of parts) {
      const alts = p.startsWith("&") ? expandSynset(p.slice(1), c, depth + 1) : [p];
      if (!alts) return null;
      acc = acc.flatMap((a) => alts.map((x) => (a ? a + " " + x : x)));
    }
    out.push(...acc);
  }
  return out;
}

/** Alternatives for one word token: a synset, or a word (`_` joins words into one phrase). */
function wordAlternatives(tok: string, c: Ctx): string[] | null {
  if (tok.startsWith("&")) {
    const name = tok.slice(1);
    // "&TIETYPES_MEMOS": the synset, then the word right after it
    const us = name.indexOf("_");
    if (!c.synsets.has(name.toUpperCase()) && us > 0 && c.synsets.has(name.slice(0, us).toUpperCase())) {
      const set = expandSynset(name.slice(0, us), c);
      const tail = phraseOf(name.slice(us + 1));
      return set && set.map((x) => (tail ? x + " " + tail : x));
    }
    return expandSynset(name, c);
  }
  const p = phraseOf(tok);
  return p ? [p] : [];
}

/** Parses elements until `stop` (")" or "}" or end); returns the elements and the next index. */
function parseElements(toks: Tok[], i: number, stop: string | null, c: Ctx): { els: PatternElement[]; next: number } | null {
  const els: PatternElement[] = [];
  while (i < toks.length) {
    const t = toks[i];
    if (t === stop) return { els, next: i + 1 };
    if (t === ")" || t === "}") {
      c.problems.push(problem("E_DICT_LINE", c.where, `unexpected "${t}"`));
      return null;
    }
    if (t === "+") els.push({ kind: "source" });
    else if (t === "$") els.push({ kind: "target" });
    else if (t === "%") els.push({ kind: "compound" });
    else if (t === "^") els.push({ kind: "skip" });
    else if (t === "(") {
      const prep = toks[i + 1];
      if (!prep || prep === ")") {
        // "(IN)" alone or "()" — an empty phrase is malformed
        if (prep === ")") {
          c.problems.push(problem("E_DICT_LINE", c.where, "an empty ( )"));
          return null;
        }
      }
      if (prep === undefined) {
        c.problems.push(problem("E_DICT_LINE", c.where, "a ( without its )"));
        return null;
      }
      const preps = wordAlternatives(prep, c);
      if (!preps) return null;
      const inner = parseElements(toks, i + 2, ")", c);
      if (!inner) return null;
      if (inner.next > toks.length || toks[inner.next - 1] !== ")") {
        c.problems.push(problem("E_DICT_LINE", c.where, "a ( without its )"));
        return null;
      }
      els.push({ kind: "prep", preps, elements: inner.els });
      i = inner.next;
      continue;
    } else if (t === "{") {
      // a noun phrase: consecutive words, any of which may be a synset
      const end = toks.indexOf("}", i + 1);
      if (end < 0) {
        c.problems.push(problem("E_DICT_LINE", c.where, "a { without its }"));
        return null;
      }
      let acc = [""];
      for (const w of toks.slice(i + 1, end)) {
        if (["+", "$", "%", "^", "(", ")", "{"].includes(w)) continue;
        const alts = wordAlternatives(w, c);
        if (!alts) return null;
        if (!alts.length) continue;
        acc = acc.flatMap((a) => alts.map((x) => (a ? a + " " + x : x)));
      }
      const phrases = acc.filter(Boolean);
      if (phrases.length) els.push({ kind: "phrase", alternatives: phrases });
      i = end + 1;
      continue;
    } else {
      const alts = wordAlternatives(t, c);
      if (!alts) return null;
      if (alts.length) els.push({ kind: "words", alternatives: alts });
    }
    i++;
  }
  if (stop) {
    c.problems.push(problem("E_DICT_LINE", c.where, `a ${stop === ")" ? "(" : "{"} without its ${stop}`));
    return null;
  }
  return { els, next: i };
}

interface RawPattern {
  line: DictLine;
  block: PetrarchVerbBlock;
}

export function readPetrarchVerbs(path: string): PetrarchVerbDictionary {
  const problems: Problem[] = [];
  const synsets = new Map<string, string[]>();
  const blocks: PetrarchVerbBlock[] = [];
  const transformations: PetrarchVerbDictionary["transformations"] = [];
  const raw: RawPattern[] = [];
  let synset: { name: string; plurals: boolean } | null = null;
  let block: PetrarchVerbBlock | null = null;
  const lines = dictLines(path, problems);
  for (const l of lines) {
    const s = l.text.trim();
    if (s.startsWith("&")) {
      const name = s.slice(1).split(/\s+/)[0];
      synset = { name: name.replace(/_$/, "").toUpperCase(), plurals: !name.endsWith("_") };
      if (!synsets.has(synset.name)) synsets.set(synset.name, []);
      continue;
    }
    if (s.startsWith("---")) {
      // --- MEANING [CODE] ---
      synset = null;
      const m = /^---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-*\s*$/.exec(s);
      const meaning = (m?.[1] ?? "").replace(/-+$/, "").trim();
      let code: string | null = null;
      if (m?.[2] !== undefined) {
        const c = parseVerbCode(m[2]);
        if (typeof c === "string") problems.push(problem("E_DICT_LINE", l.where, c));
        else code = c.code;
      }
      block = { meaning, code, verbs: [], patterns: [], where: l.where };
      blocks.push(block);
      continue;
    }
    if (s.startsWith("+") && synset) {
      addSynsetMember(synsets, synset, s.slice(1));
      continue;
    }
    synset = null;
    if (s.startsWith("~")) {
      const [left, right] = s.slice(1).replace(/[()]/g, " ").split("=");
      if (right === undefined) problems.push(problem("E_DICT_LINE", l.where, "a transformation needs an ="));
      else transformations.push({ left: left.trim().split(/\s+/), right: right.trim().split(/\s+/), where: l.where });
      continue;
    }
    if (s.startsWith("-")) {
      if (!block) {
        problems.push(problem("E_DICT_LINE", l.where, "a pattern before any verb block (--- NAME [code] ---)"));
        continue;
      }
      raw.push({ line: l, block });
      continue;
    }
    // a verb line: WORD {FORMS} [CODE], +GO_BY {+WENT_BY ...}
    synset = null;
    if (!block) {
      problems.push(problem("E_DICT_LINE", l.where, "a verb before any verb block (--- NAME [code] ---)"));
      continue;
    }
    const verb = parseVerbLine(s, block, l.where, problems);
    if (verb) block.verbs.push(verb);
  }
  // patterns last: synsets may be defined anywhere in the file
  for (const r of raw) {
    const p = parsePattern(r.line, synsets, problems);
    if (p) r.block.patterns.push(p);
  }
  return { synsets, blocks, transformations, problems };
}

function addSynsetMember(synsets: Map<string, string[]>, set: { name: string; plurals: boolean }, term: string): void {
  const t = term.trim();
  if (!t) return;
  const noPlural = t.endsWith("_") || !set.plurals;
  const phrase = t.includes("&") ? t.replace(/_+$/, "").replace(/_/g, " ").trim().replace(/\s+/g, " ").split(" ").map((w) => (w.startsWith("&") ? w.toUpperCase() : w.toLowerCase())).join(" ") : phraseOf(t.replace(/_+$/, ""));
  const list = synsets.get(set.name)!;
  list.push(phrase);
  // PETRARCH forms plurals of single words only
  if (!noPlural && !phrase.includes(" ") && !phrase.includes("&")) list.push(pluralOf(phrase));
}

function parseVerbLine(s: string, block: PetrarchVerbBlock, where: string, problems: Problem[]): PetrarchVerb | null {
  let rest = s;
  let code = block.code;
  let passiveCode: string | null = null;
  const cb = /\[([^\]]*)\]/.exec(rest);
  if (cb) {
    const c = parseVerbCode(cb[1]);
    if (typeof c === "string") {
      problems.push(problem("E_DICT_LINE", where, c));
      return null;
    }
    ({ code, passiveCode } = c);
    rest = rest.slice(0, cb.index) + rest.slice(cb.index + cb[0].length);
  }
  let irregular: string[] | null = null;
  const ob = rest.indexOf("{");
  if (ob >= 0) {
    const cl = rest.indexOf("}", ob);
    if (cl < 0) {
      problems.push(problem("E_DICT_LINE", where, "a { without its }"));
      return null;
    }
    irregular = rest.slice(ob + 1, cl).split(/\s+/).filter(Boolean);
    rest = rest.slice(0, ob) + rest.slice(cl + 1);
  }
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length !== 1) {
    problems.push(problem("E_DICT_LINE", where, words.length ? `"${rest.trim()}" is not one verb (join words with _)` : "no verb"));
    return null;
  }
  const head = splitCompound(words[0]);
  if (!/^[a-z][a-z'-]*$/.test(head.verb)) {
    problems.push(problem("E_DICT_LINE", where, `"${words[0]}" is not a verb`));
    return null;
  }
  const join = (f: string[], v: string, b: string[]) => [...f, v, ...b].join(" ");
  const forms = new Set<string>();
  if (irregular) {
    forms.add(join(head.front, head.verb, head.back));
    for (const w of irregular) {
      const f = splitCompound(w);
      if (f.verb) forms.add(join(f.front.length ? f.front : head.front, f.verb, f.back.length || w.includes("+") ? f.back : head.back));
    }
  } else {
    for (const v of verbForms(head.verb)) forms.add(join(head.front, v, head.back));
  }
  return { forms: [...forms], code, passiveCode, where };
}

function parsePattern(l: DictLine, synsets: Map<string, string[]>, problems: Problem[]): PetrarchVerbPattern | null {
  const s = l.text.trim().slice(1);
  const cb = /\[([^\]]*)\]\s*$/.exec(s.trim());
  if (!cb) {
    problems.push(problem("E_DICT_LINE", l.where, "a pattern needs a [code] at its end"));
    return null;
  }
  const c = parseVerbCode(cb[1]);
  if (typeof c === "string") {
    problems.push(problem("E_DICT_LINE", l.where, c));
    return null;
  }
  const body = s.trim().slice(0, cb.index).replace(/\*\*/g, "*");
  const star = body.indexOf("*");
  if (star < 0) {
    problems.push(problem("E_DICT_LINE", l.where, "a pattern needs * where the verb stands"));
    return null;
  }
  if (body.indexOf("*", star + 1) >= 0) {
    problems.push(problem("E_DICT_LINE", l.where, "a pattern has more than one *"));
    return null;
  }
  const ctx: Ctx = { synsets, problems, where: l.where };
  const pre = parseElements(tokenize(body.slice(0, star)), 0, null, ctx);
  const post = parseElements(tokenize(body.slice(star + 1)), 0, null, ctx);
  if (!pre || !post) return null;
  return { pre: pre.els, post: post.els, code: c.code, passiveCode: c.passiveCode, text: l.text.trim(), where: l.where };
}
