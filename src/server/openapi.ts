// The OpenAPI 3.1 description of the HTTP API, as data: served at /openapi.json and compiled (Ajv, JSON Schema 2020-12) to validate query strings and bodies.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  description: string;
  required?: boolean;
  schema: Schema;
}

const list = (item: string) => `^${item}(,${item})*$`;
const DATE_OR_AGE = "^(\\d{4}-\\d{2}-\\d{2}|\\d+[dwmy])$";

const q = (name: string, description: string, schema: Schema): Parameter => ({ name, in: "query", description, schema });

/** The event filters, the same as `sitrep query`'s flags. */
export const FILTER_PARAMS: Parameter[] = [
  q("since", "Event dates from (inclusive): YYYY-MM-DD, or an age back from today (7d, 12w, 6m, 1y).", { type: "string", pattern: DATE_OR_AGE }),
  q("until", "Event dates to (inclusive): YYYY-MM-DD or an age.", { type: "string", pattern: DATE_OR_AGE }),
  q("country", "ISO 3166-1 alpha-3 codes, comma-separated: the event's place, source or target country.", { type: "string", pattern: list("[A-Za-z]{3}"), maxLength: 400 }),
  q("root", "CAMEO root codes (18) or full codes (1823), comma-separated.", { type: "string", pattern: list("\\d{1,4}"), maxLength: 400 }),
  q("code", "CAMEO codes, comma-separated.", { type: "string", pattern: list("\\d{2,4}"), maxLength: 400 }),
  q("actor", "Source or target actor code; * matches any ending (IRN*).", { type: "string", pattern: "^[A-Za-z0-9]+\\*?$", maxLength: 64 }),
  q("plover", "PLOVER event types, comma-separated (ASSAULT,PROTEST).", { type: "string", pattern: list("[A-Za-z_-]+"), maxLength: 400 }),
  q("text", "Full-text search over the event sentences (SQLite FTS5 syntax).", { type: "string", minLength: 1, maxLength: 500 }),
  q("near", "Within km of a point: lat,lon,km.", { type: "string", pattern: "^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,\\d+(\\.\\d+)?$" }),
  q("doc", "The events of one article (its doc id).", { type: "string", minLength: 1, maxLength: 500 }),
];

export const PAGE_PARAMS: Parameter[] = [
  q("limit", "Rows per page (default 100).", { type: "integer", minimum: 1, maximum: 1000 }),
  q("after", "Cursor: the `next` of the previous page.", { type: "integer", minimum: 0 }),
];

const FORMAT = q("format", "Response format.", { type: "string", enum: ["json", "csv", "geojson"] });

const path = (name: string, description: string): Parameter => ({ name, in: "path", required: true, description, schema: { type: "string", minLength: 1 } });

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ "application/json": { schema } });
const err = (description: string) => ({ description, content: json(ref("Error")) });
const page = (item: Schema) => ({ type: "object", required: ["items", "next"], properties: { items: { type: "array", items: item }, next: { type: ["string", "null"], description: "Cursor of the next page (pass as `after`), null on the last." } } });
const listed = (item: string) => ({
  description: "A page of rows. CSV and GeoJSON carry the cursor in the X-Next-Cursor header (and GeoJSON as `next`).",
  content: {
    ...json(page(ref(item))),
    "text/csv": { schema: { type: "string" } },
    "application/geo+json": { schema: ref("FeatureCollection") },
  },
});
const COMMON_ERRORS = { "400": err("A parameter is not valid."), "401": err("A token is required (reads, when enabled) or was not valid."), "429": err("Too many requests.") };

/** The body of POST /api/articles. */
export const ARTICLE_INPUT: Schema = {
  type: "object",
  additionalProperties: false,
  properties: {
    id: { type: "string", minLength: 1, maxLength: 200, description: "The article's id (becomes its doc, made unique)." },
    text: { type: "string", minLength: 1, description: "Plain text. Give text or html, not both." },
    html: { type: "string", minLength: 1, description: "An HTML page: the article is extracted from it; its markup is never served back." },
    published: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$", description: "Publication date, ISO 8601." },
    url: { type: "string", maxLength: 2048, pattern: "^https?://[^\\s]+$" },
    outlet: { type: "string", minLength: 1, maxLength: 200 },
    title: { type: "string", maxLength: 1000 },
  },
  oneOf: [
    { required: ["text"], not: { required: ["html"] } },
    { required: ["html"], not: { required: ["text"] } },
  ],
};

