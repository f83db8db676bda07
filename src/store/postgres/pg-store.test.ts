import { runStoreContract } from "../contract.js";
import { openPgStore } from "./pg-store.js";
import { onFreshSchemas } from "./test-db.js";

await onFreshSchemas("PostgreSQL store", (fresh) => runStoreContract("postgres", async () => openPgStore(await fresh(), { poolSize: 3 })));
