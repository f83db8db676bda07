// sitrep eval --petrarch-validate: codes a PETRARCH validation file's sentences from raw text and scores them.
import { parseArgs } from "node:util";
import { formatProblem, problem } from "../core/problems.js";
import { prf, type Tally } from "../core/tally.js";
import { NO_ACTOR, readPetrarchValidation, type ValidationRecord } from "../dict/petrarch/validation-reader.js";
import { expectedTriples, isRight, scoreValidation, skipReason, tripleKey, type Coded, type Triple } from "../dict/petrarch/validation-score.js";
import { createCoder } from "../pipeline/coder.js";

const USAGE = `Usage: sitrep eval --petrarch-validate FILE.xml [--dict DIR ...] [--no-builtin] [--errors] [--category C ...]

Codes the <Text> of every record of a PETRARCH validation file (its parse trees are not used) and compares the
(source, target, event code) triples with its <EventCoding> records: exact-triple precision, recall and F1,
the sentences exactly right, looser figures, and a table by category. Records with evaluate="false" are
read and counted, not scored.
  --dict DIR       PETRARCH / TABARI dictionaries to code with (repeatable)
  --no-builtin     leave out sitrep's own lexicons: the --dict dictionaries alone
  --errors         print every record coded wrongly: id, text, expected and coded triples
  --category C     only the records of category C (repeatable, or C1,C2)
`;

function figures(label: string, t: Tally): string {
  const { p, r, f1 } = prf(t);
  const pct = t.sentences ? ((100 * t.exact) / t.sentences).toFixed(1) : "-";
  return `${label.padEnd(32)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  exact ${`${t.exact}/${t.sentences}`.padEnd(7)} (${pct.padStart(5)}%)  tp ${t.tp} fp ${t.fp} fn ${t.fn}`;
}

const show = (ts: readonly Triple[]) => [...new Set(ts.map((t) => tripleKey(t).replaceAll("|", " ")))].sort().join(", ") || "nothing";

