import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRestriction, petrarchDate, readPetrarchActors } from "./actors-reader.js";
import { readPetrarchAgents } from "./agents-reader.js";
import { readPetrarchDiscards } from "./discards-reader.js";
import { expandIssuePhrase, readPetrarchIssues } from "./issues-reader.js";
import { kindOf, loadPetrarchDictionaries } from "./load.js";

function file(name: string, text: string, dir = mkdtempSync(join(tmpdir(), "sitrep-pd-"))): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

test("petrarch actors: synonyms, default codes, the three kinds of date restriction, YYMMDD", () => {
  const f = file("test.actors.txt", [
    "<!-- invented actors -->",
    "NORLAND_  [NRL]",
    "+NORLANDIC_",
    "+THE_NORTH_KINGDOM",
    "",
    "ANNA_VOSS_  ; an old TABARI comment",
    "\t[NRLGOV 19970101-20010120]",
    "\t[NRLELI <961231]",
    "\t[NRLOPP >010121]",
    "BEN_KORT  [NRLMIL]",
    "\t[NRLGOV 20200101-20221231]",
    "CARL_DOE [---]",
    "EMPTY_LINE_CODE [NRLGOV 2020-bad]",
    "\t[NRLGOV 20200231-20210101]",
  ].join("\n"));
  const d = readPetrarchActors(f);
  assert.equal(d.actors.length, 5);
  assert.deepEqual(d.actors[0].phrases, ["norland", "norlandic", "the north kingdom"]);
  assert.equal(d.actors[0].defaultCode, "NRL");
  assert.deepEqual(d.actors[1].dated, [
    { code: "NRLGOV", from: "1997-01-01", to: "2001-01-20" },
    { code: "NRLELI", from: null, to: "1996-12-31" },
    { code: "NRLOPP", from: "2001-01-21", to: null },
  ]);
  assert.equal(d.actors[1].defaultCode, null);
  assert.equal(d.actors[2].defaultCode, "NRLMIL");
  assert.deepEqual(d.problems.map((p) => p.where), ["test.actors.txt:13", "test.actors.txt:14"], "a bad range and an impossible date");
  assert.equal(petrarchDate("300101"), "2030-01-01");
  assert.equal(petrarchDate("310101"), "1931-01-01");
  assert.equal(typeof parseRestriction("12 >2020"), "string");
});

test("petrarch agents: plurals (regular, given, none), substitution sets, prefix and suffix codes", () => {
  const f = file("test.agents.txt", [
    "!WORKER! = CLERK, CLERKS, TYPIST",
    "PARTY_SECRETARY [~GOV]",
    "LAND_POLICE {} [~COP]",
    "CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]",
    "BANK!WORKER! [~BUS]",
    "RELIEF_AGENCY [NGO~]",
    "NO_CODE_HERE",
    "BAD_SET!NOPE! [~GOV]",
    "BAD_CODE [GOV]",
  ].join("\n"));
  const d = readPetrarchAgents(f);
  assert.deepEqual(d.agents.map((a) => [a.phrases, a.code, a.position]), [
    [["party secretary", "party secretaries"], "GOV", "suffix"],
    [["land police"], "COP", "suffix"],
    [["chief of staff", "chiefs of staff"], "MIL", "suffix"],
    [["bankclerk", "bankclerks", "banktypist"], "BUS", "suffix"],
    [["relief agency", "relief agencies"], "NGO", "prefix"],
  ]);
  assert.deepEqual(d.problems.map((p) => p.where), ["test.agents.txt:7", "test.agents.txt:8", "test.agents.txt:9"]);
});

test("petrarch discards and issues: scopes, whole words, n:/v:/+ expansions, ignore phrases", () => {
  const d = readPetrarchDiscards(file("test.discards.txt", "CHESS OLYMPIAD   # a comment\n+FILM_FESTIVAL\nCRICKE\nLEAGUE_\n"));
  assert.deepEqual(d.discards.map((x) => [x.phrase, x.scope, x.wholeWord]), [
    ["chess olympiad", "sentence", false],
    ["film festival", "story", false],
    ["cricke", "sentence", false],
    ["league", "sentence", true],
  ]);
  assert.deepEqual(expandIssuePhrase("n:well"), ["well", "wells"]);
  assert.deepEqual(expandIssuePhrase("v:fill well"), ["fill well", "fills well", "filled well", "filling well"]);
  assert.deepEqual(expandIssuePhrase("fresh+water n:supply"), ["fresh water supply", "fresh water supplies", "fresh-water supply", "fresh-water supplies"]);
  const i = readPetrarchIssues(file("test.issues.txt", '<ISSUE CATEGORY="WATER">\nn:well [WATER_ACCESS]\n~wishing well\n~~well done\nno code here\n</ISSUE>\n'));
  assert.deepEqual(i.issues.map((x) => [x.phrases, x.code]), [[["well", "wells"], "WATER_ACCESS"]]);
  assert.deepEqual(i.ignore.map((x) => [x.phrase, x.scope]), [["wishing well", "sentence"], ["well done", "story"]]);
  assert.deepEqual(i.problems.map((p) => p.where), ["test.issues.txt:5"]);
});

test("petrarch loader: kinds from file names, several actor files merged, a missing folder reported", () => {
  assert.equal(kindOf("CAMEO.2.0.txt"), "verbs");
  assert.equal(kindOf("Phoenix.MilNonState.actors.txt"), "actors");
  assert.equal(kindOf("PETR_Validate_Internal_Coding_Ontology_1_01.txt"), "ontology");
  assert.equal(kindOf("records.xml"), null);
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pl-"));
  file("a.actors.txt", "NORLAND [NRL]\n", dir);
  file("b.actors.txt", "SUDMARK [SDM]\n", dir);
  file("my.agents.txt", "ARMY {} [~MIL]\n", dir);
  file("notes.xml", "<x/>", dir);
  const d = loadPetrarchDictionaries(dir);
  assert.equal(d.actors?.actors.length, 2);
  assert.equal(d.agents?.agents.length, 1);
  assert.deepEqual(d.files.map((f) => f.kind).sort(), ["actors", "actors", "agents"]);
  const missing = loadPetrarchDictionaries(join(dir, "nope"));
  assert.equal(missing.problems[0].code, "E_DICT_FILE");
  const named = loadPetrarchDictionaries(null, { actors: [join(dir, "a.actors.txt")] });
  assert.equal(named.actors?.actors.length, 1);
});
