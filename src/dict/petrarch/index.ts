// PETRARCH / TABARI dictionaries: readers, the folder loader, and their conversion to sitrep's lexicons.
export * from "./types.js";
export { loadPetrarchDictionaries, kindOf } from "./load.js";
export { readPetrarchVerbs, parseVerbCode, verbForms } from "./verbs-reader.js";
export { readPetrarchActors, petrarchDate, readPetrarchDate, parseRestriction } from "./actors-reader.js";
export { readPetrarchAgents } from "./agents-reader.js";
export { readPetrarchDiscards } from "./discards-reader.js";
export { readPetrarchIssues, expandIssuePhrase } from "./issues-reader.js";
export { applyDictionaries } from "./to-lexicon.js";
