// Scores coded events against PETRARCH validation records: exact triples, sentences right, and by category.
import { add as addSets, newTally, prf, type Tally } from "../../core/tally.js";
import type { ValidationRecord } from "./validation-reader.js";

export { prf };

export interface Triple {
  source: string;
  target: string;
  code: string;
}

export interface ValidationScore {
  triples: Tally;
  /** Looser: (code, source) pairs and root codes alone, for diagnosis. */
  codeSource: Tally;
  root: Tally;
  byCategory: Map<string, Tally>;
}

const key = (t: Triple) => `${t.source}|${t.target}|${t.code}`;

/** Scores the evaluated records; `predicted` maps a record id to the coder's triples. */
export function scoreValidation(records: readonly ValidationRecord[], predicted: ReadonlyMap<string, readonly Triple[]>): ValidationScore {
  const s: ValidationScore = { triples: newTally(), codeSource: newTally(), root: newTally(), byCategory: new Map() };
  for (const r of records) {
    if (!r.evaluate) continue;
    const pred = predicted.get(r.id) ?? [];
    const gold = r.noEvents || r.error ? [] : r.expected;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    addSets(s.triples, g, p);
    addSets(s.codeSource, new Set(gold.map((x) => `${x.code}|${x.source}`)), new Set(pred.map((x) => `${x.code}|${x.source}`)));
    addSets(s.root, new Set(gold.map((x) => x.code.slice(0, 2))), new Set(pred.map((x) => x.code.slice(0, 2))));
    let c = s.byCategory.get(r.category);
    if (!c) s.byCategory.set(r.category, (c = newTally()));
    addSets(c, g, p);
  }
  return s;
}

export function formatTally(label: string, t: Tally): string {
  const { p, r, f1 } = prf(t);
  const pct = t.sentences ? ((100 * t.exact) / t.sentences).toFixed(1) : "0.0";
  return `${label.padEnd(30)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  exact ${t.exact}/${t.sentences} (${pct}%)  (tp ${t.tp} fp ${t.fp} fn ${t.fn})`;
}
