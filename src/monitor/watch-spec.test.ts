import { test } from "node:test";
import assert from "node:assert/strict";
import { loadActorLexicon } from "../lexicon/actors.js";
import type { Gazetteer, GazetteerEntry } from "../lexicon/gazetteer.js";
import { DEFAULT_THRESHOLDS } from "./watch.js";
import { DEFAULT_RADIUS_KM, loadWatchGeo, parseActorPattern, parseCountries, parseLevels, parseRadius, resolvePlace, watchFromSpec, type Parsed, type WatchGeo } from "./watch-spec.js";

const { countries } = loadActorLexicon({ builtin: false });

// a small made-up gazetteer: two towns of one name in two countries, a region, a country
const city = (name: string, country: string, admin1: string, population: number, lat: number, lon: number): GazetteerEntry => ({ name, country, admin1, lat, lon, population, kind: "city" });
const ENTRIES: GazetteerEntry[] = [
  city("Port Ellery", "IRQ", "Basra", 120_000, 30.5, 47.8),
  city("Port Ellery", "JOR", "Aqaba", 8_000, 29.5, 35.0),
  city("Port Ellery", "JOR", "Aqaba", 8_000, 29.5, 35.0),
  city("Kessa", "IRQ", "Anbar", 40_000, 33.4, 43.3),
  { name: "Iraq", country: "IRQ", admin1: null, lat: 33, lon: 44, population: 1e9, kind: "country" },
];
const gazetteer: Gazetteer = {
  lookup: (n) => ENTRIES.filter((e) => e.name.toLowerCase() === n.toLowerCase()).sort((a, b) => b.population - a.population),
  problems: [],
};
const geo: WatchGeo = { countries, gazetteer: () => gazetteer };

/** The value of a parse that must succeed. */
function value<T>(p: Parsed<T>): T {
  assert.ok(p.ok, p.ok ? "" : p.problem.message);
  return p.value;
}

/** The message of a parse that must fail, after checking its code and where. */
function failure<T>(p: Parsed<T>, where: string): string {
  assert.equal(p.ok, false, "expected a problem");
  if (p.ok) return "";
  assert.equal(p.problem.code, "E_WATCH_SPEC");
  assert.equal(p.problem.where, where);
  assert.doesNotMatch(p.problem.message, /\n/, "one line");
  return p.problem.message;
}

test("radii are read in km, m, miles and nautical miles; a bare number is km", () => {
  assert.equal(value(parseRadius("50km")), 50);
  assert.equal(value(parseRadius("50 km")), 50);
  assert.equal(value(parseRadius("20 mi")), 32.187);
  assert.equal(value(parseRadius("500m")), 0.5);
  assert.equal(value(parseRadius("1.5 kilometres")), 1.5);
  assert.equal(value(parseRadius("10nm")), 18.52);
  assert.equal(value(parseRadius("25")), 25);
});

test("a radius that is not a distance, is zero, or is larger than a region is refused, naming what was typed", () => {
  assert.match(failure(parseRadius("fifty"), "--radius"), /like 50km, 20 mi or 500m, not "fifty"/);
  assert.match(failure(parseRadius("50 furlongs"), "--radius"), /not "50 furlongs"/);
  assert.match(failure(parseRadius("-5km"), "--radius"), /not "-5km"/);
  assert.match(failure(parseRadius("0km"), "--radius"), /more than 0/);
  assert.match(failure(parseRadius("5000km"), "--radius"), /over 1000 km; watch a country/);
});

test("countries are ISO3 codes, in any case, deduplicated; a name or an ISO2 code gets a suggestion", () => {
  assert.deepEqual(value(parseCountries("IRQ", countries)), ["IRQ"]);
  assert.deepEqual(value(parseCountries("irq, syr,IRQ", countries)), ["IRQ", "SYR"]);
  assert.match(failure(parseCountries("IQ", countries), "--country"), /"IQ" is not an ISO 3166-1 alpha-3 country code; did you mean IRQ \(Iraq\)\?/);
  assert.match(failure(parseCountries("IRQ,Syria", countries), "--country"), /did you mean SYR \(Syria\)/);
  assert.match(failure(parseCountries("XYZ", countries), "--country"), /"XYZ" is not an ISO 3166-1 alpha-3 country code/);
  assert.match(failure(parseCountries(" , ", countries), "--country"), /at least one/);
});

test("actor patterns are CAMEO codes or prefixes with a trailing *, upper-cased", () => {
  assert.equal(value(parseActorPattern("IRN*")), "IRN*");
  assert.equal(value(parseActorPattern("irnmil")), "IRNMIL");
  for (const bad of ["IR*", "*IRN", "IRN**", "IR N", "IRN_MIL", "I*N", ""]) assert.match(failure(parseActorPattern(bad), "--actor"), /CAMEO actor code/, bad);
});

