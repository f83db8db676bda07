// Reads PETRARCH-2 verb dictionaries: synsets, verb blocks with their forms, patterns and verb transformations.
import { problem, type Problem } from "../../core/problems.js";
import { dictLines, phraseOf, pluralPhrase, type DictLine } from "./lines.js";
import type { PatternElement, PetrarchVerb, PetrarchVerbBlock, PetrarchVerbDictionary, PetrarchVerbPattern } from "./types.js";

/** `[050]`, `[---]`, `[037:037]`, `[:110]` → active and passive codes (null for ---); an error text when malformed. */
export function parseVerbCode(body: string): { code: string | null; passiveCode: string | null } | string {
  const [a, b, extra] = body.trim().split(":");
  if (extra !== undefined) return `"[${body}]" has more than two codes`;
  // CAMEO codes are 2 to 4 digits; "[075A]" or "[080!]" is a typing slip, not a code
  const one = (c: string | undefined): string | null | undefined => {
    if (c === undefined || c.trim() === "") return undefined;
    const t = c.trim();
    if (t === "---") return null;
    return /^\d{2,4}$/.test(t) ? t : undefined;
  };
  // "[:110]": no active code, a passive one
  const code = a.trim() === "" && b !== undefined ? null : one(a);
  if (code === undefined) return `"[${body}]" is not an event code (2 to 4 digits, or ---)`;
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

/** Synsets nest at most this deep, and one pattern line expands to at most this many patterns or alternatives. */
const MAX_DEPTH = 5;
const MAX_VARIANTS = 4096;

function tokenize(s: string): string[] {
  return s.replace(/([{}()])/g, " $1 ").split(/\s+/).filter(Boolean);
}

interface Ctx {
  synsets: Map<string, string[]>;
  /** Synsets with a member that is a phrase structure (`+(TO THE END)`): expanded as text, pattern by pattern. */
  structural: Set<string>;
  problems: Problem[];
  where: string;
}

/**
 * `&NAME` → the set NAME; `&NAME_` → NAME (the no-plural spelling); `&NAME_WORD` → NAME followed by "word"
 * when no set is called NAME_WORD (the longest name that is a set wins). Null when no set matches.
 */
function synsetRef(ref: string, synsets: Map<string, string[]>): { name: string; tail: string } | null {
  const name = ref.replace(/^&/, "").toUpperCase();
  const bare = name.replace(/_+$/, "");
  if (synsets.has(bare)) return { name: bare, tail: "" };
  for (let us = bare.lastIndexOf("_"); us > 0; us = bare.lastIndexOf("_", us - 1)) {
    if (synsets.has(bare.slice(0, us))) return { name: bare.slice(0, us), tail: phraseOf(bare.slice(us + 1)) };
  }
  return null;
}

function undefinedSynset(ref: string, c: Ctx): null {
  c.problems.push(problem("E_DICT_LINE", c.where, `synset ${ref.toUpperCase()} is not defined`));
  return null;
}

/** Every phrase a synset reference stands for, with synsets inside its members expanded in turn. */
function expandSynset(ref: string, c: Ctx, depth = 0): string[] | null {
  const r = synsetRef(ref, c.synsets);
  if (!r) return undefinedSynset(ref, c);
  if (depth > MAX_DEPTH) {
    c.problems.push(problem("E_DICT_LINE", c.where, `synset ${ref.toUpperCase()} is nested more than ${MAX_DEPTH} deep`));
    return null;
  }
  const out: string[] = [];
  for (const m of c.synsets.get(r.name)!) {
    const alts = m.includes("&") ? sequence(m.split(" "), c, depth + 1) : [m];
    if (!alts) return null;
    for (const a of alts) out.push(r.tail ? a + " " + r.tail : a);
  }
  return out;
}

/** What one token stands for: a synset, words joined by `_` with a synset among them (`FIGHTER_&AIRCRAFT`), a word. */
function wordAlternatives(tok: string, c: Ctx, depth = 0): string[] | null {
  if (tok.startsWith("&")) return expandSynset(tok, c, depth);
  if (tok.includes("_&")) return sequence(tok.split("_"), c, depth);
  return [phraseOf(tok)];
}

/** The phrases a run of consecutive words stands for; any word may be a synset. */
function sequence(words: string[], c: Ctx, depth = 0): string[] | null {
  let acc = [""];
  for (const w of words) {
    const alts = wordAlternatives(w, c, depth);
    if (!alts) return null;
    const next: string[] = [];
    for (const a of acc) for (const x of alts) if (x) next.push(a ? a + " " + x : x);
    if (next.length > MAX_VARIANTS) {
      c.problems.push(problem("E_DICT_LINE", c.where, `"${words.join(" ")}" stands for more than ${MAX_VARIANTS} phrases`));
      return null;
    }
    if (next.length) acc = next;
  }
  return acc.filter(Boolean);
}

/**
 * A pattern body with each structural synset replaced by each of its members, as text — one body per
 * combination; other synsets stay, to become alternatives of one element.
 */
function structuralVariants(body: string, c: Ctx): string[] | null {
  if (!c.structural.size) return [body];
  let out = [body];
  for (let round = 0; ; round++) {
    const next: string[] = [];
    let changed = false;
    for (const b of out) {
      let hit: { at: number; len: number; members: string[] } | null = null;
      for (const m of b.matchAll(/&[A-Za-z0-9_]+/g)) {
        const r = synsetRef(m[0], c.synsets);
        if (r && c.structural.has(r.name)) {
          hit = { at: m.index, len: m[0].length, members: c.synsets.get(r.name)!.map((x) => (r.tail ? `${x} ${r.tail}` : x)) };
          break;
        }
      }
      if (!hit) {
        next.push(b);
        continue;
      }
      changed = true;
      for (const x of hit.members) next.push(`${b.slice(0, hit.at)} ${x} ${b.slice(hit.at + hit.len)}`);
    }
    if (!changed) return out;
    if (round >= MAX_DEPTH || next.length > MAX_VARIANTS) {
      c.problems.push(problem("E_DICT_LINE", c.where, "synsets of phrases nest too deep or expand to too many patterns"));
      return null;
    }
    out = next;
  }
}

/** Parses elements until `stop` (")" or end); returns the elements and the index after the stop. */
function parseElements(toks: string[], i: number, stop: ")" | null, c: Ctx): { els: PatternElement[]; next: number } | null {
  const els: PatternElement[] = [];
  const fail = (msg: string): null => {
    c.problems.push(problem("E_DICT_LINE", c.where, msg));
    return null;
  };
  while (i < toks.length) {
    const t = toks[i];
    if (t === stop) return { els, next: i + 1 };
    if (t === ")" || t === "}") return fail(`unexpected "${t}"`);
    if (t === "+") els.push({ kind: "source" });
    else if (t === "$") els.push({ kind: "target" });
    else if (t === "%") els.push({ kind: "compound" });
    else if (t === "^") els.push({ kind: "skip" });
    else if (t === "(") {
      // (PREP elements...): the preposition (a word or a synset), then what may follow it
      const prep = toks[i + 1];
      if (prep === undefined) return fail("a ( without its )");
      if (/^[(){}+$%^]$/.test(prep)) return fail(`"( ${prep}": a ( must start with its preposition`);
      const preps = wordAlternatives(prep, c);
      if (!preps) return null;
      const inner = parseElements(toks, i + 2, ")", c);
      if (!inner) return null;
      els.push({ kind: "prep", preps, elements: inner.els });
      i = inner.next;
      continue;
    } else if (t === "{") {
      // {A B C}: a noun phrase of consecutive words, any of which may be a synset
      const end = toks.indexOf("}", i + 1);
      if (end < 0) return fail("a { without its }");
      const words = toks.slice(i + 1, end);
      const odd = words.find((w) => /^[+$%^(){]$/.test(w));
      if (odd) return fail(`"${odd}" inside { }: a noun phrase holds words and synsets only`);
      const alternatives = sequence(words, c);
      if (!alternatives) return null;
      if (alternatives.length) els.push({ kind: "phrase", alternatives });
      i = end + 1;
      continue;
    } else {
      // a word, a phrase joined by _, or a synset
      const alternatives = wordAlternatives(t, c);
      if (!alternatives) return null;
      if (alternatives.length && alternatives[0]) els.push({ kind: "words", alternatives });
    }
    i++;
  }
  return stop ? fail("a ( without its )") : { els, next: i };
}

/** A synset member as stored: words lower case with `_` made spaces; synset references kept as written. */
function memberText(term: string): string {
  return term
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (w.includes("_&") && !w.startsWith("&") ? w.split("_") : [w]))
    .map((w) => (w.startsWith("&") ? w.toUpperCase() : phraseOf(w)))
    .filter(Boolean)
    .join(" ");
}

function addSynsetMember(synsets: Map<string, string[]>, set: { name: string; plurals: boolean }, term: string): void {
  const t = term.trim();
  const text = memberText(t.replace(/_+$/, ""));
  if (!text) return;
  const list = synsets.get(set.name)!;
  list.push(text);
  // the last word made plural, unless it is a synset or a phrase structure, or `_` forbids it
  if (!set.plurals || t.endsWith("_") || /[(){}]/.test(text) || text.slice(text.lastIndexOf(" ") + 1).startsWith("&")) return;
  const plural = pluralPhrase(text);
  if (plural !== text) list.push(plural);
}

/** Synsets that hold a phrase structure, directly or through a synset member. */
function structuralSynsets(synsets: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, members] of synsets) {
      if (out.has(name)) continue;
      const structural = members.some(
        (m) => /[(){}]/.test(m) || m.split(" ").some((w) => w.startsWith("&") && out.has(synsetRef(w, synsets)?.name ?? "")),
      );
      if (structural) {
        out.add(name);
        changed = true;
      }
    }
  }
  return out;
}

