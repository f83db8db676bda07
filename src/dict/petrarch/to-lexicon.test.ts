import { test } from "node:test";
import assert from "node:assert/strict";
import { loadActorLexicon } from "../../lexicon/actors.js";
import { loadGazetteer } from "../../lexicon/gazetteer.js";
import { loadVerbLexicon } from "../../lexicon/verbs.js";
import { loadOntology } from "../../ontology/ontology.js";
import { loadBoilerplate } from "../../pipeline/normalize.js";
import { Pipeline } from "../../pipeline/runner.js";
import { stageTable } from "../../pipeline/stages.js";
import { applyDictionaries } from "./to-lexicon.js";
import type { PatternElement, PetrarchDictionaries, PetrarchVerbBlock } from "./types.js";

// Dictionaries written here as the readers would return them: invented countries, so nothing built in helps.
const w = (...alternatives: string[]): PatternElement => ({ kind: "words", alternatives });
const forms = (base: string, ...more: string[]) => [base, ...more];
function block(meaning: string, code: string | null, verbs: string[][], patterns: Array<[PatternElement[], PatternElement[], string | null]>): PetrarchVerbBlock {
  return {
    meaning,
    code,
    where: `v.txt:${meaning}`,
    verbs: verbs.map((f) => ({ forms: f, code, passiveCode: null, where: `v.txt:${f[0]}` })),
    patterns: patterns.map(([pre, post, c], i) => ({ pre, post, code: c, passiveCode: null, text: `${meaning} ${i}`, where: `v.txt:${meaning}:${i}` })),
  };
}

const dicts: PetrarchDictionaries = {
  files: [],
  problems: [],
  actors: {
    problems: [],
    actors: [
      { phrases: ["norland", "norlandic"], defaultCode: "NRL", dated: [], where: "a.txt:1" },
      { phrases: ["sudmark"], defaultCode: "SDM", dated: [], where: "a.txt:2" },
      { phrases: ["ubbo emmius"], defaultCode: "NRLELI", dated: [{ code: "NRLGOV", from: "2010-01-01", to: "2014-12-31" }], where: "a.txt:3" },
    ],
  },
  agents: {
    problems: [],
    agents: [
      { phrases: ["foreign minister", "foreign ministers"], code: "GOVFRM", position: "suffix", where: "g.txt:1" },
      { phrases: ["charity", "charities"], code: "NGO", position: "prefix", where: "g.txt:2" },
    ],
  },
  discards: { problems: [], discards: [{ phrase: "football match", scope: "sentence", wholeWord: true, where: "d.txt:1" }] },
  issues: null,
  verbs: {
    problems: [],
    synsets: new Map(),
    transformations: [],
    blocks: [
      block("CONDEMN", "112", [forms("condemn", "condemns", "condemned", "condemning")], []),
      block("APPROVE", "050", [forms("approve", "approves", "approved", "approving")], [[[], [w("budget")], null]]),
      block("AGREE", null, [forms("agree", "agrees", "agreed", "agreeing")], [[[{ kind: "compound" }], [], "050"]]),
      block("RESTORE", null, [forms("restore", "restores", "restored", "restoring")], [
        [[], [{ kind: "phrase", alternatives: ["diplomatic ties"] }, { kind: "prep", preps: ["with"], elements: [{ kind: "target" }] }], "064"],
      ]),
      block("SHELL", "190", [forms("shell", "shells", "shelled", "shelling")], []),
    ],
  },
};

const onto = loadOntology();
const actors = loadActorLexicon({ builtin: false });
const verbs = loadVerbLexicon({ builtin: false });
const applied = applyDictionaries(dicts, actors, verbs, onto);
const pipeline = new Pipeline(stageTable({ boilerplate: loadBoilerplate(), actors, verbs, ontology: onto, gazetteer: loadGazetteer(actors.countries, actors.iso2to3) }));

function code(text: string, published = "2020-06-01"): string[] {
  return pipeline.run({ id: "t", text, published }).records.map((e) => `${e.code} ${e.source.code}>${e.target?.code ?? "-"}`);
}

test("petrarch dictionaries: counts, and nothing built in is loaded with builtin false", () => {
  assert.deepEqual(applied.problems, []);
  assert.equal(applied.counts.actorPhrases, 4);
  assert.equal(applied.counts.verbPatterns, 6, "3 coded verbs alone + 3 patterns");
  assert.deepEqual(code("Iraq condemned Iran."), [], "no built-in country names");
});

test("petrarch dictionaries: verbs alone, phrases, prepositions and the target marker", () => {
  assert.deepEqual(code("Norland condemned Sudmark on Monday."), ["112 NRL>SDM"]);
  assert.deepEqual(code("Norland will restore full diplomatic ties with Sudmark."), ["064 NRL>SDM"]);
  assert.deepEqual(code("Sudmark was shelled by Norland."), ["190 NRL>SDM"]);
});

test("petrarch dictionaries: the null code stops a verb's own code; compound actors act on each other", () => {
  assert.deepEqual(code("Norland approved the budget."), []);
  // 050 is a mutual act in the ontology, so the reverse direction is coded too
  assert.ok(code("Norland approved Sudmark's request.").includes("050 NRL>SDM"));
  assert.deepEqual(code("Norland and Sudmark agreed.").sort(), ["050 NRL>SDM", "050 SDM>NRL"]);
});

test("petrarch dictionaries: agents compose by concatenation, prefix agents go first, dated codes apply", () => {
  assert.deepEqual(code("The Norland foreign minister condemned Sudmark."), ["112 NRLGOVFRM>SDM"]);
  assert.deepEqual(code("A Norland charity condemned Sudmark."), ["112 NGONRL>SDM"]);
  assert.deepEqual(code("Ubbo Emmius condemned Sudmark.", "2012-05-01"), ["112 NRLGOV>SDM"]);
  assert.deepEqual(code("Ubbo Emmius condemned Sudmark.", "2020-05-01"), ["112 NRLELI>SDM"]);
});

test("petrarch dictionaries: discarded sentences are not coded", () => {
  assert.deepEqual(code("Norland condemned Sudmark after the football match."), []);
});
