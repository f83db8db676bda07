// The watch step that ingest and `sitrep watch run` share: evaluate every watch as of a day, then deliver once.
import type { Store } from "../store/store.js";
import type { Alert } from "./alert.js";
import { Dispatcher, type DispatcherOptions, type DispatchReport } from "./dispatcher.js";
import { runWatches } from "./evaluate.js";
import { createNotifier, type NotifierOptions } from "./notifier.js";

export interface WatchStepReport {
  /** The day evaluated, YYYY-MM-DD. */
  at: string;
  evaluated: number;
  /** Alerts raised by this step (new causes only). */
  alerts: Alert[];
  delivery: DispatchReport;
}

/** Evaluates and delivers; one stepper per store, its runs never overlap. */
export interface WatchStepper {
  /** Evaluates every watch as of `at` (default: today, UTC), then hands due alerts to the notifiers once; null when there is no watch. */
  run(at?: string): Promise<WatchStepReport | null>;
  /** Lets a delivery in progress finish and closes the notifiers. */
  close(): Promise<void>;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function watchStepper(store: Store, opts: DispatcherOptions & NotifierOptions = {}): WatchStepper {
  // made on the first run that has watches: a store without watches never opens a notifier
  let dispatcher: Dispatcher | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  const step = async (at: string): Promise<WatchStepReport | null> => {
    // the articles of an open write group are committed before alerts are made from them and delivered
    await store.flush?.();
    if (!(await store.watches.listWatches()).length) return null;
    const { evaluated, alerts } = await runWatches(store, at);
    dispatcher ??= new Dispatcher(store.outbox, (c) => createNotifier(c, opts), opts);
    const delivery = await dispatcher.runOnce();
    return { at, evaluated, alerts, delivery };
  };
  return {
    run(at = todayUtc()) {
      const r = chain.then(() => step(at));
      chain = r.catch(() => {});
      return r;
    },
    async close() {
      await chain;
      await dispatcher?.stop();
    },
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 watches evaluated, 1 new alert, 1 delivered" (and the retries and failures, when there are any). */
export function summarizeStep(r: WatchStepReport): string {
  const d = r.delivery;
  return [
    `${plural(r.evaluated, "watch", "watches")} evaluated`,
    plural(r.alerts.length, "new alert"),
    `${d.delivered} delivered`,
    ...(d.failed ? [`${d.failed} to retry`] : []),
    ...(d.dead ? [`${d.dead} not delivered (given up)`] : []),
  ].join(", ");
}
