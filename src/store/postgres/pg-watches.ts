// The PostgreSQL watch store: watches (their definition as JSON), user risk dates, outlet trust, and the dates articles name.
import type pg from "pg";
import { SitrepError, problem } from "../../core/problems.js";
import { DEFAULT_THRESHOLDS, type Watch } from "../../monitor/watch.js";
import type { EventQuery } from "../store.js";
import type { RiskMention, UserRiskDate, WatchStore } from "../watches.js";
import { riskDateOf, watchOf, type Row, type WatchDefinition as Definition } from "../rows.js";
import { eventFilter, kmSql } from "./event-filter.js";
import { fromPgText } from "./nul-text.js";
import { Params } from "./params.js";



/**
 * The condition on a named date's own place (the place its sentence names) for a query of area alone (near and/or
 * country); null when the query filters by anything else (an actor, codes, text), which only events can match.
 */
function placeFilter(q: EventQuery, p: Params): string | null {
  if (!q.near && !q.country?.length) return null;
  if (q.actor || q.root?.length || q.code?.length || q.plover?.length || q.text || q.doc) return null;
  const where: string[] = [];
  if (q.country?.length) where.push(`d.country IN (${p.list(q.country.map((c) => c.toUpperCase()))})`);
  if (q.near) where.push(`d.lat IS NOT NULL AND d.lon IS NOT NULL AND ${kmSql("d.lat", "d.lon", p.add(q.near.lat), p.add(q.near.lon))} <= ${p.add(q.near.km)}`);
  return where.join(" AND ");
}

export class PgWatches implements WatchStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async putWatch(w: Omit<Watch, "id" | "createdAt">): Promise<Watch> {
    const def: Definition = { place: w.place, radiusKm: w.radiusKm, countries: w.countries, actor: w.actor, thresholds: w.thresholds };
    // a replaced watch keeps its id (and so its risk dates) and its creation time
    const [r] = await this.rows("INSERT INTO watches (name, definition, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET definition = excluded.definition RETURNING *", [
      w.name,
      JSON.stringify(def),
      new Date().toISOString(),
    ]);
    return watchOf(r);
  }

  async getWatch(name: string): Promise<Watch | null> {
    const [r] = await this.rows("SELECT * FROM watches WHERE name = $1", [name]);
    return r ? watchOf(r) : null;
  }

  async listWatches(): Promise<Watch[]> {
    return (await this.rows("SELECT * FROM watches ORDER BY name")).map(watchOf);
  }

  async removeWatch(name: string): Promise<boolean> {
    // its risk dates go with it (ON DELETE CASCADE)
    return ((await this.pool.query("DELETE FROM watches WHERE name = $1", [name])).rowCount ?? 0) > 0;
  }

  async addRiskDate(d: Omit<UserRiskDate, "id">): Promise<UserRiskDate> {
    try {
      const [r] = await this.rows("INSERT INTO risk_dates (watch, date, label, yearly) VALUES ($1, $2, $3, $4) RETURNING *", [d.watch, d.date, d.label, d.yearly]);
      return riskDateOf(r);
    } catch (e) {
      if ((e as { code?: string }).code === "23503") throw new SitrepError(problem("E_WATCH_SPEC", "watch", `no watch with id ${d.watch}`));
      throw e;
    }
  }

  async listRiskDates(watch: number): Promise<UserRiskDate[]> {
    return (await this.rows("SELECT * FROM risk_dates WHERE watch = $1 ORDER BY date, id", [watch])).map(riskDateOf);
  }

  async removeRiskDate(id: number): Promise<boolean> {
    return ((await this.pool.query("DELETE FROM risk_dates WHERE id = $1", [id])).rowCount ?? 0) > 0;
  }

  async setTrust(outlet: string, weight: number): Promise<void> {
    if (!outlet.trim()) throw new SitrepError(problem("E_TRUST", "outlet", "the outlet name is empty"));
    if (!(Number.isFinite(weight) && weight >= 0 && weight <= 1)) throw new SitrepError(problem("E_TRUST", outlet, `the weight must be a number from 0 to 1, not ${weight}`));
    await this.pool.query("INSERT INTO outlet_trust (outlet, weight) VALUES ($1, $2) ON CONFLICT (lower(outlet)) DO UPDATE SET outlet = excluded.outlet, weight = excluded.weight", [outlet.trim(), weight]);
  }

  async listTrust(): Promise<Array<{ outlet: string; weight: number }>> {
    return (await this.rows('SELECT outlet, weight FROM outlet_trust ORDER BY lower(outlet) COLLATE "C"')).map((r) => ({ outlet: r.outlet as string, weight: r.weight as number }));
  }

  async riskMentions(q: EventQuery): Promise<RiskMention[]> {
    // the query's dates bound the named date, not the events'; an article qualifies by an event, or the date by its own place
    const { since, until, limit: _limit, after: _after, ...rest } = q;
    const p = new Params();
    const lo = p.add(since ?? "");
    const hi = p.add(until ?? "9999-12-31");
    const f = eventFilter(rest, p);
    const byEvent = `d.article IN (SELECT e.article FROM ${f.from} ${f.where.length ? "WHERE " + f.where.join(" AND ") : ""})`;
    const byPlace = placeFilter(rest, p);
    const sql = `SELECT d.sentence, d.date, d.role, d.mention, a.doc, a.outlet, a.url, a.published, s.text
      FROM article_dates d JOIN articles a ON a.id = d.article LEFT JOIN sentences s ON s.article = d.article AND s.idx = d.sentence
      WHERE d.date >= ${lo} AND d.date <= ${hi} AND (${byEvent}${byPlace ? ` OR (${byPlace})` : ""})
      ORDER BY d.date, a.doc, d.sentence LIMIT ${p.add(q.limit ?? null)}`;
    return (await this.rows(sql, p.values)).map((r) => ({
      doc: r.doc as string,
      sentence: r.sentence as number,
      text: fromPgText((r.text as string) ?? ""),
      mention: fromPgText(r.mention as string),
      date: r.date as string,
      role: r.role as RiskMention["role"],
      outlet: (r.outlet as string) ?? null,
      url: (r.url as string) ?? null,
      published: (r.published as string) ?? null,
    }));
  }
}
