// Core record types shared by every layer: articles in, events out.

/** An article as a source adapter yields it. */
export interface Article {
  id: string;
  url?: string;
  outlet?: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD or full timestamp). */
  published?: string;
  title?: string;
  html?: string;
  text?: string;
}

export interface Token {
  /** Index of the token within its sentence. */
  i: number;
  text: string;
  lower: string;
  lemma: string;
  /** Universal POS tag from the tagger (NOUN, VERB, PROPN, ADP, ...). */
  pos: string;
  /** Another base form to match, when the lemma is a guess ("seized": lemma "seiz", alt "seize"). */
  alt?: string;
  /** A participle describing the noun after it ("the seized tanker"): never the anchor of an act. */
  attributive?: boolean;
  /** An -ing form named as a noun between an article and "of" ("the downing of"): a verb's pattern may still anchor on
   *  it, as a nominal event. */
  nominal?: boolean;
  /** The first word of a place name the places stage resolved ("seized Goma"): matched by the pattern word @place. */
  place?: boolean;
  /** Character offsets into the article's clean text. */
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  /** Character offsets into the clean text. */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** True for photo captions kept apart from the body. */
  caption: boolean;
}

/** An actor as it appears in the event record. */
export interface ActorRef {
  text: string;
  /** CAMEO actor code, e.g. USAGOV, IRNMIL, IGOUNO. */
  code: string;
  /** ISO 3166-1 alpha-3, or null for international and transnational actors. */
  country: string | null;
  /** Role/sector code (GOV, MIL, COP, REB, ...), or null for a bare country. */
  sector: string | null;
}

/** An actor mention found in a sentence: token span [start, end). */
export interface Mention extends ActorRef {
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
  /** What kind of lexicon entry produced it. */
  kind: "country" | "agent" | "person" | "organization" | "anonymous";
  /** A demonym used as a modifier ("Israeli strikes"): an actor only for nominal events. */
  modifier?: boolean;
  /** A plural demonym alone ("26 Colombians", "Israelis"): people of the nation, not its state or forces. */
  people?: boolean;
  /** How a missing country was filled in, for --explain ("place Mosul", "dateline"). */
  inferred?: string;
  /** An armed group coded by the country where it acts (JNIM in Burkina Faso is BFAREBJNM). */
  local?: boolean;
}

export interface Place {
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
}

export interface PlaceMention extends Place {
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
  /** The word before it ("in", "near", ...) when it is a locative phrase. */
  prep: string | null;
}

export interface DateMention {
  text: string;
  /** Resolved date, YYYY-MM-DD. */
  date: string;
  charStart: number;
  charEnd: number;
  /** What the date is of: the event, an anniversary, or something in the future. */
  role: "event" | "anniversary" | "future";
}

export interface Attribution {
  who: string;
  kind: "outlet" | "named" | "anonymous" | "official";
}

export interface CodedEvent {
  id: string;
  doc: string;
  sentence: number;
  text: string;
  date: string | null;
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  plover: { type: string; mode: string | null } | null;
  acled: { event_type: string; sub_event_type: string } | null;
  source: ActorRef;
  target: ActorRef | null;
  location: Place | null;
  attribution: Attribution[];
  hedged: boolean;
  negated: boolean;
  evidence: {
    verb: string;
    pattern: string;
    /** Character spans into the article's clean text. */
    spans: { source: [number, number]; verb: [number, number]; target: [number, number] | null };
  };
  confidence: number;
}
