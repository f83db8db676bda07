// What a watch's evaluation says on one day: its posture level, index, trend, open threats, risk dates, and why.
import type { AlertEvidence } from "./alert.js";

export type Level = 1 | 2 | 3 | 4;

export const LEVEL_NAMES: Record<Level, string> = {
  1: "normal",
  2: "heightened vigilance",
  3: "reduce non-essential presence",
  4: "leave",
};

/** A threat or vow against the watch, open for a period; a later matching attack closes it. */
export interface ThreatView {
  evidence: AlertEvidence;
  /** Who threatens, and whom (actor codes). */
  by: string;
  against: string | null;
  opened: string;
  /** Last day it counts as open. */
  until: string;
  status: "open" | "carried-out" | "expired";
  /** The reported attack that followed it, when one did. */
  followedBy: AlertEvidence | null;
}

export interface RiskDate {
  date: string;
  kind: "named" | "anniversary" | "user";
  reason: string;
  evidence: AlertEvidence | null;
}

/** One day of the series: the weighted conflict intensity, the index against the baseline, the level. */
export interface DayState {
  date: string;
  intensity: number;
  index: number;
  level: Level;
}

export interface WatchStatus {
  watch: string;
  at: string;
  level: Level;
  levelName: string;
  /** Robust z-score of the recent intensity against the watch's own trailing baseline, plus open threats. */
  index: number;
  trend: "rising" | "falling" | "steady";
  baseline: { median: number; mad: number; days: number };
  openThreats: ThreatView[];
  /** Risk dates from `at` on, nearest first. */
  riskDates: RiskDate[];
  /** Plain-language lines: why the level is what it is. */
  why: string[];
  /** The reports behind the level, heaviest first. */
  evidence: AlertEvidence[];
  series: DayState[];
}
