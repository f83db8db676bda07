// A watch's reported events, as the index reads them: one per cluster (a real-world event), with its severity, credibility and evidence.
import type { ActorRef } from "../core/types.js";
import { loadOntology, type CameoEntry } from "../ontology/ontology.js";
import type { Store } from "../store/store.js";
import type { AlertEvidence } from "./alert.js";
import { credibility, severity } from "./escalation.js";
import { watchQuery, type Watch } from "./watch.js";

/** Weight kept for a report hedged as "reportedly" or "allegedly". */
export const HEDGED_FACTOR = 0.7;

export interface WatchEvent {
  cluster: number | null;
  /** The event's date, and the first day it was known (its first report's publication, when later). */
  date: string;
  seen: string;
  entry: CameoEntry;
  source: ActorRef;
  target: ActorRef | null;
  severity: number;
  credibility: number;
  /** severity × credibility (× HEDGED_FACTOR when hedged): what the event adds to its day's intensity. */
  weight: number;
  evidence: AlertEvidence;
}

/** The watch's events dated between two days (of these CAMEO codes, when given), one per cluster, in date order; negated reports and undated ones are left out. */
export async function loadWatchEvents(store: Store, w: Watch, since: string, until: string, trust: (source: string) => number, codes?: string[]): Promise<WatchEvent[]> {
  const onto = loadOntology();
  const q = watchQuery(w, since, until);
  if (codes) q.code = codes;
  const [reports, clusters] = await Promise.all([store.queryEvents(q), store.queryClusters(q)]);
  const byCluster = new Map(clusters.map((c) => [c.id, c]));
  const out: WatchEvent[] = [];
  const done = new Set<number>();
  for (const r of reports) {
    const e = r.event;
    if (e.negated || !e.date) continue;
    const entry = onto.nearest(e.code);
    if (!entry) continue;
    if (r.cluster != null) {
      if (done.has(r.cluster)) continue;
      done.add(r.cluster);
    }
    const c = r.cluster != null ? byCluster.get(r.cluster) : undefined;
    const outlets = c?.outlets ?? (r.article.outlet ? [r.article.outlet] : []);
    const sources = c?.sources.length ? c.sources : [r.article.origin ?? r.article.outlet ?? "unknown"];
    const published = r.article.published?.slice(0, 10) ?? null;
    const sev = severity(entry);
    const cred = credibility(sources, trust);
    out.push({
      cluster: r.cluster,
      date: e.date,
      seen: published && published > e.date ? published : e.date,
      entry,
      source: e.source,
      target: e.target,
      severity: sev,
      credibility: cred,
      weight: sev * cred * (e.hedged ? HEDGED_FACTOR : 1),
      evidence: { event: e.id, cluster: r.cluster, date: e.date, code: e.code, text: e.text, outlets, sources, url: r.article.url },
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
