// MinHash over 3-word shingles with LSH bands: finds the same wire story re-published with other boilerplate.
// Written here: the npm MinHash packages are unmaintained or hash with BigInt per feature; this is 60 lines.

/** Hash functions in a signature. */
export const K = 64;
/**
 * LSH over the first BANDS × ROWS values: a pair with Jaccard 0.7 shares a band with probability 0.96, 0.8 with
 * 0.998, unrelated stories (0.02) with 0.00006; candidates are then checked on all K values. Each band is one
 * random index page written per article, so fewer bands make ingest cheaper.
 */
export const BANDS = 8;
export const ROWS = 3;
/** Estimated Jaccard similarity from which two articles are one story. */
export const NEAR_JACCARD = 0.6;
/** Texts with fewer shingles are too short to tell apart by MinHash; only exact copies count. */
export const MIN_SHINGLES = 20;

function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: spreads the bits of an integer. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The MinHash signature of a text, or null when it has fewer than MIN_SHINGLES shingles. */
export function minhash(text: string): Uint32Array | null {
  const w = words(text);
  const seen = new Set<string>();
  for (let i = 0; i + 2 < w.length; i++) seen.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
  if (seen.size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(K).fill(0xffffffff);
  for (const sh of seen) {
    // double hashing: K functions from two base hashes
    const a = fnv(sh, 0);
    const b = fnv(sh, 0x9e3779b9) | 1;
    for (let i = 0; i < K; i++) {
      const h = mix((a + Math.imul(i, b)) >>> 0);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** The LSH buckets of a signature: band number in the high bits, a hash of the band's rows in the low 32. */
export function buckets(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix((h ^ sig[b * ROWS + r]) >>> 0);
    out.push(b * 2 ** 32 + h);
  }
  return out;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < K; i++) if (a[i] === b[i]) n++;
  return n / K;
}

export function toBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBlob(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b);
  return new Uint32Array(copy.buffer, 0, K);
}
