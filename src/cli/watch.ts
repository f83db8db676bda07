// sitrep watch: places, countries and actors to watch; their status, scheduled runs, backtests and risk dates.
import { say, subcommands } from "./subcommand.js";
import { formatProblem, SitrepError } from "../core/problems.js";
import { backtest, formatBacktest } from "../monitor/backtest.js";
import { evaluateWatch, formatStatus } from "../monitor/evaluate.js";
import { summarizeStep, todayUtc, watchStepper, type WatchStepReport } from "../monitor/run-watches-step.js";
import type { Watch } from "../monitor/watch.js";
import { describeWatch, loadWatchGeo, watchFromSpec } from "../monitor/watch-spec.js";
import { isoDate } from "../pipeline/iso-date.js";
import type { Store } from "../store/store.js";
import { openStore } from "./db.js";
import { parseWhen } from "./filters.js";
import { write } from "./format.js";
import { parseEvery } from "./duration.js";

const USAGE = `Usage: sitrep watch <subcommand> ... [--db sitrep.db]

  add [PLACE] [--radius 50km] [--country IRQ[,SYR]] [--actor "IRN*"] [--name N] [--levels 3,6,12]
                           watch a place (a gazetteer name; "Paris, FRA" or "Paris, Texas" to choose) within a
                           radius (km, m, mi; default 50 km), and/or countries (ISO3), and/or an actor (a CAMEO
                           code, or a prefix with *); --levels: the index values of levels 2, 3 and 4.
                           A watch of the same name is replaced.
  list [--format text|jsonl]
  remove NAME
  status NAME [--at DATE] [--format text|json]
                           level, index, trend, open threats, risk dates and why, as of DATE (default today)
  run [--at DATE] [--every 10m]
                           evaluate every watch and deliver new alerts to the notifiers (sitrep notify);
                           with --every, again every interval (s, m, h) until stopped
  backtest NAME --from D --to D [--format text|json]
                           replay the watch over past days: when it would have warned
  date add NAME DATE LABEL [--yearly]
                           a date to watch out for (an election, a holiday), once or every year
  date list NAME [--format text|jsonl]
  date remove ID

Dates are YYYY-MM-DD, or an age back from today like 7d, 12w, 6m.

Options:
  --db FILE                the SQLite database (default sitrep.db)
  -h, --help               this text
`;

const { args, withStore, dispatch, oneOf } = subcommands("watch", USAGE);

/** A date argument: YYYY-MM-DD or an age (7d); null after printing what is wrong. */
function dateArg(sub: string, flag: string, v: string): string | null {
  const d = parseWhen(v);
  if (!d) say(`sitrep watch ${sub}: ${flag} must be a date (YYYY-MM-DD) or an age like 7d, not "${v}"`);
  return d;
}

/** The watch of that name; else the one whose name differs only in case; null after saying there is none. */
async function findWatch(store: Store, sub: string, name: string): Promise<Watch | null> {
  const exact = await store.watches.getWatch(name);
  if (exact) return exact;
  const all = await store.watches.listWatches();
  const folded = all.filter((w) => w.name.toLowerCase() === name.trim().toLowerCase());
  if (folded.length === 1) return folded[0];
  say(`sitrep watch ${sub}: no watch named "${name}"${all.length ? ` (there are: ${all.map((w) => `"${w.name}"`).join(", ")})` : " (add one with sitrep watch add)"}`);
  return null;
}

const db = { type: "string" } as const;
const help = { type: "boolean", short: "h", default: false } as const;

export async function runWatch(argv: string[]): Promise<number> {
  return dispatch(argv, { add, list, remove, status, run, backtest: backtestCmd, date });
}

async function add(argv: string[]): Promise<number> {
  const a = args("add", {
    args: argv,
    allowPositionals: true,
    options: { db, radius: { type: "string" }, country: { type: "string" }, actor: { type: "string" }, name: { type: "string" }, levels: { type: "string" }, help },
  });
  if (!a) return 2;
  if (a.positionals.length > 1) {
    say(`sitrep watch add: one place at a time (quote a name with spaces: "Port Harcourt"), not ${a.positionals.map((p) => `"${p}"`).join(" ")}`);
    return 2;
  }
  const o = a.values;
  const spec = watchFromSpec({ place: a.positionals[0], radius: o.radius, country: o.country, actor: o.actor, name: o.name, levels: o.levels }, loadWatchGeo());
  if (!spec.ok) {
    say(`sitrep watch add: ${formatProblem(spec.problem)}`);
    return 2;
  }
  return withStore("add", o.db, false, async (store) => {
    const had = await store.watches.getWatch(spec.value.watch.name);
    const w = await store.watches.putWatch(spec.value.watch);
    for (const n of spec.value.notes) say(`sitrep watch add: ${n}`);
    await write(`${had ? "replaced" : "added"} watch "${w.name}": ${describeWatch(w)}\n`);
    return 0;
  });
}

