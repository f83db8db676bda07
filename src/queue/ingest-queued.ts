// sitrep ingest --queue: reads the inputs and enqueues their articles for `sitrep worker`, returning at once.
import { parseArgs } from "node:util";
import { formatProblem, type Problem } from "../core/problems.js";
import { parseEvery } from "../cli/duration.js";
import { isoDate } from "../pipeline/iso-date.js";
import { enqueueInputs } from "./enqueue.js";
import { PgBossQueue, QUEUE_DEFAULTS } from "./pgboss-queue.js";
import { redactUrl, resolveQueueUrl } from "./queue-url.js";
import { columnsOf, INPUT_OPTIONS } from "../cli/input-options.js";

const USAGE = `Usage: sitrep ingest --queue [options] <file|folder|->...

Reads the inputs as sitrep ingest does and puts one job per article in the queue, in PostgreSQL; workers
(sitrep worker, on any number of machines) code and store them. Returns once the articles are queued.
An article whose key (URL, else text) already has a job is not queued twice.

Options:
  --queue-url URL          the queue's database (postgres://…; ?queue_schema=NAME to choose its schema);
                           default: env SITREP_QUEUE, else --db / SITREP_DB when that is a postgres:// URL
  --db URL                 the store the workers will write (only read here to find the queue)
  --job-timeout DUR        a job still unfinished this long after a worker took it (the worker died) goes to
                           another worker (default ${QUEUE_DEFAULTS.expireInSeconds / 60}m; s, m, h)
  --retries N              retries of a failing article before it becomes a dead letter (default ${QUEUE_DEFAULTS.retryLimit})
  --retry-delay DUR        wait before the first retry, doubled for each next one (default ${QUEUE_DEFAULTS.retryDelaySeconds}s)
  --published, --outlet, --*-column   as for sitrep ingest
  -h, --help               this text
`;

export async function runQueuedIngest(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        queue: { type: "boolean", default: true },
        "queue-url": { type: "string" },
        db: { type: "string" },
        "job-timeout": { type: "string" },
        retries: { type: "string" },
        "retry-delay": { type: "string" },
        ...INPUT_OPTIONS,
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`sitrep ingest --queue: ${(e as Error).message} (feeds, --recode, --every and coding options are for sitrep ingest without --queue, or sitrep worker)\n\n${USAGE}`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const say = (s: string) => process.stderr.write(`sitrep ingest --queue: ${s}\n`);
  if (!args.positionals.length) {
    process.stderr.write(`sitrep ingest --queue: name files or folders to queue\n\n${USAGE}`);
    return 2;
  }
  const url = args.positionals.find((p) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p));
  if (url) {
    say(`only files, folders and - can be queued, not "${url}" (feeds are polled by sitrep ingest without --queue)`);
    return 2;
  }
  if (o.published && !isoDate(o.published)) {
    say(`--published must be a date (YYYY-MM-DD), not "${o.published}"`);
    return 2;
  }
  const expireMs = o["job-timeout"] ? parseEvery(o["job-timeout"]) : QUEUE_DEFAULTS.expireInSeconds * 1000;
  const delayMs = o["retry-delay"] ? parseEvery(o["retry-delay"]) : QUEUE_DEFAULTS.retryDelaySeconds * 1000;
  const retries = o.retries !== undefined ? Number(o.retries) : QUEUE_DEFAULTS.retryLimit;
  if (!expireMs || expireMs > 23 * 3_600_000) {
    say(`--job-timeout takes a duration from 1s to 23h like 30s, 10m or 2h, not "${o["job-timeout"]}"`);
    return 2;
  }
  if (!delayMs) {
    say(`--retry-delay takes a duration of at least 1s like 30s or 5m, not "${o["retry-delay"]}"`);
    return 2;
  }
  if (!Number.isInteger(retries) || retries < 0 || retries > 100) {
    say(`--retries takes a whole number from 0 to 100, not "${o.retries}"`);
    return 2;
  }
  const target = resolveQueueUrl({ queueUrl: o["queue-url"], db: o.db });
  if ("error" in target) {
    say(target.error);
    return 2;
  }
  const columns = columnsOf(o);

  let queue: PgBossQueue;
  try {
    queue = await PgBossQueue.open(target.url, {
      expireInSeconds: Math.round(expireMs / 1000),
      retryDelaySeconds: Math.round(delayMs / 1000),
      retryLimit: retries,
      poolMax: 2,
      onError: (e) => say(e.message),
    });
  } catch (e) {
    say(`the queue at ${redactUrl(target.url)} could not be opened: ${(e as Error).message}`);
    return 1;
  }
  const t0 = Date.now();
  try {
    const onProblem = (p: Problem) => process.stderr.write(formatProblem(p) + "\n");
    const c = await enqueueInputs(queue, args.positionals, { published: o.published, outlet: o.outlet, columns }, onProblem);
    const secs = (Date.now() - t0) / 1000;
    const n = await queue.counts();
    say(
      `${c.read} article(s) read: ${c.queued} queued, ${c.already} already had a job${c.errors ? `, ${c.errors} input error(s)` : ""} in ${secs.toFixed(1)} s. ` +
        `Queue ${queue.schema}: ${n.queued} waiting, ${n.active} active, ${n.dead} dead`,
    );
    return c.read === 0 && c.errors > 0 ? 1 : 0;
  } finally {
    await queue.close();
  }
}
