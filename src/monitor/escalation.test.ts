import { test } from "node:test";
import assert from "node:assert/strict";
import { loadOntology } from "../ontology/ontology.js";
import { MIN_SPREAD, baselineOf, credibility, robustZ, severity, trustOf } from "./escalation.js";

const onto = loadOntology();

test("severity reads the ontology: violence in full, other material conflict half, threats a quarter, cooperation nothing", () => {
  const attack = onto.get("190")!;
  assert.equal(severity(attack), -attack.goldstein);
  const arrest = onto.codes().find((c) => c.quad === 4 && !c.isViolent && c.goldstein < 0)!;
  assert.equal(severity(arrest), -arrest.goldstein / 2);
  const threat = onto.codes().find((c) => c.isThreat && c.goldstein < 0)!;
  assert.equal(severity(threat), -threat.goldstein / 4);
  for (const c of onto.codes().filter((x) => x.quad <= 2)) assert.equal(severity(c), 0, c.code);
});

test("credibility: one unknown outlet is half believed, independent sources add up, a low-trust outlet alone moves little", () => {
  const t = (s: string) => (s === "Propaganda Daily" ? 0.1 : 0.5);
  assert.equal(credibility(["A"], t), 0.5);
  assert.equal(credibility(["A", "B"], t), 0.75);
  assert.equal(credibility(["A", "A"], t), 0.5, "the same source twice is one source");
  assert.ok(Math.abs(credibility(["Propaganda Daily"], t) - 0.1) < 1e-9);
  assert.equal(credibility([], t), 0);
});

test("trust weights: the user's (any case), wire agencies, then the default", () => {
  const t = trustOf(new Map([["Propaganda Daily", 0.1]]), (s) => s === "Reuters");
  assert.equal(t("propaganda daily"), 0.1);
  assert.equal(t("Reuters"), 0.8);
  assert.equal(t("Unknown Gazette"), 0.5);
});

test("the robust z-score judges a place against its own normal: the same reading is alarming in a calm place, ordinary in a violent one", () => {
  const calm = baselineOf(Array.from({ length: 60 }, (_, i) => (i % 20 === 0 ? 5 : 0)));
  const violent = baselineOf(Array.from({ length: 60 }, (_, i) => 80 + ((i * 37) % 41)));
  assert.equal(calm.median, 0);
  assert.ok(robustZ(60, calm) >= 60 / MIN_SPREAD - 1e-9);
  assert.equal(robustZ(60, violent), 0, "below a violent place's median");
  assert.ok(robustZ(250, violent) > 5);
  assert.equal(robustZ(0, calm), 0, "never negative");
});

test("the shipped trust weights load whole, each between 0 and 1, and a user's weight overrides them", async () => {
  const { readFileSync } = await import("node:fs");
  const { repoPath } = await import("../core/paths.js");
  const { defaultTrust } = await import("./evaluate.js");
  const lines = readFileSync(repoPath("src/lexicon/data/outlet-trust.tsv"), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  const d = defaultTrust();
  assert.equal(d.length, lines.length);
  const t = trustOf(new Map([...d, ["RT", 0.6]]), () => false);
  assert.equal(t("Reuters"), 0.9);
  assert.equal(t("RT"), 0.6);
  assert.equal(t("Sputnik"), 0.2);
});
