// sitrep stats: what the store holds — articles, near-duplicates folded, events, clusters, per outlet and per day.
import { parseArgs } from "node:util";
import { openStore } from "./db.js";

const USAGE = `Usage: sitrep stats --db sitrep.db [--json]

Counts of articles (near-duplicates folded into their originals), sentences, event reports and clusters,
then per outlet, per day, and per coder version. --json prints the same as one JSON object.
`;

export async function runStats(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { db: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } });
  } catch (e) {
    process.stderr.write(`sitrep stats: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const store = await openStore(args.values.db, "stats", { mustExist: true });
  if (!store) return 1;
  const st = await store.stats();
  await store.close();
  if (args.values.json) {
    process.stdout.write(JSON.stringify(st) + "\n");
    return 0;
  }
  const out: string[] = [];
  out.push(`articles   ${st.articles} (${st.articles - st.duplicates} originals, ${st.duplicates} near-duplicates folded into them)`);
  out.push(`sentences  ${st.sentences}`);
  out.push(`events     ${st.events} reports in ${st.clusters} clusters (${st.events - st.clusters} repeated reports folded)`);
  out.push("", "per outlet (articles, events):");
  for (const r of st.perOutlet) out.push(`  ${String(r.articles).padStart(7)} ${String(r.events).padStart(8)}  ${r.outlet}`);
  out.push("", "per day (events, clusters):");
  for (const r of st.perDay) out.push(`  ${r.date} ${String(r.events).padStart(8)} ${String(r.clusters).padStart(8)}`);
  out.push("", "coder versions (articles):");
  for (const r of st.coderVersions) out.push(`  ${String(r.articles).padStart(7)}  ${r.version}`);
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}
