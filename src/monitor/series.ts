// Replays a watch day by day: each day's reading (the weighted intensity of the last WINDOW_DAYS, as known that day), its baseline, index, open threats and level.
import { addDays, dayRange, daysBetween } from "./days.js";
import { BASELINE_DAYS, BASELINE_GAP_DAYS, MIN_BASELINE_DAYS, WINDOW_DAYS, baselineOf, robustZ, type Baseline } from "./escalation.js";
import { nextPosture, type PostureState } from "./posture.js";
import type { DayState } from "./status.js";
import { indexThreats, threatScore, threatsAt } from "./threats.js";
import type { Thresholds } from "./watch.js";
import type { WatchEvent } from "./watch-events.js";

export interface DayDetail extends DayState {
  /** Weighted intensity of the WINDOW_DAYS ending this day. */
  reading: number;
  /** Reports counted in the reading. */
  events: number;
  baseline: Baseline;
  /** True while the watch has fewer than MIN_BASELINE_DAYS of history: no index from intensity yet. */
  forming: boolean;
  /** Index points from open threats. */
  threat: number;
}

/** Days of history a replay needs before its first day. */
export const LEAD_DAYS = BASELINE_DAYS + BASELINE_GAP_DAYS + WINDOW_DAYS;

/**
 * Replays the days from `from` to `to`. On each day only what was reported by then counts (an event's `seen` day),
 * so a backtest never looks ahead. `historyStart` is the first day of data: days before it are not baseline.
 * The level starts at 1 on `warmFrom` (default `from`) and moves by the posture rules from there.
 */
export function replay(events: readonly WatchEvent[], from: string, to: string, th: Thresholds, historyStart: string, warmFrom = from): DayDetail[] {
  const bySeen = [...events].sort((a, b) => (a.seen < b.seen ? -1 : a.seen > b.seen ? 1 : 0));
  const intensity = new Map<string, number>();
  const count = new Map<string, number>();
  let next = 0;
  let posture: PostureState = { level: 1, calm: 0 };
  const out: DayDetail[] = [];
  const start = warmFrom < from ? warmFrom : from;
  const threats = indexThreats(events);
  for (const d of dayRange(start, to)) {
    while (next < bySeen.length && bySeen[next].seen <= d) {
      const e = bySeen[next++];
      intensity.set(e.date, (intensity.get(e.date) ?? 0) + e.weight);
      count.set(e.date, (count.get(e.date) ?? 0) + 1);
    }
    const reading = (k: string) => {
      let s = 0;
      for (let i = 0; i < WINDOW_DAYS; i++) s += intensity.get(addDays(k, -i)) ?? 0;
      return s;
    };
    let reports = 0;
    for (let i = 0; i < WINDOW_DAYS; i++) reports += count.get(addDays(d, -i)) ?? 0;
    // the baseline: readings of the BASELINE_DAYS before the last week, from the first full window of data
    const first = addDays(historyStart, WINDOW_DAYS - 1);
    const lo = addDays(d, -(BASELINE_GAP_DAYS + BASELINE_DAYS));
    const hi = addDays(d, -(BASELINE_GAP_DAYS + 1));
    const days = hi >= first ? dayRange(lo > first ? lo : first, hi) : [];
    const baseline = baselineOf(days.map(reading));
    const forming = baseline.days < MIN_BASELINE_DAYS;
    const now = reading(d);
    // threats as known on d (threatsAt reads only what was seen by then)
    const threat = threatScore(threatsAt(threats, d));
    const index = (forming ? 0 : robustZ(now, baseline)) + threat;
    posture = nextPosture(posture, index, th);
    if (d >= from) out.push({ date: d, intensity: now, reading: now, events: reports, index, level: posture.level, baseline, forming, threat });
  }
  return out;
}

/** "rising", "falling" or "steady": the index now against a week before. */
export function trendOf(series: readonly DayDetail[]): "rising" | "falling" | "steady" {
  if (series.length < 2) return "steady";
  const last = series[series.length - 1];
  const before = series.find((s) => daysBetween(s.date, last.date) <= 7) ?? series[0];
  const diff = last.index - before.index;
  return diff > 1 ? "rising" : diff < -1 ? "falling" : "steady";
}
