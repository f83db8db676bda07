import { test } from "node:test";
import assert from "node:assert/strict";
import { createTagStage } from "./tag.js";
import { newDoc } from "./doc.js";

const tag = createTagStage();

function tagged(text: string) {
  const doc = { ...newDoc({ id: "t", text }), text, paragraphs: [{ start: 0, end: text.length, caption: false }] };
  return tag.run(doc);
}

/** The part of speech of the first token spelled `word` in the first sentence of `text`. */
function pos(text: string, word: string): string {
  return tagged(text).sentences[0].tokens.find((t) => t.text === word)!.pos;
}

test("tag: sentences and tokens keep exact character offsets", () => {
  const text = "Iran's Foreign Minister said on Tuesday that Tehran wouldn't attack U.S. forces. Militants were killed by the army in Mosul — according to AFP.";
  const doc = tagged(text);
  assert.equal(doc.sentences.length, 2);
  for (const s of doc.sentences) {
    assert.equal(text.slice(s.start, s.end), s.text);
    for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  }
});

test("tag: parts of speech and lemmas", () => {
  const doc = tagged("Soldiers attacked the villages.");
  const toks = doc.sentences[0].tokens;
  const attacked = toks.find((t) => t.text === "attacked")!;
  assert.equal(attacked.pos, "VERB");
  assert.equal(attacked.lemma, "attack");
  assert.equal(toks.find((t) => t.text === "villages")!.lemma, "village");
});

test("tag: non-ASCII text keeps offsets", () => {
  const text = "President Erdoğan met Zelenskyy in Ankara. “We will not retreat,” he said.";
  const doc = tagged(text);
  for (const s of doc.sentences) for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test("tag: a token the tagger leaves without a lemma ('cannot') does not break the stage", () => {
  const doc = tagged("The government cannot allow the march, he said.");
  const t = doc.sentences[0].tokens.find((x) => x.lower === "cannot" || x.lower === "can");
  assert.ok(t && typeof t.lemma === "string");
});

test("tag: a past-tense verb tagged as a noun after a subject is retagged, with two base-form guesses", async () => {
  const { retagPastTense } = await import("./tag.js");
  const mk = (spec: string) => spec.split(" ").map((w, i) => { const [text, pos] = w.split("/"); return { i, text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos, start: 0, end: 0 } as import("../core/types.js").Token; });
  const a = mk("Bandits/NOUN kidnapped/NOUN twelve/NUM traders/NOUN");
  retagPastTense(a);
  assert.equal(a[1].pos, "VERB");
  assert.equal(a[1].lemma, "kidnap");
  const b = mk("Rebels/NOUN seized/NOUN the/DET town/NOUN");
  retagPastTense(b);
  assert.deepEqual([b[1].pos, b[1].lemma, b[1].alt], ["VERB", "seiz", "seize"]);
  const c = mk("the/DET armed/ADJ groups/NOUN");
  retagPastTense(c);
  assert.equal(c[1].pos, "ADJ", "an adjective after a determiner stays");
});

test("tag: a headline's present-tense verb the tagger read as a noun is the verb; a plural subject before a verb is not", async () => {
  const { createCoder } = await import("./coder.js");
  const coder = createCoder();
  const codes = (text: string) => coder.code({ id: "h", text, published: "2024-10-01" }).events.map((e) => `${e.root} ${e.source.code}`);
  assert.ok(codes("Israel strikes Hezbollah targets in south Lebanon").includes("19 ISR"));
  assert.ok(codes("Kenya police fire tear gas at opposition protesters").includes("17 KENCOP"));
  // a full sentence keeps the tagger's reading
  assert.deepEqual(codes("Russian strikes hit a power plant in Kharkiv on Tuesday.").map((x) => x.slice(0, 2)), ["19"]);
});

test("tag: a second past-tense verb after 'and' that the tagger read as a noun is a verb ('and abducted thousands')", async () => {
  const { createCoder } = await import("./coder.js");
  const codes = createCoder().code({ id: "a", text: "Islamic State fighters killed hundreds of men and abducted thousands of women.", published: "2014-08-10" }).events.map((e) => e.code);
  assert.ok(codes.includes("181"), codes.join(", "));
});

test("tag: a past form called a noun after a parenthetical's closing comma is the clause's verb", () => {
  const stage = createTagStage(undefined, (w) => ["retake", "seize"].includes(w));
  const text = "Somali forces, backed by US air strikes, retook a key town on Friday.";
  const doc = stage.run({ ...newDoc({ id: "t", text }), text, paragraphs: [{ start: 0, end: text.length, caption: false }] });
  const t = doc.sentences[0].tokens.find((x) => x.lower === "retook")!;
  assert.equal(t.pos, "VERB");
  assert.equal(t.lemma, "retake");
  // a noun after a comma with no parenthetical before it stays a noun ("Moscow, strikes the ...": no subject, no comma pair)
  const plain = "Troops retook the town, the army said.";
  const d2 = stage.run({ ...newDoc({ id: "u", text: plain }), text: plain, paragraphs: [{ start: 0, end: plain.length, caption: false }] });
  assert.equal(d2.sentences[0].tokens.find((x) => x.lower === "army")!.pos, "NOUN");
});

test("tag: a territory's participle before its name describes it ('in Israel and occupied East Jerusalem'); a verb after 'and' stays one", () => {
  assert.equal(pos("The law bars the agency from working in Israel and occupied East Jerusalem.", "occupied"), "ADJ");
  assert.equal(pos("Settlers in occupied Hebron threw stones.", "occupied"), "ADJ");
  assert.equal(pos("Russia invaded Ukraine and occupied Crimea.", "occupied"), "VERB");
  assert.equal(pos("Gunmen killed dozens of villagers and abducted scores of women.", "abducted"), "VERB");
});

test("tag: a verb after a possessive is a noun; a gerund after 'and' joined to a participle is one; 'at least' opens an object", () => {
  assert.equal(pos("Gunmen fought troops in retaliation for his capture.", "capture"), "NOUN");
  assert.equal(pos("Rebels advanced on the city, shelling villages and bombing roads on the way.", "bombing"), "VERB");
  assert.equal(pos("The shelling and bombing of the city went on.", "bombing"), "NOUN");
  assert.equal(pos("Armed bandits abducted at least 80 pupils.", "abducted"), "VERB");
});

test("tag: an -ing word between a possessive and its noun describes it; a verb form after 'of' is a noun", () => {
  assert.equal(pos("It was the latest sign of Beijing's deepening ties with Moscow.", "deepening"), "ADJ");
  assert.equal(pos("Police arrested dozens of suspects.", "suspects"), "NOUN");
});

test("tag: an -ing word between an article and 'of' is a noun ('the downing of'); 'had retaken' is a verb; 'their disputed Himalayan border' an adjective", () => {
  assert.equal(pos("Ankara apologised for the downing of a Russian jet.", "downing"), "NOUN");
  assert.equal(pos("The army said it had retaken the town.", "retaken"), "VERB");
  assert.equal(pos("The two sides patrol their disputed Himalayan border.", "disputed"), "ADJ");
});
