// The verb-pattern lexicon (verbs.txt) and the modality words (modality.txt), compiled for matching.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Token } from "../core/types.js";
import { problem, type Problem } from "../core/problems.js";
import { repoPath } from "../core/paths.js";
import { alternatives, readRows } from "./read-lines.js";
import { phraseKeys } from "./phrase-trie.js";

/** A pattern slot: a gap, a set of words (each possibly several tokens), or an actor in a role ("+", "$"). */
export type Slot = { gap: true } | { gap: false; words: ReadonlySet<string>; role?: ActorRole };
export type ActorRole = "source" | "target";

/** The code a pattern gives when nothing is coded: the PETRARCH null code `---`. */
export const NULL_CODE = "---";

export interface VerbPattern {
  /** CAMEO code, or NULL_CODE for a pattern that matches but codes no event. */
  code: string;
  /** A different code when the verb is in the passive voice (PETRARCH `[active:passive]`). */
  passiveCode?: string | null;
  text: string;
  where: string;
  /** From the anchor verb on. */
  slots: Slot[];
  /** Slots before the anchor verb, in text order (PETRARCH words before `*`). */
  pre?: Slot[];
  /** Number of word and actor slots: longer patterns win. */
  weight: number;
  passive: boolean;
  swap: boolean;
  notarget: boolean;
  noun: boolean;
  /** A claim of responsibility: an act named as its object is reported, with the claimant as its source. */
  claims?: boolean;
  /** Both sides do it whenever one is said to (clash, exchange fire), whatever its code's ontology says. */
  mutual?: boolean;
  /** The anchor's object follows it directly: no preposition right after the anchor ("called Scholz to discuss",
   *  not "called for someone to inform"). */
  direct?: boolean;
  /** The act is the one last coded in the sentence, done again by this pattern's subject ("..., and Germany followed
   *  suit"); the pattern's own code is not used. */
  same?: boolean;
  /** A nominal act coded only where a phrase of the clause says who held it ("agreed to a truce after talks in Doha",
   *  "during a summit in Beijing"); elsewhere the noun is no match at all. */
  held?: boolean;
  /** An epithet in quotation marks after a verb of naming ("called it a 'show'"): a jibe only after an object, when the
   *  quotation opens there and praises no one. */
  epithet?: boolean;
  /** Order of addition to the lexicon (set by addPattern). */
  seq?: number;
  /** From a user dictionary: the code is taken as written, without recoding by modality words. */
  literal?: boolean;
  /** PETRARCH `%`: coordinated actors act on each other ("A and B agreed" → A→B and B→A). */
  compound?: boolean;
}

export interface PatternMatch {
  pattern: VerbPattern;
  /** Token span [start, end) of the verb and what follows it; pre-verb words are not included. */
  start: number;
  end: number;
  /** Actor spans bound by role slots. */
  roles?: Partial<Record<ActorRole, [number, number]>>;
  /** First token of the pre-verb words, when the pattern has some. */
  preStart?: number;
}

export type ModalityKind = "threat" | "intent" | "appeal" | "demand" | "reject" | "negation" | "hypothetical";
export const MODALITY_KINDS: readonly ModalityKind[] = ["threat", "intent", "appeal", "demand", "reject", "negation", "hypothetical"];

export interface VerbLexicon {
  /** Patterns by anchor word. */
  byAnchor: Map<string, VerbPattern[]>;
  /** Phrases that stop a sentence (or a whole story) from being coded: sports, history, fiction. */
  discards?: Discard[];
  size: number;
  /** Single words and multi-word phrases per modality kind (lower-case, tokenised). */
  modality: Map<ModalityKind, string[][]>;
  problems: Problem[];
}

export interface Discard {
  /** Lower case words, space separated. */
  phrase: string;
  scope: "story" | "sentence";
  /** The phrase must end at a word boundary; otherwise it is a stem ("basebal" matches "baseball"). */
  wholeWord: boolean;
  where: string;
}

