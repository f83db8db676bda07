// The events page: filters, the map, the Goldstein timeline and the event list (a page at a time by the API's cursor), all for the filter in the URL.
import { apiGet, apiGetAll } from "./api.js";
import type { ClusterRecord, Page } from "./api-types.js";
import { h, replace } from "./dom.js";
import { eventCard } from "./event-card.js";
import { filterForm } from "./filter-form.js";
import { createMap } from "./map.js";
import { problemNote } from "./notice.js";
import { QUADS } from "./quad.js";
import { go, setQuery } from "./router.js";
import { timelineChart } from "./timeline.js";
import { apiParams, queryString, readFilters, readView, type Filters } from "./url-state.js";

/** Clusters the map and timeline draw at most (pages of 1000 by the cursor). */
const MAP_MAX = 5000;
/** Events per page of the list. */
const LIST_PAGE = 25;

function legend(): HTMLElement {
  const items = Object.entries(QUADS).map(([q, { name, colour }]) => {
    const dot = h("span", { class: "dot" });
    dot.style.background = colour;
    return h("li", { "data-quad": q }, dot, name);
  });
  return h("ul", { class: "legend", "aria-label": "Legend" }, ...items, h("li", null, h("span", { class: "dot big" }), "larger: more independent sources"));
}

export async function eventsPage(root: HTMLElement): Promise<() => void> {
  const filters = readFilters(location.search);
  const params = apiParams(filters);
  document.title = `sitrep — events${filters.country ? ` in ${filters.country}` : ""}`;
  const apply = (f: Filters) => go(`/${queryString(f)}`);

  const mapEl = h("div", { class: "map", id: "map", role: "region", "aria-label": "Map of events" });
  const summary = h("p", { class: "summary", "aria-live": "polite" }, "Loading events…");
  const timeline = h("div", { class: "timeline-box" });
  const opened = h("div", { class: "opened" });
  const list = h("div", { class: "list", id: "event-list" });
  const more = h("button", { type: "button", class: "more", hidden: true }, "More events");
  const form = filterForm(filters, { apply, mapView: () => { const v = map.view(); return `${v.lat},${v.lon},${v.km}`; } });
  // on a phone the filters fold away behind one line, so the map and list come first
  const set = Object.keys(filters).length;
  const filterBox = h("details", { class: "filter-box", open: matchMedia("(min-width: 700px)").matches || undefined }, h("summary", null, `Filters${set ? ` (${set} set)` : ""}`), form);
  root.append(
    filterBox,
    h("div", { class: "events-page" },
      h("section", { class: "map-col" }, mapEl, legend(), summary, timeline),
      h("section", { class: "list-col", "aria-label": "Events" }, opened, h("h2", null, "Events"), list, more)),
  );

  const byId = new Map<number, ClusterRecord>();
  const open = (c: ClusterRecord, scroll = true) => {
    byId.set(c.cluster, c);
    setQuery(queryString(filters, { open: String(c.cluster) }));
    const close = h("button", { type: "button", class: "small secondary close" }, "Close");
    close.addEventListener("click", () => {
      replace(opened);
      setQuery(queryString(filters));
    });
    replace(opened, h("h2", null, "Opened event ", close), eventCard(c, { full: true }));
    for (const el of list.querySelectorAll(".event.selected")) el.classList.remove("selected");
    list.querySelector(`.event[data-cluster="${c.cluster}"]`)?.classList.add("selected");
    map.focus(c.cluster);
    if (scroll) opened.scrollIntoView({ block: "nearest" });
  };
  const map = createMap(mapEl, (iso3) => apply({ ...filters, country: iso3 }), (c) => open(c));
  map.setCountries(filters.country ? filters.country.toUpperCase().split(",") : []);

  let after: string | null = null;
  const loadPage = async () => {
    more.disabled = true;
    try {
      const page = await apiGet<Page<ClusterRecord>>("/api/clusters", { ...params, limit: String(LIST_PAGE), after: after ?? undefined });
      for (const c of page.items) {
        byId.set(c.cluster, c);
        list.appendChild(eventCard(c, { onOpen: (x) => open(x) }));
      }
      if (!list.childElementCount) list.appendChild(h("p", { class: "note" }, "No events match these filters."));
      after = page.next;
      more.hidden = !after;
    } catch (e) {
      list.appendChild(problemNote(e));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener("click", () => void loadPage());

  const all = apiGetAll<ClusterRecord>("/api/clusters", params, MAP_MAX).then(
    ({ items, capped }) => {
      for (const c of items) byId.set(c.cluster, c);
      map.setClusters(items);
      const located = items.filter((c) => c.event.location?.lat != null).length;
      summary.textContent = `${items.length}${capped ? "+" : ""} event${items.length === 1 ? "" : "s"} (clusters of reports)${capped ? `, the first ${MAP_MAX} drawn` : ""}; ${located} on the map.`;
      replace(timeline, timelineChart(items));
    },
    (e) => replace(summary, problemNote(e)),
  );
  await Promise.all([loadPage(), all]);
  const want = Number(readView(location.search, "open"));
  if (want && byId.has(want)) open(byId.get(want)!, false);
  root.dataset.ready = "events";
  return () => map.remove();
}
