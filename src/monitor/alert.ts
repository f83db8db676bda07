// An alert: why a watch needs attention now, with the reported evidence behind it; the unit notifiers deliver.

/** What raised the alert. */
export type AlertKind = "level" | "event" | "risk-date";

/** One reported event behind an alert: what was said, where, and by whom. Always "reported", never "verified". */
export interface AlertEvidence {
  /** Event id (and its cluster, when it has one). */
  event: string;
  cluster: number | null;
  date: string | null;
  code: string;
  /** The sentence the event was coded from. */
  text: string;
  outlets: string[];
  /** Independent original sources (wire agencies, else outlets). */
  sources: string[];
  url: string | null;
}

export interface Alert {
  /** Stable id derived from the cause (watch, kind, cause key): the same cause never makes a second alert. */
  id: string;
  /** The watch's name. */
  watch: string;
  kind: AlertKind;
  /** When it was raised (ISO 8601), in the timeline that produced it (a backtest day or the clock). */
  at: string;
  /** Posture level 1-4 after this alert; `previousLevel` for level changes. */
  level: number;
  previousLevel: number | null;
  /** One line, e.g. "Baghdad: level 2 → 3 (reduce non-essential presence)". */
  title: string;
  /** A plain-language explanation of the cause. */
  summary: string;
  evidence: AlertEvidence[];
}
