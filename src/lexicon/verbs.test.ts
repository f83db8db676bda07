import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compilePattern, findPatternMatches, loadVerbLexicon } from "./verbs.js";
import { loadOntology } from "../ontology/ontology.js";
import type { Token } from "../core/types.js";

function toks(spec: string): Token[] {
  // "word/POS/lemma" separated by spaces
  let at = 0;
  return spec.split(" ").map((w, i) => {
    const [text, pos, lemma] = w.split("/");
    const t = { i, text, lower: text.toLowerCase(), lemma: lemma ?? text.toLowerCase(), pos, start: at, end: at + text.length };
    at += text.length + 1;
    return t;
  });
}

test("verbs: the built-in lexicon loads cleanly and every code is in the ontology", () => {
  const lex = loadVerbLexicon();
  const onto = loadOntology();
  assert.deepEqual(lex.problems, []);
  assert.ok(lex.size > 250);
  const roots = new Set<string>();
  for (const list of lex.byAnchor.values()) for (const p of list) {
    assert.ok(onto.get(p.code), `${p.where}: ${p.code} is not a CAMEO code`);
    roots.add(p.code.slice(0, 2));
  }
  assert.equal(roots.size, 20, "all 20 CAMEO roots have patterns");
});

test("verbs: pattern syntax — alternatives, gaps, multi-word slots", () => {
  const slots = compilePattern("fire * rocket|rockets at|on")!;
  assert.equal(slots.length, 4);
  assert.equal(compilePattern("* attack")!.length, 1, "a leading gap is ignored");
  assert.equal(compilePattern("*"), null);
});

test("verbs: matching on lemmas with a gap, longest pattern first; malformed lines reported with file:line", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-verbs-"));
  writeFileSync(join(dir, "verbs.txt"), "190\tattack\n194\tfire * rocket|rockets at\n193\tfire * at\nXX\tbad\n195\tstrike\tloud\n");
  const lex = loadVerbLexicon({ dir });
  assert.deepEqual(lex.problems.map((p) => p.where), ["verbs.txt:4", "verbs.txt:5"]);
  const m = findPatternMatches(toks("Militants/NOUN fired/VERB/fire two/NUM rockets/NOUN/rocket at/ADP the/DET base/NOUN"), lex);
  assert.equal(m.length, 1);
  assert.equal(m[0].pattern.code, "194");
  assert.deepEqual([m[0].start, m[0].end], [1, 5]);
  // a noun does not anchor a verb pattern without the noun flag
  assert.equal(findPatternMatches(toks("the/DET attack/NOUN"), lex).length, 0);
});
