// The timeline of conflict and cooperation for the current filter: per day, the Goldstein scores of its events summed, cooperation up and conflict down (hand-made SVG).
import type { ClusterRecord } from "./api-types.js";
import { h, svg } from "./dom.js";

export interface Day {
  date: string;
  cooperation: number;
  conflict: number;
  events: number;
}

const DAY_MS = 86_400_000;
/** Days drawn at most: a longer filter shows its last this many days. */
const MAX_DAYS = 366;

/** Per-day sums of Goldstein scores, one cluster counted once (on its event's date), every day between the first and last. */
export function dailyGoldstein(clusters: readonly ClusterRecord[]): Day[] {
  const by = new Map<string, Day>();
  for (const c of clusters) {
    const d = c.event.date;
    if (!d) continue;
    const day = by.get(d) ?? { date: d, cooperation: 0, conflict: 0, events: 0 };
    if (c.event.goldstein >= 0) day.cooperation += c.event.goldstein;
    else day.conflict += c.event.goldstein;
    day.events++;
    by.set(d, day);
  }
  if (!by.size) return [];
  const dates = [...by.keys()].sort();
  const last = Date.parse(dates[dates.length - 1]);
  const first = Math.max(Date.parse(dates[0]), last - (MAX_DAYS - 1) * DAY_MS);
  const out: Day[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(by.get(date) ?? { date, cooperation: 0, conflict: 0, events: 0 });
  }
  return out;
}

/** The chart, as wide as its container (viewBox scaled), with each day's figures in its <title>. */
export function timelineChart(clusters: readonly ClusterRecord[]): HTMLElement {
  const days = dailyGoldstein(clusters);
  const box = h("figure", { class: "timeline" }, h("figcaption", null, "Conflict (down) and cooperation (up) per day: sum of Goldstein scores"));
  if (!days.length) {
    box.appendChild(h("p", { class: "note" }, "No dated events."));
    return box;
  }
  const [W, H, PAD] = [600, 140, 18];
  const top = Math.max(1, ...days.map((d) => d.cooperation));
  const bottom = Math.max(1, ...days.map((d) => -d.conflict));
  const mid = PAD + ((H - 2 * PAD) * top) / (top + bottom);
  const scale = (H - 2 * PAD) / (top + bottom);
  const step = W / days.length;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Goldstein timeline", class: "timeline-svg" });
  days.forEach((d, i) => {
    const x = i * step + step * 0.1;
    const w = Math.max(1, step * 0.8);
    const tip = `${d.date}: ${d.events} event(s), cooperation +${d.cooperation.toFixed(1)}, conflict ${d.conflict.toFixed(1)}`;
    if (d.cooperation > 0) chart.appendChild(svg("rect", { x, y: mid - d.cooperation * scale, width: w, height: d.cooperation * scale, class: "bar coop" }, tip));
    if (d.conflict < 0) chart.appendChild(svg("rect", { x, y: mid, width: w, height: -d.conflict * scale, class: "bar conflict" }, tip));
    if (!d.events) chart.appendChild(svg("rect", { x, y: PAD, width: w, height: H - 2 * PAD, class: "bar empty" }, tip));
  });
  chart.appendChild(svg("line", { x1: 0, x2: W, y1: mid, y2: mid, class: "axis" }));
  const label = (x: number, anchor: string, text: string) => {
    const t = svg("text", { x, y: H - 4, "text-anchor": anchor, class: "tick" });
    t.textContent = text;
    chart.appendChild(t);
  };
  label(2, "start", days[0].date);
  if (days.length > 1) label(W - 2, "end", days[days.length - 1].date);
  box.appendChild(chart);
  return box;
}
