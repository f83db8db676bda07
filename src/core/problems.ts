// The catalogue of problems sitrep reports: stable codes, a where, and a message for people.

export const PROBLEMS = {
  E_INPUT_MISSING: "input file not found",
  E_INPUT_EMPTY: "input is empty",
  E_INPUT_BINARY: "input looks binary, not text",
  E_INPUT_ENCODING: "input could not be decoded",
  E_INPUT_JSON: "line is not valid JSON",
  E_INPUT_FIELD: "record lacks a required field or has a wrong type",
  E_INPUT_DATE: "date is not a valid ISO date",
  E_LEXICON_LINE: "lexicon line is malformed",
  E_DICT_LINE: "dictionary line is malformed",
  E_DICT_FILE: "dictionary file could not be read",
  E_VALIDATION_RECORD: "validation record could not be read",
  E_VALIDATION_FILE: "validation file has no <Sentence> records",
  E_PIPELINE: "pipeline is misconfigured",
  E_INPUT_CSV: "CSV row could not be read",
  E_FEED_FETCH: "feed or page could not be fetched",
  E_FEED_HTTP: "server answered with an error status",
  E_FEED_REFUSED: "address is loopback, private or link-local (allow it with --allow-private)",
  E_FEED_URL: "URL is not a valid http(s) URL",
  E_FEED_TIMEOUT: "server did not answer in time",
  E_FEED_TOO_LARGE: "response is larger than the size cap",
  E_FEED_REDIRECTS: "too many redirects",
  E_FEED_PARSE: "feed is not RSS or Atom that could be read",
  E_STORE_OPEN: "database could not be opened",
  E_STORE_SCHEMA: "database schema is newer than this sitrep",
  E_STORE_URL: "database URL is not valid",
  E_STORE_CONNECT: "database server could not be reached",
  E_STORE_AUTH: "database server refused the login",
  E_STORE_COPY: "database could not be copied",
  E_STORE_WRITE: "article could not be stored; nothing of it was kept",
  E_EXPORT: "export failed",
  E_QUERY: "query is not valid",
  E_WATCH_SPEC: "watch definition is not valid",
  E_TRUST: "outlet trust is not valid",
  E_API_INPUT: "request is not valid",
  E_API_AUTH: "API token missing or not valid",
  E_API_FORBIDDEN: "API token does not allow this",
  E_API_NOT_FOUND: "no such resource",
  E_API_TOO_LARGE: "request body is larger than the limit",
  E_API_RATE: "too many requests; slow down",
  E_API_INTERNAL: "internal error",
  E_SERVE_PORT: "port could not be bound",
  E_SERVE_TOKENS: "API token file is not valid",
  W_INPUT_TRUNCATED: "input is larger than the cap and was truncated",
  W_INPUT_NOT_ENGLISH: "text does not look like English; events may be missed",
  W_NO_DATE: "no publication date; relative dates are resolved against today",
  W_NO_TEXT: "no article text could be extracted",
  W_FEED_ARTICLE: "article page could not be fetched; the feed's own text was used",
  W_FEED_RETRY: "feed failed; it will be retried later",
  W_VALIDATION_REPAIRED: "validation records are not well-formed XML; read after a repair",
  W_VALIDATION_FIELD: "validation record has a doubtful field; the record is kept",
  W_DICT_DATE: "dictionary date is written loosely; read as PETRARCH reads it",
  W_VALIDATION_OUTSIDE: "text outside the validation records was ignored",
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/** A problem as data: what, where, and a message. */
export interface Problem {
  code: ProblemCode;
  /** Where: "file", "file:line", "file:line field", or a feed URL. */
  where: string;
  message: string;
}

export function problem(code: ProblemCode, where: string, detail?: string): Problem {
  const base = PROBLEMS[code];
  return { code, where, message: detail ? `${base}: ${detail}` : base };
}

export function formatProblem(p: Problem): string {
  return `${p.where}: ${p.code.startsWith("W_") ? "warning" : "error"} ${p.code}: ${p.message}`;
}

/** An error that carries a Problem, for the places where throwing is the only way out. */
export class SitrepError extends Error {
  constructor(public readonly problem: Problem) {
    super(formatProblem(problem));
  }
}
