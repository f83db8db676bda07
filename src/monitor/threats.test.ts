import { test } from "node:test";
import assert from "node:assert/strict";
import { watchEvent } from "./fixtures.js";
import { THREAT_OPEN_DAYS, THREAT_WEIGHT, threatScore, threatsAt } from "./threats.js";
import { addDays } from "./days.js";

test("a threat stays open for its period and adds to the index; then it expires", () => {
  const t = watchEvent("138", "2024-03-01", { by: "XYZREB", against: "XYZGOV" });
  const open = threatsAt([t], "2024-03-05");
  assert.equal(open.length, 1);
  assert.equal(open[0].status, "open");
  assert.equal(threatScore(open), THREAT_WEIGHT * t.credibility);
  const later = threatsAt([t], addDays("2024-03-01", THREAT_OPEN_DAYS + 1));
  assert.ok(later.every((x) => x.status !== "open"));
  assert.equal(threatScore(later), 0);
});

test("a later attack by the same actor on the same target closes the threat and is flagged", () => {
  const t = watchEvent("138", "2024-03-01", { by: "XYZREB", against: "XYZGOV" });
  const a = watchEvent("190", "2024-03-04", { by: "XYZREB", against: "XYZGOV" });
  const other = watchEvent("190", "2024-03-03", { by: "ABCMIL", against: "XYZGOV" });
  const [v] = threatsAt([t, other, a], "2024-03-06");
  assert.equal(v.status, "carried-out");
  assert.equal(v.followedBy?.event, a.evidence.event);
  assert.equal(threatScore([v]), 0);
});

test("a threat not yet reported on a day does not count on that day (no look-ahead)", () => {
  const t = watchEvent("138", "2024-03-01", { seen: "2024-03-04" });
  assert.equal(threatsAt([t], "2024-03-02").length, 0);
  assert.equal(threatsAt([t], "2024-03-04").length, 1);
});

test("at most three threats count, the most credible", () => {
  const ts = [0.9, 0.5, 0.5, 0.5, 0.5].map((tr, i) => watchEvent("138", `2024-03-0${i + 1}`, { trust: tr }));
  const score = threatScore(threatsAt(ts, "2024-03-06"));
  assert.ok(Math.abs(score - THREAT_WEIGHT * (0.9 + 0.5 + 0.5)) < 1e-9);
});
