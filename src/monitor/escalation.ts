// The escalation index: each reported event weighted by its severity (ontology properties) and by how credible its sources are, summed per day, and judged against the watch's own trailing baseline (a robust z-score).
import type { CameoEntry } from "../ontology/ontology.js";

/** Trust weight of an outlet nobody rated. */
export const DEFAULT_TRUST = 0.5;
/** Trust weight of a wire agency nobody rated: a professional original source. */
export const WIRE_TRUST = 0.8;
/** Days summed into one reading: a rising sequence shows over a few days, not in one. */
export const WINDOW_DAYS = 3;
/** The baseline: the readings of these many days before the most recent week. */
export const BASELINE_DAYS = 90;
export const BASELINE_GAP_DAYS = 7;
/** Fewer days of history than this and the baseline is still forming: no index. */
export const MIN_BASELINE_DAYS = 21;
/**
 * The smallest spread the baseline may have, in intensity units: where nothing happens (median and MAD 0), a single
 * credible violent report (severity 10, credibility 0.5-0.9) moves the index by about one, not to the top.
 */
export const MIN_SPREAD = 6;

/** How much an event of this kind weighs: the Goldstein conflict score, in full for violence, less for other material conflict, little for words. */
export function severity(e: Pick<CameoEntry, "goldstein" | "quad" | "isViolent">): number {
  const conflict = Math.max(0, -e.goldstein);
  if (e.isViolent) return conflict;
  if (e.quad === 4) return 0.5 * conflict;
  if (e.quad === 3) return 0.25 * conflict;
  return 0;
}

/**
 * How much to believe that at least one of a report's independent sources is right: 1 − Π(1 − trust). One unknown
 * outlet gives 0.5, two give 0.75, a wire agency 0.8; a claim only one low-trust outlet (0.1) makes moves the index little.
 */
export function credibility(sources: readonly string[], trust: (source: string) => number): number {
  let doubt = 1;
  for (const s of new Set(sources)) doubt *= 1 - Math.min(1, Math.max(0, trust(s)));
  return sources.length ? 1 - doubt : 0;
}

/** A trust function over the user's weights (case-insensitive), wire agencies, and a default. */
export function trustOf(weights: ReadonlyMap<string, number>, isWire: (name: string) => boolean): (source: string) => number {
  const lower = new Map([...weights].map(([k, v]) => [k.toLowerCase(), v]));
  return (s) => lower.get(s.toLowerCase()) ?? (isWire(s) ? WIRE_TRUST : DEFAULT_TRUST);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Baseline {
  median: number;
  mad: number;
  days: number;
}

/** Median and median absolute deviation of the readings: robust to the few violent days a calm place has. */
export function baselineOf(readings: number[]): Baseline {
  if (!readings.length) return { median: 0, mad: 0, days: 0 };
  const m = median(readings);
  return { median: m, mad: median(readings.map((x) => Math.abs(x - m))), days: readings.length };
}

/** The robust z-score of a reading against a baseline (1.4826 × MAD estimates a standard deviation), never below 0. */
export function robustZ(reading: number, b: Baseline): number {
  const spread = Math.max(1.4826 * b.mad, MIN_SPREAD);
  return Math.max(0, (reading - b.median) / spread);
}
