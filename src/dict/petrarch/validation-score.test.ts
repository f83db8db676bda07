import { test } from "node:test";
import assert from "node:assert/strict";
import type { ValidationRecord } from "./validation-reader.js";
import { isRight, prf, scoreValidation, skipReason, type Coded, type Tally, type Triple } from "./validation-score.js";

function rec(id: string, category: string, over: Partial<ValidationRecord> = {}): ValidationRecord {
  return { id, category, date: "2020-01-05", evaluate: true, text: "…", expected: [], noEvents: false, error: false, errorKind: null, config: {}, where: `t.xml:${id}`, ...over };
}
const t = (source: string, target: string, code: string): Triple => ({ source, target, code });
const counts = (x: Tally) => [x.tp, x.fp, x.fn, x.exact, x.sentences];

// Hand-computed: see each line's comment for (triples | code,source | root).
const items: Coded[] = [
  // tp1 fp1 fn1 | tp1 fp1 fn1 | tp2, right (root 05 either way)
  { record: rec("A", "CAT1", { expected: [t("NRL", "SDM", "112"), t("SDM", "NRL", "050")] }), predicted: [t("NRL", "SDM", "112"), t("SDM", "NRL", "051")] },
  // noevents and nothing coded: right everywhere
  { record: rec("B", "CAT1", { noEvents: true }), predicted: [] },
  // wrong target: fp1 fn1 | tp1, right | tp1, right
  { record: rec("C", "CAT2", { expected: [t("NRL", "SDM", "010")] }), predicted: [t("NRL", "---", "010")] },
  // an absent target coded as "" and as "---", twice: one triple, right everywhere
  { record: rec("H", "CAT2", { expected: [t("NRL", "---", "010")] }), predicted: [t("NRL", "", "010"), t("nrl", "---", "010")] },
  // an expected story discard coded as an event: fp1 everywhere
  { record: rec("F", "CAT2", { error: true, errorKind: "storydiscard" }), predicted: [t("NRL", "SDM", "050")] },
  // skipped: evaluate="false", a parse-tree error, no coding at all
  { record: rec("D", "CAT2", { evaluate: false, expected: [t("NRL", "SDM", "010")] }), predicted: [t("X", "Y", "190")] },
  { record: rec("E", "CAT2", { error: true, errorKind: "bad_input_parse" }), predicted: [t("NRL", "SDM", "050")] },
  { record: rec("G", "CAT2"), predicted: [t("NRL", "SDM", "050")] },
];

test("validation score: exact triples, sentences right, looser figures, skips", () => {
  const s = scoreValidation(items);
  assert.equal(s.scored, 5);
  assert.deepEqual(s.skipped, { "evaluate-false": 1, "parse-error": 1, "no-coding": 1 });
  assert.deepEqual(counts(s.triples), [2, 3, 2, 2, 5]);
  const { p, r, f1 } = prf(s.triples);
  assert.equal(p, 0.4);
  assert.equal(r, 0.5);
  assert.ok(Math.abs(f1 - 4 / 9) < 1e-12);
  assert.deepEqual(counts(s.codeSource), [3, 2, 1, 3, 5]);
  assert.deepEqual(counts(s.root), [4, 1, 0, 4, 5]);
  assert.equal(s.implemented, null);
});

test("validation score: by category, and over the implemented categories", () => {
  const s = scoreValidation(items, ["CAT1"]);
  assert.deepEqual([...s.byCategory.keys()], ["CAT1", "CAT2"]);
  assert.deepEqual(counts(s.byCategory.get("CAT1")!.triples), [1, 1, 1, 1, 2]);
  assert.deepEqual(counts(s.byCategory.get("CAT2")!.triples), [1, 2, 1, 1, 3]);
  assert.deepEqual(counts(s.implemented!.triples), [1, 1, 1, 1, 2]);
  assert.deepEqual(counts(s.implemented!.root), counts(s.byCategory.get("CAT1")!.root));
});

test("validation score: a noevents or discard record is right only when nothing is coded", () => {
  const discard = rec("F", "X", { error: true, errorKind: "sentencediscard" });
  assert.equal(isRight(discard, []), true);
  assert.equal(isRight(discard, [t("NRL", "SDM", "050")]), false);
  assert.equal(isRight(rec("B", "X", { noEvents: true }), []), true);
  assert.equal(skipReason(rec("B", "X", { noEvents: true })), null);
  assert.equal(skipReason(discard), null);
});

test("validation score: two records sharing an id (DEMO-32 in validate-2.02) are scored each on its own coding", () => {
  const first = rec("DEMO-32", "DEMO", { expected: [t("NRLMIL", "SDM", "170")] });
  const second = rec("DEMO-32", "DEMO", { expected: [t("NRLMIL", "SDM", "057")] });
  const s = scoreValidation([
    { record: first, predicted: [t("NRLMIL", "SDM", "170")] },
    { record: second, predicted: [t("NRLMIL", "SDM", "057")] },
  ]);
  assert.deepEqual(counts(s.triples), [2, 0, 0, 2, 2]);
});
