// The Exporter boundary: one interface for every export format, the row it reads, and a sink that respects backpressure.
import { problem, SitrepError } from "../core/problems.js";
import type { StoredEvent } from "../store/store.js";

/** Figures of the event's cluster (reports of one real-world event), or null when it is in none. */
export interface ClusterInfo {
  id: number;
  /** Member reports. */
  reports: number;
  /** Distinct outlets. */
  outlets: number;
  /** Independent sources (wire agencies credited, else outlets). */
  sources: number;
}

/** A stored event with its cluster's figures: what every exporter reads. */
export interface ExportRow extends StoredEvent {
  clusterInfo: ClusterInfo | null;
}

export interface Exporter {
  name: string;
  /** File extension, without the dot. */
  ext: string;
  binary: boolean;
  /**
   * Writes every row to `out`, waiting for 'drain' whenever `out` asks for it, and never ends `out`
   * (the caller owns it: a file or stdout). Rejects with E_EXPORT when `out` fails or closes early.
   */
  write(rows: AsyncIterable<ExportRow>, out: NodeJS.WritableStream): Promise<{ rows: number }>;
}

/** Text is gathered into chunks of about this many characters before a write. */
const CHUNK = 64 * 1024;

/**
 * Writes to a stream in chunks and waits for 'drain' when the stream's buffer is full:
 * at most one chunk plus the stream's own high-water mark is ever held.
 */
export class StreamSink {
  private failure: Error | null = null;
  private readonly onError = (e: Error) => {
    this.failure ??= e;
  };
  private pending = "";
  /** Settles when the stream has handled the last chunk (so a failing last write is not missed). */
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly out: NodeJS.WritableStream,
    /** For messages: "export csv". */
    private readonly where: string,
  ) {
    out.on("error", this.onError);
  }

  /** Adds text; writes once a chunk has gathered. */
  async write(s: string): Promise<void> {
    this.pending += s;
    if (this.pending.length >= CHUNK) await this.flushText();
  }

  /** Writes bytes now (Parquet), after any gathered text. */
  async bytes(b: Uint8Array): Promise<void> {
    await this.flushText();
    await this.put(b);
  }

  /** Writes what is gathered and waits until the stream has taken it; rejects if the stream failed. The stream stays open. */
  async flush(): Promise<void> {
    await this.flushText();
    await this.lastWrite;
    this.check();
  }

  /** Stops listening to the stream (always call, also after a failure). */
  release(): void {
    this.out.removeListener("error", this.onError);
  }

  private async flushText(): Promise<void> {
    if (!this.pending) return;
    const s = this.pending;
    this.pending = "";
    await this.put(s);
  }

  private check(): void {
    if (this.failure) throw new SitrepError(problem("E_EXPORT", this.where, this.failure.message));
  }

  private async put(chunk: string | Uint8Array): Promise<void> {
    this.check();
    let handled!: () => void;
    this.lastWrite = new Promise<void>((resolve) => (handled = resolve));
    const room = this.out.write(chunk, (e?: Error | null) => {
      if (e) this.failure ??= e;
      handled();
    });
    if (room) return;
    await new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => {
        this.out.removeListener("drain", onDrain);
        this.out.removeListener("error", onFail);
        this.out.removeListener("close", onClose);
        if (e) reject(new SitrepError(problem("E_EXPORT", this.where, e.message)));
        else resolve();
      };
      const onDrain = () => done();
      const onFail = (e: Error) => done(e);
      // a destroyed stream never drains
      const onClose = () => done(new Error("output closed before the export finished"));
      this.out.on("drain", onDrain);
      this.out.on("error", onFail);
      this.out.on("close", onClose);
    });
  }
}

/** The event's cluster figures; a bare id when the figures were not given. */
export function clusterOf(row: ExportRow): { id: number; reports: number | null; outlets: number | null; sources: number | null } | null {
  if (row.clusterInfo) return row.clusterInfo;
  return row.cluster === null || row.cluster === undefined ? null : { id: row.cluster, reports: null, outlets: null, sources: null };
}

/**
 * The shared loop of the text formats: an optional header, then one line per row.
 * `line` is made per export, so a format may keep state from one row to the next.
 */
export async function writeLines(
  rows: AsyncIterable<ExportRow>,
  out: NodeJS.WritableStream,
  name: string,
  header: string | null,
  line: () => (row: ExportRow) => string,
): Promise<{ rows: number }> {
  const sink = new StreamSink(out, `export ${name}`);
  const format = line();
  let n = 0;
  try {
    if (header !== null) await sink.write(header);
    for await (const row of rows) {
      await sink.write(format(row));
      n++;
    }
    await sink.flush();
  } finally {
    sink.release();
  }
  return { rows: n };
}