const EVENT: Schema = {
  type: "object",
  description: "The event record (docs/DESIGN.md), with seq (cursor), cluster, and the article's outlet, url and published.",
  required: ["id", "doc", "sentence", "text", "code", "root", "quad", "goldstein"],
  properties: {
    seq: { type: "integer" },
    id: { type: "string" },
    doc: { type: "string" },
    sentence: { type: "integer" },
    text: { type: "string", description: "The sentence, from the news: untrusted text." },
    date: { type: ["string", "null"] },
    code: { type: "string" },
    root: { type: "string" },
    quad: { type: "integer" },
    goldstein: { type: "number" },
    plover: { type: ["object", "null"] },
    acled: { type: ["object", "null"] },
    source: { type: "object" },
    target: { type: ["object", "null"] },
    location: { type: ["object", "null"] },
    attribution: { type: "array" },
    hedged: { type: "boolean" },
    negated: { type: "boolean" },
    evidence: { type: "object" },
    confidence: { type: "number" },
    cluster: { type: ["integer", "null"] },
    outlet: { type: ["string", "null"] },
    url: { type: ["string", "null"] },
    published: { type: ["string", "null"] },
  },
};

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "sitrep API",
    version: "1",
    description:
      "Coded political events, their clusters, articles, watches and alerts. Text from the news is untrusted data: it is only ever returned inside JSON strings, CSV cells and GeoJSON properties. Tokens go in `Authorization: Bearer <token>`.",
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: { type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } } },
      Event: EVENT,
      Cluster: {
        type: "object",
        properties: {
          cluster: { type: "integer" },
          status: { const: "reported" },
          reports: { type: "integer" },
          outlets: { type: "array", items: { type: "string" } },
          sources: { type: "array", items: { type: "string" } },
          first_date: { type: ["string", "null"] },
          last_date: { type: ["string", "null"] },
          members: { type: "array", items: { type: "string" } },
          event: ref("Event"),
        },
      },
      Sentence: { type: "object", properties: { index: { type: "integer" }, start: { type: "integer" }, end: { type: "integer" }, text: { type: "string" }, caption: { type: "boolean" } } },
      Article: {
        type: "object",
        properties: {
          doc: { type: "string" },
          url: { type: ["string", "null"] },
          outlet: { type: ["string", "null"] },
          published: { type: ["string", "null"] },
          origin: { type: ["string", "null"] },
          sentences: { type: "array", items: ref("Sentence") },
          events: { type: "array", items: ref("Event") },
        },
      },
      ArticleInput: ARTICLE_INPUT,
      IngestOutcome: {
        type: "object",
        properties: {
          status: { enum: ["added", "duplicate", "skipped", "recoded"] },
          doc: { type: ["string", "null"] },
          duplicateOf: { type: ["string", "null"] },
          events: { type: "array", items: ref("Event") },
          problems: { type: "array", items: { type: "object" } },
        },
      },
      Watch: { type: "object" },
      WatchStatus: { type: "object" },
      Alert: { type: "object", properties: { seq: { type: "integer" }, id: { type: "string" }, watch: { type: "string" }, kind: { enum: ["level", "event", "risk-date"] }, at: { type: "string" }, level: { type: "integer" }, title: { type: "string" }, summary: { type: "string" }, evidence: { type: "array" } } },
      Stats: { type: "object" },
      FeatureCollection: { type: "object", properties: { type: { const: "FeatureCollection" }, features: { type: "array" }, next: { type: ["string", "null"] }, unlocated: { type: "integer" } } },
    },
  },
  paths: {
    "/api/events": {
      get: {
        operationId: "listEvents",
        summary: "Event reports matching the filters, oldest stored first.",
        parameters: [...FILTER_PARAMS, ...PAGE_PARAMS, FORMAT],
        responses: { "200": listed("Event"), ...COMMON_ERRORS },
      },
    },
    "/api/clusters": {
      get: {
        operationId: "listClusters",
        summary: "Clusters (reports of one real-world event) with at least one report matching the filters.",
        parameters: [...FILTER_PARAMS, ...PAGE_PARAMS, FORMAT],
        responses: { "200": listed("Cluster"), ...COMMON_ERRORS },
      },
    },
    "/api/articles": {
      post: {
        operationId: "postArticle",
        summary: "Codes an article and stores it with its events (a write token is needed).",
        security: [{ bearer: [] }],
        requestBody: { required: true, content: json(ref("ArticleInput")) },
        responses: {
          "201": { description: "Stored (added, duplicate or recoded).", content: json(ref("IngestOutcome")) },
          "200": { description: "Already stored: skipped.", content: json(ref("IngestOutcome")) },
          ...COMMON_ERRORS,
          "403": err("The token may only read."),
          "413": err("The body is larger than the limit."),
        },
      },
    },
    "/api/articles/{doc}": {
      get: {
        operationId: "getArticle",
        summary: "One article: its sentences and events.",
        parameters: [path("doc", "The article's doc id (URL-encoded).")],
        responses: { "200": { description: "The article.", content: json(ref("Article")) }, ...COMMON_ERRORS, "404": err("No such article.") },
      },
    },
    "/api/watches": {
      get: { operationId: "listWatches", summary: "Every watch.", responses: { "200": { description: "Watches.", content: json({ type: "object", properties: { items: { type: "array", items: ref("Watch") } } }) }, ...COMMON_ERRORS } },
    },
    "/api/watches/{name}/status": {
      get: {
        operationId: "watchStatus",
        summary: "A watch's posture as of a day: level, index, trend, threats, risk dates, and why.",
        parameters: [path("name", "The watch's name (URL-encoded)."), q("at", "The day (YYYY-MM-DD; default today, UTC).", { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" })],
        responses: { "200": { description: "Its status.", content: json(ref("WatchStatus")) }, ...COMMON_ERRORS, "404": err("No such watch.") },
      },
    },
    "/api/alerts": {
      get: {
        operationId: "listAlerts",
        summary: "Alerts raised, in the order raised.",
        parameters: [q("since", "Raised on or after: YYYY-MM-DD or an age (7d).", { type: "string", pattern: DATE_OR_AGE }), q("watch", "One watch's alerts.", { type: "string", minLength: 1, maxLength: 200 }), ...PAGE_PARAMS],
        responses: { "200": { description: "A page of alerts.", content: json(page(ref("Alert"))) }, ...COMMON_ERRORS },
      },
    },
    "/api/stats": {
      get: { operationId: "stats", summary: "Counts: articles, events, clusters, per outlet, per day.", responses: { "200": { description: "Counts.", content: json(ref("Stats")) }, ...COMMON_ERRORS } },
    },
    "/api/stream": {
      get: {
        operationId: "stream",
        summary:
          "Server-Sent Events: `event: event` (an event record, matching the filters) and `event: alert` as they are stored. Each message's id is `<event seq>:<alert seq>`; send it back as Last-Event-ID to resume. Without one, the stream starts from now.",
        parameters: [...FILTER_PARAMS],
        responses: { "200": { description: "An event stream.", content: { "text/event-stream": { schema: { type: "string" } } } }, ...COMMON_ERRORS },
      },
    },
    "/openapi.json": {
      get: { operationId: "openapi", summary: "This document.", security: [], responses: { "200": { description: "OpenAPI 3.1.", content: json({ type: "object" }) } } },
    },
  },
} as const;

const ajvQuery = new Ajv2020({ strict: false, allErrors: true, coerceTypes: true });
const ajvBody = new Ajv2020({ strict: false, allErrors: true });

/** One message for people from Ajv's errors, naming the parameter or field. */
function describe(errors: ErrorObject[] | null | undefined, where: "query" | "body"): string {
  const e = errors ?? [];
  const out = new Set<string>();
  for (const x of e) {
    const name = x.instancePath.replace(/^\//, "").replace(/\//g, ".");
    if (x.keyword === "additionalProperties") out.add(`unknown ${where === "query" ? "parameter" : "field"} "${(x.params as { additionalProperty: string }).additionalProperty}"`);
    else if (x.keyword === "oneOf" || (x.keyword === "required" && !name) || x.keyword === "not") out.add("give exactly one of text or html");
    else if (x.keyword === "pattern" || x.keyword === "enum") out.add(`${name || where} is not in the expected form${x.keyword === "enum" ? ` (${(x.params as { allowedValues: unknown[] }).allowedValues.join(", ")})` : ""}`);
    else out.add(`${name || where} ${x.message ?? "is not valid"}`);
  }
  return [...out].join("; ") || `${where} is not valid`;
}

/** A validator of an operation's query string, compiled from its parameters: unknown parameters are refused. */
export function queryValidator(params: readonly Parameter[]): (query: Record<string, string>) => { ok: true; values: Record<string, string | number> } | { ok: false; message: string } {
  const inQuery = params.filter((p) => p.in === "query");
  const fn: ValidateFunction = ajvQuery.compile({ type: "object", additionalProperties: false, properties: Object.fromEntries(inQuery.map((p) => [p.name, p.schema])) });
  return (query) => {
    const values: Record<string, string | number> = { ...query };
    return fn(values) ? { ok: true, values } : { ok: false, message: describe(fn.errors, "query") };
  };
}

/** The query parameters of an operation of the document, by path and method. */
export function paramsOf(p: keyof typeof OPENAPI.paths, method: "get"): Parameter[] {
  const op = (OPENAPI.paths[p] as unknown as Record<string, { parameters?: Parameter[] }>)[method];
  return op?.parameters ?? [];
}

const articleFn = ajvBody.compile(ARTICLE_INPUT);

/** Checks a POST /api/articles body against ArticleInput. */
export function checkArticleInput(body: unknown): { ok: true } | { ok: false; message: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, message: "the body must be a JSON object" };
  return articleFn(body) ? { ok: true } : { ok: false, message: describe(articleFn.errors, "body") };
}
