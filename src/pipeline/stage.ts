// A pipeline stage: a pure Doc → Doc step that declares what it needs and what it fills in.
import type { Doc } from "./doc.js";

export type DocField = keyof Doc;

export interface Stage {
  name: string;
  requires: readonly DocField[];
  assigns: readonly DocField[];
  run(doc: Doc): Doc;
}

export function defineStage(stage: Stage): Stage {
  return stage;
}
