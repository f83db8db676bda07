import { after, test } from "node:test";
import { runWatchesContract } from "../watches-contract.js";
import { openPgStore } from "./pg-store.js";
import { pgTestTarget, sayPgSkipped, type PgTestTarget } from "./test-db.js";

const first = await pgTestTarget("PostgreSQL watches");
if ("skip" in first) {
  sayPgSkipped(first.skip);
  test("PostgreSQL watches contract", { skip: first.skip }, () => {});
} else {
  const made: PgTestTarget[] = [first];
  after(async () => {
    for (const t of made) await t.dropSchema();
  });
  let spare: PgTestTarget | null = first;
  runWatchesContract("postgres", async () => {
    let t = spare;
    spare = null;
    if (!t) {
      const next = await pgTestTarget();
      if ("skip" in next) throw new Error(next.skip);
      made.push(next);
      t = next;
    }
    return openPgStore(t.url, { poolSize: 3 });
  });
}
