import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "../src/core/paths.js";
import type { CodedEvent } from "../src/core/types.js";

const BIN = repoPath("bin/sitrep.js");

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", cwd: repoPath(".") });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function events(out: string): CodedEvent[] {
  return out.split("\n").filter(Boolean).map((l) => JSON.parse(l)).filter((o) => !o.explain);
}

test("e2e: the example article — boilerplate, caption, attribution, threat, attack, withdrawal, relative dates", () => {
  const r = sitrep(["code", "examples/article.html"]);
  assert.equal(r.code, 0, r.err);
  const ev = events(r.out);
  for (const e of ev) {
    assert.equal(e.doc, "article.html");
    assert.ok(!/full-size|donation|Share on/.test(e.text), e.text);
    assert.notEqual(e.date, "2020-01-04", "a caption's date is not an event's date");
  }
  const attack = ev.find((e) => (e.root === "19" || e.root === "18") && e.target?.code === "USAMIL");
  assert.ok(attack, "the rocket attack on the US base: " + JSON.stringify(ev.map((e) => [e.code, e.source.code, e.target?.code])));
  assert.equal(attack!.date, "2020-12-03", "'on Thursday' in a story of Friday 2020-12-04");
  assert.equal(attack!.location?.country, "IRQ");
  assert.equal(attack!.attribution[0].who, "AFP");
  const threat = ev.find((e) => e.root === "13");
  assert.ok(threat, "the vow to retaliate is a threat");
  assert.match(threat!.source.text, /Kataib Hezbollah/);
  assert.equal(threat!.source.country, "IRQ");
  assert.equal(threat!.target?.code, "USAMIL");
  assert.notEqual(threat!.date, "2021-01-03", "the anniversary is not the event's date");
  assert.deepEqual(threat!.attribution, [
    { who: "AFP", kind: "outlet" },
    { who: "an unnamed Iraqi official", kind: "anonymous" },
  ]);
  assert.ok(!ev.some((e) => e.root === "19" && /^19/.test(e.code) && e.source.code === "IRQ"), "'did not attack' is not coded as an attack");
  const arrest = ev.find((e) => e.code === "173");
  assert.equal(arrest?.source.code, "IRQCOP");
  assert.equal(arrest?.date, "2020-12-03");
  assert.equal(arrest?.location?.name, "Baghdad");
  const withdrawal = ev.find((e) => e.root === "08" && e.source.country === "USA");
  assert.ok(withdrawal, "the withdrawal of US troops");
  assert.equal(withdrawal!.date, "2020-11-27", "'last week'");
  for (const e of ev) {
    assert.equal(typeof e.goldstein, "number");
    assert.ok(e.quad >= 1 && e.quad <= 4);
    // PLOVER has no category for plain comments (CAMEO 01x but 016)
    if (e.root !== "01") assert.ok(e.plover && e.plover.type, e.code);
    const [a, b] = e.evidence.spans.verb;
    assert.ok(b > a);
  }
});

test("e2e: stdin, --published and --outlet, csv output", () => {
  const r = sitrep(["code", "--published", "2019-05-01", "--outlet", "AFP", "--format", "csv", "-"], "Sudanese security forces fired tear gas at protesters in Khartoum on Tuesday.");
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split("\n");
  assert.match(lines[0], /^id,doc,sentence,date,code,root/);
  assert.ok(lines.length >= 2, r.out);
  assert.match(lines[1], /,stdin,0,2019-04-30,/);
  assert.match(lines[1], /outlet:AFP/);
});

test("e2e: --explain prints per-sentence findings, including why nothing was coded", () => {
  const r = sitrep(["code", "--explain", "--published", "2021-01-01", "-"], "The weather was mild. Police did not detain anyone.");
  const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
  const ex = lines.filter((l) => l.explain).map((l) => l.explain);
  assert.equal(ex.length, 2);
  assert.ok(ex[1].verbs.some((v: { dropped: string | null }) => v.dropped && /negated/.test(v.dropped)), JSON.stringify(ex[1]));
});

test("e2e: bad JSONL lines are reported with file and line; the rest is coded; nothing readable exits non-zero", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
  const p = join(dir, "s.jsonl");
  writeFileSync(p, `{"id":"ok","text":"Kenyan police arrested a dozen protesters in Nairobi.","published":"2023-07-07"}\n{oops\n{"id":"x"}\n`);
  const r = sitrep(["code", p]);
  assert.equal(r.code, 0);
  assert.match(r.err, /s\.jsonl:2: error E_INPUT_JSON/);
  assert.match(r.err, /s\.jsonl:3 field text: error E_INPUT_FIELD/);
  assert.ok(events(r.out).some((e) => e.doc === "ok"));
  const bad = join(dir, "bad.jsonl");
  writeFileSync(bad, "{oops\n");
  assert.equal(sitrep(["code", bad]).code, 1);
  assert.equal(sitrep(["code", join(dir, "missing.txt")]).code, 1);
  const bin = join(dir, "b.txt");
  writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 255]));
  const rb = sitrep(["code", bin]);
  assert.equal(rb.code, 1);
  assert.match(rb.err, /b\.txt: error E_INPUT_BINARY/);
});

test("e2e: usage errors are clear", () => {
  const r = sitrep(["code", "--format", "xml", "x.txt"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be jsonl, csv or tsv/);
  assert.match(sitrep(["code", "--published", "soon", "x.txt"]).err, /--published must be a date/);
});
