// Ingest: one article at a time, skipped when already stored, linked when a near-duplicate, else coded and stored in one transaction.
import { SitrepError, problem, type Problem } from "../core/problems.js";
import type { Article, CodedEvent } from "../core/types.js";
import { articleKey, contentHash, hostOf, sha256 } from "../dedup/article-key.js";
import { minhash } from "../dedup/minhash.js";
import { articleOrigin } from "../dedup/origin.js";
import type { Coder } from "../pipeline/coder.js";
import type { ArticleDate, ArticleWrite, SentenceRow, Store, WriteGrouping } from "../store/store.js";

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

/** What coding an article yields, as plain data that crosses a worker boundary cheaply (sentence texts are spans of `clean`). */
export interface CodedArticle {
  clean: string;
  published: string | null;
  title: string | null;
  datelineOutlet: string | null;
  /** Fingerprints of the clean text and the story's original source, made in the coding thread. */
  contentHash: string;
  minhash: Uint32Array | null;
  origin: string | null;
  sentences: Array<Omit<SentenceRow, "text">>;
  events: CodedEvent[];
  /** Anniversaries and coming dates the text names (risk dates for watches). */
  dates: ArticleDate[];
  problems: Problem[];
}

/** Codes one article (pure: no store): clean text, sentences and events. */
export function codeArticle(coder: Coder, a: Article): CodedArticle {
  const res = coder.code(a);
  const d = res.doc;
  const datelineOutlet = d.dateline?.outlet ?? null;
  return {
    clean: d.text,
    published: d.published ?? a.published ?? null,
    title: d.title ?? a.title ?? null,
    datelineOutlet,
    contentHash: contentHash(d.text),
    minhash: d.text ? minhash(d.text) : null,
    origin: articleOrigin(d.text, datelineOutlet),
    sentences: d.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, caption: s.caption })),
    events: res.events,
    dates: d.sentences.flatMap((s, i) => {
      const p = (d.places[i] ?? []).find((x) => x.lat != null) ?? (d.places[i] ?? [])[0];
      const place = p ? { name: p.name, country: p.country, lat: p.lat, lon: p.lon } : null;
      return (d.dates[i] ?? []).flatMap((m) => (m.role === "event" ? [] : [{ sentence: s.index, date: m.date, role: m.role, mention: m.text, place }]));
    }),
    problems: res.problems,
  };
}

/**
 * How `sitrep ingest` groups its commits: one transaction per second, of at most 1,000 articles (each article
 * journaled before it joins the transaction, so a kill still loses at most the article in flight). Measured on SQLite
 * (`node dist/bench/store-writes.js --articles 40000 --group N`): storing cost 2.03 ms an article with a commit each
 * (2.78 ms over the last 10,000), 2.03 with 32 a commit, 1.52 with 256 (1.92), 1.37 with 1,024 (1.85) — the
 * indexes take entries at random places, and a commit writes every index page it touched, so only groups
 * large next to the index share pages.
 */
export const INGEST_GROUPING: WriteGrouping = { articles: 1000, ms: 1000 };

/** Codes articles: in this thread, or in a worker so that coding and storing run side by side. */
export interface ArticleCoder {
  /** The coder's version, recorded with every coding. */
  version: string;
  code(a: Article): Promise<CodedArticle>;
}

export function inlineCoder(coder: Coder): ArticleCoder {
  return { version: coder.version, code: async (a) => codeArticle(coder, a) };
}

export interface IngestContext {
  store: Store;
  coder: ArticleCoder;
  onProblem(p: Problem): void;
  /** Re-code articles already stored by another coder version (else they are skipped). */
  recode?: boolean;
}

/** The store key an article will have: cheap, so a second ingest skips before any work. */
export function keyOf(a: Article): string {
  return articleKey(a.url, a.text ?? a.html ?? "");
}

/** An article on its way in: what was decided before coding. */
export interface Planned {
  article: Article;
  key: string;
  recode: boolean;
}

/**
 * Decides whether an article needs coding (not stored, or stored by another coder version with recode on) and
 * gives it a `doc` unique in the store. `inFlight` holds the keys and docs of articles planned but not yet stored.
 */
