import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_ACTOR, readPetrarchValidation } from "./validation-reader.js";
import { prf, scoreValidation } from "./validation-score.js";

function file(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), "sitrep-val-")), "records.xml");
  writeFileSync(f, text);
  return f;
}

// Invented records; the second file is malformed the ways real validation files are.
const GOOD = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- <Sentence id="IN-A-COMMENT"> is not a record -->
<Environment><Include>CORE EXTRA</Include></Environment>
<Sentences>
<Sentence category="CORE" date="20200105" id="C-1" evaluate="true">
<EventCoding eventcode="112" sourcecode="NRL" targetcode="SDM" />
<EventCoding eventcode="050" sourcecode="SDM" targetcode="NRL" />
<Config option="require_dyad" value="false" />
<Text>
Norland condemned Sudmark &amp; its allies.
</Text>
<Parse>1	Norland</Parse>
</Sentence>
<Sentence category="CORE" date="20200105" id="C-2" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="EXTRA" date="20200105" id="C-3" evaluate="false">
<EventCoding eventcode="010" sourcecode="NRL" targetcode="" />
<Text>Skipped.</Text>
</Sentence>
</Sentences>
</Validation>`;

const BAD = `<Validation>
# a header comment without its markers & a stray ampersand
<Sentences>
<Sentence category="X" date="20200105" id="B-1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NRL" targetcode="SDM" />
<Text>
Norland attacked Sudmark.
</Text>
<Sentence category="X" date="2020" id="B-2">
<EventCoding eventcode="190" sourcecode="NRL" targetcode="SDM" />
<Sentence id="B-3" category="X">
<EventCoding error="true" />
<Text>An ungrammatical line</Text>
</Sentence>`;

test("validation reader: records, codings, noevents, evaluate=false, entities, comments", () => {
  const v = readPetrarchValidation(file(GOOD));
  assert.deepEqual(v.problems, []);
  assert.deepEqual(v.include, ["CORE", "EXTRA"]);
  assert.deepEqual(v.records.map((r) => r.id), ["C-1", "C-2", "C-3"]);
  const [a, b, c] = v.records;
  assert.equal(a.text, "Norland condemned Sudmark & its allies.");
  assert.equal(a.date, "2020-01-05");
  assert.deepEqual(a.expected, [{ source: "NRL", target: "SDM", code: "112" }, { source: "SDM", target: "NRL", code: "050" }]);
  assert.deepEqual(a.config, { require_dyad: "false" });
  assert.equal(b.noEvents, true);
  assert.equal(c.evaluate, false);
  assert.equal(c.expected[0].target, NO_ACTOR);
});

test("validation reader: a malformed file keeps every record it can and names the lines of the others", () => {
  const v = readPetrarchValidation(file(BAD));
  assert.deepEqual(v.records.map((r) => r.id), ["B-1", "B-3"]);
  assert.equal(v.records[0].text, "Norland attacked Sudmark.");
  assert.equal(v.records[1].error, true);
  assert.deepEqual(v.problems.map((p) => p.where), ["records.xml:9"]);
  assert.match(v.problems[0].message, /B-2.*no <Text>/);
});

test("validation score: exact triples, sentences right, categories, noevents", () => {
  const v = readPetrarchValidation(file(GOOD));
  const s = scoreValidation(v.records, new Map([
    ["C-1", [{ source: "NRL", target: "SDM", code: "112" }, { source: "NRL", target: "SDM", code: "190" }]],
    ["C-2", []],
    ["C-3", [{ source: "X", target: "Y", code: "010" }]],
  ]));
  assert.deepEqual([s.triples.tp, s.triples.fp, s.triples.fn], [1, 1, 1]);
  assert.deepEqual([s.triples.exact, s.triples.sentences], [1, 2], "C-2 is right (nothing coded), C-3 is skipped");
  assert.equal(prf(s.triples).f1, 0.5);
  assert.deepEqual([...s.byCategory.keys()], ["CORE"]);
  assert.deepEqual([s.root.tp, s.root.fp, s.root.fn], [1, 1, 1]);
});
