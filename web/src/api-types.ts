// The API's records as the dashboard reads them: the event record is the shared contract (src/core/types.ts), plus what the routes add.
import type { CodedEvent } from "../../src/core/types.js";
import type { WatchStatus } from "../../src/monitor/status.js";

export type { CodedEvent, WatchStatus };
export type { RiskDate, ThreatView, Level } from "../../src/monitor/status.js";
export type { AlertEvidence } from "../../src/monitor/alert.js";

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** GET /api/events: one report, with its cursor, cluster and article. */
export interface EventReport extends CodedEvent {
  seq: number;
  cluster: number | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

/** GET /api/clusters: reports of one real-world event; `event` is the first report. */
export interface ClusterRecord {
  cluster: number;
  status: "reported";
  reports: number;
  outlets: string[];
  sources: string[];
  first_date: string | null;
  last_date: string | null;
  members: string[];
  event: CodedEvent;
}

export interface SentenceRecord {
  index: number;
  start: number;
  end: number;
  text: string;
  caption: boolean;
}

/** GET /api/articles/:doc */
export interface ArticleRecord {
  doc: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  title: string | null;
  origin: string | null;
  duplicateOf: string | null;
  sentences: SentenceRecord[];
  events: EventReport[];
}

/** GET /api/watches (src/monitor/watch.ts's Watch, as JSON). */
export interface WatchRecord {
  id: number;
  name: string;
  place: { name: string; country: string | null; lat: number; lon: number } | null;
  radiusKm: number | null;
  countries: string[];
  actor: string | null;
  thresholds: { level2: number; level3: number; level4: number };
}

export interface AlertRecord {
  seq: number;
  id: string;
  watch: string;
  kind: "level" | "event" | "risk-date";
  at: string;
  level: number;
  title: string;
  summary: string;
}
