// The WatchStore contract suite: every store implementation runs it (`runWatchesContract("sqlite", open)`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { SitrepError } from "../core/problems.js";
import { DEFAULT_THRESHOLDS, type Watch } from "../monitor/watch.js";
import { article, event } from "./contract.js";
import type { ArticleDate, Store } from "./store.js";

// made-up places: a port city, and a town 300 km inland
const ELLERY = { name: "Port Ellery", country: "IRQ", admin1: "Basra", lat: 30.5, lon: 47.8 };
const KESSA = { name: "Kessa", country: "IRQ", admin1: "Anbar", lat: 33.4, lon: 43.3 };

/** A made-up watch definition: a place and a radius unless overridden. */
export function watchDef(name: string, over: Partial<Omit<Watch, "id" | "createdAt">> = {}): Omit<Watch, "id" | "createdAt"> {
  return { name, place: ELLERY, radiusKm: 50, countries: [], actor: null, thresholds: { ...DEFAULT_THRESHOLDS }, ...over };
}

const anniversary = (sentence: number, date: string, mention: string): ArticleDate => ({ sentence, date, role: "anniversary", mention });

export function runWatchesContract(name: string, open: () => Promise<Store>): void {
  const withStore = (title: string, fn: (s: Store) => Promise<void>) =>
    test(`${name} watches: ${title}`, async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    });

  withStore("a watch is stored with an id and a creation time, found by name, and listed by name", async (s) => {
    assert.equal(await s.watches.getWatch("Port Ellery"), null);
    const w = await s.watches.putWatch(watchDef("Port Ellery", { thresholds: { level2: 2, level3: 5, level4: 9 } }));
    assert.equal(typeof w.id, "number");
    assert.ok(!Number.isNaN(Date.parse(w.createdAt)));
    const { id: _id, createdAt: _c, ...def } = w;
    assert.deepEqual(def, watchDef("Port Ellery", { thresholds: { level2: 2, level3: 5, level4: 9 } }));
    assert.deepEqual(await s.watches.getWatch("Port Ellery"), w);
    await s.watches.putWatch(watchDef("Anbar / militias", { place: null, radiusKm: null, countries: ["IRQ", "SYR"], actor: "IRQREB*" }));
    const all = await s.watches.listWatches();
    assert.deepEqual(all.map((x) => x.name), ["Anbar / militias", "Port Ellery"]);
    assert.deepEqual(all[0].countries, ["IRQ", "SYR"]);
    assert.equal(all[0].actor, "IRQREB*");
    assert.equal(all[0].place, null);
  });

  withStore("putting a watch of the same name replaces its definition and keeps its id, creation time and risk dates", async (s) => {
    const w = await s.watches.putWatch(watchDef("Port Ellery"));
    await s.watches.addRiskDate({ watch: w.id, date: "2031-05-01", label: "port workers' strike", yearly: false });
    const again = await s.watches.putWatch(watchDef("Port Ellery", { radiusKm: 20 }));
    assert.equal(again.id, w.id);
    assert.equal(again.createdAt, w.createdAt);
    assert.equal(again.radiusKm, 20);
    assert.equal((await s.watches.listWatches()).length, 1);
    assert.equal((await s.watches.listRiskDates(w.id)).length, 1);
  });

  withStore("removing a watch removes its risk dates; removing one that is not there is false", async (s) => {
    const w = await s.watches.putWatch(watchDef("Port Ellery"));
    const other = await s.watches.putWatch(watchDef("Kessa", { place: KESSA }));
    await s.watches.addRiskDate({ watch: w.id, date: "2031-05-01", label: "strike", yearly: false });
    await s.watches.addRiskDate({ watch: other.id, date: "2031-06-01", label: "vote", yearly: false });
    assert.equal(await s.watches.removeWatch("Port Ellery"), true);
    assert.equal(await s.watches.removeWatch("Port Ellery"), false);
    assert.equal(await s.watches.getWatch("Port Ellery"), null);
    assert.deepEqual(await s.watches.listRiskDates(w.id), []);
    assert.equal((await s.watches.listRiskDates(other.id)).length, 1, "another watch's dates stay");
  });

  withStore("risk dates are added, listed by date, and removed by id; a yearly date keeps its flag", async (s) => {
    const w = await s.watches.putWatch(watchDef("Port Ellery"));
    const late = await s.watches.addRiskDate({ watch: w.id, date: "2031-11-20", label: "anniversary of the port fire", yearly: true });
    const early = await s.watches.addRiskDate({ watch: w.id, date: "2031-03-02", label: "local elections", yearly: false });
    assert.deepEqual(late, { id: late.id, watch: w.id, date: "2031-11-20", label: "anniversary of the port fire", yearly: true });
    assert.deepEqual(await s.watches.listRiskDates(w.id), [early, late]);
    assert.equal(await s.watches.removeRiskDate(early.id), true);
    assert.equal(await s.watches.removeRiskDate(early.id), false);
    assert.deepEqual(await s.watches.listRiskDates(w.id), [late]);
  });

  withStore("a risk date for a watch that does not exist is refused", async (s) => {
    await assert.rejects(s.watches.addRiskDate({ watch: 9999, date: "2031-01-01", label: "x", yearly: false }), (e: unknown) => e instanceof SitrepError);
  });

  withStore("outlet trust is set, replaced whatever the case of the name, listed, and kept within 0..1", async (s) => {
    await s.watches.setTrust("Coastal Wire", 0.9);
    await s.watches.setTrust("Valdoria Herald", 0.4);
    await s.watches.setTrust("coastal wire", 0.8);
    assert.deepEqual(await s.watches.listTrust(), [
      { outlet: "coastal wire", weight: 0.8 },
      { outlet: "Valdoria Herald", weight: 0.4 },
    ]);
    await s.watches.setTrust("Valdoria Herald", 0);
    await s.watches.setTrust("Valdoria Herald", 1);
    for (const bad of [-0.1, 1.5, Number.NaN]) await assert.rejects(s.watches.setTrust("Valdoria Herald", bad), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_TRUST");
    await assert.rejects(s.watches.setTrust("  ", 0.5), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_TRUST");
    assert.equal((await s.watches.listTrust()).find((t) => t.outlet === "Valdoria Herald")?.weight, 1);
  });

  withStore("risk mentions come from articles with an event in the watched area, bounded by the named date", async (s) => {
    const text = "Dockers marched in Port Ellery on Monday. They vowed to return on the March 3 anniversary of the port fire.";
    await s.putArticle(
      article("m1", { clean: text, sentences: [{ index: 0, start: 0, end: 41, caption: false, text: text.slice(0, 41) }, { index: 1, start: 42, end: text.length, caption: false, text: text.slice(42) }], dates: [anniversary(1, "2031-03-03", "the March 3 anniversary")] }, (d) => [
        event(d, { date: "2031-02-10", location: ELLERY, source: { text: "Dockers", code: "IRQLAB", country: "IRQ", sector: "LAB" }, target: null }),
      ]),
    );
    // the same kind of date, in an article about another town
    await s.putArticle(
      article("m2", { clean: "Farmers protested in Kessa. A rally is planned for April 9.", dates: [{ sentence: 1, date: "2031-04-09", role: "future", mention: "April 9" }] }, (d) => [
        event(d, { date: "2031-02-11", location: KESSA, source: { text: "Farmers", code: "SYRAGR", country: "SYR", sector: "AGR" }, target: null }),
      ]),
    );
    const near = { lat: ELLERY.lat, lon: ELLERY.lon, km: 50 };
    const m = await s.watches.riskMentions({ near });
    assert.equal(m.length, 1);
    assert.deepEqual(m[0], {
      doc: "m1",
      sentence: 1,
      text: "They vowed to return on the March 3 anniversary of the port fire.",
      mention: "the March 3 anniversary",
      date: "2031-03-03",
      role: "anniversary",
      outlet: "Example News",
      url: "https://news.example.org/m1",
      published: "2020-01-08",
    });
    const docs = async (q: Parameters<Store["watches"]["riskMentions"]>[0]) => (await s.watches.riskMentions(q)).map((x) => x.doc).sort();
    assert.deepEqual(await docs({}), ["m1", "m2"]);
    assert.deepEqual(await docs({ country: ["SYR"] }), ["m2"]);
    assert.deepEqual(await docs({ actor: "IRQ*" }), ["m1"]);
    assert.deepEqual(await docs({ near: { lat: KESSA.lat, lon: KESSA.lon, km: 30 } }), ["m2"]);
    // since/until bound the date named, not the event's date (February)
    assert.deepEqual(await docs({ since: "2031-03-01", until: "2031-03-31" }), ["m1"]);
    assert.deepEqual(await docs({ country: ["IRQ", "SYR"], since: "2031-04-01" }), ["m2"]);
    assert.deepEqual(await docs({ until: "2031-03-02" }), []);
  });

  withStore("a date named beside a place in the area counts without an event there, for a watch of area alone", async (s) => {
    const text = "Elders in Port Ellery said families would gather on the March 9 anniversary of the flood.";
    const at = (place: typeof ELLERY | null): ArticleDate => ({ sentence: 0, date: "2031-03-09", role: "anniversary", mention: "March 9", place: place && { name: place.name, country: place.country, lat: place.lat, lon: place.lon } });
    await s.putArticle(article("p1", { clean: text, dates: [at(ELLERY)] }, () => []));
    await s.putArticle(article("p2", { clean: text.replace("Port Ellery", "Kessa"), dates: [at(KESSA)] }, () => []));
    await s.putArticle(article("p3", { clean: "Families would gather on the March 9 anniversary.", dates: [at(null)] }, () => []));
    const docs = async (q: Parameters<Store["watches"]["riskMentions"]>[0]) => (await s.watches.riskMentions(q)).map((x) => x.doc).sort();
    assert.deepEqual(await docs({ near: { lat: ELLERY.lat, lon: ELLERY.lon, km: 50 } }), ["p1"]);
    assert.deepEqual(await docs({ country: ["irq"] }), ["p1", "p2"]);
    assert.deepEqual(await docs({ country: ["IRQ"], near: { lat: KESSA.lat, lon: KESSA.lon, km: 50 }, since: "2031-03-01" }), ["p2"]);
    assert.deepEqual(await docs({ country: ["IRQ"], actor: "IRQ*" }), [], "an actor is matched by events only");
    assert.deepEqual(await docs({ country: ["SYR"] }), []);
  });

  withStore("an article's dates are replaced when it is re-coded, and a near-duplicate adds none", async (s) => {
    await s.putArticle(article("r1", { dates: [anniversary(0, "2031-03-03", "the March 3 anniversary")] }));
    await s.putArticle(article("r1", { coderVersion: "test+2", dates: [anniversary(0, "2031-03-04", "the anniversary on March 4")] }));
    assert.deepEqual((await s.watches.riskMentions({})).map((x) => x.date), ["2031-03-04"]);
    await s.putArticle(article("r1-copy", { key: "url:https://copy.example.org/r1", url: "https://copy.example.org/r1", outlet: "Copy Desk", duplicateOf: "url:https://news.example.org/r1", sentences: [], events: [], dates: [] }));
    assert.deepEqual((await s.watches.riskMentions({})).map((x) => x.doc), ["r1"]);
  });
}
