import { test } from "node:test";
import assert from "node:assert/strict";
import { articleKey, normaliseUrl } from "./article-key.js";

test("tracking parameters, fragments, scheme and a trailing slash do not make a new article", () => {
  const a = normaliseUrl("https://news.example.org/world/story-1/?utm_source=rss&id=7#comments");
  assert.equal(a, "https://news.example.org/world/story-1?id=7");
  assert.equal(normaliseUrl("http://NEWS.example.org/world/story-1?id=7&utm_medium=x"), a);
});

test("non-http URLs are not keys; text without a URL is keyed by its hash", () => {
  assert.equal(normaliseUrl("javascript:alert(1)"), null);
  assert.equal(normaliseUrl("file:///etc/passwd"), null);
  assert.equal(articleKey(null, "Troops  withdrew.\n"), articleKey(undefined, "troops withdrew."));
  assert.match(articleKey("not a url", "x"), /^sha256:[0-9a-f]{64}$/);
});
