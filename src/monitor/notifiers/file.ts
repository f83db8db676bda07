// The file notifier: appends each alert as one JSON line to a file (JSONL), synced to disk before it counts as delivered.
import { mkdir, open } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { NotifierConfig } from "../../store/outbox.js";
import type { Alert } from "../alert.js";
import { DeliveryError, type Notifier } from "../notifier.js";

// Errors that no later attempt can get past: the path itself is wrong.
const FOR_GOOD = new Set(["EISDIR", "ENOTDIR", "ENAMETOOLONG", "EINVAL", "ELOOP"]);

/** Makes a file notifier: target = the file's path (relative to the working directory); its folder is created if needed. */
export function fileNotifier(config: NotifierConfig): Notifier {
  const path = resolve(config.target);
  const fail = (err: unknown, what: string) => {
    const code = (err as NodeJS.ErrnoException).code;
    return new DeliveryError("file", path, `${what}: ${code ? `${code} ` : ""}${(err as Error).message}`, !(code && FOR_GOOD.has(code)), { cause: err });
  };

  async function send(alert: Alert): Promise<void> {
    const line = Buffer.from(JSON.stringify(alert) + "\n", "utf8");
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (err) {
      throw fail(err, "cannot create the folder");
    }
    let fh;
    try {
      fh = await open(path, "a", 0o644);
    } catch (err) {
      throw fail(err, "cannot open");
    }
    let before = -1;
    try {
      before = (await fh.stat()).size;
      // one write of the whole line: appends from other writers cannot land inside it
      const { bytesWritten } = await fh.write(line, 0, line.length);
      if (bytesWritten !== line.length) throw Object.assign(new Error(`wrote ${bytesWritten} of ${line.length} bytes`), { code: "ESHORTWRITE" });
      await fh.sync();
    } catch (err) {
      // a half-written line would spoil the file for readers and come again on the retry: take it back
      if (before >= 0) await fh.truncate(before).catch(() => {});
      throw fail(err, "cannot append");
    } finally {
      await fh.close().catch(() => {});
    }
  }

  return { kind: "file", target: path, send, close: async () => {} };
}
