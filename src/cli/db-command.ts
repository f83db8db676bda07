// sitrep db: create or upgrade a database's schema (migrate), and copy a whole store between SQLite and PostgreSQL (copy).
import { formatProblem, problem, SitrepError } from "../core/problems.js";
import type { Delivery } from "../store/outbox.js";
import { isPostgresUrl, openStoreAt } from "../store/open.js";
import type { Store } from "../store/store.js";
import { dbTarget, shownTarget } from "./db.js";
import { say, subcommands } from "./subcommand.js";

const USAGE = `Usage: sitrep db migrate [--db sitrep.db|postgres://user@host:5432/db[?schema=name]]
       sitrep db copy --from SOURCE --to TARGET [--append] [--batch N]

migrate   creates the database's tables, or brings them up to this sitrep's version, and prints the version.
          Safe to run from several machines at once (PostgreSQL: the first migrates, the others wait and find it done).
copy      copies everything a store holds into another, SQLite to PostgreSQL or back: articles with their input,
          clean text, sentences, events and named dates, near-duplicate links (clusters are rebuilt by the target as
          the articles arrive, in the order first stored), watches, risk dates, outlet trust, notifiers, alerts with
          each delivery's state, and feed states. The target must be empty unless --append; with --append, articles,
          alerts and risk dates already there are skipped, so a copy that stopped can simply be run again.

Options:
  --db TARGET              the database (default $SITREP_DB, else sitrep.db)
  --from SOURCE            the store to copy (it must exist)
  --to TARGET              where to copy it (a SQLite file is created; a PostgreSQL schema is migrated first)
  --append                 copy into a target that holds data already
  --batch N                articles read at a time (default 500)
`;

const kit = subcommands("db", USAGE);

/** Opens a store, or null after printing why not. */
async function open(target: string, what: string, mustExist: boolean): Promise<Store | null> {
  try {
    return await openStoreAt(target, { mustExist });
  } catch (e) {
    say(`sitrep db ${what}: ${e instanceof SitrepError ? formatProblem(e.problem) : `${shownTarget(target)}: ${(e as Error).message}`}`);
    return null;
  }
}

async function migrate(argv: string[]): Promise<number> {
  const a = kit.args("migrate", { args: argv, options: { db: { type: "string" } } });
  if (!a) return 2;
  const target = dbTarget(a.values.db);
  if (isPostgresUrl(target)) {
    const { migratePgUrl } = await import("../store/postgres/pg-store.js");
    try {
      const r = await migratePgUrl(target);
      process.stdout.write(`${r.label}: schema "${r.schema}" at version ${r.to}${r.from === r.to ? " (up to date)" : ` (was ${r.from})`}\n`);
      return 0;
    } catch (e) {
      say(`sitrep db migrate: ${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}`);
      return 1;
    }
  }
  const [{ openSqliteStore }, { SCHEMA_VERSION }] = await Promise.all([import("../store/sqlite/sqlite-store.js"), import("../store/sqlite/migrations.js")]);
  try {
    // opening a SQLite store brings it up to date
    await openSqliteStore(target).close();
    process.stdout.write(`${target}: version ${SCHEMA_VERSION}\n`);
    return 0;
  } catch (e) {
    say(`sitrep db migrate: ${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}`);
    return 1;
  }
}

/** What a store holds besides feed states: non-zero means a copy into it needs --append. */
async function holdings(s: Store): Promise<{ articles: number; watches: number; notifiers: number; alerts: number }> {
  return {
    articles: (await s.stats()).articles,
    watches: (await s.watches.listWatches()).length,
    notifiers: (await s.outbox.listNotifiers()).length,
    alerts: (await s.outbox.listAlerts({ limit: 1 })).length,
  };
}

