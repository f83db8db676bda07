// Moves between the dashboard's pages by path (the server answers index.html for each), keeping the query string as each view's state.

export type Page = (root: HTMLElement, params: string[]) => Promise<void | (() => void)>;

interface Route {
  pattern: RegExp;
  page: Page;
}

const routes: Route[] = [];
let current: (() => void) | void;
let root: HTMLElement;
let rendering = 0;

/** A page for paths matching `pattern`; its groups, URI-decoded, are the page's params. */
export function route(pattern: RegExp, page: Page): void {
  routes.push({ pattern, page });
}

/** Goes to a path (with its query), adding it to the history unless `replace`. */
export function go(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  void render();
}

/** Changes the URL's query without drawing the page again (the page has already shown the change). */
export function setQuery(query: string): void {
  history.replaceState(null, "", location.pathname + query + location.hash);
}

export async function render(): Promise<void> {
  const n = ++rendering;
  if (typeof current === "function") current();
  current = undefined;
  const path = location.pathname;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    let params: string[];
    try {
      params = m.slice(1).map((p) => decodeURIComponent(p ?? ""));
    } catch {
      break;
    }
    root.replaceChildren();
    delete root.dataset.ready;
    const cleanup = await r.page(root, params);
    // a later navigation has started meanwhile: its page owns the screen
    if (n !== rendering) {
      if (typeof cleanup === "function") cleanup();
      return;
    }
    current = cleanup;
    document.dispatchEvent(new CustomEvent("sitrep:rendered", { detail: path }));
    return;
  }
  root.replaceChildren();
  const p = document.createElement("p");
  p.className = "error";
  p.textContent = `No page at ${path}.`;
  root.appendChild(p);
}

/** Starts routing in `el`: links marked data-internal and the back/forward buttons change the page without a reload. */
export function startRouter(el: HTMLElement): void {
  root = el;
  document.addEventListener("click", (ev) => {
    const a = (ev.target as Element | null)?.closest?.("a");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    if (a.origin !== location.origin || a.target || !(a.hasAttribute("data-internal") || a.closest("header.top"))) return;
    ev.preventDefault();
    go(a.pathname + a.search + a.hash);
  });
  window.addEventListener("popstate", () => void render());
  void render();
}
