// Ingest: one article at a time, skipped when already stored, linked when a near-duplicate, else coded and stored in one transaction.
import { SitrepError, problem, type Problem } from "../core/problems.js";
import type { Article } from "../core/types.js";
import { articleKey, contentHash, sha256 } from "../dedup/article-key.js";
import { minhash } from "../dedup/minhash.js";
import { articleOrigin } from "../dedup/origin.js";
import type { Coder } from "../pipeline/coder.js";
import type { Store } from "../store/store.js";

export type IngestStatus = "added" | "duplicate" | "skipped" | "recoded" | "failed";

export interface IngestCounts {
  read: number;
  added: number;
  duplicates: number;
  skipped: number;
  recoded: number;
  failed: number;
  events: number;
  bytes: number;
}

export function newCounts(): IngestCounts {
  return { read: 0, added: 0, duplicates: 0, skipped: 0, recoded: 0, failed: 0, events: 0, bytes: 0 };
}

export interface IngestContext {
  store: Store;
  coder: Coder;
  onProblem(p: Problem): void;
  /** Re-code articles already stored by another coder version (else they are skipped). */
  recode?: boolean;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** The store key an article will have: cheap, so a second ingest skips before any work. */
export function keyOf(a: Article): string {
  return articleKey(a.url, a.text ?? a.html ?? "");
}

/** Ingests one article; problems go to onProblem, and a failure never leaves a partial article. */
export async function ingestArticle(a: Article, ctx: IngestContext, counts: IngestCounts, key = keyOf(a)): Promise<IngestStatus> {
  const { store, coder } = ctx;
  counts.read++;
  counts.bytes += (a.text ?? a.html ?? "").length;
  try {
    const existing = await store.getArticle(key);
    if (existing && (!ctx.recode || existing.duplicateOf || existing.coderVersion === coder.version)) {
      counts.skipped++;
      return "skipped";
    }
    // `doc` names the article in every event: unique in the store
    let docId = existing?.doc ?? a.id;
    if (!existing && (await store.docTaken(docId))) docId = `${a.id}#${sha256(key).slice(0, 8)}`;
    const prepared = coder.prepare({ ...a, id: docId });
    const clean = prepared.text;
    const hash = contentHash(clean);
    const mh = clean ? minhash(clean) : null;
    const outlet = a.outlet ?? hostOf(a.url);
    const base = {
      key,
      doc: docId,
      url: a.url ?? null,
      outlet,
      published: prepared.published ?? a.published ?? null,
      title: prepared.title ?? a.title ?? null,
      origin: articleOrigin(clean, prepared.dateline?.outlet ?? null),
      raw: a.html !== undefined ? { kind: "html" as const, body: a.html } : { kind: "text" as const, body: a.text ?? "" },
      clean,
      contentHash: hash,
      minhash: mh,
      coderVersion: coder.version,
    };
    if (!existing && clean) {
      const dup = await store.findDuplicate(hash, mh);
      if (dup) {
        await store.putArticle({ ...base, sentences: [], events: [], duplicateOf: dup.key });
        counts.duplicates++;
        return "duplicate";
      }
    }
    const res = coder.finish(prepared);
    for (const p of res.problems) ctx.onProblem(p);
    const out = await store.putArticle({
      ...base,
      sentences: res.doc.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: s.text, caption: s.caption })),
      events: res.events,
      duplicateOf: null,
    });
    counts.events += res.events.length;
    if (out.status === "recoded") {
      counts.recoded++;
      return "recoded";
    }
    counts.added++;
    return "added";
  } catch (e) {
    counts.failed++;
    ctx.onProblem(e instanceof SitrepError ? e.problem : problem("E_STORE_WRITE", a.id, (e as Error).message));
    return "failed";
  }
}

/** Re-codes every stored article a different coder version coded, one transaction each. */
export async function recodeStale(ctx: IngestContext, counts: IngestCounts, onEach?: () => void): Promise<void> {
  const done = new Set<string>();
  for (;;) {
    const keys = (await ctx.store.staleArticles(ctx.coder.version, 200)).filter((k) => !done.has(k));
    if (!keys.length) return;
    for (const key of keys) {
      done.add(key);
      const r = await ctx.store.getRaw(key);
      if (!r) continue;
      const m = r.meta;
      const a: Article = {
        id: m.doc,
        ...(m.url ? { url: m.url } : {}),
        ...(m.outlet ? { outlet: m.outlet } : {}),
        ...(m.published ? { published: m.published } : {}),
        ...(m.title ? { title: m.title } : {}),
        ...(r.raw.kind === "html" ? { html: r.raw.body } : { text: r.raw.body }),
      };
      await ingestArticle(a, { ...ctx, recode: true }, counts, key);
      onEach?.();
    }
  }
}
