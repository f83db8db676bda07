import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { NotifierConfig } from "../../store/outbox.js";
import type { Alert } from "../alert.js";
import { createNotifier, DeliveryError, type Notifier, type NotifierOptions } from "../notifier.js";
import { runNotifierContract, sampleAlert } from "./contract.js";
import { webhookBody, webhookSignature } from "./webhook.js";

interface Hit {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  method: string;
  url: string;
}

/** A real HTTP receiver on 127.0.0.1; `answer` decides each response (200 unless told otherwise). */
async function receiver(answer: (res: ServerResponse, hit: Hit) => void = (res) => res.end("ok")): Promise<{ url: string; hits: Hit[]; server: Server; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const hit = { headers: req.headers, raw: Buffer.concat(chunks), method: req.method ?? "", url: req.url ?? "" };
      hits.push(hit);
      answer(res, hit);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sitrep?token=t0ps3cret`,
    hits,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function config(target: string, options: Record<string, unknown> = {}): NotifierConfig {
  return { id: 1, kind: "webhook", target, options, createdAt: "2031-04-01T00:00:00Z" };
}

runNotifierContract("webhook", async () => {
  const r = await receiver();
  const notifier = createNotifier(config(r.url, { secret: "s3cret" }), { allowPrivate: true });
  return {
    notifier,
    received: async () => r.hits.map((h) => (JSON.parse(h.raw.toString("utf8")) as { alert: Alert }).alert),
    teardown: r.close,
  };
});

/** Runs fn with a receiver and a notifier for it; both closed after. */
async function withWebhook(answer: Parameters<typeof receiver>[0], options: Record<string, unknown>, fn: (n: Notifier, hits: Hit[]) => Promise<void>, opts: NotifierOptions = { allowPrivate: true }) {
  const r = await receiver(answer);
  const n = createNotifier(config(r.url, options), opts);
  try {
    await fn(n, r.hits);
  } finally {
    await n.close();
    await r.close();
  }
}

const rejectsWith = (p: Promise<unknown>, check: (e: DeliveryError) => void) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DeliveryError, `a DeliveryError, not ${String(e)}`);
    check(e);
    return true;
  });

test("webhook: one JSON POST with the event, delivery, timestamp and a signature that verifies with the secret", async () => {
  await withWebhook(undefined, { secret: "s3cret" }, async (n, hits) => {
    const a = sampleAlert();
    await n.send(a);
    assert.equal(hits.length, 1);
    const h = hits[0];
    assert.equal(h.method, "POST");
    assert.equal(h.url, "/hooks/sitrep?token=t0ps3cret");
    assert.equal(h.headers["content-type"], "application/json");
    assert.equal(h.headers["x-sitrep-event"], "alert");
    assert.equal(h.headers["x-sitrep-delivery"], a.id.replace(/ /g, "%20"));
    assert.ok(Math.abs(Number(h.headers["x-sitrep-timestamp"]) - Date.now() / 1000) < 60);
    assert.equal(h.raw.toString("utf8"), webhookBody(a));
    assert.deepEqual(JSON.parse(h.raw.toString("utf8")), { alert: a });
    // what a receiver does: HMAC-SHA256 of the raw body with the shared secret, compared in constant time
    const expected = Buffer.from(`sha256=${createHmac("sha256", "s3cret").update(h.raw).digest("hex")}`);
    const got = Buffer.from(String(h.headers["x-sitrep-signature"]));
    assert.ok(got.length === expected.length && timingSafeEqual(got, expected));
    assert.notEqual(webhookSignature(h.raw, "another secret"), String(h.headers["x-sitrep-signature"]));
  });
});

test("webhook: no signature header without a secret; an id outside printable ASCII is percent-encoded in its header", async () => {
  await withWebhook(undefined, {}, async (n, hits) => {
    await n.send(sampleAlert({ id: "Zürich:level:2031-04-01\r\nX-Evil: 1" }));
    assert.equal(hits[0].headers["x-sitrep-signature"], undefined);
    assert.equal(hits[0].headers["x-sitrep-delivery"], "Z%C3%BCrich:level:2031-04-01%0D%0AX-Evil:%201");
    assert.equal(hits[0].headers["x-evil"], undefined);
  });
});

test("webhook: a 500 is a retryable error naming the target (without its query) and the status", async () => {
  await withWebhook((res) => ((res.statusCode = 500), res.end("database on fire")), {}, async (n) => {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, true);
      assert.match(e.message, /^webhook http:\/\/127\.0\.0\.1:\d+\/hooks\/sitrep: HTTP 500: database on fire$/);
      assert.doesNotMatch(e.message, /t0ps3cret/);
    });
  });
});

test("webhook: a 400 is not retryable; 408 and 429 are, and Retry-After is kept", async () => {
  await withWebhook((res) => ((res.statusCode = 400), res.end('{"error":"bad signature"}')), {}, async (n) => {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, false);
      assert.match(e.message, /HTTP 400: \{"error":"bad signature"\}/);
    });
  });
  await withWebhook((res) => (res.writeHead(429, { "retry-after": "7" }), res.end()), {}, async (n) => {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, true);
      assert.equal(e.retryAfterMs, 7000);
    });
  });
  await withWebhook((res) => ((res.statusCode = 408), res.end()), {}, async (n) => {
    await rejectsWith(n.send(sampleAlert()), (e) => assert.equal(e.retryable, true));
  });
});

test("webhook: a redirect is not followed, and not retried", async () => {
  await withWebhook((res) => (res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }), res.end()), {}, async (n, hits) => {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, false);
      assert.match(e.message, /HTTP 302 redirect to http:\/\/127\.0\.0\.1:1\/elsewhere not followed/);
    });
    assert.equal(hits.length, 1);
  });
});

test("webhook: a receiver slower than the deadline is a retryable timeout", async () => {
  await withWebhook((res) => setTimeout(() => res.end("late"), 1_000).unref(), { timeoutMs: 150 }, async (n) => {
    const t0 = Date.now();
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, true);
      assert.match(e.message, /no answer within 150 ms/);
    });
    assert.ok(Date.now() - t0 < 900);
  });
});

test("webhook: a closed port is a retryable connection error", async () => {
  const r = await receiver();
  const url = r.url;
  await r.close();
  const n = createNotifier(config(url), { allowPrivate: true });
  try {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, true);
      assert.match(e.message, /connection refused/);
    });
  } finally {
    await n.close();
  }
});

test("webhook: loopback and private addresses are refused unless allowed, before anything is sent", async () => {
  await withWebhook(undefined, {}, async (n, hits) => {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, false);
      assert.match(e.message, /127\.0\.0\.1 is loopback/);
    });
    assert.equal(hits.length, 0);
  }, {});
  // a name that resolves to a private address, refused at connect time
  const n = createNotifier(config("https://hooks.example.org/x"), { resolve: async () => [{ address: "10.1.2.3", family: 4 }] });
  try {
    await rejectsWith(n.send(sampleAlert()), (e) => {
      assert.equal(e.retryable, false);
      assert.match(e.message, /hooks\.example\.org resolves to 10\.1\.2\.3, which is private/);
    });
  } finally {
    await n.close();
  }
  // allowed for one notifier by its own configuration
  await withWebhook(undefined, { allowPrivate: true }, async (n2, hits) => {
    await n2.send(sampleAlert());
    assert.equal(hits.length, 1);
  }, {});
});

test("webhook: a configuration it cannot use is refused when the notifier is made", () => {
  const refused = (target: string, options: Record<string, unknown>, re: RegExp) =>
    assert.throws(() => createNotifier(config(target, options)), (e: unknown) => e instanceof DeliveryError && !e.retryable && re.test(e.message));
  refused("not a url", {}, /not a valid URL/);
  refused("ftp://example.org/x", {}, /scheme ftp: is not http or https/);
  refused("https://user:pw@example.org/x", {}, /credentials in the URL/);
  refused("https://example.org/x", { secret: 42 }, /the option secret must be a string, not a number/);
  assert.throws(() => createNotifier({ ...config("x"), kind: "pager" as never }), /no notifier of kind "pager"/);
});