/** Does lower-cased text hold the discard phrase, starting at a word boundary? */
export function discardMatches(lowerText: string, d: Discard): boolean {
  let at = lowerText.indexOf(d.phrase);
  while (at >= 0) {
    const before = at === 0 ? " " : lowerText[at - 1];
    const after = lowerText[at + d.phrase.length] ?? " ";
    if (!/[a-z0-9]/.test(before) && (!d.wholeWord || !/[a-z0-9]/.test(after))) return true;
    at = lowerText.indexOf(d.phrase, at + 1);
  }
  return false;
}

/** Discards indexed by the first three letters of their phrase, for a quick test per sentence. */
export function discardIndex(discards: readonly Discard[]): Map<string, Discard[]> {
  const idx = new Map<string, Discard[]>();
  for (const d of discards) {
    // the key: up to three letters of the first word; "" for phrases that open with a sign
    const first = /^[a-z0-9]+/.exec(d.phrase)?.[0] ?? "";
    const k = first.slice(0, 3);
    let l = idx.get(k);
    if (!l) idx.set(k, (l = []));
    l.push(d);
  }
  return idx;
}

/** The first discard of `scope` the lower-cased text holds, trying only those whose first letters start a word. */
export function findDiscard(lowerText: string, idx: Map<string, Discard[]>, scope: Discard["scope"]): Discard | null {
  const seen = new Set<string>();
  const tryKey = (k: string): Discard | null => {
    if (seen.has(k)) return null;
    seen.add(k);
    for (const d of idx.get(k) ?? []) if (d.scope === scope && discardMatches(lowerText, d)) return d;
    return null;
  };
  const signed = tryKey("");
  if (signed) return signed;
  for (const m of lowerText.matchAll(/[a-z0-9]+/g)) {
    const w = m[0];
    for (let n = Math.min(3, w.length); n >= 1; n--) {
      const d = tryKey(w.slice(0, n));
      if (d) return d;
    }
  }
  return null;
}

/** Adds a compiled pattern under each word of its first slot. */
export function addPattern(lex: VerbLexicon, p: VerbPattern): void {
  const first = p.slots[0];
  if (!first || first.gap) return;
  p.seq ??= lex.size;
  for (const w of first.words) {
    // a multi-word first slot ("take into") anchors on its first word
    const anchor = w.split(" ")[0];
    let list = lex.byAnchor.get(anchor);
    if (!list) lex.byAnchor.set(anchor, (list = []));
    list.push(p);
  }
  lex.size++;
}

const FLAGS = new Set(["passive", "swap", "notarget", "noun", "claims", "mutual", "direct", "same", "held", "epithet"]);
/** A CAMEO event code, or the null code of a pattern that matches so that a shorter one does not ("fight * coronavirus"). */
const CODE = /^((0[1-9]|1\d|20)\d{0,2}|---)$/;
const MAX_GAP = 4;
/** The longest gap when every word past MAX_GAP belongs to a noun phrase. */
const MAX_NP_GAP = 7;

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
  /** false: an empty lexicon (modality words are still read), for dictionaries that bring their own. */
  builtin?: boolean;
}

export function loadVerbLexicon(opts: VerbLexiconOptions = {}): VerbLexicon {
  const dir = opts.dir ?? repoPath("src/lexicon/data");
  const problems: Problem[] = [];
  const lex: VerbLexicon = { byAnchor: new Map(), size: 0, modality: new Map(), problems, discards: [] };
  const vf = join(dir, "verbs.txt");
  if (opts.builtin !== false && existsSync(vf)) {
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
        claims: flags.includes("claims"),
        mutual: flags.includes("mutual"),
        direct: flags.includes("direct"),
        ...(flags.includes("same") ? { same: true } : {}),
        ...(flags.includes("held") ? { held: true } : {}),
        ...(flags.includes("epithet") ? { epithet: true } : {}),
      };
      addPattern(lex, p);
    }
  }
  const modality = lex.modality;
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
  return lex;
}

/** The pattern word that matches the first word of a resolved place name ("192 capture @place"). */
export const PLACE_WORD = "@place";
/** Participles that still report an act after a hyphen ("US-brokered"). */
const HYPHEN_ACTS = new Set(["brokered", "mediated", "facilitated"]);

/** A pattern word `#N` matches a number of at least N ("202 execute * #20 * people": "executed at least 223 villagers"). */
const NUMBER_WORD = /^#(\d+)$/;
/** What a `#N` slot requires of a sentence, for the index of required words. */
const ANY_NUMBER = "#";

