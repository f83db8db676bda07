// sitrep watch, alerts, notify and trust as a user runs them, on a database that sitrep ingest built.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliRun } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-watch-"));
const base = join(dir, "base.db");
const alertFile = join(dir, "alerts.jsonl");

function run(args: string[]): Promise<CliRun> {
  return runCli(args, dir);
}

let n = 0;
/** A copy of the ingested database, for a test that changes it. */
function copy(): string {
  const to = join(dir, `c${++n}.db`);
  copyFileSync(base, to);
  return to;
}

const jsonl = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

// made-up reports from three made-up outlets: attacks in Baghdad over two days, a threat, an anniversary to come
const ARTICLES = [
  { id: "w1", url: "https://herald.example.org/w1", outlet: "Valdoria Herald", published: "2021-02-23", text: "Gunmen attacked a police checkpoint in Baghdad on Monday, killing four officers, the interior ministry said. Militia leaders threatened to attack government buildings in Baghdad." },
  { id: "w2", url: "https://wire.example.org/w2", outlet: "Coastal Wire", published: "2021-02-23", text: "Insurgents bombed a market in Baghdad on Monday, killing nine people, police said. Activists plan a rally in Baghdad on the March 3 anniversary of the bridge massacre." },
  { id: "w3", url: "https://ledger.example.org/w3", outlet: "Northern Ledger", published: "2021-02-24", text: "Rebels shelled an army base near Baghdad on Tuesday, officials said. Police arrested 40 protesters in Baghdad on Tuesday." },
];

// the database every test starts from (built once, before the tests): a watch and a notifier first, so that the ingest evaluates the watch
const added = await run(["watch", "add", "Baghdad", "--radius", "30km", "--db", base]);
assert.equal(added.code, 0, added.err);
const file = await run(["notify", "add", "file", "alerts.jsonl", "--db", base]);
assert.equal(file.code, 0, file.err);
writeFileSync(join(dir, "news.jsonl"), ARTICLES.map((a) => JSON.stringify(a)).join("\n") + "\n");
const ingested = await run(["ingest", "news.jsonl", "--db", base, "--workers", "1"]);
assert.equal(ingested.code, 0, ingested.err);

test("watch add resolves the place in the gazetteer and keeps its radius; watch list shows it as text and JSON lines", async () => {
  assert.match(added.out, /^added watch "Baghdad": within 30 km of Baghdad \(IRQ\) at 33\.3\d, 44\.4\d; levels at 3\/6\/12\n$/);
  const [text, lines] = await Promise.all([run(["watch", "list", "--db", base]), run(["watch", "list", "--format", "jsonl", "--db", base])]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^Baghdad: within 30 km of Baghdad/);
  const [w] = jsonl(lines.out);
  assert.equal(w.name, "Baghdad");
  assert.equal(w.radiusKm, 30);
  assert.equal(w.place.country, "IRQ");
  assert.deepEqual(w.thresholds, { level2: 3, level3: 6, level4: 12 });
});

test("ingest evaluates the watches after storing, and says so in one line", () => {
  assert.match(ingested.err, /^sitrep ingest: 1 watch evaluated, \d+ new alerts?, \d+ delivered/m);
});

test("a watch of a country and an actor pattern takes its --name and is listed beside the place", async () => {
  const db = copy();
  const r = await run(["watch", "add", "--country", "irq", "--actor", "IRN*", "--name", "Iraq / Iran-aligned", "--levels", "2,4,8", "--db", db]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /added watch "Iraq \/ Iran-aligned": in, by or against IRQ; actor IRN\*; levels at 2\/4\/8/);
  const all = jsonl((await run(["watch", "list", "--format", "jsonl", "--db", db])).out);
  assert.deepEqual(all.map((w) => [w.name, w.countries, w.actor, w.place?.name ?? null]), [
    ["Baghdad", [], null, "Baghdad"],
    ["Iraq / Iran-aligned", ["IRQ"], "IRN*", null],
  ]);
});

