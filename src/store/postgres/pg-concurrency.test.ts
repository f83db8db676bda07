// Several processes' pools writing the same PostgreSQL store at once: one article per key, clusters as if written one by one.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { article, event } from "../contract.js";
import { openPgStore } from "./pg-store.js";
import { pgTestTarget, sayPgSkipped } from "./test-db.js";

const target = await pgTestTarget("PostgreSQL concurrency");
if ("skip" in target) {
  sayPgSkipped(target.skip);
  test("PostgreSQL concurrent writers", { skip: target.skip }, () => {});
} else {
  after(() => target.dropSchema());

  test("four pools putting overlapping articles at once make one article per key and one cluster per event, and a cursor passes none", async () => {
    const EVENTS = 8;
    const ARTICLES = 40;
    // article k reports event k % 8 (dates 10 days apart: never one event), from outlet k % 5
    const write = (k: number) =>
      article(`cc${k}`, { outlet: `Outlet ${k % 5}` }, (d) => [event(d, { date: `2020-0${1 + Math.floor((k % EVENTS) / 3)}-${String(1 + 10 * ((k % EVENTS) % 3)).padStart(2, "0")}` })]);
    const stores = await Promise.all([0, 1, 2, 3].map(() => openPgStore(target.url, { poolSize: 3 })));
    try {
      // a reader paging by the seq cursor meanwhile, as the live stream does: it must never pass an event committed late
      let writing = true;
      let after = 0;
      const seen = new Set<number>();
      const reader = (async () => {
        for (;;) {
          const done = !writing;
          for (;;) {
            const page = await stores[0].queryEvents({ after, limit: 50 });
            for (const r of page) seen.add(r.seq);
            if (page.length) after = page[page.length - 1].seq;
            if (page.length < 50) break;
          }
          if (done) return;
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      // each article put by three of the four writers, in a different order each, three at a time per writer
      await Promise.all(
        stores.map(async (s, i) => {
          const mine = Array.from({ length: ARTICLES }, (_, k) => k).filter((k) => k % 4 !== i);
          if (i % 2) mine.reverse();
          for (let j = 0; j < mine.length; j += 3) {
            const outs = await Promise.all(mine.slice(j, j + 3).map((k) => s.putArticle(write(k))));
            for (const o of outs) assert.ok(o.status === "added" || o.status === "recoded");
          }
        }),
      );
      writing = false;
      await reader;
      const s = stores[0];
      const final = await s.queryEvents({ limit: 1000 });
      assert.deepEqual(final.filter((r) => !seen.has(r.seq)).map((r) => r.seq), [], "events the cursor passed");
      const st = await s.stats();
      assert.deepEqual([st.articles, st.sentences, st.events, st.clusters], [ARTICLES, ARTICLES, ARTICLES, EVENTS]);
      assert.equal((await s.readArticles(null, 1000)).length, ARTICLES);
      const clusters = await s.queryClusters({});
      const counts = await s.clusterCounts(clusters.map((c) => c.id));
      for (const c of clusters) {
        assert.equal(c.reports, ARTICLES / EVENTS);
        assert.equal(c.members.length, ARTICLES / EVENTS);
        assert.deepEqual(c.outlets, ["Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4"]);
        assert.deepEqual(counts.get(c.id), { reports: 5, outlets: 5, sources: 5 });
      }
      // every event in the cluster its date says
      const byDate = new Map<string, Set<number | null>>();
      for (const r of await s.queryEvents({ limit: 1000 })) {
        if (!byDate.has(r.event.date!)) byDate.set(r.event.date!, new Set());
        byDate.get(r.event.date!)!.add(r.cluster);
      }
      assert.equal(byDate.size, EVENTS);
      for (const ids of byDate.values()) assert.equal(ids.size, 1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
}
