// The article journal of grouped commits: each article is appended (one write) before it joins the open
// transaction, and the journal is emptied when the group commits; a killed process's journal is replayed at the
// next open. So a kill -9 loses at most the article being written, while SQLite commits once a second.
import { closeSync, existsSync, ftruncateSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SitrepError, problem } from "../../core/problems.js";
import type { ArticleWrite } from "../store.js";

const SUFFIX = /^(.*)-ingest-(\d+)\.journal$/;

/** The journal file of this process for a database file. */
export function journalPath(dbPath: string, pid = process.pid): string {
  return `${dbPath}-ingest-${pid}.journal`;
}

/** Journals this process has open: a journal under this process's id that is not among them is a dead process's (ids are re-used, in containers at once). */
const OWN = new Set<string>();

export class WriteJournal {
  private fd: number | null;
  /** Bytes written: where the next article starts. */
  private size = 0;

  /** Creates the (empty) journal at once: while it exists, another writer of the file knows this one waits for the lock too. */
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
    OWN.add(path);
  }

  /** Appends one article (a whole line in one write, so a kill leaves whole lines and at most a cut last one). Returns the offset to cut back to. */
  append(a: ArticleWrite): number {
    if (this.fd === null) throw new Error(`the journal ${this.path} is closed`);
    const at = this.size;
    this.size += writeSync(this.fd, JSON.stringify({ ...a, minhash: a.minhash ? Array.from(a.minhash) : null }) + "\n", at);
    return at;
  }

  /** Cuts the journal back to `at` (the article written after it failed and is not in the transaction). */
  cut(at: number): void {
    if (this.fd === null) return;
    ftruncateSync(this.fd, at);
    this.size = at;
  }

  /** Empties the journal: everything in it is committed. */
  clear(): void {
    this.cut(0);
  }

  /** Empties and removes the journal. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    OWN.delete(this.path);
    rmSync(this.path, { force: true });
  }
}

const alive = (pid: number, path: string): boolean => {
  if (pid === process.pid) return OWN.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Journals beside a database file: their paths with the process each belongs to. */
function journalsOf(dbPath: string): Array<{ path: string; pid: number }> {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return [];
  const out: Array<{ path: string; pid: number }> = [];
  for (const name of readdirSync(dir)) {
    const m = SUFFIX.exec(name);
    if (m && m[1] === basename(dbPath)) out.push({ path: join(dir, name), pid: Number(m[2]) });
  }
  return out;
}

/** Whether another running process journals grouped writes to this database file (another ingest). */
export function otherWriters(dbPath: string): boolean {
  return journalsOf(dbPath).some((j) => j.pid !== process.pid && alive(j.pid, j.path));
}

/** Journals that processes no longer running left beside a database file, each with its whole lines of articles. */
export function orphanJournals(dbPath: string): Array<{ path: string; articles: ArticleWrite[] }> {
  const out: Array<{ path: string; articles: ArticleWrite[] }> = [];
  for (const { path, pid } of journalsOf(dbPath)) {
    if (alive(pid, path)) continue;
    const lines = readFileSync(path, "utf8").split("\n");
    // the last piece is "" after a whole last line, or the article a kill cut in the middle of its write: dropped
    lines.pop();
    const articles = lines.flatMap((l, i) => {
      if (!l.trim()) return [];
      let a: ArticleWrite & { minhash: number[] | null };
      try {
        a = JSON.parse(l);
      } catch (e) {
        throw new SitrepError(problem("E_STORE_OPEN", `${path}:${i + 1}`, `a journal of articles not yet committed is damaged (${(e as Error).message}); move it away to open the database without them`));
      }
      return [{ ...a, minhash: a.minhash ? Uint32Array.from(a.minhash) : null }];
    });
    out.push({ path, articles });
  }
  return out;
}
