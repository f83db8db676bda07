// What went wrong with an HTTP request, in words (a header's value, the cause chain of an error, network errors named), and its deadline.

/** A response header's first value, or null. */
export function header(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
}

// The cause chain of an error, outermost first (undici and net sometimes wrap).
export function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err; e && out.length < 8; e = (e as { cause?: unknown }).cause) out.push(e);
  return out;
}

export function describeNetworkError(err: unknown, url: URL): string {
  const chain = causes(err);
  const codes = chain.map((e) => (e as { code?: unknown }).code).filter((c): c is string => typeof c === "string");
  const has = (c: string) => codes.includes(c);
  if (has("ENOTFOUND") || has("EAI_AGAIN") || has("EAI_NODATA")) return `DNS lookup failed for ${url.hostname} (${codes[0]})`;
  if (has("ECONNREFUSED")) return `connection refused by ${url.host}`;
  if (has("ECONNRESET") || has("EPIPE")) return `connection reset by ${url.host}`;
  if (has("UND_ERR_SOCKET")) return `connection closed by ${url.host} before the response was complete`;
  if (has("EHOSTUNREACH") || has("ENETUNREACH")) return `${url.host} is unreachable`;
  if (has("UND_ERR_CONNECT_TIMEOUT")) return `no connection to ${url.host} in time`;
  const msg = chain.map((e) => (e instanceof Error ? e.message : String(e))).filter(Boolean).join(": ");
  return codes.length ? `${codes[0]}: ${msg}` : msg || "unknown error";
}


/** An abort signal that fires after `ms`, and whether it was the deadline (not another abort) that fired it. */
export interface Deadline {
  controller: AbortController;
  timedOut(): boolean;
  clear(): void;
}

export function deadline(ms: number): Deadline {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort();
  }, ms);
  return { controller, timedOut: () => fired, clear: () => clearTimeout(timer) };
}
