import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addPattern, compilePattern, discardIndex, discardMatches, findDiscard, findPatternMatches, loadVerbLexicon, type MentionSpans, type Slot } from "./verbs.js";
import { loadOntology } from "../ontology/ontology.js";
import type { Token } from "../core/types.js";

function toks(spec: string): Token[] {
  // "word/POS/lemma" separated by spaces
  let at = 0;
  return spec.split(" ").map((w, i) => {
    const [text, pos, lemma] = w.split("/");
    const t = { i, text, lower: text.toLowerCase(), lemma: lemma ?? text.toLowerCase(), pos, start: at, end: at + text.length };
    at += text.length + 1;
    return t;
  });
}

test("verbs: the built-in lexicon loads cleanly and every code is in the ontology", () => {
  const lex = loadVerbLexicon();
  const onto = loadOntology();
  assert.deepEqual(lex.problems, []);
  assert.ok(lex.size > 250);
  const roots = new Set<string>();
  for (const list of lex.byAnchor.values()) for (const p of list) {
    if (p.code === "---") continue;
    assert.ok(onto.get(p.code), `${p.where}: ${p.code} is not a CAMEO code`);
    roots.add(p.code.slice(0, 2));
  }
  assert.equal(roots.size, 20, "all 20 CAMEO roots have patterns");
});

test("verbs: pattern syntax — alternatives, gaps, multi-word slots", () => {
  const slots = compilePattern("fire * rocket|rockets at|on")!;
  assert.equal(slots.length, 4);
  assert.equal(compilePattern("* attack")!.length, 1, "a leading gap is ignored");
  assert.equal(compilePattern("*"), null);
});

test("verbs: matching on lemmas with a gap, longest pattern first; malformed lines reported with file:line", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-verbs-"));
  writeFileSync(join(dir, "verbs.txt"), "190\tattack\n194\tfire * rocket|rockets at\n193\tfire * at\nXX\tbad\n195\tstrike\tloud\n");
  const lex = loadVerbLexicon({ dir });
  assert.deepEqual(lex.problems.map((p) => p.where), ["verbs.txt:4", "verbs.txt:5"]);
  const m = findPatternMatches(toks("Militants/NOUN fired/VERB/fire two/NUM rockets/NOUN/rocket at/ADP the/DET base/NOUN"), lex);
  assert.equal(m.length, 1);
  assert.equal(m[0].pattern.code, "194");
  assert.deepEqual([m[0].start, m[0].end], [1, 5]);
  // a noun does not anchor a verb pattern without the noun flag
  assert.equal(findPatternMatches(toks("the/DET attack/NOUN"), lex).length, 0);
});

test("verbs: role slots bind actors and pre-verb slots match before the verb", () => {
  const lex = loadVerbLexicon({ builtin: false });
  assert.equal(lex.size, 0, "builtin: false gives an empty lexicon");
  assert.ok(lex.modality.get("threat")!.length > 0, "modality words are still read");
  const p = (code: string, slots: Slot[], pre?: Slot[]) => ({ code, text: code, where: "t", slots, ...(pre ? { pre } : {}), weight: slots.length + (pre?.length ?? 0), passive: false, swap: false, notarget: false, noun: false });
  const w = (...ws: string[]): Slot => ({ gap: false, words: new Set(ws) });
  const gap: Slot = { gap: true };
  addPattern(lex, p("045", [w("act"), gap, w("as"), gap, w("mediator"), gap, w("between"), { gap: false, words: new Set(), role: "source" }]));
  addPattern(lex, p("030", [w("budge"), gap, w("towards"), { gap: false, words: new Set(), role: "target" }], [w("will"), w("not"), gap]));
  // "Norland will act as a mediator between Sudmark": tokens 0..7, mentions Norland [0,1) and Sudmark [7,8)
  const t1 = toks("Norland/PROPN will/AUX act/VERB as/ADP a/DET mediator/NOUN between/ADP Sudmark/PROPN");
  const spans: MentionSpans = { byStart: new Map([[0, 1], [7, 8]]), byEnd: new Map([[1, 0], [8, 7]]) };
  const [m1] = findPatternMatches(t1, lex, spans);
  assert.equal(m1.pattern.code, "045");
  assert.deepEqual(m1.roles, { source: [7, 8] });
  assert.equal(findPatternMatches(t1, lex, null).length, 0, "without mentions a role slot does not match");
  const t2 = toks("Norland/PROPN will/AUX not/PART budge/VERB towards/ADP Sudmark/PROPN");
  const s2: MentionSpans = { byStart: new Map([[0, 1], [5, 6]]), byEnd: new Map([[1, 0], [6, 5]]) };
  const [m2] = findPatternMatches(t2, lex, s2);
  assert.equal(m2.pattern.code, "030");
  assert.deepEqual(m2.roles, { target: [5, 6] });
  const t3 = toks("Norland/PROPN budged/VERB/budge towards/ADP Sudmark/PROPN");
  assert.equal(findPatternMatches(t3, lex, s2).length, 0, "the pre-verb words are required");
});

