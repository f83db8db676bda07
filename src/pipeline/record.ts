// Stage record: event candidates → the public event record (ontology fields, date, place, attribution, provenance).
import { createHash } from "node:crypto";
import type { ActorRef, CodedEvent, Mention, Place, PlaceMention } from "../core/types.js";
import type { Ontology } from "../ontology/ontology.js";
import type { Gazetteer } from "../lexicon/gazetteer.js";
import type { Doc, EventCandidate } from "./doc.js";
import { defineStage } from "./stage.js";
import { implicitTarget } from "./implicit-target.js";
import { POSSESSIVES } from "./tag.js";

/** Sectors that belong to a state: a bare "police" or "army" takes the country of its context. */
const DOMESTIC = new Set(["GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "CVL", "MED", "BUS", "EDU", "HLH", "LAB", "REF", "CRM", "ELI", "PTY", "REL", "INS", "SEP", "RAD", "HRI", "AGR", "ENV", "MOD", "ACT", "DEV", "IND"]);
const LOCATIVE = new Set(["in", "near", "at", "outside", "inside", "around", "across", "throughout", "on"]);

function ref(m: Mention, country: string | null, via: string | null): ActorRef {
  // "JNIM militants attacked a town in Burkina Faso": a group that acts across borders is the rebels of the place
  if (m.local && country && via?.startsWith("place ") && m.country && country !== m.country) {
    m.inferred = via;
    return { text: m.text, code: country + m.code.slice(3), country, sector: m.sector };
  }
  if (!m.country && country && m.sector && DOMESTIC.has(m.sector)) {
    m.inferred = via ?? undefined;
    return { text: m.text, code: country + m.sector, country, sector: m.sector };
  }
  return { text: m.text, code: m.code, country: m.country, sector: m.sector };
}

/** The sentence's places, the one nearest the act first: after its verb (where "in Dhaka" stands) before those
 *  ahead of it ("... fled to India as protesters stormed her residence in Dhaka"). */
function nearestFirst(places: readonly PlaceMention[], verbStart: number, verbEnd: number): PlaceMention[] {
  // a place in a locative phrase ("in Dhaka", "near Gao") says where before one that says whither or whose ("to India")
  const rank = (p: PlaceMention) => (p.prep && LOCATIVE.has(p.prep) ? 0 : 1000) + (p.start >= verbEnd ? p.start - verbEnd : verbStart - p.end + 3);
  return [...places].sort((a, b) => rank(a) - rank(b));
}

function dominantCountry(doc: Doc): string | null {
  const n = new Map<string, number>();
  // "the northern Mexican city": a demonym before a thing still says where the story is, at half weight
  for (const ms of doc.mentions) for (const m of ms) if (m.country) n.set(m.country, (n.get(m.country) ?? 0) + (m.modifier ? 0.5 : 1));
  let best: string | null = null;
  let max = 0;
  for (const [c, k] of n) if (k > max) [best, max] = [c, k];
  return best;
}

export function createRecordStage(onto: Ontology, gaz: Gazetteer) {
  return defineStage({
    name: "record",
    requires: ["events", "attribution", "places", "dates", "mentions"],
    assigns: ["records"],
    run(doc: Doc): Doc {
      const records: CodedEvent[] = [];
      const dateline = doc.dateline ? gaz.lookup(doc.dateline.place.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()))[0] ?? null : null;
      const dominant = dominantCountry(doc);
      const seen = new Set<string>();
      // "An Israeli air strike on a school in Gaza killed 14; the military said ...": a bare "the military" acting
      // belongs to the state whose forces act in the sentence, not to the place they strike (sources only: a bare
      // "troops" hit in a place are that place's)
      const forceOf = new Map<number, { country: string; text: string }>();
      for (const e of doc.events) {
        if (e.dropped || !e.source?.country || forceOf.has(e.sentence) || !["15", "17", "18", "19", "20"].includes(e.code.slice(0, 2))) continue;
        if (e.source.sector === null || e.source.sector === "MIL") forceOf.set(e.sentence, { country: e.source.country, text: e.source.text });
      }
      const fights = new Map<Mention, Mention>();
      const refOf = (m: Mention, ctx: string | null, via: string | null, sentence: number, hasPlace: boolean, target: Mention | null): ActorRef => {
        const force = forceOf.get(sentence);
        if (!m.country && m.sector === "MIL" && force) return ref(m, force.country, `the forces acting in the sentence (${force.text})`);
        // "Tuareg rebels killed dozens of Malian soldiers": with no place named, bare rebels fight the state whose
        // forces or government they hit, not the article's most-mentioned country
        if (!m.country && !hasPlace && (m.sector === "REB" || m.sector === "CRM") && target?.country && ["MIL", "GOV", "COP"].includes(target.sector ?? "")) {
          fights.set(m, target);
          return ref(m, target.country, `the state it fights (${target.text})`);
        }
        // ... and in the sentence's other events too ("... killed Malian soldiers in fighting near ...")
        const fought = fights.get(m);
        if (fought?.country) return ref(m, fought.country, `the state it fights (${fought.text})`);
        // "Scholz said his government was weighing ...": an actor named by a possessive pronoun is its owner's
        if (!m.country && m.start > 0 && POSSESSIVES.has(doc.sentences[sentence].tokens[m.start - 1].lower)) {
          const owner = [...(doc.mentions[sentence] ?? [])].reverse().find((x) => x.end < m.start && x.country && x.end >= m.start - 12);
          if (owner) return ref(m, owner.country, `its owner (${owner.text})`);
        }
        return joinedRef(m, sentence) ?? ref(m, ctx, via);
      };
      // "Venezuela's government and the opposition signed ... in Bridgetown": a bare domestic actor joined by "and" to
      // one of a known country is of that country, not of the place where they met
      const joinedRef = (m: Mention, sentence: number): ActorRef | null => {
        if (m.country || !m.sector || !DOMESTIC.has(m.sector)) return null;
        const toks = doc.sentences[sentence].tokens;
        const joins = (a: number, b: number) => b > a && toks.slice(a, b).some((t) => t.lower === "and") && toks.slice(a, b).every((t) => t.lower === "and" || t.lower === "the");
        const partner = (doc.mentions[sentence] ?? []).find((x) => x !== m && !!x.country && (joins(x.end, m.start) || joins(m.end, x.start)));
        return partner ? ref(m, partner.country, `the actor it is joined to (${partner.text})`) : null;
      };
      for (const e of doc.events) {
        if (e.dropped || !e.source) continue;
        const s = doc.sentences[e.sentence];
        // (a place that is the act's target, "blamed on Israel", says whom the act is about, not where)
        const places = nearestFirst((doc.places[e.sentence] ?? []).filter((p) => !e.target || p.end <= e.target.start || p.start >= e.target.end), e.verbStart, e.verbEnd);
        const withCountry = places.find((p) => p.country);
        const placeCountry = withCountry?.country ?? null;
        const [ctx, via] = withCountry && placeCountry
          ? [placeCountry, `place ${withCountry.name}`]
          : dateline?.country
            ? [dateline.country, `dateline ${doc.dateline!.place}`]
            : [dominant, dominant ? "the article's most-mentioned country" : null];
        const source = refOf(e.source, ctx, via, e.sentence, !!placeCountry, e.target);
        // unnamed protesters with no country known say nothing of where the protest was
        if (e.crowd && !source.country) continue;
        let target = e.target ? (joinedRef(e.target, e.sentence) ?? ref(e.target, ctx, via)) : null;
        // with no actor named as its object, whom the act is done to by CAMEO's conventions ("struck nine sites in
        // Pakistan" → PAK, "declared martial law" → its own country, "rallied in Minsk" → BLRGOV)
        const implicit = target ? null : implicitTarget(onto, e, places, source);
        if (implicit) target = implicit.target;
        const key = `${e.sentence}|${e.code}|${source.code}|${target?.code ?? ""}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = onto.nearest(e.code)!;
        const date = doc.dates[e.sentence]?.find((d) => d.role === "event")?.date ?? doc.published;
        const placed = places.find((p) => p.prep && LOCATIVE.has(p.prep)) ?? places[0] ?? null;
        let location: Place | null = placed ? { name: placed.name, country: placed.country, admin1: placed.admin1, lat: placed.lat, lon: placed.lon } : null;
        if (!location && dateline && (dateline.country === source.country || dateline.country === target?.country)) {
          location = { name: dateline.name, country: dateline.country, admin1: dateline.admin1, lat: dateline.lat, lon: dateline.lon };
        }
        const toks = s.tokens;
        const verbSpan: [number, number] = [toks[e.verbStart].start, toks[e.verbEnd - 1].end];
        const att = doc.attribution[e.sentence];
        const id = createHash("sha1").update(`${doc.article.id}\u0000${e.sentence}\u0000${e.verbStart}\u0000${e.code}\u0000${source.code}\u0000${target?.code ?? ""}`).digest("hex").slice(0, 16);
        records.push({
          id,
          doc: doc.article.id,
          sentence: e.sentence,
          text: s.text,
          date,
          code: e.code,
          root: e.code.slice(0, 2),
          quad: entry.quad,
          goldstein: entry.goldstein,
          plover: entry.plover,
          acled: entry.acled,
          source,
          target,
          location,
          attribution: att?.chain ?? [],
          hedged: att?.hedged ?? false,
          negated: e.negated,
          evidence: {
            verb: doc.text.slice(verbSpan[0], verbSpan[1]),
            pattern: `${e.pattern} (${e.patternWhere})`,
            spans: {
              source: [e.source.charStart, e.source.charEnd],
              verb: verbSpan,
              target: e.target ? [e.target.charStart, e.target.charEnd] : implicit?.place ? [implicit.place.charStart, implicit.place.charEnd] : null,
            },
          },
          confidence: Math.round(e.confidence * 100) / 100,
        });
      }
      return { ...doc, records };
    },
  });
}
