// The Store boundary: articles, sentences, events and their clusters, behind one interface for every database.
import type { CodedEvent } from "../core/types.js";
import type { FeedState, FeedStateStore } from "../sources/feed-poller.js";
import type { AlertOutbox } from "./outbox.js";
import type { WatchStore } from "./watches.js";

export type { FeedState };

/** What is kept of an article: where it came from, its text, and how it relates to other articles. */
export interface ArticleMeta {
  /** The store's key: "url:<normalised URL>" or "sha256:<hash of the text>". */
  key: string;
  /** The id the events carry as `doc` (unique in the store). */
  doc: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  title: string | null;
  /** The original source of the story: the wire agency it credits, else its outlet. */
  origin: string | null;
  /** The key of the article this one re-publishes (near-duplicate), or null. */
  duplicateOf: string | null;
  coderVersion: string | null;
  ingestedAt: string;
}

export interface SentenceRow {
  index: number;
  start: number;
  end: number;
  text: string;
  caption: boolean;
}

/** One article, coded, ready to be written in one transaction. */
export interface ArticleWrite extends Pick<ArticleMeta, "key" | "doc" | "url" | "outlet" | "published" | "title" | "origin"> {
  /** The input as it came (for re-coding) and the clean text the spans point into. */
  raw: { kind: "text" | "html"; body: string };
  clean: string;
  contentHash: string;
  /** MinHash signature of the clean text's shingles (null for texts too short to compare). */
  minhash: Uint32Array | null;
  sentences: SentenceRow[];
  events: CodedEvent[];
  coderVersion: string;
  /** Key of the original this article re-publishes: then it has no sentences or events of its own. */
  duplicateOf: string | null;
  /** Anniversaries and coming dates the article names (none for a near-duplicate); replaced on re-coding. */
  dates: ArticleDate[];
  /** When it was first stored (ISO 8601); a new article takes the time of the put unless given (a copied database keeps its own). */
  ingestedAt?: string;
}

/** A date an article names as an anniversary or a coming event, with the words that name it. */
export interface ArticleDate {
  sentence: number;
  /** YYYY-MM-DD. */
  date: string;
  role: "anniversary" | "future";
  mention: string;
  /** A place the same sentence names: the date counts for a watch of that area even when the article has no event there. */
  place?: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
}

export type PutOutcome =
  | { status: "added"; doc: string; events: number }
  | { status: "duplicate"; doc: string; of: string } // a near-duplicate: linked, its events not counted again
  | { status: "recoded"; doc: string; events: number; previousVersion: string | null };

export interface EventQuery {
  /** Inclusive dates, YYYY-MM-DD (the event's date). */
  since?: string;
  until?: string;
  /** ISO3 codes: the event's place, source or target country. */
  country?: string[];
  /** CAMEO root codes ("18") and full codes ("1831"). */
  root?: string[];
  code?: string[];
  /** An actor code or a prefix with "*" ("IRN*"), matched against source or target. */
  actor?: string;
  plover?: string[];
  /**
   * Full-text search over the event's sentence, the same on every store: words (all must occur, in any case),
   * "quoted phrases" (words next to each other, in order), `a OR b`, `a NOT b` (a without b), AND (the default),
   * and a word ending in * for a prefix; the operators in capitals. No stemming. An unbalanced quote is an E_QUERY problem.
   */
  text?: string;
  near?: { lat: number; lon: number; km: number };
  /** Events of one article (by doc). */
  doc?: string;
  limit?: number;
  /** Cursor: the `seq` of the last row seen; rows after it come next. */
  after?: number;
}

export interface StoredEvent {
  /** Monotonic row number: the cursor. */
  seq: number;
  event: CodedEvent;
  article: Pick<ArticleMeta, "doc" | "url" | "outlet" | "published" | "origin">;
  cluster: number | null;
}

/** Reports of one real-world event, grouped: "reported" by so many outlets and independent sources. */
export interface Cluster {
  id: number;
  /** Always "reported": corroboration counts sources, it never verifies. */
  status: "reported";
  /** The first report, standing for the cluster. */
  event: CodedEvent;
  firstDate: string | null;
  lastDate: string | null;
  reports: number;
  outlets: string[];
  sources: string[];
  /** Event ids of the member reports. */
  members: string[];
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  sentences: number;
  events: number;
  clusters: number;
  perOutlet: Array<{ outlet: string; articles: number; events: number }>;
  perDay: Array<{ date: string; events: number; clusters: number }>;
  coderVersions: Array<{ version: string; articles: number }>;
}

/** A store is also where the feed poller keeps each feed's state (validators, failures, next poll). */
export interface Store extends FeedStateStore {
  readonly kind: string;
  /** Alerts, notifiers and deliveries (the watch layer's durable outbox). */
  readonly outbox: AlertOutbox;
  /** Watches, their risk dates, outlet trust weights, and the dates articles name. */
  readonly watches: WatchStore;
  /** The article stored under this key, or null. */
  getArticle(key: string): Promise<ArticleMeta | null>;
  /** The article whose events carry this `doc`, or null. */
  getArticleByDoc(doc: string): Promise<ArticleMeta | null>;
  /** The doc names already taken, for keeping `doc` unique. */
  docTaken(doc: string): Promise<boolean>;
  /** An original article this text copies (same content hash, or MinHash similarity over the threshold), or null. */
  findDuplicate(contentHash: string, minhash: Uint32Array | null): Promise<{ key: string; doc: string } | null>;
  /** Writes one coded article in one transaction: a new article, a near-duplicate, or a re-coding. */
  putArticle(a: ArticleWrite): Promise<PutOutcome>;
  /** The input of an article, for re-coding. */
  getRaw(key: string): Promise<{ meta: ArticleMeta; raw: ArticleWrite["raw"] } | null>;
  /** Keys of articles coded by a version other than this one. */
  staleArticles(coderVersion: string, limit: number): Promise<string[]>;
  getSentences(doc: string): Promise<SentenceRow[]>;
  queryEvents(q: EventQuery): Promise<StoredEvent[]>;
  queryClusters(q: EventQuery): Promise<Cluster[]>;
  /** Report, outlet and source counts of clusters, for exports. */
  clusterCounts(ids: readonly number[]): Promise<Map<number, { reports: number; outlets: number; sources: number }>>;
  stats(): Promise<StoreStats>;
  /**
   * Whole articles as they were written (for copying a store), in the order they were first stored, `limit` at a
   * time after the one keyed `afterKey` (from the start when null). A near-duplicate comes back without a MinHash
   * signature or coder version (""), as it is kept; an original's original always comes before it.
   */
  readArticles(afterKey: string | null, limit: number): Promise<ArticleWrite[]>;
  /** Every feed's state, by URL. */
  feedStates(): Promise<FeedState[]>;
  /**
   * Lets a long ingest commit its articles in groups (null: one transaction per article, the default). Optional:
   * for a store whose per-article commit is what ingest waits on. The store keeps what a kill would lose of the
   * open group (SQLite: a journal replayed at the next open), so a kill still loses at most the article in flight.
   */
  groupCommits?(g: WriteGrouping | null): void;
  /** Commits the open group of writes, if any (close does too). */
  flush?(): Promise<void>;
  close(): Promise<void>;
}

/** Article writes that share one transaction: committed after `articles` articles or `ms` milliseconds, whichever comes first. */
export interface WriteGrouping {
  articles: number;
  ms: number;
}
