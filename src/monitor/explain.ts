// Plain-language reasons for a watch's level on one day: the reading against its normal, the heaviest reports, open threats, the trend.
import { loadOntology } from "../ontology/ontology.js";
import type { AlertEvidence } from "./alert.js";
import type { DayDetail } from "./series.js";
import { LEVEL_NAMES, type ThreatView } from "./status.js";
import type { Thresholds } from "./watch.js";
import type { WatchEvent } from "./watch-events.js";
import { BASELINE_DAYS, MIN_SPREAD, WINDOW_DAYS } from "./escalation.js";
import { COOL_DAYS, DOWN_FACTOR } from "./posture.js";
import { addDays } from "./days.js";

const n1 = (x: number) => x.toFixed(1);

/** The reports behind a day's reading (its WINDOW_DAYS, as known that day), heaviest first. */
export function heaviest(events: readonly WatchEvent[], day: string, max = 5): WatchEvent[] {
  const lo = addDays(day, -(WINDOW_DAYS - 1));
  return events
    .filter((e) => e.date >= lo && e.date <= day && e.seen <= day && e.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max);
}

/** The event kind in words: its CAMEO name, and its ACLED type where the ontology maps one. */
export function kindOf(code: string): string {
  const c = loadOntology().nearest(code);
  if (!c) return code ? `CAMEO ${code}` : "a date named in the news";
  return `CAMEO ${code} ${c.name.toLowerCase()}${c.acled ? `; ACLED ${c.acled.sub_event_type.toLowerCase()}` : ""}`;
}

export function cite(e: AlertEvidence): string {
  const by = e.outlets.length ? e.outlets.join(", ") : "an unnamed outlet";
  const src = e.sources.length && e.sources.join() !== e.outlets.join() ? `; independent sources: ${e.sources.join(", ")}` : "";
  return `${e.date ?? "undated"} — "${e.text.length > 240 ? e.text.slice(0, 237) + "..." : e.text}" (${kindOf(e.code)}; reported by ${by}${src})`;
}

export function explainDay(d: DayDetail, events: readonly WatchEvent[], threats: readonly ThreatView[], th: Thresholds): string[] {
  const why: string[] = [];
  why.push(`Level ${d.level}, ${LEVEL_NAMES[d.level]}, on ${d.date}: index ${n1(d.index)} (levels at ${th.level2} / ${th.level3} / ${th.level4}). Everything below is reported by the news, not verified.`);
  const spread = Math.max(1.4826 * d.baseline.mad, MIN_SPREAD);
  if (d.forming) why.push(`The baseline is still forming (${d.baseline.days} days of history): the index counts open threats only.`);
  else
    why.push(
      `${d.events} conflict report${d.events === 1 ? "" : "s"} in the ${WINDOW_DAYS} days to ${d.date}, weighted intensity ${n1(d.reading)}, against this watch's normal of ${n1(d.baseline.median)} ± ${n1(spread)} (median of ${d.baseline.days} days, up to ${BASELINE_DAYS}, before the last week).`,
    );
  const top = heaviest(events, d.date, 3);
  if (top.length) {
    why.push("Heaviest reports:");
    for (const e of top) why.push(`  ${cite(e.evidence)} — weight ${n1(e.weight)} (severity ${n1(e.severity)} × credibility ${e.credibility.toFixed(2)})`);
  }
  const open = threats.filter((t) => t.status === "open");
  if (open.length) {
    why.push(`${open.length} open threat${open.length === 1 ? "" : "s"} (+${n1(d.threat)} to the index):`);
    for (const t of open) why.push(`  ${t.by}${t.against ? ` against ${t.against}` : ""}, open until ${t.until}: ${cite(t.evidence)}`);
  }
  for (const t of threats.filter((x) => x.status === "carried-out")) why.push(`  Threat of ${t.opened} by ${t.by} was followed by a reported attack: ${cite(t.followedBy!)}`);
  if (d.level > 1) why.push(`The level comes down one step after ${COOL_DAYS} days in a row below ${Math.round(DOWN_FACTOR * 100)}% of its threshold.`);
  return why;
}
