import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dictLines, linesOf, phraseOf, pluralOf, pluralPhrase } from "./lines.js";
import type { Problem } from "../../core/problems.js";

const texts = (text: string, opts = {}) => linesOf(text, "t.txt", opts).map((l) => [l.n, l.text]);

test("dictionary lines: XML comments on one line, inside a line and over several lines", () => {
  assert.deepEqual(texts("A <!-- one --> B\n<!-- start\nstill -- in -> it\n end --> C\nD <!-- open\n-->\nE\n<! -- not quite a comment -->\n  <!DOCTYPE x>\nF"), [
    [1, "A   B"],
    [4, " C"],
    [5, "D"],
    [7, "E"],
    [10, "F"],
  ], "a line that starts with <! is skipped, as PETRARCH does");
});

test("dictionary lines: # and ; comments, blank lines, leading whitespace kept", () => {
  assert.deepEqual(texts("# header\nNORLAND [NRL]  # note\n\n   \n\t[NRLGOV >20200101] ; old note\nX;Y"), [
    [2, "NORLAND [NRL]"],
    [5, "\t[NRLGOV >20200101]"],
    [6, "X"],
  ]);
  assert.deepEqual(texts("a; b\n", { semicolon: false }), [[1, "a; b"]], "issue files keep ;");
});

test("dictionary lines: CRLF and lone CR line ends, a byte-order mark, file:line", () => {
  assert.deepEqual(texts("A\r\nB\r\n"), [[1, "A"], [2, "B"]]);
  assert.deepEqual(texts("A\rB\r"), [[1, "A"], [2, "B"]]);
  assert.deepEqual(texts("\uFEFFA"), [[1, "\uFEFFA"]], "linesOf takes text as given");
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pl-"));
  writeFileSync(join(dir, "bom.txt"), "\uFEFFA\nB");
  const problems: Problem[] = [];
  assert.deepEqual(dictLines(join(dir, "bom.txt"), problems).map((l) => [l.text, l.where]), [["A", "bom.txt:1"], ["B", "bom.txt:2"]]);
});

test("dictionary lines: Latin-1 files are read when they are not UTF-8; a missing file is E_DICT_FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pl-"));
  writeFileSync(join(dir, "old.txt"), Buffer.from([0x43, 0x41, 0x46, 0xc9, 0x0a])); // "CAFÉ" in Latin-1
  writeFileSync(join(dir, "new.txt"), "CAFÉ\n");
  const problems: Problem[] = [];
  assert.equal(dictLines(join(dir, "old.txt"), problems)[0].text, "CAFÉ");
  assert.equal(dictLines(join(dir, "new.txt"), problems)[0].text, "CAFÉ");
  assert.deepEqual(dictLines(join(dir, "none.txt"), problems), []);
  assert.deepEqual(problems.map((p) => [p.code, p.where]), [["E_DICT_FILE", join(dir, "none.txt")]]);
  dictLines(dir, problems);
  assert.equal(problems[1].code, "E_DICT_FILE", "a folder is no file");
});

test("dictionary phrases and plurals", () => {
  assert.equal(phraseOf(" NORTH__SEA_  coast_ "), "north sea coast");
  assert.deepEqual(["ferry", "day", "glass", "census", "crisis", "box", "ditch", "rebels", "guard"].map(pluralOf), [
    "ferries",
    "days",
    "glasses",
    "censuses",
    "crises",
    "boxes",
    "ditches",
    "rebels",
    "guards",
  ]);
  assert.equal(pluralPhrase("chief of staff"), "chief of staffs");
  assert.equal(pluralPhrase("border guard"), "border guards");
});
