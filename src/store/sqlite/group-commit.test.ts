import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SitrepError } from "../../core/problems.js";
import { article } from "../contract.js";
import { openSqliteStore } from "./sqlite-store.js";
import { journalPath } from "./write-journal.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-group-"));

/** Articles another connection (another process's view) sees committed. */
function committed(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) n FROM articles").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test("grouped writes are committed together once the group is full, and on flush and close", async () => {
  const path = join(dir, "full.db");
  const s = openSqliteStore(path);
  s.groupCommits({ articles: 3, ms: 60_000 });
  await s.putArticle(article("g1"));
  await s.putArticle(article("g2"));
  // the writing connection sees its own articles; no other sees them before the commit
  assert.equal((await s.stats()).articles, 2);
  assert.equal(committed(path), 0);
  await s.putArticle(article("g3"));
  assert.equal(committed(path), 3);
  await s.putArticle(article("g4"));
  assert.equal(committed(path), 3);
  await s.flush();
  assert.equal(committed(path), 4);
  await s.putArticle(article("g5"));
  await s.close();
  assert.equal(committed(path), 5);
});

test("an open group is committed when it is old enough, even if no other article comes", async () => {
  const path = join(dir, "age.db");
  const s = openSqliteStore(path);
  s.groupCommits({ articles: 1000, ms: 50 });
  await s.putArticle(article("t1"));
  assert.equal(committed(path), 0);
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(committed(path), 1);
  await s.close();
});

test("an article that fails inside a group is rolled back alone; grouping off commits each article", async () => {
  const path = join(dir, "fail.db");
  const s = openSqliteStore(path);
  s.groupCommits({ articles: 1000, ms: 60_000 });
  await s.putArticle(article("f1"));
  await assert.rejects(s.putArticle(article("f2", { duplicateOf: "url:https://news.example.org/missing" })), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_WRITE");
  await s.putArticle(article("f3"));
  s.groupCommits(null);
  assert.equal(committed(path), 2);
  await s.putArticle(article("f4"));
  assert.equal(committed(path), 3);
  assert.deepEqual((s.db.prepare("SELECT doc FROM articles ORDER BY id").all() as Array<{ doc: string }>).map((r) => r.doc), ["f1", "f3", "f4"]);
  await s.close();
});

/** Runs a writer process that stores `committed` articles and flushes, then `open` more in a group it never commits, and kills it with -9. */
async function killedWriter(path: string, committedN: number, openN: number): Promise<void> {
  const storeModule = new URL("./sqlite-store.js", import.meta.url).href;
  const contractModule = new URL("../contract.js", import.meta.url).href;
  const script = `
    const { openSqliteStore } = await import(${JSON.stringify(storeModule)});
    const { article } = await import(${JSON.stringify(contractModule)});
    const s = openSqliteStore(${JSON.stringify(path)});
    s.groupCommits({ articles: 1000, ms: 600000 });
    for (let i = 0; i < ${committedN}; i++) await s.putArticle(article("k" + i));
    await s.flush();
    for (let i = ${committedN}; i < ${committedN + openN}; i++) await s.putArticle(article("k" + i));
    process.stdout.write("ready\\n");
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`the writer exited early (${code})`)));
  });
  child.removeAllListeners("exit");
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

test("a process killed with an open group loses nothing: its journal is stored at the next open, each article whole", async () => {
  const path = join(dir, "kill.db");
  await killedWriter(path, 5, 3);
  // the other connection sees only the committed group; the journal beside the file holds the rest
  assert.equal(committed(path), 5);
  assert.equal(readdirSync(dir).filter((f) => f.startsWith("kill.db-ingest-")).length, 1);
  const s = openSqliteStore(path);
  assert.equal(s.replayed, 3);
  const st = await s.stats();
  assert.deepEqual([st.articles, st.events, st.sentences], [8, 8, 8]);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith("kill.db-ingest-")), []);
  // stored once: the same articles again are re-codings of nothing new, and opening again replays nothing
  await s.close();
  const again = openSqliteStore(path);
  assert.equal(again.replayed, 0);
  assert.equal((await again.stats()).articles, 8);
  await again.close();
});

test("a journal under this process's own id that it did not open is a dead process's (ids are re-used) and is replayed", async () => {
  const path = join(dir, "reused.db");
  openSqliteStore(path).db.close();
  const a = article("r1");
  writeFileSync(journalPath(path), JSON.stringify({ ...a, minhash: a.minhash ? Array.from(a.minhash) : null }) + "\n");
  const s = openSqliteStore(path);
  assert.equal(s.replayed, 1);
  assert.equal((await s.stats()).articles, 1);
  await s.close();
});

test("a journal's cut last line (the article being written) is dropped; a damaged line is an error naming the file and line", async () => {
  const path = join(dir, "cut.db");
  await killedWriter(path, 1, 2);
  const journal = join(dir, readdirSync(dir).find((f) => f.startsWith("cut.db-ingest-"))!);
  appendFileSync(journal, '{"key":"url:https://news.example.org/half","doc":"ha');
  const s = openSqliteStore(path);
  assert.equal(s.replayed, 2);
  assert.equal((await s.stats()).articles, 3);
  await s.close();

  const bad = join(dir, "bad.db");
  await killedWriter(bad, 0, 2);
  const bj = join(dir, readdirSync(dir).find((f) => f.startsWith("bad.db-ingest-"))!);
  writeFileSync(bj, readFileSync(bj, "utf8").replace(/^\{/, "{{"));
  assert.throws(() => openSqliteStore(bad), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_STORE_OPEN" && e.problem.where === `${bj}:1`);
  // nothing committed was lost: read-only opens do not replay
  assert.equal(committed(bad), 0);
});

test("two processes grouping their commits on one file both get the write lock in turn", async () => {
  const path = join(dir, "two.db");
  openSqliteStore(path).db.close();
  const storeModule = new URL("./sqlite-store.js", import.meta.url).href;
  const contractModule = new URL("../contract.js", import.meta.url).href;
  // each writes for 3 s, groups of 300 ms, and gives up after waiting 1 s for the lock: without the pause after
  // each commit, the second would wait on the first for the whole 3 s and fail
  const writer = (name: string) => `
    const { openSqliteStore } = await import(${JSON.stringify(storeModule)});
    const { article } = await import(${JSON.stringify(contractModule)});
    const s = openSqliteStore(${JSON.stringify(path)}, { busyTimeoutMs: 1000 });
    s.groupCommits({ articles: 100000, ms: 300 });
    const t0 = Date.now();
    let n = 0;
    while (Date.now() - t0 < 3000) await s.putArticle(article("${name}" + n++));
    await s.close();
    process.stdout.write(String(n));
  `;
  const run = (name: string) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", writer(name)], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => (out += d));
      child.stderr.on("data", (d: Buffer) => (err += d));
      child.once("exit", (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`writer ${name} failed: ${err}`))));
    });
  const [a, b] = await Promise.all([run("a"), run("b")]);
  assert.ok(a > 0 && b > 0);
  assert.equal(committed(path), a + b);
});
