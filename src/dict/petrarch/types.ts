// What the PETRARCH / TABARI dictionary readers produce: a neutral model of each file, with file:line kept.
import type { Problem } from "../../core/problems.js";

/** One element of a verb pattern, on one side of the verb (`*`). */
export type PatternElement =
  /** A word or a consecutive phrase; alternatives come from synset expansion (lower case, spaces between words). */
  | { kind: "words"; alternatives: string[] }
  /** `{A B C}`: a noun phrase whose words must be consecutive. */
  | { kind: "phrase"; alternatives: string[] }
  /** `(PREP ...)`: a prepositional phrase — the preposition(s), then its own elements. */
  | { kind: "prep"; preps: string[]; elements: PatternElement[] }
  /** `+` the source actor, `$` the target actor, `%` a compound actor (both source and target), `^` skip one phrase. */
  | { kind: "source" }
  | { kind: "target" }
  | { kind: "compound" }
  | { kind: "skip" };

export interface PetrarchVerbPattern {
  /** Elements before the verb (`pre * post`), in text order. */
  pre: PatternElement[];
  post: PatternElement[];
  /** CAMEO code for the active voice; null for the null code `---`. */
  code: string | null;
  /** Second code of `[a:b]`, for the passive voice; null when absent. */
  passiveCode: string | null;
  /** The pattern line as written, and where. */
  text: string;
  where: string;
}

export interface PetrarchVerb {
  /** The base word and every form (given in `{...}` or generated: -s, -ed, -ing), lower case; multi-word verbs
   *  ("go by", "went by") have spaces. */
  forms: string[];
  /** The verb's own code, or the block's; null for `---`. */
  code: string | null;
  passiveCode: string | null;
  where: string;
}

export interface PetrarchVerbBlock {
  /** The block heading's description (`--- AGREE [050] ---` → "AGREE"). */
  meaning: string;
  code: string | null;
  verbs: PetrarchVerb[];
  patterns: PetrarchVerbPattern[];
  where: string;
}

/** `~ a (a b ATTACK) SAY = a b 015`: a verb + verb combination, kept as written (parsed into parts). */
export interface PetrarchTransformation {
  left: string[];
  right: string[];
  where: string;
}

export interface PetrarchVerbDictionary {
  /** Synset name without `&` → its phrases (lower case; regular plurals added unless `_` forbids them). */
  synsets: Map<string, string[]>;
  blocks: PetrarchVerbBlock[];
  transformations: PetrarchTransformation[];
  problems: Problem[];
}

/** A code that applies between two dates (inclusive, YYYY-MM-DD), or always when both are null. */
export interface DatedCode {
  code: string;
  from: string | null;
  to: string | null;
}

export interface PetrarchActor {
  /** The primary phrase and its `+` synonyms, lower case with spaces between words. */
  phrases: string[];
  /** The primary line's `[CODE]`, used when no dated code applies; null when none was given. */
  defaultCode: string | null;
  /** Date-restricted codes (`[USAGOV >20170120]`, `[X 19970101-20010120]`, `[X <20090120]`), in file order. */
  dated: DatedCode[];
  where: string;
}

export interface PetrarchActorDictionary {
  actors: PetrarchActor[];
  problems: Problem[];
}

export interface PetrarchAgent {
  /** The phrase and its plural(s), lower case with spaces between words. */
  phrases: string[];
  /** The agent code without `~`. */
  code: string;
  /** `[~GOV]` is added after the actor code (suffix); `[NGO~]` before it (prefix). */
  position: "suffix" | "prefix";
  where: string;
}

export interface PetrarchAgentDictionary {
  agents: PetrarchAgent[];
  problems: Problem[];
}

export interface PetrarchDiscard {
  /** Lower case phrase. */
  phrase: string;
  /** `+` discards the whole story, otherwise the sentence. */
  scope: "story" | "sentence";
  /** A trailing `_` means the match must end at a word boundary; otherwise the phrase is a stem. */
  wholeWord: boolean;
  where: string;
}

export interface PetrarchDiscardList {
  discards: PetrarchDiscard[];
  problems: Problem[];
}

export interface PetrarchIssue {
  /** Expanded phrases (n: noun forms, v: verb forms, + space/hyphen), lower case. */
  phrases: string[];
  code: string;
  where: string;
}

export interface PetrarchIssueList {
  issues: PetrarchIssue[];
  /** `~` ignore phrases (sentence) and `~~` (story). */
  ignore: Array<{ phrase: string; scope: "sentence" | "story"; where: string }>;
  problems: Problem[];
}

export type DictionaryKind = "verbs" | "actors" | "agents" | "discards" | "issues" | "ontology";

/** Everything read from one folder (or from explicit files). Several actor files merge into `actors`. */
export interface PetrarchDictionaries {
  verbs: PetrarchVerbDictionary | null;
  actors: PetrarchActorDictionary | null;
  agents: PetrarchAgentDictionary | null;
  discards: PetrarchDiscardList | null;
  issues: PetrarchIssueList | null;
  /** The files read, with their kind. */
  files: Array<{ path: string; kind: DictionaryKind }>;
  problems: Problem[];
}
