// Stage events: verb patterns over shallow syntax → CAMEO codes with source and target, modality applied.
import type { Mention, PlaceMention, Sentence, Token } from "../core/types.js";
import type { Ontology, ModalKind } from "../ontology/ontology.js";
import { NULL_CODE, adjectiveAnchor, discardIndex, findDiscard, findPatternMatches, type MentionSpans, type ModalityKind, type PatternMatch, type VerbLexicon } from "../lexicon/verbs.js";
import type { Doc, EventCandidate } from "./doc.js";
import { defineStage } from "./stage.js";
import { POSSESSIVES, isHeadline } from "./tag.js";
import { answeredActs, mediationSides, modifierTargets, swapReleases, unhyphenTargets } from "./event-targets.js";

/** Verbs of judicial killing: a state that executes or hangs someone uses no military force on him. */
const EXECUTE = new Set(["execute", "hang"]);
/** Codes that change with who acts or is acted on, each from an ontology table; applied in this order, each to the code the one before left. */
const RECODINGS: ReadonlyArray<{ why: string; applies: (source: Mention | null, target: Mention | null, verb: string) => boolean; recode: (onto: Ontology, code: string) => string | null }> = [
  // an army removing a leader or dissolving a government stages a coup (by-army.tsv)
  // (one who removes another: a general or a defence minister who resigns removes no one)
  { why: "done by an army", applies: (s, t) => s?.sector === "MIL" && t !== null && t !== s, recode: (o, c) => o.recoded("armyRemoval", c) },
  // a state's armed forces, or the state itself, killing or bombing use conventional military force (state-force.tsv)
  // ("soldiers bombed parliament": an army is a state's even before the record stage finds which)
  // (a state that executes or hangs someone does not wage war on him: "Iran executed a man convicted of spying" stays 1823)
  // ("security forces killed 31 Maoist rebels": police or security forces fighting an armed group use it too)
  { why: "done by state forces", applies: (s, t, verb) => (s?.sector === "MIL" || (!!s?.country && s.sector === null && !s.people) || (s?.sector === "COP" && (t?.sector === "REB" || t?.sector === "UAF"))) && !EXECUTE.has(verb), recode: (o, c) => o.recoded("stateForce", c) },
  // some acts are other acts when a non-state armed actor does them: rebels abduct, they do not arrest (irregular-force.tsv)
  { why: "done by a non-state armed actor", applies: (s) => s?.sector === "REB" || s?.sector === "CRM", recode: (o, c) => o.recoded("irregularForce", c) },
  // violence turned on an armed force is fighting: "militants killed 71 soldiers" (against-forces.tsv)
  { why: "turned on an armed force", applies: (_s, t) => t?.sector === "MIL", recode: (o, c) => o.recoded("againstForces", c) },
  // a crowd storming a building riots (by-crowds.tsv)
  { why: "done by a crowd", applies: (s) => s?.sector === "CVL", recode: (o, c) => o.recoded("crowdForce", c) },
  // police firing on protesters repress (by-police.tsv); police fighting an armed group fight
  // (not on an official, nor on a foreigner: "a police officer shot dead Russia's ambassador" assassinates)
  { why: "police force on civilians", applies: (s, t) => s?.sector === "COP" && !["REB", "MIL", "CRM", "COP", "GOV"].includes(t?.sector ?? "") && !(t?.country && s.country && t.country !== s.country), recode: (o, c) => o.recoded("policeForce", c) },
];
/** The code `code` takes for this source and target (RECODINGS in order), with a note for each change (`verb`: the
 *  lemma of the act's verb, where known). */
function recode(onto: Ontology, code: string, source: Mention | null, target: Mention | null, notes: string[], verb = ""): string {
  for (const r of RECODINGS) {
    const to = r.applies(source, target, verb) ? r.recode(onto, code) : null;
    if (to) {
      notes.push(`${r.why}: ${code} → ${to}`);
      code = to;
    }
  }
  return code;
}

/** A copy of event `e` done by `source` to `target`, recoded for them when its code depends on who acts. */
function recast(onto: Ontology, e: EventCandidate, source: Mention | null, target: Mention | null, note: string): EventCandidate {
  const notes = [...e.notes, note];
  const code = e.actCode ? recode(onto, e.actCode, source, target, notes) : e.code;
  return { ...e, source, target, code, notes };
}

/** Verbs of saying whose that-clause may come without "that": "police said a commando of Colombians had ...". */
const SAY_THAT = new Set(["say", "tell", "report", "claim", "allege", "announce", "confirm", "state", "add", "believe", "insist", "assert", "suggest", "show", "find", "conclude"]);
/** Participles that are adjectives before "to": "is opposed to", "is committed to". */
const STATE_PARTICIPLES = new Set(["opposed", "committed", "determined", "prepared", "dedicated", "devoted", "inclined", "obliged", "entitled", "used", "accustomed", "resigned"]);
/** Verbs of aspect whose object, a nominal act, is done by their subject ("speeded up the withdrawal"). */
const ASPECT = new Set(["commit", "perpetrate", "speed", "accelerate", "hasten", "complete", "finish", "begin", "start", "continue", "resume", "intensify", "expand", "escalate", "step", "ramp", "conduct", "stage", "mount", "undertake", "pursue", "wage", "unleash", "launch", "initiate", "hold", "call", "join", "organise", "organize", "declare", "extend"]);
/** Intent words that report a decision taken, not a plan: "agreed to impose sanctions". */
const DECIDE = new Set(["agree", "agreed", "decide", "decided", "resolve", "resolved", "vote", "voted"]);
/** Statement verbs whose object, a nominal act, is the speaker's own act. */
const ANNOUNCE = new Set(["announce", "declare", "unveil", "proclaim"]);
/** Words after which a gerund is the content of another act ("accused of attacking", "charges including aiding", "barred from entering"). */
const COMPLEMENT = new Set(["of", "for", "about", "on", "against", "toward", "towards", "including", "from"]);
/** A pattern of an accusation told as a finding: "say * be * behind", "say * be * linked to". */
const TOLD_FINDING = /^(say|state|claim|insist|allege|conclude|determine)\b[^*]*\* be \*/;
/** Patterns of a seizure of power (a coup), and the spans of time before "after" that date something by it. */
const SEIZE_POWER = /^seize\|grab\|take \* power$/;
const TIME_SPAN = new Set(["day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"]);
/** Does a span of time told back from the news begin at token j ("two days earlier", "a week ago", "last month")? */
function timeAgo(toks: readonly Token[], j: number): boolean {
  const t = toks[j];
  if (!t) return false;
  if (t.lower === "last" || t.lower === "earlier") return TIME_SPAN.has(toks[j + 1]?.lower ?? "") || t.lower === "earlier";
  return (t.pos === "NUM" || t.lower === "a" || t.lower === "an") && TIME_SPAN.has(toks[j + 1]?.lower ?? "") && ["earlier", "ago", "before"].includes(toks[j + 2]?.lower ?? "");
}
/** Is the verb of event e a participle that describes the noun before it ("a team investigating the origins", "people
 *  killed during the protest") rather than its subject's verb ("Turkey called", "the police arrested")? */
function describesNoun(toks: readonly Token[], e: EventCandidate): boolean {
  const before = toks[e.verbStart - 1];
  if (!before) return false;
  const w = toks[e.verbStart].lower;
  if (/ing$/.test(w)) return before.pos === "NOUN" || before.pos === "PROPN";
  return /ed$/.test(w) && before.pos === "NOUN" && e.source?.end !== e.verbStart;
}
/** The year, two or more before the article's `year`, that an "in"/"during" phrase of the clause of the verb at v gives
 *  ("destroyed by an American atomic bomb in 1945"), or null. The phrase may stand after the match (up to ten words, not
 *  past a comma or another verb) or open the sentence ("In 1988, ..."). */
function pastYearAt(toks: readonly Token[], v: number, end: number, year: number): number | null {
  const yearAt = (j: number) => {
    if (!["in", "during"].includes(toks[j]?.lower ?? "") || !/^(1[89]|20)\d\d$/.test(toks[j + 1]?.text ?? "")) return null;
    const y = Number(toks[j + 1].text);
    return y <= year - 2 ? y : null;
  };
  for (let j = Math.max(v + 1, end - 1); j < Math.min(toks.length - 1, end + 10); j++) {
    if (toks[j].lower === "," || toks[j].lower === ";" || (toks[j].pos === "VERB" && j >= end)) break;
    const y = yearAt(j);
    if (y) return y;
  }
  for (let j = v - 1; j >= 0; j--) {
    if (toks[j].lower === ",") return j === 2 ? yearAt(0) : null;
    if (toks[j].pos === "VERB") return null;
  }
  return null;
}
/** Infinitives of help after "to" that make forces sent abroad an aid ("to help fight", "to support the army"). */
const ASSIST = new Set(["help", "support", "assist", "aid", "bolster", "reinforce", "protect", "defend", "train"]);
/** Nouns of a bargain: what is "struck" with them is agreed, not hit. */
const DEALS = new Set(["deal", "agreement", "accord", "bargain", "compromise", "pact"]);
/** Pronouns that may stand as the subject of a clause told. */
const PRONOUN_SUBJECTS = new Set(["they", "it", "he", "she"]);
/** Words after which "to" opens an infinitive of purpose: verbs of acting and nouns of means. */
const PURPOSE_HEADS = new Set(["act", "acting", "work", "working", "do", "more", "step", "steps", "measures", "efforts", "effort", "action", "actions", "way", "ways", "means", "bid", "attempt", "attempts", "campaign", "drive", "push", "operation", "mission"]);
/** Texts put to a vote or a party: a resolution, a draft, a bill. */
const TEXTS = new Set(["resolution", "draft", "motion", "bill", "text", "amendment", "statement", "declaration", "communique"]);
/** Verbs that keep a text from being adopted. */
const VETO = new Set(["veto", "block", "defeat", "kill", "scuttle", "torpedo"]);
/** Acts only authorities do, so that their passive with no agent is still theirs. */
const AUTHORITIES_ACTS = new Set(["arrest", "detain", "jail", "imprison", "charge", "indict", "sentence", "convict", "deport", "expel", "extradite"]);
/** Verbs of ordering: an order to one's own forces or officials announces an act rather than demanding it. */
const ORDER = new Set(["order", "instruct", "command", "direct", "tell"]);
/** Sectors that take orders from their government. */
const SUBORDINATE = new Set(["MIL", "COP", "SPY", "GOV"]);

/** Is `to` the own forces or officials of `from`, a government or an army of the same country? */
function ownSide(from: Mention | null, to: Mention | undefined | null): boolean {
  // ("Erdogan ordered the army": a force named without its country is the orderer's)
  return !!from && !!to && !!from.country && (!to.country || from.country === to.country) && (from.sector === "GOV" || from.sector === "MIL") && SUBORDINATE.has(to.sector ?? "");
}

/** Words that count a crowd: "Thousands", "Tens of thousands", "Hundreds". */
const CROWD_COUNT = /^(hundreds|thousands|tens|dozens|scores|millions)$/;
const QUOTES = new Set(['"', "“", "”", "'", "‘", "’", "``", "''"]);
/** Prepositions whose gerund is done by the main clause's subject ("days after threatening to cut ties"). */
const GERUND_OPENERS = new Set(["after", "before", "while", "when", "by", "upon", "despite"]);
/** Verbs whose "from" + gerund is what is kept from happening ("prevented them from entering"), unlike "returned from meeting". */
const PREVENT = new Set(["prevent", "stop", "bar", "ban", "block", "keep", "prohibit", "refrain", "deter", "dissuade", "restrain", "discourage", "exclude", "forbid", "hinder", "obstruct", "preclude", "restrict", "suspend", "disqualify"]);
/** Verbs that tie someone to an act ("linking agents to the killing"). */
const LINK = new Set(["link", "tie", "connect"]);
/** Verbs that tell what their subject says or finds another did ("determined that X had committed genocide"). */
const FINDING = new Set(["say", "determine", "conclude", "find", "rule", "declare", "state", "believe", "allege", "charge", "tell", "assert", "insist"]);
/** Words of a finding of genocide, which the human codings code as an accusation when someone else says it. */
const GENOCIDE = new Set(["genocide", "genocidal"]);
/** Verbs of travel that code a visit (042) when an envoy or a leader travels. */
const TRAVEL = new Set(["travel", "fly", "arrive", "land", "head", "journey"]);
/** Verbs of leaving: a withdrawal (0874) only when an army or its troops leave. */
const LEAVE = new Set(["leave", "quit"]);
/** Nouns whose that-clause is hearsay: "reports that", "allegations that". */
const HEARSAY = new Set(["report", "reports", "allegation", "allegations", "claim", "claims", "rumour", "rumours", "rumor", "rumors", "suggestion", "suggestions", "speculation", "accusation", "accusations", "suspicion", "suspicions", "speculations", "assertion", "assertions"]);
/** Does a hearsay noun's "that" stand at index `that` ("reports that", "allegations that")? */
function hearsayAt(toks: readonly Token[], that: number): boolean {
  return that > 0 && toks[that]?.lower === "that" && HEARSAY.has(toks[that - 1].lower);
}
/** Verbs whose that-clause is denied, not reported: "Moscow denied that its troops were fighting". */
const DENY = new Set(["deny", "denied", "denies", "dismiss", "dismissed", "refute", "refuted"]);
/** Prepositions after which a pattern goes on about its object: "accused X of", "blamed X for", "criticised X over". */
const HELD_BY = new Set(["of", "for", "over"]);
/** Prepositions that introduce a target after the verb phrase. */
const TARGET_PREPS = new Set(["on", "against", "with", "to", "at", "into", "toward", "towards", "from", "for", "over", "upon", "of", "between", "among", "across"]);
/** Tokens that may stand between a verb and its direct object. */
const OBJECT_FILLER = new Set(["DET", "ADJ", "NUM", "ADV", "PART", "NOUN"]);
/** Words that open a new clause when scanning right for a target. */
const CLAUSE_STOP = new Set([";", ":", "that", "which", "who", "whom", "while", "because", "after", "before", "when", "but", "as", "although", "though", "since", "where", "according", "(", ")"]);
/** Prepositions that open a phrase of their own; before a number some of them only say "roughly" ("around 30 people"). */
const OBLIQUE = new Set(["of", "in", "with", "against", "to", "for", "on", "from", "at", "between", "near", "by", "over", "about", "among", "into", "toward", "towards", "under", "including", "like", "than", "through", "across", "throughout", "inside", "outside", "around", "along", "beyond", "via", "within", "behind"]);
const APPROXIMATE = new Set(["about", "around", "between", "over", "under", "some", "nearly", "almost", "roughly", "approximately"]);
function obliqueAt(toks: readonly Token[], j: number): boolean {
  const t = toks[j];
  return !!t && OBLIQUE.has(t.lower) && !(APPROXIMATE.has(t.lower) && toks[j + 1]?.pos === "NUM");
}
/** Inside the noun phrase that ends before a mention: determiners, adjectives, numbers, "'s", "around" before a number. */
function npInner(toks: readonly Token[], j: number): boolean {
  const t = toks[j];
  // "said on Monday that President Biden had demanded": "that", even tagged a determiner, opens the clause
  if (t.lower === "that" || t.lower === "which" || t.lower === "whether") return false;
  return (NP_INNER.has(t.pos) || t.lower === "'s" || t.lower === "-" || (APPROXIMATE.has(t.lower) && toks[j + 1]?.pos === "NUM")) && !obliqueAt(toks, j);
}
const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "'s", "get", "got", "gotten"]);
const FUTURE = new Set(["will", "would", "'ll", "shall", "wo"]);
const MAY = new Set(["could", "might", "may", "should", "must", "can", "ca"]);
const CONDITIONAL = new Set(["if", "unless", "whether", "lest"]);
const HYPOTHETICAL_WORDS = /\b(unlikely|possible|possibility|potential|probable|rumou?rs?|speculat\w*|fears?|risk of|in case of|would-be)\b/i;

