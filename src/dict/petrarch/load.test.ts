import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kindOf, loadPetrarchDictionaries } from "./load.js";

test("petrarch loader: the kind of a file from its name", () => {
  assert.equal(kindOf("CAMEO.2.0.txt"), "verbs");
  assert.equal(kindOf("my.VERBS.txt"), "verbs");
  assert.equal(kindOf("Phoenix.MilNonState.actors.txt"), "actors");
  assert.equal(kindOf("x.agents.txt"), "agents");
  assert.equal(kindOf("x.discards.txt"), "discards");
  assert.equal(kindOf("x.IssueCoding.txt"), "issues");
  assert.equal(kindOf("PETR_Validate_Internal_Coding_Ontology_1_01.txt"), "ontology");
  assert.equal(kindOf("records.xml"), null);
  assert.equal(kindOf("x.prepositions.txt"), null);
});

test("petrarch loader: a folder of dictionaries, several actor files merged, problems gathered", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pl-"));
  const put = (name: string, text: string) => writeFileSync(join(dir, name), text);
  put("a.actors.txt", "NORLAND [NRL]\n");
  put("b.actors.txt", "SUDMARK [SDM]\n\t[SDMGOV bad]\n");
  put("my.agents.txt", "ARMY {} [~MIL]\n");
  put("my.verbs.txt", "--- SCOLD [111] ---\nSCOLD\n- * SHARPLY [111]\n");
  put("my.discards.txt", "+CHESS\n");
  put("my.issues.txt", "n:well [WATER]\n");
  put("my.ontology.txt", "anything\n");
  put("notes.xml", "<x/>");
  mkdirSync(join(dir, "old.verbs"));
  const d = loadPetrarchDictionaries(dir);
  assert.deepEqual(d.files.map((f) => f.kind), ["actors", "actors", "agents", "discards", "issues", "ontology", "verbs"]);
  assert.deepEqual(d.actors?.actors.map((a) => a.phrases[0]), ["norland", "sudmark"]);
  assert.equal(d.agents?.agents.length, 1);
  assert.equal(d.verbs?.blocks[0].patterns.length, 1);
  assert.equal(d.discards?.discards[0].scope, "story");
  assert.equal(d.issues?.issues[0].code, "WATER");
  assert.deepEqual(d.problems.map((p) => [p.code, p.where]), [["E_DICT_LINE", "b.actors.txt:2"]]);
});

test("petrarch loader: named files by kind; a missing or empty folder and a missing file are E_DICT_FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pl-"));
  writeFileSync(join(dir, "odd-name.txt"), "NORLAND [NRL]\n");
  const named = loadPetrarchDictionaries(null, { actors: [join(dir, "odd-name.txt")], verbs: [join(dir, "none.txt")] });
  assert.equal(named.actors?.actors.length, 1);
  assert.deepEqual(named.problems.map((p) => [p.code, p.where]), [["E_DICT_FILE", join(dir, "none.txt")]]);
  assert.equal(loadPetrarchDictionaries(join(dir, "nope")).problems[0].code, "E_DICT_FILE");
  const empty = loadPetrarchDictionaries(mkdtempSync(join(tmpdir(), "sitrep-pl-")));
  assert.deepEqual(empty.problems.map((p) => p.code), ["E_DICT_FILE"]);
  assert.match(empty.problems[0].message, /no dictionary in this folder/);
});
