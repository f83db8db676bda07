import { test } from "node:test";
import assert from "node:assert/strict";
import { bestCluster, clusterKey, distance, shiftDate, type ClusterShape } from "./same-event.js";
import type { CodedEvent } from "../core/types.js";

function report(date: string | null, place: { lat: number; lon: number; country: string } | null, target = "USAMIL"): CodedEvent {
  return {
    date,
    root: "19",
    source: { text: "militants", code: "IRQREB", country: "IRQ", sector: "REB" },
    target: { text: "US troops", code: target, country: "USA", sector: "MIL" },
    location: place ? { name: "x", admin1: null, ...place } : null,
  } as CodedEvent;
}

const baghdad = { lat: 33.34, lon: 44.4, country: "IRQ" };
const cluster: ClusterShape = { key: "19|IRQREB|USAMIL", firstDate: "2020-01-08", lastDate: "2020-01-08", lat: 33.3, lon: 44.36, country: "IRQ" };

test("reports a day apart in the same city are one event", () => {
  assert.deepEqual(distance(report("2020-01-09", baghdad), cluster)?.days, 1);
});

test("a different target, a date outside the window, a far place or another country are not", () => {
  assert.equal(distance(report("2020-01-09", baghdad, "USAGOV"), cluster), null);
  assert.equal(distance(report("2020-01-12", baghdad), cluster), null);
  assert.equal(distance(report("2020-01-08", { lat: 36.34, lon: 43.13, country: "IRQ" }), cluster), null); // Mosul, ~350 km
  assert.equal(distance(report("2020-01-08", { lat: 33.3, lon: 44.36, country: "SYR" }), cluster), null);
});

test("a report with no place may join; one with no date never clusters", () => {
  assert.ok(distance(report("2020-01-08", null), cluster));
  assert.equal(clusterKey(report(null, baghdad)), null);
});

test("the nearest cluster in time wins", () => {
  const later = { ...cluster, firstDate: "2020-01-10", lastDate: "2020-01-10" };
  assert.equal(bestCluster(report("2020-01-10", baghdad), [cluster, later]), later);
  assert.equal(shiftDate("2020-03-01", -2), "2020-02-28");
});