/** The value of a token written in digits ("1,200" → 1200), or NaN. */
function numberOf(t: Token): number {
  return /^\d[\d,]*$/.test(t.lower) ? Number(t.lower.replace(/,/g, "")) : NaN;
}

function tokenIs(t: Token, word: string): boolean {
  if (word === PLACE_WORD) return !!t.place;
  if (word.charCodeAt(0) === 35 /* # */) {
    const m = NUMBER_WORD.exec(word);
    if (m) return numberOf(t) >= Number(m[1]);
  }
  return t.lower === word || t.lemma === word || t.alt === word;
}

const PARTS = new Map<string, string[]>();
function partsOf(word: string): string[] {
  let p = PARTS.get(word);
  if (!p) PARTS.set(word, (p = word.split(" ")));
  return p;
}

/** Does slot word (possibly multi-word, "take into") match tokens from i? Returns the end or -1. */
function matchWord(toks: readonly Token[], i: number, word: string): number {
  if (!word.includes(" ")) return i < toks.length && tokenIs(toks[i], word) ? i + 1 : -1;
  const parts = partsOf(word);
  for (let k = 0; k < parts.length; k++) if (i + k >= toks.length || !tokenIs(toks[i + k], parts[k])) return -1;
  return i + parts.length;
}

/** The same, for a phrase that must end at token `end` (exclusive); returns its start or -1. */
function matchWordBack(toks: readonly Token[], end: number, word: string): number {
  const n = word.includes(" ") ? partsOf(word).length : 1;
  const start = end - n;
  return start >= 0 && matchWord(toks, start, word) === end ? start : -1;
}

const GAP_STOP = new Set([",", ";", ":", ".", "!", "?", "(", ")", "that", "which", "who", "and", "but", "after", "before", "since", "while", "because", "although", "unless"]);

/** Actor mentions of the sentence, for role slots: start → end and end → start. */
export interface MentionSpans {
  byStart: Map<number, number>;
  byEnd: Map<number, number>;
}

interface MatchCtx {
  toks: readonly Token[];
  spans: MentionSpans | null;
  roles: Partial<Record<ActorRole, [number, number]>>;
  /** Where the pre-verb slots begin, once matched. */
  preStart?: number;
}

/** A word a long gap may hold: one of a noun phrase ("a fourth round of indirect talks", "the Central African
 *  Republic's capital"). */
function nounPhraseGap(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  // ("a US-brokered peace declaration": a participle before its noun is inside the phrase)
  if (participleBeforeNoun(toks, i)) return true;
  return !!t && (t.pos === "DET" || t.pos === "ADJ" || t.pos === "ADV" || t.pos === "NUM" || t.pos === "NOUN" || t.pos === "PROPN" || t.lower === "-" || t.lower === "of" || t.lower === "'s" || t.lower === "'");
}

function nounPhraseWord(t: Token | undefined): boolean {
  return !!t && (t.pos === "NOUN" || t.pos === "ADJ");
}

/** A participle before the noun it describes ("a Russian-brokered agreement", "the fleeing civilians"). */
function participleBeforeNoun(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  // (not after a phrasal verb's particle: "ruled out using military force" has a gerund there)
  return !!t && t.pos === "VERB" && /(ed|ing)$/.test(t.lower) && ["NOUN", "ADJ", "PROPN"].includes(toks[i + 1]?.pos ?? "") && !PARTICLES.has(toks[i - 1]?.lower ?? "");
}

const PARTICLES = new Set(["out", "up", "off", "down"]);

function gapBreaks(toks: readonly Token[], i: number, g: number): boolean {
  const t = toks[i];
  // a participle inside a noun phrase ("a Russian-brokered agreement") does not end the gap
  const modifier = participleBeforeNoun(toks, i);
  // "an air and ground operation": "and"/"or" between two words of one noun phrase does not end the gap
  if (t && (t.lower === "and" || t.lower === "or") && nounPhraseWord(toks[i - 1]) && nounPhraseWord(toks[i + 1])) return false;
  return !t || GAP_STOP.has(t.lower) || (t.pos === "VERB" && g > 0 && !modifier);
}

