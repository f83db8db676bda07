// Stage actors: mentions of countries, agents, people and organisations → CAMEO actor codes.
import type { Mention, Sentence, Token } from "../core/types.js";
import { splitCode, type ActorEntry, type ActorLexicon } from "../lexicon/actors.js";
import type { Doc } from "./doc.js";
import { defineStage } from "./stage.js";

/** Head nouns that take their sector from the word before ("military spokesman" → MIL). */
const GENERIC_HEADS = new Set([
  "official", "spokesman", "spokesperson", "spokeswoman", "officer", "member", "leader", "commander", "chief",
  "head", "representative", "source", "aide", "adviser", "advisor", "envoy", "minister", "personnel", "staff", "unit",
]);
/** "recalled its ambassador from Moscow", "the envoy to Beijing": a capital after an envoy's "from" or "to" is the
 *  government the envoy is accredited to, not a place. */
const ENVOYS = new Set(["ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "chargé", "charge", "consul", "emissary"]);
function envoyPost(toks: readonly Token[], prep: number): boolean {
  if (toks[prep].lower !== "from" && toks[prep].lower !== "to") return false;
  return prep > 0 && ENVOYS.has(toks[prep - 1].lower);
}
/** Nouns of what one state says or does to another, after which "from" and a capital name the state: "a rebuke from
 *  Beijing". */
const SAID_FROM = new Set(["rebuke", "criticism", "condemnation", "protest", "response", "warning", "reaction", "pressure", "demand", "request", "call", "threat", "objection", "backlash", "ire", "anger", "outrage", "approval", "support", "invitation", "offer", "message", "statement", "complaint", "censure", "flak", "retaliation", "opposition", "resistance"]);
const LOCATIVE = new Set(["in", "at", "to", "from", "near", "outside", "into", "across", "around", "via", "toward", "towards", "inside", "through", "within", "throughout"]);
const HONORIFIC = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.", "general", "col", "col.", "lt", "lt.", "maj", "maj.", "capt", "capt.", "sheikh", "sheik", "ayatollah", "sen", "sen.", "rep", "rep.", "gov", "gov.", "prince", "king", "queen", "pope", "imam", "cleric"]);
/** Things whose owner is the actor: an attack on "a US military base" is an attack on the US military. */
const FACILITIES = new Set(["base", "convoy", "post", "patrol", "checkpoint", "headquarters", "compound", "camp", "position", "vehicle", "outpost", "installation", "facility", "airbase", "barracks", "jet", "aircraft", "plane", "helicopter", "drone", "ship", "vessel", "warship", "academy", "court", "building"]);
const KIND_ORDER: Record<string, number> = { dictionary: -1, person: 0, organization: 1, metonym: 2, country: 3, demonym: 4, agent: 5 };

interface Raw {
  start: number;
  end: number;
  entry: ActorEntry;
}

function isCap(t: Token): boolean {
  return /^[A-Z]/.test(t.text);
}

function acceptable(e: ActorEntry, toks: readonly Token[], start: number, end: number): boolean {
  const first = toks[start];
  if (e.exact) {
    const surface = toks.slice(start, end).map((t) => t.text).join(" ");
    if (surface !== e.exact && surface.replace(/ /g, "") !== e.exact.replace(/ /g, "")) return false;
  }
  if (e.proper && !isCap(first)) return false;
  if (e.kind === "agent") {
    const last = toks[end - 1];
    // "would not hesitate to use force": force used is a means, not an actor
    if (end - start === 1 && first.lemma === "force" && toks[start - 1]?.lemma === "use") return false;
    // "a US military base": the role word as a modifier of a facility stands for its owner
    const facility = last.pos === "ADJ" && end < toks.length && (FACILITIES.has(toks[end].lemma) || GENERIC_HEADS.has(toks[end].lemma));
    // "Israel's military said", "the militants fled": a role word tagged as an adjective heads its phrase when no
    // noun follows it
    const head = last.pos === "ADJ" && !["NOUN", "PROPN", "ADJ", "NUM"].includes(toks[end]?.pos ?? "");
    if (last.pos !== "NOUN" && last.pos !== "PROPN" && !facility && !head) return false;
  }
  // (but "a rebuke from Beijing", "pressure from Washington": a capital after "from" and a word of what states say or
  // do to others is the state)
  const said = toks[start - 1]?.lower === "from" && SAID_FROM.has(toks[start - 2]?.lemma ?? "");
  if (e.kind === "metonym" && start > 0 && LOCATIVE.has(toks[start - 1].lower) && !envoyPost(toks, start - 1) && !said) return false;
  return true;
}

function rawMentions(toks: readonly Token[], lex: ActorLexicon): Raw[] {
  const out: Raw[] = [];
  let i = 0;
  while (i < toks.length) {
    const m = lex.trie.longest(toks, i, true);
    if (m) {
      const ok = m.values.filter((e) => acceptable(e, toks, m.start, m.end)).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
      if (ok.length) {
        out.push({ start: m.start, end: m.end, entry: ok[0] });
        i = m.end;
        continue;
      }
    }
    i++;
  }
  return out;
}

function properRun(toks: readonly Token[], start: number): number {
  // end (exclusive) of a run of capitalised proper-noun tokens from start
  let j = start;
  while (j < toks.length && toks[j].pos === "PROPN" && isCap(toks[j]) && j - start < 5) j++;
  return j;
}

/** Are tokens [from, to) at most three modifiers of a noun phrase: 's, adjectives, nouns, numbers (and
 *  determiners when `det`)? */
function modifiersOnly(toks: readonly Token[], from: number, to: number, det: boolean): boolean {
  if (to - from > 3) return false;
  for (let j = from; j < to; j++) {
    const t = toks[j];
    if (t.lower === "'s" || t.lower === "’s" || t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || (det && t.pos === "DET")) continue;
    return false;
  }
  return true;
}

function make(s: Sentence, start: number, end: number, kind: Mention["kind"], code: string, country: string | null, sector: string | null): Mention {
  const toks = s.tokens;
  return {
    text: s.text.slice(toks[start].start - s.start, toks[end - 1].end - s.start),
    code,
    country,
    sector,
    start,
    end,
    charStart: toks[start].start,
    charEnd: toks[end - 1].end,
    kind,
  };
}

function codeOf(country: string | null, sector: string | null): string {
  return (country ?? "") + (sector ?? "") || "UNK";
}

/** The sector of agents.txt phrases that name things, not actors. */
export const NOT_AN_ACTOR = "NON";

/** Mentions of one sentence, composed from the raw lexicon matches. */
export function sentenceMentions(s: Sentence, lex: ActorLexicon, date: string | null): Mention[] {
  const toks = s.tokens;
  const raws = rawMentions(toks, lex);
  const out: Mention[] = [];
  let k = 0;
  // tokens allowed between a country and its agent: 's, adjectives, nouns that are not actors ("Iraqi security forces")
  const gapOk = (from: number, to: number): boolean => modifiersOnly(toks, from, to, false);
  while (k < raws.length) {
    const r = raws[k];
    const e = r.entry;
    // "a passenger jet", "executive orders": a thing whose name holds an actor word is no actor
    if (e.kind === "agent" && e.sector === NOT_AN_ACTOR) {
      k++;
      continue;
    }
    if (e.concat) {
      k = dictionaryMention(s, raws, k, lex, date, out);
      continue;
    }
    let start = r.start;
    let end = r.end;
    let country = e.country;
    let sector = e.sector;
    let code = e.code;
    let kind: Mention["kind"] = e.kind === "demonym" || e.kind === "metonym" ? "country" : e.kind === "organization" ? "organization" : e.kind === "person" ? "person" : e.kind === "agent" ? "agent" : "country";
    // people by their term of office, organisations by the code they had at the date ("the Taliban" from August 2021)
    if (e.kind === "person" || e.kind === "organization") ({ code, country, sector } = lex.resolve(e, date));
    const org = e.kind === "organization" ? { code, sector } : null;
    k++;
    // country/organisation + agents (+ person): "Iraq's prime minister", "Syrian government forces", "U.S. President Trump"
    let agentSector: string | null = e.kind === "agent" ? e.sector : null;
    let lastAgentHead: string | null = e.kind === "agent" ? toks[r.end - 1].lemma : null;
    // "Peru's Congress": an institution another country also has takes the possessive's country
    if (k < raws.length && (e.kind === "country" || e.kind === "metonym") && country) {
      const n = raws[k];
      const gap = toks.slice(end, n.start).map((t) => t.lower);
      if (n.entry.kind === "organization" && n.entry.sector && n.entry.country && n.entry.country !== country && gap.length === 1 && (gap[0] === "'s" || gap[0] === "’s")) {
        sector = n.entry.sector;
        code = country + sector;
        kind = "agent";
        end = n.end;
        k++;
      }
    }
    while (k < raws.length && (raws[k].entry.kind === "agent" || raws[k].entry.kind === "person") && gapOk(end, raws[k].start)) {
      const n = raws[k];
      if (n.entry.kind === "person") {
        const p = lex.resolve(n.entry, date);
        code = p.code;
        country = p.country ?? country;
        sector = p.sector;
        // "opposition leader Raila Odinga", "President X" outside every term the lexicon knows: the title says
        // what the person is at the article's date ("former President X" stays an elite)
        const former = toks.slice(Math.max(0, start - 2), n.start).some((t) => t.lower === "former" || t.lower === "ex" || t.lower === "ex-");
        if (p.sector === "ELI" && agentSector && country && !former) {
          sector = agentSector;
          code = codeOf(country, sector);
        }
        kind = "person";
        agentSector = null;
        end = n.end;
        k++;
        break;
      }
      const head = toks[n.end - 1].lemma;
      if (agentSector && GENERIC_HEADS.has(head)) {
        // "military spokesman": keep MIL
      } else agentSector = n.entry.sector;
      lastAgentHead = head;
      end = n.end;
      k++;
    }
    if (agentSector) {
      sector = agentSector;
      if (kind !== "organization") kind = "agent";
      if (org) {
        // "Hamas official" stays Hamas; "UN peacekeepers" stays UN
        sector = org.sector;
      }
      code = org ? org.code : codeOf(country, sector);
    }
    // agent + of/for/from + country/organisation: "the president of France", "a spokesman for the Taliban", "gunmen from
    // Islamic State West Africa Province"
    if (e.kind === "agent" && k < raws.length) {
      const n = raws[k];
      const between = toks.slice(end, n.start).map((t) => t.lower);
      if (between.length >= 1 && between.length <= 2 && ["of", "for", "from"].includes(between[0]) && (between.length === 1 || between[1] === "the")) {
        if (n.entry.kind === "organization") {
          ({ code, country, sector } = lex.resolve(n.entry, date));
          kind = "organization";
        } else if (n.entry.kind === "country" || n.entry.kind === "demonym") {
          country = n.entry.country;
          code = codeOf(country, sector);
        } else if (n.entry.kind === "metonym") {
          country = n.entry.country;
          code = codeOf(country, sector);
        }
        end = n.end;
        k++;
      }
    }
    // a title followed by an unknown name: "Foreign Minister Hossein Amir-Abdollahian", "Gen. Ahmed Ali"
    if ((kind === "agent" || kind === "country") && end < toks.length && toks[end].pos === "PROPN" && isCap(toks[end]) && lastAgentHead !== null) {
      const j = properRun(toks, end);
      if (j > end && !raws.some((x) => x.start >= end && x.start < j)) end = j;
    }
    // a demonym before a noun that is not an actor is an adjective for a thing ("Iraqi villages")
    let modifier = false;
    if (e.kind === "demonym" && end === r.end && end < toks.length && (toks[end].pos === "NOUN" || toks[end].pos === "ADJ") && !/s$/.test(toks[r.start].lower)) {
      modifier = true;
    }
    // a bare country name in a compound noun ("Iraq war", "U.S. air strike") modifies a thing; it is an actor
    // only where the thing acts ("a U.S. air strike hit ...") — the events stage decides
    if (e.kind === "country" && end === r.end && end < toks.length && toks[end].pos === "NOUN" && !(raws[k] && raws[k].start === end)) {
      modifier = true;
    }
    const mention = make(s, start, end, kind, code, country, sector);
    if (e.local && code === e.code) mention.local = true;
    if (modifier) mention.modifier = true;
    else if (e.kind === "demonym" && end === r.end && sector === null && /s$/.test(toks[end - 1].lower)) mention.people = true;
    out.push(mention);
  }
  // honorifics and unknown names before a known surname ("Gen. Qassem Soleimani" is matched by the lexicon;
  // "Mr. Smith, a senior Hamas official," comes through the apposition below)
  // apposition: "Hossein Dehghan, a former IRGC commander," → the name takes the appositive's code
  for (let m = 0; m < out.length; m++) {
    const app = out[m];
    const comma = app.start - 1;
    let det = comma;
    // skip determiners and adjectives back to the comma
    while (det >= 0 && toks[det].lower !== ",") {
      const t = toks[det];
      if (!(t.pos === "DET" || t.pos === "ADJ" || t.lower === "former" || t.lower === "senior" || t.lower === "top" || t.lower === "then")) break;
      det--;
    }
    if (det < 1 || toks[det].lower !== ",") continue;
    // a known person out of office ("Hossein Dehghan, a former IRGC commander,") takes the appositive's role too:
    // it says what the person is at the article's date better than the elite code of a past term
    const known = out.find((o) => o.end === det && o.kind === "person" && o.sector === "ELI");
    if (known && app.sector && !(toks[app.end] && (toks[app.end].pos === "VERB" || toks[app.end].pos === "AUX"))) {
      out.splice(m, 1, { ...known, code: app.code, country: app.country, sector: app.sector });
      out.splice(out.indexOf(known), 1);
      m--;
      continue;
    }
    // the name before the comma: a proper-noun run not already a mention
    let nameEnd = det;
    let nameStart = nameEnd;
    while (nameStart > 0 && toks[nameStart - 1].pos === "PROPN" && isCap(toks[nameStart - 1]) && nameEnd - nameStart < 5) nameStart--;
    if (nameStart > 0 && HONORIFIC.has(toks[nameStart - 1].lower)) nameStart--;
    if (nameStart === nameEnd) continue;
    if (out.some((o) => o.start < nameEnd && o.end > nameStart)) continue;
    // "on Friday, officials said": a day or a month is no name
    if (toks.slice(nameStart, nameEnd).some((t) => CALENDAR.test(t.lower))) continue;
    if (!app.sector && app.kind !== "organization") continue;
    // "... near Damascus, Amnesty International said": a speaker after a comma, not an appositive
    const after = toks[app.end];
    if (after && (after.pos === "VERB" || after.pos === "AUX")) continue;
    const named = make(s, nameStart, nameEnd, "person", app.code, app.country, app.sector);
    out.splice(m, 1, named);
  }
  shareCoordination(out, toks);
  ofOwner(out, toks);
  hyphenLed(out, toks);
  return out;
}

/** "US-led forces", "Saudi-led coalition warplanes": forces another state leads are coded as that state's; "Iran-backed
 *  militia": a state that backs a group only describes it. Either way the state before the hyphen is no actor here. */
function hyphenLed(out: Mention[], toks: readonly Token[]): void {
  for (let m = 0; m + 1 < out.length; m++) {
    const a = out[m];
    const b = out[m + 1];
    if (!a.country || a.sector || toks[a.end]?.lower !== "-" || !["led", "backed", "supported", "sponsored", "allied"].includes(toks[a.end + 1]?.lower ?? "")) continue;
    if (b.start < a.end + 2 || b.start > a.end + 4 || !toks.slice(a.end + 2, b.start).every((t) => t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "PROPN")) continue;
    a.modifier = true;
    if (toks[a.end + 1].lower === "led" && !b.country && b.sector && b.kind === "agent") {
      b.country = a.country;
      b.code = a.country + b.sector;
    }
  }
}

/** "the government of President Nicolas Maduro", "the army of Mali's junta": a role with no country takes that of
 *  the actor its "of" phrase names. */
function ofOwner(out: Mention[], toks: readonly Token[]): void {
  for (let m = 0; m + 1 < out.length; m++) {
    const a = out[m];
    const b = out[m + 1];
    if (a.kind !== "agent" || a.country || !a.sector || !b.country || b.modifier) continue;
    const between = toks.slice(a.end, b.start).map((t) => t.lower);
    const ofInside = b.start === a.end && toks.slice(a.start, a.end).some((t) => t.lower === "of");
    if (!ofInside && !(between[0] === "of" && (between.length === 1 || (between.length === 2 && between[1] === "the")))) continue;
    a.country = b.country;
    a.code = b.country + a.sector;
  }
}

/** Appends an agent code the PETRARCH way: after (or, for `NGO~` agents, before) the code, once. */
function withAgent(code: string, agent: ActorEntry): string {
  if (!agent.sector || code.includes(agent.sector)) return code;
  return agent.prefix ? agent.sector + code : code + agent.sector;
}

/** A mention from PETRARCH dictionary entries: an actor with the agents around it ("the Arnor foreign
 *  minister", "activists in Arnor", "an NGO Arnor diplomat"), or agents alone. Returns the next raw index. */
function dictionaryMention(s: Sentence, raws: Raw[], k: number, lex: ActorLexicon, date: string | null, out: Mention[]): number {
  const toks = s.tokens;
  // between dictionary actor and agents, determiners are allowed as well
  const near = (a: number, b: number): boolean => modifiersOnly(toks, a, b, true);
  const start = raws[k].start;
  let end = raws[k].end;
  let actor: ActorEntry | null = null;
  const agents: ActorEntry[] = [];
  const take = (e: ActorEntry) => {
    if (e.kind === "agent") agents.push(e);
    else if (!actor) actor = e;
    else return false;
    return true;
  };
  take(raws[k].entry);
  k++;
  // a run of actor and agents with only modifiers between them
  while (k < raws.length && raws[k].entry.concat && near(end, raws[k].start) && (raws[k].entry.kind === "agent" || !actor || (agents.length && raws[k].start === end))) {
    // "Bree Prime Minister Romendacil": a name right after the title belongs to the same actor
    if (raws[k].entry.kind !== "agent" && actor) {
      end = raws[k].end;
      k++;
      continue;
    }
    take(raws[k].entry);
    end = raws[k].end;
    k++;
  }
  // agents + of/in/for + actor: "the minister of Arnor", "activists in Arnor"
  if (!actor && k < raws.length && raws[k].entry.concat && raws[k].entry.kind !== "agent") {
    const between = toks.slice(end, raws[k].start).map((t) => t.lower);
    if (between.length >= 1 && between.length <= 2 && ["of", "in", "for", "from"].includes(between[0]) && (between.length === 1 || between[1] === "the")) {
      actor = raws[k].entry;
      end = raws[k].end;
      k++;
    }
  }
  const a = actor as ActorEntry | null;
  let code = a ? lex.resolve(a, date).code : "";
  for (const g of agents) code = withAgent(code, g);
  if (!code) return k;
  const cs = splitCode(code, lex.countries);
  out.push(make(s, start, end, a && code.length === 3 ? "country" : a ? "organization" : "agent", code, cs.country, cs.sector));
  return k;
}


const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)$/;

/** Coordinated actors share what one of them spells out: "U.S. and British warplanes" are both military;
 *  in "British warplanes and warships" the warships are British too. */
function shareCoordination(out: Mention[], toks: readonly Token[]): void {
  for (let m = 0; m + 1 < out.length; m++) {
    const a = out[m];
    const b = out[m + 1];
    if (b.start !== a.end + 1 || toks[a.end].lower !== "and" || a.modifier || b.modifier) continue;
    if (a.kind === "country" && !a.sector && a.country && b.kind === "agent" && b.country && b.sector && toks[b.start].pos !== "NOUN") {
      a.sector = b.sector;
      a.code = a.country + b.sector;
      a.kind = "agent";
    } else if (a.kind === "agent" && a.country && a.sector && b.kind === "agent" && !b.country && b.sector) {
      b.country = a.country;
      b.code = a.country + b.sector;
    }
  }
}

const PRONOUNS = new Set(["he", "she", "him"]);
/** Nouns by which news refers back to an organisation it has named: "Al Shabaab ... the group said". */
const GROUP_NOUNS = new Set(["group", "movement", "organisation", "organization", "militia", "faction", "outfit"]);

/** "the group", "the militant group", "the Islamist movement": the span of such a back-reference starting at i, or -1. */
function groupReferenceEnd(toks: readonly Token[], i: number): number {
  if (toks[i]?.lower !== "the") return -1;
  let j = i + 1;
  // ("the militant group", "the Islamist movement"; "the Wagner group" is a name, not a reference)
  if (toks[j] && toks[j].pos === "ADJ" && (toks[j].text === toks[j].lower || /^Islam|^Jihad/.test(toks[j].text)) && GROUP_NOUNS.has(toks[j + 1]?.lower ?? "")) j++;
  return GROUP_NOUNS.has(toks[j]?.lower ?? "") && toks[j + 1]?.lower !== "of" ? j + 1 : -1;
}
const POSSESSIVE = new Set(["its", "their"]);

/** "Israel said its jets struck ...": an agent after its/their belongs to the country named before it in the sentence. */
function ownedAgents(ms: Mention[], toks: readonly Token[]): void {
  for (const m of ms) {
    if (m.kind !== "agent" || m.country || !m.sector) continue;
    let j = m.start - 1;
    while (j >= 0 && (toks[j].pos === "ADJ" || toks[j].pos === "NUM")) j--;
    if (j < 0 || !POSSESSIVE.has(toks[j].lower)) continue;
    const owner = [...ms].reverse().find((o) => o.end <= j && o.country && !o.modifier);
    if (!owner) continue;
    m.country = owner.country;
    m.code = owner.country + m.sector;
  }
}

export function createActorsStage(lex: ActorLexicon) {
  return defineStage({
    name: "actors",
    requires: ["sentences", "published"],
    assigns: ["mentions"],
    run(doc: Doc): Doc {
      const mentions: Mention[][] = [];
      let lastPerson: Mention | null = null;
      let lastPersonAt = -10;
      let lastGroup: Mention | null = null;
      let lastGroupAt = -10;
      for (const s of doc.sentences) {
        let ms = s.caption ? [] : sentenceMentions(s, lex, doc.published);
        // "the group", "the militant group" → the organisation last named, in this sentence or the three before
        for (let i = 0; i < s.tokens.length; i++) {
          const end = groupReferenceEnd(s.tokens, i);
          if (end < 0) continue;
          const before = ms.filter((m) => m.end <= i && m.kind === "organization" && !m.modifier);
          const ante = before.length ? before[before.length - 1] : s.index - lastGroupAt <= 3 ? lastGroup : null;
          if (!ante) continue;
          // (a bare role word inside the reference, "armed group", gives way to it)
          ms = ms.filter((m) => m.end <= i || m.start >= end);
          const t0 = s.tokens[i];
          const t1 = s.tokens[end - 1];
          ms.push({ ...ante, text: s.text.slice(t0.start - s.start, t1.end - s.start), start: i, end, charStart: t0.start, charEnd: t1.end, modifier: undefined });
          i = end - 1;
        }
        // he/she → the last person mentioned within the previous two sentences
        for (const t of s.tokens) {
          if (!PRONOUNS.has(t.lower) || t.pos !== "PRON") continue;
          const before = ms.filter((m) => m.end <= t.i && m.kind === "person");
          const ante = before.length ? before[before.length - 1] : s.index - lastPersonAt <= 2 ? lastPerson : null;
          if (ante) ms.push({ ...ante, text: t.text, start: t.i, end: t.i + 1, charStart: t.start, charEnd: t.end });
        }
        ms.sort((a, b) => a.start - b.start);
        ownedAgents(ms, s.tokens);
        for (const m of ms) {
          if (m.kind === "person" && !PRONOUNS.has(m.text.toLowerCase())) {
            lastPerson = m;
            lastPersonAt = s.index;
          }
          if (m.kind === "organization" && !m.modifier) {
            lastGroup = m;
            lastGroupAt = s.index;
          }
        }
        mentions.push(ms);
      }
      return { ...doc, mentions };
    },
  });
}
