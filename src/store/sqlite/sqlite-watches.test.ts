import { runWatchesContract } from "../watches-contract.js";
import { openSqliteStore } from "./sqlite-store.js";

runWatchesContract("sqlite", async () => openSqliteStore(":memory:"));