const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const DAY_PARTS = new Set(["morning", "afternoon", "evening", "night"]);
const TIME_WORDS = new Set(["yesterday", "today", "again", "also", "publicly", "repeatedly", "formally", "officially", "separately", "earlier", "later"]);

const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);

/** Is toks[i] the "on" of a date: "on Wednesday", "on March 3", "on Jan. 5", "on 3 March"? */
function onDate(toks: readonly Token[], i: number): boolean {
  if (toks[i]?.lower !== "on") return false;
  const word = (k: number) => toks[k]?.lower.replace(/\.$/, "") ?? "";
  if (WEEKDAYS.has(word(i + 1))) return true;
  // "on March 3", "on Jan. 5" (a month only before its day: "on may")
  if (MONTHS.has(word(i + 1)) && (toks[i + 2]?.pos === "NUM" || (toks[i + 2]?.lower === "." && toks[i + 3]?.pos === "NUM"))) return true;
  // "on 3 March"
  return toks[i + 1]?.pos === "NUM" && MONTHS.has(word(i + 2));
}

/** A time adverbial or a sentence adverb between a verb and its complement ("warned on Thursday that",
 *  "said late on Sunday night that", "called again for"): returns where it ends, or i when there is none. */
function skipAdverbial(toks: readonly Token[], i: number): number {
  let j = i;
  if (toks[j] && ["late", "early", "earlier"].includes(toks[j].lower) && toks[j + 1]?.lower === "on") j++;
  if (toks[j]?.lower === "on" && WEEKDAYS.has(toks[j + 1]?.lower ?? "")) {
    j += 2;
    if (DAY_PARTS.has(toks[j]?.lower ?? "")) j++;
    return j;
  }
  if (toks[j] && ["last", "this"].includes(toks[j].lower) && ["week", "month", "year", "night", "weekend"].includes(toks[j + 1]?.lower ?? "")) return j + 2;
  if (toks[j] && TIME_WORDS.has(toks[j].lower)) return j + 1;
  return i;
}

function matchFrom(c: MatchCtx, slots: readonly Slot[], s: number, i: number): number {
  if (s === slots.length) return i;
  const slot = slots[s];
  // the complement right after the verb may follow a time adverbial
  if (s === 1 && !slot.gap) {
    const j = skipAdverbial(c.toks, i);
    if (j > i) {
      const end = matchSlot(c, slots, s, j);
      if (end >= 0) return end;
    }
  }
  return matchSlot(c, slots, s, i);
}

function matchSlot(c: MatchCtx, slots: readonly Slot[], s: number, i: number): number {
  const slot = slots[s];
  if (slot.gap) {
    // past MAX_GAP words only when the whole gap is one noun phrase ("fired a new intermediate-range ballistic missile at");
    // how far that phrase runs is found only when a gap gets that long
    let np = -1;
    for (let g = 0; g <= MAX_NP_GAP; g++) {
      if (g > MAX_GAP) {
        // (a time adverbial inside it does not end it: "called Chancellor Olaf Scholz on Monday to discuss")
        if (np < 0) {
          for (np = 0; np < MAX_NP_GAP; ) {
            const adv = skipAdverbial(c.toks, i + np);
            if (adv > i + np) np = adv - i;
            else if (nounPhraseGap(c.toks, i + np)) np++;
            else break;
          }
        }
        if (g > np) return -1;
      }
      const end = matchFrom(c, slots, s + 1, i + g);
      if (end >= 0) return end;
      if (gapBreaks(c.toks, i + g, g)) return -1;
    }
    return -1;
  }
  if (slot.role) {
    const e = c.spans?.byStart.get(i);
    if (e === undefined) return -1;
    const end = matchFrom(c, slots, s + 1, e);
    if (end >= 0) c.roles[slot.role] = [i, e];
    return end;
  }
  // ("sanctioned six officials on Wednesday over ...": an "on" that opens a date is no "sanctions on")
  const date = onDate(c.toks, i);
  for (const w of slot.words) {
    if (date && w === "on") continue;
    const e = matchWord(c.toks, i, w);
    if (e >= 0) {
      const end = matchFrom(c, slots, s + 1, e);
      if (end >= 0) return end;
    }
  }
  return -1;
}

