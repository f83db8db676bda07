// sitrep eval --petrarch-validate: codes a PETRARCH validation file's sentences from raw text and scores them.
import { parseArgs } from "node:util";
import { formatProblem } from "../core/problems.js";
import { NO_ACTOR, readPetrarchValidation } from "../dict/petrarch/validation-reader.js";
import { formatTally, scoreValidation, type Triple } from "../dict/petrarch/validation-score.js";
import { createCoder } from "../pipeline/coder.js";

const USAGE = `Usage: sitrep eval --petrarch-validate FILE.xml [--dict DIR ...] [--no-builtin] [--errors] [--category C]

Codes the <Text> of every record of a PETRARCH validation file (no parse trees are used) and compares the
(source, target, event code) triples with its <EventCoding> records: exact-triple precision, recall and F1,
the sentences exactly right, and a table by category. Records with evaluate="false" are skipped.
  --dict DIR       dictionaries to code with (repeatable); --no-builtin leaves out sitrep's own lexicons
  --errors         print every record coded wrongly, with what was expected and what was coded
  --category C     only the records of these categories (repeatable)
`;

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
  const v = readPetrarchValidation(file);
  for (const p of v.problems) process.stderr.write(formatProblem(p) + "\n");
  if (!v.records.length) return 1;
  const coder = createCoder({ dicts: o.dict ?? [], builtin: !o["no-builtin"] });
  const dictErrors = coder.lexiconProblems.filter((p) => p.code.startsWith("E_")).length;
  const cats = o.category ? new Set(o.category) : null;
  const records = v.records.filter((r) => !cats || cats.has(r.category));
  const predicted = new Map<string, Triple[]>();
  const t0 = performance.now();
  for (const r of records) {
    if (!r.evaluate) continue;
    const events = coder.code({ id: r.id, text: r.text, published: r.date ?? undefined }).events;
    const seen = new Set<string>();
    const triples: Triple[] = [];
    for (const e of events) {
      const t = { source: e.source.code || NO_ACTOR, target: e.target?.code || NO_ACTOR, code: e.code };
      const k = `${t.source}|${t.target}|${t.code}`;
      if (!seen.has(k)) triples.push(t);
      seen.add(k);
    }
    predicted.set(r.id, triples);
  }
  const secs = (performance.now() - t0) / 1000;
  const s = scoreValidation(records, predicted);
  const evaluated = records.filter((r) => r.evaluate).length;
  const lines: string[] = [];
  lines.push(`PETRARCH validation: ${file}`);
  lines.push(`${v.records.length} records read, ${evaluated} evaluated, ${records.length - evaluated} skipped (evaluate="false"), ${v.problems.length} unreadable or malformed`);
  lines.push(`dictionaries: ${(o.dict ?? []).join(", ") || "none"}${o["no-builtin"] ? " (without the built-in lexicons)" : " + built-in lexicons"}; ${dictErrors} malformed dictionary lines skipped`);
  lines.push(formatTally("(source, target, code) exact", s.triples));
  lines.push(formatTally("(code, source)", s.codeSource));
  lines.push(formatTally("root code only", s.root));
  lines.push("by category (exact triples)" + (v.include ? `; the file marks as implemented: ${v.include.join(" ")}` : "") + ":");
  for (const [c, t] of [...s.byCategory].sort()) lines.push("  " + formatTally(c + (v.include && !v.include.includes(c) ? " *" : ""), t));
  if (v.include) lines.push("  (* = a category the file does not list as implemented)");
  lines.push(`coded in ${secs.toFixed(2)} s, ${(evaluated / Math.max(secs, 1e-9)).toFixed(0)} sentences/s (load ${Math.round(coder.loadMs)} ms)`);
  if (o.errors) {
    lines.push("\nwrong records:");
    for (const r of records) {
      if (!r.evaluate) continue;
      const pred = predicted.get(r.id) ?? [];
      const gold = r.noEvents || r.error ? [] : r.expected;
      const g = gold.map((x) => `${x.source}>${x.target} ${x.code}`).sort();
      const p = pred.map((x) => `${x.source}>${x.target} ${x.code}`).sort();
      if (g.join() === p.join()) continue;
      lines.push(`${r.id} [${r.category}] ${r.where}\n  ${r.text}\n  expected ${g.join(", ") || "nothing"}\n  coded    ${p.join(", ") || "nothing"}`);
    }
  }
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
