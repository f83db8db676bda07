// The posture level 1-4 from the index, with the user's thresholds and hysteresis: a level rises at once, and falls one step only after days of calm.
import type { Level } from "./status.js";
import type { Thresholds } from "./watch.js";

/** Days in a row below DOWN_FACTOR × the level's threshold before the level falls one step. */
export const COOL_DAYS = 3;
export const DOWN_FACTOR = 0.6;

export function thresholdOf(level: Level, th: Thresholds): number {
  return level === 4 ? th.level4 : level === 3 ? th.level3 : level === 2 ? th.level2 : 0;
}

/** The level an index reaches, without history. */
export function levelOf(index: number, th: Thresholds): Level {
  return index >= th.level4 ? 4 : index >= th.level3 ? 3 : index >= th.level2 ? 2 : 1;
}

export interface PostureState {
  level: Level;
  /** Days in a row the index has been low enough to come down. */
  calm: number;
}

/** The next day's level: up at once to what the index reaches; down one step after COOL_DAYS calm days. */
export function nextPosture(prev: PostureState, index: number, th: Thresholds): PostureState {
  const reached = levelOf(index, th);
  if (reached > prev.level) return { level: reached, calm: 0 };
  if (prev.level > 1 && index < DOWN_FACTOR * thresholdOf(prev.level, th)) {
    const calm = prev.calm + 1;
    return calm >= COOL_DAYS ? { level: (prev.level - 1) as Level, calm: 0 } : { level: prev.level, calm };
  }
  return { level: prev.level, calm: 0 };
}
