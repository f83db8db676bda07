// The dispatcher: hands due deliveries from the outbox to their notifiers, in order per watch, with backoff and dead letters.
import type { AlertOutbox, Delivery, NotifierConfig } from "../store/outbox.js";
import { DeliveryError, type Notifier } from "./notifier.js";

/** A delivery problem as data, shaped like core/problems' Problem: where = "notifier <id> (<kind> <target>)". */
export interface DeliveryProblem {
  /** W_ALERT_RETRY: an attempt failed, another is due later; W_ALERT_DEAD: given up, the dead letter keeps the reason; W_ALERT_DISPATCH: a run failed (the outbox). */
  code: "W_ALERT_RETRY" | "W_ALERT_DEAD" | "W_ALERT_DISPATCH";
  where: string;
  message: string;
}

export interface DispatcherOptions {
  /** Attempts per delivery before it is dead (default 8). */
  maxAttempts?: number;
  /** Wait after the n-th failed attempt (n from 1); default defaultBackoffMs. */
  backoffMs?: (attempt: number) => number;
  /** Epoch ms (tests replace the clock). */
  now?: () => number;
  /** Deliveries taken from the outbox at a time (default 100). */
  batch?: number;
  /** Told of each problem; by default each is a warning line on stderr (never silent). */
  onProblem?: (p: DeliveryProblem) => void;
}

