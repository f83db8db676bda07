// sitrep ingest: files, folders and feeds into the store; idempotent, journaled article by article, committed once a second, resumable after a crash.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatProblem, type Problem } from "../core/problems.js";
import type { Article } from "../core/types.js";
import { hostOf } from "../dedup/article-key.js";
import { INGEST_GROUPING, ingestStream, keyOf, newCounts, recodeStale, type IngestContext, type IngestCounts } from "../ingest/ingest.js";
import { STORE_KEEPS_UNATTRIBUTED, codingWindow, defaultWorkers, startCoderPool } from "../ingest/worker-coder.js";
import { summarizeStep, watchStepper } from "../monitor/run-watches-step.js";
import { isoDate } from "../pipeline/iso-date.js";
import { fetchArticlePage, runPoller } from "../sources/feed-poller.js";
import type { FeedItem } from "../sources/feed.js";
import { readInput } from "../sources/read-input.js";
import { dbTarget, openStore, shownTarget } from "./db.js";
import { parseDuration, parseEvery } from "./duration.js";
import { Progress } from "./progress.js";
import { columnsOf, INPUT_OPTIONS } from "./input-options.js";

const USAGE = `Usage: sitrep ingest [options] <file|folder|feed URL|->... --db sitrep.db

Stores articles, their sentences and coded events; an article already stored (same URL, or same text when it
has no URL) is skipped, a near-duplicate of a stored one (the same wire story elsewhere) is linked to it and not
coded again, and reports of one event are grouped into clusters. Killing it loses at most the article in flight;
run it again to go on (articles are committed together once a second and journaled beside the database until
then; the next run stores what a killed one journaled). Then (and after each feed poll that stored articles)
every watch is evaluated and new alerts go to the notifiers (see sitrep watch, sitrep notify).

Inputs: .txt .html .jsonl .csv .tsv files, folders of them, - for stdin, and http(s) URLs of RSS or Atom feeds.

Options:
  --db FILE                the SQLite database (created if missing; default sitrep.db)
  --every 5m               poll the feeds every 5 minutes (s, m, h) until stopped; without it, feeds are read once
  --feeds FILE             feed URLs one a line, each with its own interval if wanted ("URL 30m"); # comments
  --allow-private          allow feed and page URLs on loopback, private and link-local addresses
  --no-fetch-pages         code a feed item's own text instead of fetching its article page
  --recode                 re-code stored articles that an older coder version coded (with no input: all of them)
  --published YYYY-MM-DD   publication date for inputs that carry none
  --outlet NAME            outlet for inputs that carry none
  --text-column C, --date-column C, --id-column C, --url-column C, --outlet-column C, --title-column C,
  --html-column C          CSV columns (otherwise recognised by name: text/body/notes, date/published, ...)
  --commit-every 1s        commit stored articles together at this interval (at most 1,000 a transaction; other
                           readers see them then); 0 commits each article alone (slower on a large database)
  --workers N              coding threads beside the one that stores (default: one per core)
  --queue                  queue the articles in PostgreSQL for sitrep worker instead (sitrep ingest --queue --help)
  --dict DIR, --no-builtin as for sitrep code
  -h, --help               this text
`;

function progressLine(c: IngestCounts, s: number): string {
  return `ingest: ${c.read} articles (${c.added} new, ${c.duplicates} duplicates, ${c.skipped} stored), ${c.events} events, ${(c.read / s).toFixed(1)} articles/s`;
}

