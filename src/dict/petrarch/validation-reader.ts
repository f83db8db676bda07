// Reads PETRARCH validation files (<Sentence> records with <EventCoding> and <Text>) record by record, recovering from malformed XML.
//
// The community's files are not well-formed as wholes: PETR_Validate_records_2_02.xml nests a comment in its
// header and carries non-XML `<PLEvent {json}>` lines; PETR2_GSR_validation.xml has a header without comment
// markers and self-closes every `<Sentence .../>` before its children. So the file is cut at its <Sentence> tags,
// each record is repaired in the known ways and parsed alone with fast-xml-parser; a record that still fails is
// reported with its file:line and the others are kept. The parse trees are blanked out: sitrep codes raw text.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { problem, type Problem } from "../../core/problems.js";
import { decode } from "../../sources/decode.js";

/** One `<EventCoding>`: actor codes and the event code as the file writes them (absent actors as NO_ACTOR). */
export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
}

export interface ValidationRecord {
  id: string;
  category: string;
  /** YYYY-MM-DD from the record's date="YYYYMMDD", or null when it has none or a bad one. */
  date: string | null;
  /** False for evaluate="false": kept and counted, not scored. */
  evaluate: boolean;
  /** The <Text>, entities decoded, whitespace runs made single spaces. */
  text: string;
  expected: ExpectedEvent[];
  /** `<EventCoding noevents="True">`: the sentence must give no event. */
  noEvents: boolean;
  /** `<EventCoding error="...">`: PETRARCH must raise this error (a discard, a dateline, a bad parse). */
  error: boolean;
  /** The error= value: "storydiscard", "sentencediscard", "dateline", "bad_input_parse", ... */
  errorKind: string | null;
  /** `<Config option= value=>`: coder settings the record asks for (sitrep does not apply them). */
  config: Record<string, string>;
  /** "file:line" of the <Sentence> tag. */
  where: string;
}

export interface ValidationEnvironment {
  /** <Include>: the categories the file says are implemented, or null when it does not say. */
  include: string[] | null;
  /** The files it names, by element, lower case: verbfile, actorfile, agentfile, discardfile, picofile, ... */
  files: Record<string, string[]>;
  /** `<Config option= value=>` in the environment. */
  config: Record<string, string>;
}

export interface ValidationFile {
  records: ValidationRecord[];
  environment: ValidationEnvironment;
  problems: Problem[];
}

/** The token for an absent actor, on the gold side and the coded side alike; PETRARCH writes it so. */
export const NO_ACTOR = "---";

/** An actor code as compared: upper case; empty → NO_ACTOR; PETRARCH's `~` (an agent alone) → `---`. */
export function normaliseActor(code: string | null | undefined): string {
  const c = (code ?? "").trim().toUpperCase().replace(/^~/, NO_ACTOR);
  return c || NO_ACTOR;
}

/** Repairs the reader makes, each reported once per file with the lines of the records it was made in. */
const REPAIRS = {
  selfClosed: "<Sentence .../> is self-closed and followed by its children; read as an open tag",
  unclosed: "no </Sentence> before the next record; closed there",
  plevent: "non-XML <PLEvent {...}> line ignored",
  ampersand: "bare & read as &amp;",
  lessThan: "bare < read as &lt;",
} as const;
type Repair = keyof typeof REPAIRS;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  attributesGroupName: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === "EventCoding" || name === "Config" || name === "Text",
});

type Node = { "@"?: Record<string, string>; "#text"?: string; [child: string]: unknown };

const blank = (s: string) => s.replace(/[^\n]/g, " ");

function attrsOf(node: unknown): Record<string, string> {
  const a = (node && typeof node === "object" ? (node as Node)["@"] : undefined) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) out[k.toLowerCase()] = String(v);
  return out;
}

/** "19950101" → "1995-01-01"; null unless it is a real calendar date. */
export function isoDate(d: string | undefined): string | null {
  if (!d || !/^\d{8}$/.test(d)) return null;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const t = new Date(iso + "T00:00:00Z");
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Reads a validation file; never throws: an unreadable file gives no records and a problem. */
export function readPetrarchValidation(path: string): ValidationFile {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { records: [], environment: { include: null, files: {}, config: {} }, problems: [problem("E_INPUT_MISSING", path, why)] };
  }
  const d = decode(buf, path);
  if (d.text === null) return { records: [], environment: { include: null, files: {}, config: {} }, problems: [d.problem!] };
  return parsePetrarchValidation(d.text, basename(path));
}

