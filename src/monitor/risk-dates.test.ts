import { test } from "node:test";
import assert from "node:assert/strict";
import { watchEvent } from "./fixtures.js";
import { namedDates, nextAnniversary, triggerAnniversaries, userDates } from "./risk-dates.js";

test("next anniversaries, leap days included", () => {
  assert.equal(nextAnniversary("2020-01-03", "2024-12-20"), "2025-01-03");
  assert.equal(nextAnniversary("2020-01-03", "2024-01-03"), "2024-01-03");
  assert.equal(nextAnniversary("2020-02-29", "2023-01-01"), "2023-02-28");
  assert.equal(nextAnniversary("2020-02-29", "2024-01-01"), "2024-02-29");
});

test("a date the news names as an anniversary is listed with its sentence; past and far dates are not", () => {
  const m = (date: string, mention: string) => ({ doc: "a1", sentence: 2, text: `Supporters plan rallies on ${mention} of the general's killing.`, mention, date, role: "anniversary" as const, outlet: "Daily Example", url: null, published: "2024-12-20" });
  const got = namedDates([m("2025-01-03", "the January 3rd anniversary"), m("2024-12-01", "the December 1st anniversary"), m("2025-06-01", "the June anniversary")], "2024-12-21");
  assert.deepEqual(got.map((r) => r.date), ["2025-01-03"]);
  assert.match(got[0].reason, /January 3rd anniversary/);
  assert.match(got[0].evidence!.text, /general's killing/);
});

test("anniversaries of the watch's heavy, corroborated violence of earlier years; a single-source report is not a trigger", () => {
  const big = watchEvent("190", "2023-01-10", { sources: ["Agency One", "Agency Two"] });
  const lone = watchEvent("190", "2023-01-12", { sources: ["Daily Example"] });
  const got = triggerAnniversaries([big, lone], "2024-12-20");
  assert.deepEqual(got.map((r) => r.date), ["2025-01-10"]);
  assert.match(got[0].reason, /2 years since/);
});

test("user dates: once or yearly", () => {
  const got = userDates(
    [
      { id: 1, watch: 1, date: "2025-01-15", label: "runoff election", yearly: false },
      { id: 2, watch: 1, date: "2019-01-07", label: "national holiday", yearly: true },
      { id: 3, watch: 1, date: "2024-01-07", label: "last year's vote", yearly: false },
    ],
    "2024-12-20",
  );
  assert.deepEqual(got.map((r) => [r.date, r.reason]), [["2025-01-15", "runoff election"], ["2025-01-07", "national holiday"]]);
});
