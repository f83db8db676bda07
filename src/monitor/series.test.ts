import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, dayRange } from "./days.js";
import { watchEvent } from "./fixtures.js";
import { replay, trendOf } from "./series.js";
import { DEFAULT_THRESHOLDS as th } from "./watch.js";
import type { WatchEvent } from "./watch-events.js";

// a violent place: two or three violent reports a day, every day, for months
function steadyViolence(from: string, to: string): WatchEvent[] {
  return dayRange(from, to).flatMap((d, i) => Array.from({ length: 2 + (i % 2) }, () => watchEvent("190", d)));
}

test("a place judged against its own normal: steady violence stays level 1, a surge raises the level", () => {
  const history = steadyViolence("2024-01-01", "2024-05-31");
  const steady = replay(history, "2024-05-01", "2024-05-31", th, "2024-01-01");
  assert.ok(steady.every((d) => d.level === 1), "its normal is not an alarm");
  const surge = [...history, ...Array.from({ length: 12 }, () => watchEvent("190", "2024-05-20")), ...Array.from({ length: 12 }, () => watchEvent("190", "2024-05-21"))];
  const days = replay(surge, "2024-05-01", "2024-05-31", th, "2024-01-01");
  const at = days.find((d) => d.date === "2024-05-21")!;
  assert.ok(at.level >= 3, `level ${at.level}, index ${at.index}`);
  assert.equal(trendOf(days.slice(0, days.findIndex((d) => d.date === "2024-05-21") + 1)), "rising");
});

test("a calm place: one report moves it little; a few credible violent days in a row raise it", () => {
  const one = replay([watchEvent("190", "2024-05-10")], "2024-05-01", "2024-05-31", th, "2024-01-01");
  assert.ok(one.every((d) => d.level === 1));
  const several = ["2024-05-10", "2024-05-11", "2024-05-12"].flatMap((d) => [watchEvent("190", d, { sources: ["A", "B"] }), watchEvent("190", d, { sources: ["C", "D"] })]);
  const days = replay(several, "2024-05-01", "2024-05-31", th, "2024-01-01");
  assert.ok(days.some((d) => d.level >= 2));
  // and it comes down again in the calm weeks after
  assert.equal(days[days.length - 1].level, 1);
});

test("no look-ahead: a report published days after the event counts from its publication", () => {
  const late = Array.from({ length: 20 }, () => watchEvent("190", "2024-05-10", { seen: "2024-05-12" }));
  const days = replay(late, "2024-05-01", "2024-05-31", th, "2024-01-01");
  assert.equal(days.find((d) => d.date === "2024-05-10")!.level, 1);
  assert.equal(days.find((d) => d.date === "2024-05-11")!.level, 1);
  assert.ok(days.find((d) => d.date === "2024-05-12")!.level >= 2);
});

test("without enough history the baseline is forming: only threats count", () => {
  const days = replay(Array.from({ length: 20 }, () => watchEvent("190", "2024-01-05")), "2024-01-05", "2024-01-10", th, "2024-01-01");
  assert.ok(days.every((d) => d.forming && d.index === 0));
  assert.equal(addDays("2024-01-01", 1), "2024-01-02");
});
