// sitrep notify: where alerts go (webhooks, e-mail, files), listed with their secrets masked, and tested.
import { say, subcommands } from "./subcommand.js";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { Alert } from "../monitor/alert.js";
import { createNotifier, DeliveryError } from "../monitor/notifier.js";
import { AddressRefusedError, checkLiteralHost } from "../sources/address-guard.js";
import type { NotifierConfig } from "../store/outbox.js";
import { write } from "./format.js";

const USAGE = `Usage: sitrep notify <subcommand> ... [--db sitrep.db]

  add webhook URL [--secret S] [--allow-private]
                           POST each alert as JSON to URL, signed (X-Sitrep-Signature: HMAC-SHA256) with S;
                           --allow-private: the URL may be on a loopback, private or link-local address
  add email ADDRESS[,ADDRESS] --smtp-host H [--smtp-port P] [--smtp-user U --smtp-pass P] [--from F]
                           mail each alert through an SMTP server (port 465: TLS from the start; else
                           STARTTLS when offered); From: F (default sitrep@<this host>)
  add file PATH            append each alert as a JSON line to PATH (kept as an absolute path)
  list [--format text|jsonl]
                           the notifiers, secrets and passwords masked
  remove ID                a notifier and its pending deliveries
  test ID                  send a test alert straight to one notifier (not through the outbox)
  retry [ID]               put the dead letters (of one notifier, or all) back in line: delivered at the next run

A notifier gets the alerts raised after it is added. Delivery is retried with backoff; see sitrep alerts.

Options:
  --db FILE                the SQLite database (default sitrep.db)
  -h, --help               this text
`;

const { args, withStore, dispatch, oneOf } = subcommands("notify", USAGE);

/** Option names whose values are never shown. */
const SECRET_OPTIONS = new Set(["secret", "pass"]);

/** Where a notifier sends, as shown to people: a webhook's query (often a token) is masked. */
export function shownTarget(n: Pick<NotifierConfig, "kind" | "target">): string {
  return n.kind === "webhook" ? n.target.replace(/\?.*$/, "?***").replace(/#.*$/, "") : n.target;
}

/** A notifier as listed: its target shown and its secret options masked. */
export function maskedNotifier(n: NotifierConfig): NotifierConfig {
  const options = Object.fromEntries(Object.entries(n.options).map(([k, v]) => [k, SECRET_OPTIONS.has(k) ? "****" : v]));
  return { ...n, target: shownTarget(n), options };
}

const db = { type: "string" } as const;
const help = { type: "boolean", short: "h", default: false } as const;

export async function runNotify(argv: string[]): Promise<number> {
  return dispatch(argv, { add, list, remove, test, retry });
}

/** The notifier `notify add` describes, or a message saying what is wrong with it. */
function notifierSpec(kind: string | undefined, target: string, o: Record<string, string | boolean | undefined>): Omit<NotifierConfig, "id" | "createdAt"> | string {
  const str = (k: string) => o[k] as string | undefined;
  const only = (allowed: string[]) => {
    const extra = ["secret", "allow-private", "smtp-host", "smtp-port", "smtp-user", "smtp-pass", "from"].find((k) => o[k] !== undefined && o[k] !== false && !allowed.includes(k));
    return extra ? `--${extra} does not apply to a ${kind} notifier` : null;
  };
  if (kind === "webhook") {
    const wrong = only(["secret", "allow-private"]);
    if (wrong) return wrong;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return `"${target}" is not a URL`;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return `a webhook URL is http or https, not ${url.protocol}`;
    if (url.username || url.password) return "credentials in the URL are not supported; sign with --secret instead";
    const allowPrivate = o["allow-private"] === true;
    try {
      checkLiteralHost(url.hostname, { allowPrivate });
    } catch (e) {
      if (e instanceof AddressRefusedError) return `${e.message}; allow it with --allow-private`;
      throw e;
    }
    if (str("secret") === "") return "--secret is empty";
    return { kind, target: url.href, options: { ...(str("secret") ? { secret: str("secret") } : {}), ...(allowPrivate ? { allowPrivate } : {}) } };
  }
  if (kind === "email") {
    const wrong = only(["smtp-host", "smtp-port", "smtp-user", "smtp-pass", "from"]);
    if (wrong) return wrong;
    const addresses = target.split(",").map((x) => x.trim());
    const bad = addresses.find((x) => !/^[^@\s,<>]+@[^@\s,<>]+\.[^@\s,<>]+$/.test(x));
    if (bad !== undefined) return `"${bad}" is not an e-mail address`;
    const host = str("smtp-host");
    if (!host) return "an e-mail notifier needs --smtp-host";
    const port = str("smtp-port") === undefined ? undefined : Number(str("smtp-port"));
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) return `--smtp-port must be a port number (25, 465, 587), not "${str("smtp-port")}"`;
    if (!!str("smtp-user") !== !!str("smtp-pass")) return "--smtp-user and --smtp-pass go together";
    const from = str("from") ?? `sitrep@${hostname()}`;
    return {
      kind,
      target: addresses.join(", "),
      options: { host, from, ...(port ? { port, secure: port === 465 } : {}), ...(str("smtp-user") ? { user: str("smtp-user"), pass: str("smtp-pass") } : {}) },
    };
  }
  if (kind === "file") {
    const wrong = only([]);
    if (wrong) return wrong;
    if (!target.trim()) return "the file path is empty";
    // the dispatcher may run elsewhere (a scheduled `watch run`): the path is kept absolute
    return { kind, target: resolve(target), options: {} };
  }
  return `the kind must be webhook, email or file, not "${kind ?? ""}"`;
}