export async function runIngest(argv: string[]): Promise<number> {
  // --queue: the articles go to the job queue for sitrep worker instead of being coded here
  if (argv.includes("--queue")) return (await import("../queue/ingest-queued.js")).runQueuedIngest(argv);
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        every: { type: "string" },
        feeds: { type: "string" },
        "allow-private": { type: "boolean", default: false },
        "no-fetch-pages": { type: "boolean", default: false },
        recode: { type: "boolean", default: false },
        ...INPUT_OPTIONS,
        workers: { type: "string" },
        "commit-every": { type: "string" },
        dict: { type: "string", multiple: true },
        "no-builtin": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep ingest: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!args.positionals.length && !o.recode && !o.feeds) {
    process.stderr.write(`sitrep ingest: name files, folders or feed URLs to ingest (or --recode)\n\n${USAGE}`);
    return 2;
  }
  if (o.published && !isoDate(o.published)) {
    process.stderr.write(`sitrep ingest: --published must be a date (YYYY-MM-DD), not "${o.published}"\n`);
    return 2;
  }
  const everyMs = o.every ? parseEvery(o.every) : null;
  if (o.every && !everyMs) {
    process.stderr.write(`sitrep ingest: --every takes a duration of at least 1s like 30s, 5m or 1h, not "${o.every}"\n`);
    return 2;
  }
  if (o["no-builtin"] && !o.dict?.length) {
    process.stderr.write(`sitrep ingest: --no-builtin needs dictionaries (--dict DIR)\n`);
    return 2;
  }
  const workers = o.workers ? Number(o.workers) : defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
    process.stderr.write(`sitrep ingest: --workers takes a whole number from 1 to 16, not "${o.workers}"\n`);
    return 2;
  }
  // 0, or at least a second
  const commitMs = o["commit-every"] === undefined ? INGEST_GROUPING.ms : parseDuration(o["commit-every"]);
  if (commitMs === null || (commitMs > 0 && commitMs < 1000)) {
    process.stderr.write(`sitrep ingest: --commit-every takes 0 or a duration of at least 1s like 1s or 5s, not "${o["commit-every"]}"\n`);
    return 2;
  }
  const columns = columnsOf(o);
  const feedList = o.feeds ? readFeedList(o.feeds) : [];
  if (typeof feedList === "string") {
    process.stderr.write(`sitrep ingest: ${feedList}\n`);
    return 2;
  }
  const feeds = args.positionals.filter((p) => /^https?:\/\//i.test(p));
  const paths = args.positionals.filter((p) => !/^https?:\/\//i.test(p));
  const bad = args.positionals.find((p) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p) && !/^https?:\/\//i.test(p));
  if (bad) {
    process.stderr.write(`sitrep ingest: only http(s) feed URLs can be ingested, not "${bad}"\n`);
    return 2;
  }
  if (everyMs && !feeds.length && !feedList.length) {
    process.stderr.write(`sitrep ingest: --every polls feeds; name at least one feed URL\n`);
    return 2;
  }

  const store = await openStore(o.db, "ingest");
  if (!store) return 1;
  store.groupCommits?.(commitMs ? { ...INGEST_GROUPING, ms: commitMs } : null);
  // coding runs in a worker thread, storing in this one: the two cores work side by side
  const coder = await startCoderPool(workers, { dicts: o.dict ?? [], builtin: !o["no-builtin"], keepUnattributed: STORE_KEEPS_UNATTRIBUTED });
  for (const p of coder.lexiconProblems) process.stderr.write(formatProblem(p) + "\n");
  let errors = 0;
  const onProblem = (p: Problem) => {
    if (p.code.startsWith("E_")) errors++;
    process.stderr.write(formatProblem(p) + "\n");
  };
  const ctx: IngestContext = { store, coder, onProblem, recode: o.recode };
  const counts = newCounts();
  const progress = new Progress(!!process.stderr.isTTY);
  const onStored = () => progress.update((s) => progressLine(counts, s));

  // a signal stops after the article in flight; a second one stops at once, committing the articles stored so far
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) {
      // between two articles here (a store write never yields): the open group is whole articles
      void store.flush?.().finally(() => process.exit(130));
      return;
    }
    stop.abort();
    process.stderr.write(`\nsitrep ingest: stopping after the article in flight (again to stop at once)\n`);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  // watches are evaluated (and new alerts delivered) after the files, and after each feed poll that stored articles
  const watches = watchStepper(store);
  let steppedAt = -1;
  const watchStep = async () => {
    const stored = counts.added + counts.recoded;
    if (stop.signal.aborted || stored === steppedAt) return;
    steppedAt = stored;
    try {
      const r = await watches.run();
      if (r) process.stderr.write(`sitrep ingest: ${summarizeStep(r)}\n`);
    } catch (e) {
      process.stderr.write(`sitrep ingest: warning: watches not evaluated: ${(e as Error).message}\n`);
    }
  };

  try {
    async function* articles() {
      for (const input of paths) {
        for await (const item of readInput(input, { published: o.published, outlet: o.outlet, columns })) {
          if ("problem" in item) onProblem(item.problem);
          else yield item.article;
        }
      }
    }
    await ingestStream(articles(), ctx, counts, { window: codingWindow(workers), signal: stop.signal, onStored });
    if (o.recode && !stop.signal.aborted) await recodeStale(ctx, counts, onStored);
    const polling = (feeds.length || feedList.length) > 0 && (!!everyMs || feedList.some((f) => f.everyMs !== null));
    if (polling && (paths.length || o.recode)) await watchStep();
    if ((feeds.length || feedList.length) && !stop.signal.aborted) {
      const fetchOpts = { allowPrivate: o["allow-private"] };
      const own = feedList.some((f) => f.everyMs !== null);
      await runPoller({
        feeds: [
          ...feeds.map((url) => ({ url, everyMs: everyMs ?? 15 * 60_000 })),
          ...feedList.map((f) => ({ url: f.url, everyMs: f.everyMs ?? everyMs ?? 15 * 60_000 })),
        ],
        state: store,
        fetch: fetchOpts,
        signal: stop.signal,
        // without any interval, every feed is read once
        once: !everyMs && !own,
        onProblem,
        onItems: async (feedUrl, feed) => {
          async function* items() {
            for (const item of feed.items) {
              if (stop.signal.aborted) return;
              const a = await feedArticle(item, feedUrl, feed.title, o.outlet, !o["no-fetch-pages"], { ...fetchOpts, onProblem }, (k) => store!.getArticle(k));
              if (a) yield a;
            }
          }
          await ingestStream(items(), ctx, counts, { signal: stop.signal, onStored });
          if (polling) await watchStep();
          if (everyMs || own) {
            const st = await store.stats();
            process.stderr.write(`sitrep ingest: ${feedUrl}: ${feed.items.length} item(s); store now ${st.articles} articles, ${st.events} events\n`);
          }
        },
      });
    }
    if (!polling) await watchStep();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    progress.done();
    await coder.close();
    await watches.close();
  }
  const secs = (Date.now() - progress.t0) / 1000;
  const st = await store.stats();
  await store.close();
  process.stderr.write(
    `sitrep ingest: ${counts.read} article(s) read: ${counts.added} added, ${counts.duplicates} near-duplicate(s) linked, ${counts.skipped} already stored, ` +
      `${counts.recoded} re-coded, ${counts.failed} failed; ${counts.events} event(s) coded in ${secs.toFixed(1)} s (${(counts.read / (secs || 1)).toFixed(1)} articles/s)` +
      `${errors ? `; ${errors} error(s)` : ""}. ${shownTarget(dbTarget(o.db))}: ${st.articles} articles, ${st.events} events, ${st.clusters} clusters\n`,
  );
  return counts.read === 0 && errors > 0 ? 1 : 0;
}

