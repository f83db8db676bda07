// sitrep db migrate and db copy as a user runs them: SQLite to PostgreSQL and back, the same events, watches and alerts on each.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "../src/core/paths.js";
import { runCli, type CliRun } from "./fixtures/run-cli.js";
import { pgTestTarget, sayPgSkipped, type PgTestTarget } from "../src/store/postgres/test-db.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-db-"));

function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, dir, { SITREP_DB: "", ...env });
}

const ok = async (args: string[], env: Record<string, string> = {}) => {
  const r = await run(args, env);
  assert.equal(r.code, 0, `sitrep ${args.join(" ")}: ${r.err}`);
  return r;
};

const jsonl = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
/** Watches without their ids and creation times (a copy makes its own). */
const watchesOf = (s: string) => jsonl(s).map(({ id: _i, createdAt: _c, ...w }) => w);

const first = await pgTestTarget("PostgreSQL db command");
if ("skip" in first) {
  sayPgSkipped(first.skip);
  test("sitrep db migrate and db copy over PostgreSQL", { skip: first.skip }, () => {});
} else {
  const made: PgTestTarget[] = [first];
  const fresh = async () => {
    const t = await pgTestTarget();
    if ("skip" in t) throw new Error(t.skip);
    made.push(t);
    return t;
  };
  after(async () => {
    for (const t of made) await t.dropSchema();
  });

  // a SQLite store as sitrep ingest builds it: the examples and three reports from Baghdad, a watch, a notifier, an alert,
  // a risk date and a trust weight
  const base = join(dir, "base.db");
  writeFileSync(
    join(dir, "news.jsonl"),
    [
      { id: "w1", url: "https://herald.example.org/w1", outlet: "Valdoria Herald", published: "2021-02-23", text: "Gunmen attacked a police checkpoint in Baghdad on Monday, killing four officers, the interior ministry said." },
      { id: "w2", url: "https://wire.example.org/w2", outlet: "Coastal Wire", published: "2021-02-23", text: "Insurgents bombed a market in Baghdad on Monday, killing nine people, police said. Activists plan a rally in Baghdad on the March 3 anniversary of the bridge massacre." },
      { id: "w3", url: "https://ledger.example.org/w3", outlet: "Northern Ledger", published: "2021-02-24", text: "Rebels shelled an army base near Baghdad on Tuesday, officials said." },
    ]
      .map((a) => JSON.stringify(a))
      .join("\n") + "\n",
  );
  await ok(["watch", "add", "Baghdad", "--radius", "30km", "--db", base]);
  await ok(["notify", "add", "file", "alerts.jsonl", "--db", base]);
  await ok(["ingest", "news.jsonl", repoPath("examples"), "--db", base, "--workers", "1"]);
  await ok(["watch", "run", "--at", "2021-02-26", "--db", base]);
  await ok(["watch", "date", "add", "Baghdad", "2021-05-01", "parliamentary vote", "--db", base]);
  await ok(["trust", "set", "Coastal Wire", "0.7", "--db", base]);

  /** What a user sees of a store: events, clusters, watches, risk dates, trust, alerts with deliveries. */
  const view = async (db: string) => {
    const [reports, clusters, watches, dates, trust, alerts] = await Promise.all([
      ok(["query", "--reports", "--format", "jsonl", "--limit", "1000", "--db", db]),
      ok(["query", "--format", "jsonl", "--db", db]),
      ok(["watch", "list", "--format", "jsonl", "--db", db]),
      ok(["watch", "date", "list", "Baghdad", "--format", "jsonl", "--db", db]),
      ok(["trust", "list", "--db", db]),
      ok(["alerts", "--format", "jsonl", "--db", db]),
    ]);
    return {
      reports: jsonl(reports.out),
      clusters: jsonl(clusters.out),
      watches: watchesOf(watches.out),
      dates: jsonl(dates.out).map(({ id: _i, watch: _w, ...d }) => d),
      trust: trust.out,
      alerts: jsonl(alerts.out),
    };
  };
  const original = await view(base);

  test("db migrate makes the tables of a fresh schema and says its version; again, it is up to date", async () => {
    const t = await fresh();
    const r = await ok(["db", "migrate", "--db", t.url]);
    assert.match(r.out, new RegExp(`schema "${t.schema}" at version \\d+ \\(was 0\\)`));
    assert.match((await ok(["db", "migrate"], { SITREP_DB: t.url })).out, /up to date/, "the database from $SITREP_DB");
    // two at once: one migrates, the other waits and finds it done
    const u = await fresh();
    const both = await Promise.all([ok(["db", "migrate", "--db", u.url]), ok(["db", "migrate", "--db", u.url])]);
    assert.equal(both.filter((x) => /\(was 0\)/.test(x.out)).length, 1, both.map((x) => x.out).join(""));
  });

  test("db copy moves a SQLite store to PostgreSQL and back: the same events, clusters, watches and alerts; a second copy needs --append", async () => {
    assert.ok(original.reports.length >= 10 && original.alerts.length >= 1 && original.dates.length === 1);
    const pg = await fresh();
    const there = await ok(["db", "copy", "--from", base, "--to", pg.url, "--batch", "3"]);
    assert.match(there.err, /copied \d+ articles and 1 alerts/);
    assert.deepEqual(await view(pg.url), original);
    // commands on PostgreSQL through $SITREP_DB
    const stats = JSON.parse((await ok(["stats", "--json"], { SITREP_DB: pg.url })).out);
    assert.equal(stats.events, original.reports.length);
    // a second copy into it is refused; with --append it skips what is there (a copy that stopped runs again)
    const again = await run(["db", "copy", "--from", base, "--to", pg.url]);
    assert.equal(again.code, 2);
    assert.match(again.err, /is not empty .*--append/);
    assert.match((await ok(["db", "copy", "--from", base, "--to", pg.url, "--append"])).err, /copied 0 articles \(\d+ were there already\) and 0 alerts/);

    const back = join(dir, "back.db");
    await ok(["db", "copy", "--from", pg.url, "--to", back]);
    assert.deepEqual(await view(back), original);
  });

  test("a database that cannot be reached or read is named plainly, without its password", async () => {
    const refused = await run(["query", "--db", "postgres://sitrep:s3cret@127.0.0.1:1/sitrep"]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /E_STORE_CONNECT.*connection refused at 127\.0\.0\.1:1/);
    assert.doesNotMatch(refused.err, /s3cret/);
    const u = new URL(first.url);
    u.pathname = "/sitrep_no_such_database";
    const missing = await run(["stats", "--db", u.toString()]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /database "sitrep_no_such_database" does not exist at/);
    const u2 = new URL(first.url);
    u2.username = "sitrep_no_such_role";
    const role = await run(["stats", "--db", u2.toString()]);
    assert.equal(role.code, 1);
    assert.match(role.err, /E_STORE_AUTH.*sitrep_no_such_role/);
    const empty = await run(["query", "--db", first.url]);
    assert.equal(empty.code, 1);
    assert.match(empty.err, /no sitrep tables .*sitrep db migrate/);
    const bad = await run(["stats", "--db", "postgres://host/db?schema=No-Such"]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /E_STORE_URL/);
  });
}
