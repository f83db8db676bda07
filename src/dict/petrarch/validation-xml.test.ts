import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeEntities, scanTags, textOf } from "./validation-xml.js";

test("validation xml: tags, attributes in either quotes, open tags linked to their close tags", () => {
  const xml = `<S id='a"b' n = "1&amp;2"><E x="1"/><T>one &lt;two&gt;</T></S>`;
  const s = scanTags(xml);
  assert.ok("tags" in s);
  assert.deepEqual(s.tags.map((t) => `${t.kind} ${t.name}`), ["open S", "empty E", "open T", "close T", "close S"]);
  assert.deepEqual(s.tags[0].attrs, { id: 'a"b', n: "1&2" });
  assert.equal(textOf(xml, s.tags, s.tags[2]), "one <two>");
  assert.equal(textOf(xml, s.tags, s.tags[0]), null, "an element holding tags has no plain text");
});

test("validation xml: the first imbalance and its offset", () => {
  const at = (xml: string) => {
    const s = scanTags(xml);
    return "error" in s ? [s.error, s.offset] : null;
  };
  assert.deepEqual(at("<S><T>x</S>"), ["<T> is never closed (</S> comes first)", 3]);
  assert.deepEqual(at("<S>x</S></T>"), ["</T> closes nothing", 8]);
  assert.deepEqual(at("<S><T>x</T>"), ["<S> is never closed", 0]);
  assert.deepEqual(at('<S a="1" a="2"></S>'), ["attribute a given twice", 0]);
  assert.deepEqual(at("<S><!-- open</S>"), ["a comment that is never closed", 3]);
  assert.deepEqual(at('<S><P {"a": 1}></S>'), ['a malformed tag "<P {"a": 1}></S>"', 3]);
  assert.equal(at("<S><T>x</T></S>"), null);
});

test("validation xml: entities", () => {
  assert.equal(decodeEntities("a &amp; b &#233; &#x41; &quot;q&quot; &nbsp;&unknown; & c"), 'a & b é A "q" \u00a0&unknown; & c');
});
