import { test } from "node:test";
import assert from "node:assert/strict";
import { createNormalizeStage } from "./normalize.js";
import { newDoc } from "./doc.js";

const normalize = createNormalizeStage();

const HTML = `<!doctype html><html><head><title>Rebels seize border town</title>
<meta property="article:published_time" content="2021-07-09T06:00:00Z"></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Rebels seize border town</h1>
<p>Rebels seize border town</p>
<p>KABUL (Reuters) - Taliban fighters captured a key border crossing with Iran on Thursday, local officials said, as foreign troops completed their withdrawal.</p>
<figure><img src="x.jpg"><figcaption>Fighters at the crossing, Saturday, Jan. 4, 2020.</figcaption></figure>
<p>Click here to see full-size image</p>
<p>The government said it would send reinforcements to the province in the coming days, and a spokesman promised that the crossing would be retaken.</p>
<p>Please support independent journalism with a donation.</p>
<div class="social">Share on Facebook</div>
</article><footer>Copyright 2021</footer></body></html>`;

test("normalize: HTML body without boilerplate, captions apart, headline not repeated", () => {
  const doc = normalize.run(newDoc({ id: "a", html: HTML }));
  assert.equal(doc.published, "2021-07-09");
  assert.equal(doc.title, "Rebels seize border town");
  const body = doc.paragraphs.filter((p) => !p.caption).map((p) => doc.text.slice(p.start, p.end));
  const captions = doc.paragraphs.filter((p) => p.caption).map((p) => doc.text.slice(p.start, p.end));
  assert.ok(body[0].startsWith("Taliban fighters captured"), body[0]);
  assert.ok(!body.some((b) => /full-size|donation|Share on|Copyright|Home \|/.test(b)), body.join("\n"));
  assert.ok(!body.some((b) => b === "Rebels seize border town"));
  assert.deepEqual(captions, ["Fighters at the crossing, Saturday, Jan. 4, 2020."]);
  assert.deepEqual(doc.dateline, { place: "KABUL", outlet: "Reuters" });
});

test("normalize: plain text paragraphs, AP-style file-photo captions, offsets into the clean text", () => {
  const text = "Police detained 12 people in Lagos.\n\nFILE - In this Saturday, Jan. 4, 2020 file photo, police stand guard.\n\nThe arrests followed a week of protests.";
  const doc = normalize.run(newDoc({ id: "b", text, published: "2020-10-21" }));
  assert.equal(doc.published, "2020-10-21");
  const caps = doc.paragraphs.filter((p) => p.caption);
  assert.equal(caps.length, 1);
  assert.ok(doc.text.slice(caps[0].start, caps[0].end).startsWith("FILE - In this Saturday"));
  for (const p of doc.paragraphs) assert.equal(doc.text.slice(p.start, p.end).trim(), doc.text.slice(p.start, p.end));
  // the body comes before the captions
  assert.ok(doc.paragraphs.findIndex((p) => p.caption) === doc.paragraphs.length - 1);
});

test("normalize: control characters and odd spaces are cleaned; a bad published date is a problem", () => {
  const doc = normalize.run(newDoc({ id: "c", text: "Troops\u0000 moved\u00a0north.", published: "yesterday-ish" }));
  assert.equal(doc.text, "Troops moved north.");
  assert.equal(doc.published, null);
  assert.equal(doc.problems[0].code, "E_INPUT_DATE");
});

test("normalize: malformed HTML still yields text", () => {
  const doc = normalize.run(newDoc({ id: "d", html: "<p>Protesters <b>marched <i>on the parliament</p></div></span><p>Police fired tear gas." }));
  assert.match(doc.text, /Protesters marched on the parliament/);
  assert.match(doc.text, /Police fired tear gas\./);
});

test("normalize: a non-English article is flagged, an English one is not", () => {
  const fr = normalize.run(newDoc({ id: "fr", text: "Les forces armées maliennes ont annoncé jeudi avoir neutralisé plusieurs terroristes lors d'une opération dans la région de Mopti, selon un communiqué publié par l'état-major général des armées." }));
  assert.ok(fr.problems.some((p) => p.code === "W_INPUT_NOT_ENGLISH"));
  const en = normalize.run(newDoc({ id: "en", text: "The Malian armed forces said on Thursday that they had killed several militants in an operation in the Mopti region, according to a statement published by the army." }));
  assert.ok(!en.problems.some((p) => p.code === "W_INPUT_NOT_ENGLISH"));
});
