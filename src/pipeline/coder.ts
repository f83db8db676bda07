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
import { loadPetrarchDictionaries } from "../dict/petrarch/load.js";
import { coderVersion } from "./coder-version.js";
import { applyDictionaries } from "../dict/petrarch/to-lexicon.js";
import type { DictionaryKind } from "../dict/petrarch/types.js";

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

export interface CoderOptions extends EventOptions {
  /** Folders of PETRARCH / TABARI dictionaries to load besides (or instead of) the built-in lexicons. */
  dicts?: string[];
  /** Dictionary files named one by one, by kind. */
  dictFiles?: Partial<Record<DictionaryKind, string[] | undefined>>;
  /** false: the given dictionaries alone, without the built-in actor and verb lexicons. */
  builtin?: boolean;
}

export interface Coder {
  code(article: Article): CodeResult;
  /** Normalises an article only: its clean text, title, date and dateline (the first stage). */
  prepare(article: Article): Doc;
  /** Codes a prepared doc: the rest of the stages. */
  finish(doc: Doc): CodeResult;
  explain(doc: Doc): SentenceExplanation[];
  /** Milliseconds per stage since the coder was made. */
  timings(): Map<string, number>;
  /** Problems found while loading lexicons (malformed lines, with file:line). */
  lexiconProblems: Problem[];
  loadMs: number;
  /** Package version + fingerprint of lexicons, dictionaries and options (recorded with stored codings). */
  version: string;
}

let cached: Resources | null = null;

/** Milliseconds the first loadResources() spent on each part: the lexicons and ontology, the gazetteer, the tagger. */
export const loadTimes = { lexicons: 0, gazetteer: 0, tagger: 0 };

/** Loads every built-in lexicon and the ontology (once per process). */
export function loadResources(): Resources {
  if (cached) return cached;
  const t0 = performance.now();
  const actors = loadActorLexicon();
  const lexicons = { boilerplate: loadBoilerplate(), actors, verbs: loadVerbLexicon(), ontology: loadOntology() };
  const t1 = performance.now();
  cached = { ...lexicons, gazetteer: loadGazetteer(actors.countries, actors.iso2to3) };
  const t2 = performance.now();
  loadTagger();
  Object.assign(loadTimes, { lexicons: t1 - t0, gazetteer: t2 - t1, tagger: performance.now() - t2 });
  return cached;
}

/** Resources with PETRARCH / TABARI dictionaries added (or alone, with builtin false); not cached. */
export function loadResourcesWith(dicts: readonly string[], builtin: boolean, files?: CoderOptions["dictFiles"]): { resources: Resources; problems: Problem[] } {
  const actors = loadActorLexicon({ builtin });
  const verbs = loadVerbLexicon({ builtin });
  const ontology = loadOntology();
  const problems: Problem[] = [];
  const sets = dicts.map((dir) => loadPetrarchDictionaries(dir));
  if (files) {
    const explicit: Partial<Record<DictionaryKind, string[]>> = {};
    for (const [k, v] of Object.entries(files)) if (v?.length) explicit[k as DictionaryKind] = v;
    sets.push(loadPetrarchDictionaries(null, explicit));
  }
  for (const d of sets) problems.push(...applyDictionaries(d, actors, verbs, ontology).problems);
  loadTagger();
  return {
    resources: { boilerplate: loadBoilerplate(), actors, verbs, ontology, gazetteer: cached?.gazetteer ?? loadGazetteer(actors.countries, actors.iso2to3) },
    problems,
  };
}

export function createCoder(opts: CoderOptions = {}): Coder {
  const t0 = performance.now();
  let r: Resources;
  const dictProblems: Problem[] = [];
  if (opts.dicts?.length || opts.dictFiles || opts.builtin === false) {
    const w = loadResourcesWith(opts.dicts ?? [], opts.builtin !== false, opts.dictFiles);
    r = w.resources;
    dictProblems.push(...w.problems);
  } else r = loadResources();
  const pipeline = new Pipeline(stageTable(r, opts));
  const loadMs = performance.now() - t0;
  return {
    loadMs,
    version: coderVersion(opts),
    lexiconProblems: [...r.actors.problems, ...r.verbs.problems, ...r.ontology.problems, ...r.gazetteer.problems, ...dictProblems],
    timings: () => pipeline.timings,
    code(article) {
      const doc = pipeline.run(article);
      return { events: doc.records, problems: doc.problems, doc };
    },
    prepare(article) {
      return pipeline.runUntil(article, "normalize");
    },
    finish(doc) {
      const out = pipeline.resumeAfter(doc, "normalize");
      return { events: out.records, problems: out.problems, doc: out };
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
