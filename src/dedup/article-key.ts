// An article's identity: its URL when it has one (normalised: tracking parameters and fragments dropped), else a hash of its text.
import { createHash } from "node:crypto";

const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|rss|feed|at_medium|at_campaign|guccounter|ito)$/i;

/** The URL in a canonical form, or null when it is not an http(s) URL. */
export function normaliseUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  u.username = "";
  u.password = "";
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  u.searchParams.sort();
  if (u.pathname.length > 1 && u.pathname.endsWith("/")) u.pathname = u.pathname.slice(0, -1);
  // http and https of one page are one article
  return u.toString().replace(/^http:/, "https:");
}

/** The host of a URL without "www.", or null when it is not a URL: an outlet's name when none is given. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

export function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** Whitespace- and case-insensitive hash of a text: the same story re-sent with other spacing is the same. */
export function contentHash(text: string): string {
  return sha256(text.toLowerCase().replace(/\s+/g, " ").trim());
}

export function articleKey(url: string | null | undefined, text: string): string {
  const u = url ? normaliseUrl(url) : null;
  return u ? `url:${u}` : `sha256:${contentHash(text)}`;
}
