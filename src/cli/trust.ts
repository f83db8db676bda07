// sitrep trust: how far watches trust an outlet's or agency's reports (0 leaves them out, 1 takes them as certain).
import { say, subcommands } from "./subcommand.js";
import { write } from "./format.js";

const USAGE = `Usage: sitrep trust <subcommand> ... [--db sitrep.db]

  set OUTLET WEIGHT        how far watches trust the reports of an outlet or agency (0 to 1), by its name as
                           stored (case does not matter): 0 leaves its reports out, 1 takes them as certain
  list [--format text|jsonl]
                           the weights set (the others get a default; wire agencies a higher one)

Options:
  --db FILE                the SQLite database (default sitrep.db)
  -h, --help               this text
`;

const { args, withStore, dispatch, oneOf } = subcommands("trust", USAGE);

async function set(rest: string[]): Promise<number> {
  // parseArgs would take "-0.5" for an option
  const negative = rest.find((x) => /^-\.?\d/.test(x));
  if (negative !== undefined) {
    say(`sitrep trust set: the weight must be a number from 0 to 1, not "${negative}"`);
    return 2;
  }
  const a = args("set", { args: rest, allowPositionals: true, options: { db: { type: "string" } } });
  if (!a) return 2;
  const [outlet, weightText, ...extra] = a.positionals;
  if (weightText === undefined || extra.length) {
    say(`sitrep trust set: give an outlet and a weight: sitrep trust set "Example News" 0.5 (quote names with spaces)`);
    return 2;
  }
  const weight = Number(weightText);
  if (!/^\s*\d*\.?\d+\s*$/.test(weightText) || !(weight >= 0 && weight <= 1)) {
    say(`sitrep trust set: the weight must be a number from 0 to 1, not "${weightText}"`);
    return 2;
  }
  if (!outlet.trim()) {
    say("sitrep trust set: the outlet name is empty");
    return 2;
  }
  return withStore("set", a.values.db, false, async (store) => {
    await store.watches.setTrust(outlet, weight);
    await write(`trust of "${outlet.trim()}" set to ${weight}\n`);
    return 0;
  });
}

async function list(rest: string[]): Promise<number> {
  const a = args("list", { args: rest, options: { db: { type: "string" }, format: { type: "string", default: "text" } } });
  if (!a) return 2;
  const format = a.values.format;
  if (!oneOf("list", "--format", format, ["text", "jsonl"])) return 2;
  return withStore("list", a.values.db, true, async (store) => {
    const all = await store.watches.listTrust();
    for (const t of all) await write(format === "jsonl" ? JSON.stringify(t) + "\n" : `${t.weight}\t${t.outlet}\n`);
    if (!all.length && format === "text") say("sitrep trust list: no weights set; every outlet gets the default");
    return 0;
  });
}

export async function runTrust(argv: string[]): Promise<number> {
  return dispatch(argv, { set, list });
}
