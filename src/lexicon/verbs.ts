// The verb-pattern lexicon (verbs.txt) and the modality words (modality.txt), compiled for matching.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Token } from "../core/types.js";
import { problem, type Problem } from "../core/problems.js";
import { repoPath } from "../core/paths.js";
import { alternatives, readRows } from "./read-lines.js";
import { phraseKeys } from "./phrase-trie.js";

export type Slot = { gap: true } | { gap: false; words: ReadonlySet<string> };

export interface VerbPattern {
  code: string;
  text: string;
  where: string;
  slots: Slot[];
  /** Number of word slots: longer patterns win. */
  weight: number;
  passive: boolean;
  swap: boolean;
  notarget: boolean;
  noun: boolean;
}

export interface PatternMatch {
  pattern: VerbPattern;
  /** Token span [start, end) of the whole match. */
  start: number;
  end: number;
}

export type ModalityKind = "threat" | "intent" | "appeal" | "demand" | "reject" | "negation" | "hypothetical";
export const MODALITY_KINDS: readonly ModalityKind[] = ["threat", "intent", "appeal", "demand", "reject", "negation", "hypothetical"];

export interface VerbLexicon {
  /** Patterns by anchor word. */
  byAnchor: Map<string, VerbPattern[]>;
  size: number;
  /** Single words and multi-word phrases per modality kind (lower-case, tokenised). */
  modality: Map<ModalityKind, string[][]>;
  problems: Problem[];
}

const FLAGS = new Set(["passive", "swap", "notarget", "noun"]);
const CODE = /^(0[1-9]|1\d|20)\d{0,2}$/;
const MAX_GAP = 4;

/** Parses one pattern text into slots; null when it has no word. */
export function compilePattern(text: string): Slot[] | null {
  const slots: Slot[] = [];
  for (const part of text.trim().split(/\s+/)) {
    if (part === "*") {
      if (slots.length && !slots[slots.length - 1].gap) slots.push({ gap: true });
      continue;
    }
    // an alternative may itself hold a possessive or punctuation; keep the first key of each
    const words = new Set(part.split("|").map((w) => phraseKeys(w).join(" ")).filter(Boolean));
    if (!words.size) return null;
    slots.push({ gap: false, words });
  }
  if (!slots.length || slots[0].gap) return null;
  while (slots.length && slots[slots.length - 1].gap) slots.pop();
  return slots;
}

export interface VerbLexiconOptions {
  dir?: string;
}

export function loadVerbLexicon(opts: VerbLexiconOptions = {}): VerbLexicon {
  const dir = opts.dir ?? repoPath("src/lexicon/data");
  const problems: Problem[] = [];
  const byAnchor = new Map<string, VerbPattern[]>();
  let size = 0;
  const vf = join(dir, "verbs.txt");
  if (existsSync(vf)) {
    for (const r of readRows(vf, 2, problems)) {
      const [code, text, flagField] = r.fields;
      if (!CODE.test(code)) {
        problems.push(problem("E_LEXICON_LINE", r.where, `"${code}" is not a CAMEO event code`));
        continue;
      }
      const flags = (flagField ?? "").split(/[\s,]+/).filter(Boolean);
      const bad = flags.find((f) => !FLAGS.has(f));
      if (bad) {
        problems.push(problem("E_LEXICON_LINE", r.where, `unknown flag "${bad}"`));
        continue;
      }
      const slots = compilePattern(text);
      if (!slots) {
        problems.push(problem("E_LEXICON_LINE", r.where, `pattern "${text}" has no word`));
        continue;
      }
      const p: VerbPattern = {
        code,
        text,
        where: r.where,
        slots,
        weight: slots.filter((s) => !s.gap).length,
        passive: flags.includes("passive"),
        swap: flags.includes("swap"),
        notarget: flags.includes("notarget"),
        noun: flags.includes("noun"),
      };
      const first = slots[0] as { words: ReadonlySet<string> };
      for (const w of first.words) {
        // a multi-word first slot ("take into") anchors on its first word
        const anchor = w.split(" ")[0];
        let list = byAnchor.get(anchor);
        if (!list) byAnchor.set(anchor, (list = []));
        list.push(p);
      }
      size++;
    }
  }
  const modality = new Map<ModalityKind, string[][]>();
  for (const k of MODALITY_KINDS) modality.set(k, []);
  const mf = join(dir, "modality.txt");
  if (existsSync(mf)) {
    for (const r of readRows(mf, 2, problems)) {
      const [kind, words] = r.fields;
      if (!MODALITY_KINDS.includes(kind as ModalityKind)) {
        problems.push(problem("E_LEXICON_LINE", r.where, `unknown modality kind "${kind}"`));
        continue;
      }
      for (const w of alternatives(words)) modality.get(kind as ModalityKind)!.push(phraseKeys(w));
    }
  }
  return { byAnchor, size, modality, problems };
}

