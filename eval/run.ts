// npm run eval: scores the coder on gold files — PLOVER gold-standard JSON and sitrep's own JSONL format.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createCoder } from "../src/pipeline/coder.js";
import { loadOntology } from "../src/ontology/ontology.js";
import { repoPath } from "../src/core/paths.js";
import type { CodedEvent } from "../src/core/types.js";
import { add, line, newTally, type Tally } from "../src/core/tally.js";

const SHARED = repoPath("../shared/data");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { plover: { type: "string" }, gold: { type: "string", multiple: true }, errors: { type: "boolean", default: false }, statements: { type: "boolean", default: false } },
});

const coder = createCoder({ statements: values.statements });
const onto = loadOntology();

/** Country codes a human coding may spell otherwise than sitrep: Kosovo is CAMEO's KSV, sitrep's XKX (it has no ISO code). */
const SAME_COUNTRY = new Map([["KSV", "XKX"]]);

/** CAMEO's regional codes ("the West" WST, "European leaders" EUR, "West African leaders" WAF): no country, as the
 *  gold sets' README says of them ("none of these count as countries when scoring"). */
const REGIONS = new Set(["AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WEU", "ARB"]);

/** The country of a gold actor code: its first three letters, unless they name a sector, a kind or a region. */
function country(code: string | null | undefined): string {
  if (!code) return "none";
  const c0 = code.slice(0, 3).toUpperCase();
  const c = SAME_COUNTRY.get(c0) ?? c0;
  return /^[A-Z]{3}$/.test(c) && !REGIONS.has(c) && !["IGO", "NGO", "IMG", "MNC", "UAF", "REB", "MIL", "GOV", "COP", "CVL", "OPP", "BUS", "MED", "SPY", "JUD", "LEG", "CRM", "ELI", "REF", "HLH", "EDU", "LAB", "REL", "NGM"].includes(c) ? c : "none";
}

/** The country of a coded actor: the record's own ISO 3166 field, which is what sitrep reports. */
function actorCountry(a: { country: string | null } | null | undefined): string {
  return a?.country ? (SAME_COUNTRY.get(a.country) ?? a.country) : "none";
}

function codeText(id: string, text: string, published: string | undefined): CodedEvent[] {
  return coder.code({ id, text, published }).events;
}

/** The gold standard was coded with an earlier PLOVER whose types the 2021 CAMEO→PLOVER table (and so
 *  sitrep's ontology) merges: DEMAND into REQUEST, DISAPPROVE and INVESTIGATE into ACCUSE, FIGHT into ASSAULT. */
const LEGACY_PLOVER: Record<string, string> = { DEMAND: "REQUEST", DISAPPROVE: "ACCUSE", INVESTIGATE: "ACCUSE", FIGHT: "ASSAULT" };

/** PLOVER gold standard: one event type per record, sources with ISO3 codes. */
function evalPlover(path: string): void {
  const recs = JSON.parse(readFileSync(path, "utf8")) as Array<Record<string, any>>;
  const byType = new Map<string, Tally>();
  const pairs = newTally();
  const types = newTally();
  const triples = newTally();
  const errs: string[] = [];
  for (const r of recs) {
    if (r.event === "DOCUMENT" || !r.text) continue;
    r.event = LEGACY_PLOVER[r.event] ?? r.event;
    const events = codeText(r.id, r.text, r.date);
    const list = (x: unknown): any[] => (Array.isArray(x) ? x : x ? [x] : []);
    const srcs: string[] = list(r.source).map((s: any) => country(s.code));
    const tgts: string[] = list(r.target).map((s: any) => country(s.code));
    const gold = new Set((srcs.length ? srcs : ["none"]).map((s) => `${r.event}|${s}`));
    const pred = new Set(events.map((e) => `${e.plover?.type ?? "(no PLOVER type)"}|${actorCountry(e.source)}`));
    add(pairs, gold, pred);
    add(types, new Set([r.event]), new Set(events.map((e) => e.plover?.type ?? "")));
    const goldT = new Set<string>();
    for (const s of srcs.length ? srcs : ["none"]) for (const t of tgts.length ? tgts : ["none"]) goldT.add(`${r.event}|${s}|${t}`);
    add(triples, goldT, new Set(events.map((e) => `${e.plover?.type ?? "(no PLOVER type)"}|${actorCountry(e.source)}|${actorCountry(e.target)}`)));
    let t = byType.get(r.event);
    if (!t) byType.set(r.event, (t = newTally()));
    add(t, gold, pred);
    if (values.errors && ![...gold].every((g) => pred.has(g))) errs.push(`${r.id}\n  ${r.text}\n  gold ${[...gold].join(" ")}\n  pred ${[...pred].join(" ") || "-"}`);
  }
  console.log(`\nPLOVER gold standard (${path.replace(repoPath(".."), "..")}): ${pairs.sentences} sentences`);
  console.log(line("(PLOVER type, source country)", pairs));
  console.log(line("(type, source, target country)", triples));
  console.log(line("PLOVER type only", types));
  console.log("by PLOVER type:");
  for (const [k, t] of [...byType].sort()) console.log("  " + line(k, t));
  if (errs.length) console.log("\nmisses:\n" + errs.join("\n"));
}