export async function runEval(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        "petrarch-validate": { type: "string" },
        dict: { type: "string", multiple: true },
        "no-builtin": { type: "boolean", default: false },
        errors: { type: "boolean", default: false },
        category: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep eval: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = o["petrarch-validate"];
  if (!file) {
    process.stderr.write(`sitrep eval: name a validation file with --petrarch-validate\n\n${USAGE}`);
    return 2;
  }
  const dicts = o.dict ?? [];
  if (o["no-builtin"] && !dicts.length) {
    process.stderr.write(`sitrep eval: --no-builtin needs at least one --dict\n\n${USAGE}`);
    return 2;
  }

  const v = readPetrarchValidation(file);
  for (const p of v.problems) process.stderr.write(formatProblem(p) + "\n");
  if (!v.records.length) return 1;
  const all = new Set(v.records.map((r) => r.category));
  const cats = o.category ? new Set(o.category.flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean)) : null;
  const unknown = cats ? [...cats].filter((c) => !all.has(c)) : [];
  if (unknown.length) {
    process.stderr.write(`sitrep eval: no records of category ${unknown.join(", ")}; the file has ${[...all].sort().join(" ")}\n`);
    return 2;
  }
  const records = v.records.filter((r) => !cats || cats.has(r.category));

  const coder = createCoder({ dicts, builtin: !o["no-builtin"] });
  const unreadable = coder.lexiconProblems.filter((p) => p.code === "E_DICT_FILE");
  for (const p of unreadable) process.stderr.write(formatProblem(p) + "\n");
  if (unreadable.length) return 1;
  const dictErrors = coder.lexiconProblems.filter((p) => p.code.startsWith("E_")).length;

  const coded: Coded[] = [];
  let failed = 0;
  const t0 = performance.now();
  for (const record of records) {
    if (skipReason(record)) {
      coded.push({ record, predicted: [] });
      continue;
    }
    let predicted: Triple[] = [];
    try {
      const events = coder.code({ id: record.id, text: record.text, published: record.date ?? undefined }).events;
      predicted = events.map((e) => ({ source: e.source.code, target: e.target?.code ?? NO_ACTOR, code: e.code }));
    } catch (e) {
      failed++;
      process.stderr.write(formatProblem(problem("E_PIPELINE", record.where, `record ${record.id}: ${(e as Error).message}`)) + "\n");
    }
    coded.push({ record, predicted });
  }
  const secs = (performance.now() - t0) / 1000;

  const include = v.environment.include;
  const s = scoreValidation(coded, include);
  const errs = v.problems.filter((p) => p.code.startsWith("E_")).length;
  const out: string[] = [];
  out.push(`PETRARCH validation: ${file}`);
  const sk = s.skipped;
  const skipped = [
    sk["evaluate-false"] && `${sk["evaluate-false"]} evaluate="false"`,
    sk["parse-error"] && `${sk["parse-error"]} expect a parse-tree error sitrep cannot see`,
    sk["no-coding"] && `${sk["no-coding"]} without <EventCoding>`,
  ].filter(Boolean);
  out.push(
    `records: ${v.records.length} read${cats ? `, ${records.length} in ${[...cats].join(" ")}` : ""}, ${s.scored} evaluated, ` +
      `${records.length - s.scored} skipped${skipped.length ? ` (${skipped.join(", ")})` : ""}; ` +
      `problems: ${errs} record${errs === 1 ? "" : "s"} unreadable, ${v.problems.length - errs} warning${v.problems.length - errs === 1 ? "" : "s"} (on stderr)`,
  );
  out.push(`dictionaries: ${dicts.join(", ") || "none"}${o["no-builtin"] ? " alone" : " + sitrep's built-in lexicons"}; ${dictErrors} malformed dictionary line${dictErrors === 1 ? "" : "s"} skipped${dictErrors ? " (sitrep dict check DIR lists them)" : ""}`);
  if (failed) out.push(`the coder failed on ${failed} record${failed === 1 ? "" : "s"} (on stderr); scored as coding nothing`);
  out.push("");
  out.push(figures("(source, target, code) exact", s.triples));
  out.push(figures("(code, source)", s.codeSource));
  out.push(figures("root code only", s.root));
  if (s.implemented) out.push(figures("exact triples, implemented only", s.implemented.triples));
  out.push("");
  out.push(`by category (exact triples)${include ? `; * = not among the categories the file lists as implemented (${include.join(" ")})` : ""}:`);
  const skippedIn = new Map<string, number>();
  for (const r of records) if (skipReason(r)) skippedIn.set(r.category, (skippedIn.get(r.category) ?? 0) + 1);
  for (const c of [...new Set(records.map((r) => r.category))].sort()) {
    const label = (c || "(none)") + (include && !include.includes(c) ? " *" : "");
    const f = s.byCategory.get(c);
    const n = skippedIn.get(c);
    const note = n ? `  (${n} skipped)` : "";
    out.push("  " + (f ? figures(label, f.triples) + note : `${label.padEnd(32)} no record evaluated${note}`));
  }
  out.push("");
  out.push(`coded ${s.scored} sentences in ${secs.toFixed(2)} s, ${(s.scored / Math.max(secs, 1e-9)).toFixed(0)} sentences/s (dictionaries and lexicons loaded in ${Math.round(coder.loadMs)} ms)`);
  if (o.errors) {
    const wrong = coded.filter((c) => !skipReason(c.record) && !isRight(c.record, c.predicted));
    out.push(`\n${wrong.length} records coded wrongly:`);
    for (const { record: r, predicted } of wrong) out.push(describe(r, predicted));
  }
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}

function describe(r: ValidationRecord, predicted: readonly Triple[]): string {
  const want = r.noEvents ? "no event" : r.error ? `no event (PETRARCH error ${r.errorKind})` : show(expectedTriples(r));
  const config = Object.entries(r.config).map(([k, x]) => `${k}=${x}`);
  return `${r.id} [${r.category}] ${r.where}${config.length ? `  (PETRARCH codes it with ${config.join(" ")}; sitrep ignores that)` : ""}\n  ${r.text}\n  expected ${want}\n  coded    ${show(predicted)}`;
}