test("watch remove takes a watch away; a name that is not there is exit 1, naming the watches there are", async () => {
  const db = copy();
  const r = await run(["watch", "remove", "baghdad", "--db", db]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /removed watch "Baghdad"/);
  const again = await run(["watch", "remove", "Baghdad", "--db", db]);
  assert.equal(again.code, 1);
  assert.match(again.err, /no watch named "Baghdad" \(add one with sitrep watch add\)/);
});

test("a bad radius, country, actor or place is exit 2 with one line naming it, and no database is made", async () => {
  const db = join(dir, "never.db");
  const cases: Array<[string[], RegExp]> = [
    [["Baghdad", "--radius", "fifty"], /--radius: error E_WATCH_SPEC: .*like 50km, 20 mi or 500m, not "fifty"/],
    [["--country", "IQ"], /--country: error E_WATCH_SPEC: .*"IQ" is not an ISO 3166-1 alpha-3 country code; did you mean IRQ \(Iraq\)\?/],
    [["--country", "IRQ", "--actor", "IR N"], /--actor: error E_WATCH_SPEC: .*CAMEO actor code.*not "IR N"/],
    [["Atlantis Under The Sea"], /place: error E_WATCH_SPEC: .*no place named "Atlantis Under The Sea" in the gazetteer/],
  ];
  const results = await Promise.all(cases.map(([args]) => run(["watch", "add", ...args, "--db", db])));
  results.forEach((r, i) => {
    assert.equal(r.code, 2, `${cases[i][0].join(" ")}: ${r.err}`);
    assert.match(r.err, cases[i][1]);
    assert.equal(r.err.trim().split("\n").length, 1, r.err);
  });
  assert.equal(existsSync(db), false);
});

test("commands that read say which database is missing, exit 1, and do not create it", async () => {
  const missing = join(dir, "nope.db");
  const results = await Promise.all([["watch", "list"], ["watch", "status", "Baghdad"], ["alerts"], ["notify", "list"]].map((c) => run([...c, "--db", missing])));
  for (const r of results) {
    assert.equal(r.code, 1);
    assert.match(r.err, /nope\.db: error E_STORE_OPEN: .*no such database file/);
  }
  assert.equal(existsSync(missing), false);
});

test("watch run --at evaluates every watch as of that day and writes the new alerts to a file notifier; alerts lists them delivered", async () => {
  const db = copy();
  const r = await run(["watch", "run", "--at", "2021-02-26", "--db", db]);
  assert.equal(r.code, 0, r.err);
  const m = /1 watch evaluated, (\d+) new alerts?, (\d+) delivered/.exec(r.err);
  assert.ok(m, r.err);
  const written = jsonl(readFileSync(alertFile, "utf8"));
  assert.ok(written.length >= 1, "at least the coming anniversary");
  assert.equal(+m[1], written.length);
  assert.equal(+m[2], written.length);
  assert.ok(written.every((a) => a.watch === "Baghdad"));
  assert.ok(written.some((a) => a.kind === "risk-date" && /2021-03-03/.test(a.title)), JSON.stringify(written.map((a) => a.title)));
  const [lines, text] = await Promise.all([run(["alerts", "--format", "jsonl", "--db", db]), run(["alerts", "--since", "2021-02-01", "--watch", "Baghdad", "--db", db])]);
  const listed = jsonl(lines.out);
  assert.deepEqual(listed.map((a) => a.id), written.map((a) => a.id));
  for (const a of listed) assert.deepEqual(a.deliveries.map((d: { kind: string; status: string }) => [d.kind, d.status]), [["file", "delivered"]]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /Baghdad {2}risk-date, level \d {2}Baghdad: risk date 2021-03-03/);
  assert.match(text.out, /notifier 1 \(file .*alerts\.jsonl\): delivered/);
});

test("watch status gives the level and the risk dates as of a day, as text and as JSON", async () => {
  const [text, json] = await Promise.all([run(["watch", "status", "Baghdad", "--at", "2021-02-26", "--db", base]), run(["watch", "status", "Baghdad", "--at", "2021-02-26", "--format", "json", "--db", base])]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^Baghdad — level [1-4]/);
  const s = JSON.parse(json.out);
  assert.equal(s.watch, "Baghdad");
  assert.equal(s.at, "2021-02-26");
  assert.ok(s.riskDates.some((d: { date: string }) => d.date === "2021-03-03"), JSON.stringify(s.riskDates));
});

