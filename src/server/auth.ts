// API tokens: kept only as SHA-256 hashes in `<db>.tokens.json`, made by `sitrep serve --new-token NAME` (shown once), checked per request.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { SitrepError, problem } from "../core/problems.js";

/** What a token allows: `read` the GET routes (when reads need a token), `write` also POST. */
export type TokenScope = "read" | "write";

export interface StoredToken {
  name: string;
  /** Hex SHA-256 of the token: the token itself is never kept. */
  sha256: string;
  scope: TokenScope;
  created: string;
}

/** The tokens a server accepts; `check` gives the matching token's name and scope, or null. */
export interface TokenSet {
  readonly size: number;
  check(token: string): { name: string; scope: TokenScope } | null;
}

export const tokensPath = (db: string) => `${db}.tokens.json`;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function tokenSet(tokens: readonly StoredToken[]): TokenSet {
  const hashes = tokens.map((t) => ({ ...t, bytes: Buffer.from(t.sha256, "hex") }));
  return {
    size: hashes.length,
    check(token) {
      const h = Buffer.from(hashToken(token), "hex");
      // compare with every hash in constant time: no early exit that tells how close a guess was
      let hit: (typeof hashes)[number] | null = null;
      for (const t of hashes) if (timingSafeEqual(t.bytes, h) && !hit) hit = t;
      return hit ? { name: hit.name, scope: hit.scope } : null;
    },
  };
}

/** The tokens file's entries; none when it does not exist; a SitrepError (E_SERVE_TOKENS) naming the file when it is malformed. */
export function readTokens(path: string): StoredToken[] {
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new SitrepError(problem("E_SERVE_TOKENS", path, `not JSON: ${(e as Error).message}`));
  }
  const list = (data as { tokens?: unknown })?.tokens;
  if (!Array.isArray(list)) throw new SitrepError(problem("E_SERVE_TOKENS", path, `expected {"tokens": [...]}`));
  return list.map((t, i) => {
    const x = t as Partial<StoredToken>;
    if (typeof x?.name !== "string" || typeof x.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(x.sha256) || (x.scope !== "read" && x.scope !== "write")) {
      throw new SitrepError(problem("E_SERVE_TOKENS", `${path} tokens[${i}]`, "each token needs a name, a 64-hex-digit sha256 and a scope read|write"));
    }
    return { name: x.name, sha256: x.sha256, scope: x.scope, created: typeof x.created === "string" ? x.created : "" };
  });
}

/** Makes a token, stores its hash under `name` (replacing one of that name), and returns the token: the only time it is seen. */
export function newToken(path: string, name: string, scope: TokenScope, now = new Date()): { token: string; replaced: boolean } {
  const tokens = readTokens(path);
  const token = `sitrep_${randomBytes(32).toString("base64url")}`;
  const replaced = tokens.some((t) => t.name === name);
  const next = [...tokens.filter((t) => t.name !== name), { name, sha256: hashToken(token), scope, created: now.toISOString() }];
  // written whole then renamed: a crash never leaves half a file; readable by the owner only
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: 1, tokens: next }, null, 2) + "\n", { mode: 0o600 });
  renameSync(tmp, path);
  return { token, replaced };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1] : null;
}
