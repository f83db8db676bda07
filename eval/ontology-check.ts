// Compares the ontology tables with the public CAMEO codebook (ICEWS copy) and the CAMEO2PLOVER-2021 table in ../shared/data/cameo/.
// Usage: node dist/eval/ontology-check.js [--shared DIR]   (exit status 1 if an undocumented difference is found)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { repoPath } from "../src/core/paths.js";
import { formatProblem } from "../src/core/problems.js";
import { loadOntology } from "../src/ontology/ontology.js";

const { values } = parseArgs({ options: { shared: { type: "string", default: repoPath("../shared/data") } } });
const dir = join(values.shared!, "cameo");
const icewsPath = join(dir, "icews_cameo-codes.csv");
const ploverPath = join(dir, "CAMEO2PLOVER-2021.txt");
for (const p of [icewsPath, ploverPath]) {
  if (!existsSync(p)) {
    console.error(`ontology-check: ${p} not found (give --shared DIR)`);
    process.exit(2);
  }
}

const onto = loadOntology();
let undocumented = 0;
const report = (what: string, documented = false) => {
  if (!documented) undocumented++;
  console.log(`  ${documented ? "(documented) " : ""}${what}`);
};

console.log(`ontology: ${onto.codes().length} CAMEO codes, ${onto.problems.length} load problems`);
for (const p of onto.problems) report(formatProblem(p));

// Rows of plover.tsv that carry a trailing "# table: ..." comment are deliberate departures from the table.
const documentedPlover = new Set<string>();
for (const line of readFileSync(repoPath("src/ontology/data/plover.tsv"), "utf8").split(/\r?\n/)) {
  const m = /^(\d{2,4})\t[^#]*\t#\s*table:/.exec(line);
  if (m) documentedPlover.add(m[1]);
}

// 1. CAMEO codes, names and Goldstein values against the ICEWS codebook
const icews = parse(readFileSync(icewsPath, "utf8"), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Array<Record<string, string>>;
const ref = new Map(icews.map((r) => [r.code, { name: r.name.trim(), goldstein: Number(r.goldstein) }]));
console.log(`\nCAMEO codebook (${icewsPath}): ${ref.size} codes`);
const ours = new Map(onto.codes().map((e) => [e.code, e]));
for (const code of ref.keys()) if (!ours.has(code)) report(`${code} missing from cameo.tsv ("${ref.get(code)!.name}")`);
for (const code of ours.keys()) if (!ref.has(code)) report(`${code} in cameo.tsv but not in the codebook ("${ours.get(code)!.name}")`);
for (const [code, r] of ref) {
  const e = ours.get(code);
  if (!e) continue;
  if (e.name !== r.name) {
    const caseOnly = e.name.toLowerCase() === r.name.toLowerCase();
    report(`${code} name: ours "${e.name}", codebook "${r.name}"${caseOnly ? " (capitalisation only)" : ""}`, caseOnly);
  }
  if (e.goldstein !== r.goldstein) report(`${code} Goldstein: ours ${e.goldstein}, codebook ${r.goldstein}`);
}

// 2. PLOVER type and mode against the 2021 conversion table ("code: TYPE, mode, context # comment")
const table = new Map<string, { type: string; mode: string | null }>();
for (const line of readFileSync(ploverPath, "utf8").split(/\r?\n/)) {
  const m = /^(\d{2,4}):\s*([^#]*)/.exec(line);
  if (!m) continue;
  const [type, mode] = m[2].split(",").map((s) => s.trim());
  const prev = table.get(m[1]);
  if (prev && prev.type !== type) report(`${m[1]} is listed twice in the table with different types (${prev.type}, ${type})`, true);
  table.set(m[1], { type, mode: mode || null });
}
console.log(`\nCAMEO2PLOVER table (${ploverPath}): ${table.size} codes`);
for (const [code, t] of table) {
  const e = ours.get(code);
  if (!e) {
    report(`${code} is in the PLOVER table but not in cameo.tsv (${t.type})`, ref.has(code) === false);
    continue;
  }
  if (e.plover?.type !== t.type || e.plover?.mode !== t.mode) {
    report(`${code} PLOVER: ours ${e.plover?.type ?? "-"}/${e.plover?.mode ?? "-"}, table ${t.type}/${t.mode ?? "-"}`, documentedPlover.has(code));
  }
}
const notInTable = [...ours.keys()].filter((c) => !table.has(c));
console.log(`  not in the table (it has no rows for CAMEO 01 and 02): ${notInTable.length} codes, ` +
  `${notInTable.filter((c) => !/^0[12]/.test(c) && c.length > 2).join(" ") || "none outside 01/02"}`);

console.log(`\n${undocumented} undocumented difference(s)`);
process.exit(undocumented ? 1 : 0);