/** Matches pre-verb slots right to left, the last one ending at or a gap before `end`. */
function matchBack(c: MatchCtx, slots: readonly Slot[], s: number, end: number): boolean {
  if (s < 0) {
    c.preStart = end;
    return true;
  }
  const slot = slots[s];
  if (slot.gap) {
    for (let g = 0; g <= MAX_GAP; g++) {
      if (matchBack(c, slots, s - 1, end - g)) return true;
      if (end - g - 1 < 0 || gapBreaks(c.toks, end - g - 1, 1)) return false;
    }
    return false;
  }
  if (slot.role) {
    const st = c.spans?.byEnd.get(end);
    if (st === undefined) return false;
    if (!matchBack(c, slots, s - 1, st)) return false;
    c.roles[slot.role] = [st, end];
    return true;
  }
  for (const w of slot.words) {
    const st = matchWordBack(c.toks, end, w);
    if (st >= 0 && matchBack(c, slots, s - 1, st)) return true;
  }
  return false;
}

function anchorOk(t: Token, p: VerbPattern): boolean {
  if (t.pos === "VERB" || t.nominal) return true;
  // "France did the same": the tagger reads a main-verb "do" as an auxiliary
  if (t.pos === "AUX" && t.lemma === "do" && p.same) return true;
  // participles the tagger calls adjectives ("wounded", "injured")
  if (t.pos === "ADJ" && /(ed|en)$/.test(t.lower)) return !t.attributive;
  if (p.noun) return t.pos === "NOUN" || t.pos === "PROPN" || adjectiveAnchor(t, p);
  return false;
}

/** "a general strike", "national strikes": a protest noun pattern (14x) may open with its adjective; such a match is
 *  a nominal event, and is made only where the protest is told as happening (toldAsHappening). */
export function adjectiveAnchor(t: Token, p: VerbPattern): boolean {
  return !!p.noun && t.pos === "ADJ" && !/(ed|en)$/.test(t.lower) && p.code.startsWith("14");
}

/** Words before a protest noun opened by an adjective that tell it as happening: "as a general strike entered its
 *  third week", "during a nationwide strike"; at the head of a headline ("Belgian national strike grounds flights").
 *  Elsewhere ("called off a general strike") the noun is another verb's object and that verb's pattern codes it. */
const TOLD_AS_HAPPENING = new Set(["as", "during", "amid", "with", "in"]);
function toldAsHappening(toks: readonly Token[], i: number): boolean {
  let h = i - 1;
  while (h >= 0 && (toks[h].pos === "DET" || toks[h].pos === "ADJ" || toks[h].pos === "NUM" || toks[h].pos === "PROPN")) h--;
  return h < 0 || toks[h].lower === "," || TOLD_AS_HAPPENING.has(toks[h].lower);
}

/** For each word slot after the anchor (and before it), the first words of its alternatives: a pattern
 *  whose slot has none of them in the sentence cannot match, which spares most of the backtracking. */
const REQUIRED = new WeakMap<VerbPattern, string[][]>();
function required(p: VerbPattern): string[][] {
  let r = REQUIRED.get(p);
  if (!r) {
    r = [];
    for (const slot of [...p.slots.slice(1), ...(p.pre ?? [])]) {
      if (slot.gap || slot.role) continue;
      r.push([...slot.words].map((w) => (NUMBER_WORD.test(w) ? ANY_NUMBER : w.split(" ")[0])));
    }
    REQUIRED.set(p, r);
  }
  return r;
}

/** An anchor's patterns by the first words of their first required slot, so that a sentence only tries
 *  the patterns whose next word it holds; `free` are the patterns with no required word. */
interface AnchorIndex {
  free: VerbPattern[];
  byWord: Map<string, VerbPattern[]>;
  /** How many patterns the list had when indexed. */
  size: number;
}
const ANCHOR_INDEX = new WeakMap<VerbPattern[], AnchorIndex>();
function anchorIndex(list: VerbPattern[]): AnchorIndex {
  let idx = ANCHOR_INDEX.get(list);
  // patterns added after indexing (dictionaries loaded later) make a new index
  if (idx && idx.size === list.length) return idx;
  idx = { free: [], byWord: new Map(), size: list.length };
  for (const p of list) {
    const r = required(p);
    if (!r.length) {
      idx.free.push(p);
      continue;
    }
    for (const w of new Set(r[0])) {
      let ps = idx.byWord.get(w);
      if (!ps) idx.byWord.set(w, (ps = []));
      ps.push(p);
    }
  }
  ANCHOR_INDEX.set(list, idx);
  return idx;
}

