// The AlertOutbox contract suite: every outbox implementation runs it (`runOutboxContract("sqlite", open)`).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Alert } from "../monitor/alert.js";
import type { AlertOutbox, Delivery } from "./outbox.js";

/** An opened outbox; `reopen` (after `close`) opens the same database again, where the implementation keeps one. */
export interface OpenedOutbox {
  outbox: AlertOutbox;
  close(): Promise<void>;
  reopen?(): Promise<OpenedOutbox>;
}

let n = 0;
/** A made-up alert about a made-up place; ids are unique unless given. */
export function alert(watch: string, over: Partial<Alert> = {}): Alert {
  n++;
  return {
    id: `${watch}:level:${n}`,
    watch,
    kind: "level",
    at: `2031-04-${String(1 + (n % 28)).padStart(2, "0")}T06:00:00Z`,
    level: 3,
    previousLevel: 2,
    title: `${watch}: level 2 → 3 (reduce non-essential presence)`,
    summary: `Three reported clashes near ${watch} in two days, from four independent sources.`,
    evidence: [
      {
        event: `doc${n}-e1`,
        cluster: n,
        date: "2031-04-01",
        code: "190",
        text: `Militia fighters shelled the market in ${watch}, the mayor said.`,
        outlets: ["Valdoria Herald", "Coastal Wire"],
        sources: ["Coastal Wire"],
        url: `https://news.example.org/${watch}/${n}`,
      },
    ],
    ...over,
  };
}

const key = (d: Delivery) => `${d.alert.id}>${d.notifier}`;

