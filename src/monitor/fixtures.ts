// Made-up watch events for the monitor's unit tests.
import { loadOntology } from "../ontology/ontology.js";
import { credibility, severity } from "./escalation.js";
import type { WatchEvent } from "./watch-events.js";

let n = 0;

/** A reported event of this CAMEO code on this day, from these independent sources (trust 0.5 each unless given). */
export function watchEvent(code: string, date: string, over: { sources?: string[]; trust?: number; seen?: string; by?: string; against?: string | null; text?: string } = {}): WatchEvent {
  const entry = loadOntology().nearest(code)!;
  const sources = over.sources ?? ["Daily Example"];
  const cred = credibility(sources, () => over.trust ?? 0.5);
  const sev = severity(entry);
  const by = over.by ?? "XYZREB";
  const against = over.against === undefined ? "XYZGOV" : over.against;
  n++;
  return {
    cluster: n,
    date,
    seen: over.seen ?? date,
    entry,
    source: { text: by, code: by, country: by.slice(0, 3), sector: by.slice(3) || null },
    target: against ? { text: against, code: against, country: against.slice(0, 3), sector: against.slice(3) || null } : null,
    severity: sev,
    credibility: cred,
    weight: sev * cred,
    evidence: { event: `e${n}`, cluster: n, date, code, text: over.text ?? `Made-up report ${n} (${entry.name}).`, outlets: sources, sources, url: null },
  };
}
