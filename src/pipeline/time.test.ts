import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates } from "./time.js";

const REF = "2020-12-04"; // a Friday

function one(s: string) {
  const d = findDates(s, 0, REF);
  assert.equal(d.length, 1, `${s}: ${JSON.stringify(d)}`);
  return d[0];
}

test("time: explicit day in the past resolves in the publication year", () => {
  assert.deepEqual([one("Protesters gathered on December 3rd outside the embassy.").date, one("Protesters gathered on December 3rd outside the embassy.").role], ["2020-12-03", "event"]);
});

test("time: an anniversary date is the coming one and not the event's", () => {
  const d = one("The militia vowed revenge ahead of the January 3rd anniversary of the assassination.");
  assert.equal(d.date, "2021-01-03");
  assert.equal(d.role, "anniversary");
});

test("time: a bare weekday in a past-tense report is the last one", () => {
  assert.equal(one("On Saturday, troops withdrew from the town.").date, "2020-11-28");
  assert.equal(one("Gunmen stormed a police station on Tuesday.").date, "2020-12-01");
});

test("time: relative expressions", () => {
  assert.equal(one("Two days ago the army shelled the village.").date, "2020-12-02");
  assert.equal(one("Police arrested 20 people yesterday.").date, "2020-12-03");
});

test("time: future dates are marked future", () => {
  const d = one("The election will be held on March 15.");
  assert.equal(d.date, "2021-03-15");
  assert.equal(d.role, "future");
});

test("time: offsets point into the text", () => {
  const s = "Fighting resumed on Monday in the north.";
  const d = findDates(s, 100, REF)[0];
  assert.equal(d.charStart - 100, s.indexOf("on Monday") >= 0 ? s.indexOf(d.text) : -1);
});

test("time: a month name in lower case is a word, not a date", () => {
  assert.equal(findDates("Activists plan a march on parliament to mark the anniversary.", 0, REF).length, 0);
  assert.equal(findDates("Officials said talks may resume soon.", 0, REF).length, 0);
  assert.equal(findDates("The protest is planned for March 9.", 0, REF)[0]?.date, "2021-03-09");
});
