import { test } from "node:test";
import assert from "node:assert/strict";
import { Pipeline } from "./runner.js";
import { defineStage } from "./stage.js";
import { SitrepError } from "../core/problems.js";

const a = defineStage({ name: "a", requires: ["article"], assigns: ["text"], run: (d) => ({ ...d, text: "x" }) });
const b = defineStage({ name: "b", requires: ["text"], assigns: ["title"], run: (d) => ({ ...d, title: d.text.toUpperCase() }) });

test("runner: runs stages in order and times them", () => {
  const p = new Pipeline([a, b]);
  const doc = p.run({ id: "1", text: "" });
  assert.equal(doc.title, "X");
  assert.deepEqual([...p.timings.keys()], ["a", "b"]);
});

test("runner: a requirement no earlier stage assigns is an error at start-up", () => {
  assert.throws(() => new Pipeline([b, a]), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_PIPELINE" && /requires "text"/.test(e.message));
});

test("runner: a stage registered twice is an error", () => {
  assert.throws(() => new Pipeline([a, a]), /registered twice/);
});

test("runner: a stage that returns no Doc is caught", () => {
  const bad = defineStage({ name: "bad", requires: [], assigns: [], run: () => undefined as never });
  assert.throws(() => new Pipeline([bad]).run({ id: "1", text: "" }), /did not return a Doc/);
});