export interface EventOptions {
  /** Keep negated and hypothetical acts as events with negated: true (default: drop them). */
  keepNegated?: boolean;
  /** Keep acts by unnamed attackers (gunmen, a suicide bomber: CAMEO's UAF, no country) as events. */
  keepUnattributed?: boolean;
  /** Emit bare statements (010) when a sentence has no other event (default false). */
  statements?: boolean;
}

function has(words: string[][], toks: readonly Token[], i: number): number {
  // length of the modality phrase matching at i, or 0
  for (const w of words) {
    let ok = true;
    for (let k = 0; k < w.length; k++) {
      const t = toks[i + k];
      if (!t || (t.lower !== w[k] && t.lemma !== w[k])) {
        ok = false;
        break;
      }
    }
    if (ok) return w.length;
  }
  return 0;
}

interface Modal {
  kind: ModalityKind;
  /** Token index of the governing word. */
  at: number;
  word: string;
}

/** The number of tokens a modal phrase spans ("refused to rule out": 4). */
function modalSpan(md: Modal): number {
  return md.word.split(" ").length;
}

/** Records the modal phrase of n tokens at j; a longer phrase holds the shorter ones found inside it ("refused to rule
 *  out" is a threat, not its "rule out"). */
function pushPhrase(found: Modal[], kind: ModalityKind, toks: readonly Token[], j: number, n: number): void {
  for (let f = found.length - 1; f >= 0; f--) if (found[f].at > j && found[f].at < j + n) found.splice(f, 1);
  found.push({ kind, at: j, word: toks.slice(j, j + n).map((x) => x.lower).join(" ") });
}

/** What governs the verb at v: a modal word before "to", a negation, a future or possibility auxiliary. */
function modalityOf(toks: readonly Token[], v: number, lex: VerbLexicon, clauseStart: number): Modal[] {
  const found: Modal[] = [];
  const kinds: ModalityKind[] = ["threat", "intent", "appeal", "demand", "reject", "negation", "hypothetical"];
  // scan back over auxiliaries, adverbs, "to", and an object ("urged Iran to release")
  let j = v - 1;
  let sawTo = false;
  let toAt = -1;
  let steps = 0;
  while (j >= clauseStart && steps < 7) {
    const t = toks[j];
    if (t.lower === "," || t.lower === ";") break;
    // ("did not rule out": a negation that opens a threat phrase)
    const keptOpen = t.lower === "n't" || t.lower === "not" || t.lower === "never" ? has(lex.modality.get("threat")!, toks, j) : 0;
    // "denied involvement and warned that ...": "and" after an object closes the verb phrase before it ("did not attack
    // and kill" shares its negation)
    if (t.lower === "and" && ["NOUN", "PROPN"].includes(toks[j - 1]?.pos ?? "")) break;
    // "possible military action": a possibility adjective before its noun qualifies the noun, not the act
    if (t.pos === "ADJ" && ["NOUN", "ADJ"].includes(toks[j + 1]?.pos ?? "") && j + 1 < v) {
      j--;
      steps++;
      continue;
    }
    // the infinitive's "to" stands right before the verb (adverbs aside): "access to Instagram and restricted" has none
    if (t.lower === "to" && !sawTo) {
      sawTo = toks.slice(j + 1, v).every((x) => x.pos === "ADV" || x.pos === "PART");
      if (sawTo) toAt = j;
    }
    // "would not hesitate to use force", "will never hesitate to respond": a threat, not a negation ("did not hesitate
    // to fire" reports the act)
    else if (t.lemma === "hesitate" && sawTo && ["n't", "not", "never"].includes(toks[j - 1]?.lower ?? "")) {
      const future = FUTURE.has(toks[j - 2]?.lower ?? "");
      if (future) found.push({ kind: "threat", at: j - 2, word: `${toks[j - 2].lower} ${toks[j - 1].lower} hesitate` });
      j -= future ? 3 : 2;
      steps += 2;
      continue;
    } else if (keptOpen) {
      // "did not rule out using force": a possibility kept open is a threat, and no negation of the act
      pushPhrase(found, "threat", toks, j, keptOpen);
    } else if (t.lower === "n't" || t.lower === "not" || t.lower === "never" || t.lower === "no") found.push({ kind: "negation", at: j, word: t.lower });
    else if (FUTURE.has(t.lower)) found.push({ kind: "intent", at: j, word: t.lower });
    // ("Theresa May said": a capitalised "May" inside the sentence is a name or a month, no modal)
    else if (j > 0 && /^[A-Z]/.test(t.text) && (t.pos === "PROPN" || MAY.has(t.lower))) {
      // a name: neither a modal word nor a verb that ends the scan
    } else if (MAY.has(t.lower)) found.push({ kind: "hypothetical", at: j, word: t.lower });
    else {
      for (const k of kinds) {
        const n = has(lex.modality.get(k)!, toks, j);
        // ("refused meeting", "warned against attacking": an -ing act after a verb; "executive orders declaring" is no order)
        // ("blocked a major highway to demand ...": an object between a refusal, an intent or a threat and its "to"
        // makes the infinitive one of purpose; appeals and demands have their addressee there: "urged Iran to")
        // (a direct object right after the word: "agreed on Monday to" has a phrase of time there, not an object)
        const first = toks.slice(j + n, toAt).find((x) => x.pos !== "ADV");
        const objectBefore = sawTo && (k === "reject" || k === "intent" || k === "threat") && !!first && ["NOUN", "PROPN", "DET", "PRON", "NUM"].includes(first.pos);
        if (n && !objectBefore && (k === "negation" || k === "hypothetical" || sawTo || toks[j + n]?.lower === "to" || (/ing$/.test(toks[v].lower) && t.pos === "VERB"))) {
          pushPhrase(found, k, toks, j, n);
          break;
        }
      }
      if (t.pos === "VERB" && !found.some((f) => f.at === j)) break;
    }
    j--;
    steps++;
  }
  // "Biden to visit Israel next week": a headline's infinitive after its subject, with no verb before it, is its future
  // ("will visit")
  if (v >= 2 && toks[v - 1].lower === "to" && clauseStart === 0 && !found.length && !toks.slice(0, v - 1).some((t) => t.pos === "VERB" || t.pos === "AUX" || t.lower === ",")) {
    found.push({ kind: "intent", at: v - 1, word: "will" });
  }
  // ("only if the United States lifted all sanctions": the clause the conditional opens)
  for (let c = Math.max(0, clauseStart - 1); c < v; c++) if (CONDITIONAL.has(toks[c].lower)) found.push({ kind: "hypothetical", at: c, word: toks[c].lower });
  const vt = toks[v];
  const that = clauseStart - 1;
  // "denied that its troops were fighting in ...": an act in a that-clause after a denial is what is denied
  if (that > 0 && toks[that].lower === "that") {
    for (let j = that - 1; j >= Math.max(0, that - 4); j--) {
      if (toks[j].lower === "," || toks[j].lower === ";") break;
      if (DENY.has(toks[j].lemma) || DENY.has(toks[j].lower)) {
        found.push({ kind: "negation", at: j, word: toks[j].lower });
        break;
      }
    }
  }
  // "reports that Russian officers were behind ...", "allegations that the army shot ...": a that-clause after a noun
  // of hearsay tells what is said, not what happened
  if (hearsayAt(toks, that)) found.push({ kind: "hypothetical", at: that - 1, word: toks[that - 1].lower });
  // "demanded that the authorities release ...", "urged that talks begin": a bare verb in a that-clause after
  // a demand or an appeal is what is demanded, not an act that happened
  // ("Moscow's demand that Ukraine pull its forces out": after a noun the tagger reads "that" as a pronoun; "demanded
  // in a phone call with Erdogan that Turkey halt ...": a phrase may stand between the demand and its clause)
  const demandThat = that > 0 && toks[that].lower === "that" ? that : subjunctiveThat(toks, v);
  if (demandThat > 0 && (vt.lower === vt.lemma || BASE_AS_PAST.has(vt.lower)) && !toks.slice(demandThat + 1, v).some((t) => t.pos === "AUX" || t.pos === "VERB")) {
    for (let j = demandThat - 1; j >= Math.max(0, demandThat - 10); j--) {
      if (toks[j].lower === "," || toks[j].lower === ";") break;
      const k = (["demand", "appeal"] as const).find((kind) => has(lex.modality.get(kind)!, toks, j));
      if (k) {
        found.push({ kind: k, at: j, word: toks[j].lower });
        break;
      }
      if (toks[j].pos === "VERB" || toks[j].pos === "AUX") break;
    }
  }
  return found;
}

/** Base forms the tagger reads as another verb's past tense: "demanded that the fighters lay down their arms" (lie). */
const BASE_AS_PAST = new Set(["lay"]);

/** The "that" a noun phrase subject of v follows ("demand that Ukraine pull"), or -1. */
function subjunctiveThat(toks: readonly Token[], v: number): number {
  let j = v - 1;
  while (j > 0 && (NP_INNER.has(toks[j].pos) || toks[j].pos === "PRON" || toks[j].lower === "'s") && toks[j].lower !== "that") j--;
  return j > 0 && j < v - 1 && toks[j].lower === "that" ? j : -1;
}

const NO_SOURCE = "no source actor";
const NUMBER_OBJECT = "a number for object: no statement";
const UNATTRIBUTED = "unattributed: no actor is named for the act";

/** A claim of responsibility with no act of its own ("..., and al Shabaab claimed responsibility") gives its claimant to
 *  the attacks before it that had no named actor. */
function claimedAttacks(out: EventCandidate[], onto: Ontology, violent: (code: string) => boolean): void {
  for (const c of out) {
    if (c.dropped || !c.claims || !c.source || out.some((x) => !x.dropped && x !== c && x.source === c.source && violent(x.code))) continue;
    for (const e of out) {
      if (e.verbStart >= c.verbStart || !violent(e.actCode ?? e.code) || e.negated) continue;
      const unnamed = e.dropped === NO_SOURCE || e.dropped === UNATTRIBUTED || (!e.dropped && e.source?.sector === "UAF" && !e.source.country);
      if (!unnamed) continue;
      const notes = [...e.notes, `claimed by ${c.source.text}`];
      e.code = recode(onto, e.actCode ?? e.code, c.source, e.target, notes);
      e.source = c.source;
      e.notes = notes;
      e.dropped = null;
    }
  }
}

/** Verbs whose nominal object of force is threatened ("vowed war on", "promised a crushing response"). */
const VOW = new Set(["vow", "pledge", "promise", "swear", "threaten"]);
/** Possibility auxiliaries that, said of one's own force, threaten. */
const MAY_FORCE = new Set(["could", "might", "may", "would", "can"]);

/** Sectors of forces a deployment moves ("would send 2,000 more troops"): what it sends, not whom it targets. */
const FORCE_SECTORS = new Set(["MIL", "COP", "SPY"]);
/** Words of praise inside a quoted epithet ("called Putin his 'best friend'"): no jibe. */
const PRAISE = /\b(best|friend|friends|friendship|brother|brothers|partner|ally|allies|hero|historic|constructive|productive|positive|good|great|excellent|success|successful|breakthrough|milestone|victory|wonderful|fantastic|important|fruitful|cordial|warm|candid|frank)\b/;
/** Verbs of naming: what they take as object is named, not reported ("called the assault an invasion"). */
const NAMING = new Set(["call", "describe", "label", "term", "brand", "dub", "characterize", "characterise"]);
const HYPHEN_MEDIATOR = "mediator: the word before the hyphen";
/** Nouns of force a threat may keep open: "did not rule out military action". */
const FORCE_NOUNS = new Set(["action", "force", "strike", "attack", "invasion", "intervention", "pressure", "sanction", "retaliation", "response", "measure", "option", "operation", "offensive", "war", "escalation", "blockade"]);
/** Prepositions after which a meeting or a visit named by a noun is held by the clause's subject. */
const HELD_IN = new Set(["for", "during", "after", "following", "before", "ahead"]);
/** The same, opening the sentence ("In a call with Zelenskiy, Macron pledged ..."). */
const HELD_OPENING = new Set(["in", "during", "at", "after"]);
const ROUNDS = new Set([...TIME_SPAN, "round", "rounds"]);

/** A word that opens or modifies a noun phrase before its head: a determiner, an adjective, a number, a possessive. */
function npModifier(t: Token): boolean {
  return t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || POSSESSIVES.has(t.lower);
}

/** The word a nominal act at `v` hangs from, past its determiners, modifiers, a noun compounded with it ("weekend
 *  talks") and "two days of": the "after" of "after two days of talks", the "in" of "In a call with". */
function heldWordBefore(toks: readonly Token[], v: number): number {
  let k = v - 1;
  for (;;) {
    while (k >= 0 && (npModifier(toks[k]) || (toks[k].pos === "NOUN" && k === v - 1))) k--;
    if (k >= 1 && toks[k].lower === "of" && ROUNDS.has(toks[k - 1].lower)) k -= 2;
    else return k;
  }
}

/** Does the word at k (heldWordBefore) say the nominal act is held by the clause's subject: a preposition of HELD_IN,
 *  or one of HELD_OPENING opening the sentence? */
function heldBy(toks: readonly Token[], k: number): boolean {
  return k === 0 ? HELD_OPENING.has(toks[k].lower) : k > 0 && HELD_IN.has(toks[k].lower);
}

/** What a rejected ask was: "demand", "ultimatum" → 100; "call", "appeal", "plea", "request" → 020. */
const ASKS = new Map([
  ["demand", "100"], ["demands", "100"], ["ultimatum", "100"], ["ultimatums", "100"], ["conditions", "100"],
  ["call", "020"], ["calls", "020"], ["appeal", "020"], ["appeals", "020"], ["plea", "020"], ["pleas", "020"], ["request", "020"], ["requests", "020"],
]);

/** The asks a rejection (12x) holds with their owner as its target ("rejected Putin's demand", "ignored pleas from
 *  China"), as events of their own from that owner to the one who rejects; none where one is coded already. */
function rejectedAsks(out: readonly EventCandidate[], toks: readonly Token[], onto: Ontology): EventCandidate[] {
  const extra: EventCandidate[] = [];
  for (const e of out) {
    if (e.dropped || !e.code.startsWith("12") || !e.source || !e.target || e.literal) continue;
    const ask = toks.slice(e.verbStart + 1, e.verbEnd).find((t) => ASKS.has(t.lower) && t.pos === "NOUN");
    if (!ask) continue;
    const code = ASKS.get(ask.lower)!;
    const [source, target] = [e.target, e.source];
    if (out.some((x) => !x.dropped && x.code.slice(0, 2) === code.slice(0, 2) && x.source === source) || extra.some((x) => x.source === source)) continue;
    if (!onto.get(code)) continue;
    extra.push({ ...e, code, source, target, notes: [...e.notes, `the ${ask.lower} "${toks[e.verbStart].text}" rejects, made by its owner`], actCode: undefined, mutual: undefined });
  }
  return extra;
}