/** A feeds file: one URL a line, with an interval after it if the feed has its own ("URL 30m"); # starts a comment. */
function readFeedList(path: string): Array<{ url: string; everyMs: number | null }> | string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return `${path}: ${(e as Error).message}`;
  }
  const out: Array<{ url: string; everyMs: number | null }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*$/, "").trim();
    if (!line) continue;
    const [url, every, ...rest] = line.split(/\s+/);
    if (!/^https?:\/\/\S+$/i.test(url) || rest.length) return `${path}:${i + 1}: expected "URL [interval]", not "${line}"`;
    const ms = every ? parseEvery(every) : null;
    if (every && !ms) return `${path}:${i + 1}: the interval must be like 30s, 5m or 1h, not "${every}"`;
    out.push({ url, everyMs: ms });
  }
  if (!out.length) return `${path}: no feed URL in the file`;
  return out;
}

/** A feed item as an article: its page fetched when wanted (and not already stored), else the feed's own text. */
async function feedArticle(
  item: FeedItem,
  feedUrl: string,
  feedTitle: string | null,
  outlet: string | undefined,
  fetchPages: boolean,
  fetchOpts: Parameters<typeof fetchArticlePage>[1],
  stored: (key: string) => Promise<unknown>,
): Promise<Article | null> {
  const base: Article = {
    id: item.url ?? item.id,
    ...(item.url ? { url: item.url } : {}),
    outlet: outlet ?? feedTitle ?? hostOf(feedUrl) ?? feedUrl,
    ...(item.published ? { published: item.published } : {}),
    ...(item.title ? { title: item.title } : {}),
  };
  // an item with a URL is keyed by it: stored already means nothing to fetch
  if (item.url && (await stored(keyOf({ ...base, text: "" })))) return null;
  if (fetchPages && item.url) {
    const page = await fetchArticlePage(item.url, fetchOpts);
    if (page) return { ...base, html: page.html };
  }
  if (!item.html) return null;
  return { ...base, html: item.html };
}
