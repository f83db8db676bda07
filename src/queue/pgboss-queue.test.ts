import { runQueueContract } from "./queue-contract.js";
import { PgBossQueue } from "./pgboss-queue.js";
import { queueTestTarget } from "./pg-for-tests.js";

const probe = await queueTestTarget("pg-boss queue");
if ("skip" in probe) process.stdout.write(`${probe.skip}\n`);

runQueueContract(
  "pg-boss",
  async (tuning) => {
    const t = await queueTestTarget("pg-boss queue");
    if ("skip" in t) throw new Error(t.skip);
    return { open: () => PgBossQueue.open(t.url, { ...tuning, maintenanceSeconds: 1, poolMax: 4 }), drop: () => t.drop() };
  },
  "skip" in probe ? probe.skip : null,
);
