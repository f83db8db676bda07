// sitrep alerts: the alerts watches raised, each with its delivery state per notifier.
import { parseArgs } from "node:util";
import type { Alert } from "../monitor/alert.js";
import type { Delivery, NotifierConfig } from "../store/outbox.js";
import { openStore } from "./db.js";
import { parseWhen } from "./filters.js";
import { write } from "./format.js";
import { shownTarget } from "./notify.js";

const USAGE = `Usage: sitrep alerts --db sitrep.db [--since 7d|DATE] [--watch NAME] [--format text|jsonl] [--limit N]

Lists the alerts watches raised, oldest first, and for each notifier whether it was delivered, is pending
(with its attempts and last error), or was given up on.

Options:
  --since D                alerts raised on or after D: YYYY-MM-DD, or an age like 7d, 12w, 6m
  --watch NAME             the alerts of one watch
  --format text|jsonl      output format (default text)
  --limit N                at most N alerts
  --db FILE                the SQLite database (default sitrep.db)
  -h, --help               this text
`;

/** A delivery as shown: where it went and how it stands. */
function deliveryJson(d: Delivery, n: NotifierConfig | undefined) {
  return { notifier: d.notifier, kind: n?.kind ?? null, target: n ? shownTarget(n) : null, status: d.status, attempts: d.attempts, nextAt: d.status === "pending" ? new Date(d.nextAt).toISOString() : null, lastError: d.lastError, doneAt: d.doneAt };
}

function deliveryLine(d: ReturnType<typeof deliveryJson>): string {
  const to = `notifier ${d.notifier}${d.kind ? ` (${d.kind} ${d.target})` : ""}`;
  if (d.status === "delivered") return `${to}: delivered ${d.doneAt ?? ""}`.trimEnd();
  if (d.status === "dead") return `${to}: not delivered, given up after ${d.attempts} attempt(s): ${d.lastError ?? "no reason recorded"}`;
  return `${to}: pending${d.attempts ? `, ${d.attempts} failed attempt(s), next at ${d.nextAt}; last error: ${d.lastError}` : ""}`;
}

export async function runAlerts(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        since: { type: "string" },
        watch: { type: "string" },
        format: { type: "string", default: "text" },
        limit: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep alerts: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (o.format !== "text" && o.format !== "jsonl") {
    process.stderr.write(`sitrep alerts: --format must be text or jsonl, not "${o.format}"\n`);
    return 2;
  }
  const since = o.since === undefined ? undefined : parseWhen(o.since);
  if (since === null) {
    process.stderr.write(`sitrep alerts: --since must be a date (YYYY-MM-DD) or an age like 7d, not "${o.since}"\n`);
    return 2;
  }
  const limit = o.limit === undefined ? undefined : Number(o.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    process.stderr.write(`sitrep alerts: --limit must be a positive whole number, not "${o.limit}"\n`);
    return 2;
  }
  const store = await openStore(o.db, "alerts", { mustExist: true });
  if (!store) return 1;
  try {
    const alerts = await store.outbox.listAlerts({ since, watch: o.watch, limit });
    const notifiers = new Map((await store.outbox.listNotifiers()).map((n) => [n.id, n]));
    for (const a of alerts) {
      const ds = (await store.outbox.deliveries(a.seq)).map((d) => deliveryJson(d, notifiers.get(d.notifier)));
      if (o.format === "jsonl") {
        await write(JSON.stringify({ ...a, deliveries: ds }) + "\n");
        continue;
      }
      await write(`#${a.seq} ${a.at}  ${a.watch}  ${alertKind(a)}  ${a.title}\n`);
      if (!ds.length) await write("    not sent: no notifier was set up when it was raised (sitrep notify add)\n");
      for (const d of ds) await write(`    ${deliveryLine(d)}\n`);
    }
    process.stderr.write(`sitrep alerts: ${alerts.length} alert(s)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function alertKind(a: Alert): string {
  return a.kind === "level" ? `level ${a.previousLevel ?? "?"}→${a.level}` : `${a.kind}, level ${a.level}`;
}