/** "by" at i opens an agent: a noun phrase follows ("by China", "by the army"), not a means ("by telephone"). */
function byAgentAt(toks: readonly Token[], i: number): boolean {
  if (toks[i]?.lower !== "by") return false;
  let j = i + 1;
  while (j < toks.length && (toks[j].pos === "DET" || toks[j].pos === "ADJ" || toks[j].pos === "NUM")) j++;
  return toks[j]?.pos === "PROPN" || (toks[j]?.pos === "NOUN" && !MEANS.has(toks[j].lower));
}
const MEANS = new Set(["telephone", "phone", "video", "videolink", "letter", "email", "mail", "car", "helicopter", "plane", "air", "sea", "road", "land", "train", "boat", "force", "decree", "hand", "mistake", "accident", "chance", "far", "default", "law", "consensus", "acclamation", "proxy"]);

function isPassive(toks: readonly Token[], m: PatternMatch): boolean {
  const v = toks[m.start];
  if (/ing$/.test(v.lower) || v.lower === v.lemma) return false;
  // "is opposed to", "are committed to": an adjective after "be", not a passive
  if (STATE_PARTICIPLES.has(v.lower) && toks[m.start + 1]?.lower === "to") return false;
  for (let j = m.start - 1; j >= Math.max(0, m.start - 3); j--) {
    const t = toks[j];
    if (BE.has(t.lower) || BE.has(t.lemma)) return true;
    if (t.pos !== "ADV" && t.pos !== "PART" && t.lower !== "not") break;
  }
  // a headline's passive drops its "were": "Three soldiers killed in Kashmir clash", "Journalist detained in Minsk"
  // (and so does the clause a headline's speaker reports: "Pakistan army says 8 militants killed in raid")
  let said = m.start - 1;
  while (said >= 0 && !(toks[said].pos === "VERB" && SAY_THAT.has(toks[said].lemma))) said--;
  if (isHeadline(toks) && /ed$/.test(v.lower) && m.end === m.start + 1 && ["in", "by", "near", "after", "during", "at", "as", "over", "for", "on"].includes(toks[m.end]?.lower ?? "") && toks.slice(said + 1, m.start).every((t) => ["NUM", "NOUN", "PROPN", "ADJ", "DET"].includes(t.pos) || t.lower === "'s")) return true;
  // reduced passive: "soldiers killed by militants", "a deal brokered by China after talks" (the "by" inside the match);
  // a "by" after an object noun the pattern holds is that noun's ("rejected calls by Minsk")
  const objectHeld = m.end - m.start > 1 && m.pattern.text.includes("*");
  const by = byAgentAt(toks, m.start + 1) ? 0 : objectHeld ? -1 : toks.slice(m.end, m.end + 4).findIndex((t) => t.lower === "by");
  if (by < 0 || m.start === 0) return false;
  // (", the minister said, after mediation by Kuwait": a "by" past a comma, a subordinator or a noun is another phrase's)
  if (toks.slice(m.end, m.end + by).some((t) => t.lower === "," || SUBORDINATORS.has(t.lower) || t.pos === "NOUN")) return false;
  // (", mediated by Oman": a participle after a comma with its agent right after it)
  return toks[m.start - 1].pos === "NOUN" || toks[m.start - 1].pos === "PROPN" || (toks[m.start - 1].lower === "," && by === 0 && /ed$/.test(v.lower));
}

/** Parts of speech inside a noun phrase, between a preposition and the mention that ends the phrase. */
const NP_INNER = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM"]);

const SUBORDINATORS = new Set(["after", "before", "when", "while", "because", "until", "although", "though", "if", "unless", "whereas", "once", "where"]);

/** The first token of a subordinate clause that holds v ("... after earthquakes killed"), or -1: the
 *  subject of v must then be inside that clause. A comma or another verb between ends the search. */
function subordinateStart(toks: readonly Token[], v: number): number {
  for (let j = v - 1; j >= 0; j--) {
    const t = toks[j];
    if (t.lower === "," || t.lower === ";" || t.pos === "VERB" || t.pos === "AUX") return -1;
    if (SUBORDINATORS.has(t.lower) && (t.pos === "SCONJ" || t.pos === "ADP" || t.pos === "ADV")) return j + 1;
  }
  return -1;
}

/** Words that may stand between two coordinated actors besides "and" and ",": "A and the evil B". */
const COORD_FILL = new Set(["DET", "ADJ", "NUM"]);

/** The actors coordinated with m ("A, B and C", "A and the B", "neither A nor B"), m included, in text order;
 *  none may reach past `limit` (the verb, for subjects). */
function coordinated(toks: readonly Token[], mentions: readonly Mention[], m: Mention, limit: number): Mention[] {
  const joins = (a: number, b: number): boolean => {
    // tokens between two mentions: , and | , | and | or | nor, with determiners and adjectives before the next
    let j = a;
    let sawJoin = false;
    while (j < b && (toks[j].lower === "," || toks[j].lower === "and" || toks[j].lower === "or" || toks[j].lower === "nor")) {
      sawJoin = true;
      j++;
    }
    while (j < b && COORD_FILL.has(toks[j].pos)) j++;
    return sawJoin && j === b && b - a <= 4;
  };
  const list = mentions.filter((x) => !x.modifier);
  const i = list.indexOf(m);
  if (i < 0) return [m];
  let lo = i;
  let hi = i;
  while (lo > 0 && joins(list[lo - 1].end, list[lo].start)) lo--;
  while (hi + 1 < list.length && list[hi + 1].end <= limit && joins(list[hi].end, list[hi + 1].start)) hi++;
  let group = list.slice(lo, hi + 1);
  // "killing scores of Afghans and 13 U.S. troops, and Islamic State claimed ...": ", and" after a pair already joined
  // by "and" joins clauses, not a list ("A, B, and C" has no "and" before it)
  const between = (k: number) => toks.slice(group[k - 1].end, group[k].start).map((t) => t.lower);
  for (let k = 2; k < group.length; k++) {
    const w = between(k);
    if (!(w.includes(",") && w.includes("and"))) continue;
    if (![...Array(k - 1).keys()].some((q) => between(q + 1).includes("and"))) continue;
    group = group.indexOf(m) < k ? group.slice(0, k) : group.slice(k);
    break;
  }
  // a headline joins the subjects it opens with by commas: "China, Philippines trade accusations"
  if (isHeadline(toks) && group.length > 1 && group[0].start === 0 && group.every((g, k) => k === 0 || toks.slice(group[k - 1].end, g.start).every((t) => t.lower === ","))) return group;
  // a list needs an "and"/"or"/"nor" somewhere: "Paris, France" is no list
  const hasAnd = group.some((g, k) => k > 0 && toks.slice(group[k - 1].end, g.start).some((t) => ["and", "or", "nor"].includes(t.lower)));
  // "... in northern Syria, and Washington imposed": ", and" between two actors alone joins clauses, not a list
  if (group.length === 2 && toks.slice(group[0].end, group[1].start).some((t) => t.lower === ",")) return [m];
  return hasAnd ? group : [m];
}

/** Index of the first token of the clause holding token v. */
function clauseStartOf(toks: readonly Token[], v: number, prevVerbEnd: number): number {
  for (let j = v - 1; j >= Math.max(0, prevVerbEnd); j--) {
    const l = toks[j].lower;
    if (l === ";" || l === ":" || (l === "that" && toks[j].pos === "SCONJ")) return j + 1;
  }
  return Math.max(0, prevVerbEnd);
}

interface Ctx {
  toks: readonly Token[];
  mentions: readonly Mention[];
}

/** Does the "from" at `from` follow a verb of prevention in its clause ("prevented 590 migrants on board sailing yachts from")? */
function preventedAt(toks: readonly Token[], from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 20); k--) {
    if (toks[k].lower === "," || toks[k].lower === ";") return false;
    if (PREVENT.has(toks[k].lemma)) return true;
  }
  return false;
}

/** Nouns of a decision whose infinitive is the decider's act ("Israel's decision to reopen"). */
const DECISION = new Set(["decision", "move", "plan", "pledge", "promise", "offer", "commitment", "bid", "attempt", "agreement", "vow", "threat", "refusal", "order"]);

/** Who took the decision whose "to" stands at `to`: "the decision by Israel to", "Israel's decision to". */
function deciderBefore(toks: readonly Token[], mentions: readonly Mention[], to: number): Mention | null {
  const owner = (end: number) => mentions.find((x) => !x.modifier && x.end === end) ?? null;
  // "... decision by Israel to"
  const byWhom = owner(to);
  if (byWhom && toks[byWhom.start - 1]?.lower === "by" && DECISION.has(toks[byWhom.start - 2]?.lemma ?? "")) return byWhom;
  // "Israel's decision to", "Israel's surprise decision to"
  let k = to - 1;
  if (!DECISION.has(toks[k]?.lemma ?? "")) return null;
  k--;
  while (k > 0 && toks[k].pos === "ADJ") k--;
  if (toks[k]?.lower === "'s" || toks[k]?.lower === "’s") return owner(k);
  return null;
}

/** The subject of the verb of saying or finding whose clause holds the act at `v` ("the United States had determined
 *  that ... had committed"): the nearest verb before the act's clause, when it is one of FINDING. */
function finderOf(c: Ctx, v: number, clauseStart: number): Mention | null {
  const { toks } = c;
  for (let k = Math.min(v, clauseStart) - 1; k >= 0; k--) {
    const t = toks[k];
    if (t.lower === ";") return null;
    if (t.pos !== "VERB") continue;
    return FINDING.has(t.lemma) ? subjectLeft(c, k, clauseStartOf(toks, k, 0), new Set()) : null;
  }
  return null;
}

function subjectLeft(c: Ctx, v: number, floor: number, exclude: Set<Mention>): Mention | null {
  if (ownNounSubject(c, v, floor)) return null;
  let fallback: Mention | null = null;
  for (let k = c.mentions.length - 1; k >= 0; k--) {
    const m = c.mentions[k];
    if (m.end > v || m.start < floor || exclude.has(m)) continue;
    // "police said a commando of Colombians had ...": an actor before another verb is that verb's subject, not the head
    // the "of" phrase stands for
    if (fallback && c.toks[v].pos === "VERB" && c.toks.slice(fallback.end, v).every((t) => t.pos === "AUX" || t.pos === "ADV" || t.lower === "not") && c.toks.slice(m.end, fallback.start).some((t) => t.pos === "VERB" && SAY_THAT.has(t.lemma))) return fallback;
    // the word before the noun phrase the mention ends: "in Australia's New South Wales" is all inside "in"
    let j = m.start - 1;
    while (j >= 0 && npInner(c.toks, j)) j--;
    // "through northern Italy and Austria": the last of coordinated actors stands in the phrase the first one does
    for (let first = true; ; first = false) {
      const w = c.toks[j]?.lower;
      if (w !== "and" && w !== "or" && (first || w !== ",")) break;
      // ", and Washington imposed ...": a comma before the "and" joins clauses
      if (first && c.toks[j - 1]?.lower === ",") break;
      const before = c.mentions.find((x) => x.end === j && !x.modifier);
      if (!before) break;
      j = before.start - 1;
      while (j >= 0 && npInner(c.toks, j)) j--;
    }
    const prev = c.toks[j];
    // "with Baku and Yerevan each blaming the other": the noun phrase of an absolute "with" is its participle's subject
    if (prev?.lower === "with" && !m.modifier && /ing$/.test(c.toks[v]?.lower ?? "") && c.toks.slice(m.end, v).every((t) => t.pos === "ADV" || t.pos === "DET" || t.lower === "each" || t.lower === "both")) return m;
    if (m.modifier) {
      // "a U.S. drone strike killed", "Russian missiles hit": the modifier of the subject's head is the actor
      const gap = c.toks.slice(m.end, v);
      if (!(gap.length && gap.length <= 3 && gap.every((t) => t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "PROPN"))) continue;
      // ... but not inside a phrase of its own ("Somali forces backed by U.S. air strikes recaptured")
      if (prev && obliqueAt(c.toks, j) && prev.lower !== "than") continue;
      return m;
    }
    // "more than 100,000 people rallied": "than" opens no phrase of its own here
    if (prev && obliqueAt(c.toks, j) && prev.lower !== "than") {
      // "the convoy of Malian troops was attacked": the head is no actor, the "of" phrase stands for it
      // ("suburbs of Athens" is a place: a capital after "of" stands for no government; "thousands of Cubans" do protest)
      const placeName = m.kind === "country" && m.code.endsWith("GOV") && m.code.length === 6;
      if (prev.lower === "of" && !fallback && !placeName) fallback = m;
      continue;
    }
    return m;
  }
  return fallback;
}

/** The mention after a preposition or as direct object, from token i on, within the clause. */
function objectRight(c: Ctx, i: number, prepsOnly: Set<string> | null, exclude: Set<Mention>, limit: number): Mention | null {
  let sawPrep: string | null = null;
  // "sanctions on Iranian drone makers": a country that only modifies the object's noun stands for it when no actor follows
  let modifierObject: Mention | null = null;
  for (let j = i; j < Math.min(c.toks.length, i + limit); j++) {
    const t = c.toks[j];
    const m = c.mentions.find((x) => x.start === j && !exclude.has(x));
    if (m && !m.modifier) {
      if (prepsOnly && !(sawPrep && prepsOnly.has(sawPrep))) return null;
      if (sawPrep && !TARGET_PREPS.has(sawPrep)) return null;
      return m;
    }
    if (m && m.modifier) {
      if (!modifierObject && m.country && sawPrep && TARGET_PREPS.has(sawPrep) && (!prepsOnly || prepsOnly.has(sawPrep))) modifierObject = m;
      continue;
    }
    if (CLAUSE_STOP.has(t.lower) || (t.pos === "VERB" && j > i) || t.lower === "by" || t.lower === "in" || t.lower === "near" || t.lower === ",") return modifierObject;
    // "shelled the island and South Korean troops returned fire": an actor right before a verb after "and" opens a clause
    if (t.pos === "CCONJ") {
      const next = c.mentions.find((x) => x.start > j && x.start <= j + 2 && !x.modifier);
      const after = next ? c.toks[next.end] : undefined;
      if (next && after && (after.pos === "VERB" || after.pos === "AUX")) return modifierObject;
    }
    if (t.pos === "ADP") {
      if (modifierObject) return modifierObject;
      sawPrep = t.lower;
    } else if (!OBJECT_FILLER.has(t.pos) && t.pos !== "PROPN" && t.pos !== "SCONJ" && t.pos !== "CCONJ" && !POSSESSIVES.has(t.lower)) return modifierObject;

  }
  return modifierObject;
}

/** Nothing but determiners, numbers and adjectives between: "expelled two Canadian diplomats". */
function onlyDeterminers(toks: readonly Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let j = from; j < to; j++) if (!["DET", "NUM", "ADJ"].includes(toks[j].pos) && !POSSESSIVES.has(toks[j].lower)) return false;
  return true;
}

function byPhrase(c: Ctx, from: number, exclude: Set<Mention>): Mention | null {
  for (let j = from; j < Math.min(c.toks.length, from + 6); j++) {
    if (c.toks[j].lower === "by") {
      return c.mentions.find((m) => m.start > j && m.start <= j + 3 && !exclude.has(m)) ?? null;
    }
    if (CLAUSE_STOP.has(c.toks[j].lower)) return null;
  }
  return null;
}

/** Does the verb at v have a subject of its own that is no actor: a noun phrase right before it (auxiliaries aside) that
 *  opens its clause ("saying the mission would violate its sovereignty", "though such an operation would require")? */
function ownNounSubject(c: Ctx, v: number, floor: number): boolean {
  let j = v - 1;
  while (j >= floor && (c.toks[j].pos === "AUX" || c.toks[j].pos === "ADV" || c.toks[j].pos === "PART")) j--;
  if (j < floor || j === v - 1 || c.toks[j].pos !== "NOUN") return false;
  const head = j;
  while (j >= floor && (c.toks[j].pos === "NOUN" || c.toks[j].pos === "ADJ" || c.toks[j].pos === "DET")) j--;
  if (c.mentions.some((m) => m.start <= head && m.end > j)) return false;
  const opener = c.toks[j];
  return j < floor || opener.lower === "," || opener.lower === "that" || opener.pos === "SCONJ" || (opener.pos === "VERB" && SAY_THAT.has(opener.lemma));
}