export function readPetrarchVerbs(path: string): PetrarchVerbDictionary {
  const problems: Problem[] = [];
  const synsets = new Map<string, string[]>();
  const blocks: PetrarchVerbBlock[] = [];
  const transformations: PetrarchVerbDictionary["transformations"] = [];
  const raw: Array<{ line: DictLine; block: PetrarchVerbBlock }> = [];
  let synset: { name: string; plurals: boolean } | null = null;
  let block: PetrarchVerbBlock | null = null;
  for (const l of dictLines(path, problems)) {
    const s = l.text.trim();
    if (s.startsWith("&")) {
      // &NAME, or &NAME_ (no plurals for its members)
      const name = s.slice(1).split(/\s+/)[0];
      const bare = name.replace(/_+$/, "").toUpperCase();
      if (!/^[A-Z0-9][A-Z0-9_]*$/.test(bare)) {
        problems.push(problem("E_DICT_LINE", l.where, `"&${name}" is not a synset name`));
        synset = null;
        continue;
      }
      synset = { name: bare, plurals: !name.endsWith("_") };
      // a set named twice gathers the members of both, as in PETRARCH
      if (!synsets.has(bare)) synsets.set(bare, []);
      continue;
    }
    if (s.startsWith("+") && synset) {
      addSynsetMember(synsets, synset, s.slice(1));
      continue;
    }
    synset = null;
    if (s.startsWith("---")) {
      // --- MEANING [CODE] ---
      // (the closing dashes may touch the code: "---  DELAY   [120]---  ---")
      const m = /^---\s*(.*?)\s*(?:\[([^\]]*)\])?[\s-]*$/.exec(s);
      const meaning = (m?.[1] ?? "").replace(/-+$/, "").trim();
      let code: string | null = null;
      if (m?.[2] !== undefined) {
        const c = parseVerbCode(m[2]);
        if (typeof c === "string") problems.push(problem("E_DICT_LINE", l.where, c));
        else code = c.code;
      } else problems.push(problem("E_DICT_LINE", l.where, "a verb block heading needs a [code] (--- MEANING [code] ---)"));
      block = { meaning, code, verbs: [], patterns: [], where: l.where };
      blocks.push(block);
      continue;
    }
    if (s.startsWith("~")) {
      // ~ a (a b ATTACK) SAY = a b 015
      const parts = s.slice(1).replace(/[()]/g, " ").split("=");
      const split = (x: string) => x.trim().split(/\s+/).filter(Boolean);
      if (parts.length !== 2 || !split(parts[0]).length || !split(parts[1]).length)
        problems.push(problem("E_DICT_LINE", l.where, "a transformation is ~ left = right"));
      else transformations.push({ left: split(parts[0]), right: split(parts[1]), where: l.where });
      continue;
    }
    if (!block) {
      problems.push(problem("E_DICT_LINE", l.where, `a ${s.startsWith("-") ? "pattern" : "verb"} before any verb block (--- MEANING [code] ---)`));
      continue;
    }
    if (s.startsWith("-")) raw.push({ line: l, block });
    else {
      const verb = parseVerbLine(s, block, l.where, problems);
      if (verb) block.verbs.push(verb);
    }
  }
  // patterns last: synsets may be defined anywhere in the file
  const ctx: Ctx = { synsets, structural: structuralSynsets(synsets), problems, where: "" };
  for (const r of raw) {
    ctx.where = r.line.where;
    const ps = parsePattern(r.line, ctx);
    if (ps) r.block.patterns.push(...ps);
  }
  return { synsets, blocks, transformations, problems };
}