async function list(argv: string[]): Promise<number> {
  const a = args("list", { args: argv, options: { db, format: { type: "string", default: "text" }, help } });
  if (!a) return 2;
  const format = a.values.format;
  if (!oneOf("list", "--format", format, ["text", "jsonl"])) return 2;
  return withStore("list", a.values.db, true, async (store) => {
    const all = await store.watches.listWatches();
    for (const w of all) await write(format === "jsonl" ? JSON.stringify(w) + "\n" : `${w.name}: ${describeWatch(w)}\n`);
    if (!all.length && format === "text") say("sitrep watch list: no watches (add one with sitrep watch add)");
    return 0;
  });
}

async function remove(argv: string[]): Promise<number> {
  const a = args("remove", { args: argv, allowPositionals: true, options: { db, help } });
  if (!a) return 2;
  if (a.positionals.length !== 1) {
    say(`sitrep watch remove: name one watch\n\n${USAGE}`);
    return 2;
  }
  return withStore("remove", a.values.db, true, async (store) => {
    const w = await findWatch(store, "remove", a.positionals[0]);
    if (!w) return 1;
    await store.watches.removeWatch(w.name);
    await write(`removed watch "${w.name}" and its risk dates\n`);
    return 0;
  });
}

async function status(argv: string[]): Promise<number> {
  const a = args("status", { args: argv, allowPositionals: true, options: { db, at: { type: "string" }, format: { type: "string", default: "text" }, help } });
  if (!a) return 2;
  const o = a.values;
  if (a.positionals.length !== 1) {
    say(`sitrep watch status: name one watch\n\n${USAGE}`);
    return 2;
  }
  if (o.format !== "text" && o.format !== "json") {
    say(`sitrep watch status: --format must be text or json, not "${o.format}"`);
    return 2;
  }
  const at = o.at === undefined ? todayUtc() : dateArg("status", "--at", o.at);
  if (!at) return 2;
  return withStore("status", o.db, true, async (store) => {
    const w = await findWatch(store, "status", a.positionals[0]);
    if (!w) return 1;
    const { status: s } = await evaluateWatch(store, w, at);
    await write(o.format === "json" ? JSON.stringify(s) + "\n" : formatStatus(s).replace(/\n?$/, "\n"));
    return 0;
  });
}

async function run(argv: string[]): Promise<number> {
  const a = args("run", { args: argv, options: { db, at: { type: "string" }, every: { type: "string" }, help } });
  if (!a) return 2;
  const o = a.values;
  const at = o.at === undefined ? undefined : dateArg("run", "--at", o.at);
  if (at === null) return 2;
  const everyMs = o.every === undefined ? null : parseEvery(o.every);
  if (o.every !== undefined && !everyMs) {
    say(`sitrep watch run: --every takes a duration of at least 1s like 30s, 10m or 1h, not "${o.every}"`);
    return 2;
  }
  if (everyMs && at) {
    say("sitrep watch run: --at evaluates one past day; --every runs on as days pass: give one of them");
    return 2;
  }
  const store = await openStore(o.db, "watch run", { mustExist: true });
  if (!store) return 1;
  const stepper = watchStepper(store);
  const report = async (r: WatchStepReport | null) => {
    if (!r) {
      say("sitrep watch run: no watches (add one with sitrep watch add)");
      return;
    }
    for (const al of r.alerts) await write(`${al.at}  ${al.title}\n`);
    say(`sitrep watch run: ${r.at}: ${summarizeStep(r)}`);
  };
  // a signal ends the loop after the step in progress; a second one stops at once
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (!everyMs) {
      await report(await stepper.run(at));
      return 0;
    }
    say(`sitrep watch run: every ${o.every}; stop with Ctrl-C`);
    while (!stop.signal.aborted) {
      try {
        await report(await stepper.run());
      } catch (e) {
        // one failed step (a locked database, a bad watch) does not end the schedule
        say(`sitrep watch run: warning: this run failed; trying again in ${o.every}: ${e instanceof SitrepError ? formatProblem(e.problem) : (e as Error).message}`);
      }
      await sleep(everyMs, stop.signal);
    }
    say("sitrep watch run: stopped");
    return 0;
  } catch (e) {
    if (e instanceof SitrepError) {
      say(`sitrep watch run: ${formatProblem(e.problem)}`);
      return 1;
    }
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await stepper.close();
    await store.close();
  }
}

