// Scores coded (source, target, code) triples against PETRARCH validation records: exact triples, sentences right, looser figures, by category.
import { add, newTally, prf, type Tally } from "../../core/tally.js";
import { normaliseActor, type ValidationRecord } from "./validation-reader.js";

export { prf, type Tally };

export interface Triple {
  source: string;
  target: string;
  code: string;
}

/** A record with what the coder gave for its text. */
export interface Coded {
  record: ValidationRecord;
  predicted: readonly Triple[];
}

/** Why a record is left out of the scores. */
export type SkipReason = "evaluate-false" | "no-coding" | "parse-error";

/** error= kinds about the record's parse tree, which sitrep never reads: its text alone cannot show them. */
export const PARSE_ERRORS: ReadonlySet<string> = new Set(["bad_input_parse"]);

/** Set-based tallies: exact triples, and for diagnosis (code, source) pairs and CAMEO root codes alone. */
export interface Figures {
  triples: Tally;
  codeSource: Tally;
  root: Tally;
}

export interface ValidationScore extends Figures {
  byCategory: Map<string, Figures>;
  /** Over the categories the file's <Include> lists as implemented; null when it lists none. */
  implemented: Figures | null;
  scored: number;
  skipped: Record<SkipReason, number>;
}

export function skipReason(r: ValidationRecord): SkipReason | null {
  if (!r.evaluate) return "evaluate-false";
  if (r.error) return r.errorKind && PARSE_ERRORS.has(r.errorKind) ? "parse-error" : null;
  return r.expected.length || r.noEvents ? null : "no-coding";
}

/** What the record expects: nothing for noevents, nor for an expected discard or dateline error. */
export function expectedTriples(r: ValidationRecord): Triple[] {
  return r.noEvents || r.error ? [] : r.expected;
}

/** A triple as compared: actor codes normalised the way the reader normalises the gold ones. */
export function tripleKey(t: Triple): string {
  return `${normaliseActor(t.source)}|${normaliseActor(t.target)}|${t.code.trim().toUpperCase()}`;
}

const codeSourceKey = (k: string) => {
  const [source, , code] = k.split("|");
  return `${code}|${source}`;
};
const rootKey = (k: string) => k.split("|")[2].slice(0, 2);

function newFigures(): Figures {
  return { triples: newTally(), codeSource: newTally(), root: newTally() };
}

function addFigures(f: Figures, gold: Set<string>, pred: Set<string>): void {
  const map = (s: Set<string>, fn: (k: string) => string) => new Set([...s].map(fn));
  add(f.triples, gold, pred);
  add(f.codeSource, map(gold, codeSourceKey), map(pred, codeSourceKey));
  add(f.root, map(gold, rootKey), map(pred, rootKey));
}

/** True when the coded set of triples is the expected set (nothing coded, for a record expecting nothing). */
export function isRight(record: ValidationRecord, predicted: readonly Triple[]): boolean {
  const g = new Set(expectedTriples(record).map(tripleKey));
  const p = new Set(predicted.map(tripleKey));
  return g.size === p.size && [...g].every((k) => p.has(k));
}

/** Micro-averaged over all triples of the scored records; per category; and over the implemented categories. */
export function scoreValidation(items: readonly Coded[], include: readonly string[] | null = null): ValidationScore {
  const s: ValidationScore = { ...newFigures(), byCategory: new Map(), implemented: include ? newFigures() : null, scored: 0, skipped: { "evaluate-false": 0, "no-coding": 0, "parse-error": 0 } };
  for (const { record: r, predicted } of items) {
    const why = skipReason(r);
    if (why) {
      s.skipped[why]++;
      continue;
    }
    s.scored++;
    const gold = new Set(expectedTriples(r).map(tripleKey));
    const pred = new Set(predicted.map(tripleKey));
    addFigures(s, gold, pred);
    let c = s.byCategory.get(r.category);
    if (!c) s.byCategory.set(r.category, (c = newFigures()));
    addFigures(c, gold, pred);
    if (s.implemented && include!.includes(r.category)) addFigures(s.implemented, gold, pred);
  }
  return s;
}
