// The SQLite alert outbox: alerts once per cause, notifiers, and one delivery row per alert and notifier.
import type Database from "better-sqlite3";
import type { Alert } from "../../monitor/alert.js";
import type { AlertOutbox, AlertQuery, Delivery, DeliveryStatus, NotifierConfig, NotifierKind } from "../outbox.js";
import { DELIVERY_SELECT, deliveryOf, notifierOf, type Row } from "../rows.js";
import { LazyStatements } from "./lazy-statements.js";



const DELIVERY = DELIVERY_SELECT;

type Imported = ReadonlyArray<Omit<Delivery, "alert" | "alertSeq">>;

interface Prepared {
  st: Record<string, Database.Statement>;
  put: (alert: Alert) => boolean;
  imp: (alert: Alert, deliveries: Imported) => boolean;
  remove: (id: number) => boolean;
}

export class SqliteOutbox extends LazyStatements<Prepared> implements AlertOutbox {
  protected prepare(): Prepared {
    const db = this.db;
    const p = (sql: string) => db.prepare(sql);
    const st = {
      addNotifier: p(`INSERT INTO notifiers (kind, target, options, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (kind, target) DO UPDATE SET options = excluded.options RETURNING *`),
      listNotifiers: p("SELECT * FROM notifiers ORDER BY id"),
      deleteNotifier: p("DELETE FROM notifiers WHERE id = ?"),
      deleteDeliveriesOf: p("DELETE FROM deliveries WHERE notifier = ?"),
      insertAlert: p("INSERT INTO alerts (id, watch, kind, at, record) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
      fanOut: p("INSERT INTO deliveries (alert, notifier, status, attempts, next_at) SELECT ?, id, 'pending', 0, 0 FROM notifiers"),
      // the head of each (watch, notifier) queue of pending deliveries, if it is due
      due: p(`SELECT * FROM (
          SELECT d.alert, d.notifier, d.status, d.attempts, d.next_at, d.last_error, d.done_at, a.record,
            ROW_NUMBER() OVER (PARTITION BY a.watch, d.notifier ORDER BY d.alert) AS place
          FROM deliveries d JOIN alerts a ON a.seq = d.alert WHERE d.status = 'pending' AND (@notifier IS NULL OR d.notifier = @notifier))
        WHERE place = 1 AND next_at <= @now ORDER BY alert, notifier LIMIT @limit`),
      pending: p(`${DELIVERY} WHERE d.status = 'pending' ORDER BY d.alert, d.notifier`),
      delivered: p("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, done_at = ?, next_at = 0 WHERE alert = ? AND notifier = ? AND status = 'pending'"),
      failed: p("UPDATE deliveries SET status = ?, attempts = ?, next_at = ?, last_error = ?, done_at = ? WHERE alert = ? AND notifier = ? AND status = 'pending'"),
      all: p(`${DELIVERY} ORDER BY d.alert, d.notifier`),
      ofAlert: p(`${DELIVERY} WHERE d.alert = ? ORDER BY d.notifier`),
      importDelivery: p("INSERT INTO deliveries (alert, notifier, status, attempts, next_at, last_error, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      retryDead: p("UPDATE deliveries SET status = 'pending', attempts = 0, next_at = 0, done_at = NULL WHERE status = 'dead' AND (@notifier IS NULL OR notifier = @notifier)"),
    };
    const put = db.transaction((alert: Alert) => {
      const r = st.insertAlert.run(alert.id, alert.watch, alert.kind, alert.at, JSON.stringify(alert));
      if (r.changes === 0) return false;
      st.fanOut.run(r.lastInsertRowid);
      return true;
    });
    const imp = db.transaction((alert: Alert, ds: Imported) => {
      const r = st.insertAlert.run(alert.id, alert.watch, alert.kind, alert.at, JSON.stringify(alert));
      if (r.changes === 0) return false;
      for (const d of ds) st.importDelivery.run(r.lastInsertRowid, d.notifier, d.status, d.attempts, d.nextAt, d.lastError, d.doneAt);
      return true;
    });
    // the schema cascades too, but only where foreign keys are on
    const remove = db.transaction((id: number) => {
      st.deleteDeliveriesOf.run(id);
      return st.deleteNotifier.run(id).changes > 0;
    });
    return { st, put: (a) => put.immediate(a), imp: (a, ds) => imp.immediate(a, ds), remove: (id) => remove.immediate(id) };
  }

  async addNotifier(n: Omit<NotifierConfig, "id" | "createdAt">): Promise<NotifierConfig> {
    return notifierOf(this.st.addNotifier.get(n.kind, n.target, JSON.stringify(n.options ?? {}), new Date().toISOString()) as Row);
  }

  async listNotifiers(): Promise<NotifierConfig[]> {
    return (this.st.listNotifiers.all() as Row[]).map(notifierOf);
  }

  async removeNotifier(id: number): Promise<boolean> {
    return this.ready.remove(id);
  }

  async putAlert(alert: Alert): Promise<boolean> {
    return this.ready.put(alert);
  }

  async importAlert(alert: Alert, deliveries: Imported): Promise<boolean> {
    return this.ready.imp(alert, deliveries);
  }

  async listAlerts(q: AlertQuery = {}): Promise<Array<Alert & { seq: number }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.watch != null) {
      where.push("watch = ?");
      params.push(q.watch);
    }
    if (q.since != null) {
      where.push("at >= ?");
      params.push(q.since);
    }
    const sql = `SELECT seq, record FROM alerts ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY seq LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, q.limit ?? -1) as Row[];
    return rows.map((r) => ({ ...(JSON.parse(r.record as string) as Alert), seq: r.seq as number }));
  }

  async dueDeliveries(now: number, limit = 100, notifier?: number): Promise<Delivery[]> {
    return (this.st.due.all({ now, limit, notifier: notifier ?? null }) as Row[]).map(deliveryOf);
  }

  async pendingDeliveries(): Promise<Delivery[]> {
    return (this.st.pending.all() as Row[]).map(deliveryOf);
  }

  async markDelivered(alertSeq: number, notifier: number, at: string): Promise<void> {
    this.st.delivered.run(at, alertSeq, notifier);
  }

  async markFailed(alertSeq: number, notifier: number, f: { attempts: number; nextAt: number; error: string; dead: boolean; at: string }): Promise<void> {
    this.st.failed.run(f.dead ? "dead" : "pending", f.attempts, f.nextAt, f.error, f.dead ? f.at : null, alertSeq, notifier);
  }

  async deliveries(alertSeq?: number): Promise<Delivery[]> {
    return ((alertSeq == null ? this.st.all.all() : this.st.ofAlert.all(alertSeq)) as Row[]).map(deliveryOf);
  }

  async retryDead(notifier?: number): Promise<number> {
    return this.st.retryDead.run({ notifier: notifier ?? null }).changes;
  }
}
