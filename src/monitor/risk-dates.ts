// Risk dates ahead of a watch: dates its news names as anniversaries or coming events, anniversaries of its own major past events, and the user's dates.
import type { RiskMention, UserRiskDate } from "../store/watches.js";
import { addDays, daysBetween, sameDayIn } from "./days.js";
import type { RiskDate } from "./status.js";
import type { WatchEvent } from "./watch-events.js";

/** How far ahead risk dates are listed, and how near one must be to raise an alert. */
export const HORIZON_DAYS = 60;
export const ALERT_DAYS = 7;
/** A past event is a trigger whose anniversary matters when it was violent, at the top of the severity scale, and corroborated. */
export const TRIGGER_SEVERITY = 9;
export const TRIGGER_SOURCES = 2;
/** Anniversaries of at most this many past events are listed (the heaviest). */
export const MAX_TRIGGERS = 5;

/** The next day on or after `from` with the month and day of `date` (29 February falls on 28 February in other years). */
export function nextAnniversary(date: string, from: string): string {
  for (let y = Number(from.slice(0, 4)); ; y++) {
    const d = sameDayIn(date, y);
    if (d >= from) return d;
  }
}

export function namedDates(mentions: readonly RiskMention[], at: string): RiskDate[] {
  const to = addDays(at, HORIZON_DAYS);
  const seen = new Set<string>();
  const out: RiskDate[] = [];
  for (const m of mentions) {
    if (m.date < at || m.date > to || (m.published && m.published.slice(0, 10) > at)) continue;
    const key = `${m.date}|${m.mention.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      date: m.date,
      kind: "named",
      reason: `${m.role === "anniversary" ? "an anniversary" : "a coming date"} named in the news: "${m.mention}"`,
      evidence: { event: `${m.doc}#${m.sentence}`, cluster: null, date: m.published?.slice(0, 10) ?? null, code: "", text: m.text, outlets: m.outlet ? [m.outlet] : [], sources: m.outlet ? [m.outlet] : [], url: m.url },
    });
  }
  return out;
}

/** Anniversaries, within the horizon, of the watch's heaviest corroborated violent events of earlier years. */
export function triggerAnniversaries(past: readonly WatchEvent[], at: string): RiskDate[] {
  const to = addDays(at, HORIZON_DAYS);
  const triggers = past
    .filter((e) => e.entry.isViolent && e.severity >= TRIGGER_SEVERITY && new Set(e.evidence.sources).size >= TRIGGER_SOURCES && daysBetween(e.date, at) >= 300)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_TRIGGERS);
  const out: RiskDate[] = [];
  for (const e of triggers) {
    const next = nextAnniversary(e.date, at);
    if (next > to) continue;
    const years = Number(next.slice(0, 4)) - Number(e.date.slice(0, 4));
    out.push({ date: next, kind: "anniversary", reason: `${years} year${years === 1 ? "" : "s"} since ${e.entry.name.toLowerCase()} reported on ${e.date}`, evidence: e.evidence });
  }
  return out;
}

export function userDates(dates: readonly UserRiskDate[], at: string): RiskDate[] {
  const to = addDays(at, HORIZON_DAYS);
  const out: RiskDate[] = [];
  for (const d of dates) {
    const next = d.yearly ? nextAnniversary(d.date, at) : d.date;
    if (next >= at && next <= to) out.push({ date: next, kind: "user", reason: d.label, evidence: null });
  }
  return out;
}

export function sortRiskDates(xs: RiskDate[]): RiskDate[] {
  return xs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)));
}
