// The webhook notifier: POSTs each alert as JSON to a URL, signed with HMAC-SHA256 when a secret is set.
import { createHmac } from "node:crypto";
import type { Readable } from "node:stream";
import { Agent, request, type Dispatcher } from "undici";
import { causes, deadline, describeNetworkError, header } from "../../sources/http-errors.js";
import { AddressRefusedError, checkLiteralHost, guardedLookup, type AddressPolicy } from "../../sources/address-guard.js";
import type { NotifierConfig } from "../../store/outbox.js";
import type { Alert } from "../alert.js";
import { DeliveryError, deliveryHeader, option, type Notifier, type NotifierOptions } from "../notifier.js";

/** One attempt's deadline (connect, send, answer) unless configured. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What is read of a receiver's answer: enough for an error message, never a flood. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The body POSTed: `{"alert": <Alert>}`, an envelope so that fields can be added beside the alert later. */
export function webhookBody(alert: Alert): string {
  return JSON.stringify({ alert });
}

/** The X-Sitrep-Signature value: "sha256=" and the hex HMAC-SHA256 of the raw body, keyed with the secret. */
export function webhookSignature(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

// Reads at most `cap` bytes of an answer, then lets the rest go (the connection with it, if it was not all read).
async function readCapped(body: Readable, cap: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total >= cap) break;
    }
  } catch {
    // an answer cut short says nothing more about the delivery than its status
  } finally {
    if (!body.destroyed) {
      body.on("error", () => {});
      body.destroy();
    }
  }
  return Buffer.concat(chunks).subarray(0, cap).toString("utf8");
}

// A receiver's words as a short, printable fragment of an error message (it ends up in logs and terminals).
function snippet(text: string): string {
  const t = text.replace(/[\s\p{Cc}]+/gu, " ").trim();
  return t ? `: ${t.length > 200 ? `${t.slice(0, 200)}…` : t}` : "";
}

function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Makes a webhook notifier: target = the http(s) URL; config.options: `secret` (string: sign each body),
 * `allowPrivate` (boolean: a receiver on loopback or a private network, e.g. an intranet), `timeoutMs` (number).
 * Each alert is one POST of webhookBody(alert) with the headers Content-Type: application/json,
 * X-Sitrep-Event: alert, X-Sitrep-Delivery: the alert id (the same on every retry: receivers dedupe on it),
 * X-Sitrep-Timestamp: Unix seconds of this attempt, and X-Sitrep-Signature when a secret is set.
 * 2xx = delivered; 3xx (not followed) and 4xx other than 408/429 are refusals; 5xx, 408, 429, network
 * errors and timeouts may be retried.
 */
export function webhookNotifier(config: NotifierConfig, opts: NotifierOptions = {}): Notifier {
  let url: URL;
  try {
    url = new URL(config.target);
  } catch {
    throw new DeliveryError("webhook", config.target, "not a valid URL", false);
  }
  // shown in messages and kept in the outbox's errors: no query, which often carries a token
  const shown = `${url.origin}${url.pathname}`;
  const refuse = (detail: string): never => {
    throw new DeliveryError("webhook", shown, detail, false);
  };
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse(`scheme ${url.protocol} is not http or https`);
  if (url.username || url.password) refuse("credentials in the URL are not supported; sign with a secret instead");
  url.hash = "";
  const secret = option(config, "secret", "string");
  const timeoutMs = option(config, "timeoutMs", "number") ?? opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const policy: AddressPolicy = { allowPrivate: !!(opts.allowPrivate || option(config, "allowPrivate", "boolean")), allowAddresses: opts.allowAddresses };
  const agent = new Agent({ connect: { lookup: guardedLookup(policy, opts.resolve), timeout: timeoutMs }, keepAliveTimeout: 4_000 });
  let closed = false;

  const fail = (detail: string, retryable: boolean, extra?: { cause?: unknown; retryAfterMs?: number }) => new DeliveryError("webhook", shown, detail, retryable, extra);

  async function send(alert: Alert): Promise<void> {
    if (closed) throw fail("the notifier is closed", true);
    try {
      checkLiteralHost(url.hostname, policy);
    } catch (err) {
      if (err instanceof AddressRefusedError) throw fail(`refused: ${err.message} (allow it with allowPrivate)`, false);
      throw err;
    }
    const body = webhookBody(alert);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "sitrep-webhook",
      "x-sitrep-event": "alert",
      "x-sitrep-delivery": deliveryHeader(alert.id),
      "x-sitrep-timestamp": String(Math.floor(Date.now() / 1000)),
    };
    if (secret) headers["x-sitrep-signature"] = webhookSignature(body, secret);

    const limit = deadline(timeoutMs);
    try {
      let res: Dispatcher.ResponseData;
      try {
        // no redirect is followed: a receiver that moved must be configured anew
        res = await request(url, { method: "POST", headers, body, dispatcher: agent, signal: limit.controller.signal });
      } catch (err) {
        if (limit.timedOut()) throw fail(`no answer within ${timeoutMs} ms`, true, { cause: err });
        const refused = causes(err).find((e): e is AddressRefusedError => e instanceof AddressRefusedError);
        if (refused) throw fail(`refused: ${refused.message} (allow it with allowPrivate)`, false, { cause: err });
        throw fail(describeNetworkError(err, url), true, { cause: err });
      }
      const status = res.statusCode;
      const answer = await readCapped(res.body, MAX_ANSWER_BYTES);
      if (status >= 200 && status < 300) return;
      if (status >= 300 && status < 400) {
        const to = header(res.headers, "location");
        throw fail(`HTTP ${status} redirect${to ? ` to${snippet(to).slice(1)}` : ""} not followed (configure the new URL)`, false);
      }
      const retryable = status >= 500 || status === 408 || status === 429;
      throw fail(`HTTP ${status}${snippet(answer)}`, retryable, { retryAfterMs: retryable ? retryAfter(header(res.headers, "retry-after")) : undefined });
    } finally {
      limit.clear();
    }
  }

  return {
    kind: "webhook",
    target: shown,
    send,
    async close() {
      if (closed) return;
      closed = true;
      await agent.close();
    },
  };
}
