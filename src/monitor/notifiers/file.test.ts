import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NotifierConfig } from "../../store/outbox.js";
import type { Alert } from "../alert.js";
import { createNotifier, DeliveryError } from "../notifier.js";
import { runNotifierContract, sampleAlert } from "./contract.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-file-notifier-"));
let n = 0;

function config(target: string): NotifierConfig {
  return { id: 1, kind: "file", target, options: {}, createdAt: "2031-04-01T00:00:00Z" };
}

const lines = (path: string) => (existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Alert) : []);

runNotifierContract("file", async () => {
  const path = join(dir, `c${++n}`, "alerts.jsonl");
  return { notifier: createNotifier(config(path)), received: async () => lines(path), teardown: async () => rmSync(join(dir, `c${n}`), { recursive: true, force: true }) };
});

test("file: creates its folders, appends one JSON line per alert, and keeps what the file had", async () => {
  const path = join(dir, "deep", "er", "alerts.jsonl");
  const notifier = createNotifier(config(path));
  assert.equal(notifier.target, path);
  await notifier.send(sampleAlert());
  writeFileSync(path, readFileSync(path, "utf8") + '{"kept":"a line written by someone else"}\n');
  const a = sampleAlert({ summary: "line one\nline two" });
  await notifier.send(a);
  const raw = readFileSync(path, "utf8").split("\n");
  assert.equal(raw.length, 4, "three lines and the final newline");
  assert.equal(raw[3], "");
  assert.deepEqual(JSON.parse(raw[1]), { kept: "a line written by someone else" });
  assert.deepEqual(JSON.parse(raw[2]), a);
  await notifier.close();
});

test("file: a path that is a folder is refused for good, naming the path", async () => {
  const path = join(dir, "a-folder");
  mkdirSync(path);
  await assert.rejects(createNotifier(config(path)).send(sampleAlert()), (e: unknown) => e instanceof DeliveryError && !e.retryable && e.message.startsWith(`file ${path}: `) && /EISDIR/.test(e.message));
});

test("file: a full disk (ENOSPC) is a retryable error", { skip: !existsSync("/dev/full") && "no /dev/full here" }, async () => {
  await assert.rejects(createNotifier(config("/dev/full")).send(sampleAlert()), (e: unknown) => e instanceof DeliveryError && e.retryable && /ENOSPC/.test(e.message));
});
