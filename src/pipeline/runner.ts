// Runs an ordered table of stages; checks at start-up that each requirement is assigned earlier.
import { SitrepError, problem } from "../core/problems.js";
import type { Article } from "../core/types.js";
import { newDoc, type Doc } from "./doc.js";
import type { DocField, Stage } from "./stage.js";

/** Fields a fresh Doc already holds. */
const GIVEN: readonly DocField[] = ["article", "problems"];

export class Pipeline {
  /** Milliseconds spent per stage since creation. */
  readonly timings = new Map<string, number>();

  constructor(readonly stages: readonly Stage[]) {
    const names = new Set<string>();
    const have = new Set<DocField>(GIVEN);
    for (const s of stages) {
      if (names.has(s.name)) throw new SitrepError(problem("E_PIPELINE", s.name, `stage "${s.name}" is registered twice`));
      names.add(s.name);
      for (const r of s.requires) {
        if (!have.has(r)) throw new SitrepError(problem("E_PIPELINE", s.name, `stage "${s.name}" requires "${r}", which no earlier stage assigns`));
      }
      for (const a of s.assigns) have.add(a);
      this.timings.set(s.name, 0);
    }
  }

  run(article: Article): Doc {
    return this.runFrom(newDoc(article), 0, this.stages.length);
  }

  /** Runs the stages up to and including `name` (the ingest dedups on the clean text before coding). */
  runUntil(article: Article, name: string): Doc {
    return this.runFrom(newDoc(article), 0, this.indexOf(name) + 1);
  }

  /** Runs the stages after `name` on a doc that has been through it. */
  resumeAfter(doc: Doc, name: string): Doc {
    return this.runFrom(doc, this.indexOf(name) + 1, this.stages.length);
  }

  private indexOf(name: string): number {
    const i = this.stages.findIndex((s) => s.name === name);
    if (i < 0) throw new SitrepError(problem("E_PIPELINE", name, `no stage named "${name}"`));
    return i;
  }

  private runFrom(doc: Doc, from: number, to: number): Doc {
    for (const s of this.stages.slice(from, to)) {
      const t0 = performance.now();
      const out = s.run(doc);
      this.timings.set(s.name, this.timings.get(s.name)! + performance.now() - t0);
      if (!out || typeof out !== "object" || !Array.isArray(out.sentences)) {
        throw new SitrepError(problem("E_PIPELINE", s.name, `stage "${s.name}" did not return a Doc`));
      }
      doc = out;
    }
    return doc;
  }
}