export async function planArticle(a: Article, ctx: IngestContext, counts: IngestCounts, inFlight: { keys: Set<string>; docs: Set<string> }, key = keyOf(a)): Promise<Planned | "skipped" | "failed"> {
  counts.read++;
  counts.bytes += (a.text ?? a.html ?? "").length;
  try {
    const existing = await ctx.store.getArticle(key);
    if (inFlight.keys.has(key) || (existing && (!ctx.recode || existing.duplicateOf || existing.coderVersion === ctx.coder.version))) {
      counts.skipped++;
      return "skipped";
    }
    // `doc` names the article in every event: unique in the store
    let doc = existing?.doc ?? a.id;
    if (!existing && (inFlight.docs.has(doc) || (await ctx.store.docTaken(doc)))) doc = `${a.id}#${sha256(key).slice(0, 8)}`;
    inFlight.keys.add(key);
    inFlight.docs.add(doc);
    return { article: { ...a, id: doc }, key, recode: !!existing };
  } catch (e) {
    counts.failed++;
    ctx.onProblem(e instanceof SitrepError ? e.problem : problem("E_STORE_WRITE", a.id, (e as Error).message));
    return "failed";
  }
}

/** Stores a coded article in one transaction: as a near-duplicate of a stored original, or with its events. */
export async function storeArticle(p: Planned, coded: CodedArticle, ctx: IngestContext, counts: IngestCounts): Promise<IngestStatus> {
  const a = p.article;
  try {
    for (const x of coded.problems) ctx.onProblem(x);
    const hash = coded.contentHash;
    const mh = coded.minhash;
    const base: Omit<ArticleWrite, "sentences" | "events" | "dates" | "duplicateOf"> = {
      key: p.key,
      doc: a.id,
      url: a.url ?? null,
      outlet: a.outlet ?? hostOf(a.url),
      published: coded.published,
      title: coded.title,
      origin: coded.origin,
      raw: a.html !== undefined ? { kind: "html", body: a.html } : { kind: "text", body: a.text ?? "" },
      clean: coded.clean,
      contentHash: hash,
      minhash: mh,
      coderVersion: ctx.coder.version,
    };
    // the same story already stored under another key: linked, its events not counted again
    if (!p.recode && coded.clean) {
      const dup = await ctx.store.findDuplicate(hash, mh);
      // its own key: stored meanwhile by another worker of a queue (a re-delivered job); never a copy of itself
      if (dup && dup.key !== p.key) {
        await ctx.store.putArticle({ ...base, sentences: [], events: [], dates: [], duplicateOf: dup.key });
        counts.duplicates++;
        return "duplicate";
      }
    }
    const sentences = coded.sentences.map((x) => ({ ...x, text: coded.clean.slice(x.start, x.end) }));
    const out = await ctx.store.putArticle({ ...base, sentences, events: coded.events, dates: coded.dates, duplicateOf: null });
    counts.events += coded.events.length;
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

/** Ingests one article from start to end (plan, code, store). */
export async function ingestArticle(a: Article, ctx: IngestContext, counts: IngestCounts, key = keyOf(a)): Promise<IngestStatus> {
  const inFlight = { keys: new Set<string>(), docs: new Set<string>() };
  const p = await planArticle(a, ctx, counts, inFlight, key);
  if (typeof p === "string") return p;
  let coded: CodedArticle;
  try {
    coded = await ctx.coder.code(p.article);
  } catch (e) {
    counts.failed++;
    ctx.onProblem(problem("E_PIPELINE", a.id, (e as Error).message));
    return "failed";
  }
  return storeArticle(p, coded, ctx, counts);
}

/**
 * Ingests a stream of articles with coding `window` articles ahead of storing: with a worker coder, the
 * second core codes while this thread writes. Articles are stored in input order, one transaction each.
 */
export async function ingestStream(items: AsyncIterable<Article>, ctx: IngestContext, counts: IngestCounts, opts: { window?: number; signal?: AbortSignal; onStored?: () => void } = {}): Promise<void> {
  const window = opts.window ?? 4;
  const inFlight = { keys: new Set<string>(), docs: new Set<string>() };
  const queue: Array<{ p: Planned; coded: Promise<CodedArticle | Error> }> = [];
  const drainOne = async () => {
    const { p, coded } = queue.shift()!;
    const c = await coded;
    if (c instanceof Error) {
      counts.failed++;
      ctx.onProblem(problem("E_PIPELINE", p.article.id, c.message));
    } else await storeArticle(p, c, ctx, counts);
    inFlight.keys.delete(p.key);
    inFlight.docs.delete(p.article.id);
    opts.onStored?.();
  };
  for await (const a of items) {
    if (opts.signal?.aborted) break;
    const p = await planArticle(a, ctx, counts, inFlight);
    if (typeof p === "string") continue;
    queue.push({ p, coded: ctx.coder.code(p.article).catch((e: Error) => e) });
    if (queue.length >= window) await drainOne();
  }
  while (queue.length) await drainOne();
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
