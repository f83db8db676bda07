// The SQLite watch store: watches (their definition as JSON), user risk dates, outlet trust, and the dates articles name.
import type Database from "better-sqlite3";
import { SitrepError, problem } from "../../core/problems.js";
import { DEFAULT_THRESHOLDS, type Watch } from "../../monitor/watch.js";
import type { EventQuery } from "../store.js";
import type { RiskMention, UserRiskDate, WatchStore } from "../watches.js";
import { riskDateOf, watchOf, type Row, type WatchDefinition as Definition } from "../rows.js";
import { eventFilter } from "./event-filter.js";
import { LazyStatements } from "./lazy-statements.js";



/**
 * The condition on a named date's own place (the place its sentence names) for a query of area alone (near and/or
 * country); null when the query filters by anything else (an actor, codes, text), which only events can match.
 */
function placeFilter(q: EventQuery): { where: string; params: unknown[] } | null {
  if (!q.near && !q.country?.length) return null;
  if (q.actor || q.root?.length || q.code?.length || q.plover?.length || q.text || q.doc) return null;
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.country?.length) {
    where.push(`d.country IN (${q.country.map(() => "?").join(",")})`);
    params.push(...q.country.map((c) => c.toUpperCase()));
  }
  if (q.near) {
    where.push("d.lat IS NOT NULL AND km(d.lat, d.lon, ?, ?) <= ?");
    params.push(q.near.lat, q.near.lon, q.near.km);
  }
  return { where: where.join(" AND "), params };
}

interface Prepared {
  st: Record<string, Database.Statement>;
  remove: (name: string) => boolean;
}

export class SqliteWatches extends LazyStatements<Prepared> implements WatchStore {
  protected prepare(): Prepared {
    const p = (sql: string) => this.db.prepare(sql);
    const st = {
      // a replaced watch keeps its id (and so its risk dates) and its creation time
      putWatch: p(`INSERT INTO watches (name, definition, created_at) VALUES (?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET definition = excluded.definition RETURNING *`),
      getWatch: p("SELECT * FROM watches WHERE name = ?"),
      listWatches: p("SELECT * FROM watches ORDER BY name"),
      deleteWatch: p("DELETE FROM watches WHERE id = ?"),
      deleteRiskDatesOf: p("DELETE FROM risk_dates WHERE watch = ?"),
      addRiskDate: p("INSERT INTO risk_dates (watch, date, label, yearly) VALUES (?, ?, ?, ?) RETURNING *"),
      listRiskDates: p("SELECT * FROM risk_dates WHERE watch = ? ORDER BY date, id"),
      removeRiskDate: p("DELETE FROM risk_dates WHERE id = ?"),
      setTrust: p("INSERT INTO outlet_trust (outlet, weight) VALUES (?, ?) ON CONFLICT (outlet) DO UPDATE SET outlet = excluded.outlet, weight = excluded.weight"),
      listTrust: p("SELECT outlet, weight FROM outlet_trust ORDER BY outlet"),
    };
    // the schema cascades too, but only where foreign keys are on
    const remove = this.db.transaction((name: string) => {
      const w = st.getWatch.get(name) as Row | undefined;
      if (!w) return false;
      st.deleteRiskDatesOf.run(w.id);
      st.deleteWatch.run(w.id);
      return true;
    });
    return { st, remove: (name) => remove.immediate(name) };
  }

  async putWatch(w: Omit<Watch, "id" | "createdAt">): Promise<Watch> {
    const def: Definition = { place: w.place, radiusKm: w.radiusKm, countries: w.countries, actor: w.actor, thresholds: w.thresholds };
    return watchOf(this.st.putWatch.get(w.name, JSON.stringify(def), new Date().toISOString()) as Row);
  }

  async getWatch(name: string): Promise<Watch | null> {
    const r = this.st.getWatch.get(name) as Row | undefined;
    return r ? watchOf(r) : null;
  }

  async listWatches(): Promise<Watch[]> {
    return (this.st.listWatches.all() as Row[]).map(watchOf);
  }

  async removeWatch(name: string): Promise<boolean> {
    return this.ready.remove(name);
  }

  async addRiskDate(d: Omit<UserRiskDate, "id">): Promise<UserRiskDate> {
    try {
      return riskDateOf(this.st.addRiskDate.get(d.watch, d.date, d.label, d.yearly ? 1 : 0) as Row);
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_FOREIGNKEY") throw new SitrepError(problem("E_WATCH_SPEC", "watch", `no watch with id ${d.watch}`));
      throw e;
    }
  }

  async listRiskDates(watch: number): Promise<UserRiskDate[]> {
    return (this.st.listRiskDates.all(watch) as Row[]).map(riskDateOf);
  }

  async removeRiskDate(id: number): Promise<boolean> {
    return this.st.removeRiskDate.run(id).changes > 0;
  }

  async setTrust(outlet: string, weight: number): Promise<void> {
    if (!outlet.trim()) throw new SitrepError(problem("E_TRUST", "outlet", "the outlet name is empty"));
    if (!(Number.isFinite(weight) && weight >= 0 && weight <= 1)) throw new SitrepError(problem("E_TRUST", outlet, `the weight must be a number from 0 to 1, not ${weight}`));
    this.st.setTrust.run(outlet.trim(), weight);
  }

  async listTrust(): Promise<Array<{ outlet: string; weight: number }>> {
    return (this.st.listTrust.all() as Row[]).map((r) => ({ outlet: r.outlet as string, weight: r.weight as number }));
  }

  async riskMentions(q: EventQuery): Promise<RiskMention[]> {
    // the query's dates bound the named date, not the events'; an article qualifies by an event, or the date by its own place
    const { since, until, limit: _limit, after: _after, ...rest } = q;
    const f = eventFilter(rest);
    const byEvent = `d.article IN (SELECT e.article FROM ${f.from} ${f.where.length ? "WHERE " + f.where.join(" AND ") : ""})`;
    const byPlace = placeFilter(rest);
    const sql = `SELECT d.sentence, d.date, d.role, d.mention, a.doc, a.outlet, a.url, a.published, s.text
      FROM article_dates d JOIN articles a ON a.id = d.article LEFT JOIN sentences s ON s.article = d.article AND s.idx = d.sentence
      WHERE d.date >= ? AND d.date <= ? AND (${byEvent}${byPlace ? ` OR (${byPlace.where})` : ""})
      ORDER BY d.date, a.doc, d.sentence LIMIT ?`;
    const rows = this.db.prepare(sql).all(since ?? "", until ?? "9999-12-31", ...f.params, ...(byPlace?.params ?? []), q.limit ?? -1) as Row[];
    return rows.map((r) => ({
      doc: r.doc as string,
      sentence: r.sentence as number,
      text: (r.text as string) ?? "",
      mention: r.mention as string,
      date: r.date as string,
      role: r.role as RiskMention["role"],
      outlet: (r.outlet as string) ?? null,
      url: (r.url as string) ?? null,
      published: (r.published as string) ?? null,
    }));
  }
}
