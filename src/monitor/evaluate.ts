// Evaluates a watch as of a day: its series, level, threats and risk dates, and the alerts due (level changes, new corroborated violence, near risk dates).
import { createHash } from "node:crypto";
import { repoPath } from "../core/paths.js";
import type { Problem } from "../core/problems.js";
import { loadWireAgencies } from "../dedup/origin.js";
import { readRows } from "../lexicon/read-lines.js";
import { loadOntology } from "../ontology/ontology.js";
import type { Store } from "../store/store.js";
import type { Alert } from "./alert.js";
import { addDays, sameDayIn } from "./days.js";
import { severity, trustOf } from "./escalation.js";
import { cite, explainDay, heaviest } from "./explain.js";
import { ALERT_DAYS, HORIZON_DAYS, TRIGGER_SEVERITY, namedDates, sortRiskDates, triggerAnniversaries, userDates } from "./risk-dates.js";
import { LEAD_DAYS, replay, trendOf, type DayDetail } from "./series.js";
import { LEVEL_NAMES, type WatchStatus } from "./status.js";
import { threatsAt } from "./threats.js";
import { watchQuery, type Watch } from "./watch.js";
import { loadWatchEvents, type WatchEvent } from "./watch-events.js";

/** Days replayed before `at` so that the level carries its history (hysteresis), and the series shown. */
export const REPLAY_DAYS = 30;
/** Level changes and new events this many days before `at` still raise their alert (a watch run skipped a day). */
export const ALERT_LOOKBACK_DAYS = 3;
/** Independent sources that make a violent report corroborated. */
export const CORROBORATED_SOURCES = 2;
/** Past years searched for trigger events whose anniversaries matter. */
export const TRIGGER_YEARS = 5;

const alertId = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

/** The trust function of a store: its users' weights, wire agencies, and the default. */
export async function storeTrust(store: Store): Promise<(source: string) => number> {
  const wire = loadWireAgencies();
  const weights = new Map([...defaultTrust(), ...(await store.watches.listTrust()).map((t) => [t.outlet, t.weight] as [string, number])]);
  return trustOf(weights, (s) => wire.canonical(s) !== null);
}

const shippedTrust = new Map<string, Array<[string, number]>>();

/** The shipped trust weights (src/lexicon/data/outlet-trust.tsv), which a user's own weights override; read once. */
export function defaultTrust(path = repoPath("src/lexicon/data/outlet-trust.tsv")): Array<[string, number]> {
  const known = shippedTrust.get(path);
  if (known) return known;
  const problems: Problem[] = [];
  const out: Array<[string, number]> = [];
  for (const r of readRows(path, 2, problems)) {
    const w = Number(r.fields[1]);
    if (Number.isFinite(w) && w >= 0 && w <= 1) out.push([r.fields[0], w]);
  }
  shippedTrust.set(path, out);
  return out;
}

/** What the evaluation of one watch over a span of days works from. */
export interface WatchHistory {
  events: WatchEvent[];
  historyStart: string;
}

export async function loadHistory(store: Store, w: Watch, from: string, to: string, trust: (s: string) => number): Promise<WatchHistory> {
  const since = addDays(from, -LEAD_DAYS);
  const events = await loadWatchEvents(store, w, since, to, trust);
  return { events, historyStart: events.length ? events[0].date : since };
}

function levelAlerts(w: Watch, days: readonly DayDetail[], h: WatchHistory, from: string): Alert[] {
  const out: Alert[] = [];
  for (let i = 1; i < days.length; i++) {
    const [prev, d] = [days[i - 1], days[i]];
    if (d.level === prev.level || d.date < from) continue;
    const threats = threatsAt(h.events, d.date);
    const why = explainDay(d, h.events, threats, w.thresholds);
    out.push({
      id: alertId(w.name, "level", d.date, String(prev.level), String(d.level)),
      watch: w.name,
      kind: "level",
      at: d.date,
      level: d.level,
      previousLevel: prev.level,
      title: `${w.name}: level ${prev.level} → ${d.level} (${LEVEL_NAMES[d.level]})`,
      summary: why.join("\n"),
      evidence: heaviest(h.events, d.date).map((e) => e.evidence),
    });
  }
  return out;
}

function eventAlerts(w: Watch, h: WatchHistory, from: string, at: string, level: DayDetail["level"]): Alert[] {
  return h.events
    .filter((e) => e.entry.isViolent && e.date >= from && e.date <= at && e.seen <= at && new Set(e.evidence.sources).size >= CORROBORATED_SOURCES)
    .map((e) => ({
      id: alertId(w.name, "event", e.cluster != null ? `c${e.cluster}` : e.evidence.event),
      watch: w.name,
      kind: "event" as const,
      at,
      level,
      previousLevel: null,
      title: `${w.name}: ${e.entry.name.toLowerCase()} reported by ${new Set(e.evidence.sources).size} independent sources (${e.date})`,
      summary: `A violent event inside the watch, reported (not verified) by ${e.evidence.outlets.length} outlet(s): ${cite(e.evidence)}`,
      evidence: [e.evidence],
    }));
}

