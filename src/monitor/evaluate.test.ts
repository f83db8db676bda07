import { test } from "node:test";
import assert from "node:assert/strict";
import type { Article } from "../core/types.js";
import { ingestArticle, inlineCoder, newCounts } from "../ingest/ingest.js";
import { createCoder } from "../pipeline/coder.js";
import { STORE_KEEPS_UNATTRIBUTED } from "../ingest/worker-coder.js";
import { openSqliteStore } from "../store/sqlite/sqlite-store.js";
import { addDays, dayRange } from "./days.js";
import { evaluateWatch, runWatches } from "./evaluate.js";
import { DEFAULT_THRESHOLDS } from "./watch.js";

// coded as sitrep ingest codes for the store (acts by unnamed gunmen kept)
const coder = inlineCoder(createCoder({ keepUnattributed: STORE_KEEPS_UNATTRIBUTED }));

// ordinary weeks in a city: meetings, agreements, aid, and now and then a small protest
const CALM = [
  "The governor met business leaders in {city} to discuss a new road project.",
  "Kenya and Uganda signed a trade agreement in {city}.",
  "The county government donated medical supplies to a hospital in {city}.",
  "The health minister praised nurses at a clinic in {city}.",
];
const SMALL_PROTEST = "A few dozen opposition supporters protested in {city} against the new market fees.";

// a rising sequence: protests grow, turn violent, a militia threatens the county offices, then attacks them;
// each told by two outlets in their own words (independent reports, not copies of one story)
const ESCALATION: Array<[number, string, string]> = [
  [0, "Hundreds of opposition supporters protested in {city} against the new market fees.", "Opposition supporters demonstrated in central {city} over the market fees."],
  [1, "Thousands of protesters marched in {city}, demanding that the governor resign.", "Protesters rallied in {city} for a second day against the governor."],
  [2, "Police clashed with protesters in {city}, firing tear gas at stone-throwing crowds.", "Riot police fought running battles with protesters in {city}."],
  [2, "Protesters set fire to a police post in {city} overnight.", "Demonstrators burned a police post in {city} during the night."],
  [3, "A militia commander vowed to attack government offices in {city} unless the fees were scrapped.", "The militia threatened to attack the county offices in {city} if the fees stayed."],
  [5, "Militia fighters attacked the county government offices in {city}, killing four guards.", "Militiamen attacked the county government offices in {city} and killed four guards."],
];
const OUTLETS = ["Daily Example", "Lakeside Herald", "Example Wire Service"];

let n = 0;
function article(city: string, day: string, text: string, outlet: string): Article {
  n++;
  return { id: `t${n}`, url: `https://news.example.org/${n}`, outlet, published: day, text: text.replaceAll("{city}", city) };
}

async function storeWith(articles: Article[]) {
  const store = openSqliteStore(":memory:");
  const counts = newCounts();
  for (const a of articles) await ingestArticle(a, { store, coder, onProblem: () => {} }, counts);
  assert.equal(counts.failed, 0);
  return store;
}

function calmHistory(city: string, from: string, to: string): Article[] {
  return dayRange(from, to).flatMap((d, i) => [
    ...(i % 2 === 0 ? [article(city, d, CALM[i % CALM.length], OUTLETS[i % 2])] : []),
    ...(i % 11 === 5 ? [article(city, d, SMALL_PROTEST, OUTLETS[1])] : []),
  ]);
}

const KISUMU = { name: "Kisumu", country: "KEN", admin1: null, lat: -0.0917, lon: 34.768 };
const START = "2024-03-01";

