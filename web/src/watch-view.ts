// The watch pages: the list of watches, and one watch's posture level with its reasons, escalation chart, open threats, upcoming risk dates and alerts.
import { apiGet } from "./api.js";
import type { AlertEvidence, AlertRecord, Page, WatchRecord, WatchStatus } from "./api-types.js";
import { countryName } from "./countries.js";
import { h, externalLink, link } from "./dom.js";
import { escalationChart } from "./escalation-chart.js";
import { problemNote } from "./notice.js";
import { go } from "./router.js";
import { queryString, readView } from "./url-state.js";

const watchPath = (name: string, at?: string | null) => `/watches/${encodeURIComponent(name)}${at ? queryString({}, { at }) : ""}`;

function scope(w: WatchRecord): string {
  const parts: string[] = [];
  if (w.place) parts.push(`${w.place.name}${w.radiusKm != null ? ` + ${w.radiusKm} km` : ""}`);
  if (w.countries.length) parts.push(w.countries.map((c) => `${countryName(c)} (${c})`).join(", "));
  if (w.actor) parts.push(`actor ${w.actor}`);
  return parts.join(" · ") || "everything";
}

export async function watchesPage(root: HTMLElement): Promise<void> {
  document.title = "sitrep — watches";
  root.appendChild(h("h1", null, "Watches"));
  try {
    const { items } = await apiGet<{ items: WatchRecord[] }>("/api/watches");
    if (!items.length) root.appendChild(h("p", { class: "note" }, "No watches yet: add one with sitrep watch add."));
    const list = h("ul", { class: "watches" });
    for (const w of items) list.appendChild(h("li", null, link(watchPath(w.name), w.name), h("span", { class: "scope" }, ` ${scope(w)}`)));
    root.appendChild(list);
  } catch (e) {
    root.appendChild(problemNote(e));
  }
  root.dataset.ready = "watches";
}

/** A reported event behind a threat, a date or the level: its sentence (as text), date, code, outlets. */
function evidence(e: AlertEvidence | null): HTMLElement | null {
  if (!e) return null;
  return h(
    "blockquote",
    { class: "evidence" },
    h("p", { class: "sentence" }, e.text),
    h("footer", null, `${e.date ?? "undated"} · CAMEO ${e.code} · ${e.outlets.join(", ") || "no outlet"}${e.sources.length ? ` · sources: ${e.sources.join(", ")}` : ""} `, e.url ? externalLink(e.url) : null),
  );
}

const section = (title: string, ...body: Array<HTMLElement | null>) => h("section", { class: "watch-part" }, h("h2", null, title), ...body);

export async function watchPage(root: HTMLElement, [name]: string[]): Promise<void> {
  document.title = `sitrep — watch ${name}`;
  const at = readView(location.search, "at");
  const dateInput = h("input", { type: "date", name: "at", value: at ?? "" });
  const dateForm = h("form", { class: "at" }, h("label", null, h("span", null, "As of "), dateInput), h("button", { type: "submit" }, "Show"));
  dateForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go(watchPath(name, dateInput.value || null));
  });
  root.append(h("p", null, link("/watches", "← Watches")), h("h1", null, `Watch: ${name}`), dateForm);
  let status: WatchStatus;
  let watch: WatchRecord | undefined;
  let alerts: AlertRecord[] = [];
  try {
    const [s, list, al] = await Promise.all([
      apiGet<WatchStatus>(`/api/watches/${encodeURIComponent(name)}/status`, { at: at ?? undefined }),
      apiGet<{ items: WatchRecord[] }>("/api/watches"),
      apiGet<Page<AlertRecord>>("/api/alerts", { watch: name, limit: "1000" }).catch(() => ({ items: [], next: null })),
    ]);
    [status, watch, alerts] = [s, list.items.find((w) => w.name === name), al.items];
  } catch (e) {
    root.appendChild(problemNote(e));
    return;
  }
  if (!at) dateInput.value = status.at;
  root.append(
    h("p", { class: "scope" }, watch ? scope(watch) : ""),
    h("div", { class: `posture level-${status.level}`, "data-level": status.level }, h("span", { class: "level-number" }, `Level ${status.level}`), h("span", { class: "level-name" }, status.levelName)),
    h("p", { class: "index" }, `Index ${status.index.toFixed(2)} (${status.trend}) on ${status.at}; baseline median ${status.baseline.median.toFixed(2)} over ${status.baseline.days} days`),
    section("Why", h("ul", { class: "why" }, ...status.why.map((w) => h("li", null, w)))),
    section("Escalation", escalationChart(status.series, watch?.thresholds ?? null)),
    section(
      `Open threats (${status.openThreats.length})`,
      status.openThreats.length
        ? h("ul", { class: "threats" }, ...status.openThreats.map((t) => h("li", { class: `threat ${t.status}` }, h("p", null, h("b", null, t.by), ` against ${t.against ?? "—"}: open ${t.opened} to ${t.until} (${t.status})`), evidence(t.evidence), t.followedBy ? h("div", null, "Followed by:", evidence(t.followedBy)) : null)))
        : h("p", { class: "note" }, "None open."),
    ),
    section(
      `Upcoming risk dates (${status.riskDates.length})`,
      status.riskDates.length
        ? h("ul", { class: "risk-dates" }, ...status.riskDates.map((d) => h("li", { class: `risk ${d.kind}` }, h("p", null, h("b", null, d.date), ` ${d.reason} (${d.kind})`), evidence(d.evidence))))
        : h("p", { class: "note" }, "None ahead."),
    ),
    section("Reports behind the level", status.evidence.length ? h("div", null, ...status.evidence.slice(0, 10).map(evidence)) : h("p", { class: "note" }, "None.")),
    section(`Alerts (${alerts.length})`, alerts.length ? h("ul", { class: "alerts" }, ...alerts.slice(-20).reverse().map((a) => h("li", null, h("b", null, a.at.slice(0, 10)), ` ${a.title}`, h("br"), h("small", null, a.summary)))) : h("p", { class: "note" }, "None raised.")),
  );
  root.dataset.ready = "watch";
}