function tokenIs(t: Token, word: string): boolean {
  return t.lower === word || t.lemma === word;
}

/** Does slot word (possibly multi-word, "take into") match tokens from i? Returns the end or -1. */
function matchWord(toks: readonly Token[], i: number, word: string): number {
  if (!word.includes(" ")) return i < toks.length && tokenIs(toks[i], word) ? i + 1 : -1;
  const parts = word.split(" ");
  for (let k = 0; k < parts.length; k++) if (i + k >= toks.length || !tokenIs(toks[i + k], parts[k])) return -1;
  return i + parts.length;
}

const GAP_STOP = new Set([",", ";", ":", ".", "!", "?", "(", ")", "\"", "that", "which", "who", "and", "but"]);

function matchFrom(toks: readonly Token[], slots: readonly Slot[], s: number, i: number): number {
  if (s === slots.length) return i;
  const slot = slots[s];
  if (slot.gap) {
    for (let g = 0; g <= MAX_GAP; g++) {
      const end = matchFrom(toks, slots, s + 1, i + g);
      if (end >= 0) return end;
      const t = toks[i + g];
      // a participle inside a noun phrase ("a Russian-brokered agreement") does not end the gap
      const modifier = t && t.pos === "VERB" && /(ed|ing)$/.test(t.lower) && ["NOUN", "ADJ", "PROPN"].includes(toks[i + g + 1]?.pos ?? "");
      if (!t || GAP_STOP.has(t.lower) || (t.pos === "VERB" && g > 0 && !modifier)) return -1;
    }
    return -1;
  }
  for (const w of slot.words) {
    const e = matchWord(toks, i, w);
    if (e >= 0) {
      const end = matchFrom(toks, slots, s + 1, e);
      if (end >= 0) return end;
    }
  }
  return -1;
}

function anchorOk(t: Token, p: VerbPattern): boolean {
  if (t.pos === "VERB") return true;
  // participles the tagger calls adjectives ("wounded", "injured")
  if (t.pos === "ADJ" && /(ed|en)$/.test(t.lower)) return true;
  if (p.noun) return t.pos === "NOUN" || t.pos === "PROPN";
  return false;
}

/** All pattern matches in a sentence, best first per anchor (longest pattern, then most specific code). */
export function findPatternMatches(toks: readonly Token[], lex: VerbLexicon): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // "the detained workers": a participle after a determiner describes, it does not report an act
    if (i > 0 && toks[i - 1].pos === "DET" && (t.pos === "ADJ" || (/ed$/.test(t.lower) && toks[i + 1]?.pos === "NOUN"))) continue;
    const cands = new Set<VerbPattern>([...(lex.byAnchor.get(t.lower) ?? []), ...(t.lemma !== t.lower ? lex.byAnchor.get(t.lemma) ?? [] : [])]);
    let best: PatternMatch | null = null;
    for (const p of cands) {
      if (!anchorOk(t, p)) continue;
      const end = matchFrom(toks, p.slots, 0, i);
      if (end < 0) continue;
      if (!best || p.weight > best.pattern.weight || (p.weight === best.pattern.weight && p.code.length > best.pattern.code.length)) {
        best = { pattern: p, start: i, end };
      }
    }
    if (best) out.push(best);
  }
  return out;
}