test("level thresholds are three rising numbers above 0", () => {
  assert.deepEqual(value(parseLevels("3,6,12")), { level2: 3, level3: 6, level4: 12 });
  assert.deepEqual(value(parseLevels("2.5, 5, 7.5")), { level2: 2.5, level3: 5, level4: 7.5 });
  assert.match(failure(parseLevels("3,6"), "--levels"), /three numbers/);
  assert.match(failure(parseLevels("6,3,12"), "--levels"), /rising/);
  assert.match(failure(parseLevels("0,3,12"), "--levels"), /above 0/);
  assert.match(failure(parseLevels("a,b,c"), "--levels"), /three numbers/);
});

test("a place is its most populous match; the others are reported once each, written so that they can be chosen", () => {
  const m = value(resolvePlace("port ellery", gazetteer, countries));
  assert.deepEqual(m.place, { name: "Port Ellery", country: "IRQ", admin1: "Basra", lat: 30.5, lon: 47.8 });
  assert.equal(m.kind, "city");
  assert.deepEqual(m.alternatives, ["Port Ellery, JOR (Aqaba)"]);
});

test("'Name, ISO3', 'Name, Country' and 'Name, Region' choose among places of one name", () => {
  assert.equal(value(resolvePlace("Port Ellery, JOR", gazetteer, countries)).place.country, "JOR");
  assert.equal(value(resolvePlace("Port Ellery, Jordan", gazetteer, countries)).place.country, "JOR");
  assert.equal(value(resolvePlace("Port Ellery, aqaba", gazetteer, countries)).place.admin1, "Aqaba");
  assert.deepEqual(value(resolvePlace("Port Ellery, JOR", gazetteer, countries)).alternatives, []);
  assert.match(failure(resolvePlace("Port Ellery, SYR", gazetteer, countries), "place"), /no "Port Ellery" in SYR; there are Port Ellery, IRQ \(Basra\); Port Ellery, JOR \(Aqaba\)/);
  assert.match(failure(resolvePlace("Atlantis", gazetteer, countries), "place"), /no place named "Atlantis" in the gazetteer/);
  assert.match(failure(resolvePlace("Atlantis, IRQ", gazetteer, countries), "place"), /no place named "Atlantis"/);
});

test("a watch from a place takes the default radius and thresholds, and is named as typed", () => {
  const { watch, notes } = value(watchFromSpec({ place: "Kessa" }, geo));
  assert.deepEqual(watch, { name: "Kessa", place: { name: "Kessa", country: "IRQ", admin1: "Anbar", lat: 33.4, lon: 43.3 }, radiusKm: DEFAULT_RADIUS_KM, countries: [], actor: null, thresholds: DEFAULT_THRESHOLDS });
  assert.match(notes.join("\n"), /radius 50 km \(the default/);
  const named = value(watchFromSpec({ place: "Port Ellery", radius: "20 mi", levels: "2,4,8", name: "Ellery docks" }, geo));
  assert.equal(named.watch.name, "Ellery docks");
  assert.equal(named.watch.radiusKm, 32.187);
  assert.deepEqual(named.watch.thresholds, { level2: 2, level3: 4, level4: 8 });
  assert.match(named.notes.join("\n"), /also names Port Ellery, JOR \(Aqaba\)/);
});

test("a watch of countries and an actor is named after them unless named; a country typed as a place is watched as a country", () => {
  const w = value(watchFromSpec({ country: "irq", actor: "IRN*" }, geo)).watch;
  assert.deepEqual([w.name, w.place, w.radiusKm, w.countries, w.actor], ["IRQ / IRN*", null, null, ["IRQ"], "IRN*"]);
  const c = value(watchFromSpec({ place: "Iraq" }, geo));
  assert.deepEqual([c.watch.place, c.watch.countries], [null, ["IRQ"]]);
  assert.match(c.notes[0], /is a country/);
});

test("a watch spec with nothing to watch, a radius without a place, or one bad part is refused naming that part", () => {
  assert.match(failure(watchFromSpec({}, geo), "watch"), /needs an area or an actor/);
  assert.match(failure(watchFromSpec({ country: "IRQ", radius: "5km" }, geo), "--radius"), /needs a place/);
  failure(watchFromSpec({ place: "Kessa", radius: "far" }, geo), "--radius");
  failure(watchFromSpec({ place: "Kessa", country: "Iraqi" }, geo), "--country");
  failure(watchFromSpec({ place: "Kessa", actor: "1RN" }, geo), "--actor");
  failure(watchFromSpec({ place: "Kessa", levels: "1" }, geo), "--levels");
  failure(watchFromSpec({ place: "Nowhere Town" }, geo), "place");
  failure(watchFromSpec({ place: "Kessa", name: " " }, geo), "--name");
});

test("the built-in gazetteer resolves a capital to its country", () => {
  const m = value(resolvePlace("Baghdad", loadWatchGeo().gazetteer(), countries));
  assert.equal(m.place.country, "IRQ");
  assert.ok(Math.abs(m.place.lat - 33.3) < 0.2 && Math.abs(m.place.lon - 44.4) < 0.2);
});
