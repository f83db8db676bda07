// sitrep code: articles in, one event record per line out; problems and progress on stderr.
import { parseArgs } from "node:util";
import { formatProblem, problem } from "../core/problems.js";
import { createCoder } from "../pipeline/coder.js";
import { isoDate } from "../pipeline/iso-date.js";
import { readInput } from "../sources/read-input.js";
import { formatEvent, header, write, type Format } from "./format.js";
import { Progress } from "./progress.js";

const USAGE = `Usage: sitrep code [options] <file|folder|->

Input: .txt (plain text), .html, .jsonl (one story a line: {"id","text"|"html","published","url"?,"outlet"?}),
a folder of such files, or - for standard input.

Options:
  --published YYYY-MM-DD   publication date for inputs that carry none (relative dates resolve against it)
  --outlet NAME            outlet for inputs that carry none (the first link of each event's attribution)
  --format jsonl|csv|tsv   output format (default jsonl)
  --explain                also print, per sentence, what each stage found (JSON lines with an "explain" key;
                           on stderr for csv/tsv)
  --keep-negated           keep negated and hypothetical acts as events with "negated": true
  --keep-unattributed      keep acts by unnamed attackers ("gunmen killed 26"; source UAF, no country), which
                           CAMEO coders leave out (sitrep ingest keeps them for its alerts)
  --statements             also emit bare statements (CAMEO 010) for sentences with no other event
  --dict DIR               PETRARCH / TABARI dictionaries to code with besides the built-ins (repeatable);
                           each file's kind is told from its name (*verbs*, *actors*, *agents*, *discards*,
                           *issues*, CAMEO.*.txt)
  --verbs F, --actors F, --agents F, --discards F, --issues F
                           dictionary files named one by one (repeatable; PETRARCH uses three actor files)
  --no-builtin             code with the given dictionaries alone
  -h, --help               this text
`;

export async function runCode(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        published: { type: "string" },
        outlet: { type: "string" },
        format: { type: "string", default: "jsonl" },
        explain: { type: "boolean", default: false },
        "keep-negated": { type: "boolean", default: false },
        "keep-unattributed": { type: "boolean", default: false },
        statements: { type: "boolean", default: false },
        dict: { type: "string", multiple: true },
        verbs: { type: "string", multiple: true },
        actors: { type: "string", multiple: true },
        agents: { type: "string", multiple: true },
        discards: { type: "string", multiple: true },
        issues: { type: "string", multiple: true },
        "no-builtin": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep code: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = o.format as Format;
  if (!["jsonl", "csv", "tsv"].includes(format)) {
    process.stderr.write(`sitrep code: --format must be jsonl, csv or tsv, not "${o.format}"\n`);
    return 2;
  }
  if (o.published && !isoDate(o.published)) {
    process.stderr.write(`sitrep code: --published must be a date (YYYY-MM-DD), not "${o.published}"\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(`sitrep code: name an input file, a folder, or - for standard input\n\n${USAGE}`);
    return 2;
  }
  const dictFiles = { verbs: o.verbs, actors: o.actors, agents: o.agents, discards: o.discards, issues: o.issues };
  const anyFiles = Object.values(dictFiles).some((x) => x?.length);
  if (o["no-builtin"] && !o.dict?.length && !anyFiles) {
    process.stderr.write(`sitrep code: --no-builtin needs dictionaries (--dict DIR or --verbs/--actors/... files)\n`);
    return 2;
  }
  const coder = createCoder({
    keepNegated: o["keep-negated"],
    keepUnattributed: o["keep-unattributed"],
    statements: o.statements,
    dicts: o.dict ?? [],
    ...(anyFiles ? { dictFiles } : {}),
    builtin: !o["no-builtin"],
  });
  for (const p of coder.lexiconProblems) process.stderr.write(formatProblem(p) + "\n");
  const h = header(format);
  if (h) await write(h);
  let read = 0;
  let events = 0;
  let bytes = 0;
  let errors = 0;
  const progress = new Progress(!!process.stderr.isTTY);
  for (const input of args.positionals) {
    for await (const item of readInput(input, { published: o.published, outlet: o.outlet })) {
      if ("problem" in item) {
        if (item.problem.code.startsWith("E_")) errors++;
        process.stderr.write(formatProblem(item.problem) + "\n");
        continue;
      }
      read++;
      const a = item.article;
      bytes += (a.text ?? a.html ?? "").length;
      let res;
      try {
        res = coder.code(a);
      } catch (e) {
        errors++;
        process.stderr.write(formatProblem(problem("E_PIPELINE", a.id, (e as Error).message)) + "\n");
        continue;
      }
      for (const p of res.problems) process.stderr.write(formatProblem(p) + "\n");
      if (o.explain) {
        for (const ex of coder.explain(res.doc)) {
          if (format === "jsonl") await write(JSON.stringify({ explain: ex }) + "\n");
          else process.stderr.write(JSON.stringify({ explain: ex }) + "\n");
          for (const e of res.events.filter((x) => x.sentence === ex.sentence)) await write(formatEvent(e, format));
        }
      } else {
        for (const e of res.events) await write(formatEvent(e, format));
      }
      events += res.events.length;
      progress.update((s) => `coding: ${read} articles, ${events} events, ${(read / s).toFixed(1)} articles/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s`);
    }
  }
  progress.done();
  process.stderr.write(`sitrep code: ${read} article(s) read, ${events} event(s) coded${errors ? `, ${errors} input error(s)` : ""}\n`);
  return read === 0 ? 1 : 0;
}