async function copy(argv: string[]): Promise<number> {
  const a = kit.args("copy", { args: argv, options: { from: { type: "string" }, to: { type: "string" }, append: { type: "boolean", default: false }, batch: { type: "string", default: "500" } } });
  if (!a) return 2;
  const o = a.values;
  if (!o.from || !o.to) return (say(`sitrep db copy: name both --from and --to\n\n${USAGE}`), 2);
  const batch = Number(o.batch);
  if (!Number.isInteger(batch) || batch < 1) return (say(`sitrep db copy: --batch must be a positive whole number, not "${o.batch}"`), 2);
  if (o.from === o.to) return (say("sitrep db copy: --from and --to are the same database"), 2);
  const from = await open(o.from, "copy", true);
  if (!from) return 1;
  const to = await open(o.to, "copy", false);
  if (!to) {
    await from.close();
    return 1;
  }
  const fromName = shownTarget(o.from);
  const toName = shownTarget(o.to);
  try {
    const has = await holdings(to);
    if (!o.append && (has.articles || has.watches || has.notifiers || has.alerts)) {
      say(
        `sitrep db copy: ${toName} is not empty (${has.articles} articles, ${has.watches} watches, ${has.notifiers} notifiers${has.alerts ? ", alerts" : ""}); ` +
          "add --append to copy into it (what is there already is kept, and articles and alerts it has are skipped)",
      );
      return 2;
    }
    const t0 = Date.now();
    // settings first: notifiers (their ids mapped for the deliveries), watches with their risk dates, outlet trust, feeds
    const notifierIds = new Map<number, number>();
    for (const n of await from.outbox.listNotifiers()) notifierIds.set(n.id, (await to.outbox.addNotifier({ kind: n.kind, target: n.target, options: n.options })).id);
    let riskDates = 0;
    const watches = await from.watches.listWatches();
    for (const w of watches) {
      const { id, createdAt: _c, ...def } = w;
      const there = await to.watches.putWatch(def);
      const have = new Set((await to.watches.listRiskDates(there.id)).map((d) => `${d.date}|${d.label}|${d.yearly}`));
      for (const d of await from.watches.listRiskDates(id)) {
        if (have.has(`${d.date}|${d.label}|${d.yearly}`)) continue;
        await to.watches.addRiskDate({ watch: there.id, date: d.date, label: d.label, yearly: d.yearly });
        riskDates++;
      }
    }
    const trust = await from.watches.listTrust();
    for (const t of trust) await to.watches.setTrust(t.outlet, t.weight);
    const feeds = await from.feedStates();
    for (const f of feeds) await to.putFeedState(f);
    say(`copying ${fromName} → ${toName}: ${notifierIds.size} notifiers, ${watches.length} watches (${riskDates} risk dates added), ${trust.length} trust weights, ${feeds.length} feed states`);

    // articles in the order first stored: an original before its copies, clusters rebuilt as they were built
    let after: string | null = null;
    let copied = 0;
    let skipped = 0;
    for (;;) {
      const page = await from.readArticles(after, batch);
      if (!page.length) break;
      for (const art of page) {
        if (o.append && (await to.getArticle(art.key))) skipped++;
        else {
          await to.putArticle(art);
          copied++;
        }
      }
      after = page[page.length - 1].key;
      say(`  ${copied + skipped} articles (${copied} copied${skipped ? `, ${skipped} already there` : ""}), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    // alerts in the order raised, each with its deliveries' states (to the notifiers mapped above)
    const byAlert = new Map<number, Delivery[]>();
    for (const d of await from.outbox.deliveries()) {
      if (!byAlert.has(d.alertSeq)) byAlert.set(d.alertSeq, []);
      byAlert.get(d.alertSeq)!.push(d);
    }
    let alerts = 0;
    for (const al of await from.outbox.listAlerts()) {
      const { seq, ...alert } = al;
      const ds = (byAlert.get(seq) ?? []).map((d) => ({ notifier: notifierIds.get(d.notifier)!, status: d.status, attempts: d.attempts, nextAt: d.nextAt, lastError: d.lastError, doneAt: d.doneAt }));
      if (await to.outbox.importAlert(alert, ds)) alerts++;
    }
    const st = await to.stats();
    say(`copied ${copied} articles${skipped ? ` (${skipped} were there already)` : ""} and ${alerts} alerts in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${toName} holds ${st.articles} articles, ${st.events} events, ${st.clusters} clusters`);
    return 0;
  } catch (e) {
    if (e instanceof SitrepError) {
      say(`sitrep db copy: ${formatProblem(e.problem)}`);
      return 1;
    }
    say(`sitrep db copy: ${formatProblem(problem("E_STORE_COPY", `${fromName} → ${toName}`, (e as Error).message))}`);
    return 1;
  } finally {
    await from.close();
    await to.close();
  }
}

export async function runDb(argv: string[]): Promise<number> {
  return kit.dispatch(argv, { migrate, copy });
}
