// The e-mail notifier: each alert as one message over SMTP (nodemailer), plain text and HTML, with the alert as JSON attached.
import { createHash } from "node:crypto";
import { createTransport } from "nodemailer";
import type { NotifierConfig } from "../../store/outbox.js";
import type { Alert } from "../alert.js";
import { DeliveryError, deliveryHeader, option, type Notifier, type NotifierOptions } from "../notifier.js";

/** Deadline for connecting, the greeting and each wait on the socket, unless configured. */
export const EMAIL_TIMEOUT_MS = 30_000;

/** The parts of an alert's message. Every news-derived string is escaped in `html`. */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// one line: control characters and line breaks become spaces (a subject cannot carry a second header)
const oneLine = (s: string) => s.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, " ").trim();
const isWebUrl = (u: string) => /^https?:\/\//i.test(u);

/** "reported by A, B (original sources: C)": who said it; an alert never calls evidence verified. */
function reportedBy(outlets: readonly string[], sources: readonly string[]): string {
  const by = outlets.length ? `reported by ${outlets.join(", ")}` : "reported";
  const same = sources.length === outlets.length && sources.every((x) => outlets.includes(x));
  return sources.length && !same ? `${by} (original sources: ${sources.join(", ")})` : by;
}

/** Subject, plain text and HTML of an alert's message. */
export function emailMessage(alert: Alert): EmailMessage {
  const subject = [...oneLine(alert.title)].slice(0, 250).join("") || `sitrep alert for ${oneLine(alert.watch)}`;
  const level = alert.previousLevel != null && alert.previousLevel !== alert.level ? `level ${alert.previousLevel} → ${alert.level}` : `level ${alert.level}`;
  const text = [
    alert.title,
    "",
    alert.summary,
    "",
    `Watch: ${alert.watch} (${level}), raised ${alert.at}`,
    "",
    alert.evidence.length ? "Evidence (as reported; not verified):" : "No reported events are attached to this alert.",
    ...alert.evidence.flatMap((e) => [
      `- ${e.date ?? "undated"}, ${reportedBy(e.outlets, e.sources)}, CAMEO ${e.code}:`,
      `  "${e.text}"`,
      ...(e.url ? [`  ${e.url}`] : []),
    ]),
    "",
    `Alert id: ${alert.id}`,
  ].join("\n");
  const h = escapeHtml;
  const html = [
    "<!doctype html><html><body>",
    `<h2>${h(alert.title)}</h2>`,
    `<p>${h(alert.summary)}</p>`,
    `<p>Watch: <b>${h(alert.watch)}</b> (${h(level)}), raised ${h(alert.at)}</p>`,
    alert.evidence.length ? "<p>Evidence (as reported; not verified):</p><ul>" : "<p>No reported events are attached to this alert.</p>",
    ...alert.evidence.map(
      (e) =>
        `<li>${h(e.date ?? "undated")}, ${h(reportedBy(e.outlets, e.sources))}, CAMEO ${h(e.code)}:<br><q>${h(e.text)}</q>` +
        (e.url ? `<br>${isWebUrl(e.url) ? `<a href="${h(e.url)}">${h(e.url)}</a>` : h(e.url)}` : "") +
        "</li>",
    ),
    alert.evidence.length ? "</ul>" : "",
    `<p><small>Alert id: ${h(alert.id)}</small></p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}

// What an SMTP failure says about a later attempt: a permanent (5xx) reply will come again, a lost connection may not.
function classify(err: unknown): { detail: string; retryable: boolean } {
  const e = err as { code?: string; responseCode?: number; response?: string; permanent?: boolean; message?: string };
  const reply = e.responseCode ? `SMTP ${oneLine(e.response ?? String(e.responseCode))}` : null;
  const detail = reply ?? `${e.code ? `${e.code}: ` : ""}${e.message ?? String(err)}`;
  if (typeof e.permanent === "boolean") return { detail, retryable: !e.permanent };
  if (e.responseCode) return { detail, retryable: !(e.responseCode >= 500 && e.responseCode !== 503) };
  return { detail, retryable: e.code !== "ECONFIG" && e.code !== "ENOAUTH" };
}

/**
 * Makes an e-mail notifier: target = the recipient address (or a comma-separated list); config.options:
 * `host` (required), `port`, `secure` (TLS from the start, port 465), `requireTLS` (STARTTLS or fail),
 * `user` and `pass`, `from` (required), `timeoutMs`. The message carries Message-ID and X-Sitrep-Delivery
 * derived from the alert id (the same on every retry) and the alert itself as alert.json.
 */
export function emailNotifier(config: NotifierConfig, opts: NotifierOptions = {}): Notifier {
  const target = config.target.trim();
  if (!target) throw new DeliveryError("email", config.target, "no recipient address", false);
  const host = option(config, "host", "string", true)!;
  const from = option(config, "from", "string", true)!;
  const user = option(config, "user", "string");
  const pass = option(config, "pass", "string");
  const timeoutMs = option(config, "timeoutMs", "number") ?? opts.timeoutMs ?? EMAIL_TIMEOUT_MS;
  const transport = createTransport({
    host,
    port: option(config, "port", "number"),
    secure: option(config, "secure", "boolean") ?? false,
    requireTLS: option(config, "requireTLS", "boolean") ?? false,
    auth: user ? { user, pass } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // nothing in an alert may make the mailer read a file or fetch a URL
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const domain = /@([^@\s>]+)>?\s*$/.exec(from)?.[1] ?? "sitrep.invalid";
  let closed = false;

  async function send(alert: Alert): Promise<void> {
    if (closed) throw new DeliveryError("email", target, "the notifier is closed", true);
    const m = emailMessage(alert);
    try {
      await transport.sendMail({
        from,
        to: target,
        subject: m.subject,
        text: m.text,
        html: m.html,
        // the same on every retry: mail clients and archives can tell a second copy
        messageId: `<${createHash("sha256").update(alert.id).digest("hex").slice(0, 32)}.alert@${domain}>`,
        headers: { "X-Sitrep-Event": "alert", "X-Sitrep-Delivery": deliveryHeader(alert.id) },
        attachments: [{ filename: "alert.json", contentType: "application/json", content: JSON.stringify(alert, null, 2) }],
      });
    } catch (err) {
      const { detail, retryable } = classify(err);
      throw new DeliveryError("email", target, detail, retryable, { cause: err });
    }
  }

  return {
    kind: "email",
    target,
    send,
    async close() {
      closed = true;
      transport.close();
    },
  };
}