/** Source of a nominal event: a modifier or possessive just before it, or a "by"/"between" phrase after. */
function nounSource(c: Ctx, m: PatternMatch, exclude: Set<Mention>): { source: Mention | null; target: Mention | null; between?: boolean } {
  // "a Hamas suicide bomber": an attacker's noun that ends an actor's mention is that actor's act
  const holder = c.mentions.find((x) => x.start < m.start && x.end === m.end && !exclude.has(x));
  if (holder) return { source: holder, target: null };
  const before = c.mentions.filter((x) => x.end <= m.start && m.start - x.end <= 3 && !exclude.has(x));
  const near = before[before.length - 1];
  if (near) {
    const gap = c.toks.slice(near.end, m.start);
    // ("Somalia's deadliest attack", "the country's worst bombing": a country's record names the place, not the attacker)
    const record = gap[0]?.lower === "'s" && gap.some((t) => t.pos === "ADJ" && /est$/.test(t.lower));
    if (!record && gap.every((t) => t.lower === "'s" || t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "NUM" || t.pos === "DET")) return { source: near, target: null };
  }
  // "clashes between A and B", "fighting erupted in Khartoum on Saturday between A and B"
  // (the pattern may end in "between" itself: "A ceasefire between A and B took effect" — when the act is its
  // clause's subject; "to oversee a ceasefire between A and B" names an act, it reports none; a mediation
  // "between" two sides is a third party's)
  let head = m.start - 1;
  while (head >= 0 && (c.toks[head].pos === "DET" || c.toks[head].pos === "ADJ" || c.toks[head].pos === "NUM")) head--;
  // ("prompting clashes between his supporters and police": an act a verb of causing sets off is told as happening)
  const caused = head >= 0 && c.toks[head].pos === "VERB" && (PROTEST_TOLD.has(c.toks[head].lemma) || PROTEST_TOLD.has(c.toks[head].lower));
  const subjectPosition = head < 0 || c.toks[head].lower === "," || c.toks[head].pos === "SCONJ" || caused;
  // ("mediation by Kuwait": a pattern may end on its own "by")
  const byFrom = c.toks[m.end - 1]?.lower === "by" ? m.end - 1 : m.end;
  if (m.pattern.code.startsWith("045")) return { source: byPhrase(c, byFrom, exclude), target: null };
  const from = c.toks[m.end - 1]?.lower === "between" ? (subjectPosition ? m.end - 1 : c.toks.length) : m.end;
  for (let j = from; j < Math.min(c.toks.length, m.end + 10); j++) {
    const w = c.toks[j].lower;
    if (w === "between") {
      const ms = c.mentions.filter((x) => !x.modifier && x.start > j && x.start < j + 8);
      if (ms.length >= 2) return { source: ms[0], target: ms[1], between: true };
      break;
    }
    if (w === "," || CLAUSE_STOP.has(w) || (j > m.end && c.toks[j].pos === "VERB")) break;
  }
  // ("an attack claimed by Islamic State": the claimant's is the claim, coded at "claimed")
  if (c.toks[m.end]?.lower === "claimed") return { source: null, target: null };
  return { source: byPhrase(c, m.end, exclude), target: null };
}

const PROTEST_NOUN = /^(protests?|demonstrations?|rall(y|ies)|march(es)?|riots?|rioting|unrest|sit-ins?|vigils?|uprising|strikes?|walkouts?|stoppages?)$/;
/** Words before a protest noun that tell it as happening: "amid", "as", "sparking". ("resigned after weeks of
 *  protests" names the protests as the background of the act the sentence reports: the human codings leave such
 *  protests uncoded more often than not.) */
const PROTEST_TOLD = new Set(["amid", "during", "as", "while", "when", "spark", "trigger", "prompt", "provoke", "ignite", "fuel", "cause", "unleash"]);

/** Does the nominal protest of match m report protests that happened ("sparking riots in Kampala", "as
 *  demonstrations spread"), rather than name protests as the object of another verb ("will not tolerate rallies")? */
function protestTold(toks: readonly Token[], m: PatternMatch): boolean {
  if (!toks.slice(m.start, m.end).some((t) => PROTEST_NOUN.test(t.lower))) return false;
  let h = m.start - 1;
  while (h >= 0 && (toks[h].pos === "DET" || toks[h].pos === "ADJ" || toks[h].pos === "NUM" || toks[h].lower === "-" || (toks[h].pos === "VERB" && toks[h - 1]?.lower === "-"))) h--;
  if (h < 0 || toks[h].lower === ",") return true;
  const t = toks[h];
  if (!PROTEST_TOLD.has(t.lower) && !PROTEST_TOLD.has(t.lemma) && !(t.alt && PROTEST_TOLD.has(t.alt))) return false;
  // "might trigger a wave of protests", "fears it could spark unrest": a cause that may come tells nothing
  return t.pos !== "VERB" || !toks.slice(Math.max(0, h - 3), h).some((x) => MAY.has(x.lower) || x.lower === "would" || x.lower === "will" || x.lower === "to");
}

/** The unnamed civilians behind a protest named by a noun: a civilian mention at the noun, country left to context. */
function crowdOf(t: Token): Mention {
  return { text: t.text, code: "CVL", country: null, sector: "CVL", kind: "agent", start: t.i, end: t.i + 1, charStart: t.start, charEnd: t.end, inferred: "unnamed protesters" };
}

/** A mediation told by a participle after a hyphen ("a US-brokered ceasefire"): the mediator is the word before it. */
function hyphenMediation(toks: readonly Token[], m: PatternMatch): boolean {
  return m.start > 1 && toks[m.start - 1].lower === "-" && m.pattern.code.startsWith("045");
}

