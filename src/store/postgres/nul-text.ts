// PostgreSQL text cannot hold U+0000: a reversible escape keeps hostile text exactly as it came.

// a private-use character escapes itself and NUL; text without either passes through untouched
const ESC = "\uE000";
const NEEDS = /[\u0000\uE000]/;

/** Text as stored: NUL and the escape character escaped. */
export function toPgText(s: string): string;
export function toPgText(s: string | null): string | null;
export function toPgText(s: string | null): string | null {
  if (s === null || !NEEDS.test(s)) return s;
  return s.replace(/[\u0000\uE000]/g, (c) => (c === ESC ? ESC + "\uE001" : ESC + "\uE002"));
}

/** Stored text back as it came. */
export function fromPgText(s: string): string;
export function fromPgText(s: string | null): string | null;
export function fromPgText(s: string | null): string | null {
  if (s === null || !s.includes(ESC)) return s;
  return s.replace(/\uE000([\uE001\uE002])/g, (_, c: string) => (c === "\uE001" ? ESC : "\u0000"));
}
