// A token-sequence trie: finds the longest lexicon phrase starting at a token.
import type { Token } from "../core/types.js";

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

export interface TrieMatch<T> {
  /** Token span [start, end). */
  start: number;
  end: number;
  values: T[];
}

/** Lower-cases and splits a phrase the way the tagger splits tokens (punctuation apart, 's apart). */
export function phraseKeys(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean);
}

/** A plain English singular for a plural noun ("militias" → "militia", "forces" → "force", "parties" → "party"). */
export function singular(w: string): string {
  if (w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (/(ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

export class PhraseTrie<T> {
  private root: Node<T> = { next: new Map(), values: [] };
  size = 0;

  add(phrase: string | string[], value: T): void {
    const keys = Array.isArray(phrase) ? phrase : phraseKeys(phrase);
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  /**
   * Longest match at `start`. Each token is tried by its lower-cased form and then by its lemma,
   * so plural nouns match singular entries ("soldiers" → "soldier").
   */
  longest(tokens: readonly Token[], start: number, useLemma: boolean): TrieMatch<T> | null {
    let best: TrieMatch<T> | null = null;
    const walk = (node: Node<T>, i: number): void => {
      if (node.values.length && i > start && (!best || i > best.end)) best = { start, end: i, values: node.values };
      if (i >= tokens.length) return;
      const t = tokens[i];
      const a = node.next.get(t.lower);
      if (a) walk(a, i + 1);
      if (useLemma && t.lemma !== t.lower) {
        const b = node.next.get(t.lemma);
        if (b) walk(b, i + 1);
      }
      // capitalised plurals are often tagged as proper nouns and keep their plural lemma ("Militants")
      if (useLemma && t.lower.length > 3 && t.lower.endsWith("s")) {
        const sing = singular(t.lower);
        if (sing !== t.lemma && sing !== t.lower) {
          const c = node.next.get(sing);
          if (c) walk(c, i + 1);
        }
      }
    };
    walk(this.root, start);
    return best;
  }
}
