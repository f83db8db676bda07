// A watch's escalation over its recent days: the index as a line over bands coloured by the level of each day, with the level thresholds (hand-made SVG).
import type { WatchStatus } from "./api-types.js";
import { h, svg } from "./dom.js";

export function escalationChart(series: WatchStatus["series"], thresholds: { level2: number; level3: number; level4: number } | null): HTMLElement {
  const fig = h("figure", { class: "escalation" }, h("figcaption", null, "Escalation index per day (line) and posture level (background)"));
  if (!series.length) {
    fig.appendChild(h("p", { class: "note" }, "No days evaluated."));
    return fig;
  }
  const [W, H, PAD] = [600, 160, 18];
  const lines = thresholds ? [thresholds.level2, thresholds.level3, thresholds.level4] : [];
  const hi = Math.max(1, ...series.map((d) => d.index), ...lines.slice(0, 2)) * 1.1;
  const lo = Math.min(0, ...series.map((d) => d.index));
  const y = (v: number) => PAD + ((H - 2 * PAD) * (hi - v)) / (hi - lo);
  const step = W / series.length;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Escalation chart", class: "escalation-svg" });
  series.forEach((d, i) => chart.appendChild(svg("rect", { x: i * step, y: PAD, width: step + 0.5, height: H - 2 * PAD, class: `band level-${d.level}` }, `${d.date}: level ${d.level}, index ${d.index.toFixed(2)}, intensity ${d.intensity.toFixed(2)}`)));
  lines.forEach((t, i) => {
    if (t > hi) return;
    chart.appendChild(svg("line", { x1: 0, x2: W, y1: y(t), y2: y(t), class: "threshold" }, `level ${i + 2} from index ${t}`));
  });
  const pts = series.map((d, i) => `${(i * step + step / 2).toFixed(1)},${y(d.index).toFixed(1)}`).join(" ");
  chart.appendChild(svg("polyline", { points: pts, class: "index-line" }));
  for (const [x, anchor, text] of [[2, "start", series[0].date], [W - 2, "end", series[series.length - 1].date]] as const) {
    const t = svg("text", { x, y: H - 4, "text-anchor": anchor, class: "tick" });
    t.textContent = text;
    chart.appendChild(t);
  }
  fig.appendChild(chart);
  return fig;
}
