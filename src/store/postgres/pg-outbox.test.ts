import { after, test } from "node:test";
import { runOutboxContract, type OpenedOutbox } from "../outbox-contract.js";
import { openPgStore } from "./pg-store.js";
import { pgTestTarget, sayPgSkipped, type PgTestTarget } from "./test-db.js";

async function opened(url: string): Promise<OpenedOutbox> {
  const store = await openPgStore(url, { poolSize: 3 });
  return { outbox: store.outbox, close: () => store.close(), reopen: () => opened(url) };
}

const first = await pgTestTarget("PostgreSQL outbox");
if ("skip" in first) {
  sayPgSkipped(first.skip);
  test("PostgreSQL outbox contract", { skip: first.skip }, () => {});
} else {
  const made: PgTestTarget[] = [first];
  after(async () => {
    for (const t of made) await t.dropSchema();
  });
  let spare: PgTestTarget | null = first;
  runOutboxContract("postgres", async () => {
    let t = spare;
    spare = null;
    if (!t) {
      const next = await pgTestTarget();
      if ("skip" in next) throw new Error(next.skip);
      made.push(next);
      t = next;
    }
    return opened(t.url);
  });
}
