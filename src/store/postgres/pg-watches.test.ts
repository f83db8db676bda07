import { runWatchesContract } from "../watches-contract.js";
import { openPgStore } from "./pg-store.js";
import { onFreshSchemas } from "./test-db.js";

await onFreshSchemas("PostgreSQL watches", (fresh) => runWatchesContract("postgres", async () => openPgStore(await fresh(), { poolSize: 3 })));
