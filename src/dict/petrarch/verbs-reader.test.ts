import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseVerbCode, readPetrarchVerbs, verbForms } from "./verbs-reader.js";
import type { PatternElement, PetrarchVerbDictionary } from "./types.js";

// An invented dictionary that uses every element of the PETRARCH-2 verb format. Line numbers matter below.
const DICT = [
  /*  1 */ "# a comment line",
  /*  2 */ "<!-- an XML comment",
  /*  3 */ "spanning lines -->",
  /*  4 */ "####### SYNONYM SETS #######",
  /*  5 */ "&BEVERAGE",
  /*  6 */ "+TEA",
  /*  7 */ "+COFFEE_",
  /*  8 */ "+HOT COCOA",
  /*  9 */ "+BERRY_PRESS",
  /* 10 */ "",
  /* 11 */ "&HELPERS_",
  /* 12 */ "+WOULD",
  /* 13 */ "+IS_TO",
  /* 14 */ "",
  /* 15 */ "&DRINKSET   # an embedded synset",
  /* 16 */ "+&BEVERAGE CUP",
  /* 17 */ "+GLASS",
  /* 18 */ "",
  /* 19 */ "&ENDINGS",
  /* 20 */ "+(WITH THE CROWD)",
  /* 21 */ "+(AT DAWN)",
  /* 22 */ "",
  /* 23 */ "####### VERB PATTERNS #######",
  /* 24 */ "---  BREW   [031]  ---",
  /* 25 */ "BREW",
  /* 26 */ "STEEP {STEEPS STEEPED STEEPING } [032:033]   # irregular forms and an active:passive code",
  /* 27 */ "+POUR_OUT {+POURS_OUT +POURED_OUT +POURING_OUT }",
  /* 28 */ "CLEAR_UP [034]",
  /* 29 */ "DRY_+FILTER",
  /* 30 */ "+TOPPED_UP {+TOPS_UP , +TOPPING_UP}",
  /* 31 */ "SIP {SIPS SIPPED};kept by an old TABARI comment",
  /* 32 */ "- * &BEVERAGE  [0311]",
  /* 33 */ "- * {STRONG &BEVERAGE} (WITH +)  [0312]",
  /* 34 */ "- &HELPERS * (FOR $) [036]",
  /* 35 */ "- % *  [050]",
  /* 36 */ "- * ^ &DRINKSET  [037:037]",
  /* 37 */ "- $ * (UNDER {HEAVY PRESSURE}) (FROM &LATE) + [---]",
  /* 38 */ "- WILL NOT ** KETTLE_AND_POT ICED_&LATE [:110]",
  /* 39 */ "- * &ENDINGS [040]",
  /* 40 */ "- no star here [010]",
  /* 41 */ "- * (WITH [010]",
  /* 42 */ "- * &UNKNOWNSET [010]",
  /* 43 */ "- * FOAM [01x]",
  /* 44 */ "- * FOAM",
  /* 45 */ "* (TO QUESTION) [110]",
  /* 46 */ "",
  /* 47 */ "--- IDLE [---]---  ---",
  /* 48 */ "IDLE {}",
  /* 49 */ "~ a (a b BREW) IDLE = a b 031",
  /* 50 */ "~ a b BREW",
  /* 51 */ "&LATE",
  /* 52 */ "+EVENING",
  /* 53 */ "&BEVERAGE",
  /* 54 */ "+JUICE",
].join("\n");

function read(text = DICT, name = "test.verbs.txt"): PetrarchVerbDictionary {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pv-"));
  writeFileSync(join(dir, name), text);
  return readPetrarchVerbs(join(dir, name));
}

