import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPetrarchAgents } from "./agents-reader.js";

function file(name: string, text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), "sitrep-pg-")), name);
  writeFileSync(f, text);
  return f;
}

test("petrarch agents: plurals (regular, given, none), substitution sets, prefix and suffix codes", () => {
  const f = file("test.agents.txt", [
    /*  1 */ "!WORKER! = CLERK, CLERKS , TYPIST",
    /*  2 */ "PARTY_SECRETARY [~GOV]  # a comment",
    /*  3 */ "LAND_POLICE {} [~COP]",
    /*  4 */ "CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [~MIL]",
    /*  5 */ "HEAD OF GUARDS {HEADS OF GUARDS } [~MIL]",
    /*  6 */ "BANK!WORKER! [~BUS]",
    /*  7 */ "RELIEF_AGENCY [NGO~]",
    /*  8 */ "DOCK_BOSS [~lab]",
    /*  9 */ "NO_CODE_HERE",
    /* 10 */ "BAD_SET!NOPE! [~GOV]",
    /* 11 */ "BAD_CODE [GOV]",
    /* 12 */ "BROKEN [~GOV}",
    /* 13 */ "OPEN {BRACE [~GOV]",
    /* 14 */ "FLEET_!WORKER! {} [~NAV]",
  ].join("\n"));
  const d = readPetrarchAgents(f);
  assert.deepEqual(d.agents.map((a) => [a.phrases, a.code, a.position]), [
    [["party secretary", "party secretaries"], "GOV", "suffix"],
    [["land police"], "COP", "suffix"],
    [["chief of staff", "chiefs of staff"], "MIL", "suffix"],
    [["head of guards", "heads of guards"], "MIL", "suffix"],
    [["bankclerk", "bankclerks", "banktypist"], "BUS", "suffix"],
    [["relief agency", "relief agencies"], "NGO", "prefix"],
    [["dock boss", "dock bosses"], "LAB", "suffix"],
    [["fleet clerk", "fleet clerks", "fleet typist"], "NAV", "suffix"],
  ]);
  assert.equal(d.agents[0].where, "test.agents.txt:2");
  assert.deepEqual(d.problems.map((p) => p.where), [9, 10, 11, 12, 13].map((n) => `test.agents.txt:${n}`));
  assert.match(d.problems[1].message, /!NOPE!/);
});
