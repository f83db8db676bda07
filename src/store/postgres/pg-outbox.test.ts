import { runOutboxContract, type OpenedOutbox } from "../outbox-contract.js";
import { openPgStore } from "./pg-store.js";
import { onFreshSchemas } from "./test-db.js";

async function opened(url: string): Promise<OpenedOutbox> {
  const store = await openPgStore(url, { poolSize: 3 });
  return { outbox: store.outbox, close: () => store.close(), reopen: () => opened(url) };
}

await onFreshSchemas("PostgreSQL outbox", (fresh) => runOutboxContract("postgres", async () => opened(await fresh())));
