import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandIssuePhrase, readPetrarchIssues } from "./issues-reader.js";

test("petrarch issues: n:, v: and + expansions", () => {
  assert.deepEqual(expandIssuePhrase("n:well"), ["well", "wells"]);
  assert.deepEqual(expandIssuePhrase("n:ferry"), ["ferry", "ferries"]);
  assert.deepEqual(expandIssuePhrase("v:fill well"), ["fill well", "fills well", "filled well", "filling well"]);
  assert.deepEqual(expandIssuePhrase("pre-n:school"), ["pre-school", "pre-schools"]);
  assert.deepEqual(expandIssuePhrase("v:pave"), ["pave", "paves", "paved", "paving"]);
  assert.deepEqual(expandIssuePhrase("fresh+water n:supply"), ["fresh water supply", "fresh water supplies", "fresh-water supply", "fresh-water supplies"]);
});

test("petrarch issues: sections, codes, ignore phrases, lines without a code", () => {
  const f = join(mkdtempSync(join(tmpdir(), "sitrep-pi-")), "test.issues.txt");
  writeFileSync(f, [
    '<ISSUE CATEGORY="WATER" TYPE="ALL">',
    "n:well [WATER_ACCESS]  # a comment",
    "rain+fed n:crop [RAIN; FED]",
    "~wishing well",
    "~~well done",
    "no code here",
    "</ISSUE>",
  ].join("\n"));
  const i = readPetrarchIssues(f);
  assert.deepEqual(i.issues.map((x) => [x.phrases, x.code, x.where]), [
    [["well", "wells"], "WATER_ACCESS", "test.issues.txt:2"],
    [["rain fed crop", "rain fed crops", "rain-fed crop", "rain-fed crops"], "RAIN; FED", "test.issues.txt:3"],
  ]);
  assert.deepEqual(i.ignore.map((x) => [x.phrase, x.scope, x.where]), [
    ["wishing well", "sentence", "test.issues.txt:4"],
    ["well done", "story", "test.issues.txt:5"],
  ]);
  assert.deepEqual(i.problems.map((p) => p.where), ["test.issues.txt:6"]);
});
