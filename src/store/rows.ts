// Rows of the stores' shared table layout as the Store's types: one mapping for SQLite and PostgreSQL alike.
import type { CodedEvent } from "../core/types.js";
import { fromBlob } from "../dedup/minhash.js";
import type { Alert } from "../monitor/alert.js";
import { DEFAULT_THRESHOLDS, type Watch } from "../monitor/watch.js";
import type { Delivery, DeliveryStatus, NotifierConfig, NotifierKind } from "./outbox.js";
import type { ArticleDate, ArticleMeta, ArticleWrite, Cluster, FeedState, SentenceRow } from "./store.js";
import type { UserRiskDate } from "./watches.js";

export type Row = Record<string, unknown>;

/** How a store gives back text it had to encode (PostgreSQL cannot hold NUL characters); SQLite keeps text as it is. */
export type TextOf = (s: string) => string;
const asIs: TextOf = (s) => s;

/** An article row (with its original's key as dup_key) as ArticleMeta. */
export function metaOf(r: Row, text: TextOf = asIs): ArticleMeta {
  return {
    key: r.key as string,
    doc: r.doc as string,
    url: (r.url as string) ?? null,
    outlet: (r.outlet as string) ?? null,
    published: (r.published as string) ?? null,
    title: r.title == null ? null : text(r.title as string),
    origin: (r.origin as string) ?? null,
    duplicateOf: (r.dup_key as string) ?? null,
    coderVersion: (r.coder_version as string) ?? null,
    ingestedAt: r.ingested_at as string,
  };
}

/** A feeds row as FeedState. */
export function feedStateOf(r: Row): FeedState {
  return {
    url: r.url as string,
    etag: (r.etag as string) ?? null,
    lastModified: (r.last_modified as string) ?? null,
    failures: r.failures as number,
    lastError: (r.last_error as string) ?? null,
    lastOk: (r.last_ok as string) ?? null,
    nextDue: r.next_due as number,
  };
}

/** An article_dates row as ArticleDate (its place null when the sentence names none). */
export function articleDateOf(r: Row, text: TextOf = asIs): ArticleDate {
  return {
    sentence: r.sentence as number,
    date: r.date as string,
    role: r.role as ArticleDate["role"],
    mention: text(r.mention as string),
    place: r.place == null ? null : { name: text(r.place as string), country: (r.country as string) ?? null, lat: (r.lat as number) ?? null, lon: (r.lon as number) ?? null },
  };
}

export function notifierOf(r: Row): NotifierConfig {
  return { id: r.id as number, kind: r.kind as NotifierKind, target: r.target as string, options: JSON.parse(r.options as string) as Record<string, unknown>, createdAt: r.created_at as string };
}

/** The columns deliveryOf reads: a delivery row joined with its alert's record. */
export const DELIVERY_SELECT = "SELECT d.alert, d.notifier, d.status, d.attempts, d.next_at, d.last_error, d.done_at, a.record FROM deliveries d JOIN alerts a ON a.seq = d.alert";

/** A delivery row joined with its alert's record. */
export function deliveryOf(r: Row): Delivery {
  return {
    alert: JSON.parse(r.record as string) as Alert,
    alertSeq: r.alert as number,
    notifier: r.notifier as number,
    status: r.status as DeliveryStatus,
    attempts: r.attempts as number,
    nextAt: r.next_at as number,
    lastError: (r.last_error as string) ?? null,
    doneAt: (r.done_at as string) ?? null,
  };
}

/** What a watch's `definition` column holds: the watch without its id, name and creation time. */
export type WatchDefinition = Pick<Watch, "place" | "radiusKm" | "countries" | "actor" | "thresholds">;

export function watchOf(r: Row): Watch {
  const d = JSON.parse(r.definition as string) as Partial<WatchDefinition>;
  return {
    id: r.id as number,
    name: r.name as string,
    place: d.place ?? null,
    radiusKm: d.radiusKm ?? null,
    countries: d.countries ?? [],
    actor: d.actor ?? null,
    thresholds: { ...DEFAULT_THRESHOLDS, ...d.thresholds },
    createdAt: r.created_at as string,
  };
}

export function riskDateOf(r: Row): UserRiskDate {
  return { id: r.id as number, watch: r.watch as number, date: r.date as string, label: r.label as string, yearly: !!r.yearly };
}

/** Rows grouped by their `article` column. */
export function byArticle<T>(rows: readonly Row[], of: (r: Row) => T): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = Number(r.article);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(of(r));
  }
  return m;
}

/** A sentences row as SentenceRow. */
export function sentenceOf(r: Row, text: TextOf = asIs): SentenceRow {
  return { index: r.idx as number, start: r.start as number, end: r.end as number, text: text(r.text as string), caption: !!r.caption };
}

/** An article row with its sentences, events and dates as the ArticleWrite that stored it (for `sitrep db copy`). */
export function articleWriteOf(r: Row, parts: { sentences: Map<number, SentenceRow[]>; events: Map<number, CodedEvent[]>; dates: Map<number, ArticleDate[]> }, text: TextOf = asIs): ArticleWrite {
  const id = Number(r.id);
  const raw = text(r.raw as string);
  const meta = metaOf(r, text);
  return {
    key: meta.key,
    doc: meta.doc,
    url: meta.url,
    outlet: meta.outlet,
    published: meta.published,
    title: meta.title,
    origin: meta.origin,
    raw: { kind: r.raw_kind as "text" | "html", body: raw },
    clean: r.clean == null ? raw : text(r.clean as string),
    contentHash: r.content_hash as string,
    minhash: r.minhash ? fromBlob(r.minhash as Buffer) : null,
    sentences: parts.sentences.get(id) ?? [],
    events: parts.events.get(id) ?? [],
    coderVersion: meta.coderVersion ?? "",
    duplicateOf: meta.duplicateOf,
    dates: parts.dates.get(id) ?? [],
    ingestedAt: meta.ingestedAt,
  };
}

/** A clusters row with its first report's record and its members, outlets and sources as a Cluster. */
export function clusterOf(c: Row, record: string, lists: { members: Map<number, string[]>; outlets: Map<number, string[]>; sources: Map<number, string[]> }): Cluster {
  const id = c.id as number;
  return {
    id,
    status: "reported",
    event: JSON.parse(record) as CodedEvent,
    firstDate: (c.first_date as string) ?? null,
    lastDate: (c.last_date as string) ?? null,
    reports: c.reports as number,
    outlets: lists.outlets.get(id) ?? [],
    sources: lists.sources.get(id) ?? [],
    members: lists.members.get(id) ?? [],
  };
}

/** Member event ids of each cluster and the seq of its first report, from (cluster, id, seq) rows ordered by cluster and seq. */
export function clusterMembers(rows: Iterable<Row>): { members: Map<number, string[]>; first: Map<number, number> } {
  const members = new Map<number, string[]>();
  const first = new Map<number, number>();
  for (const m of rows) {
    const c = m.cluster as number;
    let list = members.get(c);
    if (!list) {
      members.set(c, (list = []));
      first.set(c, m.seq as number);
    }
    list.push(m.id as string);
  }
  return { members, first };
}
