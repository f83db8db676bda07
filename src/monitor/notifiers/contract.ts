// The Notifier contract suite: every notifier runs it against a real receiver (`runNotifierContract("webhook", setup)`).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Alert } from "../alert.js";
import type { Notifier } from "../notifier.js";

/** A notifier wired to a receiver that runs here, and what the receiver got, as alerts, in arrival order. */
export interface NotifierHarness {
  notifier: Notifier;
  received(): Promise<Alert[]>;
  teardown(): Promise<void>;
}

let n = 0;
/** A made-up alert about a made-up place. */
export function sampleAlert(over: Partial<Alert> = {}): Alert {
  n++;
  return {
    id: `Port Ellery:level:2031-04-0${1 + (n % 9)}:${n}`,
    watch: "Port Ellery",
    kind: "level",
    at: "2031-04-02T06:00:00Z",
    level: 3,
    previousLevel: 2,
    title: "Port Ellery: level 2 → 3 (reduce non-essential presence)",
    summary: "Four reported armed clashes within 20 km of Port Ellery in two days, from three independent sources.",
    evidence: [
      {
        event: `ellery-${n}-e1`,
        cluster: 40 + n,
        date: "2031-04-01",
        code: "190",
        text: "Militia fighters shelled the harbour district of Port Ellery, the harbour master said.",
        outlets: ["Valdoria Herald", "Coastal Wire"],
        sources: ["Coastal Wire"],
        url: "https://news.example.org/ellery/shelling",
      },
      {
        event: `ellery-${n}-e2`,
        cluster: null,
        date: null,
        code: "1823",
        text: "Gunmen seized two aid workers on the coast road.",
        outlets: [],
        sources: [],
        url: null,
      },
    ],
    ...over,
  };
}

/** An alert whose every news-derived string is hostile: markup, line breaks, header lookalikes, odd Unicode, 100 KB. */
export function hostileAlert(): Alert {
  const odd = "Zürich · Αθήνα · Київ · الرقة · 東京 · 🚨🔥 · e\u0301 · \u202Eevil\u202C · \u2028 · \\ \" ' ` \t";
  const big = `${odd} <b>bold</b> `.repeat(Math.ceil(100_000 / (odd.length + 13))).slice(0, 100_000);
  return sampleAlert({
    id: `Zürich:event:<script>:${n + 1}\r\nX-Injected: yes`,
    watch: "Zürich <script>alert(1)</script>",
    title: "Level 3 <script>alert('x')</script>\r\nBcc: victim@example.org\nSubject: fake",
    summary: big,
    evidence: [
      {
        event: "e\n1",
        cluster: 1,
        date: "2031-04-01",
        code: "190",
        text: `He said "<img src=x onerror=alert(1)>" & left.\r\n.\r\nMAIL FROM:<x@evil.example>\n${odd}`,
        outlets: ["<Outlet & Co>", "Ünïcödé Times"],
        sources: ["'quoted' \"source\""],
        url: "javascript:alert(1)//<a>",
      },
    ],
  });
}

export function runNotifierContract(name: string, setup: () => Promise<NotifierHarness>): void {
  const withHarness = (title: string, fn: (h: NotifierHarness) => Promise<void>) =>
    test(`${name} notifier: ${title}`, async () => {
      const h = await setup();
      try {
        await fn(h);
      } finally {
        await h.notifier.close();
        await h.teardown();
      }
    });

  withHarness("says what it is and where it sends", async (h) => {
    assert.equal(h.notifier.kind, name);
    assert.ok(h.notifier.target.length > 0);
    assert.deepEqual(await h.received(), []);
  });

  withHarness("one alert arrives intact", async (h) => {
    const a = sampleAlert();
    await h.notifier.send(a);
    const got = await h.received();
    assert.equal(got.length, 1);
    assert.equal(got[0].id, a.id);
    assert.equal(got[0].title, a.title);
    assert.deepEqual(got[0].evidence, a.evidence);
    assert.deepEqual(got[0], a);
  });

  withHarness("hostile text (markup, line breaks, Unicode, a 100 KB summary) arrives intact", async (h) => {
    const a = hostileAlert();
    assert.equal(a.summary.length, 100_000);
    await h.notifier.send(a);
    const got = await h.received();
    assert.equal(got.length, 1);
    assert.deepEqual(got[0], a);
  });

  withHarness("several alerts arrive in the order sent", async (h) => {
    const sent = Array.from({ length: 6 }, (_, i) => sampleAlert({ watch: i % 2 ? "Kessa" : "Port Ellery", level: 1 + (i % 4) }));
    for (const a of sent) await h.notifier.send(a);
    assert.deepEqual((await h.received()).map((a) => a.id), sent.map((a) => a.id));
  });
}