/** Waits `ms`, or less if the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

async function backtestCmd(argv: string[]): Promise<number> {
  const a = args("backtest", { args: argv, allowPositionals: true, options: { db, from: { type: "string" }, to: { type: "string" }, format: { type: "string", default: "text" }, help } });
  if (!a) return 2;
  const o = a.values;
  if (a.positionals.length !== 1 || o.from === undefined || o.to === undefined) {
    say(`sitrep watch backtest: name one watch, with --from and --to\n\n${USAGE}`);
    return 2;
  }
  if (o.format !== "text" && o.format !== "json") {
    say(`sitrep watch backtest: --format must be text or json, not "${o.format}"`);
    return 2;
  }
  const from = dateArg("backtest", "--from", o.from);
  const to = from && dateArg("backtest", "--to", o.to);
  if (!from || !to) return 2;
  if (from > to) {
    say(`sitrep watch backtest: --from (${from}) is after --to (${to})`);
    return 2;
  }
  return withStore("backtest", o.db, true, async (store) => {
    const w = await findWatch(store, "backtest", a.positionals[0]);
    if (!w) return 1;
    const r = await backtest(store, w, from, to);
    await write(o.format === "json" ? JSON.stringify(r) + "\n" : formatBacktest(r).replace(/\n?$/, "\n"));
    return 0;
  });
}

async function date(argv: string[]): Promise<number> {
  const [op, ...rest] = argv;
  const a = args(`date ${op ?? ""}`.trim(), { args: rest, allowPositionals: true, options: { db, yearly: { type: "boolean", default: false }, format: { type: "string", default: "text" }, help } });
  if (!a) return 2;
  const o = a.values;
  const p = a.positionals;
  if (op === "add") {
    if (p.length !== 3) {
      say(`sitrep watch date add: give the watch, the date and a label: sitrep watch date add "Baghdad" 2031-05-01 "election day"`);
      return 2;
    }
    const d = /^\d{4}-\d{2}-\d{2}$/.test(p[1]) ? isoDate(p[1]) : null;
    if (!d) {
      say(`sitrep watch date add: the date must be YYYY-MM-DD, not "${p[1]}"`);
      return 2;
    }
    const label = p[2].trim();
    if (!label || label.length > 200) {
      say("sitrep watch date add: the label must be 1 to 200 characters");
      return 2;
    }
    return withStore("date add", o.db, true, async (store) => {
      const w = await findWatch(store, "date add", p[0]);
      if (!w) return 1;
      const r = await store.watches.addRiskDate({ watch: w.id, date: d, label, yearly: o.yearly });
      await write(`added risk date ${r.id} to "${w.name}": ${r.date}${r.yearly ? " (every year)" : ""} ${r.label}\n`);
      return 0;
    });
  }
  if (op === "list") {
    if (p.length !== 1) {
      say("sitrep watch date list: name one watch");
      return 2;
    }
    if (o.format !== "text" && o.format !== "jsonl") {
      say(`sitrep watch date list: --format must be text or jsonl, not "${o.format}"`);
      return 2;
    }
    return withStore("date list", o.db, true, async (store) => {
      const w = await findWatch(store, "date list", p[0]);
      if (!w) return 1;
      const dates = await store.watches.listRiskDates(w.id);
      for (const r of dates) await write(o.format === "jsonl" ? JSON.stringify(r) + "\n" : `${r.id}\t${r.date}\t${r.yearly ? "yearly" : "once"}\t${r.label}\n`);
      if (!dates.length && o.format === "text") say(`sitrep watch date list: no risk dates for "${w.name}"`);
      return 0;
    });
  }
  if (op === "remove") {
    const id = Number(p[0]);
    if (p.length !== 1 || !Number.isInteger(id) || id < 1) {
      say(`sitrep watch date remove: give the id of a risk date (see sitrep watch date list), not "${p.join(" ")}"`);
      return 2;
    }
    return withStore("date remove", o.db, true, async (store) => {
      if (!(await store.watches.removeRiskDate(id))) {
        say(`sitrep watch date remove: no risk date ${id}`);
        return 1;
      }
      await write(`removed risk date ${id}\n`);
      return 0;
    });
  }
  say(`sitrep watch date: expected add, list or remove, not "${op ?? ""}"\n\n${USAGE}`);
  return 2;
}
