import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_ACTOR, isoDate, normaliseActor, parsePetrarchValidation, readPetrarchValidation } from "./validation-reader.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-validation-"));
after(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

// Invented records (Norland, Sudmark). Line numbers matter: the problems below name them.
const GOOD = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!--
   A header; <Sentence id="IN-A-COMMENT" category="X"> here is no record.
-->
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>a.txt, b.txt</Actorfile>
    <Include>valid CORE EXTRA </Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence category="CORE" date="20200105" id="C-1" evaluate="true">
<!-- two events, one with an extra attribute -->
<EventCoding eventcode="112" sourcecode="NRL" targetcode="SDM" />
<EventCoding eventcode="050" sourcecode="sdmgov" targetcode="NRL" plover="COOPERATE"></EventCoding>
<Text>
Norland condemned   Sudmark &amp; its allies in Caf&#233;
town.
</Text>
<Parse>
1	Norland	&	<	unbalanced ( parse
</Parse>
</Sentence>

<Sentence category="CORE" date="20200229" id="C-2" evaluate="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing happened.</Text>
</Sentence>

<Config option="require_dyad" value="false" />

<Sentence category="EXTRA" date="20200105" id='C-3' evaluate="false">
<EventCoding eventcode="010" sourcecode="~GOV" targetcode="" />
<Text>Skipped.</Text>
</Sentence>
<Sentence category="EXTRA" date="20200105" id="C-4">
<EventCoding error="storydiscard" />
<Config option="comma_max" value="0" />
<Text>A story about football.</Text>
</Sentence>
</Sentences>
</Validation>
`;

test("validation reader: records, several codings, noevents, evaluate=false, errors, entities, comments", () => {
  const v = readPetrarchValidation(file("good.xml", GOOD));
  assert.deepEqual(v.problems, []);
  assert.deepEqual(v.environment, {
    include: ["CORE", "EXTRA"],
    files: { verbfile: ["verbs.txt"], actorfile: ["a.txt", "b.txt"] },
    config: { stop_on_error: "True" },
  });
  assert.deepEqual(v.records.map((r) => [r.id, r.where]), [["C-1", "good.xml:13"], ["C-2", "good.xml:26"], ["C-3", "good.xml:33"], ["C-4", "good.xml:37"]]);
  const [a, b, c, d] = v.records;
  assert.equal(a.text, "Norland condemned Sudmark & its allies in Café town.");
  assert.equal(a.date, "2020-01-05");
  assert.equal(a.category, "CORE");
  assert.deepEqual(a.expected, [{ source: "NRL", target: "SDM", code: "112" }, { source: "SDMGOV", target: "NRL", code: "050" }]);
  assert.deepEqual([a.noEvents, a.error, a.evaluate], [false, false, true]);
  assert.deepEqual([b.noEvents, b.expected, b.date], [true, [], "2020-02-29"]);
  assert.equal(c.evaluate, false);
  assert.deepEqual(c.expected, [{ source: "---GOV", target: NO_ACTOR, code: "010" }]);
  assert.deepEqual([d.error, d.errorKind, d.evaluate], [true, "storydiscard", true], "no evaluate= means evaluated");
  assert.deepEqual(a.config, {});
  assert.deepEqual(c.config, { require_dyad: "false" }, "a <Config> between records holds for the records after it");
  assert.deepEqual(d.config, { require_dyad: "false", comma_max: "0" });
});

const BAD = `<Validation>
#### a header without comment markers & more
<Sentences>
<Sentence category="X" date="20200105" id="B-1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NRL" targetcode="SDM" />
<Text>
Norland & Sudmark fought, 3 < 4.
</Text>
</Sentence>
<Sentence category="X" date="20200105" id="B-2">
<EventCoding eventcode="190" sourcecode="NRL" targetcode="SDM" />
<Text>
Never closed.
</Sentence>
stray words between records
<Sentence category="X" date="2020" id="B-3">
<PLEvent {"event": "010", "source": [{"code": "NRL"}]}>
<EventCoding eventcode="010" sourcecode="NRL" targetcode="SDM" />
<Text>Norland spoke to Sudmark.</Text>
<Sentence category="X" date="20200105" id="B-1">
<EventCoding eventcode="020" sourcecode="SDM" targetcode="NRL" />
<Text>Sudmark appealed to Norland.</Text>
</Sentence>
<Sentence category="X" date="20200105" id="B-5">
<EventCoding eventcode="020" sourcecode="SDM" targetcode="NRL" />
<Text>   </Text>
</Sentence>
<Sentence category="X" date="20200105" id="B-6">
<EventCoding noevents="true" />
<Text>The <b>last</b> one.</Text>
</Sentence>
<Sentence category="X" date="20200105" id="B-7">
<EventCoding noevents="true" />
<Text>Unclosed at the end.</Text>
</Sentences>
</Validation>
`;

test("validation reader: a malformed file keeps every record it can and names the lines of the others", () => {
  const v = readPetrarchValidation(file("bad.xml", BAD));
  assert.deepEqual(v.records.map((r) => r.id), ["B-1", "B-3", "B-1", "B-7"]);
  const [b1, b3, , b7] = v.records;
  assert.equal(b1.text, "Norland & Sudmark fought, 3 < 4.");
  assert.deepEqual(b1.expected, [{ source: "NRL", target: "SDM", code: "190" }]);
  assert.equal(b3.date, null);
  assert.equal(b3.text, "Norland spoke to Sudmark.");
  assert.equal(b7.noEvents, true);
  const got = v.problems.map((p) => `${p.where} ${p.code} ${p.message.replace(/^[^:]*: /, "")}`);
  assert.deepEqual(got, [
    "bad.xml:2 W_VALIDATION_OUTSIDE \"#### a header without comment markers & more\"",
    "bad.xml:4 W_VALIDATION_REPAIRED <Sentence .../> is self-closed and followed by its children; read as an open tag: 1 record (line 4)",
    "bad.xml:4 W_VALIDATION_REPAIRED bare & read as &amp;: 1 record (line 4)",
    "bad.xml:4 W_VALIDATION_REPAIRED bare < read as &lt;: 1 record (line 4)",
    "bad.xml:12 E_VALIDATION_RECORD record B-2: <Text> is never closed (</Sentence> comes first)",
    "bad.xml:15 W_VALIDATION_OUTSIDE \"stray words between records\"",
    "bad.xml:16 W_VALIDATION_FIELD record B-3: date \"2020\" is not YYYYMMDD; coded without one",
    "bad.xml:16 W_VALIDATION_REPAIRED no </Sentence> before the next record; closed there: 2 records (lines 16, 32)",
    "bad.xml:16 W_VALIDATION_REPAIRED non-XML <PLEvent {...}> line ignored: 1 record (line 16)",
    "bad.xml:20 W_VALIDATION_FIELD id B-1 is also the id of the record at line 4; both are kept",
    "bad.xml:24 E_VALIDATION_RECORD record B-5: an empty <Text>",
    "bad.xml:28 E_VALIDATION_RECORD record B-6: markup inside <Text>",
  ]);
});

test("validation reader: an unreadable, empty or record-less file gives problems, not a throw", () => {
  const missing = readPetrarchValidation(join(dir, "no-such.xml"));
  assert.deepEqual([missing.records, missing.problems.map((p) => p.code)], [[], ["E_INPUT_MISSING"]]);
  const empty = readPetrarchValidation(file("empty.xml", ""));
  assert.deepEqual(empty.problems.map((p) => p.code), ["E_INPUT_EMPTY"]);
  const none = parsePetrarchValidation("<Validation><Sentences></Sentences></Validation>", "none.xml");
  assert.deepEqual([none.records, none.problems.map((p) => `${p.where} ${p.code}`)], [[], ["none.xml E_VALIDATION_FILE"]]);
  assert.equal(none.environment.include, null);
});

test("validation reader: a record without an id, <Text> or coding is reported at its <Sentence> line", () => {
  const v = parsePetrarchValidation(`<Sentences>\n<Sentence category="X">\n<Text>No id.</Text>\n</Sentence>\n<Sentence id="T-2">\n<EventCoding eventcode="010" sourcecode="NRL" targetcode="SDM" />\n</Sentence>\n<Sentence id="T-3" category="X" date="20200105"><EventCoding/><Text>Bare coding.</Text></Sentence>\n<Sentence id="T-4" category="X" date="20200105"><Text>No coding.</Text></Sentence>\n</Sentences>`, "t.xml");
  assert.deepEqual(v.problems.map((p) => `${p.where} ${p.message.replace(/^[^:]*: /, "")}`), [
    "t.xml:2 a record: the <Sentence> has no id",
    "t.xml:5 record T-2: no <Text>",
    "t.xml:8 record T-3: an <EventCoding> with no eventcode, noevents or error; ignored",
    "t.xml:9 record T-4: no <EventCoding>; read, not scored",
  ]);
  assert.deepEqual(v.records.map((r) => [r.id, r.expected.length, r.noEvents]), [["T-3", 0, false], ["T-4", 0, false]]);
});

test("validation reader: an error after repaired ampersands is still reported at its own line", () => {
  const v = parsePetrarchValidation(`<Sentence id="L-1">\n<Text>${"a & ".repeat(30)}</Text>\n<EventCoding eventcode="010"\n\n\n<EventCoding/>\n</Sentence>`, "l.xml");
  assert.deepEqual(v.problems.map((p) => p.where), ["l.xml:3"]);
});

test("validation reader: dates and actor codes", () => {
  assert.equal(isoDate("19950101"), "1995-01-01");
  assert.equal(isoDate("19950230"), null);
  assert.equal(isoDate("121108"), null);
  assert.equal(normaliseActor(""), NO_ACTOR);
  assert.equal(normaliseActor(undefined), NO_ACTOR);
  assert.equal(normaliseActor(" usagov "), "USAGOV");
  assert.equal(normaliseActor("~MIL"), "---MIL");
});