export interface DispatchReport {
  delivered: number;
  /** Failed attempts that will be tried again. */
  failed: number;
  /** Deliveries given up on in this run. */
  dead: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * Exponential backoff from 1 s, ×4 per attempt, capped at 1 h, with jitter (a random half of the step), so that
 * eight attempts span about an hour and a half and receivers that fail together are not retried together.
 */
export function defaultBackoffMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 4 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

// A webhook's query often carries a token: left out of messages, as the webhook notifier does.
const shown = (c: NotifierConfig) => (c.kind === "webhook" ? c.target.replace(/[?#].*$/, "") : c.target);
const describe = (c: NotifierConfig) => `notifier ${c.id} (${c.kind} ${shown(c)})`;

/**
 * Delivers each pending (alert, notifier) once: the outbox's due deliveries are the head of each (watch, notifier)
 * queue, so a later alert of a watch is never sent to a notifier before an earlier one is delivered or dead.
 * A delivery is marked delivered right after its receiver accepted it; a crash between the two sends it again
 * on the next run (receivers dedupe on the alert id: X-Sitrep-Delivery, Message-ID). Notifiers run side by side,
 * each one delivery at a time; after a failure that may pass, a notifier rests until the next run. Runs never
 * overlap (runOnce waits for the one in progress), and one process should run one dispatcher per outbox.
 */
export class Dispatcher {
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly now: () => number;
  private readonly batch: number;
  private readonly onProblem: (p: DeliveryProblem) => void;
  private readonly live = new Map<number, { shape: string; notifier: Notifier }>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopping = false;

  constructor(
    private readonly outbox: AlertOutbox,
    private readonly notifiers: (c: NotifierConfig) => Notifier,
    opts: DispatcherOptions = {},
  ) {
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.backoffMs = opts.backoffMs ?? ((n) => defaultBackoffMs(n));
    this.now = opts.now ?? Date.now;
    this.batch = opts.batch ?? 100;
    this.onProblem = opts.onProblem ?? ((p) => void process.stderr.write(`${p.where}: warning ${p.code}: ${p.message}\n`));
  }

  /** Delivers everything due now (and what becomes due as earlier alerts go out); a failed delivery waits for a later run. */
  runOnce(): Promise<DispatchReport> {
    const run = this.chain.then(() => this.pass());
    this.chain = run.catch(() => {});
    return run;
  }

  /** Runs every `intervalMs` (the next run starts that long after the last one ended) until stop(). */
  start(intervalMs: number): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    const tick = async () => {
      this.timer = null;
      try {
        await this.runOnce();
      } catch (err) {
        this.onProblem({ code: "W_ALERT_DISPATCH", where: "outbox", message: `alert delivery run failed; retried in ${intervalMs} ms: ${(err as Error).message}` });
      }
      if (this.running) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the timer, lets the delivery in progress finish (the rest stay pending), and closes the notifiers. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
    const open = [...this.live.values()];
    this.live.clear();
    await Promise.allSettled(open.map((l) => l.notifier.close()));
    this.stopping = false;
  }

  private async pass(): Promise<DispatchReport> {
    const report: DispatchReport = { delivered: 0, failed: 0, dead: 0 };
    const configs = await this.outbox.listNotifiers();
    await this.prune(new Set(configs.map((c) => c.id)));
    // one lane per notifier, side by side: a slow or failing receiver does not hold up the others
    const settled = await Promise.allSettled(configs.map((c) => this.lane(c, report)));
    const broken = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (broken) throw broken.reason;
    return report;
  }

  // Delivers one notifier's due deliveries, one at a time, until none is due or the receiver fails in a way that may pass.
  private async lane(config: NotifierConfig, report: DispatchReport): Promise<void> {
    // failed in this run: not tried again before the next
    const tried = new Set<number>();
    let notifier: Notifier | null = null;
    while (!this.stopping) {
      const due = (await this.outbox.dueDeliveries(this.now(), this.batch, config.id)).filter((d) => !tried.has(d.alertSeq));
      if (!due.length) return;
      for (const d of due) {
        if (this.stopping) return;
        try {
          notifier ??= this.notifierFor(config);
          await notifier.send(d.alert);
        } catch (err) {
          tried.add(d.alertSeq);
          const retryable = await this.failed(d, config, err, report);
          // a receiver that is down is tried once per run, not once per watch
          if (retryable) return;
          continue;
        }
        await this.outbox.markDelivered(d.alertSeq, d.notifier, new Date(this.now()).toISOString());
        report.delivered++;
      }
    }
  }

  // Records a failed attempt (retry later, or a dead letter) and tells of it; true when it will be retried.
  private async failed(d: Delivery, config: NotifierConfig, err: unknown, report: DispatchReport): Promise<boolean> {
    const e = err instanceof DeliveryError ? err : new DeliveryError(config.kind, shown(config), err instanceof Error ? err.message : String(err), true, { cause: err });
    const attempts = d.attempts + 1;
    const dead = !e.retryable || attempts >= this.maxAttempts;
    const now = this.now();
    const wait = Math.max(this.backoffMs(attempts), Math.min(e.retryAfterMs ?? 0, MAX_BACKOFF_MS));
    const why = dead ? `${e.message} (${e.retryable ? `gave up after ${attempts} attempts` : "refused; not retried"})` : e.message;
    await this.outbox.markFailed(d.alertSeq, d.notifier, { attempts, nextAt: dead ? now : now + wait, error: why, dead, at: new Date(now).toISOString() });
    if (dead) report.dead++;
    else report.failed++;
    this.onProblem(
      dead
        ? { code: "W_ALERT_DEAD", where: describe(config), message: `alert ${d.alert.id} was not delivered: ${why}` }
        : { code: "W_ALERT_RETRY", where: describe(config), message: `alert ${d.alert.id}, attempt ${attempts} of ${this.maxAttempts} failed, next in ${Math.round(wait / 1000)} s: ${e.message}` },
    );
    return !dead;
  }

  // One notifier per configuration, made anew when its configuration changes.
  private notifierFor(config: NotifierConfig): Notifier {
    const shape = JSON.stringify([config.kind, config.target, config.options]);
    const have = this.live.get(config.id);
    if (have?.shape === shape) return have.notifier;
    if (have) void have.notifier.close().catch(() => {});
    this.live.delete(config.id);
    const notifier = this.notifiers(config);
    this.live.set(config.id, { shape, notifier });
    return notifier;
  }

  // Closes the notifiers of configurations that are gone.
  private async prune(ids: Set<number>): Promise<void> {
    for (const [id, l] of this.live) {
      if (ids.has(id)) continue;
      this.live.delete(id);
      await l.notifier.close().catch(() => {});
    }
  }
}
