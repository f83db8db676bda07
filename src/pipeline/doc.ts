// The document that flows through the pipeline stages, filled in stage by stage.
import type { Article, Attribution, CodedEvent, DateMention, Mention, PlaceMention, Sentence } from "../core/types.js";
import type { Problem } from "../core/problems.js";

export interface Paragraph {
  start: number;
  end: number;
  caption: boolean;
}

/** A pattern match before it becomes an event record. */
export interface EventCandidate {
  sentence: number;
  code: string;
  /** The pattern text and its lexicon line, for provenance. */
  pattern: string;
  patternWhere: string;
  /** Token span of the matched verb phrase. */
  verbStart: number;
  verbEnd: number;
  source: Mention | null;
  target: Mention | null;
  negated: boolean;
  /** Why the candidate was kept or dropped, for --explain. */
  notes: string[];
  /** A dropped candidate stays in the explanation but produces no event. */
  dropped: string | null;
  confidence: number;
  /** The pattern makes coordinated actors act on each other (PETRARCH `%`). */
  compound?: boolean;
  /** From a user dictionary's pattern: no recoding by modality, no mutual reversal. */
  literal?: boolean;
  /** A claim of responsibility (the pattern's `claims` flag): a nominal act after it is the claimant's. */
  claims?: boolean;
  /** The pattern's `mutual` flag: coordinated subjects act on each other, a target acts back. */
  mutual?: boolean;
  /** The source is the unnamed civilians of a protest named by a noun: kept only where a country is known. */
  crowd?: boolean;
  /** The code before the recodings that depend on who acts on whom, so a copy for other actors
   *  (a coordinated subject, the reverse of a mutual act) is recoded for them. */
  actCode?: string;
}

export interface SentenceAttribution {
  chain: Attribution[];
  hedged: boolean;
}

export interface Doc {
  article: Article;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  published: string | null;
  title: string | null;
  /** Clean UTF-8 text; every offset points into it. */
  text: string;
  paragraphs: Paragraph[];
  /** Dateline ("BAGHDAD (Reuters) -"): place and outlet, when the article has one. */
  dateline: { place: string; outlet: string | null } | null;
  sentences: Sentence[];
  dates: DateMention[][];
  mentions: Mention[][];
  events: EventCandidate[];
  attribution: SentenceAttribution[];
  places: PlaceMention[][];
  records: CodedEvent[];
  problems: Problem[];
}

export function newDoc(article: Article): Doc {
  return {
    article,
    published: null,
    title: null,
    text: "",
    paragraphs: [],
    dateline: null,
    sentences: [],
    dates: [],
    mentions: [],
    events: [],
    attribution: [],
    places: [],
    records: [],
    problems: [],
  };
}
