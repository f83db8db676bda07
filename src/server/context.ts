// What every route of the API works from: the store, the coder, the token rules, the clock.
import type { ArticleCoder } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import type { TokenSet } from "./auth.js";

export interface ApiContext {
  store: Store;
  /** Codes POSTed articles; null: POST /api/articles answers 503. */
  coder: ArticleCoder | null;
  tokens: TokenSet;
  /** Reads need a token too. */
  readAuth: boolean;
  /** Milliseconds between the stream's polls of the store. */
  pollMs: number;
  /** Streams open at once, at most. */
  maxStreams: number;
  now(): Date;
  /** Unexpected errors, for the server's log (clients get "internal error"). */
  report(e: unknown): void;
}
