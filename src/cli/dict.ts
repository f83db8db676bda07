// sitrep dict check: reads PETRARCH / TABARI dictionaries and reports what they hold and what is malformed.
import { parseArgs } from "node:util";
import { formatProblem } from "../core/problems.js";
import { loadPetrarchDictionaries } from "../dict/petrarch/load.js";
import type { DictionaryKind } from "../dict/petrarch/types.js";

const USAGE = `Usage: sitrep dict check [DIR] [--verbs F] [--actors F] [--agents F] [--discards F] [--issues F]

Reads every dictionary in DIR (kind told from the file name: *verbs*, CAMEO.*.txt, *actors*, *agents*,
*discards*, *issues*, *Ontology*) and the files named by kind (repeatable), and prints what each holds.
Every malformed line is reported as file:line on stderr (and skipped); loosely written dates are warnings.
Exit code 1 when any line is malformed or a file cannot be read, 2 for a usage error.
`;

export async function runDict(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "--help" || sub === "-h" || sub === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (sub !== "check") {
    process.stderr.write(`sitrep dict: ${sub ? `unknown subcommand "${sub}"` : "name a subcommand"}\n\n${USAGE}`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        verbs: { type: "string", multiple: true },
        actors: { type: "string", multiple: true },
        agents: { type: "string", multiple: true },
        discards: { type: "string", multiple: true },
        issues: { type: "string", multiple: true },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep dict check: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  const explicit: Partial<Record<DictionaryKind, string[]>> = {};
  for (const k of ["verbs", "actors", "agents", "discards", "issues"] as const) if (o[k]?.length) explicit[k] = o[k];
  if (args.positionals.length > 1 || (!args.positionals.length && !Object.keys(explicit).length)) {
    process.stderr.write(`sitrep dict check: name one folder and/or files by kind\n\n${USAGE}`);
    return 2;
  }
  const t0 = performance.now();
  const d = loadPetrarchDictionaries(args.positionals[0] ?? null, explicit);
  const ms = performance.now() - t0;
  const out: string[] = [];
  for (const f of d.files) out.push(`${f.kind.padEnd(9)} ${f.path}`);
  if (d.verbs) {
    const b = d.verbs.blocks;
    out.push(`verbs:    ${b.length} blocks, ${b.reduce((a, x) => a + x.verbs.length, 0)} verbs, ${b.reduce((a, x) => a + x.patterns.length, 0)} patterns, ${d.verbs.synsets.size} synsets, ${d.verbs.transformations.length} transformations`);
  }
  if (d.actors) out.push(`actors:   ${d.actors.actors.length} actors, ${d.actors.actors.reduce((a, x) => a + x.phrases.length, 0)} phrases, ${d.actors.actors.reduce((a, x) => a + x.dated.length, 0)} dated codes`);
  if (d.agents) out.push(`agents:   ${d.agents.agents.length} agents, ${d.agents.agents.reduce((a, x) => a + x.phrases.length, 0)} phrases`);
  if (d.discards) out.push(`discards: ${d.discards.discards.length} (${d.discards.discards.filter((x) => x.scope === "story").length} for whole stories)`);
  if (d.issues) out.push(`issues:   ${d.issues.issues.length} issues, ${d.issues.ignore.length} ignore phrases`);
  const errors = d.problems.filter((p) => p.code.startsWith("E_")).length;
  const warnings = d.problems.length - errors;
  out.push(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}; read in ${Math.round(ms)} ms`);
  process.stdout.write(out.join("\n") + "\n");
  for (const p of d.problems) process.stderr.write(formatProblem(p) + "\n");
  return errors ? 1 : 0;
}