/** The watch as of `at` (YYYY-MM-DD): its status, and every alert its state calls for (stable ids: the outbox keeps each once). */
export async function evaluateWatch(store: Store, w: Watch, at: string): Promise<{ status: WatchStatus; alerts: Alert[] }> {
  const trust = await storeTrust(store);
  const from = addDays(at, -REPLAY_DAYS);
  const h = await loadHistory(store, w, from, at, trust);
  const days = replay(h.events, from, at, w.thresholds, h.historyStart);
  const today = days[days.length - 1];
  const threats = threatsAt(h.events, at);
  // only the codes that can be trigger events (by the ontology's properties) are read from earlier years
  const triggerCodes = loadOntology().codes().filter((c) => c.isViolent && severity(c) >= TRIGGER_SEVERITY).map((c) => c.code);
  // and only the days whose anniversaries fall in the horizon: the same weeks of each earlier year
  const past: WatchEvent[] = [];
  for (let y = 1; y <= TRIGGER_YEARS; y++) past.push(...(await loadWatchEvents(store, w, sameDayIn(at, Number(at.slice(0, 4)) - y), sameDayIn(addDays(at, HORIZON_DAYS), Number(at.slice(0, 4)) - y), trust, triggerCodes)));
  const mentions = await store.watches.riskMentions({ ...watchQuery(w), since: at, until: addDays(at, HORIZON_DAYS) });
  const riskDates = sortRiskDates([...namedDates(mentions, at), ...triggerAnniversaries(past, at), ...userDates(await store.watches.listRiskDates(w.id), at)]);
  const why = explainDay(today, h.events, threats, w.thresholds);
  const trend = trendOf(days);
  const week = days.find((d) => d.date >= addDays(at, -7));
  why.push(`Trend: ${trend}${week ? ` (index ${week.index.toFixed(1)} on ${week.date})` : ""}.`);
  if (riskDates.length) why.push(`${riskDates.length} risk date${riskDates.length === 1 ? "" : "s"} in the next ${HORIZON_DAYS} days, the first ${riskDates[0].date}: ${riskDates[0].reason}.`);
  const status: WatchStatus = {
    watch: w.name,
    at,
    level: today.level,
    levelName: LEVEL_NAMES[today.level],
    index: today.index,
    trend,
    baseline: { median: today.baseline.median, mad: today.baseline.mad, days: today.baseline.days },
    openThreats: threats.filter((t) => t.status !== "expired").map(({ credibility: _c, ...t }) => t),
    riskDates,
    why,
    evidence: heaviest(h.events, at).map((e) => e.evidence),
    series: days.map((d) => ({ date: d.date, intensity: d.intensity, index: d.index, level: d.level })),
  };
  const lookback = addDays(at, -ALERT_LOOKBACK_DAYS);
  const alerts: Alert[] = [...levelAlerts(w, days, h, lookback), ...eventAlerts(w, h, lookback, at, today.level)];
  for (const r of riskDates.filter((r) => r.date <= addDays(at, ALERT_DAYS))) {
    alerts.push({
      id: alertId(w.name, "risk-date", r.date, r.reason),
      watch: w.name,
      kind: "risk-date",
      at,
      level: today.level,
      previousLevel: null,
      title: `${w.name}: risk date ${r.date} — ${r.reason}`,
      summary: `A risk date within ${ALERT_DAYS} days (${r.kind === "user" ? "entered by a user" : r.kind === "named" ? "named in a reported article" : "the anniversary of a reported event"}): ${r.reason}.${r.evidence ? ` ${cite(r.evidence)}` : ""}`,
      evidence: r.evidence ? [r.evidence] : [],
    });
  }
  return { status, alerts };
}

/** Evaluates every watch as of `at` and puts new alerts into the store's outbox; returns the alerts that were new. */
export async function runWatches(store: Store, at: string): Promise<{ evaluated: number; alerts: Alert[] }> {
  const watches = await store.watches.listWatches();
  const fresh: Alert[] = [];
  for (const w of watches) {
    const { alerts } = await evaluateWatch(store, w, at);
    for (const a of alerts) if (await store.outbox.putAlert(a)) fresh.push(a);
  }
  return { evaluated: watches.length, alerts: fresh };
}

/** The human text of `sitrep watch status`. */
export function formatStatus(s: WatchStatus): string {
  const lines = [`${s.watch} — level ${s.level} (${s.levelName}) on ${s.at}, index ${s.index.toFixed(1)}, ${s.trend}`, ""];
  lines.push(...s.why);
  if (s.openThreats.length) {
    lines.push("", "Threats:");
    for (const t of s.openThreats) lines.push(`  [${t.status}] ${t.by}${t.against ? ` → ${t.against}` : ""} ${t.opened}..${t.until}: ${cite(t.evidence)}`);
  }
  if (s.riskDates.length) {
    lines.push("", "Risk dates:");
    for (const r of s.riskDates) lines.push(`  ${r.date}  ${r.reason}`);
  }
  lines.push("", "Last 30 days (level, index):");
  lines.push("  " + s.series.map((d) => `${d.date.slice(5)} ${d.level}/${d.index.toFixed(1)}`).join("  "));
  return lines.join("\n");
}
