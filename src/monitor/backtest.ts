// Backtests a watch: replays its history from the store day by day (no look-ahead) and tells when each level would have been raised, and how many days of warning came before the largest events.
import type { Store } from "../store/store.js";
import { addDays, daysBetween } from "./days.js";
import { loadHistory, storeTrust } from "./evaluate.js";
import { explainDay, heaviest } from "./explain.js";
import { replay, type DayDetail } from "./series.js";
import { LEVEL_NAMES, type Level } from "./status.js";
import { threatsAt } from "./threats.js";
import type { Watch } from "./watch.js";

/** How far back from a large event a raised level counts as warning of it. */
export const WARNING_WINDOW_DAYS = 30;
/** The largest events: the days of highest weighted intensity in the span. */
export const LARGEST_DAYS = 3;

export interface BacktestReport {
  watch: string;
  from: string;
  to: string;
  days: Array<Pick<DayDetail, "date" | "reading" | "events" | "index" | "level" | "forming">>;
  changes: Array<{ date: string; from: Level; to: Level; why: string[] }>;
  /** First day at each level or above (null if never). */
  firstAt: Record<2 | 3 | 4, string | null>;
  largest: Array<{ date: string; intensity: number; reports: string[]; warning: { level: Level; since: string; days: number } | null }>;
}

export async function backtest(store: Store, w: Watch, from: string, to: string): Promise<BacktestReport> {
  const trust = await storeTrust(store);
  const h = await loadHistory(store, w, from, to, trust);
  const days = replay(h.events, from, to, w.thresholds, h.historyStart);
  const changes: BacktestReport["changes"] = [];
  for (let i = 1; i < days.length; i++) {
    if (days[i].level === days[i - 1].level) continue;
    changes.push({ date: days[i].date, from: days[i - 1].level, to: days[i].level, why: explainDay(days[i], h.events, threatsAt(h.events, days[i].date), w.thresholds) });
  }
  const firstAt = (l: Level) => days.find((d) => d.level >= l)?.date ?? null;
  // a day's own intensity (not the window's): the events dated that day, as finally reported
  const own = new Map<string, number>();
  for (const e of h.events) if (e.date >= from && e.date <= to) own.set(e.date, (own.get(e.date) ?? 0) + e.weight);
  const largest = [...own]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LARGEST_DAYS)
    .map(([date, intensity]) => {
      // the highest level held in the warning window before the day, and since when
      const before = days.filter((d) => d.date < date && d.date >= addDays(date, -WARNING_WINDOW_DAYS));
      const top = before.reduce<Level>((m, d) => (d.level > m ? d.level : m), 1);
      const since = top > 1 ? before.find((d) => d.level === top)!.date : null;
      return {
        date,
        intensity,
        reports: heaviest(h.events.filter((e) => e.date === date), date, 2).map((e) => e.evidence.text),
        warning: since ? { level: top, since, days: daysBetween(since, date) } : null,
      };
    });
  return {
    watch: w.name,
    from,
    to,
    days: days.map(({ date, reading, events, index, level, forming }) => ({ date, reading, events, index, level, forming })),
    changes,
    firstAt: { 2: firstAt(2), 3: firstAt(3), 4: firstAt(4) },
    largest,
  };
}

export function formatBacktest(r: BacktestReport): string {
  const lines = [`Backtest of ${r.watch}, ${r.from} to ${r.to} (replayed day by day from the store; only what was reported by each day counts)`];
  for (const l of [2, 3, 4] as const) lines.push(`  first at level ${l} (${LEVEL_NAMES[l]}) or above: ${r.firstAt[l] ?? "never"}`);
  lines.push("", "Level changes:");
  if (!r.changes.length) lines.push("  none: level 1 throughout");
  for (const c of r.changes) {
    lines.push(`  ${c.date}: ${c.from} → ${c.to} (${LEVEL_NAMES[c.to]})`);
    if (c.to > c.from) for (const w of c.why.slice(1, 5)) lines.push(`      ${w}`);
  }
  lines.push("", "Largest events (days of highest reported intensity) and the warning before them:");
  for (const x of r.largest)
    lines.push(
      `  ${x.date}: intensity ${x.intensity.toFixed(1)} — ${x.warning ? `level ${x.warning.level} since ${x.warning.since}, ${x.warning.days} day${x.warning.days === 1 ? "" : "s"} of warning` : "no raised level in the 30 days before"}` +
        (x.reports[0] ? `\n      e.g. "${x.reports[0].slice(0, 160)}"` : ""),
    );
  return lines.join("\n");
}
