import { test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { NotifierConfig } from "../../store/outbox.js";
import type { Alert } from "../alert.js";
import { createNotifier, DeliveryError, type Notifier } from "../notifier.js";
import { runNotifierContract, hostileAlert, sampleAlert } from "./contract.js";
import { emailMessage } from "./email.js";

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no login); `refuse` may reject a recipient with an SMTP reply. */
async function smtpReceiver(refuse?: (rcpt: string) => { code: number; message: string } | null): Promise<{ port: number; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const r = refuse?.(address.address);
      if (!r) return callback();
      callback(Object.assign(new Error(r.message), { responseCode: r.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        got.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const { port } = server.server.address() as AddressInfo;
  return { port, got, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

function config(port: number, target = "desk@example.org", options: Record<string, unknown> = {}): NotifierConfig {
  return { id: 2, kind: "email", target, options: { host: "127.0.0.1", port, from: "sitrep <alerts@sitrep.example.org>", timeoutMs: 2_000, ...options }, createdAt: "2031-04-01T00:00:00Z" };
}

async function alertOf(mail: ParsedMail): Promise<Alert> {
  const json = mail.attachments.find((a) => a.filename === "alert.json");
  assert.ok(json, "the alert travels as alert.json");
  return JSON.parse(json.content.toString("utf8")) as Alert;
}

runNotifierContract("email", async () => {
  const r = await smtpReceiver();
  return {
    notifier: createNotifier(config(r.port)),
    received: async () => Promise.all(r.got.map(async (m) => alertOf(await simpleParser(m.raw)))),
    teardown: r.close,
  };
});

async function withSmtp(refuse: Parameters<typeof smtpReceiver>[0], fn: (n: Notifier, got: Received[]) => Promise<void>, target?: string) {
  const r = await smtpReceiver(refuse);
  const n = createNotifier(config(r.port, target));
  try {
    await fn(n, r.got);
  } finally {
    await n.close();
    await r.close();
  }
}

test("email: subject is the title; the text tells what was reported, by whom and when; the same alert keeps its Message-ID", async () => {
  await withSmtp(undefined, async (n, got) => {
    const a = sampleAlert();
    await n.send(a);
    await n.send(a);
    assert.deepEqual(got[0].to, ["desk@example.org"]);
    assert.equal(got[0].from, "alerts@sitrep.example.org");
    const [m1, m2] = await Promise.all(got.map((g) => simpleParser(g.raw)));
    assert.equal(m1.subject, a.title);
    assert.equal(m1.messageId, m2.messageId, "a second copy is recognisable");
    assert.match(m1.messageId ?? "", /^<[0-9a-f]{32}\.alert@sitrep\.example\.org>$/);
    assert.equal(m1.headers.get("x-sitrep-delivery"), a.id.replace(/ /g, "%20"));
    const text = m1.text ?? "";
    assert.ok(text.includes(a.summary));
    assert.match(text, /2031-04-01, reported by Valdoria Herald, Coastal Wire \(original sources: Coastal Wire\), CAMEO 190:/);
    assert.match(text, /undated, reported, CAMEO 1823:/);
    assert.ok(text.includes("https://news.example.org/ellery/shelling"));
    assert.doesNotMatch(text.replace(/not verified/g, ""), /verified/i, "evidence is reported, never called verified");
  });
});

test("email: news-derived text is escaped in the HTML, and a title cannot add a header or a recipient", async () => {
  const a = hostileAlert();
  const { html, subject } = emailMessage(a);
  assert.ok(!/<script|<img|<b>bold|href="javascript/i.test(html), "no live markup from the news");
  assert.ok(html.includes("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;"));
  assert.ok(html.includes("&#60;Outlet &#38; Co&#62;"));
  assert.doesNotMatch(subject, /[\r\n]/);
  await withSmtp(undefined, async (n, got) => {
    await n.send(a);
    assert.deepEqual(got[0].to, ["desk@example.org"], "no Bcc smuggled in through the title");
    const m = await simpleParser(got[0].raw);
    assert.equal(m.bcc, undefined);
    assert.equal(m.headers.get("x-injected"), undefined);
    assert.equal(m.subject, subject);
    assert.ok(!(m.html || "").includes("<script"));
    assert.deepEqual(await alertOf(m), a);
  });
});

test("email: a 5xx reply is refused for good, a 4xx one may be retried, both naming the reply", async () => {
  await withSmtp(() => ({ code: 550, message: "No such user here" }), async (n) => {
    await assert.rejects(n.send(sampleAlert()), (e: unknown) => e instanceof DeliveryError && !e.retryable && e.message.startsWith("email nobody@example.org: SMTP ") && /550/.test(e.message));
  }, "nobody@example.org");
  await withSmtp(() => ({ code: 451, message: "Try again later" }), async (n) => {
    await assert.rejects(n.send(sampleAlert()), (e: unknown) => e instanceof DeliveryError && e.retryable && /451/.test(e.message));
  });
});

test("email: no server listening is a retryable connection error", async () => {
  const r = await smtpReceiver();
  await r.close();
  const n = createNotifier(config(r.port));
  try {
    await assert.rejects(n.send(sampleAlert()), (e: unknown) => e instanceof DeliveryError && e.retryable && /ECONNREFUSED|ECONNECTION|ESOCKET/.test(e.message));
  } finally {
    await n.close();
  }
});

test("email: a configuration without host or sender is refused when the notifier is made", () => {
  const bad = (options: Record<string, unknown>, re: RegExp) =>
    assert.throws(() => createNotifier({ id: 3, kind: "email", target: "desk@example.org", options, createdAt: "" }), (e: unknown) => e instanceof DeliveryError && !e.retryable && re.test(e.message));
  bad({ from: "a@example.org" }, /the option host is required/);
  bad({ host: "smtp.example.org" }, /the option from is required/);
  bad({ host: "smtp.example.org", from: "a@example.org", port: "25" }, /the option port must be a number/);
});
