import { test } from "node:test";
import assert from "node:assert/strict";
import { rateLimiter } from "./rate-limit.js";

test("a client gets its burst, then waits for the bucket to refill; clients do not share buckets", () => {
  const rl = rateLimiter({ burst: 3, perSecond: 1 });
  const t = 1_000_000;
  assert.deepEqual([rl.take("a", t), rl.take("a", t), rl.take("a", t)], [0, 0, 0]);
  assert.equal(rl.take("a", t), 1, "one second until the next");
  assert.equal(rl.take("b", t), 0);
  assert.equal(rl.take("a", t + 1000), 0, "refilled");
  assert.equal(rl.take("a", t + 1000), 1);
  assert.equal(rl.take("a", t + 60_000), 0, "never more than the burst after idling");
  assert.equal(rl.take("a", t + 60_000), 0);
  assert.equal(rl.take("a", t + 60_000), 0);
  assert.ok(rl.take("a", t + 60_000) > 0);
});

test("memory stays bounded with many clients", () => {
  const rl = rateLimiter({ burst: 2, perSecond: 1 });
  for (let i = 0; i < 25_000; i++) assert.equal(rl.take(`10.0.${i >> 8}.${i & 255}`, 5_000 + i), 0);
});
