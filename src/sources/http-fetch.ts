// HTTP(S) GET for feeds and article pages: address guard, conditional GET, redirects by hand, a deadline and a size cap.
import { causes, deadline, describeNetworkError, header } from "./http-errors.js";
import { readFileSync } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { Agent, request, type Dispatcher } from "undici";
import { problem, SitrepError, type Problem, type ProblemCode } from "../core/problems.js";
import { repoPath } from "../core/paths.js";
import { AddressRefusedError, checkLiteralHost, guardedLookup, type AddressPolicy, type Resolver } from "./address-guard.js";
import { decode } from "./decode.js";

export interface FetchOptions extends AddressPolicy {
  /** The whole request, redirects and body included. */
  timeoutMs?: number;
  /** Cap on the body, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  userAgent?: string;
  accept?: string;
  /** Aborts the request (reported as E_FEED_FETCH "aborted"). */
  signal?: AbortSignal;
  /** Replaces the system DNS lookup (tests); the address guard still applies to what it returns. */
  resolve?: Resolver;
}

export type FetchResult =
  | { status: 200; url: string; body: Buffer; contentType: string | null; etag: string | null; lastModified: string | null }
  | { status: 304; url: string };

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

let version: string | null = null;
function defaultUserAgent(): string {
  if (version === null) {
    try {
      version = String(JSON.parse(readFileSync(repoPath("package.json"), "utf8")).version);
    } catch {
      version = "0";
    }
  }
  return `sitrep/${version} (+https://github.com/sitrep)`;
}

// One agent per address policy, so keep-alive connections are reused and never shared across policies.
const agents = new Map<string, Agent>();
function agentFor(opts: FetchOptions): Agent {
  if (opts.resolve) return newAgent(opts); // a test resolver: not cached
  const key = JSON.stringify([!!opts.allowPrivate, [...(opts.allowAddresses ?? [])].sort()]);
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = newAgent(opts)));
  return agent;
}
function newAgent(opts: FetchOptions): Agent {
  const policy: AddressPolicy = { allowPrivate: opts.allowPrivate, allowAddresses: opts.allowAddresses };
  return new Agent({ connect: { lookup: guardedLookup(policy, opts.resolve) }, keepAliveTimeout: 4_000 });
}

function fail(code: ProblemCode, where: string, detail?: string): never {
  throw new SitrepError(problem(code, where, detail));
}

function parseHttpUrl(raw: string, where: string, base?: string): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    fail("E_FEED_URL", where, base ? `redirect to unparsable ${JSON.stringify(raw)}` : undefined);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    fail("E_FEED_URL", where, base ? `redirect to ${u.protocol} URL ${u.href}` : `scheme ${u.protocol}`);
  }
  if (u.username || u.password) fail("E_FEED_URL", where, "credentials in the URL are not supported");
  u.hash = "";
  return u;
}

// Drops a body we will not read; undici reports a destroyed body as an error, which nobody needs to hear.
function discard(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

// Reads a body into memory, decompressing if needed, and stops as soon as it passes the cap.
async function readCapped(body: Readable, encoding: string | null, maxBytes: number, where: string): Promise<Buffer> {
  let stream: Readable = body;
  const enc = (encoding ?? "identity").trim().toLowerCase();
  const inflate =
    enc === "gzip" || enc === "x-gzip" ? zlib.createGunzip()
    : enc === "deflate" ? zlib.createInflate()
    : enc === "br" ? zlib.createBrotliDecompress()
    : null;
  if (inflate) stream = pipeline(body, inflate, () => {});
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) fail("E_FEED_TOO_LARGE", where, `more than ${maxBytes} bytes`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (!body.destroyed) discard(body);
    if (stream !== body && !stream.destroyed) discard(stream);
  }
  return Buffer.concat(chunks, total);
}

