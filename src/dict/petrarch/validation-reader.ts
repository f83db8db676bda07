// Reads PETRARCH validation files (<Sentence> records with <EventCoding> and <Text>) record by record, recovering from malformed XML.
//
// The community's files are not well-formed as wholes: PETR_Validate_records_2_02.xml nests a comment in its
// header and carries non-XML `<PLEvent {json}>` lines; PETR2_GSR_validation.xml has a header without comment
// markers and self-closes every `<Sentence .../>` before its children. So the file is cut at its <Sentence>
// tags, each record is repaired in the known ways and read alone, strictly (validation-xml.ts); a record that
// still does not balance is reported with its file:line and the others are kept. Parse trees are blanked out
// unread: sitrep codes the raw text.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { problem, type Problem } from "../../core/problems.js";
import { decode } from "../../sources/decode.js";
import { scanTags, textOf, type Tag } from "./validation-xml.js";

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
  /** False for evaluate="false": read and counted, not scored. */
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
  /** Coder options in force for the record: `<Config option= value=>` inside it, or between records before it
   *  (those hold until set again). sitrep does not apply them; --errors shows them. */
  config: Record<string, string>;
  /** "file:line" of the <Sentence> tag. */
  where: string;
}

export interface ValidationEnvironment {
  /** <Include>: the categories the file says are implemented, or null when it does not say. */
  include: string[] | null;
  /** The files it names, by element in lower case: verbfile, actorfile, agentfile, discardfile, picofile, ... */
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

/** An actor code as compared: upper case; empty → NO_ACTOR; PETRARCH's leading `~` (an agent alone) → `---`. */
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

const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** The option= value= pairs of <Config> tags. */
function configOf(tags: readonly Tag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) if (t.name === "Config" && t.kind !== "close" && t.attrs.option) out[t.attrs.option] = t.attrs.value ?? "";
  return out;
}

/** "19950101" → "1995-01-01"; null unless it is a real calendar date. */
export function isoDate(d: string | undefined): string | null {
  if (!d || !/^\d{8}$/.test(d)) return null;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const t = new Date(iso + "T00:00:00Z");
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : null;
}

const NO_ENVIRONMENT = (): ValidationEnvironment => ({ include: null, files: {}, config: {} });

/** Reads a validation file; never throws: an unreadable file gives no records and a problem. */
export function readPetrarchValidation(path: string): ValidationFile {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { records: [], environment: NO_ENVIRONMENT(), problems: [problem("E_INPUT_MISSING", path, why)] };
  }
  const d = decode(buf, path);
  if (d.text === null) return { records: [], environment: NO_ENVIRONMENT(), problems: [d.problem!] };
  return parsePetrarchValidation(d.text, basename(path));
}

/** Reads a validation file's text; `name` is the file in each problem's and record's "name:line". */
export function parsePetrarchValidation(source: string, name: string): ValidationFile {
  const problems: Problem[] = [];
  // well-formed comments out first (the header, the notes), lengths and newlines kept for the line numbers
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
  const records: ValidationRecord[] = [];
  const repairs = new Map<Repair, number[]>();
  const firstLineOfId = new Map<string, number>();
  let environment = NO_ENVIRONMENT();
  // <Config> between records sets an option for every record after it, until set again (as in PETRARCH-1, TABARI)
  const running: Record<string, string> = {};
  const between = (from: number, to: number) => {
    let rest = text.slice(from, to);
    rest = rest.replace(/<Environment\b[^>]*>[\s\S]*?<\/Environment\s*>/g, (env, at: number) => {
      environment = readEnvironment(env, from + at, name, lineAt, problems);
      return blank(env);
    });
    rest = rest.replace(/<Config\b[^>]*?(\/>|>\s*<\/Config\s*>)/g, (c) => {
      const s = scanTags(c);
      if ("tags" in s) Object.assign(running, configOf(s.tags));
      return "tags" in s ? blank(c) : c;
    });
    // the file's frame is expected here; anything else is stray
    rest = rest.replace(/<\?xml[^>]*\?>|<\/?(Validation|Sentences)\s*>/g, blank);
    const m = /\S/.exec(rest);
    if (m) {
      const snippet = rest.slice(m.index).trim().split("\n")[0].slice(0, 60);
      problems.push(problem("W_VALIDATION_OUTSIDE", `${name}:${lineAt(from + m.index)}`, `"${snippet}"`));
    }
  };

  let prevEnd = 0;
  for (let k = 0; k < starts.length; k++) {
    const open = starts[k];
    const at = open.index!;
    const next = k + 1 < starts.length ? starts[k + 1].index! : text.length;
    const close = text.indexOf("</Sentence>", at + open[0].length);
    const closed = close >= 0 && close < next;
    const end = closed ? close + "</Sentence>".length : next;
    between(prevEnd, at);
    prevEnd = end;
    const line = lineAt(at);
    const where = `${name}:${line}`;
    const r = readRecord(open[0], text.slice(at + open[0].length, closed ? close : end), closed, name, line);
    if ("failure" in r) {
      problems.push(r.failure);
      continue;
    }
    for (const fix of r.repairs) repairs.set(fix, [...(repairs.get(fix) ?? []), line]);
    problems.push(...r.warnings);
    const rec = r.record;
    rec.config = { ...running, ...rec.config };
    const seen = firstLineOfId.get(rec.id);
    if (seen !== undefined) problems.push(problem("W_VALIDATION_FIELD", where, `id ${rec.id} is also the id of the record at line ${seen}; both are kept`));
    else firstLineOfId.set(rec.id, line);
    records.push(rec);
  }
  between(prevEnd, text.length);

  for (const [fix, lines] of repairs) {
    const shown = lines.slice(0, 5).join(", ") + (lines.length > 5 ? ", ..." : "");
    const n = lines.length;
    problems.push(problem("W_VALIDATION_REPAIRED", `${name}:${lines[0]}`, `${REPAIRS[fix]}: ${n} record${n > 1 ? "s" : ""} (line${n > 1 ? "s" : ""} ${shown})`));
  }
  if (!starts.length) problems.push(problem("E_VALIDATION_FILE", name));
  const lineOf = (p: Problem) => Number(/:(\d+)$/.exec(p.where)?.[1] ?? 0);
  problems.sort((p, q) => lineOf(p) - lineOf(q));
  return { records, environment, problems };
}

