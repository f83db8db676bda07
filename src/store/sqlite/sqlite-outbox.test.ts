import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runOutboxContract, type OpenedOutbox } from "../outbox-contract.js";
import { openSqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-outbox-"));
let n = 0;

function opened(path: string): OpenedOutbox {
  const store = openSqliteStore(path);
  return { outbox: store.outbox, close: () => store.close(), reopen: async () => opened(path) };
}

runOutboxContract("sqlite", async () => opened(join(dir, `o${++n}.db`)));
