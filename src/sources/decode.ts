// Bytes → UTF-8 text: BOMs, UTF-16, a declared HTML charset, else detection (chardet) and conversion (iconv-lite).
import chardet from "chardet";
import iconv from "iconv-lite";
import { problem, type Problem } from "../core/problems.js";

export interface Decoded {
  text: string | null;
  encoding: string | null;
  problem: Problem | null;
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return n > 0 && ctrl / n > 0.1;
}

function declaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 2048).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /^<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function decode(buf: Buffer, where: string): Decoded {
  if (buf.length === 0) return { text: null, encoding: null, problem: problem("E_INPUT_EMPTY", where) };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString("utf8"), encoding: "utf-8", problem: null };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le", problem: null };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be", problem: null };
  if (looksBinary(buf)) return { text: null, encoding: null, problem: problem("E_INPUT_BINARY", where) };
  const declared = declaredCharset(buf);
  if (declared && declared !== "utf-8" && declared !== "utf8" && iconv.encodingExists(declared)) {
    return { text: iconv.decode(buf, declared), encoding: declared, problem: null };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8", problem: null };
  } catch {
    const guess = chardet.detect(buf.subarray(0, 65536));
    const enc = guess && iconv.encodingExists(guess) ? guess : "windows-1252";
    return { text: iconv.decode(buf, enc), encoding: enc.toLowerCase(), problem: null };
  }
}
