import { runStoreContract } from "../contract.js";
import { openSqliteStore } from "./sqlite-store.js";

runStoreContract("sqlite", async () => openSqliteStore(":memory:"));