function parseVerbLine(s: string, block: PetrarchVerbBlock, where: string, problems: Problem[]): PetrarchVerb | null {
  if (/(^|\s)\*(\s|$)/.test(s)) {
    problems.push(problem("E_DICT_LINE", where, `"${s}" looks like a pattern without its leading "-"`));
    return null;
  }
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
    // "{+WAS_SET , +BE_SET}": some lists separate the forms with commas
    irregular = rest.slice(ob + 1, cl).split(/[\s,]+/).filter(Boolean);
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
    // the forms in { }, written whole (+WENT_BY) or as the verb alone (WENT), which keeps the particles
    forms.add(join(head.front, head.verb, head.back));
    for (const w of irregular) {
      const f = splitCompound(w);
      const whole = w.includes("+") || w.includes("_");
      if (f.verb) forms.add(whole ? join(f.front, f.verb, f.back) : join(head.front, f.verb, head.back));
    }
  } else {
    for (const v of verbForms(head.verb)) forms.add(join(head.front, v, head.back));
  }
  return { forms: [...forms], code, passiveCode, where };
}

function parsePattern(l: DictLine, c: Ctx): PetrarchVerbPattern[] | null {
  const fail = (msg: string): null => {
    c.problems.push(problem("E_DICT_LINE", l.where, msg));
    return null;
  };
  const s = l.text.trim().slice(1).trim();
  const cb = /\[([^\]]*)\]$/.exec(s);
  if (!cb) return fail("a pattern needs a [code] at its end");
  const code = parseVerbCode(cb[1]);
  if (typeof code === "string") return fail(code);
  // TABARI wrote the verb as **
  const body = s.slice(0, cb.index).replace(/\*\*/g, "*");
  const star = body.indexOf("*");
  if (star < 0) return fail("a pattern needs * where the verb stands");
  if (body.indexOf("*", star + 1) >= 0) return fail("a pattern has more than one *");
  const variants = structuralVariants(body, c);
  if (!variants) return null;
  const out: PetrarchVerbPattern[] = [];
  for (const v of variants) {
    const at = v.indexOf("*");
    const pre = parseElements(tokenize(v.slice(0, at)), 0, null, c);
    const post = pre && parseElements(tokenize(v.slice(at + 1)), 0, null, c);
    if (!pre || !post) return null;
    out.push({ pre: pre.els, post: post.els, code: code.code, passiveCode: code.passiveCode, text: l.text.trim(), where: l.where });
  }
  return out;
}
