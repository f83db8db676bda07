// The alert outbox boundary: alerts kept once per cause, the notifiers they go to, and each delivery's state.
import type { Alert } from "../monitor/alert.js";

export type NotifierKind = "webhook" | "email" | "file";

/** A configured notifier: where alerts go. `options` holds what its kind needs (secret, SMTP settings, ...). */
export interface NotifierConfig {
  id: number;
  kind: NotifierKind;
  /** The webhook URL, the e-mail address, or the file path. */
  target: string;
  options: Record<string, unknown>;
  createdAt: string;
}

export type DeliveryStatus = "pending" | "delivered" | "dead";

export interface Delivery {
  alert: Alert;
  /** The alert's position in the order raised. */
  alertSeq: number;
  notifier: number;
  status: DeliveryStatus;
  attempts: number;
  /** Epoch ms of the next attempt. */
  nextAt: number;
  lastError: string | null;
  doneAt: string | null;
}

export interface AlertQuery {
  watch?: string;
  /** ISO 8601 lower bound on `at`. */
  since?: string;
  limit?: number;
}

/** Kept by the store: survives restarts, so an undelivered alert is retried and a delivered one never sent again. */
export interface AlertOutbox {
  /** Adds a notifier; one of the same kind and target is kept (its options replaced). It gets the alerts put from now on. */
  addNotifier(n: Omit<NotifierConfig, "id" | "createdAt">): Promise<NotifierConfig>;
  listNotifiers(): Promise<NotifierConfig[]>;
  /** Removes a notifier and its deliveries (pending and dead); false when there was none. */
  removeNotifier(id: number): Promise<boolean>;
  /** Records an alert with one pending delivery per notifier, in one transaction; false (and nothing written) when its id exists. */
  putAlert(alert: Alert): Promise<boolean>;
  /**
   * Records an alert with the deliveries it had in another store (copying a database), in one transaction;
   * false (and nothing written) when its id exists. Each delivery names a notifier of this outbox.
   */
  importAlert(alert: Alert, deliveries: ReadonlyArray<Omit<Delivery, "alert" | "alertSeq">>): Promise<boolean>;
  /** Alerts in the order raised (`seq` ascending). */
  listAlerts(q?: AlertQuery): Promise<Array<Alert & { seq: number }>>;
  /**
   * Pending deliveries due at `now` (epoch ms) that may go now, oldest alert first: only the head of each
   * (watch, notifier) queue, so a later alert of a watch waits while an earlier one to that notifier is still
   * pending (even if the earlier one is backing off); dead and delivered ones do not hold a queue back.
   * With `notifier`, only that notifier's.
   */
  dueDeliveries(now: number, limit?: number, notifier?: number): Promise<Delivery[]>;
  /** Every pending delivery, due or not, held back or not, oldest alert first. */
  pendingDeliveries(): Promise<Delivery[]>;
  /** The receiver accepted it (counts as an attempt); only a pending delivery changes. */
  markDelivered(alertSeq: number, notifier: number, at: string): Promise<void>;
  /** A failed attempt: the next one at `nextAt`, or `dead` after the last retry, with the reason. */
  markFailed(alertSeq: number, notifier: number, f: { attempts: number; nextAt: number; error: string; dead: boolean; at: string }): Promise<void>;
  /** Every delivery (of one alert when given), by alert then notifier. */
  deliveries(alertSeq?: number): Promise<Delivery[]>;
  /** Puts dead deliveries (of one notifier, or all) back to pending with their attempts from zero; returns how many. */
  retryDead(notifier?: number): Promise<number>;
}
