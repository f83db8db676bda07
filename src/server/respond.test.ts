import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, safeJson } from "./respond.js";
import { eventFeature, featureCollection } from "./geojson.js";
import type { CodedEvent } from "../core/types.js";

test("safeJson is the same JSON value with no markup characters in its text", () => {
  const v = { text: "<script>alert('x')</script> & \u2028 done", n: -1 };
  const s = safeJson(v);
  assert.ok(!/[<>&\u2028]/.test(s));
  assert.deepEqual(JSON.parse(s), v);
});

test("CSV cells: quoted when needed; text a spreadsheet would run as a formula is prefixed, numbers are not", () => {
  assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("-2+3"), "'-2+3");
  assert.equal(csvCell(-10), "-10");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell("<b>x</b>"), "<b>x</b>");
});

test("GeoJSON: a point for a located event (longitude first), none for an unlocated one, counted", () => {
  const located = { id: "e1", location: { name: "X", country: null, admin1: null, lat: 10, lon: 20 } } as unknown as CodedEvent;
  const unlocated = { id: "e2", location: null } as unknown as CodedEvent;
  const fc = featureCollection([located, unlocated], (e) => eventFeature(e, e.id, { id: e.id }), "7");
  assert.equal(fc.features.length, 1);
  assert.deepEqual(fc.features[0].geometry.coordinates, [20, 10]);
  assert.equal(fc.unlocated, 1);
  assert.equal(fc.next, "7");
});