interface GoldLine {
  id: string;
  text: string;
  published?: string;
  events: Array<{ code?: string; root?: string; source: string; target?: string | null }>;
}

/** sitrep's JSONL gold format: {"id","text","published","events":[{"code","source","target"}]}. */
function evalJsonl(path: string): void {
  const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim());
  const rootSrc = newTally();
  const rootSrcTgt = newTally();
  const codes = newTally();
  const byRoot = new Map<string, Tally>();
  const errs: string[] = [];
  lines.forEach((l, n) => {
    let g: GoldLine;
    try {
      g = JSON.parse(l);
    } catch (e) {
      console.error(`${path}:${n + 1}: not JSON: ${(e as Error).message}`);
      return;
    }
    const events = codeText(g.id, g.text, g.published);
    const rootOf = (e: { code?: string; root?: string }) => (e.root ?? e.code ?? "").slice(0, 2);
    const gold = new Set(g.events.map((e) => `${rootOf(e)}|${country(e.source)}`));
    const pred = new Set(events.map((e) => `${e.root}|${actorCountry(e.source)}`));
    add(rootSrc, gold, pred);
    add(rootSrcTgt, new Set(g.events.map((e) => `${rootOf(e)}|${country(e.source)}|${country(e.target)}`)), new Set(events.map((e) => `${e.root}|${actorCountry(e.source)}|${actorCountry(e.target)}`)));
    add(codes, new Set(g.events.filter((e) => e.code).map((e) => `${e.code}|${country(e.source)}`)), new Set(events.map((e) => `${e.code}|${actorCountry(e.source)}`)));
    for (const root of new Set([...[...gold].map((k) => k.split("|")[0]), ...[...pred].map((k) => k.split("|")[0])])) {
      let t = byRoot.get(root);
      if (!t) byRoot.set(root, (t = newTally()));
      add(t, new Set([...gold].filter((k) => k.startsWith(root + "|"))), new Set([...pred].filter((k) => k.startsWith(root + "|"))));
    }
    if (values.errors && !(gold.size === pred.size && [...gold].every((k) => pred.has(k)))) {
      errs.push(`${g.id}  ${g.text}\n  gold ${[...gold].join(" ") || "-"}\n  pred ${events.map((e) => `${e.code}|${e.source.code}>${e.target?.code ?? "-"} [${e.evidence.verb}]`).join(" ") || "-"}`);
    }
  });
  console.log(`\nsitrep JSONL gold (${path.replace(repoPath(".."), "..")}): ${rootSrc.sentences} sentences`);
  console.log(line("(CAMEO root, source country)", rootSrc));
  console.log(line("(root, source, target country)", rootSrcTgt));
  console.log(line("(full code, source country)", codes));
  console.log("by root (root, source country):");
  for (const [k, t] of [...byRoot].sort()) console.log("  " + line(k || "(none)", t));
  if (errs.length) console.log("\nmisses:\n" + errs.join("\n"));
}

const t0 = performance.now();
console.log(`sitrep eval — lexicons loaded in ${coder.loadMs.toFixed(0)} ms; ${onto.codes().length} CAMEO codes`);
const plover = values.plover ?? join(SHARED, "plover/PLOVER_GSR_CAMEO.json");
const golds = [...(values.gold ?? []), ...positionals];
if (!values.gold && !positionals.length) {
  const dir = repoPath("eval/gold");
  if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (f.endsWith(".jsonl")) golds.push(join(dir, f));
}
if (existsSync(plover)) evalPlover(plover);
else console.log(`\n(skipped the PLOVER gold standard: ${plover} not found)`);
for (const g of golds) evalJsonl(g);
console.log(`\neval took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
