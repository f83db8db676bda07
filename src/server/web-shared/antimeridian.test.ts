import { test } from "node:test";
import assert from "node:assert/strict";
import { clipRing, cutPolygon, unwrapRing, type Ring } from "./antimeridian.js";

const inRange = (r: Ring) => r.every(([lon]) => lon >= -180 && lon <= 180);
const jumps = (r: Ring) => r.some((p, i) => i > 0 && Math.abs(p[0] - r[i - 1][0]) > 180);

test("a polygon away from the meridian is kept as it is", () => {
  const square: Ring = [[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]];
  assert.deepEqual(cutPolygon([square]), [[square]]);
});

test("unwrapping turns a jump across ±180 into a run past 180", () => {
  assert.deepEqual(unwrapRing([[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]]), [[170, 0], [190, 0], [190, 10], [170, 10], [170, 0]]);
});

test("a polygon across the meridian becomes two, one each side, with no edge across the map", () => {
  const across: Ring = [[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]];
  const parts = cutPolygon([across]);
  assert.equal(parts.length, 2);
  for (const [outer] of parts) {
    assert.ok(inRange(outer), JSON.stringify(outer));
    assert.ok(!jumps(outer), JSON.stringify(outer));
  }
  const lons = parts.map(([outer]) => outer.map((p) => p[0]));
  assert.deepEqual([Math.min(...lons[0]), Math.max(...lons[0])], [170, 180]);
  assert.deepEqual([Math.min(...lons[1]), Math.max(...lons[1])], [-180, -170]);
  // the cut points lie on the meridian at the right latitudes
  assert.ok(parts[0][0].some(([lon, lat]) => lon === 180 && lat === 60));
});

test("a ring starting east of the meridian is cut at -180 the same way", () => {
  const parts = cutPolygon([[[-170, 60], [170, 60], [170, 70], [-170, 70], [-170, 60]]]);
  assert.equal(parts.length, 2);
  for (const [outer] of parts) assert.ok(inRange(outer) && !jumps(outer), JSON.stringify(outer));
});

test("clipping keeps one side, closed; nothing on that side is null", () => {
  const r: Ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
  assert.deepEqual(clipRing(r, 5, true), [[0, 0], [5, 0], [5, 10], [0, 10], [0, 0]]);
  assert.equal(clipRing(r, -5, true), null);
});