/** All pattern matches in a sentence, best first per anchor (longest pattern, then most specific code).
 *  `spans` gives the actor mentions for patterns with role slots; without it those patterns do not match. */
export function findPatternMatches(toks: readonly Token[], lex: VerbLexicon, spans: MentionSpans | null = null): PatternMatch[] {
  const out: PatternMatch[] = [];
  const present = new Set<string>();
  for (const t of toks) {
    present.add(t.lower);
    present.add(t.lemma);
    if (t.alt) present.add(t.alt);
    if (t.place) present.add(PLACE_WORD);
    if (!Number.isNaN(numberOf(t))) present.add(ANY_NUMBER);
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // "the detained workers": a participle after a determiner describes, it does not report an act
    // (an adjective that is no participle may open a protest noun: "a general strike")
    if (i > 0 && toks[i - 1].pos === "DET" && ((t.pos === "ADJ" && /(ed|en)$/.test(t.lower)) || (/ed$/.test(t.lower) && ["NOUN", "PROPN", "ADJ"].includes(toks[i + 1]?.pos ?? "")))) continue;
    // "Suspected militants attacked": a participle opening the sentence before a noun describes it
    if (i === 0 && /ed$/.test(t.lower) && ["NOUN", "PROPN", "ADJ"].includes(toks[1]?.pos ?? "")) continue;
    // "Iran-backed", "Saudi-led", "U.N.-brokered": a participle joined by a hyphen modifies a noun
    // ... except a mediation: "a US-brokered ceasefire", "Qatari-mediated talks" report the mediator's act
    if (i > 0 && (toks[i - 1].lower === "-" || toks[i - 1].text.endsWith("-")) && /(ed|en)$/.test(t.lower) && !HYPHEN_ACTS.has(t.lower)) continue;
    const a1 = lex.byAnchor.get(t.lower);
    const a2 = t.lemma !== t.lower ? lex.byAnchor.get(t.lemma) : undefined;
    const a3 = t.alt ? lex.byAnchor.get(t.alt) : undefined;
    if (!a1 && !a2 && !a3) continue;
    const cands = new Set<VerbPattern>();
    for (const list of [a1, a2, a3]) {
      if (!list) continue;
      const idx = anchorIndex(list);
      for (const p of idx.free) cands.add(p);
      for (const w of present) {
        const ps = idx.byWord.get(w);
        if (ps) for (const p of ps) cands.add(p);
      }
    }
    let best: PatternMatch | null = null;
    // in lexicon order, so that on a tie the pattern written first wins
    for (const p of [...cands].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
      if (!anchorOk(t, p)) continue;
      if (adjectiveAnchor(t, p) && !toldAsHappening(toks, i)) continue;
      if (p.direct && toks[i + 1]?.pos === "ADP") continue;
      if (!required(p).every((alts) => alts.some((w) => present.has(w)))) continue;
      const c: MatchCtx = { toks, spans, roles: {} };
      const end = matchFrom(c, p.slots, 0, i);
      if (end < 0) continue;
      // a nominal pattern ("militant attack on") does not run over a verb ("militants attacked")
      // (a verb joined by a hyphen is part of the compound: "test-launched")
      if (p.noun && toks.slice(i + 1, end).some((x, k) => x.pos === "VERB" && toks[i + k]?.lower !== "-")) continue;
      if (p.pre && !matchBack(c, p.pre, p.pre.length - 1, i)) continue;
      const weight = p.weight;
      if (!best || weight > best.pattern.weight || (weight === best.pattern.weight && p.code.length > best.pattern.code.length)) {
        best = { pattern: p, start: i, end, ...(Object.keys(c.roles).length ? { roles: c.roles } : {}), ...(c.preStart !== undefined ? { preStart: c.preStart } : {}) };
      }
    }
    if (best) out.push(best);
  }
  return out;
}