test("petrarch verbs: synsets with plurals, no-plural markers, multi-word members and a set named twice", () => {
  const d = read();
  assert.deepEqual(d.synsets.get("BEVERAGE"), ["tea", "teas", "coffee", "hot cocoa", "hot cocoas", "berry press", "berry presses", "juice", "juices"]);
  assert.deepEqual(d.synsets.get("HELPERS"), ["would", "is to"], "a name ending in _ makes no plurals");
  assert.deepEqual(d.synsets.get("DRINKSET"), ["&BEVERAGE cup", "&BEVERAGE cups", "glass", "glasses"]);
  assert.deepEqual(d.synsets.get("ENDINGS"), ["(with the crowd)", "(at dawn)"]);
  assert.deepEqual(d.synsets.get("LATE"), ["evening", "evenings"], "defined after its use");
});

test("petrarch verbs: blocks, verb forms (regular, irregular, particles) and codes", () => {
  const d = read();
  const [brew, idle] = d.blocks;
  assert.equal(d.blocks.length, 2);
  assert.deepEqual([brew.meaning, brew.code, brew.where], ["BREW", "031", "test.verbs.txt:24"]);
  assert.deepEqual([idle.meaning, idle.code], ["IDLE", null], "--- is the null code, even with the dashes touching it");
  const forms = brew.verbs.map((v) => v.forms);
  assert.deepEqual(forms, [
    ["brew", "brews", "brewed", "brewing"],
    ["steep", "steeps", "steeped", "steeping"],
    ["pour out", "pours out", "poured out", "pouring out"],
    ["clear up", "clears up", "cleared up", "clearing up"],
    ["dry filter", "dry filters", "dry filtered", "dry filtering"],
    ["topped up", "tops up", "topping up"],
    ["sip", "sips", "sipped"],
  ]);
  assert.deepEqual(brew.verbs.map((v) => [v.code, v.passiveCode]), [
    ["031", null],
    ["032", "033"],
    ["031", null],
    ["034", null],
    ["031", null],
    ["031", null],
    ["031", null],
  ]);
  assert.equal(brew.verbs[1].where, "test.verbs.txt:26");
});

test("petrarch verbs: regular forms and codes", () => {
  assert.deepEqual(verbForms("tie"), ["tie", "ties", "tied", "tieing"]);
  assert.deepEqual(verbForms("carry"), ["carry", "carries", "carried", "carrying"]);
  assert.deepEqual(verbForms("obey"), ["obey", "obeys", "obeyed", "obeying"]);
  assert.deepEqual(verbForms("move"), ["move", "moves", "moved", "moving"]);
  assert.deepEqual(verbForms("fix"), ["fix", "fixes", "fixed", "fixing"]);
  assert.deepEqual(verbForms("push"), ["push", "pushes", "pushed", "pushing"]);
  assert.deepEqual(parseVerbCode("050"), { code: "050", passiveCode: null });
  assert.deepEqual(parseVerbCode("---"), { code: null, passiveCode: null });
  assert.deepEqual(parseVerbCode("037:038"), { code: "037", passiveCode: "038" });
  assert.deepEqual(parseVerbCode(":110"), { code: null, passiveCode: "110" });
  for (const bad of ["+++", "075A", "080!", "1:2:3", "12345", ""]) assert.equal(typeof parseVerbCode(bad), "string", bad);
});

