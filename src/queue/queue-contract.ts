// The ArticleQueue contract suite: every queue implementation runs it (`runQueueContract("pg-boss", place)`).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Article } from "../core/types.js";
import type { ArticleJob, ArticleQueue } from "./article-queue.js";

/** Settings small enough for tests: retries in seconds, fast polling. */
export interface QueueTuning {
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  pollMs: number;
}

/** Where a test's queue lives: queues opened on it share their jobs (two workers, or a worker after a restart). */
export interface QueuePlace {
  open(): Promise<ArticleQueue>;
  drop(): Promise<void>;
}

function articles(n: number, tag: string): Article[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${tag}-${i}`,
    url: `https://contract.example.org/${tag}/${i}`,
    published: "2024-05-01",
    text: `Made-up article ${i} of ${tag}: villagers met the district officer on Tuesday about the road.`,
  }));
}

const TUNING: QueueTuning = { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 30, pollMs: 100 };

/** Runs the suite; `skip` (a reason) skips every test, e.g. when the database is not reachable. */
export function runQueueContract(name: string, newPlace: (t: QueueTuning) => Promise<QueuePlace>, skip: string | null = null): void {
  const t = (title: string, fn: (place: QueuePlace) => Promise<void>) =>
    test(`${name} queue: ${title}`, { skip: skip ?? false }, async () => {
      const place = await newPlace(TUNING);
      try {
        await fn(place);
      } finally {
        await place.drop();
      }
    });

  t("each article is worked once, by one of several workers; the same keys again are not second jobs, queued or done", async (place) => {
    const [q1, q2] = [await place.open(), await place.open()];
    try {
      const as = articles(12, "once");
      assert.deepEqual(await q1.enqueue(as), { queued: 12, already: 0 });
      // a second enqueue while the jobs wait: nothing new
      assert.deepEqual(await q2.enqueue(as.slice(0, 5)), { queued: 0, already: 5 });
      assert.equal((await q1.counts()).queued, 12);
      const seen: string[] = [];
      const handler = async (j: ArticleJob) => {
        seen.push(j.key);
        await new Promise((r) => setTimeout(r, 50));
        return { status: "added" };
      };
      const [s1, s2] = await Promise.all([q1.work(handler, { concurrency: 3, untilEmpty: true }), q2.work(handler, { concurrency: 2, untilEmpty: true })]);
      assert.equal(seen.length, 12, "every job once");
      assert.equal(new Set(seen).size, 12);
      assert.equal(s1.completed + s2.completed, 12);
      assert.ok(s1.completed > 0 && s2.completed > 0, `both workers took jobs (${s1.completed} + ${s2.completed})`);
      const c = await q1.counts();
      assert.equal(c.queued + c.active + c.failed + c.dead, 0);
      assert.equal(c.completed, 12);
      // done jobs hold their keys: enqueuing them again is not a second job
      assert.deepEqual(await q1.enqueue(as), { queued: 0, already: 12 });
      await q1.work(handler, { concurrency: 2, untilEmpty: true });
      assert.equal(seen.length, 12);
    } finally {
      await q1.close();
      await q2.close();
    }
  });

  t("a failing article is retried with growing delays, then becomes a dead letter with the reason; retryDead queues it again", async (place) => {
    const q = await place.open();
    try {
      const [bad, good] = articles(2, "fail");
      await q.enqueue([bad, good]);
      const attempts: Array<{ n: number; at: number }> = [];
      const failing = async (j: ArticleJob) => {
        if (j.article.id !== bad.id) return { status: "added" };
        attempts.push({ n: j.attempt, at: Date.now() });
        throw new Error(`${j.article.id}: the parser choked on line 3`);
      };
      const s = await q.work(failing, { concurrency: 2, untilEmpty: true });
      assert.deepEqual(attempts.map((a) => a.n), [1, 2, 3], "the first try and retryLimit (2) retries");
      assert.equal(s.failed, 3);
      const gap1 = attempts[1].at - attempts[0].at;
      const gap2 = attempts[2].at - attempts[1].at;
      // backoff: about 1-2 s before the first retry, 2-4 s before the second
      assert.ok(gap1 >= 900, `first retry after ${gap1} ms`);
      assert.ok(gap2 >= 1900, `second retry after ${gap2} ms`);
      const c = await q.counts();
      assert.equal(c.failed, 1);
      assert.equal(c.dead, 1);
      assert.equal(c.completed, 1);
      const [d] = await q.deadLetters();
      assert.equal(d.article, bad.id);
      assert.match(d.reason, /the parser choked on line 3/);
      assert.equal(d.attempts, 3);
      // while dead, the article is not queued again by a plain enqueue (retryDead does that)
      assert.deepEqual(await q.enqueue([bad]), { queued: 0, already: 1 });
      assert.equal(await q.retryDead(), 1);
      assert.equal((await q.counts()).dead, 0);
      const again: number[] = [];
      await q.work(async (j) => (again.push(j.attempt), { status: "added" }), { concurrency: 1, untilEmpty: true });
      assert.deepEqual(again, [1], "back with its retries from zero");
      const after = await q.counts();
      assert.equal(after.completed, 2);
      assert.equal(after.failed + after.dead + after.queued, 0);
    } finally {
      await q.close();
    }
  });

  t("stop() lets the job in flight finish within the grace", async (place) => {
    const q = await place.open();
    try {
      await q.enqueue(articles(1, "grace"));
      let began!: () => void;
      const started = new Promise<void>((r) => (began = r));
      const working = q.work(
        async () => {
          began();
          await new Promise((r) => setTimeout(r, 400));
          return { status: "added" };
        },
        { concurrency: 1 },
      );
      await started;
      await q.stop({ graceMs: 10_000 });
      assert.deepEqual(await working, { completed: 1, failed: 0, returned: 0 });
      assert.equal((await q.counts()).completed, 1);
    } finally {
      await q.close();
    }
  });

  t("stop() returns a job still running after the grace; another worker then does it", async (place) => {
    const q = await place.open();
    const other = await place.open();
    try {
      const [a] = articles(1, "returned");
      await q.enqueue([a]);
      let began!: () => void;
      const started = new Promise<void>((r) => (began = r));
      const working = q.work(
        async () => {
          began();
          await new Promise((r) => setTimeout(r, 3000));
          return { status: "added" };
        },
        { concurrency: 1 },
      );
      await started;
      const t0 = Date.now();
      await q.stop({ graceMs: 200 });
      assert.ok(Date.now() - t0 < 3000, "stop() does not wait for the job beyond the grace");
      assert.deepEqual(await working, { completed: 0, failed: 0, returned: 1 });
      const c = await q.counts();
      assert.equal(c.queued, 1, "back in the queue");
      assert.equal(c.active + c.completed + c.dead, 0);
      const done: ArticleJob[] = [];
      await other.work(async (j) => (done.push(j), { status: "added" }), { concurrency: 1, untilEmpty: true });
      assert.equal(done.length, 1);
      assert.equal(done[0].article.id, a.id);
      assert.equal((await other.counts()).completed, 1);
    } finally {
      await q.close();
      await other.close();
    }
  });
}