test("verbs: discard phrases match at a word start, as stems unless whole words are asked for", () => {
  assert.ok(discardMatches("the cricket world cup final", { phrase: "world cup", scope: "sentence", wholeWord: true, where: "t" }));
  assert.ok(discardMatches("a basketball game", { phrase: "basketbal", scope: "sentence", wholeWord: false, where: "t" }));
  assert.ok(!discardMatches("a basketball game", { phrase: "basketbal", scope: "sentence", wholeWord: true, where: "t" }));
  assert.ok(!discardMatches("netball", { phrase: "ball", scope: "sentence", wholeWord: false, where: "t" }));
});

test("verbs: the discard index finds the same discards as a scan, short and signed phrases included", () => {
  const ds = [
    { phrase: "world cup", scope: "sentence" as const, wholeWord: false, where: "t" },
    { phrase: "f1", scope: "story" as const, wholeWord: true, where: "t" },
    { phrase: "-gate", scope: "sentence" as const, wholeWord: false, where: "t" },
  ];
  const idx = discardIndex(ds);
  assert.equal(findDiscard("the world cup final", idx, "sentence")?.phrase, "world cup");
  assert.equal(findDiscard("an f1 race in bahrain", idx, "story")?.phrase, "f1");
  assert.equal(findDiscard("an f1 race", idx, "sentence"), null, "scopes are apart");
  assert.equal(findDiscard("the watergate -gate affair", idx, "sentence")?.phrase, "-gate");
  assert.equal(findDiscard("a worldly cupboard", idx, "sentence"), null);
});

test("verbs: a time adverbial between the verb and its complement is skipped ('warned on Friday night that')", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-verbs-"));
  writeFileSync(join(dir, "verbs.txt"), "130\twarn\n012\twarn that\n");
  const lex = loadVerbLexicon({ dir });
  const code = (spec: string) => findPatternMatches(toks(spec), lex).map((m) => m.pattern.code);
  assert.deepEqual(code("Ministers/NOUN warned/VERB/warn on/ADP Friday/PROPN night/NOUN that/SCONJ prices/NOUN rise/VERB"), ["012"]);
  assert.deepEqual(code("Ministers/NOUN warned/VERB/warn again/ADV that/SCONJ prices/NOUN rise/VERB"), ["012"]);
  assert.deepEqual(code("Ministers/NOUN warned/VERB/warn on/ADP Friday/PROPN the/DET rebels/NOUN"), ["130"]);
});

test("verbs: no alternatives slot splits a fixed expression (spaces separate slots: 'exit|tear up * deal' never matches 'exit the deal')", () => {
  // expressions that were once written inside a slot's alternatives, and others like them
  const fixed = new Set(["prime minister", "martial law", "tear up", "military action", "retaliatory strike", "lead to", "war crimes", "ethnic cleansing", "state of", "human rights", "open fire", "car bomb", "peace talks", "death penalty", "house arrest", "cut off", "shut down", "carry out", "step down", "hand over", "rule out", "turn down", "blow up", "gun down", "crack down"]);
  const COMPOUNDS = new Set(["drone strike", "drone strikes", "air strike", "air strikes", "no-fly zone", "peace deal"]);
  const bad: string[] = [];
  for (const list of loadVerbLexicon().byAnchor.values()) for (const p of list) {
    const words = p.text.split(/\s+/);
    for (let k = 0; k + 1 < words.length; k++) {
      const a = words[k].split("|");
      const b = words[k + 1].split("|");
      if (a.length < 2 || words[k + 1] === "*") continue;
      // "equal|human rights" (an adjective slot, then a noun) is meant; "minister|prime minister" is not
      const joined = `${a[a.length - 1]} ${b[0]}`;
      if (fixed.has(joined) && !a.every((x) => fixed.has(`${x} ${b[0]}`)) && a.length > 2) bad.push(`${p.where}: ${p.text}`);
      // "air|missile|drone strikes" (modifiers, then the noun) is meant; "bombing|drone strike|drone strikes" (a list
      // running on into the next slot) is not
      else if (b.length > 1 && COMPOUNDS.has(joined)) bad.push(`${p.where}: ${p.text}`);
    }
  }
  assert.deepEqual([...new Set(bad)], []);
});
