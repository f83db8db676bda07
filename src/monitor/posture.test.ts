import { test } from "node:test";
import assert from "node:assert/strict";
import { COOL_DAYS, levelOf, nextPosture, type PostureState } from "./posture.js";
import { DEFAULT_THRESHOLDS as th } from "./watch.js";

test("the index maps to levels by the thresholds", () => {
  assert.equal(levelOf(0, th), 1);
  assert.equal(levelOf(th.level2, th), 2);
  assert.equal(levelOf(th.level3 + 0.1, th), 3);
  assert.equal(levelOf(th.level4 * 2, th), 4);
});

test("a level rises at once and falls one step only after days of calm (no flapping)", () => {
  let s: PostureState = { level: 1, calm: 0 };
  s = nextPosture(s, th.level3, th);
  assert.equal(s.level, 3);
  // hovering just under the threshold keeps the level
  for (let i = 0; i < 10; i++) s = nextPosture(s, th.level3 - 0.5, th);
  assert.equal(s.level, 3);
  // calm days: down one step after COOL_DAYS, not straight to 1
  for (let i = 0; i < COOL_DAYS - 1; i++) s = nextPosture(s, 0, th);
  assert.equal(s.level, 3);
  s = nextPosture(s, 0, th);
  assert.equal(s.level, 2);
  // one busy day resets the count
  s = nextPosture(s, 0, th);
  s = nextPosture(s, th.level2, th);
  s = nextPosture(s, 0, th);
  assert.equal(s.level, 2);
});
