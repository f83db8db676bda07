// Builds DOM from data with createElement and textContent only: text from the news never becomes markup.

export type Child = Node | string | number | null | undefined | false;

/** Attributes that may be set from here: never event handlers (on*), never href/src (see `link`). */
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    // a fixed list in code, but cheap to check: nothing here may run script or load anything
    if (/^on/i.test(k) || k === "href" || k === "src" || k === "srcdoc") throw new Error(`h(): attribute ${k} is not allowed`);
    el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A link inside the dashboard (the router handles it). */
export function link(path: string, ...children: Child[]): HTMLAnchorElement {
  const a = h("a", { "data-internal": true }, ...children);
  a.href = path;
  return a;
}

/** The URL when it is http(s), else null: a `javascript:` or `data:` URL from the news is never a link. */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** An article's URL shown as text; a link (new tab, no referrer, no opener) only when it is http(s). */
export function externalLink(url: string | null | undefined): HTMLElement {
  const safe = httpUrl(url);
  if (!safe) return h("span", { class: "url" }, url ?? "");
  const a = h("a", { class: "url", rel: "noopener noreferrer", target: "_blank" }, url ?? "");
  a.href = safe;
  return a;
}

export const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes (numbers and fixed strings from code), and an optional <title> text. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, title?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (title !== undefined) {
    const t = document.createElementNS(SVG_NS, "title");
    t.textContent = title;
    el.appendChild(t);
  }
  return el;
}
