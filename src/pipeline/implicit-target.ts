// Whom an act is done to when the sentence names no actor as its object: "India struck nine sites in Pakistan" is done
// to Pakistan, "declared martial law" to the country it is declared in, "100,000 people rallied in Minsk" is aimed at
// Belarus's government. The rules per code are data (src/ontology/data/implicit-target.tsv); this applies them.
import type { ActorRef, PlaceMention } from "../core/types.js";
import type { Ontology } from "../ontology/ontology.js";
import type { EventCandidate } from "./doc.js";

export interface ImplicitTargetFound {
  target: ActorRef;
  /** The place whose country it is, when a place says it. */
  place: PlaceMention | null;
}

/** The implicit target of `e` (which has none named), from its sentence's places (nearest first) and its source. */
export function implicitTarget(onto: Ontology, e: EventCandidate, places: readonly PlaceMention[], source: ActorRef): ImplicitTargetFound | null {
  // (the code before modal recoding counts too: "said he would resign" is done to his own country, like "resigned")
  const rule = onto.implicitTarget(e.code) ?? (e.actCode && onto.implicitTarget(e.actCode) === "own-country" ? "own-country" : null);
  if (!rule) return null;
  if (rule === "government") {
    const country = places.find((p) => p.country)?.country ?? source.country;
    return country ? { target: { text: "government", code: `${country}GOV`, country, sector: "GOV" }, place: null } : null;
  }
  const place = places.find((p) => p.country && p.start >= e.verbStart) ?? null;
  const country = place?.country ?? (rule === "own-country" ? source.country : null);
  if (!country || (rule === "place-abroad" && country === source.country)) return null;
  return { target: { text: place?.name ?? country, code: country, country, sector: null }, place };
}
