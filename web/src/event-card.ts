// One event as the dashboard shows it: what, when, where, the sentence with source, verb and target marked, who says so, which outlets, the article.
import type { ClusterRecord, CodedEvent } from "./api-types.js";
import { cameoName } from "./cameo.js";
import { countryName } from "./countries.js";
import { h, link, type Child } from "./dom.js";
import { highlightedSentence } from "./highlight.js";
import { quadOf } from "./quad.js";

/** The article view's path, at the event's sentence. */
export const articlePath = (doc: string, sentence?: number) => `/article/${encodeURIComponent(doc)}${sentence === undefined ? "" : `#s${sentence}`}`;

export function placeText(e: CodedEvent): string {
  const l = e.location;
  if (!l) return "no place";
  return [l.name, l.admin1, countryName(l.country)].filter(Boolean).join(", ");
}

/** The code and its name, coloured by quad class. */
export function codeBadge(e: CodedEvent): HTMLElement {
  const q = quadOf(e.quad);
  const badge = h("span", { class: `code quad-${e.quad}`, title: `${q.name}; Goldstein ${e.goldstein}` }, h("b", null, e.code), " ", cameoName(e.code));
  badge.style.borderLeftColor = q.colour;
  return badge;
}

const actor = (a: CodedEvent["source"] | null) => (a ? h("span", { class: "actor", title: a.text }, a.code) : h("span", { class: "actor none" }, "—"));

/** "local officials (official) · via Lakeside Herald (outlet)": the chain of who says so, nearest the event first. */
export function attributionChain(e: CodedEvent): HTMLElement {
  const chain = [...e.attribution].reverse();
  const list = h("ol", { class: "attribution" });
  chain.forEach((a) => list.appendChild(h("li", { class: `by-${a.kind}` }, a.who, " ", h("small", null, `(${a.kind})`))));
  return h("div", { class: "says" }, h("span", { class: "label" }, "According to"), " ", chain.length ? list : "—", e.hedged ? h("span", { class: "flag" }, "hedged") : null, e.negated ? h("span", { class: "flag" }, "negated") : null);
}

const field = (label: string, ...value: Child[]) => h("div", { class: "field" }, h("span", { class: "label" }, label), " ", ...value);

/** A cluster's event as a card; `full` adds the coding's details (PLOVER, ACLED, pattern, confidence). */
export function eventCard(c: ClusterRecord, opts: { full?: boolean; onOpen?: (c: ClusterRecord) => void } = {}): HTMLElement {
  const e = c.event;
  const open = h("button", { type: "button", class: "open", "aria-label": `Open event ${c.cluster}` }, "Open");
  if (opts.onOpen) open.addEventListener("click", () => opts.onOpen!(c));
  const card = h(
    "article",
    { class: `event quad-${e.quad}${opts.full ? " full" : ""}`, "data-cluster": c.cluster },
    h("header", null, codeBadge(e), h("span", { class: "when" }, e.date ?? "undated"), h("span", { class: "where" }, placeText(e)), opts.full ? null : open),
    highlightedSentence(e),
    h("div", { class: "actors" }, actor(e.source), " → ", actor(e.target)),
    attributionChain(e),
    field("Outlets", c.outlets.join(", ") || "—", h("small", null, ` (${c.reports} report${c.reports === 1 ? "" : "s"}, ${c.sources.length} independent source${c.sources.length === 1 ? "" : "s"})`)),
    opts.full ? field("Sources", c.sources.join(", ") || "—") : null,
    opts.full ? field("PLOVER", e.plover ? `${e.plover.type}${e.plover.mode ? ` / ${e.plover.mode}` : ""}` : "—") : null,
    opts.full ? field("ACLED", e.acled ? `${e.acled.event_type} / ${e.acled.sub_event_type}` : "—") : null,
    opts.full ? field("Pattern", h("code", null, e.evidence.pattern), ` · confidence ${e.confidence} · Goldstein ${e.goldstein}`) : null,
    h("footer", null, link(articlePath(e.doc, e.sentence), "Article"), opts.full ? h("small", { class: "id" }, ` event ${e.id} · cluster ${c.cluster}`) : null),
  );
  card.style.borderLeftColor = quadOf(e.quad).colour;
  return card;
}
