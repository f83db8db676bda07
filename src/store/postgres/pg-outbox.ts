// The PostgreSQL alert outbox: alerts once per cause, notifiers, and one delivery row per alert and notifier.
import type pg from "pg";
import type { Alert } from "../../monitor/alert.js";
import type { AlertOutbox, AlertQuery, Delivery, DeliveryStatus, NotifierConfig, NotifierKind } from "../outbox.js";
import { DELIVERY_SELECT, deliveryOf, notifierOf, type Row } from "../rows.js";
import { inTransaction } from "./pg-tx.js";



const DELIVERY = DELIVERY_SELECT;

export class PgOutbox implements AlertOutbox {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async addNotifier(n: Omit<NotifierConfig, "id" | "createdAt">): Promise<NotifierConfig> {
    const [r] = await this.rows(
      `INSERT INTO notifiers (kind, target, options, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, target) DO UPDATE SET options = excluded.options RETURNING *`,
      [n.kind, n.target, JSON.stringify(n.options ?? {}), new Date().toISOString()],
    );
    return notifierOf(r);
  }

  async listNotifiers(): Promise<NotifierConfig[]> {
    return (await this.rows("SELECT * FROM notifiers ORDER BY id")).map(notifierOf);
  }

  async removeNotifier(id: number): Promise<boolean> {
    // deliveries go with it (ON DELETE CASCADE)
    return ((await this.pool.query("DELETE FROM notifiers WHERE id = $1", [id])).rowCount ?? 0) > 0;
  }

  async putAlert(alert: Alert): Promise<boolean> {
    // one statement: the alert and its fan-out to every notifier, or nothing when its id exists
    const [r] = await this.rows(
      `WITH a AS (INSERT INTO alerts (id, watch, kind, at, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING seq),
            d AS (INSERT INTO deliveries (alert, notifier, status, attempts, next_at) SELECT a.seq, n.id, 'pending', 0, 0 FROM a CROSS JOIN notifiers n)
       SELECT COUNT(*) AS n FROM a`,
      [alert.id, alert.watch, alert.kind, alert.at, JSON.stringify(alert)],
    );
    return (r.n as number) > 0;
  }

  async importAlert(alert: Alert, deliveries: ReadonlyArray<Omit<Delivery, "alert" | "alertSeq">>): Promise<boolean> {
    return inTransaction(this.pool, async (c) => {
      const r = await c.query<{ seq: number }>("INSERT INTO alerts (id, watch, kind, at, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING seq", [
        alert.id,
        alert.watch,
        alert.kind,
        alert.at,
        JSON.stringify(alert),
      ]);
      if (!r.rows.length) return false;
      const ds = deliveries;
      await c.query(
        `INSERT INTO deliveries (alert, notifier, status, attempts, next_at, last_error, done_at)
         SELECT $1::bigint, * FROM unnest($2::bigint[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::text[])`,
        [r.rows[0].seq, ds.map((d) => d.notifier), ds.map((d) => d.status), ds.map((d) => d.attempts), ds.map((d) => d.nextAt), ds.map((d) => d.lastError), ds.map((d) => d.doneAt)],
      );
      return true;
    });
  }

  async listAlerts(q: AlertQuery = {}): Promise<Array<Alert & { seq: number }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.watch != null) where.push(`watch = $${params.push(q.watch)}`);
    if (q.since != null) where.push(`at >= $${params.push(q.since)}`);
    const sql = `SELECT seq, record FROM alerts ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY seq LIMIT $${params.push(q.limit ?? null)}`;
    return (await this.rows(sql, params)).map((r) => ({ ...(JSON.parse(r.record as string) as Alert), seq: r.seq as number }));
  }

  async dueDeliveries(now: number, limit = 100, notifier?: number): Promise<Delivery[]> {
    // the head of each (watch, notifier) queue of pending deliveries, if it is due
    const rows = await this.rows(
      `SELECT * FROM (
          SELECT d.alert, d.notifier, d.status, d.attempts, d.next_at, d.last_error, d.done_at, a.record,
            ROW_NUMBER() OVER (PARTITION BY a.watch, d.notifier ORDER BY d.alert) AS place
          FROM deliveries d JOIN alerts a ON a.seq = d.alert WHERE d.status = 'pending' AND ($1::bigint IS NULL OR d.notifier = $1::bigint)) q
        WHERE place = 1 AND next_at <= $2 ORDER BY alert, notifier LIMIT $3`,
      [notifier ?? null, now, limit],
    );
    return rows.map(deliveryOf);
  }

  async pendingDeliveries(): Promise<Delivery[]> {
    return (await this.rows(`${DELIVERY} WHERE d.status = 'pending' ORDER BY d.alert, d.notifier`)).map(deliveryOf);
  }

  async markDelivered(alertSeq: number, notifier: number, at: string): Promise<void> {
    await this.pool.query("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, done_at = $1, next_at = 0 WHERE alert = $2 AND notifier = $3 AND status = 'pending'", [at, alertSeq, notifier]);
  }

  async markFailed(alertSeq: number, notifier: number, f: { attempts: number; nextAt: number; error: string; dead: boolean; at: string }): Promise<void> {
    await this.pool.query("UPDATE deliveries SET status = $1, attempts = $2, next_at = $3, last_error = $4, done_at = $5 WHERE alert = $6 AND notifier = $7 AND status = 'pending'", [
      f.dead ? "dead" : "pending",
      f.attempts,
      f.nextAt,
      f.error,
      f.dead ? f.at : null,
      alertSeq,
      notifier,
    ]);
  }

  async deliveries(alertSeq?: number): Promise<Delivery[]> {
    const rows = alertSeq == null ? await this.rows(`${DELIVERY} ORDER BY d.alert, d.notifier`) : await this.rows(`${DELIVERY} WHERE d.alert = $1 ORDER BY d.notifier`, [alertSeq]);
    return rows.map(deliveryOf);
  }

  async retryDead(notifier?: number): Promise<number> {
    const r = await this.pool.query("UPDATE deliveries SET status = 'pending', attempts = 0, next_at = 0, done_at = NULL WHERE status = 'dead' AND ($1::bigint IS NULL OR notifier = $1::bigint)", [notifier ?? null]);
    return r.rowCount ?? 0;
  }
}
