// Made-up export rows for the exporters' tests: a city attack, a threat with no target, and an awkward row.
import { Writable } from "node:stream";
import type { CodedEvent } from "../core/types.js";
import type { ExportRow } from "./exporter.js";

const evidence = (verb: string): CodedEvent["evidence"] => ({ verb, pattern: `${verb} (test)`, spans: { source: [0, 5], verb: [6, 12], target: [13, 20] } });

/** An attack in Mosul with coordinates, in a cluster of three reports. */
export const attack: ExportRow = {
  seq: 101,
  event: {
    id: "a1b2c3d4e5f60718",
    doc: "reuters-2024-03-05-mosul",
    sentence: 0,
    text: "Islamic State fighters attacked Iraqi soldiers in Mosul on Tuesday.",
    date: "2024-03-05",
    code: "190",
    root: "19",
    quad: 4,
    goldstein: -10,
    plover: { type: "ASSAULT", mode: null },
    acled: { event_type: "Battles", sub_event_type: "Armed clash" },
    source: { text: "Islamic State fighters", code: "IMGMOSISI", country: null, sector: "REB" },
    target: { text: "Iraqi soldiers", code: "IRQMIL", country: "IRQ", sector: "MIL" },
    location: { name: "Mosul", country: "IRQ", admin1: "Nineveh", lat: 36.335, lon: 43.1189 },
    attribution: [{ who: "Reuters", kind: "outlet" }],
    hedged: false,
    negated: false,
    evidence: evidence("attacked"),
    confidence: 0.9,
  },
  article: { doc: "reuters-2024-03-05-mosul", url: "https://example.org/mosul", outlet: "Reuters", published: "2024-03-05T14:30:00Z", origin: "Reuters" },
  cluster: 7,
  clusterInfo: { id: 7, reports: 3, outlets: 2, sources: 1 },
};

/** The second event of the same sentence: not the root event. */
export const counterattack: ExportRow = {
  ...attack,
  seq: 102,
  event: {
    ...attack.event,
    id: "0718a1b2c3d4e5f6",
    code: "1831",
    root: "18",
    source: attack.event.target!,
    target: attack.event.source,
  },
};

/** A threat with no target, placed at country level. */
export const threat: ExportRow = {
  seq: 205,
  event: {
    id: "ffee000011112222",
    doc: "afp-2024-06-01-beirut",
    sentence: 3,
    text: "Hezbollah threatened to widen the war.",
    date: "2024-06-01",
    code: "138",
    root: "13",
    quad: 3,
    goldstein: -7,
    plover: { type: "THREATEN", mode: "military" },
    acled: null,
    source: { text: "Hezbollah", code: "LBNREBHEZ", country: "LBN", sector: "REB" },
    target: null,
    location: { name: "Lebanon", country: "LBN", admin1: null, lat: 33.83333333, lon: 35.83333333 },
    attribution: [{ who: "AFP", kind: "outlet" }, { who: "a spokesman", kind: "named" }],
    hedged: true,
    negated: false,
    evidence: evidence("threatened"),
    confidence: 0.75,
  },
  article: { doc: "afp-2024-06-01-beirut", url: "https://example.org/beirut", outlet: "AFP", published: "2024-06-01", origin: "AFP" },
  cluster: 9,
  clusterInfo: { id: 9, reports: 1, outlets: 1, sources: 1 },
};

export const AWKWARD_TEXT = 'The "White House",\tsaid:\r\n<script>alert(1)</script>, then\nleft';

/** No place, no cluster, no URL, no dates; text with tabs, quotes, commas, line breaks and a script tag. */
export const awkward: ExportRow = {
  seq: 9_007_199_254_740_000,
  event: {
    id: "0000aaaa0000bbbb",
    doc: "pasted\t1",
    sentence: 12,
    text: AWKWARD_TEXT,
    date: null,
    code: "0251",
    root: "02",
    quad: 1,
    goldstein: 3,
    plover: null,
    acled: null,
    source: { text: 'the "White House",\tsaid', code: "USAGOV", country: "USA", sector: "GOV" },
    target: { text: "the U.N.\n", code: "IGOUNO", country: null, sector: "IGO" },
    location: null,
    attribution: [],
    hedged: true,
    negated: true,
    evidence: evidence("urged"),
    confidence: 0.5,
  },
  article: { doc: "pasted\t1", url: null, outlet: null, published: null, origin: null },
  cluster: null,
  clusterInfo: null,
};

export const ROWS: readonly ExportRow[] = [attack, counterattack, threat, awkward];

export async function* from<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const x of items) yield x;
}

/** n rows made lazily from the fixtures, with distinct seq and id. */
export async function* many(n: number): AsyncGenerator<ExportRow> {
  for (let i = 0; i < n; i++) {
    const base = ROWS[i % ROWS.length];
    yield { ...base, seq: i + 1, event: { ...base.event, id: `gen${i}`, sentence: i } };
  }
}

/** A Writable that keeps what it is given. */
export function collector(): { out: Writable; bytes: () => Buffer; text: () => string } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  const bytes = () => Buffer.concat(chunks);
  return { out, bytes, text: () => bytes().toString("utf8") };
}

/**
 * A slow Writable (each write completes on a later turn of the event loop) that records the most it
 * ever held buffered and the largest single chunk, to show a writer waits for 'drain'.
 */
export function slowSink(highWaterMark = 16 * 1024): { out: Writable; stats: { bytes: number; maxBuffered: number; maxChunk: number; writes: number } } {
  const stats = { bytes: 0, maxBuffered: 0, maxChunk: 0, writes: 0 };
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      stats.writes++;
      stats.bytes += chunk.length;
      stats.maxChunk = Math.max(stats.maxChunk, chunk.length);
      stats.maxBuffered = Math.max(stats.maxBuffered, this.writableLength);
      setImmediate(cb);
    },
  });
  return { out, stats };
}
