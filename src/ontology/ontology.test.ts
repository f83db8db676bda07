// Unit tests for the ontology tables and lookups.
import { test } from "node:test";
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { repoPath } from "../core/paths.js";
import { formatProblem, type Problem } from "../core/problems.js";
import { readRows } from "../lexicon/read-lines.js";
import { loadOntology, RECODING_FILES } from "./ontology.js";

// first call is timed; every later call returns the cache
const t0 = performance.now();
const onto = loadOntology();
const loadMs = performance.now() - t0;

const rows = (file: string) => {
  const problems: Problem[] = [];
  const r = readRows(repoPath(`src/ontology/data/${file}`), 3, problems);
  assert.deepEqual(problems, []);
  return r;
};

test("loads without problems", () => {
  assert.deepEqual(onto.problems.map(formatProblem), []);
});

test("loads in under 200 ms and is cached", () => {
  assert.ok(loadMs < 200, `took ${loadMs.toFixed(1)} ms`);
  assert.equal(loadOntology(), onto);
});

test("has every CAMEO code: at least 300, 20 roots", () => {
  const codes = onto.codes();
  assert.ok(codes.length >= 300, `${codes.length} codes`);
  const roots = codes.filter((e) => e.code.length === 2).map((e) => e.code);
  assert.deepEqual(roots, Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0")));
  assert.equal(new Set(codes.map((e) => e.code)).size, codes.length);
});

test("every code has a Goldstein value in range, a quad class matching its root, and a PLOVER type", () => {
  const quadOf = (root: number) => (root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);
  for (const e of onto.codes()) {
    assert.ok(e.goldstein >= -10 && e.goldstein <= 10, e.code);
    assert.equal(e.root, e.code.slice(0, 2));
    assert.equal(e.quad, quadOf(Number(e.root)), e.code);
    assert.ok(e.flags.has(e.quad === 1 || e.quad === 3 ? "verbal" : "material"), e.code);
    // every code but the comments PLOVER dropped (01x, except 016 deny) has a PLOVER type
    if (e.root === "01" && e.code !== "016") assert.equal(e.plover, null, e.code);
    else assert.match(e.plover!.type, /^[A-Z]+$/, e.code);
    if (e.code.length > 2) assert.ok(onto.get(e.code.slice(0, -1)) || onto.get(e.code.slice(0, 2)), `${e.code} has a parent`);
  }
});

test("known codebook facts", () => {
  assert.equal(onto.get("190")?.goldstein, -10);
  assert.equal(onto.get("057")?.goldstein, 8);
  assert.equal(onto.get("0874")?.goldstein, 10);
  assert.equal(onto.get("173")?.name, "Arrest, detain, or charge with legal action");
  assert.equal(onto.get("173")?.quad, 4);
  assert.equal(onto.get("036")?.quad, 1);
  assert.equal(onto.get("0871")?.quad, 2);
  assert.equal(onto.get("112")?.quad, 3);
  assert.equal(onto.get("999"), undefined);
});

test("threat, violence and protest properties", () => {
  const e = (c: string) => onto.get(c)!;
  assert.ok(e("138").isThreat && !e("138").isViolent);
  assert.ok(e("1385").isThreat);
  assert.ok(e("195").isViolent && e("195").flags.has("force"));
  assert.ok(e("145").isViolent && e("145").isProtest);
  assert.ok(e("141").isProtest && !e("141").isViolent);
  assert.ok(e("186").isViolent && e("2042").isViolent && e("175").isViolent);
  assert.ok(!e("191").isViolent && e("191").flags.has("force"), "a blockade is force, not violence");
  assert.ok(!e("173").isViolent && e("173").flags.has("coerce"));
  assert.ok(e("010").flags.has("statement"));
  for (const x of onto.codes()) {
    assert.equal(x.isThreat, x.root === "13", x.code);
    assert.equal(x.isProtest, x.root === "14", x.code);
    if (["18", "20"].includes(x.root)) assert.ok(x.isViolent, x.code);
    if (x.quad < 3) assert.ok(!x.isViolent && !x.flags.has("force"), x.code);
  }
});

test("PLOVER types and modes", () => {
  assert.deepEqual(onto.get("141")?.plover, { type: "PROTEST", mode: "demo" });
  assert.deepEqual(onto.get("0841")?.plover, { type: "RETREAT", mode: "release" });
  assert.equal(onto.get("081")?.plover?.type, "CONCEDE");
  assert.equal(onto.get("193")?.plover?.type, "ASSAULT");
  assert.equal(onto.get("191")?.plover?.type, "COERCE");
  assert.equal(onto.get("1712")?.plover?.type, "ASSAULT");
  assert.equal(onto.get("112")?.plover?.type, "ACCUSE");
  // inherited from the nearest listed parent: 0213 → 021
  assert.deepEqual(onto.get("0213")?.plover, { type: "REQUEST", mode: "assist" });
  assert.equal(onto.get("012")?.plover, null);
  assert.equal(onto.get("016")?.plover?.type, "REJECT");
});

test("ACLED event and sub-event types", () => {
  assert.deepEqual(onto.get("195")?.acled, { event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike" });
  assert.deepEqual(onto.get("145")?.acled, { event_type: "Riots", sub_event_type: "Violent demonstration" });
  assert.deepEqual(onto.get("1412")?.acled, { event_type: "Protests", sub_event_type: "Peaceful protest" });
  assert.deepEqual(onto.get("181")?.acled, { event_type: "Violence against civilians", sub_event_type: "Abduction/forced disappearance" });
  assert.deepEqual(onto.get("173")?.acled, { event_type: "Strategic developments", sub_event_type: "Arrests" });
  assert.deepEqual(onto.get("190")?.acled, { event_type: "Battles", sub_event_type: "Armed clash" });
  assert.equal(onto.get("138")?.acled, null, "threats are not ACLED events");
  assert.equal(onto.get("191")?.acled, null);
  assert.equal(onto.get("036")?.acled, null);
});

test("ACLED types are the codebook's", () => {
  const types: Record<string, string[]> = {
    Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    Riots: ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
  };
  for (const e of onto.codes()) {
    if (!e.acled) continue;
    assert.ok(types[e.acled.event_type]?.includes(e.acled.sub_event_type), `${e.code}: ${e.acled.event_type} / ${e.acled.sub_event_type}`);
    assert.ok(e.quad === 4 || e.acled.event_type === "Strategic developments", e.code);
  }
});

test("modal codes", () => {
  assert.equal(onto.modal("threat", "190"), "138");
  assert.equal(onto.modal("threat", "183"), "1383");
  assert.equal(onto.modal("threat", "204"), "1385");
  assert.equal(onto.modal("intent", "040"), "036");
  assert.equal(onto.modal("intent", "046"), "036");
  assert.equal(onto.modal("appeal", "042"), "026");
  assert.equal(onto.modal("reject", "04"), "125");
  assert.equal(onto.modal("appeal", "0841"), "0253");
  assert.equal(onto.modal("demand", "0841"), "1053");
  assert.equal(onto.modal("demand", "0871"), "1056");
  assert.equal(onto.modal("appeal", "073"), "0233");
  assert.equal(onto.modal("threat", "173"), "137");
  assert.equal(onto.modal("threat", "163"), "1312");
  // an unknown deeper code falls back by prefix, an unknown family to the generic code
  assert.equal(onto.modal("threat", "1909"), "138");
  assert.equal(onto.modal("appeal", "0619"), "0211");
  assert.equal(onto.modal("appeal", "0609"), "021");
  assert.equal(onto.modal("threat", "040"), "130");
  assert.equal(onto.modal("appeal", "111"), "020");
  assert.equal(onto.modal("intent", "012"), "030");
  for (const kind of ["appeal", "intent", "demand", "reject", "threat"] as const) {
    for (const e of onto.codes()) assert.ok(onto.get(onto.modal(kind, e.code)), `${kind} ${e.code}`);
  }
});

test("every code in plover.tsv, acled.tsv and modal.tsv is in cameo.tsv", () => {
  for (const file of ["plover.tsv", "acled.tsv"]) {
    for (const r of rows(file)) assert.ok(onto.get(r.fields[0]), `${r.where}: ${r.fields[0]}`);
  }
  for (const r of rows("modal.tsv")) {
    assert.ok(onto.get(r.fields[0]), `${r.where}: prefix ${r.fields[0]}`);
    assert.ok(onto.get(r.fields[2]), `${r.where}: code ${r.fields[2]}`);
  }
});

test("recoding tables: who acts changes the code (state forces, armed groups, armed targets, crowds, police)", () => {
  assert.equal(onto.recoded("stateForce", "1823"), "190");
  assert.equal(onto.recoded("irregularForce", "173"), "181");
  assert.equal(onto.recoded("againstForces", "1823"), "190");
  // a crowd's force is a riot, police force on civilians is repression
  assert.equal(onto.recoded("crowdForce", "190"), "145");
  assert.equal(onto.recoded("policeForce", "193"), "175");
  assert.equal(onto.recoded("crowdForce", "173"), null);
  for (const file of Object.values(RECODING_FILES)) {
    const problems: Problem[] = [];
    for (const r of readRows(repoPath(file), 2, problems)) {
      assert.ok(onto.get(r.fields[0]) && onto.get(r.fields[1]), `${r.where}: ${r.fields.join(" → ")}`);
    }
    assert.deepEqual(problems, []);
  }
});

test("implicit targets: by longest prefix of the code", () => {
  assert.equal(onto.implicitTarget("190"), "place");
  assert.equal(onto.implicitTarget("1831"), "place");
  assert.equal(onto.implicitTarget("154"), "place-abroad");
  assert.equal(onto.implicitTarget("1724"), "own-country");
  assert.equal(onto.implicitTarget("172"), null);
  assert.equal(onto.implicitTarget("141"), "government");
  assert.equal(onto.implicitTarget("111"), null);
});