export function runOutboxContract(name: string, open: () => Promise<OpenedOutbox>): void {
  const withOutbox = (title: string, fn: (o: AlertOutbox, opened: OpenedOutbox) => Promise<void>) =>
    test(`${name} outbox: ${title}`, async () => {
      const opened = await open();
      try {
        await fn(opened.outbox, opened);
      } finally {
        await opened.close();
      }
    });

  withOutbox("an alert is kept once per id; a second put of the same id writes nothing", async (o) => {
    await o.addNotifier({ kind: "file", target: "/tmp/alerts.jsonl", options: {} });
    const a = alert("Port Ellery");
    assert.equal(await o.putAlert(a), true);
    assert.equal(await o.putAlert({ ...a, title: "changed", summary: "changed" }), false);
    const all = await o.listAlerts();
    assert.equal(all.length, 1);
    assert.equal(all[0].title, a.title, "the first record stands");
    const { seq, ...stored } = all[0];
    assert.deepEqual(stored, a);
    assert.equal(typeof seq, "number");
    assert.equal((await o.deliveries()).length, 1, "no second delivery");
  });

  withOutbox("notifiers are added once per kind and target, listed, and removed with their deliveries", async (o) => {
    const w = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/a", options: { secret: "s1" } });
    assert.equal(w.kind, "webhook");
    assert.deepEqual(w.options, { secret: "s1" });
    assert.ok(!Number.isNaN(Date.parse(w.createdAt)));
    const again = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/a", options: { secret: "s2" } });
    assert.equal(again.id, w.id, "same kind and target: the same notifier");
    assert.deepEqual(again.options, { secret: "s2" }, "its options replaced");
    const e = await o.addNotifier({ kind: "email", target: "desk@example.org", options: { host: "smtp.example.org" } });
    assert.deepEqual((await o.listNotifiers()).map((x) => x.id), [w.id, e.id]);
    const a = alert("Kessa");
    await o.putAlert(a);
    const seq = (await o.listAlerts())[0].seq;
    assert.deepEqual((await o.deliveries(seq)).map((d) => d.notifier), [w.id, e.id]);
    assert.equal(await o.removeNotifier(w.id), true);
    assert.equal(await o.removeNotifier(w.id), false);
    assert.deepEqual((await o.listNotifiers()).map((x) => x.id), [e.id]);
    assert.deepEqual((await o.deliveries(seq)).map((d) => d.notifier), [e.id], "its deliveries went with it");
    assert.deepEqual((await o.dueDeliveries(Date.now())).map((d) => d.notifier), [e.id]);
    await o.putAlert(alert("Kessa"));
    assert.deepEqual((await o.deliveries()).map((d) => d.notifier), [e.id, e.id], "a new alert goes only to the notifiers there are");
  });

  withOutbox("an alert gets one pending delivery per current notifier; a notifier added later gets only later alerts", async (o) => {
    const f = await o.addNotifier({ kind: "file", target: "/var/sitrep/a.jsonl", options: {} });
    const w = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/b", options: {} });
    await o.putAlert(alert("Lundmark"));
    const [first] = await o.listAlerts();
    const ds = await o.deliveries(first.seq);
    assert.deepEqual(ds.map((d) => [d.notifier, d.status, d.attempts, d.lastError, d.doneAt]), [
      [f.id, "pending", 0, null, null],
      [w.id, "pending", 0, null, null],
    ]);
    assert.equal(ds[0].alert.id, first.id);
    assert.equal(ds[0].alertSeq, first.seq);
    const late = await o.addNotifier({ kind: "email", target: "ops@example.org", options: {} });
    assert.equal((await o.deliveries(first.seq)).length, 2);
    await o.putAlert(alert("Lundmark"));
    const second = (await o.listAlerts())[1];
    assert.deepEqual((await o.deliveries(second.seq)).map((d) => d.notifier), [f.id, w.id, late.id]);
    assert.equal(await o.putAlert(alert("Lundmark")), true);
    assert.equal((await o.pendingDeliveries()).length, 2 + 3 + 3);
  });

  withOutbox("an alert imported from another store keeps its deliveries' states; an id already there is not imported", async (o) => {
    const x = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/i", options: {} });
    const y = await o.addNotifier({ kind: "file", target: "/var/sitrep/i.jsonl", options: {} });
    const a = alert("Imbros");
    const states = [
      { notifier: x.id, status: "delivered" as const, attempts: 3, nextAt: 0, lastError: "HTTP 503", doneAt: "2031-04-02T06:00:00Z" },
      { notifier: y.id, status: "dead" as const, attempts: 8, nextAt: 1_900_000_000_000, lastError: "disk full", doneAt: "2031-04-03T06:00:00Z" },
    ];
    assert.equal(await o.importAlert(a, states), true);
    assert.equal(await o.importAlert(a, []), false);
    const [stored] = await o.listAlerts();
    const { seq, ...rest } = stored;
    assert.deepEqual(rest, a);
    assert.deepEqual(await o.deliveries(seq), states.map((d) => ({ ...d, alert: a, alertSeq: seq })));
    assert.deepEqual(await o.pendingDeliveries(), []);
    assert.equal(await o.importAlert(alert("Imbros"), []), true, "an alert that had no notifiers");
    assert.equal((await o.deliveries()).length, 2);
  });

  withOutbox("alerts are listed in the order raised, by watch, since a time, with a limit", async (o) => {
    const a1 = alert("Aldern", { at: "2031-05-01T00:00:00Z" });
    const b1 = alert("Brisk", { at: "2031-05-02T00:00:00Z" });
    const a2 = alert("Aldern", { at: "2031-05-03T00:00:00Z" });
    for (const a of [a1, b1, a2]) await o.putAlert(a);
    const all = await o.listAlerts();
    assert.deepEqual(all.map((a) => a.id), [a1.id, b1.id, a2.id]);
    assert.ok(all[0].seq < all[1].seq && all[1].seq < all[2].seq);
    assert.deepEqual((await o.listAlerts({ watch: "Aldern" })).map((a) => a.id), [a1.id, a2.id]);
    assert.deepEqual((await o.listAlerts({ since: "2031-05-02T00:00:00Z" })).map((a) => a.id), [b1.id, a2.id]);
    assert.deepEqual((await o.listAlerts({ limit: 2 })).map((a) => a.id), [a1.id, b1.id]);
    assert.deepEqual(await o.listAlerts({ watch: "Nowhere" }), []);
  });

  withOutbox("only the head of each (watch, notifier) queue is due, oldest alert first, for all notifiers or one", async (o) => {
    const x = await o.addNotifier({ kind: "file", target: "/x.jsonl", options: {} });
    const y = await o.addNotifier({ kind: "file", target: "/y.jsonl", options: {} });
    const a1 = alert("Aldern");
    const b1 = alert("Brisk");
    const a2 = alert("Aldern");
    for (const a of [a1, b1, a2]) await o.putAlert(a);
    const now = Date.now();
    assert.deepEqual((await o.dueDeliveries(now)).map(key), [`${a1.id}>${x.id}`, `${a1.id}>${y.id}`, `${b1.id}>${x.id}`, `${b1.id}>${y.id}`]);
    assert.equal((await o.dueDeliveries(now, 3)).length, 3, "limit");
    assert.deepEqual((await o.dueDeliveries(now, 100, y.id)).map(key), [`${a1.id}>${y.id}`, `${b1.id}>${y.id}`], "one notifier's");
    const [d] = await o.dueDeliveries(now, 1);
    await o.markDelivered(d.alertSeq, x.id, new Date(now).toISOString());
    assert.deepEqual((await o.dueDeliveries(now)).map(key), [`${a1.id}>${y.id}`, `${b1.id}>${x.id}`, `${b1.id}>${y.id}`, `${a2.id}>${x.id}`], "the next alert of the watch comes up for that notifier only");
    const done = (await o.deliveries(d.alertSeq)).find((z) => z.notifier === x.id)!;
    assert.deepEqual([done.status, done.attempts, done.doneAt], ["delivered", 1, new Date(now).toISOString()]);
    assert.deepEqual((await o.pendingDeliveries()).map(key), [`${a1.id}>${y.id}`, `${b1.id}>${x.id}`, `${b1.id}>${y.id}`, `${a2.id}>${x.id}`, `${a2.id}>${y.id}`], "due or not, held back or not");
  });

  withOutbox("a failed attempt backs off, keeps its reason, and holds back the later alerts of its watch", async (o) => {
    const x = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/c", options: {} });
    const a1 = alert("Corvo");
    const a2 = alert("Corvo");
    await o.putAlert(a1);
    await o.putAlert(a2);
    const now = 1_900_000_000_000;
    const [d1] = await o.dueDeliveries(now);
    assert.equal(d1.alert.id, a1.id);
    await o.markFailed(d1.alertSeq, x.id, { attempts: 1, nextAt: now + 60_000, error: "webhook https://hooks.example.org/c: HTTP 503", dead: false, at: new Date(now).toISOString() });
    assert.deepEqual(await o.dueDeliveries(now), [], "backing off, and the second alert waits behind it");
    assert.deepEqual(await o.dueDeliveries(now + 59_999), []);
    const [again] = await o.dueDeliveries(now + 60_000);
    assert.equal(again.alert.id, a1.id);
    assert.deepEqual([again.status, again.attempts, again.nextAt, again.lastError, again.doneAt], ["pending", 1, now + 60_000, "webhook https://hooks.example.org/c: HTTP 503", null]);
    assert.equal((await o.pendingDeliveries()).length, 2);
  });

  withOutbox("after the last retry a delivery is dead with its reason, and no longer holds back its watch", async (o) => {
    const x = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/d", options: {} });
    const a1 = alert("Dunmore");
    const a2 = alert("Dunmore");
    await o.putAlert(a1);
    await o.putAlert(a2);
    const now = 1_900_000_000_000;
    const [d1] = await o.dueDeliveries(now);
    const at = new Date(now).toISOString();
    await o.markFailed(d1.alertSeq, x.id, { attempts: 8, nextAt: now, error: "webhook https://hooks.example.org/d: HTTP 410 Gone", dead: true, at });
    const dead = (await o.deliveries(d1.alertSeq))[0];
    assert.deepEqual([dead.status, dead.attempts, dead.lastError, dead.doneAt], ["dead", 8, "webhook https://hooks.example.org/d: HTTP 410 Gone", at]);
    assert.deepEqual((await o.dueDeliveries(now)).map((d) => d.alert.id), [a2.id]);
    assert.deepEqual((await o.pendingDeliveries()).map((d) => d.alert.id), [a2.id]);
    // a dead or delivered delivery stays as it is
    await o.markDelivered(d1.alertSeq, x.id, at);
    assert.equal((await o.deliveries(d1.alertSeq))[0].status, "dead");
    // a dead letter put back: pending again, its attempts from zero, its last reason kept
    assert.equal(await o.retryDead(x.id + 1), 0, "another notifier's: none");
    assert.equal(await o.retryDead(x.id), 1);
    const back = (await o.deliveries(d1.alertSeq))[0];
    assert.deepEqual([back.status, back.attempts, back.nextAt, back.lastError, back.doneAt], ["pending", 0, 0, "webhook https://hooks.example.org/d: HTTP 410 Gone", null]);
    assert.deepEqual((await o.dueDeliveries(now)).map((d) => d.alert.id), [a1.id], "first in its watch's line again");
    assert.equal(await o.retryDead(), 0);
  });

  test(`${name} outbox: alerts, notifiers and delivery states survive closing and reopening`, async (t) => {
    const first = await open();
    if (!first.reopen) {
      await first.close();
      t.skip("this outbox keeps nothing across a reopen");
      return;
    }
    const o = first.outbox;
    const x = await o.addNotifier({ kind: "webhook", target: "https://hooks.example.org/e", options: { secret: "k" } });
    const a1 = alert("Elmstead");
    const a2 = alert("Elmstead");
    const a3 = alert("Fairhaven");
    for (const a of [a1, a2, a3]) await o.putAlert(a);
    const now = 1_900_000_000_000;
    const [d1, d3] = await o.dueDeliveries(now);
    await o.markDelivered(d1.alertSeq, x.id, new Date(now).toISOString());
    await o.markFailed(d3.alertSeq, x.id, { attempts: 2, nextAt: now + 5_000, error: "connection refused", dead: false, at: new Date(now).toISOString() });
    await first.close();
    const second = await first.reopen();
    try {
      const p = second.outbox;
      assert.deepEqual((await p.listNotifiers()).map((n) => [n.id, n.target, n.options]), [[x.id, x.target, { secret: "k" }]]);
      assert.deepEqual((await p.listAlerts()).map((a) => a.id), [a1.id, a2.id, a3.id]);
      assert.equal(await p.putAlert(a1), false, "a delivered alert is not taken again after a restart");
      assert.deepEqual((await p.dueDeliveries(now)).map((d) => d.alert.id), [a2.id]);
      assert.deepEqual((await p.dueDeliveries(now + 5_000)).map((d) => [d.alert.id, d.attempts, d.lastError]), [
        [a2.id, 0, null],
        [a3.id, 2, "connection refused"],
      ]);
      assert.deepEqual((await p.deliveries()).map((d) => d.status), ["delivered", "pending", "pending"]);
    } finally {
      await second.close();
    }
  });
}