/** Reads a validation file's text; `name` is used in each problem's and record's "name:line". */
export function parsePetrarchValidation(source: string, name: string): ValidationFile {
  const problems: Problem[] = [];
  // well-formed comments out first (the header and the notes), lengths and newlines kept for line numbers
  const text = source.replace(/<!--[\s\S]*?-->/g, blank);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const starts = [...text.matchAll(/<Sentence\b[^>]*>/g)];
  const environment = readEnvironment(text, starts.length ? starts[0].index! : text.length, name, lineAt, problems);

  const records: ValidationRecord[] = [];
  const repairs = new Map<Repair, number[]>();
  const firstLineOfId = new Map<string, number>();
  const outside: Array<[number, number]> = [];
  let prevEnd = 0;
  for (let k = 0; k < starts.length; k++) {
    const open = starts[k];
    const at = open.index!;
    const next = k + 1 < starts.length ? starts[k + 1].index! : text.length;
    const close = text.indexOf("</Sentence>", at + open[0].length);
    const closed = close >= 0 && close < next;
    const end = closed ? close + "</Sentence>".length : next;
    outside.push([prevEnd, at]);
    prevEnd = end;
    const line = lineAt(at);
    const where = `${name}:${line}`;
    const r = readRecord(open[0], text.slice(at + open[0].length, closed ? close : end), closed, where, line, name);
    if ("failure" in r) {
      problems.push(r.failure);
      continue;
    }
    for (const fix of r.repairs) repairs.set(fix, [...(repairs.get(fix) ?? []), line]);
    problems.push(...r.warnings);
    const rec = r.record;
    const seen = firstLineOfId.get(rec.id);
    if (seen !== undefined) problems.push(problem("W_VALIDATION_FIELD", where, `id ${rec.id} is also the id of the record at line ${seen}; both are kept`));
    else firstLineOfId.set(rec.id, line);
    records.push(rec);
  }
  outside.push([prevEnd, text.length]);
  for (const [from, to] of outside) {
    // the file's frame is expected between records; anything else there is stray
    const rest = text.slice(from, to).replace(/<\?xml[^>]*\?>|<\/?(Validation|Sentences)\s*>|<Environment\b[\s\S]*?<\/Environment>/g, blank);
    const m = /\S/.exec(rest);
    if (m) {
      const snippet = rest.slice(m.index).trim().split("\n")[0].slice(0, 60);
      problems.push(problem("W_VALIDATION_OUTSIDE", `${name}:${lineAt(from + m.index)}`, `"${snippet}"`));
    }
  }
  for (const [k, lines] of repairs) {
    const shown = lines.slice(0, 5).join(", ") + (lines.length > 5 ? ", ..." : "");
    problems.push(problem("W_VALIDATION_REPAIRED", `${name}:${lines[0]}`, `${REPAIRS[k]}: ${lines.length} record${lines.length > 1 ? "s" : ""} (line${lines.length > 1 ? "s" : ""} ${shown})`));
  }
  if (!starts.length) problems.push(problem("E_VALIDATION_FILE", name));
  return { records, environment, problems };
}

function readEnvironment(text: string, before: number, name: string, lineAt: (o: number) => number, problems: Problem[]): ValidationEnvironment {
  const env: ValidationEnvironment = { include: null, files: {}, config: {} };
  const m = /<Environment\b[^>]*>[\s\S]*?<\/Environment>/.exec(text.slice(0, before));
  if (!m) return env;
  const v = XMLValidator.validate(m[0]);
  if (v !== true) problems.push(problem("W_VALIDATION_OUTSIDE", `${name}:${lineAt(m.index) + v.err.line - 1}`, `<Environment> is not well-formed (${v.err.msg}); read as far as it goes`));
  const e = ((parser.parse(m[0]) as Node).Environment ?? {}) as Node;
  for (const [tag, value] of Object.entries(e)) {
    const t = tag.toLowerCase();
    const s = typeof value === "string" ? value.trim() : "";
    // <Include>valid A B</Include>: "valid" is PETRARCH's switch to honour evaluate=, not a category
    if (t === "include") env.include = s.split(/\s+/).filter((c) => c && c !== "valid");
    else if (t.endsWith("file") && s) env.files[t] = s.split(",").map((f) => f.trim()).filter(Boolean);
    else if (t === "config") for (const c of value as unknown[]) {
      const a = attrsOf(c);
      if (a.option) env.config[a.option] = a.value ?? "";
    }
  }
  return env;
}

