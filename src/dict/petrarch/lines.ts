// Reads a PETRARCH / TABARI dictionary file into numbered lines with the comments taken out.
import { isUtf8 } from "node:buffer";
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
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "a folder, not a file" : err.message;
    problems.push(problem("E_DICT_FILE", path, why));
    return null;
  }
  let text = isUtf8(buf) ? buf.toString("utf8") : buf.toString("latin1");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/**
 * Lines without `<!-- ... -->` comments (on one line or spanning several; only `-->` ends one), other lines
 * that start with `<!`, `#` comments and the legacy TABARI `;` comments (`semicolon: false` keeps `;`). Blank
 * lines are dropped.
 */
export function dictLines(path: string, problems: Problem[], opts: { semicolon?: boolean } = {}): DictLine[] {
  const text = readDictText(path, problems);
  return text === null ? [] : linesOf(text, basename(path), opts);
}

/** The same, for text already read; `name` is what `where` starts with. */
export function linesOf(text: string, name: string, opts: { semicolon?: boolean } = {}): DictLine[] {
  const out: DictLine[] = [];
  eachLine(text, opts, (line, n) => out.push({ text: line, where: `${name}:${n}`, n }));
  return out;
}

/**
 * Calls `fn` with each line that is left once comments are taken out (right-trimmed, leading whitespace kept)
 * and its 1-based number; allocates nothing per line beyond the line itself, for the large actor files.
 */
export function eachLine(text: string, opts: { semicolon?: boolean }, fn: (line: string, n: number) => void): void {
  const semicolon = opts.semicolon !== false;
  // old Mac files end lines with a lone CR
  const sep = text.includes("\n") ? "\n" : "\r";
  let inComment = false;
  let n = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf(sep, start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    n++;
    if (inComment) {
      const close = line.indexOf("-->");
      if (close < 0) continue;
      line = line.slice(close + 3);
      inComment = false;
    }
    if (line.includes("<!--")) {
      for (let open = line.indexOf("<!--"); open >= 0; open = line.indexOf("<!--", open)) {
        const close = line.indexOf("-->", open + 4);
        if (close < 0) {
          line = line.slice(0, open);
          inComment = true;
          break;
        }
        line = line.slice(0, open) + " " + line.slice(close + 3);
      }
    }
    // PETRARCH skips any line that starts with "<!", a comment or not ("<! -- note -->")
    if (line.includes("<!") && line.trimStart().startsWith("<!")) continue;
    let stop = line.indexOf("#");
    if (semicolon) {
      const semi = line.indexOf(";");
      if (semi >= 0 && (stop < 0 || semi < stop)) stop = semi;
    }
    if (stop < 0) stop = line.length;
    // right-trim (CR and spaces); skip lines that are blank
    while (stop > 0 && line.charCodeAt(stop - 1) <= 32) stop--;
    if (stop === 0) continue;
    fn(stop === line.length ? line : line.slice(0, stop), n);
  }
}

/** "ABC_DEF  GHI" → "abc def ghi": words joined by `_` or spaces, lower case, single spaces. */
export function phraseOf(s: string): string {
  return s.replace(/[_\s]+/g, " ").trim().toLowerCase();
}

/**
 * Regular English noun plural, as PETRARCH forms it but with English spelling: -y after a consonant → -ies;
 * -ss, -us, -x, -z, -ch, -sh → -es; -is → -es; another final -s is taken as plural already (the word itself);
 * else -s.
 */
export function pluralOf(word: string): string {
  const w = word.toLowerCase();
  const last = w.charAt(w.length - 1);
  if (last === "y") return /[aeiou]y$/.test(w) ? w + "s" : w.slice(0, -1) + "ies";
  if (last === "s") {
    if (w.endsWith("ss") || w.endsWith("us")) return w + "es";
    if (w.endsWith("is") && w.length > 3) return w.slice(0, -2) + "es";
    return w;
  }
  if (last === "x" || last === "z" || w.endsWith("ch") || w.endsWith("sh")) return w + "es";
  return w + "s";
}

/** The plural of a phrase: its last word made plural. */
export function pluralPhrase(phrase: string): string {
  const sp = phrase.lastIndexOf(" ");
  return sp < 0 ? pluralOf(phrase) : phrase.slice(0, sp + 1) + pluralOf(phrase.slice(sp + 1));
}
