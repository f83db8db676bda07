// The Notifier boundary: one way to hand an alert to a receiver (webhook, e-mail, file), and the error a failed hand-over is.
import type { AddressPolicy, Resolver } from "../sources/address-guard.js";
import type { NotifierConfig, NotifierKind } from "../store/outbox.js";
import type { Alert } from "./alert.js";
import { emailNotifier } from "./notifiers/email.js";
import { fileNotifier } from "./notifiers/file.js";
import { webhookNotifier } from "./notifiers/webhook.js";

export interface Notifier {
  readonly kind: NotifierKind;
  /** Where alerts go, as shown to people (a webhook URL without its query, an address, a path). */
  readonly target: string;
  /** Resolves once the receiver has accepted the alert; else throws DeliveryError. */
  send(alert: Alert): Promise<void>;
  /** Releases connections and handles; the notifier is not used again. */
  close(): Promise<void>;
}

/**
 * A failed hand-over. `retryable`: the same alert may be accepted on a later attempt (a 5xx, a timeout, a full
 * disk); otherwise the receiver refused it for good (a 4xx, a 5xx SMTP reply, a bad configuration).
 */
export class DeliveryError extends Error {
  readonly code = "E_ALERT_DELIVERY";
  /** The receiver asked for this wait before the next attempt (Retry-After). */
  readonly retryAfterMs: number | null;
  constructor(
    readonly kind: NotifierKind,
    readonly target: string,
    readonly detail: string,
    readonly retryable: boolean,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(`${kind} ${target}: ${detail}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options?.retryAfterMs ?? null;
    this.name = "DeliveryError";
  }
}

/** What every notifier may need from the process rather than from its configuration. */
export interface NotifierOptions extends AddressPolicy {
  /** One attempt's deadline (connect, send, answer). */
  timeoutMs?: number;
  /** Replaces the system DNS lookup for webhooks (tests); the address guard still applies. */
  resolve?: Resolver;
}

// The kinds and how each is made; arrows, so that the notifier modules (which import DeliveryError) load in any order.
const KINDS: Record<NotifierKind, (config: NotifierConfig, opts: NotifierOptions) => Notifier> = {
  webhook: (c, o) => webhookNotifier(c, o),
  email: (c, o) => emailNotifier(c, o),
  file: (c) => fileNotifier(c),
};

/** Makes the notifier a configuration describes; a configuration it cannot use is a DeliveryError that is not retryable. */
export function createNotifier(config: NotifierConfig, opts: NotifierOptions = {}): Notifier {
  const make = Object.hasOwn(KINDS, config.kind) ? KINDS[config.kind] : undefined;
  if (!make) throw new DeliveryError(config.kind, config.target, `no notifier of kind ${JSON.stringify(config.kind)}`, false);
  return make(config, opts);
}

/** Reads one option of a notifier's configuration, refusing a wrong type with a message naming it. */
export function option<T extends "string" | "number" | "boolean">(config: NotifierConfig, name: string, type: T, required = false): (T extends "string" ? string : T extends "number" ? number : boolean) | undefined {
  const v = config.options?.[name];
  if (v === undefined || v === null) {
    if (required) throw new DeliveryError(config.kind, config.target, `the option ${name} is required`, false);
    return undefined;
  }
  if (typeof v !== type) throw new DeliveryError(config.kind, config.target, `the option ${name} must be a ${type}, not a ${typeof v}`, false);
  return v as never;
}

/** An alert id as a header value (X-Sitrep-Delivery): printable ASCII kept, anything else (and "%") percent-encoded as UTF-8. */
export function deliveryHeader(id: string): string {
  return id.replace(/[^\x21-\x24\x26-\x7e]/gu, (c) => [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""));
}