test("petrarch verbs: pattern elements — words, synsets, phrases, prepositions, markers", () => {
  const d = read();
  const p = d.blocks[0].patterns;
  const bev = ["tea", "teas", "coffee", "hot cocoa", "hot cocoas", "berry press", "berry presses", "juice", "juices"];
  const el = (x: PatternElement) => x;
  assert.equal(p.length, 9, "five malformed patterns are skipped; &ENDINGS makes two");
  assert.deepEqual([p[0].pre, p[0].post, p[0].code, p[0].passiveCode], [[], [el({ kind: "words", alternatives: bev })], "0311", null]);
  assert.deepEqual(p[0].where, "test.verbs.txt:32");
  assert.equal(p[0].text, "- * &BEVERAGE  [0311]");
  assert.deepEqual(p[1].post, [
    { kind: "phrase", alternatives: bev.map((b) => "strong " + b) },
    { kind: "prep", preps: ["with"], elements: [{ kind: "source" }] },
  ]);
  assert.deepEqual(p[2].pre, [{ kind: "words", alternatives: ["would", "is to"] }]);
  assert.deepEqual(p[2].post, [{ kind: "prep", preps: ["for"], elements: [{ kind: "target" }] }]);
  assert.deepEqual(p[3].pre, [{ kind: "compound" }]);
  assert.deepEqual(p[4].post[0], { kind: "skip" });
  const cups = (p[4].post[1] as { alternatives: string[] }).alternatives;
  assert.ok(cups.includes("hot cocoa cup") && cups.includes("juices cups") && cups.includes("glasses"), "an embedded synset");
  assert.deepEqual([p[4].code, p[4].passiveCode], ["037", "037"]);
  assert.equal(p[5].code, null);
  assert.deepEqual(p[5].pre, [{ kind: "target" }]);
  assert.deepEqual(p[5].post, [
    { kind: "prep", preps: ["under"], elements: [{ kind: "phrase", alternatives: ["heavy pressure"] }] },
    { kind: "prep", preps: ["from"], elements: [{ kind: "words", alternatives: ["evening", "evenings"] }] },
    { kind: "source" },
  ]);
  assert.deepEqual(p[6].pre, [{ kind: "words", alternatives: ["will"] }, { kind: "words", alternatives: ["not"] }], "words before the verb, ** as *");
  assert.deepEqual(p[6].post, [
    { kind: "words", alternatives: ["kettle and pot"] },
    { kind: "words", alternatives: ["iced evening", "iced evenings"] },
  ], "_ joins consecutive words, and a word to a synset");
  assert.deepEqual([p[6].code, p[6].passiveCode], [null, "110"]);
  // a synset of prepositional phrases: one pattern per member
  assert.deepEqual(p.slice(7).map((x) => x.post), [
    [{ kind: "prep", preps: ["with"], elements: [{ kind: "words", alternatives: ["the"] }, { kind: "words", alternatives: ["crowd"] }] }],
    [{ kind: "prep", preps: ["at"], elements: [{ kind: "words", alternatives: ["dawn"] }] }],
  ]);
});

test("petrarch verbs: malformed lines are reported with file:line and the rest loads", () => {
  const d = read();
  assert.deepEqual(
    d.problems.map((x) => [x.code, x.where]),
    [45, 50, 40, 41, 42, 43, 44].map((n) => ["E_DICT_LINE", `test.verbs.txt:${n}`]),
  );
  const msg = (n: number) => d.problems.find((x) => x.where === `test.verbs.txt:${n}`)!.message;
  assert.match(msg(40), /needs \*/);
  assert.match(msg(41), /\( without its \)/);
  assert.match(msg(42), /&UNKNOWNSET is not defined/);
  assert.match(msg(43), /\[01x\]/);
  assert.match(msg(44), /needs a \[code\]/);
  assert.match(msg(45), /pattern without its leading "-"/);
  assert.deepEqual(d.transformations, [{ left: ["a", "a", "b", "BREW", "IDLE"], right: ["a", "b", "031"], where: "test.verbs.txt:49" }]);
  assert.deepEqual(d.blocks[1].verbs.map((v) => v.forms), [["idle"]], "the block after the errors loads; {} gives no other forms");
});

test("petrarch verbs: lines outside any block, synset nesting limits, a missing file", () => {
  const d = read(["BREW", "- * TEA [031]", "&LOOP", "+&LOOP CUP", "--- STIR [036] ---", "- * &LOOP [036]", "- * TEA [036]"].join("\n"), "loop.verbs.txt");
  assert.deepEqual(d.problems.map((x) => x.where), ["loop.verbs.txt:1", "loop.verbs.txt:2", "loop.verbs.txt:6"]);
  assert.match(d.problems[2].message, /nested/);
  assert.equal(d.blocks[0].patterns.length, 1);
  const none = readPetrarchVerbs(join(tmpdir(), "no-such-dir-sitrep", "x.verbs.txt"));
  assert.deepEqual([none.problems[0].code, none.blocks.length], ["E_DICT_FILE", 0]);
});