function selectMatches(all: PatternMatch[], toks: readonly Token[]): PatternMatch[] {
  // (on a tie in weight, a verb's pattern before a noun's that runs further: "imposed sanctions on Monday on Russian
  // banks" is the imposing)
  const nounAt = (m: PatternMatch) => (m.pattern.noun && toks[m.start].pos !== "VERB" ? 1 : 0);
  const sorted = [...all].sort((a, b) => b.pattern.weight - a.pattern.weight || nounAt(a) - nounAt(b) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: PatternMatch[] = [];
  // "signed a US-brokered peace declaration": a mediation after a hyphen is an act of its own inside another's phrase
  const inner = (m: PatternMatch) => hyphenMediation(toks, m);
  // "accusing Baku of launching an artillery attack": an accusation ending on the gerund of its "of"/"for" shares that word
  // with the pattern of what the gerund tells; both are kept (the told act is then dropped as the accusation's content)
  const chained = (a: PatternMatch, b: PatternMatch) => {
    const [x, y] = a.start < b.start ? [a, b] : [b, a];
    return x.end - 1 === y.start && x.pattern.code.startsWith("11") && /ing$/.test(toks[y.start].lower) && ["of", "for"].includes(toks[y.start - 1]?.lower ?? "");
  };
  for (const m of sorted) {
    if (!inner(m) && taken.some((t) => !inner(t) && m.start < t.end && t.start < m.end && !chained(m, t))) continue;
    taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const MODAL_TO_ONTOLOGY: Partial<Record<ModalityKind, ModalKind>> = {
  threat: "threat",
  intent: "intent",
  appeal: "appeal",
  demand: "demand",
  reject: "reject",
};

/** Drops a participle's event ("-ing", after a comma when `comma`) whose code is `folded` when an earlier
 *  event of the same source in the sentence has a code that is `main`: it describes that event. */
function foldParticiples(out: EventCandidate[], toks: readonly Token[], folded: (code: string) => boolean, main: (code: string) => boolean, comma: boolean, reason: string): void {
  for (const e of out) {
    if (e.dropped || !folded(e.code) || e.verbStart === 0 || !/ing$/.test(toks[e.verbStart].lower)) continue;
    if (comma && toks[e.verbStart - 1].lower !== ",") continue;
    const m = out.find((x) => x !== e && !x.dropped && x.verbStart < e.verbStart && main(x.code) && x.source === e.source);
    if (m) e.dropped = `${reason} coded at "${toks[m.verbStart].text}"`;
  }
}

/** Heads of a noun phrase of protesters. */
const PROTESTERS = /^(protesters|protestors|demonstrators|marchers|strikers|rioters|activists|crowds?)$/;
/** The demonstration codes a protest takes from the change it demands (1041 → 1411, ..., 1044 → 1414). */
const DEMANDED_CHANGE = new Map([["1041", "1411"], ["1042", "1412"], ["1043", "1413"], ["1044", "1414"]]);

function foldDemands(out: EventCandidate[], toks: readonly Token[]): void {
  for (const e of out) {
    if (e.dropped || !e.code.startsWith("10") || e.verbStart === 0) continue;
    const w = toks[e.verbStart];
    if (!/ing$/.test(w.lower) && toks[e.verbStart - 1].lower !== "to") continue;
    const m = out.find((x) => x !== e && !x.dropped && x.code.startsWith("14") && x.source === e.source && Math.abs(x.verbStart - e.verbStart) <= 20);
    // "police fired on protesters demanding statehood": protesters told by what they demand protest for it
    if (!m && e.source && e.source.end === e.verbStart && /ing$/.test(w.lower) && PROTESTERS.test(toks[e.source.end - 1].lower)) {
      const change = DEMANDED_CHANGE.get(e.code.slice(0, 4)) ?? "141";
      e.notes.push(`protesters demanding: ${e.code} → ${change}`);
      e.code = change;
      continue;
    }
    if (!m) continue;
    e.dropped = `aim of the protest coded at "${toks[m.verbStart].text}"`;
    const change = DEMANDED_CHANGE.get(e.code.slice(0, 4));
    if (change && m.code === "141") {
      m.notes.push(`demanding ${e.code}: 141 → ${change}`);
      m.code = change;
    }
  }
}

export function codeSentence(s: Sentence, mentions: readonly Mention[], lex: VerbLexicon, onto: Ontology, opts: EventOptions = {}, places: readonly PlaceMention[] = [], year: number | null = null): EventCandidate[] {
  const toks = s.tokens;
  const c: Ctx = { toks, mentions };
  const spans: MentionSpans = { byStart: new Map(), byEnd: new Map() };
  for (const x of mentions) {
    if (x.modifier) continue;
    spans.byStart.set(x.start, x.end);
    spans.byEnd.set(x.end, x.start);
  }
  const bySpan = (r: [number, number] | undefined): Mention | null => (r ? mentions.find((x) => x.start === r[0] && x.end === r[1]) ?? null : null);
  const matches = selectMatches(findPatternMatches(toks, lex, spans), toks);
  const out: EventCandidate[] = [];
  const governed = new Set<number>();
  let prevEnd = 0;
  let prev: EventCandidate | null = null;
  const usedAsTarget = new Set<Mention>();
  // a modal phrase governs the act, and every other verb inside it is folded into that act ("refused to rule out
  // using force"); a phrase that ends on the act's own verb leaves it ("refused to rule out military action": the
  // "rule out" is the threat)
  const governModal = (md: Modal, v: number) => {
    for (let k = 0; k < modalSpan(md); k++) if (md.at + k !== v) governed.add(md.at + k);
  };
  for (const m of matches) {
    const p = m.pattern;
    // a bare meeting noun no phrase says was held by someone is no match ("peace talks stalled"), nor one that is the
    // subject of a verb of its own ("after negotiations stalled"), nor the talks a protest follows (protesters do not
    // hold them: "workers went on strike after months of negotiations")
    if (p.held) {
      const k = heldWordBefore(c.toks, m.start);
      const next = c.toks[m.end];
      if (!heldBy(c.toks, k) || next?.pos === "VERB" || next?.pos === "AUX" || prev?.code.startsWith("14")) continue;
    }
    const notes: string[] = [];
    const v = m.start;
    const sub = subordinateStart(toks, v);
    const clauseStart = Math.max(clauseStartOf(toks, v, 0), sub);
    let source: Mention | null = null;
    let target: Mention | null = null;
    let code = p.code;
    let dropped: string | null = null;
    // "called Putin his 'best friend'", "what it called 'anti-terrorist activities'": an epithet in quotation marks is a
    // jibe only when it is no praise, and not the name an actor gives its own act
    // (and only after an object, "called it a 'show'", not "a material called 'tepetate'"; an opening mark, not the
    // apostrophe of "Paleckis'")
    if (p.epithet) {
      const q = m.end - 1;
      // (a relative pronoun before the subject is the object: "operations, which the UN rights chief called '...'")
      const object = toks.slice(v + 1, q).some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON") || toks.slice(Math.max(0, v - 8), v).some((t) => t.lower === "which");
      const opening = toks[q].start > toks[q - 1].end;
      if (!object || !opening || PRAISE.test(toks.slice(m.end, m.end + 6).map((t) => t.lower).join(" ")) || toks.slice(Math.max(0, v - 4), v).some((t) => t.lower === "what")) continue;
    }
    // "Obama called for Assad to step down, and the leaders of Britain and France followed suit": the act last coded
    // in the sentence, done again by this subject to the same target
    const sameAs = p.same ? [...out].reverse().find((e) => !e.dropped && e.source && !onto.get(e.code)?.flags.has("statement")) : undefined;
    if (sameAs) code = sameAs.code;
    else if (p.same) dropped = "no act before it to do again";
    let negated = false;
    let claimant: Mention | null = null;
    let betweenPair = false;
    let crowd = false;
    let confidence = 0.6 + Math.min(0.2, 0.05 * p.weight);
    const vt = toks[v];
    // "Fighting erupted ...", "Heavy shelling continued": a gerund that is its clause's subject names an event
    const gerundSubject = /ing$/.test(vt.lower) && m.end - v === 1 && (v === 0 || toks[v - 1].pos === "DET" || toks[v - 1].pos === "ADJ" || (v === 1 && toks[0].pos === "PROPN")) && (toks[m.end]?.pos === "VERB" || toks[m.end]?.pos === "AUX");
    const isNoun = vt.pos === "NOUN" || vt.pos === "PROPN" || gerundSubject || adjectiveAnchor(vt, p);
    // a gerund complement ("accused of attacking", "arrested for rioting") is the content of another act, and so is
    // one coordinated into a list of charges ("on charges including corruption and aiding a terrorist group")
    if (/ing$/.test(vt.lower) && v > 0) {
      let j = v - 1;
      if (toks[j].lower === "and" || toks[j].lower === "or") {
        j--;
        while (j > 0 && v - j < 6 && (toks[j].pos === "NOUN" || toks[j].pos === "ADJ" || toks[j].pos === "DET" || toks[j].lower === ",")) j--;
        if (toks[j]?.lower === "including") dropped = "complement of another act";
      } else if (COMPLEMENT.has(toks[j].lower) && (toks[j].lower !== "from" || preventedAt(toks, j))) dropped = "complement of another act";
    }
    // "allegations linking Indian agents to the killing of ...": the act an allegation ties someone to is not reported
    if ((vt.pos === "NOUN" || /ing$/.test(vt.lower)) && !dropped) {
      for (let j = v - 1; j >= Math.max(0, v - 9); j--) {
        const t = toks[j];
        if (t.lower === "," || t.lower === ";" || (t.pos === "VERB" && !LINK.has(t.lemma))) break;
        if (LINK.has(t.lemma) && toks.slice(j + 1, v).some((x) => x.lower === "to")) {
          dropped = `what "${t.text}" ties someone to, not a report of the act`;
          break;
        }
      }
    }
    // "struck Houthi targets in response to the group's attacks", "in retaliation for the killing of": the act answered
    // is named as the reason, not reported
    if ((vt.pos === "NOUN" || vt.pos === "PROPN") && !dropped) {
      for (let j = v - 1; j >= Math.max(1, v - 6); j--) {
        const t = toks[j];
        if (t.lower === "," || t.lower === ";" || t.pos === "VERB") break;
        if ((t.lower === "to" && toks[j - 1].lower === "response") || (t.lower === "for" && ["retaliation", "revenge", "reprisal", "reprisals"].includes(toks[j - 1].lower))) {
          // (unless a named actor owns it: "in retaliation for Britain's expulsion of four envoys", "in response to an
          // Israeli strike" report that act too, as the human codings have it)
          // ("the group's attacks": a back-reference names no one new)
          if (!mentions.some((x) => x.start > j && x.end <= v && /^[A-Z]/.test(x.text))) dropped = `the act answered ("${toks[j - 1].text} ${t.text}"), not a report of it`;
          break;
        }
      }
    }
    // "the first talks since fighting broke out", "since Russia invaded Ukraine": the time line's anchor, told as background
    for (let j = v - 1; j >= Math.max(0, v - 6); j--) {
      const t = toks[j];
      if (t.lower === "since") {
        dropped = "background (\"since ...\"), not a report of the act";
        break;
      }
      if (t.lower === "," || t.lower === ";" || t.pos === "VERB" || t.pos === "AUX" || t.pos === "ADP" || t.pos === "SCONJ") break;
    }
    // "the officers who seized power in July", "a week after the military seized power": a coup named to say who the
    // junta is, or when, is background (one told as the news, "the military seized power on Monday", is coded)
    if (!dropped && SEIZE_POWER.test(m.pattern.text) && !isNoun) {
      for (let j = v - 1; j >= Math.max(0, v - 5); j--) {
        const w = toks[j].lower;
        if ((w === "who" || w === "that" || w === "which") || (w === "after" && TIME_SPAN.has(toks[j - 1]?.lower ?? ""))) {
          dropped = "background (who the rulers are, or since when), not a report of the seizure";
          break;
        }
        if (w === "," || w === ";" || toks[j].pos === "VERB") break;
      }
    }
    // "said North Korea was behind the killing of ...": the act is told as the doing of the subject of "was behind"
    let behind: Mention | null = null;
    if (isNoun) {
      let k = v - 1;
      while (k >= 0 && (toks[k].pos === "DET" || toks[k].pos === "ADJ" || toks[k].pos === "NUM")) k--;
      if (k > 0 && toks[k].lower === "behind" && (BE.has(toks[k - 1].lower) || BE.has(toks[k - 1].lemma))) {
        behind = subjectLeft(c, k - 1, clauseStartOf(toks, k - 1, 0), new Set());
        // (the subject stands right before "was": an unknown name there leaves the act to the usual rules)
        if (behind && behind.end !== k - 1) behind = null;
        if (behind) notes.push(`source: the subject of "${toks[k - 1].text} behind"`);
        // ("reports that Russian officers were behind ...": hearsay)
        if (behind && hearsayAt(toks, behind.start - 1)) {
          negated = true;
          notes.push(`hypothetical ("${toks[behind.start - 2].text} that")`);
        }
      }
    }
    if (isNoun && behind) {
      source = behind;
      target = objectRight(c, m.end, TARGET_PREPS, new Set([behind]), 8);
      notes.push("nominal event");
    } else if (isNoun) {
      // the object of a statement, a protest or a verbal conflict ("denounced the Russian invasion", "protested
      // against the war"): a reference to an act reported elsewhere, not a report of it here and now
      // (", the minister said, after mediation by Kuwait": a comma right after the verb closes its clause, and so does
      // a subordinator before a cooperative act: "agreed to work towards a truce after talks in Doha under Qatari
      // mediation", but "condemned the war after the Russian invasion" refers to the invasion)
      if (prev && v >= prevEnd && v - prevEnd <= 20 && toks[prev.verbStart].pos === "VERB" && toks[prevEnd]?.lower !== "," && !toks.slice(prevEnd, v).some((t) => t.pos === "VERB" || t.lower === ";" || (SUBORDINATORS.has(t.lower) && (onto.nearest(code)?.quad ?? 4) <= 2))) {
        const gov = onto.nearest(prev.code);
        // "announced the expulsion of 23 diplomats", "declared a state of emergency": an act announced is the announcer's
        // (quotation marks aside: 'announced a "special military operation"')
        const announced = ANNOUNCE.has(toks[prev.verbStart].lemma) && v - prevEnd <= 4 && toks.slice(prevEnd, v).every((t) => t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || QUOTES.has(t.text));
        if ((prev.claims || announced) && prev.source) {
          claimant = prev.source;
          notes.push(`${announced ? "announced" : "claimed"} by ${prev.source.text}`);
        } else if (VOW.has(toks[prev.verbStart].lemma) && prev.source && ["18", "19", "20"].includes(code.slice(0, 2))) {
          // "vowed 'total war' on the group", "threatened a military response": force vowed is a threat
          const tc = onto.modal("threat", code);
          notes.push(`force vowed ("${toks[prev.verbStart].text}"): ${code} → ${tc}`);
          code = tc;
          claimant = prev.source;
          governed.add(prev.verbStart);
        } else if (gov && (gov.quad === 1 || gov.quad === 3 || gov.isProtest)) dropped = `the object of "${toks[prev.verbStart].text}": a reference, not a report`;
      }
      // "declined to call Russia's assault on Ukraine an invasion", "described the strike as ...": an act a verb of naming
      // takes as its object is named, not reported
      {
        let k = v - 1;
        while (k >= 0 && (npModifier(toks[k]) || toks[k].lower === "'s" || mentions.some((x) => x.start <= k && k < x.end))) k--;
        if (!dropped && k >= 0 && toks[k].pos === "VERB" && NAMING.has(toks[k].lemma)) dropped = `named ("${toks[k].text}"), not a report of the act`;
      }
      const ns = nounSource(c, m, new Set());
      betweenPair = !!ns.between;
      source = claimant ?? ns.source;
      // "was in Ankara for talks with his counterpart", "In a call with Zelenskiy, Macron pledged": a meeting or a call
      // named in a phrase of the clause is held by the clause's subject
      if (!source && code.startsWith("04")) {
        const k = heldWordBefore(toks, v);
        const opening = k === 0 && heldBy(toks, k);
        // ("handed over the bronzes during a visit to Abuja", "agreed to a truce after talks in Doha")
        // ("Protesters gathered during talks between the two sides": talks between others are not the subject's)
        const between = toks.slice(m.start, m.end + 1).some((t) => t.lower === "between");
        if (opening || (k > 0 && heldBy(toks, k) && !betweenPair && !between)) {
          const comma = opening ? toks.findIndex((t, j) => j > m.end && t.lower === ",") : -1;
          // (the clause's subject stands before its first verb: "Baerbock handed over the Benin Bronzes during a visit")
          const firstVerb = toks.findIndex((t, j) => j >= clauseStart && j < k && t.pos === "VERB");
          const held = opening ? (comma > 0 ? (mentions.find((x) => !x.modifier && x.start > comma && x.start <= comma + 4) ?? null) : null) : subjectLeft(c, firstVerb >= 0 ? firstVerb : k, clauseStart, new Set());
          if (held) {
            source = held;
            notes.push(`source: who holds it ("${toks[k].text} ${vt.text}")`);
          } else if (!opening && prev?.source && !prev.notes.includes("passive") && !prev.code.startsWith("14") && (!prev.dropped || governed.has(prev.verbStart))) {
            // ("said it would send police after talks with Haitian officials": a pronoun subject; the act before it is
            // the clause's, unless a protest: "workers went on strike after talks with the employers")
            source = prev.source;
            notes.push(`source: who holds it ("${toks[k].text} ${vt.text}"), the act before it's source`);
          }
        }
      }
      // "clashes with police": a pattern that ends in its preposition has its object right after it
      const endsInPrep = TARGET_PREPS.has(toks[m.end - 1]?.lower ?? "");
      target = ns.target ?? (p.notarget ? null : objectRight(c, m.end, endsInPrep ? null : TARGET_PREPS, new Set(source ? [source] : []), 8));
      // the tokens between the previous act and this one
      const inside = prev ? toks.slice(prev.verbEnd, v) : [];
      // "three soldiers were killed in clashes with rebels": those killed fought the rebels, who killed them
      if (!source && target && toks[m.end - 1]?.lower === "with" && prev && !prev.source && prev.target && prev.notes.includes("passive") && inside.some((t) => t.lower === "in") && inside.every((t) => t.lower === "in" || t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM")) {
        source = prev.target;
        notes.push("source: those the passive before it reports hit");
        prev.source = target;
        prev.notes.push(`source: the other side of "${toks[v].text} with"`);
        if (prev.dropped === "no source actor") prev.dropped = null;
      }
      // "told Mubarak in a telephone call", "during a state visit to Moscow": a nominal act the clause's own act
      // happens in is done by that act's source (with its target when the noun has none)
      let opener = inside.findIndex((t) => t.lower === "in" || t.lower === "during");
      // "in" right after the verb's object ("told Mubarak in a call"), not inside it ("$500 million in military aid"); "during" anywhere
      if (opener > 0 && inside[opener].lower === "in") {
        const from = prev!.verbEnd;
        for (let k = from; k < from + opener; k++) {
          if (toks[k].pos === "DET" || mentions.some((x) => !x.modifier && x.start <= k && k < x.end)) continue;
          opener = -1;
          break;
        }
      }
      if (!source && prev?.source && !prev.notes.includes("passive") && !prev.dropped && opener >= 0 && inside.length - opener <= 6 && inside.slice(opener + 1).every((t) => t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || t.pos === "NOUN" || t.lower === "-") && !inside.some((t) => t.lower === "," || t.lower === ";" || t.pos === "VERB")) {
        source = prev.source;
        // the object of the clause's verb ("told Putin in a call") is the other party when the noun names none
        const object = mentions.find((x) => !x.modifier && x !== source && x.start >= prev!.verbEnd && x.end <= prev!.verbEnd + opener);
        if (!target) target = object ?? (prev.target !== source ? prev.target : null);
        notes.push(`source: the act it takes place in ("${toks[prev.verbStart].text}")`);
        // a circumstance of the act, not its object: no reference to an act told elsewhere
        if (dropped?.startsWith("the object of")) dropped = null;
      }
      // "a Chinese invasion of Taiwan would be ...", "a strike on Iran could trigger ...": an act as the subject of a
      // conditional or a possibility is a supposition, not a report
      for (let j = m.end; j < Math.min(toks.length, m.end + 8); j++) {
        const t = toks[j];
        if (MAY.has(t.lower) || t.lower === "would") {
          negated = true;
          notes.push(`hypothetical ("${t.text}" after the act named as subject)`);
          break;
        }
        if (!(t.pos === "ADP" || t.pos === "DET" || t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || t.lower === "'s")) break;
      }
      // "Russia speeded up the withdrawal of its troops", "began the evacuation": the act a verb of aspect takes as
      // its object is done by that verb's subject
      if (!source) {
        let k = v - 1;
        while (k >= 0 && npModifier(toks[k])) k--;
        const particle = k >= 0 && (toks[k].pos === "PART" || ["up", "out", "on"].includes(toks[k].lower)) ? toks[k].lower : null;
        if (particle) k--;
        // ("staged": the tagger's lemma is "stag"; its base-form guess is "stage"; "carried out the killing", not "carrying
        // aid")
        if (k >= 0 && toks[k].pos === "VERB" && (ASPECT.has(toks[k].lemma) || ASPECT.has(toks[k].alt ?? "") || (toks[k].lemma === "carry" && particle === "out"))) {
          const subj = subjectLeft(c, k, clauseStartOf(toks, k, 0), new Set());
          if (subj && subj !== target) {
            source = subj;
            notes.push(`source: the subject of "${toks[k].text}"`);
          }
        }
      }
      // "triggering riots in Kampala", "as demonstrations spread": protests no actor is named for are made by the
      // place's civilians (CAMEO codes unnamed protesters xxxCVL); the record stage gives them the place's country
      if (!source && code.startsWith("14") && protestTold(toks, m)) {
        source = crowdOf(vt);
        crowd = true;
        notes.push("source: unnamed civilians (a protest no actor is named for)");
      }
      notes.push("nominal event");
      confidence -= 0.1;
    } else if (p.passive || isPassive(toks, m)) {
      const subj = subjectLeft(c, v, clauseStart, new Set());
      const agent = byPhrase(c, byAgentAt(toks, m.start + 1) ? m.start + 1 : m.end, new Set(subj ? [subj] : []));
      if (p.passive) {
        // "came under attack from X"
        target = subj;
        source = agent ?? objectRight(c, m.end, new Set(["from", "by"]), new Set(subj ? [subj] : []), 6);
      } else {
        target = subj;
        source = agent;
      }
      notes.push("passive");
    } else {
      // inverted speech: ", said the ministry"
      const speech = p.code.startsWith("01");
      const inverted = speech && v > 0 && [",", "\"", "''", "”"].includes(toks[v - 1].lower);
      if (inverted) {
        const after = mentions.find((x) => x.start >= m.end && x.start <= m.end + 2);
        if (after) source = after;
      }
      // a participial clause after a comma (", accusing X of ...", ", killing 12") belongs to the main subject
      // ... and so does one joined to such a clause by "and" (", killing 300 people and flattening villages")
      let noSubject = false;
      // ... and so does a gerund after a preposition of time or means (", days after threatening to cut ties", "by firing")
      const participial = !source && /ing$/.test(vt.lower) && v > 0 && (toks[v - 1].lower === "," || GERUND_OPENERS.has(toks[v - 1].lower) || (toks[v - 1].lower === "and" && !!prev?.notes.some((n) => n.startsWith("participial clause"))));
      if (participial) {
        // the main subject stands before the sentence's first verb ("An earthquake struck Morocco, killing ..." has none)
        const fv = toks.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
        const firstVerb = Math.min(fv < 0 ? v : fv, out[0]?.verbStart ?? v);
        // ("hundreds of people marched ..., demanding": the subject's "of" phrase stands for its head, as subjectLeft reads it)
        // the clause the participle follows is the last one before it ("X stormed ..., and police opened fire, killing")
        // ("New Delhi responded by expelling six diplomats": a gerund of means is done by the subject of the verb it follows)
        const means = toks[v - 1].lower === "by" && v >= 2 && toks[v - 2].pos === "VERB" ? subjectLeft(c, v - 2, clauseStartOf(toks, v - 2, 0), new Set()) : null;
        const main = means ?? [...out].reverse().find((e) => e.source && !e.code.startsWith("01") && !e.notes.includes("passive") && !/ing$/.test(toks[e.verbStart].lower) && toks[e.verbStart - 1]?.lower !== "to" && !(e.source.end < e.verbStart && toks.slice(e.source.end, e.verbStart).some((t) => t.lower === "that")))?.source ?? subjectLeft(c, firstVerb, 0, new Set());
        if (main && main.end <= v) {
          source = main;
          notes.push("participial clause: the main subject");
        } else {
          // an earthquake, a storm, a blackout: not an actor, and no actor named later in the sentence stands in for it
          noSubject = true;
          notes.push("participial clause: the main subject is no actor");
        }
      }
      // "vowed to crush the bandits terrorising the northwest": an -ing participle right after a noun phrase describes it
      if (!source && /ing$/.test(vt.lower) && v > 0 && toks[v - 1].lower !== ",") {
        const described = mentions.find((x) => x.end === v && !x.modifier);
        if (described) {
          source = described;
          notes.push("participle: the noun it describes");
        }
      }
      // "helping Russian forces launch drone strikes", "helped the army retake": the object of "help" does the bare verb
      if (!source && v > 1) {
        const helped = mentions.find((x) => x.end === v && !x.modifier);
        if (helped && helped.start > 0 && toks[helped.start - 1].lemma === "help" && toks[helped.start - 1].pos === "VERB") {
          source = helped;
          notes.push(`the one "${toks[helped.start - 1].text}" helps`);
        }
      }
      // "..., which killed 160": the subject of a relative clause is the noun before the pronoun
      let rel = v - 1;
      while (rel > 0 && (toks[rel].pos === "ADV" || toks[rel].pos === "AUX")) rel--;
      const relative = !source && rel > 0 && ["which", "who", "that"].includes(toks[rel].lower) && toks[rel].pos !== "SCONJ";
      if (relative) {
        const head = rel - 1 >= 0 && toks[rel - 1].lower === "," ? rel - 1 : rel;
        source = mentions.find((x) => x.end === head && !x.modifier) ?? null;
        notes.push(source ? "relative clause: its antecedent" : "relative clause: the antecedent is no actor");
        if (!source) dropped = "the subject is no actor";
      }
      if (!source && !relative && !noSubject) {
        source = subjectLeft(c, v, clauseStart, usedAsTarget);
        // coordinated verbs share a subject: "X attacked Y and killed Z", "..., killing Z"
        // ("stormed an army-run school in Peshawar and killed 132 children": a noun of the previous verb's complement
        // right before "and" is no subject of this one)
        // ("killed at least 13 people and injured dozens": the object the previous pattern holds is no subject either;
        // the previous verb's subject, or none, is)
        // ("killed at least 94 people in northern Mozambique and destroyed": a place phrase may close the first verb's phrase)
        const closesPrev = !!prev && (prev.verbEnd >= v - 2 || (toks[prev.verbEnd]?.pos === "ADP" && !toks.slice(prev.verbEnd, v - 1).some((t) => t.pos === "VERB" || t.lower === "," || t.lower === ";")));
        if (source && prev && source.start > prev.verbStart && source.end <= prev.verbEnd && toks[v - 1]?.lower === "and" && closesPrev) {
          notes.push(`"${source.text}" is the object of "${toks[prev.verbStart].text}"`);
          source = prev.source;
          if (!source) noSubject = true;
        }
        const inComplement = !!source && !!prev && source.start >= prev.verbEnd && source.start < v && toks[v - 1]?.lower === "and" && !toks.slice(prev.verbEnd, v).some((t, k) => (t.pos === "VERB" && toks[prev!.verbEnd + k - 1]?.lower !== "-") || t.lower === "," || t.lower === ";");
        // ("accused Russian forces of torturing detainees in Chechnya, and urged the Kremlin to ...": after ", and" a noun
        // inside the previous verb's complement, not right before this verb, is no subject; the sentence's first actor is)
        const main = out.find((e) => !e.dropped && e.source && !e.notes.includes("passive"));
        // ("Vietnam said that Chinese officers had beaten its crew, and lodged a protest": after ", and" a verb with no
        // subject of its own goes with the speech verb, not with the subject of what it said)
        const told = !!source && !!main?.source && main.code.startsWith("01") && main.verbEnd <= source.start && toks.slice(main.verbEnd - 1, source.start).some((t) => t.lower === "that");
        if (source && prev && main?.source && (source.start >= prev.verbEnd || source.start >= main.verbEnd || told) && source.end <= v - 2 && toks[v - 1]?.lower === "and" && toks[v - 2]?.lower === "," && main.source !== source) {
          source = main.source;
          notes.push("subject of the sentence's first act (after \", and\")");
        } else if (main?.source && main.code.startsWith("01") && toks[v - 1]?.lower === "and" && main.source !== source && (source ? told && !out.some((e) => e.source === source && e.verbStart > main.verbEnd) : toks.slice(main.verbEnd - 1, v).some((t) => t.lower === "that"))) {
          // ("told Mulino that China's influence was unacceptable and demanded changes": what the speaker said does
          // nothing, so the verb after "and" is the speaker's)
          source = main.source;
          notes.push("subject of the speech verb (what it told has no act of its own)");
        } else if (prev && prev.source && (!source || (prev.target && source === prev.target) || inComplement) && v - prevEnd <= (inComplement ? 12 : 4)) {
          const between = toks.slice(prevEnd, v).map((t) => t.lower);
          if (between.some((w) => w === "and" || w === "," || w === "then")) {
            source = prev.source;
            notes.push("subject shared with the previous verb");
          }
        }
        if (!source && clauseStart > 0 && sub < 0) {
          source = subjectLeft(c, v, 0, usedAsTarget);
          if (source) notes.push("subject from an outer clause");
          confidence -= 0.1;
        }
        // "Thousands rallied in Tbilisi", "Hundreds marched": a crowd counted, not named, protests as the place's civilians
        if (!source && code.startsWith("14")) {
          const head = toks.slice(clauseStart, v).filter((t) => t.pos !== "ADV");
          if (head.length && head.length <= 4 && CROWD_COUNT.test(head[0].lower) && head.every((t) => CROWD_COUNT.test(t.lower) || t.pos === "NUM" || t.lower === "of" || t.lower === "more" || t.lower === "than")) {
            source = crowdOf(head[0]);
            crowd = true;
            notes.push("source: a crowd counted, not named");
          }
        }
      }
      // a speech verb's object is the start of what was said ("said Israeli jets struck ..."), not its target
      // "accused Moscow of deporting ...", "blamed Kyiv for": the actor the pattern holds before its of/for is the target
      const held = p.notarget || speech ? undefined : mentions.find((x) => !x.modifier && x !== source && x.start > v && x.end < m.end && onlyDeterminers(toks, v + 1, x.start) && HELD_BY.has(toks[x.end].lower));
      if (held) {
        target = held;
        notes.push("target inside the pattern");
      } else if (!p.notarget) target = objectRight(c, m.end, speech ? new Set(["to"]) : null, new Set(source ? [source] : []), 10);
      // the object may lie inside the pattern: "accused Russia of", "clashed with police", or begin in it: "received
      // Turkish President Tayyip Erdogan" (the pattern ends on "President")
      // ("would send 2,000 more troops": forces of no country a deployment moves are what it sends, not whom it targets)
      const deployed = (x: Mention) => code.startsWith("15") && x.kind === "agent" && !x.country && FORCE_SECTORS.has(x.sector ?? "");
      if (!target && !p.notarget && !speech) {
        target =
          mentions.find(
            (x) => !x.modifier && x !== source && x.start > v && x.start < m.end && !deployed(x) && (onlyDeterminers(toks, v + 1, x.start) || TARGET_PREPS.has(toks[x.start - 1].lower)),
          ) ?? null;
        if (target) notes.push("target inside the pattern");
      }
      // "said Tehran was behind the attacks", "expelled six diplomats, saying they were linked to ...": the accused of an
      // accusation told as a finding is the subject of its "be", or what a pronoun there stands for, the object of the act before
      if (TOLD_FINDING.test(p.text)) {
        const be = toks.findIndex((t, j) => j > v && j < m.end && t.lemma === "be");
        const inner = be < 0 ? undefined : mentions.find((x) => !x.modifier && x !== source && x.start > v && x.end <= be);
        const pronoun = be > 0 && toks.slice(v + 1, be).some((t) => PRONOUN_SUBJECTS.has(t.lower));
        const told = inner ?? (pronoun ? prev?.target ?? null : null);
        if (told && told !== source) {
          target = told;
          notes.push(inner ? "target: the subject of what was said" : "target: the object of the act before, which the pronoun stands for");
        }
      }
      // a dictionary's patterns take, as PETRARCH does, the first actor after the verb in its clause
      if (!target && p.literal && !p.notarget && !speech) {
        const stop = toks.findIndex((t, j) => j >= m.end && (t.lower === ";" || (t.pos === "VERB" && j > m.end + 1 && toks[j - 1].lower === ",")));
        target = mentions.find((x) => !x.modifier && x.start >= m.end && (stop < 0 || x.start < stop) && x !== source) ?? null;
        if (target) notes.push("target: the first actor after the verb");
      }
    }
    // "welcomed the decision by Israel to reopen the crossing", "Israel's decision to reopen": the act a decision
    // names is done by whoever decided it
    if (!isNoun && v > 2 && toks[v - 1].lower === "to") {
      const decider = deciderBefore(toks, mentions, v - 1);
      if (decider && decider !== source) {
        if (target === decider) target = null;
        source = decider;
        notes.push(`source: who took the decision ("${toks[v - 2].text} to")`);
      }
    }
    if (p.swap) [source, target] = [target, source];
    // role slots ("+", "$" in PETRARCH patterns) name the actors outright
    const rs = bySpan(m.roles?.source);
    const rt = bySpan(m.roles?.target);
    if (rs) {
      if (target === rs) target = source;
      source = rs;
      notes.push("source bound by the pattern");
    }
    if (rt) {
      if (source === rt && !rs) source = target;
      target = rt;
      notes.push("target bound by the pattern");
    }
    const passiveVoice = notes.includes("passive");
    if (passiveVoice && p.passiveCode) {
      code = p.passiveCode;
      notes.push(`passive code ${code}`);
    }
    // "deploying 1,000 soldiers to Mozambique to help fight an insurgency", "would send police and troops at the request
    // of Prime Minister Sogavare": forces sent to another state to help it, or at its request, are military assistance
    // (074), not a show of force
    if (!p.literal && code.startsWith("15")) {
      const helpAbroad = !!source?.country && !!target?.country && target.country !== source.country && toks.slice(m.end, m.end + 16).some((t, k, a) => ASSIST.has(t.lower) && a[k - 1]?.lower === "to");
      if (helpAbroad || /\bat the (request|invitation) of\b/i.test(s.text)) {
        notes.push(`forces sent to help another state: ${code} → 074`);
        code = "074";
      }
    }
    // modality: threat, intent, appeal, demand, reject, negation, hypothesis
    // a dictionary's own patterns carry their code as written: only negation and hypotheses apply
    // and words the pattern itself spells out before the verb ("- &NEGATIVE * ...") are its own, not a negation
    // (a mediation after a hyphen is its mediator's, inside another's phrase: "agreed to a US-brokered ceasefire" does not
    // make the brokering an intent)
    const modals = hyphenMediation(toks, m) ? [] : modalityOf(toks, v, lex, clauseStart).filter(
      (x) => !p.literal || ((x.kind === "negation" || x.kind === "hypothetical") && !(m.preStart !== undefined && x.at >= m.preStart)),
    );
    // "urged him to do more to protect civilians", "was acting to protect the Druze", "took steps to curb": an
    // infinitive of purpose, after a verb of acting or a noun of means, names an aim, not an act
    if (!isNoun && !dropped && !modals.length && v >= 2 && toks[v - 1].lower === "to" && (PURPOSE_HEADS.has(toks[v - 2].lower) || PURPOSE_HEADS.has(toks[v - 2].lemma))) {
      dropped = `an aim ("${toks[v - 2].text} to ${vt.text}"), not an act`;
    }
    // the subject of a governing modal verb at `at`; "... met Putin and urged Moscow to ...": a verb after "and" shares
    // the previous verb's subject, not the object before it
    const governorOf = (at: number): Mention | null =>
      out.find((e) => e.verbStart === at && e.source)?.source ??
      (at > 0 && toks[at - 1].lower === "and" ? out.filter((e) => e.verbEnd <= at && e.source && !e.dropped).pop()?.source : undefined) ??
      subjectLeft(c, at, clauseStartOf(toks, at, 0), new Set());
    // "will not meet", "won't attend": a refusal, coded as the rejection of the act
    const refusal = !p.literal && modals.some((x) => x.kind === "negation" && ["not", "n't", "never"].includes(x.word)) && modals.some((x) => x.kind === "intent" && FUTURE.has(x.word));
    if (refusal) {
      const rc = onto.modal("reject", code);
      notes.push(`refusal ("will not"): ${code} → ${rc}`);
      code = rc;
    }
    // "could seek to seize", "did not vow to retaliate": a possibility or a negation governing the modal word
    // governs the act too ("if" is left out: a threat is conditional by nature)
    const first = modals.find((x) => x.kind !== "negation" && x.kind !== "hypothetical");
    if (first && !refusal) {
      // ("whether" asks, it does not set a condition: "asked whether Russia would retaliate" reports no threat)
      const over = modals.find((x) => (x.kind === "hypothetical" || x.kind === "negation") && x.at < first.at && (!CONDITIONAL.has(x.word) || x.word === "whether"));
      if (over) {
        negated = true;
        notes.push(`${over.kind === "negation" ? "negated" : "hypothetical"} ("${over.word}" governs "${first.word}")`);
      }
    }
    for (const md of refusal ? [] : modals) {
      if (md.kind === "negation") {
        negated = true;
        notes.push(`negated by "${md.word}"`);
      } else if (md.kind === "hypothetical") {
        // "Erdogan said Turkey could launch a ground incursion at any moment": force its own side may use, stated by
        // a speaker of that side, is a threat (13x), as the human codings have it
        // ("investigating whether its soldiers may have killed": a question about the past threatens nothing)
        // ... and so is any hostile act its own side could take, when the speaker warns of it ("Erdogan warned that Turkey
        // could cut ties with Israel if ...")
        const own = MAY_FORCE.has(md.word) && toks[md.at + 1]?.lower !== "have" && !modals.some((x) => x.kind === "negation" || x.word === "whether") && source?.country
          ? out.find((e) => e.verbEnd <= md.at && !e.dropped && e.source?.country === source!.country && (e.code.startsWith("01") || e.code.startsWith("13")))
          : undefined;
        const hostile = (onto.get(code)?.quad ?? 0) >= 3;
        const speaker = own && (["18", "19", "20"].includes(code.slice(0, 2)) || (hostile && toks[own.verbStart].lemma === "warn")) ? own : undefined;
        // "the EU said Iran must release the prisoners": what a speaker says another must do is the speaker's demand
        const demander = md.word === "must" && toks[md.at + 1]?.lower !== "have" && !modals.some((x) => x.kind === "negation" || CONDITIONAL.has(x.word))
          ? [...out].reverse().find((e) => e.verbEnd <= md.at && !e.dropped && e.source && e.source !== source && e.code.startsWith("01"))
          : undefined;
        if (demander) {
          const dc = onto.modal("demand", code);
          notes.push(`"${md.word}" said by ${demander.source!.text}: its demand, ${code} → ${dc}`);
          code = dc;
          target = source;
          source = demander.source;
          governed.add(demander.verbStart);
          break;
        }
        if (speaker) {
          const tc = onto.modal("threat", code);
          notes.push(`a hostile act "${md.word}" be done, said by its own side (${speaker.source!.text}): ${code} → ${tc}`);
          code = tc;
          governed.add(speaker.verbStart);
          break;
        }
        negated = true;
        notes.push(`hypothetical ("${md.word}")`);
      } else {
        // "will stage a diplomatic boycott", "said it would expel American journalists", "agreed to impose sanctions":
        // a decision to mobilise, sanction or coerce, stated without condition, is reported as the act itself;
        // force (18-20) stays a threat, and "if"/"unless"/"or face" make any of them one
        // ("will expel", "would suspend talks": a measure of 16/17 announced for the future is taken, as the human coders
        // of eval/gold code it; a deployment or force announced stays an intent or a threat)
        // ("would take countermeasures", "will respond with retaliatory measures" say what will answer an act: a threat)
        const answer = FUTURE.has(md.word) && toks.slice(m.start, m.end).some((t) => /^(counter|retaliat|reprisal|respon|revenge|punitive)/.test(t.lower));
        // "Putin ordered the army to ...", "told the Pentagon to prepare ...": an order to one's own forces or officials
        // is no demand on another; like a decision, it announces the act (a force ordered stays a threat)
        const boss = md.kind === "demand" && ORDER.has(toks[md.at].lemma) ? governorOf(md.at) : null;
        const ownOrder = !!boss && ownSide(boss, mentions.find((x) => x.start > md.at && x.end <= v && !x.modifier));
        if (ownOrder) notes.push(`an order to ${boss.text}'s own side`);
        // ("pledged to boost defence spending", "will build a fence along its border": a force posture intended toward no
        // one is announced, not threatened)
        const posture = md.kind === "intent" && code.startsWith("15") && !target;
        const decided = !answer && (DECIDE.has(md.word) || ownOrder || posture ? ["15", "16", "17"] : FUTURE.has(md.word) ? ["16", "17"] : []).includes(code.slice(0, 2)) && !toks.some((t) => CONDITIONAL.has(t.lower) || t.lower === "or");
        if (ownOrder && decided) {
          notes.push(`ordered ("${md.word}"): the act itself`);
          source = boss;
          governModal(md, v);
          break;
        }
        if (md.kind === "intent" && decided) {
          notes.push(`decided ("${md.word}"): the act itself`);
          governModal(md, v);
          break;
        }
        // ("Moscow would respond to any deployment", "will retaliate": an answer announced is a threat, unless what is
        // answered is a demand or a concern: "would respond to the protesters' demands")
        const menace = answer && !toks.slice(m.end, m.end + 5).some((t) => /^(demand|concern|request|question|call|letter|proposal|grievance|need|appeal|invitation|offer|query|queries)/.test(t.lower));
        const kind = ownOrder
          ? onto.get(code)?.quad === 4
            ? "threat"
            : "intent"
          : md.kind === "intent" && FUTURE.has(md.word) && (onto.get(code)?.quad === 4 || menace)
            ? "threat"
            : md.kind;
        const mk = MODAL_TO_ONTOLOGY[kind];
        if (mk && !(kind === "intent" && code.startsWith("03"))) {
          const modalCode = onto.modal(mk, code);
          notes.push(`${kind} ("${md.word}"): ${code} → ${modalCode}`);
          code = modalCode;
          governModal(md, v);
          // ("demanded that the RSF halt their siege of El Fasher": the act the demand governs is what is demanded, not
          // a mere reference to it)
          // (only where the demand's or appeal's own pattern ends on the verb the noun is the object of, not on a preposition)
          if (dropped?.startsWith("the object of") && prev && prevEnd - prev.verbStart > 1 && toks[prevEnd - 1]?.pos !== "ADP" && md.at === prev.verbStart && ["02", "10"].includes(prev.code.slice(0, 2)) && toks.slice(prevEnd, v).every((t) => t.pos === "DET" || t.pos === "ADJ" || POSSESSIVES.has(t.lower))) dropped = null;
          // ("did not rule out a strike on Iran" threatens Iran, "refused to rule out using force" threatens force; "did
          // not rule out a feud between cartels as the motive" threatens nothing)
          if (kind === "threat" && md.at < v && v < md.at + modalSpan(md)) {
            let k = m.end;
            while (toks[k] && (toks[k].pos === "DET" || toks[k].pos === "ADJ" || toks[k].lower === "or" || toks[k].lower === "and")) k++;
            const force = !!toks[k] && ((toks[k].pos === "VERB" && /ing$/.test(toks[k].lower)) || FORCE_NOUNS.has(toks[k].lemma));
            if (!force) dropped = `"${md.word}" kept open for no act of force: no threat`;
          }
          // appeals and demands are addressed to the governing verb's object ("urged Iran to ..."), from its subject
          if (kind === "appeal" || kind === "demand") {
            const addressee = mentions.find((x) => x.start > md.at && x.end <= v && !x.modifier);
            if (addressee) target = addressee;
            source = governorOf(md.at) ?? source;
          } else if (ownOrder) source = boss;
          else if (!FUTURE.has(md.word)) source = governorOf(md.at) ?? source;
        }
        break;
      }
    }
    // "demanded that the fighters withdraw by Tuesday or face an offensive", "gave them a week to leave or face
    // expulsion": a demand with a consequence is an ultimatum (139)
    if (code.startsWith("10") && !p.literal) {
      const or = toks.findIndex((t, k) => k > v && t.lower === "or" && ["face", "risk", "else"].includes(toks[k + 1]?.lower ?? ""));
      if (or > 0 && !toks.slice(v, or).some((t) => t.lower === ";")) {
        notes.push(`ultimatum ("or ${toks[or + 1].text}"): ${code} → 139`);
        code = "139";
      }
    }
    // "supplies to troops stationed on a warship", "diplomats accused of spying", "the ceasefire agreed two days earlier":
    // an -ed verb right after the object
    // noun of another act, before a preposition, describes that noun (a reduced relative clause); it reports no act
    // (not after a participle that itself describes the subject: "Protesters demanding his resignation marched in Lima")
    if (!isNoun && !dropped && vt.pos === "VERB" && /ed$/.test(vt.lower) && v > 0 && (toks[v - 1].pos === "NOUN" || toks[v - 1].pos === "PROPN") && ((toks[m.end]?.pos === "ADP" && toks[m.end].lower !== "by") || (timeAgo(toks, m.end) && !toks.slice(m.end, m.end + 5).some((t) => t.lower === "by"))) && !byAgentAt(toks, v + 1) && prev && prev.verbEnd <= v && toks[prev.verbStart].pos === "VERB" && !SAY_THAT.has(toks[prev.verbStart].lemma) && !prev.notes.includes("participle: the noun it describes") && !prev.notes.includes("passive") && !toks.slice(prev.verbEnd, v).some((t) => t.pos === "VERB" || t.pos === "AUX" || t.lower === "," || t.lower === "and" || t.lower === "who" || t.lower === "which" || t.lower === "that" || SUBORDINATORS.has(t.lower))) {
      dropped = `describes the noun before it ("${toks[v - 1].text} ${vt.text} ..."), not an act`;
    }
    // "a splinter group opposed to the peace process", "troops loyal to ...": a participle of state after a noun or a comma
    // says what the noun is, not what it did
    if (!isNoun && !dropped && STATE_PARTICIPLES.has(vt.lower) && toks[v + 1]?.lower === "to" && v > 0 && (toks[v - 1].pos === "NOUN" || toks[v - 1].pos === "PROPN" || toks[v - 1].lower === ",")) {
      dropped = `describes the noun before it ("${toks[v - 1].text} ${vt.text} to"), not an act`;
    }
    // "in a position paper released on the anniversary", "at a ceremony held in Kyiv": an -ed verb right after the noun of
    // a prepositional phrase describes that noun; it reports no act (a noun that names an actor may be a subject: "in
    // the city, police arrested"; one with its agent, "in a deal brokered by Qatar", "in an attack claimed by", tells who did it)
    if (!isNoun && !dropped && vt.pos === "VERB" && /ed$/.test(vt.lower) && v > 1 && toks[v - 1].pos === "NOUN" && !mentions.some((x) => x.start < v && x.end >= v) && toks[m.end]?.lower !== "by" && !byAgentAt(toks, v + 1)) {
      let k = v - 2;
      while (k >= 0 && (toks[k].pos === "NOUN" || toks[k].pos === "ADJ" || toks[k].pos === "NUM" || toks[k].lower === "-")) k--;
      // (an act of the clause is coded before the phrase: in "professionals of the theatre sector gathered", "forces
      // positioned on the border opened fire" the verb is the subject's)
      if (k >= 1 && toks[k].pos === "DET" && toks[k - 1].pos === "ADP" && toks[k - 1].lower !== "that" && !!prev && !prev.dropped && prev.verbEnd <= k - 1 && !describesNoun(toks, prev) && !toks.slice(0, k - 1).some((t) => SUBORDINATORS.has(t.lower))) dropped = `describes the noun before it ("${toks[v - 1].text} ${vt.text} ..."), not an act`;
    }
    // "vetoed a resolution on Friday demanding a ceasefire", "blocked a draft calling for sanctions": what a text kept
    // from adoption would have done reports no act
    if (!isNoun && !dropped && /ing$/.test(vt.lower) && prev && !prev.dropped && VETO.has(toks[prev.verbStart].lemma)) {
      const back = toks.slice(Math.max(prev.verbStart, v - 7), v);
      const text = back.findIndex((t) => TEXTS.has(t.lemma) || TEXTS.has(t.lower));
      if (text >= 0 && !back.slice(text + 1).some((t) => t.pos === "VERB" || t.lower === "," || t.lower === "and")) {
        dropped = `what a text kept from adoption ("${toks[prev.verbStart].text}") would have done, not an act`;
        // (the veto is then an act of its own, not the modal word of this one)
        governed.delete(prev.verbStart);
      }
    }
    // "led by jailed Fatah leader Marwan Barghouti", "the detained journalist": an -ed form after a preposition or a
    // determiner and before its noun describes that noun; it reports no act here
    if (!isNoun && !dropped && /ed$/.test(vt.lower) && m.end === v + 1 && v > 0 && (toks[v - 1].pos === "ADP" || toks[v - 1].pos === "DET") && ["NOUN", "PROPN", "ADJ"].includes(toks[v + 1]?.pos ?? "")) {
      dropped = `describes the noun after it ("${vt.text} ${toks[v + 1].text}"), not an act`;
    }
    // "deployed 400 police officers to Haiti to fight gangs": an infinitive after another act of the clause is that act's purpose
    // (not the act a modal word before it governs: "pledged to boost defence spending")
    if (!p.literal && code === p.code && v > 0 && toks[v - 1].lower === "to" && vt.pos === "VERB" && prev && prev.verbEnd <= v - 1 && !governed.has(prev.verbStart) && !toks.slice(prev.verbEnd, v).some((t) => CLAUSE_STOP.has(t.lower) || t.lower === "," || t.pos === "VERB")) {
      dropped = dropped ?? `the purpose of "${toks[prev.verbStart].text}", not a report of the act`;
    }
    // possibility words around the act; after a verb's phrase only right after it ("mobilised reservists for a possible
    // war" is a mobilisation), after a nominal act further on ("a strike on Iran is unlikely")
    // ("prepare for possible military action and threatened to cut aid": not past a clause's "and", comma or verb)
    let from = Math.max(0, v - 4);
    for (let j = v - 1; j >= from; j--) {
      if (["and", "but", ",", ";"].includes(toks[j].lower) || toks[j].pos === "VERB") {
        from = j + 1;
        break;
      }
    }
    if (HYPOTHETICAL_WORDS.test(toks.slice(from, Math.min(toks.length, m.end + (isNoun ? 7 : 2))).map((t) => t.text).join(" "))) {
      negated = true;
      notes.push("hypothetical (possibility word)");
    }
    // "the RSF seized Wad Madani", "rebels captured Goma": a town or a region seized is territory occupied (192), not
    // property (171)
    if (code === "171" && !isNoun && m.end - m.start === 1) {
      let k = m.end;
      while (k < toks.length && (toks[k].pos === "DET" || toks[k].pos === "ADJ")) k++;
      // (a bare name with no article that names no actor is a place too: ships and companies take "the")
      const place = places.find((pl) => pl.start === k) ?? (k === m.end && toks[k]?.pos === "PROPN" && !mentions.some((x) => x.start <= k && x.end > k) ? { name: toks[k].text } : null);
      if (place) {
        notes.push(`a place seized (${place.name}): 171 → 192`);
        code = "192";
      }
    }
    // codes that change with who acts and on whom (state forces, armed groups, armed targets)
    const actCode = code;
    if (!p.literal) code = recode(onto, code, source, target, notes, vt.lemma);
    // "said the United States had determined that the RSF had committed genocide": genocide told as what another actor
    // says or finds is that actor's accusation (1124), as the human codings have it, not a report of genocide
    if (code.startsWith("20") && toks.slice(m.start, m.end).some((t) => GENOCIDE.has(t.lower))) {
      const finder = finderOf(c, v, clauseStart);
      if (finder && finder !== source) {
        notes.push(`a finding of genocide by ${finder.text}: ${code} → 1124`);
        target = source;
        source = finder;
        code = "1124";
      }
    }
    // "ordered the army on high alert", "an operation ordered by President Trump": the order to one's own side, or one
    // told of an act, is coded as the act ordered; it is no demand on anyone
    if (!dropped && code.startsWith("10") && ORDER.has(vt.lemma) && (target ? ownSide(source, target) : passiveVoice)) {
      dropped = "an order to one's own side is coded as the act ordered";
    }
    // "a US-brokered ceasefire": the mediator is the word before the hyphen, or no one the lexicon knows
    if (hyphenMediation(toks, m) && code.startsWith("045")) {
      source = mentions.find((x) => x.end === v - 1) ?? null;
      if (!source) dropped = dropped ?? "no known mediator before the hyphen";
      else notes.push(HYPHEN_MEDIATOR);
    }
    // "F-16 jets arrived in Ukraine", "troops arrived in Haiti", "flew him into exile": forces, arms and people carried
    // that travel pay no visit
    if (code === "042" && TRAVEL.has(vt.lemma) && (["MIL", "COP", "REB", "CRM", "CVL", "REF"].includes(source?.sector ?? "") || ["him", "her", "them"].includes(toks[v + 1]?.lower ?? ""))) {
      dropped = dropped ?? "forces or people carried that travel are no visit";
    }
    if (sameAs) {
      target = sameAs.target;
      notes.push(`the act coded at "${toks[sameAs.verbStart].text}", done again`);
    }
    // "the last US troops left Afghanistan" withdraws; "the president left Kenya for Paris", "rebels left the talks" do not
    if (code === "0874" && LEAVE.has(vt.lemma) && source?.sector !== "MIL") dropped = dropped ?? "only troops that leave withdraw";
    if (source && target && source === target) target = null;
    // "signed a declaration at the White House", "met at the Kremlin": a seat of government after "at" is where an act
    // short of force happens, not whom it is done to
    if (target && target.kind === "country" && target.sector === "GOV" && !["15", "17", "18", "19", "20"].includes(code.slice(0, 2))) {
      let j = target.start - 1;
      while (j >= 0 && toks[j].pos === "DET") j--;
      if (toks[j]?.lower === "at") {
        notes.push(`"at ${target.text}" is the place, not the target`);
        target = null;
      }
    }
    // "a port deal Ethiopia struck with Somaliland": a deal struck is made, not an attack
    if (!dropped && vt.lemma === "strike" && code.startsWith("19") && toks.slice(Math.max(0, v - 5), v).some((t) => DEALS.has(t.lemma))) dropped = "a deal struck, not an attack";
    // "the city destroyed by an American atomic bomb in 1945", "executions in 1988": an act its clause dates years before
    // the article is history told as background, not news
    const dated = year ? pastYearAt(toks, v, m.end, year) : null;
    if (dated) dropped = dropped ?? `history ("in ${dated}"), not news`;
    if (!source) dropped = dropped ?? NO_SOURCE;
    else if (negated && !opts.keepNegated) dropped = dropped ?? "negated or hypothetical";
    else if (source.sector === "UAF" && !source.country && !opts.keepUnattributed) dropped = dropped ?? UNATTRIBUTED;
    if (code === NULL_CODE) dropped = dropped ?? "the pattern has the null code";
    else if (!onto.nearest(code)) dropped = dropped ?? `code ${code} is not in the ontology`;
    // "Somali forces backed by U.S. air strikes recaptured ...": the noun a participle describes is still the next verb's subject
    const reducedRelative = notes.includes("passive") && target !== null && (target.end === v || toks[v - 1].lower === ",");
    if (target && !p.code.startsWith("01") && !reducedRelative) usedAsTarget.add(target);
    if (source && !source.country && !source.inferred) confidence -= 0.05;
    const cand: EventCandidate = {
      sentence: s.index,
      code,
      pattern: p.text,
      patternWhere: p.where,
      verbStart: m.start,
      verbEnd: m.end,
      source,
      target,
      negated,
      notes,
      dropped,
      confidence: Math.max(0.05, Math.min(1, confidence)),
      ...(p.compound ? { compound: true } : {}),
      ...(p.literal ? { literal: true } : {}),
      ...(p.claims ? { claims: true } : {}),
      // "fighting between A and B" is done by each side to the other
      ...(p.mutual || betweenPair ? { mutual: true } : {}),
      ...(crowd ? { crowd: true } : {}),
      ...(actCode !== code ? { actCode } : {}),
    };
    out.push(cand);
    prev = cand;
    prevEnd = m.end;
  }
  // targets the clause leaves implicit, before the coordinated and mutual copies are made (./event-targets.ts)
  unhyphenTargets(out, HYPHEN_MEDIATOR);
  modifierTargets(out, toks, mentions);
  // coordinated subjects ("Iran and Iraq signed ...") and mutual acts ("X met Y": Y met X too)
  const extra: EventCandidate[] = [];
  for (const e of out) {
    if (e.dropped || !e.source) continue;
    const src = e.source;
    // a "by" agent after its verb ("brokered by Turkey and the United Nations") is coordinated up to the sentence end
    const group = coordinated(toks, mentions, src, src.start > e.verbStart ? toks.length : e.verbStart).filter((x) => x !== e.target);
    const others = group.filter((x) => x !== src);
    const mutual = (!!onto.get(e.code)?.flags.has("mutual") || !!e.mutual) && !e.literal;
    // "Kyiv and Moscow accused each other of ...": each does it to the other
    const reciprocal = !e.target && toks.slice(e.verbStart + 1, e.verbStart + 4).some((t, k, a) => (t.lower === "each" || t.lower === "one") && ["other", "another"].includes(a[k + 1]?.lower ?? ""));
    // ("Iran and Saudi Arabia agreed to re-establish relations": a diplomatic act two sides agree on is each one's to
    // the other)
    const agreedTogether = !e.target && ["03", "04", "05"].includes(e.code.slice(0, 2)) && !e.code.startsWith("045");
    if ((e.compound || (e.literal && !e.target) || (mutual && !e.target) || reciprocal || agreedTogether) && others.length && (!e.target || others.includes(e.target))) {
      // "A and B agreed", "A and B postponed their meeting": each acts on the others (PETRARCH's compound actors)
      e.target = others[0];
      e.notes.push("compound actor");
      for (const a of group) for (const b of group) if (a !== b && !(a === src && b === others[0])) extra.push(recast(onto, e, a, b, "compound actor, each on the other"));
      continue;
    }
    for (const o of others) extra.push(recast(onto, e, o, e.target, "coordinated subject"));
    // "met X and Y", "ties with A, B and C": each coordinated target is a target
    const targets = e.target ? coordinated(toks, mentions, e.target, toks.length).filter((x) => x !== e.target && !group.includes(x)) : [];
    for (const s2 of group) for (const t of targets) extra.push(recast(onto, e, s2, t, "coordinated target"));
    // a dictionary's codes are taken as written: no mutual acts but its own % patterns
    // (a mutual act without a target and with coordinated sources was made pairwise above)
    const t0 = e.target;
    // (not a bare noun the pattern holds, with no country of its own: "reopen embassies", "restore ties with the government")
    if (mutual && t0 && !(t0.kind === "agent" && !t0.country && e.notes.includes("target inside the pattern"))) for (const s2 of group) extra.push(recast(onto, e, t0, s2, "mutual act, reverse direction"));
  }
  out.push(...extra);
  // and after them: the sides a mediator mediates between, swaps, and what a criticism or a threat answers
  mediationSides(out, onto, HYPHEN_MEDIATOR, (e, src, tgt, note) => recast(onto, e, src, tgt, note));
  swapReleases(out, toks);
  answeredActs(out, toks);
  // ", killing 12": the toll of an attack already coded in the sentence is its outcome, not another event
  const violent = (code: string) => ["17", "18", "19", "20"].includes(code.slice(0, 2));
  // "claimed responsibility for two car bombings" matched by the act's own pattern: the claim is coded too (015)
  for (const e of [...out]) {
    if (e.dropped || !e.source || toks[e.verbStart].lemma !== "claim" || !violent(e.code) || out.some((x) => x.code === "015" && x.source === e.source && !x.dropped)) continue;
    out.push({ ...e, code: "015", target: null, notes: [...e.notes, "the claim of the act"], actCode: undefined, mutual: undefined });
  }
  // "Ethiopian troops backing Somalia's government pounded ...", "forces backed by clan militias recaptured the town": a
  // participle of support that describes the subject of the clause's act tells who the subject is, not an act of its own
  for (const e of out) {
    if (e.dropped || !["050", "051"].includes(e.code)) continue;
    const described = e.notes.includes("participle: the noun it describes") ? e.source : e.notes.includes("passive") && e.target?.end === e.verbStart ? e.target : null;
    if (described && out.some((x) => x !== e && !x.dropped && x.source === described && x.verbStart >= e.verbEnd)) e.dropped = `describes ${described.text}, the subject of a later act`;
  }
  // "in an attack claimed by Islamic State": a claim told in the passive of an attack named just before it
  for (const e of out) {
    if (toks[e.verbStart].lemma !== "claim" || !e.notes.includes("passive") || !e.source || e.negated) continue;
    if (!out.some((n) => n.notes.includes("nominal event") && violent(n.code) && n.verbEnd <= e.verbStart && e.verbStart - n.verbEnd <= 1)) continue;
    e.code = "015";
    e.claims = true;
    e.target = null;
    e.notes.push("a claim of the attack named before it (passive)");
    if (e.dropped === NO_SOURCE) e.dropped = null;
  }
  // "Gunmen stormed a hotel in Mogadishu, and al Shabaab claimed responsibility": where unattributed acts are kept (the
  // store, for alerts), an attack no one was named for, claimed in the same sentence by a named group, is that group's
  // act; CAMEO output codes only the claim, as the human codings do
  if (opts.keepUnattributed) claimedAttacks(out, onto, violent);
  foldParticiples(out, toks, violent, violent, true, "outcome of the act");
  // "An Israeli air strike destroyed a house", "a drone strike killed the commander": what a nominal attack does as the
  // subject of its clause is its outcome, coded with the attack
  const harm = (code: string) => violent(code) || code === "171";
  for (const e of out) {
    if ((e.dropped && e.dropped !== NO_SOURCE) || !harm(e.code) || e.notes.includes("nominal event")) continue;
    // ("an Israeli raid on the Jenin camp killed 12": the subject found for the verb, if any, may be the attack's object)
    const ofAttack = (x: EventCandidate) => x.source === e.source || (!!x.source && (!e.source || (e.source.start >= x.verbEnd && e.source.end <= e.verbStart)));
    const n = out.find((x) => x !== e && !x.dropped && x.notes.includes("nominal event") && violent(x.code) && ofAttack(x) && x.verbEnd <= e.verbStart && e.verbStart - x.verbEnd <= 12 && !toks.slice(x.verbEnd, e.verbStart).some((t, j) => (t.pos === "VERB" && toks[x.verbEnd + j - 1]?.pos !== "DET") || t.pos === "AUX" || t.lower === "," || t.lower === ";" || t.lower === "and"));
    if (!n) continue;
    e.dropped = `outcome of the act coded at "${toks[n.verbStart].text}"`;
    // (whom it hit is whom the attack hit: "a drone strike killed an al Shabaab commander")
    if (!n.target && e.target && e.target !== n.source) {
      n.target = e.target;
      n.notes.push(`target: whom its outcome ("${toks[e.verbStart].text}") hit`);
    }
  }
  // "rallied in Minsk, demanding that ...", "protesters demanding his resignation marched", "marched to demand":
  // what a protest demands is the protest's aim, not another event; a demand for leadership, policy, rights or
  // institutional change makes a bare demonstration (141) one for that change (1411-1414)
  foldDemands(out, toks);
  // "rejected Putin's demand that ...", "ignored pleas for restraint from China": the demand or appeal rejected was made,
  // and is reported too (as the human codings have it), by its owner to the one who rejects it
  out.push(...rejectedAsks(out, toks, onto));
  // the governing verb of a modal act ("urged", "vowed") is folded into the act's event
  for (const e of out) {
    if (governed.has(e.verbStart) && !e.dropped) e.dropped = "folded into the act it governs";
  }
  // "warned that it would take countermeasures": a comment whose that-clause holds a coded act is that act's report
  for (const e of out) {
    if (e.dropped || e.claims || !onto.get(e.code)?.flags.has("statement")) continue;
    const that = toks[e.verbEnd - 1]?.lower === "that" ? e.verbEnd - 1 : toks[e.verbEnd]?.lower === "that" ? e.verbEnd : -1;
    if (that < 0) continue;
    const said = out.find((x) => x !== e && !x.dropped && x.verbStart > that && !onto.get(x.code)?.flags.has("statement"));
    if (said) e.dropped = `what it says is coded ("${toks[said.verbStart].text}")`;
  }
  // "told the Security Council that the mission must leave the country": a that-clause saying what another must do,
  // with no act coded in it, makes the statement a demand (100) on that clause's subject
  for (const e of out) {
    if (e.dropped || !e.code.startsWith("01") || !onto.get(e.code)?.flags.has("statement")) continue;
    let that = -1;
    for (let j = e.verbEnd - 1; j < Math.min(toks.length, e.verbEnd + 12) && toks[j].lower !== ";"; j++) {
      if (toks[j].lower === "that") {
        that = j;
        break;
      }
    }
    if (that < 0) continue;
    const must = toks.findIndex((t, k) => k > that && k <= that + 10 && t.lower === "must" && toks[k + 1]?.lower !== "have");
    if (must < 0 || toks.slice(that + 1, must).some((t) => t.lower === "," || t.lower === ";" || t.lower === "that" || t.lower === "which" || t.pos === "AUX")) continue;
    if (out.some((x) => x !== e && !x.dropped && x.verbStart > that && !x.code.startsWith("01"))) continue;
    const subject = mentions.find((x) => !x.modifier && x.start > that && x.end <= must && x !== e.source) ?? null;
    e.notes.push(`what "${toks[that + 1]?.text ?? ""} ..." must do, said: a demand`);
    e.code = "100";
    e.target = subject ?? e.target;
  }
  // "Twelve militants were killed in an operation, the military said", "Pakistan army says 8 militants killed in raid":
  // armed men killed with no one named for it, reported by a state's forces, were killed by those forces
  const forces = out.find((x) => x.code.startsWith("01") && (x.dropped === null || x.dropped === NUMBER_OBJECT) && (x.source?.sector === "MIL" || x.source?.sector === "COP"));
  for (const e of forces ? out : []) {
    if (e.dropped !== NO_SOURCE || e.negated || !["18", "19"].includes(e.code.slice(0, 2)) || !e.notes.includes("passive") || !["REB", "UAF", "CRM"].includes(e.target?.sector ?? "")) continue;
    const notes = [...e.notes, `killed with no one named, told by ${forces!.source!.text}: by its forces`];
    e.code = recode(onto, e.actCode ?? e.code, forces!.source, e.target, notes);
    e.source = forces!.source;
    e.notes = notes;
    e.dropped = null;
    if (forces!.dropped === NUMBER_OBJECT) forces!.dropped = "its clause is coded";
  }
  // "Zimbabwe's opposition leader was arrested on Sunday and charged": an arrest, a detention or a charge told in the
  // passive with no agent is the authorities' of the place where it happens (the record stage finds which)
  for (const e of out) {
    if (e.dropped !== NO_SOURCE || e.negated || !e.code.startsWith("17") || !e.notes.includes("passive") || !e.target || ["REB", "MIL", "CRM", "UAF"].includes(e.target.sector ?? "")) continue;
    // (not in a relative clause, which names whom it describes: "Meng Wanzhou, who was arrested in Vancouver")
    if (!AUTHORITIES_ACTS.has(toks[e.verbStart].lemma) || toks.slice(Math.max(0, e.verbStart - 3), e.verbStart).some((t) => ["who", "whom", "which", "that"].includes(t.lower))) continue;
    e.source = { text: "authorities", code: "GOV", country: null, sector: "GOV", kind: "agent", start: e.verbStart, end: e.verbStart, charStart: toks[e.verbStart].start, charEnd: toks[e.verbStart].start, inferred: "unnamed authorities" };
    e.notes.push("an arrest with no agent named: the authorities'");
    e.dropped = null;
  }
  // bare statements only when nothing else was coded in the sentence
  const coded = out.filter((e) => !e.dropped);
  const statement = (e: EventCandidate) => e.code === "010";
  const others = coded.some((e) => !statement(e));
  // "The Kremlin said on Thursday that relations were at their lowest point": a sentence that opens with its speaker
  // and reports no act is that speaker's comment (01); a trailing ", officials said" only names a story's source
  const opensWithSpeaker = (e: EventCandidate) =>
    !!e.source && e.source.start <= 1 && (e.source.start === 0 || toks[0].pos === "DET") && e.verbStart - e.source.end <= 4 && !toks.slice(0, e.verbStart).some((t) => t.lower === "," || t.pos === "VERB");
  for (const e of coded) {
    if (!statement(e)) continue;
    // "the economy added 256,000 jobs", "the index gained 2%": a verb of saying with a number for object says nothing
    if (toks[e.verbEnd]?.pos === "NUM" && e.verbEnd - e.verbStart === 1) e.dropped = NUMBER_OBJECT;
    else if (others) e.dropped = "statement with other events in the sentence";
    else if (!opts.statements && !opensWithSpeaker(e)) e.dropped = "a bare statement is coded when the sentence opens with its speaker (all of them with --statements)";
    // ("Military experts said Russia could ...", "Diplomats said it was unclear ..."): a speaker named by a bare noun of
    // no country, whose country would only be guessed, comments for no one
    else if (!opts.statements && e.source?.kind === "agent" && !e.source.country) e.dropped = "a bare statement by a speaker of no country";
  }
  return out;
}

export function createEventsStage(lex: VerbLexicon, onto: Ontology, opts: EventOptions = {}) {
  const dIdx = discardIndex(lex.discards ?? []);
  return defineStage({
    name: "events",
    requires: ["sentences", "mentions", "places"],
    assigns: ["events"],
    run(doc: Doc): Doc {
      const events: EventCandidate[] = [];
      const year = doc.published ? Number(doc.published.slice(0, 4)) : null;
      const lower = dIdx.size ? doc.sentences.map((s) => s.text.toLowerCase()) : [];
      // a story-level discard ("+World Cup") stops the whole article; a sentence-level one its sentence
      if (dIdx.size && lower.some((t) => findDiscard(t, dIdx, "story"))) return { ...doc, events };
      for (const s of doc.sentences) {
        if (s.caption) continue;
        if (dIdx.size && findDiscard(lower[s.index], dIdx, "sentence")) continue;
        events.push(...codeSentence(s, doc.mentions[s.index], lex, onto, opts, doc.places[s.index] ?? [], year));
      }
      return { ...doc, events };
    },
  });
}
