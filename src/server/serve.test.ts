import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { repoPath } from "../core/paths.js";
import { SitrepError } from "../core/problems.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import { startServer } from "./serve.js";

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

/** Runs `sitrep serve ...`; with `until`, kills it (SIGTERM) once stderr matches and `during` has run. */
function sitrep(args: string[], opts: { until?: RegExp; during?: (stderr: string) => Promise<void> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [repoPath("bin/sitrep.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let fired = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", async (d) => {
      stderr += d;
      if (opts.until && !fired && opts.until.test(stderr)) {
        fired = true;
        try {
          await opts.during?.(stderr);
        } finally {
          child.kill("SIGTERM");
        }
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function tmpDb(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-"));
  const db = join(dir, "s.db");
  const s = openSqliteStore(db);
  s.db.close();
  return { dir, db };
}

test("a port in use is E_SERVE_PORT with a clear reason, not a stack trace", async () => {
  const { server, port } = await occupy();
  try {
    await assert.rejects(startServer(new Hono(), { host: "127.0.0.1", port }), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_SERVE_PORT" && /in use/.test(e.problem.message) && e.problem.where === `127.0.0.1:${port}`);
  } finally {
    server.close();
  }
});

test("sitrep serve: a missing database, a bad tokens file, --read-token without tokens, a bad host: clear messages", async () => {
  const { dir, db } = tmpDb();
  try {
    const missing = await sitrep(["serve", "--db", join(dir, "nope.db"), "--port", "0"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /E_STORE_OPEN.*no such database file/);
    const noTokens = await sitrep(["serve", "--db", db, "--port", "0", "--read-token"]);
    assert.equal(noTokens.code, 2);
    assert.match(noTokens.stderr, /no token exists.*--new-token/);
    assert.equal((await sitrep(["serve", "--db", db, "--host", "example.org"])).code, 2);
    writeFileSync(`${db}.tokens.json`, "{ not json");
    const bad = await sitrep(["serve", "--db", db, "--port", "0"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /E_SERVE_TOKENS/);
    assert.ok(!/\n\s+at /.test(bad.stderr), "no stack trace");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sitrep serve --new-token prints the token once and stores its hash; the server then accepts it, and a taken port is a clear message", async () => {
  const { dir, db } = tmpDb();
  const { server, port } = await occupy();
  try {
    const made = await sitrep(["serve", "--db", db, "--new-token", "ci"]);
    assert.equal(made.code, 0);
    const token = made.stdout.trim();
    assert.match(token, /^sitrep_/);
    assert.ok(!readFileSync(`${db}.tokens.json`, "utf8").includes(token));

    const taken = await sitrep(["serve", "--db", db, "--port", String(port)]);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /E_SERVE_PORT.*in use/);

    let status = 0;
    let denied = 0;
    const run = await sitrep(["serve", "--db", db, "--port", "0"], {
      until: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      during: async (stderr) => {
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1];
        status = (await fetch(`${url}/api/stats`)).status;
        const r = await fetch(`${url}/api/articles`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: "Bearer sitrep_wrong" }, body: "{}" });
        denied = r.status;
        const ok = await fetch(`${url}/api/articles`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify({ text: "Rebels attacked an army post near Goma on Thursday." }) });
        assert.equal(ok.status, 201);
      },
    });
    assert.equal(status, 200);
    assert.equal(denied, 401);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /stopping/);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sitrep serve: a database another process holds locked is a clear message", async () => {
  const { dir, db } = tmpDb();
  const holder = openSqliteStore(db);
  try {
    holder.db.pragma("locking_mode = EXCLUSIVE");
    holder.db.exec("BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock_probe (x); INSERT INTO lock_probe VALUES (1);");
    const r = await sitrep(["serve", "--db", db, "--port", "0"]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /E_STORE_OPEN.*locked.*another sitrep/);
  } finally {
    holder.db.exec("ROLLBACK");
    holder.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