async function add(argv: string[]): Promise<number> {
  const a = args("add", {
    args: argv,
    allowPositionals: true,
    options: {
      db,
      secret: { type: "string" },
      "allow-private": { type: "boolean", default: false },
      "smtp-host": { type: "string" },
      "smtp-port": { type: "string" },
      "smtp-user": { type: "string" },
      "smtp-pass": { type: "string" },
      from: { type: "string" },
      help,
    },
  });
  if (!a) return 2;
  const [kind, target, ...extra] = a.positionals;
  if (target === undefined || extra.length) {
    say(`sitrep notify add: give a kind and where alerts go: webhook URL, email ADDRESS or file PATH\n\n${USAGE}`);
    return 2;
  }
  const spec = notifierSpec(kind, target, a.values);
  if (typeof spec === "string") {
    say(`sitrep notify add: ${spec}`);
    return 2;
  }
  return withStore("add", a.values.db, false, async (store) => {
    const had = (await store.outbox.listNotifiers()).some((n) => n.kind === spec.kind && n.target === spec.target);
    const n = await store.outbox.addNotifier(spec);
    await write(`${had ? "updated" : "added"} notifier ${n.id}: ${n.kind} ${shownTarget(n)}\n`);
    return 0;
  });
}

async function list(argv: string[]): Promise<number> {
  const a = args("list", { args: argv, options: { db, format: { type: "string", default: "text" }, help } });
  if (!a) return 2;
  const format = a.values.format;
  if (!oneOf("list", "--format", format, ["text", "jsonl"])) return 2;
  return withStore("list", a.values.db, true, async (store) => {
    const all = (await store.outbox.listNotifiers()).map(maskedNotifier);
    for (const n of all) {
      if (format === "jsonl") await write(JSON.stringify(n) + "\n");
      else {
        const opts = Object.entries(n.options).map(([k, v]) => `${k}=${String(v)}`);
        await write(`${n.id}\t${n.kind}\t${n.target}${opts.length ? `\t${opts.join(" ")}` : ""}\n`);
      }
    }
    if (!all.length && format === "text") say("sitrep notify list: no notifiers (add one with sitrep notify add)");
    return 0;
  });
}

/** A notifier id argument; null after saying it is not one. */
function idArg(sub: string, p: string[]): number | null {
  const id = Number(p[0]);
  if (p.length === 1 && Number.isInteger(id) && id > 0) return id;
  say(`sitrep notify ${sub}: give the id of one notifier (see sitrep notify list), not "${p.join(" ")}"`);
  return null;
}

async function remove(argv: string[]): Promise<number> {
  const a = args("remove", { args: argv, allowPositionals: true, options: { db, help } });
  if (!a) return 2;
  const id = idArg("remove", a.positionals);
  if (id === null) return 2;
  return withStore("remove", a.values.db, true, async (store) => {
    if (!(await store.outbox.removeNotifier(id))) {
      say(`sitrep notify remove: no notifier ${id}`);
      return 1;
    }
    await write(`removed notifier ${id}\n`);
    return 0;
  });
}

async function retry(argv: string[]): Promise<number> {
  const a = args("retry", { args: argv, allowPositionals: true, options: { db, help } });
  if (!a) return 2;
  const id = a.positionals.length ? idArg("retry", a.positionals) : undefined;
  if (id === null) return 2;
  return withStore("retry", a.values.db, true, async (store) => {
    const n = await store.outbox.retryDead(id);
    await write(`${n} dead deliver${n === 1 ? "y" : "ies"} put back in line${id === undefined ? "" : ` for notifier ${id}`}\n`);
    return 0;
  });
}

/** The alert `notify test` sends: marked as a test in its id, watch and title. */
export function testAlert(n: Pick<NotifierConfig, "id">, now = new Date()): Alert {
  const at = now.toISOString();
  return {
    id: `test:${n.id}:${at}`,
    watch: "sitrep test",
    kind: "level",
    at,
    level: 1,
    previousLevel: null,
    title: `sitrep test alert (notifier ${n.id}): delivery works`,
    summary: "A test sent by `sitrep notify test`; no watch raised it, and nothing needs doing.",
    evidence: [],
  };
}

async function test(argv: string[]): Promise<number> {
  const a = args("test", { args: argv, allowPositionals: true, options: { db, help } });
  if (!a) return 2;
  const id = idArg("test", a.positionals);
  if (id === null) return 2;
  return withStore("test", a.values.db, true, async (store) => {
    const config = (await store.outbox.listNotifiers()).find((n) => n.id === id);
    if (!config) {
      say(`sitrep notify test: no notifier ${id}`);
      return 1;
    }
    const what = `notifier ${id} (${config.kind} ${shownTarget(config)})`;
    let notifier;
    try {
      notifier = createNotifier(config);
      await notifier.send(testAlert(config));
    } catch (e) {
      const why = e instanceof DeliveryError ? `${e.detail}${e.retryable ? " (may pass: try again later)" : ""}` : (e as Error).message;
      say(`sitrep notify test: ${what} did not accept the test alert: ${why}`);
      return 1;
    } finally {
      await notifier?.close().catch(() => {});
    }
    await write(`${what} accepted the test alert\n`);
    return 0;
  });
}
