// One transaction on a pooled session, tried again when PostgreSQL broke a deadlock or a serialization conflict by aborting it.
import type pg from "pg";

/** SQLSTATEs after which the same transaction may simply be run again. */
const RETRYABLE = new Set(["40P01", "40001"]);

export interface TxOptions {
  /**
   * Commit without waiting for the WAL to reach the disk (synchronous_commit off for this transaction): safe against
   * a crash of any process, PostgreSQL's included; a crash of the machine may lose the last fraction of a second of
   * commits, never corrupt anything (as SQLite's synchronous=NORMAL in WAL mode). Any later durable commit on the
   * server (a queue acknowledging the job) flushes these too.
   */
  fastCommit?: boolean;
  attempts?: number;
}

export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  for (let i = 1; ; i++) {
    const c = await pool.connect();
    try {
      // constant SQL, two statements in one round trip
      await c.query(opts.fastCommit ? "BEGIN; SET LOCAL synchronous_commit = off" : "BEGIN");
      const out = await fn(c);
      await c.query("COMMIT");
      return out;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      if (i >= attempts || !RETRYABLE.has((e as { code?: string }).code ?? "")) throw e;
    } finally {
      c.release();
    }
    // the other party goes first
    await new Promise((r) => setTimeout(r, 5 * i * Math.random()));
  }
}
