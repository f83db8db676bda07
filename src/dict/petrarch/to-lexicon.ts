// Turns read PETRARCH dictionaries into sitrep's actor and verb lexicons, for coding raw text without parse trees.
import { problem, type Problem } from "../../core/problems.js";
import { splitCode, type ActorEntry, type ActorLexicon, type Term } from "../../lexicon/actors.js";
import { NULL_CODE, addPattern, type Slot, type VerbLexicon, type VerbPattern } from "../../lexicon/verbs.js";
import type { Ontology } from "../../ontology/ontology.js";
import type {
  PatternElement,
  PetrarchActorDictionary,
  PetrarchAgentDictionary,
  PetrarchDictionaries,
  PetrarchDiscardList,
  PetrarchVerbDictionary,
} from "./types.js";

const ACTOR_CODE = /^[A-Z0-9]{3,}$/;


/** Actors: every phrase of an entry points at one entry; dated codes become terms. */
export function addActors(lex: ActorLexicon, dict: PetrarchActorDictionary): number {
  let n = 0;
  for (const a of dict.actors) {
    const terms: Term[] = a.dated.filter((d) => (d.from || d.to) && d.code !== "---").map((d) => ({ code: d.code, from: d.from, to: d.to }));
    // an undated restriction line is the default code
    const fb = a.defaultCode ?? a.dated.find((d) => !d.from && !d.to)?.code ?? null;
    const fallback = fb === "---" ? null : fb;
    const code = fallback ?? terms[0]?.code ?? null;
    if (!code || !ACTOR_CODE.test(code)) continue;
    const cs = splitCode(code, lex.countries);
    const entry: ActorEntry = {
      kind: "dictionary",
      name: a.phrases[0],
      code,
      country: cs.country,
      sector: cs.sector,
      ...(terms.length ? { terms } : {}),
      fallback,
      concat: true,
      proper: false,
      exact: null,
      where: a.where,
    };
    for (const p of a.phrases) {
      lex.trie.add(p, entry);
      n++;
    }
  }
  return n;
}

/** Agents: `[~GOV]` after the actor's code, `[NGO~]` before it. */
export function addAgents(lex: ActorLexicon, dict: PetrarchAgentDictionary): number {
  let n = 0;
  for (const g of dict.agents) {
    if (!ACTOR_CODE.test(g.code)) continue;
    const entry: ActorEntry = {
      kind: "agent",
      name: g.phrases[0],
      code: g.code,
      country: null,
      sector: g.code,
      prefix: g.position === "prefix",
      concat: true,
      proper: false,
      exact: null,
      where: g.where,
    };
    lex.sectors.add(g.code);
    for (const p of g.phrases) {
      lex.trie.add(p, entry);
      n++;
    }
  }
  return n;
}

interface Converted {
  slots: Slot[];
  compound: boolean;
}

/** Pattern elements → slots with a gap between consecutive elements (PETRARCH lets words intervene). */
function toSlots(elements: readonly PatternElement[], out: Converted): void {
  const push = (slot: Slot) => {
    if (out.slots.length && !out.slots[out.slots.length - 1].gap) out.slots.push({ gap: true });
    out.slots.push(slot);
  };
  for (const el of elements) {
    switch (el.kind) {
      case "words":
      case "phrase":
        if (el.alternatives.length) push({ gap: false, words: new Set(el.alternatives) });
        break;
      case "prep":
        if (el.preps.length) push({ gap: false, words: new Set(el.preps) });
        toSlots(el.elements, out);
        break;
      case "source":
        push({ gap: false, words: new Set(), role: "source" });
        break;
      case "target":
        push({ gap: false, words: new Set(), role: "target" });
        break;
      case "compound":
        out.compound = true;
        break;
      case "skip":
        if (out.slots.length && !out.slots[out.slots.length - 1].gap) out.slots.push({ gap: true });
        break;
    }
  }
}

const EVENT_CODE = /^\d{2,4}[A-Z]?$/;

/** Verb blocks: every verb of a block alone (with its code) and with each of the block's patterns. */
export function addVerbs(lex: VerbLexicon, dict: PetrarchVerbDictionary, onto: Ontology, problems: Problem[]): number {
  let n = 0;
  const codeOk = (code: string | null, where: string): boolean => {
    if (code === null) return true;
    if (EVENT_CODE.test(code) && onto.nearest(code)) return true;
    problems.push(problem("E_DICT_LINE", where, `event code "${code}" is not CAMEO and has no CAMEO parent`));
    return false;
  };
  for (const block of dict.blocks) {
    const forms = new Set<string>();
    for (const v of block.verbs) for (const f of v.forms) forms.add(f);
    if (!forms.size) continue;
    for (const v of block.verbs) {
      if (v.code === null || !codeOk(v.code, v.where)) continue;
      const p: VerbPattern = {
        code: v.code,
        passiveCode: v.passiveCode,
        text: v.forms[0],
        where: v.where,
        slots: [{ gap: false, words: new Set(v.forms) }],
        weight: 1,
        passive: false,
        swap: false,
        notarget: false,
        noun: false,
        literal: true,
      };
      addPattern(lex, p);
      n++;
    }
    for (const pat of block.patterns) {
      if (!codeOk(pat.code, pat.where) || !codeOk(pat.passiveCode, pat.where)) continue;
      const post: Converted = { slots: [{ gap: false, words: forms }], compound: false };
      toSlots(pat.post, post);
      while (post.slots.length && post.slots[post.slots.length - 1].gap) post.slots.pop();
      const pre: Converted = { slots: [], compound: false };
      toSlots(pat.pre, pre);
      while (pre.slots.length && pre.slots[0].gap) pre.slots.shift();
      // the pre-verb words may stand a few words before the verb
      if (pre.slots.length) pre.slots.push({ gap: true });
      const weight = [...post.slots, ...pre.slots].filter((s) => !s.gap).length;
      const p: VerbPattern = {
        code: pat.code ?? NULL_CODE,
        passiveCode: pat.passiveCode,
        text: pat.text,
        where: pat.where,
        slots: post.slots,
        ...(pre.slots.length ? { pre: pre.slots } : {}),
        weight,
        passive: false,
        swap: false,
        notarget: false,
        noun: false,
        literal: true,
        ...(post.compound || pre.compound ? { compound: true } : {}),
      };
      addPattern(lex, p);
      n++;
    }
  }
  return n;
}

export function addDiscards(lex: VerbLexicon, list: PetrarchDiscardList): number {
  lex.discards ??= [];
  for (const d of list.discards) lex.discards.push({ phrase: d.phrase, scope: d.scope, wholeWord: d.wholeWord, where: d.where });
  return list.discards.length;
}

/** Adds everything read from dictionaries to the lexicons; returns counts and the problems found. */
export function applyDictionaries(d: PetrarchDictionaries, actors: ActorLexicon, verbs: VerbLexicon, onto: Ontology): { counts: Record<string, number>; problems: Problem[] } {
  const problems: Problem[] = [...d.problems];
  const counts: Record<string, number> = {};
  if (d.actors) counts.actorPhrases = addActors(actors, d.actors);
  if (d.agents) counts.agentPhrases = addAgents(actors, d.agents);
  if (d.verbs) counts.verbPatterns = addVerbs(verbs, d.verbs, onto, problems);
  if (d.discards) counts.discards = addDiscards(verbs, d.discards);
  return { counts, problems };
}
