// Reads PETRARCH validation files (<Sentence> records with <EventCoding> and <Text>), recovering from malformed XML.
//
// Written by hand rather than with an XML parser: the community's files are not well-formed (comments without
// `<!--`, self-closed <Sentence/> tags followed by their children, stray `&`), so a parser rejects them whole.
// Records are found by their <Sentence start tags and read one by one; a record that cannot be read is reported
// with its line and the others are kept.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { problem, type Problem } from "../../core/problems.js";

export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
}

export interface ValidationRecord {
  id: string;
  category: string;
  /** YYYY-MM-DD, or null when the record has none. */
  date: string | null;
  evaluate: boolean;
  text: string;
  expected: ExpectedEvent[];
  /** `<EventCoding noevents=...>`: the sentence must give no event. */
  noEvents: boolean;
  /** `<EventCoding error=...>`: the sentence is expected to fail; scored as expecting no event. */
  error: boolean;
  /** `<Config option= value=>` records. */
  config: Record<string, string>;
  where: string;
}

export interface ValidationFile {
  records: ValidationRecord[];
  /** The categories the file says are implemented (<Include>), if it says. */
  include: string[] | null;
  problems: Problem[];
}

/** The token for an absent actor on either side of a comparison. */
export const NO_ACTOR = "---";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1].toLowerCase()] = decodeEntities(m[3] ?? m[4] ?? "");
  return out;
}

function isoDate(d: string | undefined): string | null {
  if (!d || !/^\d{8}$/.test(d)) return null;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

export function readPetrarchValidation(path: string): ValidationFile {
  const problems: Problem[] = [];
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    problems.push(problem("E_INPUT_MISSING", path, (e as Error).message));
    return { records: [], include: null, problems };
  }
  // take out well-formed comments (the header and notes) so their examples are not read as records
  text = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const lineAt = (() => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    return (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
  })();
  const inc = /<Include>([\s\S]*?)<\/Include>/.exec(text);
  const include = inc ? inc[1].trim().split(/\s+/).filter(Boolean) : null;
  const starts = [...text.matchAll(/<Sentence\b[^>]*>/g)];
  const records: ValidationRecord[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < starts.length; k++) {
    const m = starts[k];
    const at = m.index!;
    const end = k + 1 < starts.length ? starts[k + 1].index! : text.length;
    const chunk = text.slice(at, end);
    const where = `${name}:${lineAt(at)}`;
    const a = attrs(m[0]);
    const id = a.id ?? "";
    if (!id) {
      problems.push(problem("E_VALIDATION_RECORD", where, "a <Sentence> without an id"));
      continue;
    }
    if (seen.has(id)) problems.push(problem("E_VALIDATION_RECORD", where, `id ${id} appears more than once`));
    seen.add(id);
    const t = /<Text>([\s\S]*?)<\/Text>/.exec(chunk);
    if (!t) {
      problems.push(problem("E_VALIDATION_RECORD", where, `record ${id} has no <Text>...</Text>`));
      continue;
    }
    const sentence = decodeEntities(t[1]).replace(/\s+/g, " ").trim();
    if (!sentence) {
      problems.push(problem("E_VALIDATION_RECORD", where, `record ${id} has an empty <Text>`));
      continue;
    }
    const expected: ExpectedEvent[] = [];
    let noEvents = false;
    let error = false;
    // codings stand before <Text>; those after it (in the parse) are not the record's
    for (const ec of chunk.slice(0, t.index).matchAll(/<EventCoding\b[^>]*>/g)) {
      const e = attrs(ec[0]);
      if ("noevents" in e) noEvents = true;
      else if ("error" in e) error = true;
      else if (e.eventcode) expected.push({ source: (e.sourcecode || NO_ACTOR).toUpperCase(), target: (e.targetcode || NO_ACTOR).toUpperCase(), code: e.eventcode.toUpperCase() });
      else problems.push(problem("E_VALIDATION_RECORD", `${name}:${lineAt(at + ec.index!)}`, `record ${id}: an <EventCoding> without eventcode, noevents or error`));
    }
    const config: Record<string, string> = {};
    for (const cf of chunk.slice(0, t.index).matchAll(/<Config\b[^>]*>/g)) {
      const c = attrs(cf[0]);
      if (c.option) config[c.option] = c.value ?? "";
    }
    records.push({
      id,
      category: a.category ?? "",
      date: isoDate(a.date),
      evaluate: (a.evaluate ?? "true").toLowerCase() !== "false",
      text: sentence,
      expected,
      noEvents: noEvents && !expected.length,
      error,
      config,
      where,
    });
  }
  if (!starts.length) problems.push(problem("E_VALIDATION_RECORD", name, "no <Sentence> records found"));
  return { records, include, problems };
}
