import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseVerbCode, readPetrarchVerbs, verbForms } from "./verbs-reader.js";
import type { PatternElement } from "./types.js";

// An invented dictionary that uses every element of the PETRARCH-2 verb format.
const DICT = `# a comment line
<!-- an XML comment
spanning lines -->
&BEVERAGE
+TEA
+COFFEE_
+HOT COCOA

&HELPERS_
+WOULD
+IS_TO

&DRINKSET
+&BEVERAGE CUP

####### VERB PATTERNS #######
--- BREW  [031]  ---
BREW
STEEP {STEEPS STEEPED STEEPING } [032:033]   # irregular forms and an active:passive code
+POUR_OUT {+POURS_OUT +POURED_OUT +POURING_OUT }
- * &BEVERAGE  [0311]
- * {STRONG &BEVERAGE} (WITH +)  [0312]
- &HELPERS * (FOR $) [036]
- % *  [050]
- * ^ &DRINKSET  [037:037]
- $ * (UNDER {HEAVY PRESSURE}) + [---]
- no star here [010]
- * (WITH [010]
- * &UNKNOWNSET [010]

--- IDLE  [---]  ---
IDLE
~ a (a b BREW) IDLE = a b 031
`;

function read() {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pv-"));
  const f = join(dir, "test.verbs.txt");
  writeFileSync(f, DICT);
  return readPetrarchVerbs(f);
}

test("petrarch verbs: synsets with plurals, no-plural markers and embedded synsets", () => {
  const d = read();
  assert.deepEqual(d.synsets.get("BEVERAGE"), ["tea", "teas", "coffee", "hot cocoa"]);
  assert.deepEqual(d.synsets.get("HELPERS"), ["would", "is to"], "a label ending in _ makes no plurals");
  assert.deepEqual(d.synsets.get("DRINKSET"), ["&BEVERAGE cup"]);
});

test("petrarch verbs: blocks, verb forms (regular, irregular, particles) and codes", () => {
  const d = read();
  const [brew, idle] = d.blocks;
  assert.equal(brew.meaning, "BREW");
  assert.equal(brew.code, "031");
  assert.equal(idle.code, null, "--- is the null code");
  assert.deepEqual(brew.verbs[0].forms, ["brew", "brews", "brewed", "brewing"]);
  assert.deepEqual(brew.verbs[1].forms, ["steep", "steeps", "steeped", "steeping"]);
  assert.deepEqual([brew.verbs[1].code, brew.verbs[1].passiveCode], ["032", "033"]);
  assert.deepEqual(brew.verbs[2].forms, ["pour out", "pours out", "poured out", "pouring out"]);
  assert.deepEqual(verbForms("tie"), ["tie", "ties", "tied", "tieing"]);
  assert.deepEqual(verbForms("carry"), ["carry", "carries", "carried", "carrying"]);
  assert.deepEqual(verbForms("move"), ["move", "moves", "moved", "moving"]);
  assert.deepEqual(parseVerbCode("---"), { code: null, passiveCode: null });
  assert.deepEqual(parseVerbCode(":110"), { code: null, passiveCode: "110" });
  assert.equal(typeof parseVerbCode("+++"), "string");
});

test("petrarch verbs: pattern elements — words, synsets, phrases, prepositions, markers", () => {
  const d = read();
  const p = d.blocks[0].patterns;
  const el = (x: PatternElement) => x;
  assert.equal(p.length, 6, "three malformed patterns are skipped");
  assert.deepEqual(p[0].post, [el({ kind: "words", alternatives: ["tea", "teas", "coffee", "hot cocoa"] })]);
  assert.equal(p[0].code, "0311");
  assert.deepEqual(p[1].post, [
    { kind: "phrase", alternatives: ["strong tea", "strong teas", "strong coffee", "strong hot cocoa"] },
    { kind: "prep", preps: ["with"], elements: [{ kind: "source" }] },
  ]);
  assert.deepEqual(p[2].pre, [{ kind: "words", alternatives: ["would", "is to"] }]);
  assert.deepEqual(p[2].post, [{ kind: "prep", preps: ["for"], elements: [{ kind: "target" }] }]);
  assert.deepEqual(p[3].pre, [{ kind: "compound" }]);
  assert.deepEqual(p[4].post[0], { kind: "skip" });
  assert.deepEqual((p[4].post[1] as { alternatives: string[] }).alternatives, ["tea cup", "teas cup", "coffee cup", "hot cocoa cup"], "embedded synset");
  assert.deepEqual([p[4].code, p[4].passiveCode], ["037", "037"]);
  assert.equal(p[5].code, null);
  assert.deepEqual(p[5].pre, [{ kind: "target" }]);
  assert.deepEqual(p[5].post.at(-1), { kind: "source" });
});

test("petrarch verbs: malformed lines are reported with file:line and the rest loads", () => {
  const d = read();
  const where = d.problems.map((x) => x.where);
  assert.deepEqual(where, ["test.verbs.txt:27", "test.verbs.txt:28", "test.verbs.txt:29"]);
  assert.match(d.problems[2].message, /UNKNOWNSET/);
  assert.deepEqual(d.transformations, [{ left: ["a", "a", "b", "BREW", "IDLE"], right: ["a", "b", "031"], where: "test.verbs.txt:33" }]);
});
