import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { alert } from "../store/outbox-contract.js";
import type { AlertOutbox } from "../store/outbox.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Alert } from "./alert.js";
import { defaultBackoffMs, Dispatcher, type DeliveryProblem } from "./dispatcher.js";
import { createNotifier, deliveryHeader } from "./notifier.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-dispatch-"));
let files = 0;
const dbPath = () => join(dir, `d${++files}.db`);

type Action = "ok" | "fail" | "reject" | "slow" | "too-slow";

/** A real HTTP receiver on 127.0.0.1 that answers each request as `plan` says; it counts what it accepted, by X-Sitrep-Delivery. */
async function receiver(plan: (n: number, path: string) => Action) {
  const accepted: Array<{ delivery: string; alert: Alert }> = [];
  const state = { requests: 0, abandoned: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const action = plan(++state.requests, req.url ?? "/");
      // a client that gave up (timeout) before the answer: a real receiver would roll back, or dedupe the retry
      res.on("close", () => {
        if (!res.writableEnded) state.abandoned++;
      });
      const accept = () => {
        if (req.socket.destroyed) return;
        accepted.push({ delivery: String(req.headers["x-sitrep-delivery"]), alert: (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { alert: Alert }).alert });
        res.end("ok");
      };
      const later = (ms: number) => {
        const t = setTimeout(() => (timers.delete(t), accept()), ms);
        timers.add(t);
      };
      if (action === "fail") (res.statusCode = 500), res.end("upstream unavailable");
      else if (action === "reject") (res.statusCode = 400), res.end("unknown watch");
      else if (action === "slow") later(40);
      else if (action === "too-slow") later(600);
      else accept();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    accepted,
    state,
    close: () =>
      new Promise<void>((ok) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const quiet = { onProblem: () => {} };
const notifiers = (c: Parameters<typeof createNotifier>[0]) => createNotifier(c, { allowPrivate: true, timeoutMs: 300 });

/** Runs the dispatcher until nothing is pending (or the time is up). */
async function drain(d: Dispatcher, outbox: AlertOutbox, maxMs = 2_500): Promise<void> {
  const until = Date.now() + maxMs;
  while ((await outbox.pendingDeliveries()).length) {
    assert.ok(Date.now() < until, "deliveries still pending at the deadline");
    await d.runOnce();
    await sleep(8);
  }
}

/** The alert ids of each watch, in the order given. */
function perWatch(alerts: readonly Alert[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of alerts) (out[a.watch] ??= []).push(a.id);
  return out;
}

function countBy(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

test("dispatch: a receiver that fails, is slow, then recovers gets every alert exactly once, in order per watch; a file notifier is not held up", async () => {
  // requests 1-4 fail, 5-6 are slow, 7 is slower than the deadline (abandoned, retried), then slow and fast by turns
  const r = await receiver((n) => (n <= 4 ? "fail" : n <= 6 ? "slow" : n === 7 ? "too-slow" : n % 2 ? "slow" : "ok"));
  const store = openSqliteStore(dbPath());
  const jsonl = join(dir, `alerts-${files}.jsonl`);
  try {
    const web = await store.outbox.addNotifier({ kind: "webhook", target: `${r.base}/hook`, options: {} });
    await store.outbox.addNotifier({ kind: "file", target: jsonl, options: {} });
    const sent: Alert[] = [];
    for (let i = 0; i < 4; i++) for (const w of ["Aldern", "Brisk", "Corvo"]) sent.push(alert(w));
    for (const a of sent) assert.equal(await store.outbox.putAlert(a), true);
    const problems: DeliveryProblem[] = [];
    const d = new Dispatcher(store.outbox, notifiers, { backoffMs: () => 5, maxAttempts: 50, onProblem: (p) => problems.push(p) });

    const first = await d.runOnce();
    assert.deepEqual(first, { delivered: 12, failed: 1, dead: 0 }, "the file takes all twelve; the webhook fails once and rests");
    const lines = readFileSync(jsonl, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Alert);
    assert.deepEqual(perWatch(lines), perWatch(sent));

    await drain(d, store.outbox);
    await d.stop();
    const counts = countBy(r.accepted.map((x) => x.delivery));
    assert.equal(counts.size, 12);
    for (const a of sent) assert.equal(counts.get(deliveryHeader(a.id)), 1, `${a.id} accepted exactly once`);
    assert.deepEqual(perWatch(r.accepted.map((x) => x.alert)), perWatch(sent), "in order per watch");
    assert.deepEqual(r.accepted.map((x) => x.alert), r.accepted.map((x) => sent.find((a) => a.id === x.alert.id)), "intact");
    assert.equal(r.state.abandoned, 1);
    assert.ok(r.state.requests >= 12 + 4 + 1);
    const ds = await store.outbox.deliveries();
    assert.equal(ds.length, 24);
    assert.ok(ds.every((x) => x.status === "delivered"));
    assert.equal(ds.filter((x) => x.notifier === web.id).reduce((s, x) => s + x.attempts, 0), 12 + 5, "four 500s and one timeout were retried");
    assert.ok(problems.every((p) => p.code === "W_ALERT_RETRY") && problems.length === 5);
    assert.match(problems.find((p) => /no answer within/.test(p.message))?.message ?? "", /attempt 1 of 50 failed/);
  } finally {
    await store.close();
    await r.close();
  }
});

test("dispatch: after a restart (store closed and reopened, a new dispatcher) what was pending is delivered, and nothing twice", async () => {
  // accepts two, then is down until the restart, then up
  let up = false;
  let budget = 2;
  const r = await receiver(() => (up || budget-- > 0 ? "ok" : "fail"));
  const path = dbPath();
  const sent: Alert[] = [];
  for (let i = 0; i < 3; i++) for (const w of ["Fairhaven", "Greyport"]) sent.push(alert(w));
  try {
    const s1 = openSqliteStore(path);
    await s1.outbox.addNotifier({ kind: "webhook", target: `${r.base}/hook`, options: {} });
    for (const a of sent) await s1.outbox.putAlert(a);
    const d1 = new Dispatcher(s1.outbox, notifiers, { backoffMs: () => 5, ...quiet });
    for (let i = 0; i < 3; i++) {
      await d1.runOnce();
      await sleep(8);
    }
    await d1.stop();
    assert.equal(r.accepted.length, 2);
    assert.deepEqual(r.accepted.map((x) => x.alert.id), [sent[0].id, sent[1].id]);
    const pendingBefore = await s1.outbox.pendingDeliveries();
    assert.equal(pendingBefore.length, 4);
    assert.ok(pendingBefore.some((p) => p.attempts > 0 && /HTTP 500/.test(p.lastError ?? "")));
    await s1.close();

    up = true;
    const s2 = openSqliteStore(path);
    try {
      for (const a of sent) assert.equal(await s2.outbox.putAlert(a), false, "the same cause is not a new alert after a restart");
      const d2 = new Dispatcher(s2.outbox, notifiers, { backoffMs: () => 5, ...quiet });
      await drain(d2, s2.outbox);
      await d2.stop();
      assert.deepEqual([...countBy(r.accepted.map((x) => x.alert.id)).values()], [1, 1, 1, 1, 1, 1]);
      assert.deepEqual(perWatch(r.accepted.map((x) => x.alert)), perWatch(sent));
      assert.ok((await s2.outbox.deliveries()).every((x) => x.status === "delivered"));
    } finally {
      await s2.close();
    }
  } finally {
    await r.close();
  }
});

test("dispatch: a receiver that keeps failing ends in dead letters that keep the reason; a refusal is dead at once", async () => {
  const r = await receiver((_n, path) => (path === "/down" ? "fail" : "reject"));
  const store = openSqliteStore(dbPath());
  try {
    const down = await store.outbox.addNotifier({ kind: "webhook", target: `${r.base}/down`, options: {} });
    const refusing = await store.outbox.addNotifier({ kind: "webhook", target: `${r.base}/refusing`, options: {} });
    const sent = [alert("Dunmore"), alert("Dunmore"), alert("Elmstead")];
    for (const a of sent) await store.outbox.putAlert(a);
    const problems: DeliveryProblem[] = [];
    const d = new Dispatcher(store.outbox, notifiers, { maxAttempts: 3, backoffMs: () => 5, onProblem: (p) => problems.push(p) });
    await drain(d, store.outbox);
    await d.stop();
    const ds = await store.outbox.deliveries();
    assert.equal(ds.length, 6);
    assert.ok(ds.every((x) => x.status === "dead" && x.doneAt !== null));
    for (const x of ds.filter((x) => x.notifier === down.id)) {
      assert.equal(x.attempts, 3);
      assert.match(x.lastError ?? "", /^webhook http:\/\/127\.0\.0\.1:\d+\/down: HTTP 500: upstream unavailable \(gave up after 3 attempts\)$/);
    }
    for (const x of ds.filter((x) => x.notifier === refusing.id)) {
      assert.equal(x.attempts, 1);
      assert.match(x.lastError ?? "", /HTTP 400: unknown watch \(refused; not retried\)$/);
    }
    assert.equal(r.state.requests, 3 * 3 + 3);
    assert.equal(problems.filter((p) => p.code === "W_ALERT_DEAD").length, 6);
    assert.equal(problems.filter((p) => p.code === "W_ALERT_RETRY").length, 6);
    assert.match(problems.find((p) => p.code === "W_ALERT_DEAD")!.where, /^notifier \d+ \(webhook http:\/\/127\.0\.0\.1:\d+\/(down|refusing)\)$/);
    assert.equal(r.accepted.length, 0);
  } finally {
    await store.close();
    await r.close();
  }
});

test("dispatch: a notifier configuration that cannot be used makes dead letters with the reason", async () => {
  const store = openSqliteStore(dbPath());
  try {
    await store.outbox.addNotifier({ kind: "webhook", target: "ftp://hooks.example.org/x", options: {} });
    await store.outbox.putAlert(alert("Harrow"));
    const d = new Dispatcher(store.outbox, notifiers, { backoffMs: () => 5, ...quiet });
    assert.deepEqual(await d.runOnce(), { delivered: 0, failed: 0, dead: 1 });
    const [x] = await store.outbox.deliveries();
    assert.equal(x.status, "dead");
    assert.match(x.lastError ?? "", /scheme ftp: is not http or https \(refused; not retried\)/);
    await d.stop();
  } finally {
    await store.close();
  }
});

test("dispatch: runs asked for at once do not overlap, so nothing goes twice; start and stop", async () => {
  const r = await receiver(() => "slow");
  const store = openSqliteStore(dbPath());
  try {
    await store.outbox.addNotifier({ kind: "webhook", target: `${r.base}/hook`, options: {} });
    for (const w of ["Ilford", "Jura", "Ilford"]) await store.outbox.putAlert(alert(w));
    const d = new Dispatcher(store.outbox, notifiers, { backoffMs: () => 5, ...quiet });
    const reports = await Promise.all([d.runOnce(), d.runOnce(), d.runOnce()]);
    assert.deepEqual(reports.map((x) => x.delivered), [3, 0, 0]);
    assert.equal(r.accepted.length, 3);

    d.start(10);
    await store.outbox.putAlert(alert("Jura"));
    const until = Date.now() + 2_000;
    while (r.accepted.length < 4 && Date.now() < until) await sleep(10);
    assert.equal(r.accepted.length, 4, "the timer delivered the new alert");
    await d.stop();
    await store.outbox.putAlert(alert("Jura"));
    await sleep(60);
    assert.equal(r.accepted.length, 4, "nothing after stop");
    assert.equal((await store.outbox.pendingDeliveries()).length, 1, "it waits in the outbox");
  } finally {
    await store.close();
    await r.close();
  }
});

test("dispatch: the default backoff grows fourfold from a second, with jitter, up to an hour", () => {
  const low = (n: number) => defaultBackoffMs(n, () => 0);
  const high = (n: number) => defaultBackoffMs(n, () => 1);
  assert.deepEqual([1, 2, 3, 4].map(high), [1_000, 4_000, 16_000, 64_000]);
  assert.deepEqual([1, 2, 3].map(low), [500, 2_000, 8_000]);
  assert.equal(high(7), 3_600_000);
  assert.equal(high(30), 3_600_000);
  const total = [1, 2, 3, 4, 5, 6, 7].reduce((s, n) => s + low(n), 0);
  assert.ok(total > 40 * 60_000, `eight attempts span more than 40 minutes even with the least jitter (${total} ms)`);
});
