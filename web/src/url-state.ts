// The dashboard's filters, kept in the URL's query string (in a fixed order) so that a copied URL reproduces the view.

/** The event filters, named as the API's query parameters (and `sitrep query`'s flags). */
export const FILTER_KEYS = ["since", "until", "country", "actor", "root", "code", "plover", "text", "near"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Other state of a view kept in the URL: the opened event (a cluster id) and a watch's day. */
export const VIEW_KEYS = ["open", "at"] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

export function readFilters(search: string): Filters {
  const q = new URLSearchParams(search);
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

export function readView(search: string, key: ViewKey): string | null {
  return new URLSearchParams(search).get(key)?.trim() || null;
}

/** "?since=…&country=…" (empty when nothing is set): the filters first, in FILTER_KEYS order, then the view's state. */
export function queryString(f: Filters, view: Partial<Record<ViewKey, string | null>> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]!);
  for (const k of VIEW_KEYS) if (view[k]) q.set(k, view[k]!);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The filters as API parameters: country and PLOVER types upper-cased, as the API's codes are. */
export function apiParams(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (!v) continue;
    out[k] = k === "country" || k === "plover" || k === "actor" ? v.toUpperCase().replace(/\s+/g, "") : v;
  }
  return out;
}
