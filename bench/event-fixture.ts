// A store of made-up events over 40 countries and two years, for timing queries and the API (a fixture, not an ingest figure).
import { existsSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CodedEvent } from "../src/core/types.js";
import { contentHash } from "../src/dedup/article-key.js";
import { openSqliteStore, type SqliteStore } from "../src/store/sqlite/sqlite-store.js";

export const COUNTRIES = ["IRQ", "SYR", "AFG", "UKR", "RUS", "USA", "IRN", "ISR", "PSE", "LBN", "YEM", "SAU", "EGY", "LBY", "SDN", "SSD", "SOM", "ETH", "KEN", "NGA", "MLI", "BFA", "NER", "COD", "CAF", "MOZ", "PAK", "IND", "MMR", "PHL", "CHN", "TUR", "MEX", "COL", "VEN", "BRA", "HTI", "FRA", "GBR", "DEU"];
const ROOTS = ["01", "02", "03", "04", "05", "10", "11", "12", "13", "14", "17", "18", "19", "20"];
/** Events per made-up article. */
const PER = 20;
/** Bumped when the fixture's content changes, so a kept file of an older layout is not reused. */
const VERSION = 2;

/** Where the fixture of `events` events is kept between bench runs (the query bench and the API bench share it). */
export function fixturePath(events: number): string {
  return join(tmpdir(), `sitrep-bench-events-${events}-v${VERSION}.db`);
}

/** Writes `events` made-up events (seeded, so every run builds the same store) into a new SQLite file. */
export function buildEventFixture(path: string, events: number): SqliteStore {
  const store = openSqliteStore(path);
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  // 500 articles to a transaction (putArticle nests as a savepoint)
  const batch = store.db.transaction((from: number, to: number) => {
    for (let a = from; a < to; a++) {
      const evs: CodedEvent[] = [];
      for (let i = 0; i < PER; i++) {
        const c1 = pick(COUNTRIES);
        const c2 = pick(COUNTRIES);
        const root = pick(ROOTS);
        const day = Math.floor(rnd() * 730);
        const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const lat = -40 + rnd() * 90;
        const lon = -120 + rnd() * 240;
        evs.push({
          id: `b${a}-${i}`, doc: `b${a}`, sentence: i, text: `Sentence ${i} of made-up article ${a}.`, date, code: root + "0", root, quad: 1 + Math.floor(rnd() * 4), goldstein: -5,
          plover: { type: "ASSAULT", mode: null }, acled: null,
          source: { text: c1, code: c1 + "GOV", country: c1, sector: "GOV" }, target: { text: c2, code: c2 + "MIL", country: c2, sector: "MIL" },
          location: { name: `place ${a % 997}`, country: c1, admin1: null, lat, lon }, attribution: [], hedged: false, negated: false,
          evidence: { verb: "v", pattern: "p", spans: { source: [0, 1], verb: [2, 3], target: [4, 5] } }, confidence: 0.5,
        });
      }
      const text = evs.map((e) => e.text).join(" ");
      void store.putArticle({
        key: `url:https://bench.example.org/e/${a}`, doc: `b${a}`, url: null, outlet: "Bench", published: evs[0].date, title: null, origin: null,
        raw: { kind: "text", body: text }, clean: text, contentHash: contentHash(text), minhash: null,
        sentences: evs.map((e, i) => ({ index: i, start: 0, end: 1, caption: false, text: e.text })), events: evs, dates: [], coderVersion: "bench", duplicateOf: null,
      });
    }
  });
  const articles = Math.ceil(events / PER);
  for (let a = 0; a < articles; a += 500) batch(a, Math.min(articles, a + 500));
  return store;
}

/** The kept fixture of `events` events, built first when missing (into a side file, renamed when complete). */
export async function keptEventFixture(events: number, say: (line: string) => void): Promise<string> {
  const path = fixturePath(events);
  if (existsSync(path)) {
    say(`  (reusing ${path}; delete it to rebuild)`);
    return path;
  }
  const partial = `${path}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const t = performance.now();
  const store = buildEventFixture(partial, events);
  await store.close();
  renameSync(partial, path);
  say(`  built ${events} made-up events in ${((performance.now() - t) / 1000).toFixed(1)} s (${path}, kept for the next run)`);
  return path;
}
