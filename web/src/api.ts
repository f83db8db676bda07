// The dashboard's client of the sitrep API (same origin): JSON GETs, with the read token, when one is needed, kept in sessionStorage.

const TOKEN_KEY = "sitrep.token";

/** The token the user pasted, for this tab's session only (never localStorage, never the URL). */
export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An API error as the API names it ({error: {code, message}}). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fired on window when the API wants a token (401): the page shows the token field. */
export const AUTH_NEEDED = "sitrep:auth-needed";

export async function apiGet<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, v);
  const headers: Record<string, string> = { Accept: "application/json" };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  const r = await fetch(path + (q.size ? `?${q}` : ""), { headers, credentials: "omit" });
  if (!r.ok) {
    let code = "E_HTTP";
    let message = `${r.status} ${r.statusText}`;
    try {
      const b = (await r.json()) as { error?: { code?: string; message?: string } };
      code = b.error?.code ?? code;
      message = b.error?.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    if (r.status === 401) window.dispatchEvent(new CustomEvent(AUTH_NEEDED, { detail: message }));
    throw new ApiProblem(r.status, code, message);
  }
  return (await r.json()) as T;
}

/** Every page of a listing, following the cursor, up to `max` rows; `capped` says whether more were left. */
export async function apiGetAll<T>(path: string, params: Record<string, string | undefined>, max: number, pageSize = 1000): Promise<{ items: T[]; capped: boolean }> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await apiGet<{ items: T[]; next: string | null }>(path, { ...params, limit: String(Math.min(pageSize, max - items.length)), after });
    items.push(...page.items);
    if (!page.next) return { items, capped: false };
    if (items.length >= max) return { items, capped: true };
    after = page.next;
  }
}