test("notify list masks a webhook's secret and the token in its query", async () => {
  const db = copy();
  const add = await run(["notify", "add", "webhook", "https://hooks.example.org/sitrep?token=t0k3n", "--secret", "s3cr3t-value", "--db", db]);
  assert.equal(add.code, 0, add.err);
  const [text, lines] = await Promise.all([run(["notify", "list", "--db", db]), run(["notify", "list", "--format", "jsonl", "--db", db])]);
  for (const out of [add.out, text.out, lines.out]) {
    assert.doesNotMatch(out, /s3cr3t-value|t0k3n/);
  }
  assert.match(text.out, /webhook\thttps:\/\/hooks\.example\.org\/sitrep\?\*\*\*\tsecret=\*\*\*\*/);
  assert.deepEqual(jsonl(lines.out).map((x) => x.kind), ["file", "webhook"]);
});

test("a notifier that refuses for good leaves dead letters with the reason; notify retry puts them back in line", async () => {
  const db = copy();
  // a file notifier whose path is a folder: EISDIR, not worth retrying, so dead after one attempt
  const folder = join(dir, `folder-${n}`);
  mkdirSync(folder);
  const add = await run(["notify", "add", "file", folder, "--db", db]);
  assert.equal(add.code, 0, add.err);
  const r = await run(["watch", "run", "--at", "2021-02-26", "--db", db]);
  assert.equal(r.code, 0, r.err);
  const listed = jsonl((await run(["alerts", "--format", "jsonl", "--db", db])).out);
  const dead = listed.flatMap((a) => a.deliveries).filter((d: { status: string }) => d.status === "dead");
  assert.ok(dead.length >= 1, JSON.stringify(listed.map((a) => a.deliveries)));
  assert.ok(dead.every((d: { lastError: string }) => /EISDIR|folder|directory/i.test(d.lastError)), JSON.stringify(dead));
  const bad = await run(["notify", "retry", "x", "--db", db]);
  assert.equal(bad.code, 2);
  const retry = await run(["notify", "retry", "--db", db]);
  assert.equal(retry.code, 0, retry.err);
  assert.match(retry.out, new RegExp(`^${dead.length} dead deliver(y|ies) put back in line`));
  const after = jsonl((await run(["alerts", "--format", "jsonl", "--db", db])).out).flatMap((a) => a.deliveries);
  assert.equal(after.filter((d: { status: string }) => d.status === "dead").length, 0);
});

test("trust set takes a weight from 0 to 1 (exit 2 otherwise), and trust list shows what was set", async () => {
  const db = copy();
  const bad = await Promise.all(["1.5", "-0.1", "high"].map((w) => run(["trust", "set", "Coastal Wire", w, "--db", db])));
  for (const r of bad) {
    assert.equal(r.code, 2);
    assert.match(r.err, /the weight must be a number from 0 to 1/);
  }
  const ok = await run(["trust", "set", "Coastal Wire", "0.4", "--db", db]);
  assert.equal(ok.code, 0, ok.err);
  const list = await run(["trust", "list", "--format", "jsonl", "--db", db]);
  assert.deepEqual(jsonl(list.out), [{ outlet: "Coastal Wire", weight: 0.4 }]);
});

test("watch date add and list keep a watch's own risk dates; a date that is not YYYY-MM-DD is refused", async () => {
  const db = copy();
  const add = await run(["watch", "date", "add", "Baghdad", "2021-03-10", "provincial elections", "--yearly", "--db", db]);
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /added risk date (\d+) to "Baghdad": 2021-03-10 \(every year\) provincial elections/);
  const [list, bad] = await Promise.all([run(["watch", "date", "list", "Baghdad", "--format", "jsonl", "--db", db]), run(["watch", "date", "add", "Baghdad", "10/03/2021", "x", "--db", db])]);
  const [d] = jsonl(list.out);
  assert.deepEqual([d.date, d.label, d.yearly], ["2021-03-10", "provincial elections", true]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /the date must be YYYY-MM-DD, not "10\/03\/2021"/);
});
