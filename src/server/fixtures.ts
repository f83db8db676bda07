// Made-up articles and a real API server on an ephemeral 127.0.0.1 port over a temporary SQLite store, for the server's tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Problem } from "../core/problems.js";
import type { Article } from "../core/types.js";
import { ingestArticle, inlineCoder, newCounts, type ArticleCoder } from "../ingest/ingest.js";
import { createCoder } from "../pipeline/coder.js";
import { STORE_KEEPS_UNATTRIBUTED } from "../ingest/worker-coder.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/store.js";
import { createApp, type AppOptions } from "./app.js";
import { newToken, readTokens, tokenSet, tokensPath } from "./auth.js";
import { startServer, type RunningServer } from "./serve.js";

/** Made-up reports (places are real towns so they geocode; the events are invented). */
export const ARTICLES: Article[] = [
  { id: "north-1", url: "https://lakeside.example/north-1", outlet: "Lakeside Herald", published: "2026-11-20", text: "Rebels attacked an army post near Goma on Thursday, killing four soldiers, local officials said. The army vowed to respond." },
  { id: "capital-1", url: "https://capital.example/capital-1", outlet: "Capital Times", published: "2026-11-21", text: "Police arrested dozens of protesters in Kampala on Friday after a march against fuel prices, witnesses said." },
  { id: "talks-1", outlet: "Wire Daily", published: "2026-11-22", text: "The foreign minister of Kenya met the president of Uganda in Nairobi on Saturday to discuss border trade." },
];

/** Hostile text from "the news": markup that must come back inert, as data. */
export const HOSTILE: Article = {
  id: "hostile-1",
  outlet: "Evil <b>Outlet</b>",
  title: "<img src=x onerror=alert(2)>",
  published: "2026-11-23",
  text: "Militants <script>alert(1)</script> shelled a village near Bunia on Sunday, killing six civilians, a United Nations official said.",
};

/**
 * More made-up reports for the dashboard's map, timeline and watch: a second outlet on the Goma attack (corroboration),
 * every quad class, several countries and days, a threat against Goma and a date named ahead.
 */
export const DASHBOARD_ARTICLES: Article[] = [
  { id: "north-2", url: "https://greatlakes.example/wire/north-2", outlet: "Great Lakes Wire", published: "2026-11-20", text: "Rebel fighters attacked an army post near Goma on Thursday and killed four soldiers, a military spokesman said." },
  { id: "aid-1", url: "https://relief.example/aid-1", outlet: "Relief Notes", published: "2026-11-17", text: "The United Nations delivered food aid to families in camps near Bunia on Monday, aid workers said." },
  { id: "threat-1", url: "https://lakeside.example/threat-1", outlet: "Lakeside Herald", published: "2026-11-28", text: "Rebel commanders threatened on Friday to attack the airport in Goma, residents said." },
  { id: "teargas-1", url: "https://coast.example/teargas-1", outlet: "Coast Courier", published: "2026-11-25", text: "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said." },
  { id: "accuse-1", url: "javascript:alert(3)", outlet: "Hill Post", published: "2026-11-26", text: "The government of Rwanda accused Congo of shelling villages near Gisenyi on Wednesday." },
  { id: "deal-1", url: "https://capital.example/deal-1", outlet: "Capital Times", published: "2026-11-16", text: "Officials of Tanzania and Kenya signed a trade agreement in Arusha on Monday." },
  { id: "rally-1", url: "https://lakeside.example/rally-1", outlet: "Lakeside Herald", published: "2026-11-29", text: "Opposition parties called for protests in Goma on December 15, the anniversary of the fall of the city in 2012." },
];

let shared: ArticleCoder | null = null;
/** One coder for every test server of the process (lexicons load once). */
export function testCoder(): ArticleCoder {
  return (shared ??= inlineCoder(createCoder({ keepUnattributed: STORE_KEEPS_UNATTRIBUTED })));
}

export interface TestServer extends RunningServer {
  store: Store;
  dir: string;
  dbPath: string;
  writeToken: string;
  readToken: string;
  /** fetch relative to the server, with the given token (or none). */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/** A store filled with ARTICLES, write and read tokens in its tokens file, and the API on an ephemeral port. */
export async function startTestServer(opts: Omit<AppOptions, "tokens"> = {}, articles: Article[] = ARTICLES): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-api-"));
  const dbPath = join(dir, "api.db");
  const store = openSqliteStore(dbPath);
  const coder = testCoder();
  const problems: Problem[] = [];
  for (const a of articles) await ingestArticle(a, { store, coder, onProblem: (p) => problems.push(p) }, newCounts());
  const file = tokensPath(dbPath);
  const writeToken = newToken(file, "writer", "write").token;
  const readToken = newToken(file, "reader", "read").token;
  const app = createApp(store, { coder, rateLimit: null, pollMs: 50, ...opts, tokens: tokenSet(readTokens(file)) });
  const server = await startServer(app, { host: "127.0.0.1", port: 0 });
  return {
    ...server,
    store,
    dir,
    dbPath,
    writeToken,
    readToken,
    call(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set("Authorization", `Bearer ${token}`);
      return fetch(server.url + path, { ...rest, headers });
    },
    async close() {
      await server.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
