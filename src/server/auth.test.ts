import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SitrepError } from "../core/problems.js";
import { bearer, hashToken, newToken, readTokens, tokenSet, tokensPath } from "./auth.js";

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "sitrep-auth-"));
}

test("a new token is shown once and kept only as its SHA-256, readable by the owner alone", () => {
  const dir = tmp();
  try {
    const file = tokensPath(join(dir, "x.db"));
    assert.equal(file, join(dir, "x.db.tokens.json"));
    const { token, replaced } = newToken(file, "ops", "write");
    assert.equal(replaced, false);
    assert.match(token, /^sitrep_[A-Za-z0-9_-]{43}$/);
    const text = readFileSync(file, "utf8");
    assert.ok(!text.includes(token), "the token itself is not stored");
    assert.ok(text.includes(hashToken(token)));
    if (process.platform !== "win32") assert.equal(statSync(file).mode & 0o077, 0);
    const set = tokenSet(readTokens(file));
    assert.deepEqual(set.check(token), { name: "ops", scope: "write" });
    assert.equal(set.check(token + "x"), null);
    assert.equal(set.check(""), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a token made again under the same name replaces the old one", () => {
  const dir = tmp();
  try {
    const file = join(dir, "t.json");
    const first = newToken(file, "dash", "read").token;
    newToken(file, "other", "write");
    const second = newToken(file, "dash", "read");
    assert.equal(second.replaced, true);
    const set = tokenSet(readTokens(file));
    assert.equal(set.size, 2);
    assert.equal(set.check(first), null);
    assert.deepEqual(set.check(second.token), { name: "dash", scope: "read" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("no tokens file is no tokens; a malformed one is E_SERVE_TOKENS naming the file", () => {
  const dir = tmp();
  try {
    const file = join(dir, "t.json");
    assert.deepEqual(readTokens(file), []);
    for (const bad of ["{oops", JSON.stringify({ tokens: {} }), JSON.stringify({ tokens: [{ name: "a", sha256: "abc", scope: "write" }] }), JSON.stringify({ tokens: [{ name: "a", sha256: "0".repeat(64), scope: "admin" }] })]) {
      writeFileSync(file, bad);
      assert.throws(() => readTokens(file), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_SERVE_TOKENS" && e.problem.where.startsWith(file));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bearer reads only an Authorization: Bearer header", () => {
  assert.equal(bearer("Bearer abc"), "abc");
  assert.equal(bearer("bearer  abc "), "abc");
  assert.equal(bearer("Basic abc"), null);
  assert.equal(bearer("Bearer"), null);
  assert.equal(bearer(undefined), null);
});
