import { test } from "node:test";
import assert from "node:assert/strict";
import { articleOrigin, eventOrigin, loadWireAgencies } from "./origin.js";
import type { CodedEvent } from "../core/types.js";

test("agency names and aliases resolve to one canonical name", () => {
  const w = loadWireAgencies();
  assert.equal(w.canonical("Agence France-Presse"), "AFP");
  assert.equal(w.canonical("The Associated Press"), "AP");
  assert.equal(w.canonical("associated press"), "AP");
  assert.equal(w.canonical("ap"), null, "short codes only as written");
  assert.equal(w.canonical("The Daily Planet"), null);
});

test("credits in datelines, bylines, copyright lines and sign-offs", () => {
  assert.equal(articleOrigin("KABUL (Reuters) - Two rockets hit the airport.", null), "Reuters");
  assert.equal(articleOrigin("Two rockets hit the airport on Sunday.\n\n© Agence France-Presse 2021", null), "AFP");
  assert.equal(articleOrigin("By Maria Lopez, Associated Press\n\nProtesters marched on Friday.", null), "AP");
  assert.equal(articleOrigin("Protesters marched.\n\nReporting by John Smith; Editing by Jane Roe", null), "Reuters");
  assert.equal(articleOrigin("Troops withdrew from the town.\n\n— AFP", null), "AFP");
  assert.equal(articleOrigin("Rebels seized the town, a commander told Reuters.", null), "Reuters");
  assert.equal(articleOrigin("Our correspondent saw troops withdraw from the town.", null), null);
  assert.equal(articleOrigin("MOSUL — Troops entered the city.", "AFP"), "AFP");
});

function ev(attribution: CodedEvent["attribution"]): CodedEvent {
  return { attribution } as CodedEvent;
}

test("an event's origin: the outlet its sentence cites, then the article's credit, then the outlet", () => {
  const art = { origin: null, outlet: "Daily Planet", doc: "a1", url: "https://www.planet.example/x" };
  assert.equal(eventOrigin(ev([{ who: "Daily Planet", kind: "outlet" }, { who: "Agence France-Presse", kind: "outlet" }]), art), "AFP");
  assert.equal(eventOrigin(ev([{ who: "Daily Planet", kind: "outlet" }, { who: "state media", kind: "outlet" }]), art), "Daily Planet");
  assert.equal(eventOrigin(ev([]), { ...art, origin: "Reuters" }), "Reuters");
  assert.equal(eventOrigin(ev([]), { ...art, outlet: null }), "planet.example");
  assert.equal(eventOrigin(ev([]), { ...art, outlet: null, url: null }), "doc:a1");
});
