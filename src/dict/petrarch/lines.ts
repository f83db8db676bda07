// Reads a PETRARCH / TABARI dictionary file into numbered lines with the comments taken out.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { problem, type Problem } from "../../core/problems.js";

export interface DictLine {
  /** The line without comments, right-trimmed; leading whitespace is kept (actor date lines start with a tab). */
  text: string;
  /** "file:line", 1-based. */
  where: string;
  /** 1-based line number. */
  n: number;
}

/** The file's text: UTF-8, or Latin-1 when it is not valid UTF-8 (old TABARI files). Null when unreadable. */
export function readDictText(path: string, problems: Problem[]): string | null {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    problems.push(problem("E_DICT_FILE", path, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message));
    return null;
  }
  const utf8 = buf.toString("utf8");
  return utf8.includes("\uFFFD") ? buf.toString("latin1") : utf8;
}

/**
 * Lines without `<!-- ... -->` comments (on one line or spanning several; only `-->` ends one), `#` comments
 * and the legacy `;` comments. Blank lines are dropped.
 */
export function dictLines(path: string, problems: Problem[], opts: { semicolon?: boolean } = {}): DictLine[] {
  const text = readDictText(path, problems);
  if (text === null) return [];
  const name = basename(path);
  const out: DictLine[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  let inComment = false;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i];
    if (inComment) {
      const end = line.indexOf("-->");
      if (end < 0) continue;
      line = line.slice(end + 3);
      inComment = false;
    }
    for (let open = line.indexOf("<!--"); open >= 0; open = line.indexOf("<!--")) {
      const end = line.indexOf("-->", open + 4);
      if (end < 0) {
        line = line.slice(0, open);
        inComment = true;
        break;
      }
      line = line.slice(0, open) + " " + line.slice(end + 3);
    }
    const hash = line.indexOf("#");
    if (hash >= 0) line = line.slice(0, hash);
    if (opts.semicolon !== false) {
      const semi = line.indexOf(";");
      if (semi >= 0) line = line.slice(0, semi);
    }
    line = line.trimEnd();
    if (!line.trim()) continue;
    out.push({ text: line, where: `${name}:${i + 1}`, n: i + 1 });
  }
  return out;
}

/** "ABC_DEF  GHI" → "abc def ghi": words joined by `_` or spaces, lower case, single spaces. */
export function phraseOf(s: string): string {
  return s.replace(/_/g, " ").trim().toLowerCase().split(/\s+/).filter(Boolean).join(" ");
}

/** Regular English noun plural, as PETRARCH forms it: -y → -ies, -s/-x/-z/-ch/-sh → -es, else -s. */
export function pluralOf(word: string): string {
  const w = word.toLowerCase();
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/.test(w)) return w + "es";
  return w + "s";
}
