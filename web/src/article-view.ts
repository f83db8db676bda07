// The article page: title, outlet and URL (as text; a link only when http/https), and each sentence with the events coded from it.
import { apiGet } from "./api.js";
import type { ArticleRecord, EventReport } from "./api-types.js";
import { h, externalLink, link } from "./dom.js";
import { attributionChain, codeBadge, placeText } from "./event-card.js";
import { highlightedSentence } from "./highlight.js";
import { problemNote } from "./notice.js";
import { quadOf } from "./quad.js";

function eventLine(e: EventReport, sentenceStart: number): HTMLElement {
  const line = h(
    "div",
    { class: `event in-article quad-${e.quad}`, "data-event": e.id },
    h("header", null, codeBadge(e), h("span", { class: "when" }, e.date ?? "undated"), h("span", { class: "where" }, placeText(e))),
    highlightedSentence(e, sentenceStart),
    h("div", { class: "actors" }, h("span", { class: "actor", title: e.source.text }, e.source.code), " → ", e.target ? h("span", { class: "actor", title: e.target.text }, e.target.code) : "—"),
    attributionChain(e),
  );
  line.style.borderLeftColor = quadOf(e.quad).colour;
  return line;
}

export async function articlePage(root: HTMLElement, [doc]: string[]): Promise<void> {
  document.title = "sitrep — article";
  let a: ArticleRecord;
  try {
    a = await apiGet<ArticleRecord>(`/api/articles/${encodeURIComponent(doc)}`);
  } catch (e) {
    root.append(h("p", null, link("/", "← Events")), problemNote(e));
    return;
  }
  const bySentence = new Map<number, EventReport[]>();
  for (const e of a.events) bySentence.set(e.sentence, [...(bySentence.get(e.sentence) ?? []), e]);
  const page = h(
    "article",
    { class: "article" },
    h("p", null, link("/", "← Events")),
    // the title and outlet are the news's text: shown as text, whatever markup they hold
    h("h1", { class: "title" }, a.title || "(no title)"),
    h("p", { class: "meta" }, h("span", { class: "outlet" }, a.outlet ?? "unknown outlet"), a.published ? ` · ${a.published}` : "", a.origin && a.origin !== a.outlet ? ` · origin ${a.origin}` : "", ` · doc ${a.doc}`),
    h("p", { class: "meta" }, a.url ? externalLink(a.url) : h("span", { class: "url" }, "no URL")),
    a.duplicateOf ? h("p", { class: "note" }, `A near-duplicate of ${a.duplicateOf}: its events are counted with the original's.`) : null,
  );
  const body = h("ol", { class: "sentences" });
  for (const s of a.sentences) {
    const events = bySentence.get(s.index) ?? [];
    const li = h("li", { id: `s${s.index}`, class: events.length ? "sent has-events" : "sent", value: s.index + 1 });
    if (!events.length) li.appendChild(h("p", { class: "sentence plain" }, s.text));
    for (const e of events) li.appendChild(eventLine(e, s.start));
    if (s.caption) li.classList.add("caption");
    body.appendChild(li);
  }
  page.appendChild(body);
  root.appendChild(page);
  root.dataset.ready = "article";
  const target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) {
    target.classList.add("target");
    target.scrollIntoView({ block: "center" });
  }
}
