// Set-based precision / recall / F1 over per-sentence tuples, summed over a gold corpus.
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  exact: number;
  sentences: number;
}

export function newTally(): Tally {
  return { tp: 0, fp: 0, fn: 0, exact: 0, sentences: 0 };
}

/** Adds one sentence: gold and predicted sets of tuple keys. */
export function add(t: Tally, gold: Set<string>, pred: Set<string>): void {
  let tp = 0;
  for (const g of gold) if (pred.has(g)) tp++;
  t.tp += tp;
  t.fp += pred.size - tp;
  t.fn += gold.size - tp;
  t.sentences++;
  if (tp === gold.size && tp === pred.size) t.exact++;
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function line(name: string, t: Tally): string {
  const { p, r, f1 } = prf(t);
  return `${name.padEnd(34)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  exact ${t.exact}/${t.sentences}  (tp ${t.tp} fp ${t.fp} fn ${t.fn})`;
}