function readEnvironment(env: string, at: number, name: string, lineAt: (o: number) => number, problems: Problem[]): ValidationEnvironment {
  const out = NO_ENVIRONMENT();
  const s = scanTags(env);
  if ("error" in s) {
    problems.push(problem("W_VALIDATION_OUTSIDE", `${name}:${lineAt(at + s.offset)}`, `<Environment> is not well-formed (${s.error}); it is not read`));
    return out;
  }
  for (const t of s.tags) {
    if (t.kind !== "open" || t.name === "Environment") continue;
    const value = (textOf(env, s.tags, t) ?? "").trim();
    const tag = t.name.toLowerCase();
    // <Include>valid A B</Include>: "valid" is PETRARCH's switch to honour evaluate=, not a category
    if (tag === "include") out.include = value.split(/\s+/).filter((c) => c && c !== "valid");
    else if (tag.endsWith("file") && value) out.files[tag] = value.split(",").map((f) => f.trim()).filter(Boolean);
  }
  out.config = configOf(s.tags);
  return out;
}

type RecordResult = { record: ValidationRecord; repairs: Repair[]; warnings: Problem[] } | { failure: Problem };

/** One record: its start tag and its body up to (not including) its </Sentence>, or up to the next record. */
function readRecord(openTag: string, body: string, closed: boolean, name: string, line: number): RecordResult {
  const where = `${name}:${line}`;
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
  x += "</Sentence>";
  const s = scanTags(x);
  // the repairs keep every newline, so the newlines before an offset into x count the lines into the record
  const lineOf = (offset: number) => line + (x.slice(0, offset).match(/\n/g)?.length ?? 0);
  if ("error" in s) return { failure: problem("E_VALIDATION_RECORD", `${name}:${lineOf(s.offset)}`, `${label}: ${s.error}`) };
  const fail = (why: string) => ({ failure: problem("E_VALIDATION_RECORD", where, `${label}: ${why}`) });
  const a = s.tags[0].attrs;
  if (!a.id) return fail("the <Sentence> has no id");
  const texts = s.tags.filter((t) => t.name === "Text" && t.kind !== "close");
  if (!texts.length) return fail("no <Text>");
  if (texts.length > 1) return fail("more than one <Text>");
  const raw = textOf(x, s.tags, texts[0]);
  if (raw === null) return fail("markup inside <Text>");
  const sentence = raw.replace(/\s+/g, " ").trim();
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
  const codings = s.tags.filter((t) => t.name === "EventCoding" && t.kind !== "close");
  if (!codings.length) warn("no <EventCoding>; read, not scored");
  for (const t of codings) {
    const e = t.attrs;
    if (e.eventcode) expected.push({ source: normaliseActor(e.sourcecode), target: normaliseActor(e.targetcode), code: e.eventcode.trim().toUpperCase() });
    else if ("noevents" in e) noEvents = e.noevents.toLowerCase() !== "false";
    else if ("error" in e) errorKind = e.error || "error";
    else warn("an <EventCoding> with no eventcode, noevents or error; ignored");
  }
  if (noEvents && expected.length) {
    warn("noevents together with event codings; the codings are kept");
    noEvents = false;
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
      config: configOf(s.tags),
      where,
    },
    repairs: [...new Set(repairs)],
    warnings,
  };
}
