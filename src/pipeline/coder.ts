// The coder: loads lexicons once, runs the stage table on articles, and explains what each stage found.
import type { Article, CodedEvent } from "../core/types.js";
import type { Problem } from "../core/problems.js";
import { loadActorLexicon } from "../lexicon/actors.js";
import { loadGazetteer } from "../lexicon/gazetteer.js";
import { loadVerbLexicon } from "../lexicon/verbs.js";
import { loadOntology } from "../ontology/ontology.js";
import type { Doc } from "./doc.js";
import type { EventOptions } from "./events.js";
import { loadBoilerplate } from "./normalize.js";
import { Pipeline } from "./runner.js";
import { stageTable, type Resources } from "./stages.js";
import { loadTagger } from "./tag.js";

export interface SentenceExplanation {
  doc: string;
  sentence: number;
  text: string;
  caption: boolean;
  actors: Array<{ text: string; code: string; kind: string; modifier?: boolean; inferred?: string }>;
  verbs: Array<{ text: string; pattern: string; code: string; source: string | null; target: string | null; notes: string[]; dropped: string | null }>;
  dates: Array<{ text: string; date: string; role: string }>;
  places: Array<{ text: string; name: string; country: string | null }>;
  attribution: { chain: Array<{ who: string; kind: string }>; hedged: boolean };
  events: number;
}

export interface CodeResult {
  events: CodedEvent[];
  problems: Problem[];
  doc: Doc;
}

export interface CoderOptions extends EventOptions {}

export interface Coder {
  code(article: Article): CodeResult;
  explain(doc: Doc): SentenceExplanation[];
  /** Milliseconds per stage since the coder was made. */
  timings(): Map<string, number>;
  /** Problems found while loading lexicons (malformed lines, with file:line). */
  lexiconProblems: Problem[];
  loadMs: number;
}

let cached: Resources | null = null;

/** Loads every built-in lexicon and the ontology (once per process). */
export function loadResources(): Resources {
  if (cached) return cached;
  const actors = loadActorLexicon();
  cached = {
    boilerplate: loadBoilerplate(),
    actors,
    verbs: loadVerbLexicon(),
    ontology: loadOntology(),
    gazetteer: loadGazetteer(actors.countries, actors.iso2to3),
  };
  loadTagger();
  return cached;
}

export function createCoder(opts: CoderOptions = {}): Coder {
  const t0 = performance.now();
  const r = loadResources();
  const pipeline = new Pipeline(stageTable(r, opts));
  const loadMs = performance.now() - t0;
  return {
    loadMs,
    lexiconProblems: [...r.actors.problems, ...r.verbs.problems, ...r.ontology.problems, ...r.gazetteer.problems],
    timings: () => pipeline.timings,
    code(article) {
      const doc = pipeline.run(article);
      return { events: doc.records, problems: doc.problems, doc };
    },
    explain(doc) {
      return doc.sentences.map((s) => {
        const slice = (a: number, b: number) => doc.text.slice(a, b);
        return {
          doc: doc.article.id,
          sentence: s.index,
          text: s.text,
          caption: s.caption,
          actors: (doc.mentions[s.index] ?? []).map((m) => ({ text: m.text, code: m.code, kind: m.kind, ...(m.modifier ? { modifier: true } : {}), ...(m.inferred ? { inferred: m.inferred } : {}) })),
          verbs: doc.events
            .filter((e) => e.sentence === s.index)
            .map((e) => ({
              text: slice(s.tokens[e.verbStart].start, s.tokens[e.verbEnd - 1].end),
              pattern: `${e.pattern} (${e.patternWhere})`,
              code: e.code,
              source: e.source ? `${e.source.text} = ${e.source.code}` : null,
              target: e.target ? `${e.target.text} = ${e.target.code}` : null,
              notes: e.notes,
              dropped: e.dropped,
            })),
          dates: (doc.dates[s.index] ?? []).map((d) => ({ text: d.text, date: d.date, role: d.role })),
          places: (doc.places[s.index] ?? []).map((p) => ({ text: slice(p.charStart, p.charEnd), name: p.name, country: p.country })),
          attribution: doc.attribution[s.index] ?? { chain: [], hedged: false },
          events: doc.records.filter((e) => e.sentence === s.index).length,
        };
      });
    },
  };
}
