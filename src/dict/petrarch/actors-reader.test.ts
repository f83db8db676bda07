import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRestriction, petrarchDate, readPetrarchActors, readPetrarchDate } from "./actors-reader.js";

function file(name: string, text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), "sitrep-pa-")), name);
  writeFileSync(f, text);
  return f;
}

// Invented actors; line numbers matter below.
const ACTORS = [
  /*  1 */ "<!-- invented actors -->",
  /*  2 */ "NORLAND_  [NRL]",
  /*  3 */ "+NORLANDIC_",
  /*  4 */ "+THE_NORTH  KINGDOM # a comment",
  /*  5 */ "",
  /*  6 */ "ANNA_VOSS_  ; an old TABARI comment",
  /*  7 */ "\t[NRLGOV 19970101-20010120]",
  /*  8 */ "\t[NRLELI <961231]",
  /*  9 */ "    [NRLOPP >010121]",
  /* 10 */ "\t[nrlcvl]",
  /* 11 */ "BEN_KORT  [NRLMIL]",
  /* 12 */ "\t[NRLGOV 20200101 - 20221231]",
  /* 13 */ "\t[NRLELI]",
  /* 14 */ "CARL DOE [---]",
  /* 15 */ "DORA_LUND  [SDMGOV 820701-821231][SDMGOV 870701-871231] [SDM]",
  /* 16 */ "EMPTY_LINE_CODE [NRLGOV 2020-bad]",
  /* 17 */ "\t[NRLGOV 20200231-20210101]",
  /* 18 */ "\t[NRLGOV 20210101-20200101]",
  /* 19 */ "\t[NRLGOV",
  /* 20 */ "\t[NRLGOV >201005011]",
  /* 21 */ "\t[NRLGOV 20121204]",
  /* 22 */ "ERIK_HOLM [A/B]",
  /* 23 */ "+ERIK_H.  +E._HOLM_ +B+H",
  /* 24 */ "\t[--- <950630]",
  /* 25 */ "+ERIK]_",
].join("\n");

test("petrarch actors: phrases, synonyms, default codes, the three kinds of date restriction, YYMMDD", () => {
  const d = readPetrarchActors(file("test.actors.txt", ACTORS));
  assert.equal(d.actors.length, 7);
  const [norland, anna, ben, carl, dora] = d.actors;
  assert.deepEqual(norland, { phrases: ["norland", "norlandic", "the north kingdom"], defaultCode: "NRL", dated: [], where: "test.actors.txt:2" });
  assert.deepEqual(anna.dated, [
    { code: "NRLGOV", from: "1997-01-01", to: "2001-01-20" },
    { code: "NRLELI", from: null, to: "1996-12-31" },
    { code: "NRLOPP", from: "2001-01-21", to: null },
  ]);
  assert.equal(anna.defaultCode, "NRLCVL", "an undated restriction line is the default; codes are upper-cased");
  assert.equal(ben.defaultCode, "NRLMIL");
  assert.deepEqual(ben.dated, [
    { code: "NRLGOV", from: "2020-01-01", to: "2022-12-31" },
    { code: "NRLELI", from: null, to: null },
  ], "a second undated code is kept with the dated ones");
  assert.deepEqual([carl.phrases, carl.defaultCode], [["carl doe"], "---"]);
  assert.deepEqual(dora.dated, [
    { code: "SDMGOV", from: "1982-07-01", to: "1982-12-31" },
    { code: "SDMGOV", from: "1987-07-01", to: "1987-12-31" },
  ], "TABARI-style restrictions on the primary line");
  assert.equal(dora.defaultCode, "SDM");
  const [, , , , , empty, erik] = d.actors;
  assert.deepEqual(empty.dated, [
    { code: "NRLGOV", from: "2010-05-01", to: null },
    { code: "NRLGOV", from: "2012-12-04", to: null },
  ], "loosely written dates are read as PETRARCH reads them");
  assert.deepEqual([erik.phrases, erik.defaultCode, erik.dated], [["erik holm", "erik h.", "e. holm", "b+h"], "A/B", [{ code: "---", from: null, to: "1995-06-30" }]]);
});

test("petrarch actors: malformed restrictions are reported with file:line and skipped", () => {
  const d = readPetrarchActors(file("test.actors.txt", ACTORS));
  assert.deepEqual(d.problems.map((p) => [p.code, p.where]), [
    ["E_DICT_LINE", "test.actors.txt:16"],
    ["E_DICT_LINE", "test.actors.txt:17"],
    ["E_DICT_LINE", "test.actors.txt:18"],
    ["E_DICT_LINE", "test.actors.txt:19"],
    ["W_DICT_DATE", "test.actors.txt:20"],
    ["W_DICT_DATE", "test.actors.txt:21"],
    ["E_DICT_LINE", "test.actors.txt:25"],
  ]);
  assert.match(d.problems[2].message, /ends \(2020-01-01\) before it begins/);
  assert.match(d.problems[3].message, /\[ without its \]/);
  const orphans = readPetrarchActors(file("o.actors.txt", "\t[NRL]\n+NORLAND\nNORLAND [NRL]\n"));
  assert.deepEqual(orphans.problems.map((p) => p.where), ["o.actors.txt:1", "o.actors.txt:2"]);
  assert.equal(orphans.actors.length, 1);
  assert.equal(readPetrarchActors("/no/such/file.actors.txt").problems[0].code, "E_DICT_FILE");
});

test("petrarch actor dates: YYYYMMDD, YYMMDD with the 00-30 rule, validity", () => {
  assert.equal(petrarchDate("20240229"), "2024-02-29");
  assert.equal(petrarchDate("20230229"), null);
  assert.equal(petrarchDate("19000229"), null);
  assert.equal(petrarchDate("300101"), "2030-01-01");
  assert.equal(petrarchDate("310101"), "1931-01-01");
  assert.equal(petrarchDate("000131"), "2000-01-31");
  assert.equal(petrarchDate("201313"), null);
  assert.equal(petrarchDate("2020"), null);
  assert.deepEqual(readPetrarchDate("9008223"), { date: "1990-08-22", extra: true });
  assert.deepEqual(readPetrarchDate("1920030320"), { date: "1920-03-03", extra: true });
  assert.equal(typeof parseRestriction("12 >2020"), "string");
  assert.equal(typeof parseRestriction(""), "string");
  assert.deepEqual(parseRestriction("usa <20090120"), { code: "USA", from: null, to: "2009-01-20" });
});
