// Threat tracking: a reported threat or vow (the ontology's threat property) stays open for a period and raises the index; a later matching attack closes it and is flagged.
import { addDays } from "./days.js";
import type { ThreatView } from "./status.js";
import type { WatchEvent } from "./watch-events.js";

/** Days a threat stays open after it is reported. */
export const THREAT_OPEN_DAYS = 14;
/** Index points an open threat adds, times its credibility; at most MAX_THREATS counted. */
export const THREAT_WEIGHT = 1.5;
export const MAX_THREATS = 3;

const countryOf = (a: WatchEvent["source"] | null) => a?.country ?? null;

/** Does this violent event carry out the threat: the same threatening actor (or its country) acting, against the same target country when one was named? */
function carriesOut(threat: WatchEvent, act: WatchEvent): boolean {
  const sameActor = act.source.code === threat.source.code || (countryOf(threat.source) !== null && countryOf(act.source) === countryOf(threat.source));
  if (!sameActor) return false;
  const aimed = countryOf(threat.target);
  return aimed === null || countryOf(act.target) === aimed || act.evidence.event === threat.evidence.event;
}

/** A watch's threats, each with its open period and the first-known attack that carried it out: made once, read for every day. */
export interface ThreatIndex {
  threats: Array<{ t: WatchEvent; until: string; act: WatchEvent | null }>;
}

export function indexThreats(events: readonly WatchEvent[]): ThreatIndex {
  const violent = events.filter((e) => e.entry.isViolent).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const threats: ThreatIndex["threats"] = [];
  for (const t of events) {
    if (!t.entry.isThreat) continue;
    const until = addDays(t.date, THREAT_OPEN_DAYS);
    // the violent events dated within the open period (binary search for its start), the first reported one that matches
    let lo = 0;
    let hi = violent.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (violent[mid].date < t.date) lo = mid + 1;
      else hi = mid;
    }
    let act: WatchEvent | null = null;
    for (let i = lo; i < violent.length && violent[i].date <= until; i++) {
      const a = violent[i];
      if (a !== t && carriesOut(t, a) && (!act || a.seen < act.seen)) act = a;
    }
    threats.push({ t, until, act });
  }
  return { threats };
}

/** The threats reported up to `at` (known by then) that were open at some point in the THREAT_OPEN_DAYS before it, with their state at `at`. */
export function threatsAt(events: readonly WatchEvent[] | ThreatIndex, at: string): Array<ThreatView & { credibility: number }> {
  const index = "threats" in events ? events : indexThreats(events);
  const from = addDays(at, -THREAT_OPEN_DAYS);
  const out: Array<ThreatView & { credibility: number }> = [];
  for (const { t, until, act } of index.threats) {
    if (t.date < from || t.date > at || t.seen > at) continue;
    const known = act && act.seen <= at ? act : null;
    out.push({
      evidence: t.evidence,
      by: t.source.code,
      against: t.target?.code ?? null,
      opened: t.date,
      until,
      status: known ? "carried-out" : until < at ? "expired" : "open",
      followedBy: known?.evidence ?? null,
      credibility: t.credibility,
    });
  }
  return out;
}

/** What open threats add to the index on `at`: the most credible MAX_THREATS, THREAT_WEIGHT each times their credibility. */
export function threatScore(threats: ReadonlyArray<ThreatView & { credibility: number }>): number {
  return threats
    .filter((t) => t.status === "open")
    .map((t) => t.credibility)
    .sort((a, b) => b - a)
    .slice(0, MAX_THREATS)
    .reduce((s, c) => s + THREAT_WEIGHT * c, 0);
}
