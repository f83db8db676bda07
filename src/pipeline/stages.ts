// The ordered table of pipeline stages: the one place where the order of work is decided.
import type { ActorLexicon } from "../lexicon/actors.js";
import type { Gazetteer } from "../lexicon/gazetteer.js";
import type { VerbLexicon } from "../lexicon/verbs.js";
import type { Ontology } from "../ontology/ontology.js";
import { createActorsStage } from "./actors.js";
import { createAttributionStage } from "./attribution.js";
import { createEventsStage, type EventOptions } from "./events.js";
import { createNormalizeStage, type BoilerplateRules } from "./normalize.js";
import { createPlacesStage } from "./places.js";
import { createRecordStage } from "./record.js";
import type { Stage } from "./stage.js";
import { createTagStage } from "./tag.js";
import { createTimeStage } from "./time.js";

export interface Resources {
  boilerplate: BoilerplateRules;
  actors: ActorLexicon;
  verbs: VerbLexicon;
  ontology: Ontology;
  gazetteer: Gazetteer;
}

export function stageTable(r: Resources, opts: EventOptions = {}): Stage[] {
  return [
    createNormalizeStage(r.boilerplate), // HTML/text → clean text, paragraphs, captions, dateline
    createTagStage(undefined, (w) => !!r.verbs.byAnchor.get(w)?.some((p) => !p.noun)), // sentences and tokens with POS and lemmas (wink-nlp)
    createTimeStage(), // dates against the publication date (chrono-node)
    createActorsStage(r.actors), // actor mentions → CAMEO actor codes
    createPlacesStage(r.gazetteer), // place names → coordinates (before events: "seized Goma" takes a place)
    createEventsStage(r.verbs, r.ontology, opts), // verb patterns → CAMEO event codes, source/target, modality
    createAttributionStage(), // who says so, hedges
    createRecordStage(r.ontology, r.gazetteer), // the public event record
  ];
}
