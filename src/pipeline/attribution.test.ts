import { test } from "node:test";
import assert from "node:assert/strict";
import { createAttributionStage, sentenceChain } from "./attribution.js";
import { createTagStage } from "./tag.js";
import { newDoc } from "./doc.js";

const tag = createTagStage();
const attribution = createAttributionStage();

function run(text: string, outlet?: string) {
  const d0 = { ...newDoc({ id: "x", text, outlet }), text, paragraphs: [{ start: 0, end: text.length, caption: false }] };
  return attribution.run(tag.run(d0));
}

test("attribution: outlet, then the outlet the text names, then the anonymous source it cites", () => {
  const doc = run("Two rockets hit the Green Zone, AFP reported, citing an unnamed Iraqi official.", "Example Daily");
  assert.deepEqual(doc.attribution[0].chain, [
    { who: "Example Daily", kind: "outlet" },
    { who: "AFP", kind: "outlet" },
    { who: "an unnamed Iraqi official", kind: "anonymous" },
  ]);
  assert.equal(doc.attribution[0].hedged, false);
});

test("attribution: according to, officials, hedges", () => {
  const doc = run("The convoy was reportedly ambushed near Gao, according to Politico. Security officials said five soldiers died.");
  assert.deepEqual(doc.attribution[0].chain, [{ who: "Politico", kind: "outlet" }]);
  assert.equal(doc.attribution[0].hedged, true);
  assert.deepEqual(doc.attribution[1].chain, [{ who: "Security officials", kind: "official" }]);
});

test("attribution: inverted speech and named sources", () => {
  const { found } = sentenceChain({ index: 0, start: 0, end: 0, text: "The talks collapsed, said Maria Lopez, a researcher at the institute.", tokens: [], caption: false });
  assert.deepEqual(found.map((f) => f.who), ["Maria Lopez"]);
});

test("attribution: the speaker of a subordinate clause ('after engineers confirmed') is not the sentence's source", () => {
  const { found } = sentenceChain({ index: 0, start: 0, end: 0, text: "The minister warned that the dam could fail, after engineers confirmed cracks in its wall.", tokens: [], caption: false });
  assert.deepEqual(found, []);
});