/**
 * GETs an http(s) URL. Follows redirects by hand (each hop's scheme and address checked again), sends
 * If-None-Match / If-Modified-Since when given, and enforces one deadline and a size cap. Throws SitrepError
 * with `where` = the URL asked for: E_FEED_URL, E_FEED_REFUSED, E_FEED_TIMEOUT, E_FEED_TOO_LARGE,
 * E_FEED_REDIRECTS, E_FEED_HTTP, E_FEED_FETCH.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const where = url;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const policy: AddressPolicy = { allowPrivate: opts.allowPrivate, allowAddresses: opts.allowAddresses };

  let current = parseHttpUrl(url, where);
  const headers: Record<string, string> = {
    "user-agent": opts.userAgent ?? defaultUserAgent(),
    accept: opts.accept ?? FEED_ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;

  const limit = deadline(timeoutMs);
  const controller = limit.controller;
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  const dispatcher: Dispatcher = agentFor(opts);
  const seen = new Set<string>();

  try {
    if (opts.signal?.aborted) fail("E_FEED_FETCH", where, "aborted");
    for (let hop = 0; ; hop++) {
      try {
        checkLiteralHost(current.hostname, policy);
      } catch (err) {
        if (err instanceof AddressRefusedError) fail("E_FEED_REFUSED", where, hopDetail(err.message, current, hop));
        throw err;
      }
      seen.add(current.href);
      let res: Dispatcher.ResponseData;
      try {
        res = await request(current, { method: "GET", headers, dispatcher, signal: controller.signal });
      } catch (err) {
        throw networkFailure(err, current, hop);
      }
      const status = res.statusCode;
      if (REDIRECTS.has(status)) {
        discard(res.body);
        const location = header(res.headers, "location");
        if (!location) fail("E_FEED_FETCH", where, `HTTP ${status} redirect without a Location header at ${current.href}`);
        const next = parseHttpUrl(location, where, current.href);
        if (seen.has(next.href)) fail("E_FEED_REDIRECTS", where, `redirect loop at ${next.href}`);
        if (hop + 1 > maxRedirects) fail("E_FEED_REDIRECTS", where, `more than ${maxRedirects}`);
        current = next;
        continue;
      }
      if (status === 304) {
        discard(res.body);
        return { status: 304, url: current.href };
      }
      if (status >= 400) {
        discard(res.body);
        fail("E_FEED_HTTP", where, hopDetail(`HTTP ${status}`, current, hop));
      }
      if (status < 200 || status >= 300) {
        discard(res.body);
        fail("E_FEED_FETCH", where, hopDetail(`unexpected HTTP ${status}`, current, hop));
      }
      const length = Number(header(res.headers, "content-length") ?? NaN);
      if (Number.isFinite(length) && length > maxBytes) {
        discard(res.body);
        fail("E_FEED_TOO_LARGE", where, `Content-Length ${length} is more than ${maxBytes} bytes`);
      }
      let body: Buffer;
      try {
        body = await readCapped(res.body, header(res.headers, "content-encoding"), maxBytes, where);
      } catch (err) {
        throw err instanceof SitrepError ? err : networkFailure(err, current, hop);
      }
      return {
        status: 200,
        url: current.href,
        body,
        contentType: header(res.headers, "content-type"),
        etag: header(res.headers, "etag"),
        lastModified: header(res.headers, "last-modified"),
      };
    }
  } finally {
    limit.clear();
    opts.signal?.removeEventListener("abort", onAbort);
    if (opts.resolve) void (dispatcher as Agent).close().catch(() => {});
  }

  function networkFailure(err: unknown, at: URL, hop: number): SitrepError {
    if (err instanceof SitrepError) return err;
    if (limit.timedOut()) return new SitrepError(problem("E_FEED_TIMEOUT", where, `no complete answer within ${timeoutMs} ms`));
    if (opts.signal?.aborted) return new SitrepError(problem("E_FEED_FETCH", where, "aborted"));
    const refused = causes(err).find((e): e is AddressRefusedError => e instanceof AddressRefusedError);
    if (refused) return new SitrepError(problem("E_FEED_REFUSED", where, hopDetail(refused.message, at, hop)));
    return new SitrepError(problem("E_FEED_FETCH", where, hopDetail(describeNetworkError(err, at), at, hop)));
  }
}

function hopDetail(detail: string, at: URL, hop: number): string {
  return hop === 0 ? detail : `${detail} (at ${at.href}, after ${hop} redirect${hop === 1 ? "" : "s"})`;
}

export interface ArticleFetchOptions extends FetchOptions {
  /** Told why a page could not be fetched (W_FEED_ARTICLE, where = the page URL), so the caller can report it. */
  onProblem?(p: Problem): void;
}

/**
 * Fetches an item's article page with the same guard and caps as feeds. Returns the decoded HTML and the final
 * URL, or null (never throws) when the page cannot be had, for the caller to fall back to the feed's own text.
 */
export async function fetchArticlePage(url: string, opts: ArticleFetchOptions = {}): Promise<{ html: string; url: string } | null> {
  const { onProblem, etag: _etag, lastModified: _lastModified, ...fetchOpts } = opts;
  const miss = (detail: string) => {
    onProblem?.(problem("W_FEED_ARTICLE", url, detail));
    return null;
  };
  try {
    const res = await fetchUrl(url, { accept: PAGE_ACCEPT, ...fetchOpts });
    if (res.status !== 200) return miss(`HTTP ${res.status}`);
    const type = (res.contentType ?? "").split(";")[0].trim().toLowerCase();
    if (type && !/^text\/|^application\/(xhtml\+)?xml$/.test(type)) return miss(`content type ${type} is not HTML`);
    const decoded = decode(res.body, url);
    if (decoded.text === null) return miss(decoded.problem?.message ?? "body could not be decoded");
    return { html: decoded.text, url: res.url };
  } catch (err) {
    if (err instanceof SitrepError) return miss(`${err.problem.code}: ${err.problem.message}`);
    return miss(err instanceof Error ? err.message : String(err));
  }
}
