import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SitrepError } from "../../core/problems.js";
import { article } from "../contract.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { openSqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-open-"));

test("a new database is in WAL mode with its migrations recorded, and keeps its data when reopened", async () => {
  const path = join(dir, "a.db");
  const s = openSqliteStore(path);
  assert.equal(s.db.pragma("journal_mode", { simple: true }), "wal");
  await s.putArticle(article("k1"));
  await s.close();
  const again = openSqliteStore(path);
  assert.equal((await again.stats()).articles, 1);
  const versions = again.db.prepare("SELECT version FROM schema_version").all() as Array<{ version: number }>;
  assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
  await again.close();
});

test("a database from a newer sitrep is refused, naming the file", () => {
  const path = join(dir, "newer.db");
  openSqliteStore(path).db.prepare("INSERT INTO schema_version VALUES (?, 'future', '2030-01-01')").run(SCHEMA_VERSION + 1);
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_SCHEMA" && e.problem.where === path);
});

test("a file that is not a database, or a missing one opened read-only, is a clear error", () => {
  const path = join(dir, "not.db");
  writeFileSync(path, "these are not the bytes of a SQLite database ".repeat(200));
  assert.throws(() => openSqliteStore(path), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_OPEN" && /not a database/.test(e.message));
  assert.throws(() => openSqliteStore(join(dir, "missing.db"), { readonly: true }), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_OPEN");
  assert.throws(() => openSqliteStore(join(dir, "missing.db"), { mustExist: true }), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_OPEN");
});

test("a second writer waits for the lock instead of failing at once", async () => {
  const path = join(dir, "lock.db");
  const a = openSqliteStore(path);
  const raw = new Database(path);
  raw.exec("BEGIN IMMEDIATE");
  const b = openSqliteStore(path, { busyTimeoutMs: 200 });
  const t0 = Date.now();
  await assert.rejects(b.putArticle(article("l1")), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_WRITE" && /locked|busy/.test(e.message));
  assert.ok(Date.now() - t0 >= 150);
  raw.exec("ROLLBACK");
  assert.equal((await b.putArticle(article("l1"))).status, "added");
  raw.close();
  await a.close();
  await b.close();
});

test("sentences a killed run stored but did not index are indexed when the database is next opened", async () => {
  const path = join(dir, "fts.db");
  const s = openSqliteStore(path);
  await s.putArticle(article("f1", { clean: "Rebels shelled the airport at dawn." }, undefined));
  // as after a kill -9: the batch never ran
  assert.equal((s.db.prepare("SELECT upto FROM fts_state").get() as { upto: number }).upto, 0);
  s.db.close();
  const again = openSqliteStore(path);
  assert.ok((again.db.prepare("SELECT upto FROM fts_state").get() as { upto: number }).upto > 0);
  assert.equal((await again.queryEvents({ text: "airport" })).length, 1);
  await again.close();
});