test("a rising sequence of protests, a threat and an attack: the level rises before the attack and says why; the attack closes the threat", async () => {
  const arts = calmHistory("Kisumu", addDays(START, -60), addDays(START, -1));
  for (const [offset, a, b] of ESCALATION) arts.push(article("Kisumu", addDays(START, offset), a, OUTLETS[0]), article("Kisumu", addDays(START, offset), b, OUTLETS[1]));
  const store = await storeWith(arts);
  const w = await store.watches.putWatch({ name: "Kisumu", place: KISUMU, radiusKm: 30, countries: [], actor: null, thresholds: DEFAULT_THRESHOLDS });

  const calm = await evaluateWatch(store, w, addDays(START, -1));
  assert.equal(calm.status.level, 1, calm.status.why.join("\n"));

  const before = await evaluateWatch(store, w, addDays(START, 4));
  assert.ok(before.status.level >= 2, `level ${before.status.level} the day before the attack:\n${before.status.why.join("\n")}`);
  const why = before.status.why.join("\n");
  assert.match(why, /open threat/);
  assert.match(why, /vowed to attack government offices in Kisumu/);
  assert.match(why, /not verified/);
  assert.ok(before.status.openThreats.some((t) => t.status === "open" && t.by === "KENREB"));
  const rise = before.alerts.find((a) => a.kind === "level" && a.level >= 2);
  assert.ok(rise, "a level alert before the attack");
  assert.ok(rise!.at < addDays(START, 5));
  assert.ok(rise!.evidence.length > 0 && rise!.evidence.every((e) => e.outlets.length > 0));

  const after = await evaluateWatch(store, w, addDays(START, 6));
  const t = after.status.openThreats.find((x) => x.by.endsWith("REB"));
  assert.equal(t?.status, "carried-out");
  assert.match(t!.followedBy!.text, /Militia fighters attacked/);
  // the attack, reported by two outlets, raises an alert of its own
  assert.ok(after.alerts.some((a) => a.kind === "event" && /Militia fighters attacked/.test(a.evidence[0].text)));

  // alerts go to the outbox once: a second run finds nothing new
  const first = await runWatches(store, addDays(START, 6));
  assert.ok(first.alerts.length > 0);
  const again = await runWatches(store, addDays(START, 6));
  assert.equal(again.alerts.length, 0);
  await store.close();
});

test("a calm sequence raises nothing", async () => {
  const store = await storeWith(calmHistory("Kisumu", addDays(START, -60), addDays(START, 10)));
  const w = await store.watches.putWatch({ name: "Kisumu", place: KISUMU, radiusKm: 30, countries: [], actor: null, thresholds: DEFAULT_THRESHOLDS });
  for (const d of dayRange(addDays(START, -10), addDays(START, 10))) {
    const { status, alerts } = await evaluateWatch(store, w, d);
    assert.equal(status.level, 1, `${d}: ${status.why.join("\n")}`);
    assert.equal(alerts.filter((a) => a.kind !== "risk-date").length, 0);
  }
  await store.close();
});

test("an anniversary named in the news becomes a risk date of the watch, and an alert when near", async () => {
  const arts = calmHistory("Kisumu", addDays(START, -40), START);
  arts.push(article("Kisumu", START, "Opposition leaders in Kisumu said supporters would gather on the March 9 anniversary of the killing of three protesters.", OUTLETS[0]));
  const store = await storeWith(arts);
  const w = await store.watches.putWatch({ name: "Kisumu", place: KISUMU, radiusKm: 30, countries: [], actor: null, thresholds: DEFAULT_THRESHOLDS });
  const { status, alerts } = await evaluateWatch(store, w, addDays(START, 3));
  const r = status.riskDates.find((x) => x.kind === "named");
  assert.equal(r?.date, "2024-03-09", JSON.stringify(status.riskDates));
  assert.ok(alerts.some((a) => a.kind === "risk-date" && a.title.includes("2024-03-09")));
  await store.close();
});

test("the anniversary of a heavy attack two independent outlets reported a year before is a coming risk date", async () => {
  const arts = calmHistory("Kisumu", addDays(START, -40), START);
  arts.push(article("Kisumu", "2023-03-05", ESCALATION[5][1], OUTLETS[0]), article("Kisumu", "2023-03-05", ESCALATION[5][2], OUTLETS[1]));
  const store = await storeWith(arts);
  const w = await store.watches.putWatch({ name: "Kisumu", place: KISUMU, radiusKm: 30, countries: [], actor: null, thresholds: DEFAULT_THRESHOLDS });
  const { status } = await evaluateWatch(store, w, START);
  const r = status.riskDates.find((x) => x.kind === "anniversary");
  assert.equal(r?.date, "2024-03-05", JSON.stringify(status.riskDates));
  assert.match(r!.reason, /1 year since/);
  // a year on, it is outside the horizon of a day in July
  assert.equal((await evaluateWatch(store, w, "2024-07-01")).status.riskDates.filter((x) => x.kind === "anniversary").length, 0);
  await store.close();
});