type RecordResult = { record: ValidationRecord; repairs: Repair[]; warnings: Problem[] } | { failure: Problem };

/** One record: its start tag and the body up to (not including) its </Sentence>, or to the next record. */
function readRecord(openTag: string, body: string, closed: boolean, where: string, line: number, name: string): RecordResult {
  const repairs: Repair[] = [];
  const idInTag = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(openTag);
  const label = idInTag ? `record ${idInTag[1] ?? idInTag[2]}` : "a record";
  let x = openTag;
  if (/\/\s*>$/.test(x)) {
    x = x.replace(/\/\s*>$/, ">");
    repairs.push("selfClosed");
  }
  x += body.replace(/<Parse\b[^>]*>[\s\S]*?(<\/Parse\s*>|$)/g, blank);
  if (!closed) {
    repairs.push("unclosed");
    x = x.replace(/<\/?(Sentences|Validation)\s*>/g, blank);
  }
  x = x.replace(/<PLEvent\b[^\n]*/g, (s) => (repairs.push("plevent"), blank(s)));
  x = x.replace(/&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g, () => (repairs.push("ampersand"), "&amp;"));
  x = x.replace(/<(?![A-Za-z_/!?])/g, () => (repairs.push("lessThan"), "&lt;"));
  const xml = x + "</Sentence>";
  const v = XMLValidator.validate(xml);
  if (v !== true) return { failure: problem("E_VALIDATION_RECORD", `${name}:${line + v.err.line - 1}`, `${label}: ${v.err.msg}`) };
  const node = (parser.parse(xml) as Node).Sentence as Node;
  const a = attrsOf(node);
  const fail = (why: string) => ({ failure: problem("E_VALIDATION_RECORD", where, `${label}: ${why}`) });
  if (!a.id) return fail("the <Sentence> has no id");
  const texts = (node.Text as unknown[] | undefined) ?? [];
  if (!texts.length) return fail("no <Text>");
  if (texts.length > 1) return fail("more than one <Text>");
  if (typeof texts[0] !== "string") return fail("markup inside <Text>");
  const sentence = texts[0].replace(/\s+/g, " ").trim();
  if (!sentence) return fail("an empty <Text>");

  const warnings: Problem[] = [];
  const warn = (why: string) => warnings.push(problem("W_VALIDATION_FIELD", where, `${label}: ${why}`));
  const date = isoDate(a.date);
  if (!date) warn(a.date === undefined ? "no date; coded without one" : `date "${a.date}" is not YYYYMMDD; coded without one`);
  if (!a.category) warn("no category");
  const ev = (a.evaluate ?? "true").toLowerCase();
  if (ev !== "true" && ev !== "false") warn(`evaluate="${a.evaluate}" is neither true nor false; evaluated`);
  const expected: ExpectedEvent[] = [];
  let noEvents = false;
  let errorKind: string | null = null;
  for (const c of (node.EventCoding as unknown[] | undefined) ?? []) {
    const e = attrsOf(c);
    if (e.eventcode) expected.push({ source: normaliseActor(e.sourcecode), target: normaliseActor(e.targetcode), code: e.eventcode.trim().toUpperCase() });
    else if ("noevents" in e) noEvents = e.noevents.toLowerCase() !== "false";
    else if ("error" in e) errorKind = e.error || "error";
    else warn("an <EventCoding> with no eventcode, noevents or error; ignored");
  }
  if (noEvents && expected.length) {
    warn("noevents together with event codings; the codings are kept");
    noEvents = false;
  }
  const config: Record<string, string> = {};
  for (const c of (node.Config as unknown[] | undefined) ?? []) {
    const o = attrsOf(c);
    if (o.option) config[o.option] = o.value ?? "";
  }
  return {
    record: {
      id: a.id,
      category: a.category ?? "",
      date,
      evaluate: ev !== "false",
      text: sentence,
      expected,
      noEvents,
      error: errorKind !== null,
      errorKind,
      config,
      where,
    },
    repairs: [...new Set(repairs)],
    warnings,
  };
}
