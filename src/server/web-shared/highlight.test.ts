import { test } from "node:test";
import assert from "node:assert/strict";
import { highlightSegments, sentenceStartOf } from "./highlight.js";

// "Rebels attacked an army post near Goma." as the second sentence of an article, at offset 40
const S = "Rebels attacked an army post near Goma.";
const AT = 40;
const spans = { source: [40, 46] as [number, number], verb: [47, 55] as [number, number], target: [59, 63] as [number, number] };

test("source, verb and target become their own segments; the texts join back to the sentence", () => {
  const segs = highlightSegments(S, AT, spans);
  assert.deepEqual(segs, [
    { kind: "source", text: "Rebels" },
    { kind: "plain", text: " " },
    { kind: "verb", text: "attacked" },
    { kind: "plain", text: " an " },
    { kind: "target", text: "army" },
    { kind: "plain", text: " post near Goma." },
  ]);
  assert.equal(segs.map((s) => s.text).join(""), S);
});

test("a verb phrase running over its target leaves the target its own segment", () => {
  const s = "Police arrested dozens of protesters in Kampala.";
  const segs = highlightSegments(s, 0, { source: [0, 6], verb: [7, 36], target: [26, 36] });
  assert.deepEqual(segs.filter((x) => x.kind !== "plain"), [
    { kind: "source", text: "Police" },
    { kind: "verb", text: "arrested dozens of " },
    { kind: "target", text: "protesters" },
  ]);
});

test("no target, and spans beyond the sentence, are cut to what is inside", () => {
  const segs = highlightSegments("The army vowed to respond.", 97, { source: [101, 105], verb: [115, 122], target: null });
  assert.deepEqual(segs.filter((x) => x.kind !== "plain").map((x) => x.text), ["army", "respond"]);
  assert.deepEqual(highlightSegments("abc", 0, { source: [10, 12], verb: [-5, 1], target: null }), [{ kind: "verb", text: "a" }, { kind: "plain", text: "bc" }]);
  assert.deepEqual(highlightSegments("", 0, spans), []);
});

test("the sentence's offset is recovered from the verb's and the source's texts", () => {
  assert.equal(sentenceStartOf(S, { evidence: { verb: "attacked", spans }, source: { text: "Rebels" } }), AT);
  // the verb twice: the source's text tells which one
  const twice = "Rebels met elders; the army met rebels.";
  const e = { evidence: { verb: "met", spans: { source: [123, 127] as [number, number], verb: [128, 131] as [number, number], target: null } }, source: { text: "army" } };
  assert.equal(sentenceStartOf(twice, e), 100);
  // no offset fits: null, and the sentence is shown plain
  assert.equal(sentenceStartOf(S, { evidence: { verb: "shelled", spans }, source: { text: "Rebels" } }), null);
});
