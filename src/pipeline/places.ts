// Stage places: place names → gazetteer entries (coordinates, country, admin1), disambiguated by context.
import type { Mention, PlaceMention, Sentence, Token } from "../core/types.js";
import type { Gazetteer, GazetteerEntry } from "../lexicon/gazetteer.js";
import type { Doc } from "./doc.js";
import { defineStage } from "./stage.js";

const LOCATIVE = new Set(["in", "near", "at", "outside", "from", "to", "into", "around", "across", "inside", "towards", "toward", "through", "throughout", "between", "of", "on"]);
const PLACE_NOUNS = new Set(["city", "town", "village", "province", "region", "district", "governorate", "state", "county", "capital", "port", "area", "suburb", "neighbourhood", "neighborhood", "camp", "strip", "border"]);
/** Capitalised words that are gazetteer names but rarely places in news prose. */
const NOT_PLACES = new Set(["police", "president", "university", "mobile", "nice", "reading", "split", "march", "may", "june", "april", "august", "university", "union", "independence", "liberty", "victory", "justice", "unity", "progress", "hope", "concord", "eagle", "orange", "jordan", "chad", "georgia", "turkey", "guinea", "sale", "bath", "of", "the", "a", "aden", "west", "east", "north", "south", "central", "western", "eastern", "northern", "southern", "upper", "lower", "new", "greater", "grad", "colonia", "bani"]);
/** Of those, the towns a locative word makes places: "in Aden", "in Nice", "near Split" (but "Aden Duale said"). */
const PLACES_AFTER_LOCATIVE = new Set(["aden", "nice", "split", "reading", "bath", "mobile", "sale"]);
const BIG_CITY = 500_000;
/** Verbs whose object is a place when it is a gazetteer name ("rebels seized Goma", "troops retook Kherson"). */
const DIRECTIONS = new Set(["northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "northeast", "northwest", "southeast", "southwest"]);
const TAKEN = new Set(["capture", "captured", "seize", "seized", "overrun", "overran", "retake", "retook", "retaken", "recapture", "recaptured", "storm", "stormed", "enter", "entered", "entering"]);

function isCap(t: Token): boolean {
  return /^[A-Z]/.test(t.text);
}

/** A namesake in a country the sentence names is the place, unless the best-known one dwarfs it: "the U.S. embassy
 *  in Cairo" is in Egypt's Cairo (7.7 million), not Cairo, Illinois (2,500). A country the sentence states for the
 *  place itself ("Palma in northern Mozambique") always wins. */
const DWARFED = 50;

function choose(cands: readonly GazetteerEntry[], countries: Set<string>, stated: boolean): GazetteerEntry {
  const local = cands.find((c) => c.country && countries.has(c.country));
  return local && (stated || local.population * DWARFED >= cands[0].population) ? local : cands[0];
}

/** The country a sentence states for the place name at [i, end): a country word before "town of", a possessive
 *  country before it, a country right after a comma, or one after "in" ("Palma in northern Mozambique"). Null when
 *  it states none. */
function statedCountry(toks: readonly Token[], mentions: readonly Mention[], i: number, end: number): string | null {
  const countryAt = (pred: (m: Mention) => boolean) => mentions.find((m) => m.kind === "country" && !!m.country && m.code.length === 3 && pred(m))?.country ?? null;
  if (toks[i - 1]?.lower === "of" && PLACE_NOUNS.has(toks[i - 2]?.lemma ?? "")) {
    const c = countryAt((m) => m.end <= i - 2 && m.end >= i - 4);
    if (c) return c;
  }
  if (toks[i - 1]?.lower === "'s") {
    const c = countryAt((m) => m.end === i - 1);
    if (c) return c;
  }
  if (toks[end]?.lower === ",") return countryAt((m) => m.start === end + 1 && !m.modifier);
  // "the town of Palma in northern Mozambique"
  if (toks[end]?.lower === "in") {
    const at = toks[end + 1]?.pos === "ADJ" ? end + 2 : end + 1;
    return countryAt((m) => m.start === at && !m.modifier);
  }
  return null;
}

export function sentencePlaces(s: Sentence, mentions: readonly Mention[], gaz: Gazetteer, docCountries: Set<string>): PlaceMention[] {
  const toks = s.tokens;
  const out: PlaceMention[] = [];
  const local = new Set<string>(mentions.map((m) => m.country).filter((c): c is string => !!c));
  for (const c of docCountries) local.add(c);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    // (an acronym inside a sentence names no town: "students of the FES campus", "the CCH"; a dateline's "GAZA" opens it)
    if (!isCap(t) || t.pos === "PUNCT" || (i > 0 && /^[A-Z]{2,4}$/.test(t.text))) {
      i++;
      continue;
    }
    let found: { end: number; name: string; cands: readonly GazetteerEntry[] } | null = null;
    // up to six tokens: "Port - au - Prince", "Bandar Seri Begawan"
    for (let n = Math.min(6, toks.length - i); n >= 1; n--) {
      const span = toks.slice(i, i + n);
      if (!isCap(span[n - 1]) && n > 1 && !/^(ez|el|al|as|ad|an|ar)-/.test(span[n - 1].lower)) continue;
      const name = s.text.slice(span[0].start - s.start, span[n - 1].end - s.start);
      const cands = gaz.lookup(name);
      if (cands.length) {
        found = { end: i + n, name, cands };
        break;
      }
    }
    if (!found) {
      i++;
      continue;
    }
    const prev = toks[i - 1];
    const next = toks[found.end];
    // "in Goma", "in the north", "in northern Mozambique"
    const prevLoc = !!prev && (LOCATIVE.has(prev.lower) || ((prev.lower === "the" || DIRECTIONS.has(prev.lower)) && LOCATIVE.has(toks[i - 2]?.lower ?? "")));
    // a town taken, not a country ("seized Iraq's second city" names the city after)
    const taken = !!prev && TAKEN.has(prev.lower);
    const ofPlace = prev?.lower === "of" && PLACE_NOUNS.has(toks[i - 2]?.lemma ?? "");
    const nextPlaceNoun = !!next && PLACE_NOUNS.has(next.lemma);
    const actor = mentions.find((m) => m.start <= i && m.end > i && !m.modifier);
    // the sentence may say the country outright: "the northern Mozambican town of Palma", "Syria's Idlib",
    // "Moura, Mali"; a gazetteer namesake elsewhere (Palma, Spain) is then not the place
    const stated = statedCountry(toks, mentions, i, found.end);
    let best = choose(found.cands, stated ? new Set([stated]) : local, !!stated);
    if (stated && best.country !== stated) {
      best = { ...best, name: found.name, country: stated, admin1: null, lat: null, lon: null, population: 0, kind: "city" };
    }
    const lower = toks.slice(i, found.end).map((x) => x.lower).join(" ");
    const ok =
      (!NOT_PLACES.has(lower) || (PLACES_AFTER_LOCATIVE.has(lower) && prevLoc && prev.lower !== "of")) &&
      (prevLoc || taken || ofPlace || nextPlaceNoun || best.kind === "region" || (best.population >= BIG_CITY && !actor && i > 0)) &&
      !(actor && actor.kind !== "country" && !prevLoc && !taken);
    if (ok && !(best.kind === "country" && !prevLoc)) {
      // for the verb patterns' @place ("192 capture @place")
      toks[i].place = true;
      out.push({
        name: best.name,
        country: best.country,
        admin1: best.admin1,
        lat: best.lat,
        lon: best.lon,
        start: i,
        end: found.end,
        charStart: toks[i].start,
        charEnd: toks[found.end - 1].end,
        prep: prev ? prev.lower : null,
      });
    }
    i = found.end;
  }
  return out;
}

export function createPlacesStage(gaz: Gazetteer) {
  return defineStage({
    name: "places",
    requires: ["sentences", "mentions"],
    assigns: ["places"],
    run(doc: Doc): Doc {
      const docCountries = new Set<string>();
      for (const ms of doc.mentions) for (const m of ms) if (m.country) docCountries.add(m.country);
      const places = doc.sentences.map((s) => (s.caption ? [] : sentencePlaces(s, doc.mentions[s.index] ?? [], gaz, docCountries)));
      return { ...doc, places };
    },
  });
}
