// Durations on the command line: "30s", "5m", "1h" (a bare number is minutes).

/** A duration like 30s, 5m or 1h in ms (0 too), or null. */
export function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(s.trim());
  if (!m) return null;
  return +m[1] * (m[2] === "h" ? 3_600_000 : m[2] === "s" ? 1000 : 60_000);
}

/** A duration like 30s, 5m or 1h (at least a second) in ms, or null. */
export function parseEvery(s: string): number | null {
  const n = parseDuration(s);
  return n !== null && n >= 1000 ? n : null;
}
