// Targets the clause leaves implicit, found from the sentence's other acts (part of the events stage): the state a
// country word in the object names, the sides a mediator mediates between, the other side of a prisoner swap, and
// the doer of the act a criticism or a threat answers. Each pass reads and amends the sentence's event candidates.
import type { Mention, Token } from "../core/types.js";
import type { Ontology } from "../ontology/ontology.js";
import type { EventCandidate } from "./doc.js";

/** "signed a Russian-brokered agreement": the mediator before the hyphen (an act noted `mediatorNote`) is the
 *  mediation's source, not the target of the act whose object it qualifies. */
export function unhyphenTargets(out: EventCandidate[], mediatorNote: string): void {
  for (const e of out) {
    if (e.target && !e.notes.includes(mediatorNote) && out.some((x) => x !== e && x.source === e.target && x.notes.includes(mediatorNote))) {
      e.target = null;
      e.notes.push("target: not the mediator before the hyphen");
    }
  }
}

/** "rejected the latest Israeli ceasefire proposal", "cut off selected Russian banks": an act with no actor for its
 *  object is done to the state a country word inside that object names (not the source's own). */
export function modifierTargets(out: EventCandidate[], toks: readonly Token[], mentions: readonly Mention[]): void {
  for (const e of out) {
    if (e.dropped || e.target || !e.source || e.code.startsWith("01")) continue;
    const inObject = (x: Mention) => x.start < e.verbEnd || (x.start <= e.verbEnd + 4 && toks.slice(e.verbEnd, x.start).every((t) => t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || t.pos === "ADV"));
    const modifier = mentions.find((x) => x.modifier && !!x.country && x.country !== e.source!.country && x.start > e.verbStart && inObject(x));
    if (!modifier) continue;
    e.target = modifier;
    e.notes.push(`target: the state its object names ("${modifier.text}")`);
  }
}

/** "Armenia and Azerbaijan signed a US-brokered declaration", "signed a deal after talks mediated by Kofi Annan": the
 *  mediator mediates between those who did the cooperative act it is part of, or the one told before it (one copy of
 *  the mediation per side, made by `copy`). */
export function mediationSides(out: EventCandidate[], onto: Ontology, mediatorNote: string, copy: (e: EventCandidate, source: Mention, target: Mention, note: string) => EventCandidate): void {
  const open = out.filter((x) => !x.dropped && x.code.startsWith("045") && x.source && (!x.target || (x.notes.includes(mediatorNote) && x.notes.includes("target inside the pattern"))));
  for (const e of open) {
    const coop = out.filter((x) => !x.dropped && x !== e && x.source && x.source !== e.source && x.verbStart < e.verbStart && (onto.nearest(x.code)?.quad ?? 4) <= 2 && !x.code.startsWith("045") && !x.code.startsWith("01"));
    const inside = coop.filter((x) => x.verbEnd >= e.verbStart);
    const last = coop.length ? coop.filter((x) => x.verbStart === coop[coop.length - 1].verbStart) : [];
    const parties = inside.length ? inside : last;
    const sides = [...new Set(parties.flatMap((x) => [x.source!, ...(x.target ? [x.target] : [])]))].filter((x) => x !== e.source);
    if (!sides.length) continue;
    e.target = sides[0];
    e.notes.push("target: the sides of the act it is part of");
    for (const t of sides.slice(1)) out.push(copy(e, e.source!, t, "the sides of the act it is part of"));
  }
}

/** "Russia freed Brittney Griner in exchange for Viktor Bout": in a swap the state of those freed frees the other
 *  side's (0841 both ways). */
export function swapReleases(out: EventCandidate[], toks: readonly Token[]): void {
  for (const e of [...out]) {
    if (e.dropped || !e.code.startsWith("0841") || !e.source || !e.target?.country || e.target.country === e.source.country) continue;
    const after = toks.slice(e.verbEnd, e.verbEnd + 16);
    const stop = after.findIndex((t) => t.lower === ";");
    const ex = after.findIndex((t, k) => t.lower === "exchange" && after[k - 1]?.lower === "in" && after[k + 1]?.lower === "for");
    if (ex < 0 || (stop >= 0 && stop < ex)) continue;
    const t = e.target;
    const state: Mention = { text: t.text, code: t.country!, country: t.country, sector: null, kind: "country", start: t.start, end: t.end, charStart: t.charStart, charEnd: t.charEnd };
    out.push({ ...e, source: state, target: e.source, actCode: undefined, notes: [...e.notes, `the other side of the exchange ("in exchange for")`] });
  }
}

/** "Pakistan conducted nuclear tests ..., and Clinton condemned the tests", "Israel struck Natanz ..., and Tehran vowed a
 *  harsh response": criticism (11) or a threat (13) whose object names no actor is aimed at whoever did the act the
 *  sentence reported before it (of another country; statements, criticism and threats aside). */
export function answeredActs(out: EventCandidate[], toks: readonly Token[]): void {
  const answer = (code: string) => code.startsWith("11") || code.startsWith("13");
  for (const e of out) {
    if (e.dropped || e.target || !e.source || !answer(e.code)) continue;
    const before = out.filter((x) => !x.dropped && x.source && x.verbStart < e.verbStart && x.source.country !== e.source!.country && !x.code.startsWith("01") && !answer(x.code));
    const act = before[before.length - 1];
    if (!act) continue;
    e.target = act.source;
    e.notes.push(`target: who did the act before it ("${toks[act.verbStart].text}")`);
  }
}
