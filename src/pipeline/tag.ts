// Stage tag: sentences and tokens (part of speech, lemma, character offsets) from wink-nlp, per paragraph.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Sentence, Token } from "../core/types.js";
import type { Doc } from "./doc.js";
import { defineStage } from "./stage.js";

type Nlp = ReturnType<typeof winkNLP>;
let shared: Nlp | null = null;

/** The wink-nlp instance, loaded once (no NER/sentiment pipes: only what the coder reads). */
export function loadTagger(): Nlp {
  if (!shared) shared = winkNLP(model, ["sbd", "negation", "pos"]);
  return shared;
}

/** Longest paragraph handed to the tagger at once; longer ones are cut at a sentence-like boundary. */
const CHUNK = 20_000;

function chunks(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  while (end - s > CHUNK) {
    let cut = text.lastIndexOf(". ", s + CHUNK);
    if (cut <= s) cut = text.lastIndexOf(" ", s + CHUNK);
    cut = cut <= s ? s + CHUNK : cut + 1;
    out.push([s, cut]);
    s = cut;
  }
  out.push([s, end]);
  return out;
}

const SUBJECT_END = new Set(["NOUN", "PROPN", "PRON"]);
const OBJECT_START = new Set(["DET", "NUM", "ADJ", "ADV", "PRON", "PROPN"]);
/** Irregular past tenses of prefixed verbs the tagger does not know ("rebels retook the town"). */
const IRREGULAR_PAST = new Map([["retook", "retake"], ["overtook", "overtake"], ["undertook", "undertake"], ["overthrew", "overthrow"], ["withheld", "withhold"], ["upheld", "uphold"], ["overrode", "override"], ["rebuilt", "rebuild"], ["reran", "rerun"]]);
const PLURAL_SUBJECT = /(?:[^s]s|men|people|police)$/;

/** Two guesses at the base form of a verb from its stem without -ed or -ing: "abduct" / "abducte", "seiz" / "seize", "shell" from "shelling". */
function guessBase(t: Token, stem: string): void {
  t.lemma = /([bdgklmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  t.alt = stem + "e";
}

/**
 * The tagger calls some past-tense verbs nouns after a plural subject ("gunmen abducted more than 200"):
 * an -ed word between a noun and the start of an object is taken as a verb, with two guesses at its base
 * form ("abduct" and "abducte"; "seiz" and "seize") for the verb lexicon to match.
 */
export function retagPastTense(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    // "talks mediated by Oman", "jets supplied by Denmark": a participle with its agent is a passive verb
    if (t.pos === "ADJ" && tokens[i + 1].lower === "by" && /^[a-z]{3,}ed$/.test(t.lower)) {
      t.pos = "VERB";
      baseOfPast(t);
      continue;
    }
    const irregular = IRREGULAR_PAST.get(t.lower);
    if ((t.pos !== "NOUN" && t.pos !== "ADJ") || !(irregular || /^[a-z]{3,}[^aeiou]ed$|^[a-z]{3,}[aeiou][^aeiouy]ed$|^[a-z]{2,}ied$/.test(t.lower))) continue;
    // a plural noun, an -ed word, a noun: "security forces tortured detainees" (not "the armed groups")
    const nounObject = tokens[i + 1].pos === "NOUN" && (tokens[i - 1].pos === "NOUN" || tokens[i - 1].pos === "PROPN") && PLURAL_SUBJECT.test(tokens[i - 1].lower);
    // ("killed hundreds of men and abducted thousands of women": a second verb after "and", its object a noun)
    const coordinated = tokens[i - 1].lower === "and" && tokens.slice(0, i - 1).some((x) => x.pos === "VERB") && (OBJECT_START.has(tokens[i + 1].pos) || tokens[i + 1].pos === "NOUN");
    // ("bandits abducted at least 287 pupils": a count's "at least" opens an object too)
    const atLeast = tokens[i + 1].lower === "at" && tokens[i + 2]?.lower === "least" && PLURAL_SUBJECT.test(tokens[i - 1].lower);
    if (!coordinated && (!SUBJECT_END.has(tokens[i - 1].pos) || !(OBJECT_START.has(tokens[i + 1].pos) || nounObject || atLeast))) continue;
    if (tokens[i - 1].pos === "PRON" && tokens[i - 1].lower !== "they" && tokens[i - 1].lower !== "he" && tokens[i - 1].lower !== "she" && tokens[i - 1].lower !== "it") continue;
    t.pos = "VERB";
    if (irregular) t.lemma = irregular;
    else baseOfPast(t);
  }
}

/** The base form of a regular past tense: "supplied" → supply, "seized" → seiz / seize. */
function baseOfPast(t: Token): void {
  if (t.lower.endsWith("ied")) t.lemma = t.lower.slice(0, -3) + "y";
  else guessBase(t, t.lower.slice(0, -2));
}

/**
 * The lemmatizer cuts some -ed verbs one letter short ("staged" → stag, "waged" → wag, "fined" → fin): where it
 * took off the whole "ed", the form without the "d" is given as a second base form for the verb lexicon to match.
 */
export function addBaseFormGuesses(tokens: Token[]): void {
  for (const t of tokens) {
    if (t.alt || t.pos !== "VERB" || !/[^e]ed$/.test(t.lower) || t.lemma !== t.lower.slice(0, -2)) continue;
    t.alt = t.lower.slice(0, -1);
  }
}

/** Past participles the tagger calls nouns after "had", "has", "have" ("said it had shot down 30 drones"). */
const PARTICIPLES = new Set(["shot", "hit", "struck", "fought", "seized", "killed", "held", "sent", "won", "lost", "left", "led", "fled", "met", "cut", "set", "put", "shut", "spread", "thrown", "beaten", "broken", "driven", "taken", "given", "begun", "sunk", "sold", "told", "found", "bound", "fed", "slain", "stolen", "sworn", "torn", "shelled", "bombed", "launched", "fired", "downed", "captured", "attacked", "arrested", "detained", "signed", "agreed", "rejected"]);
const HAVE = new Set(["had", "has", "have", "having"]);
/** Participles of "re-" verbs the tagger calls nouns after "had": "retaken", "recaptured", "reopened". */
const RE_PARTICIPLE = /^re[a-z]{3,}(?:en|ed)$/;
/** An -ing word of a stem of three letters or more ("bombing", not "king"). */
const ING_WORD = /^[a-z]{3,}ing$/;
/** Is t an -ing word the tagger called a noun ("bombing", "warning"), which may be a gerund? */
function nounInIng(t: Token): boolean {
  return t.pos === "NOUN" && ING_WORD.test(t.lower);
}

/** Make an -ing word the tagger called a noun the verb it is, with base-form guesses from its stem. */
function asGerund(t: Token): void {
  t.pos = "VERB";
  guessBase(t, t.lower.slice(0, -3));
}

/** Prepositions a gerund follows: "by expelling", "after storming", "without warning". */
const GERUND_PREPS = new Set(["by", "after", "before", "while", "without", "since", "for"]);
const ASPECTUAL = new Set(["begin", "start", "continue", "resume", "keep", "stop", "finish", "cease"]);

/**
 * Two more tagger slips that hide a clause's verb or subject: a participle after "had" called a noun ("had shot
 * down"), and a noun-phrase head called an adjective before the verb ("the Israeli military said").
 */
export function retagClauseHeads(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    if (t.pos === "NOUN" && HAVE.has(before.lower) && (PARTICIPLES.has(t.lower) || RE_PARTICIPLE.test(t.lower))) {
      // ("had retaken", "had reopened": the lemma the tagger left is the participle's)
      if (t.lemma === t.lower) {
        if (t.lower.endsWith("ed")) baseOfPast(t);
        else t.lemma = t.lower.slice(0, -1);
      }
      t.pos = "VERB";
      continue;
    }
    // "has begun sharing intelligence", "resumed shelling": the -ing form after a verb of beginning or going on is a verb
    if ((t.pos === "NOUN" || t.pos === "ADJ") && ING_WORD.test(t.lower) && ASPECTUAL.has(before.lemma)) {
      t.pos = "VERB";
      guessBase(t, t.lower.slice(0, -3));
      continue;
    }
    const next = tokens[i + 1];
    // "responded by expelling six diplomats", "after storming the palace": an -ing form after a preposition of means or
    // time and before its object is a verb (a gerund), not a noun
    if (nounInIng(t) && GERUND_PREPS.has(before.lower) && next && ["DET", "NUM", "PROPN", "PRON"].includes(next.pos)) {
      asGerund(t);
      continue;
    }
    // "police shot dead three protesters": "shot" before "dead" or "down" after its subject is the verb
    if (t.pos === "NOUN" && t.lower === "shot" && next && (next.lower === "dead" || next.lower === "down") && (before.pos === "NOUN" || before.pos === "PROPN")) {
      t.pos = "VERB";
      t.lemma = "shoot";
      continue;
    }
    if (t.pos === "ADJ" && next && (next.pos === "VERB" || next.pos === "AUX") && (before.pos === "DET" || before.pos === "PROPN" || before.pos === "ADJ") && !/(ed|en)$/.test(t.lower)) t.pos = "NOUN";
  }
}

const DETERMINER_LIKE = new Set(["DET", "NUM"]);
/** Possessive pronouns, which open a noun phrase like a determiner ("its seized tanker", "met his counterpart"). */
export const POSSESSIVES: ReadonlySet<string> = new Set(["its", "their", "his", "her", "our"]);

/**
 * The tagger calls some participles before a noun verbs ("rescued 50 kidnapped students", "returned the seized
 * tanker"): after a determiner, a number, a possessive or a preposition and before a noun, an -ed word describes the noun.
 */
export function retagAttributiveParticiples(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== "VERB" || !/ed$/.test(t.lower)) continue;
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    // after a preposition too ("aid to displaced families"): an -ed word there is never an infinitive
    // ... and before a name ("in occupied East Jerusalem"); a territory's participle also in a noun phrase joined to one
    // after a preposition ("from operating in Israel and occupied East Jerusalem", but "killed hundreds of men and abducted")
    const opener = DETERMINER_LIKE.has(before.pos) || POSSESSIVES.has(before.lower) || before.pos === "ADP" || before.lower === "to";
    if (!(opener || (before.lower === "and" && TERRITORY_PARTICIPLES.has(t.lower) && inPrepositionalPhrase(tokens, i - 2)))) continue;
    const beforeName = before.pos === "ADP" || before.pos === "DET" || before.lower === "and";
    // ("their disputed Himalayan border": a name that goes on to a noun is one more modifier)
    if (!(next.pos === "NOUN" || (next.pos === "PROPN" && (beforeName || tokens[i + 2]?.pos === "NOUN")))) continue;
    t.pos = "ADJ";
    t.attributive = true;
  }
}

/** Participles that name a territory by its state ("occupied East Jerusalem", "annexed Crimea"). */
const TERRITORY_PARTICIPLES = new Set(["occupied", "annexed", "disputed", "contested", "besieged", "blockaded"]);

/** Does the noun phrase ending at token j stand in a prepositional phrase ("in Israel", "from the West Bank")? */
function inPrepositionalPhrase(tokens: readonly Token[], j: number): boolean {
  let k = j;
  while (k >= 0 && (tokens[k].pos === "PROPN" || tokens[k].pos === "NOUN" || tokens[k].pos === "ADJ" || tokens[k].pos === "DET")) k--;
  return k < j && k >= 0 && tokens[k].pos === "ADP";
}

/** Possessive determiners that are never an object: POSSESSIVES but "her" (which may be: "arrested her"), with "my", "your". */
const OWNERS: ReadonlySet<string> = new Set([...[...POSSESSIVES].filter((w) => w !== "her"), "my", "your"]);

/** A base or present form the tagger calls a verb right after a possessive is a noun: "in retaliation for his capture",
 *  "their release", "its attack" (an -ed word there, "its detained staff", stays as tagged); an -ing word there before
 *  a noun is an adjective ("Beijing's deepening ties"), and one between an article and "of" a noun ("the downing of"). */
export function retagAfterPossessive(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    // ("arrested dozens of suspects": after "of", too)
    if (t.pos === "VERB" && (OWNERS.has(tokens[i - 1].lower) || tokens[i - 1].lower === "of") && !/(ing|ed)$/.test(t.lower)) t.pos = "NOUN";
    // "the downing of a Russian warplane": an -ing word between an article and "of" is a noun, the act named
    else if (t.pos === "VERB" && ING_WORD.test(t.lower) && ["the", "a", "an"].includes(tokens[i - 1].lower) && tokens[i + 1]?.lower === "of") {
      t.pos = "NOUN";
      t.nominal = true;
    }
    // "Beijing's deepening ties", "Russia's continuing attacks": an -ing word between a possessive and its noun describes it
    else if (t.pos === "VERB" && /ing$/.test(t.lower) && (tokens[i - 1].lower === "'s" || OWNERS.has(tokens[i - 1].lower)) && tokens[i + 1]?.pos === "NOUN") {
      t.pos = "ADJ";
      t.attributive = true;
    }
  }
}

/** A gerund the tagger calls a noun after "and", when a participle with an object opens the phrase before it, is the
 *  second participle: ", deploying tanks in Istanbul and bombing parliament" ("the shelling and bombing of Gaza",
 *  with no participle before it, stays a noun); and so is one after "with" and its subject (", with Biden warning of"). */
export function retagCoordinatedGerund(tokens: Token[]): void {
  for (let i = 2; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (!nounInIng(t) || tokens[i - 1].lower !== "and" || !["NOUN", "PROPN", "DET", "NUM"].includes(tokens[i + 1].pos)) continue;
    const participle = (x: Token) => x.pos === "VERB" && /ing$/.test(x.lower);
    let j = i - 2;
    while (j >= 0 && i - j <= 8 && tokens[j].lower !== "," && !participle(tokens[j])) j--;
    if (j < 0 || i - j > 8 || !participle(tokens[j])) continue;
    if (!["NOUN", "PROPN", "DET", "NUM", "ADJ"].includes(tokens[j + 1]?.pos ?? "")) continue;
    asGerund(t);
  }
  // ", with Biden warning of consequences", "with protesters demanding": the -ing word after "with" and a name is a participle
  for (let i = 2; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (!nounInIng(t) || !["ADP", "DET", "NUM", "SCONJ"].includes(tokens[i + 1].pos)) continue;
    let j = i - 1;
    while (j > 0 && i - j <= 4 && (tokens[j].pos === "PROPN" || (tokens[j].pos === "NOUN" && /s$/.test(tokens[j].lower)) || tokens[j].pos === "DET" || tokens[j].pos === "ADJ")) j--;
    if (j === i - 1 || tokens[j].lower !== "with" || !(tokens[i - 1].pos === "PROPN" || tokens[i - 1].pos === "NOUN")) continue;
    asGerund(t);
  }
}

/** Words that open a headline's second clause: "..., as protesters storm parliament". */
const HEADLINE_SUBORDINATORS = new Set(["as", "after", "while", "when", "before", "amid"]);

/** Is this sentence a headline: a short line with no closing stop ("Israel strikes Hezbollah targets")? */
export function isHeadline(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && tokens.length <= 16 && !/^[.!?"”']$/.test(tokens[tokens.length - 1].text);
}

/** "Somali forces, backed by US air strikes, retook a key town": after a parenthetical's closing comma, a past form the
 *  tagger called a noun, before its object, is the clause's verb (only words `verbWord` knows as verbs). */
export function retagVerbAfterParenthetical(tokens: Token[], verbWord: (w: string) => boolean): void {
  for (let i = 2; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== "NOUN" || t.text !== t.lower || tokens[i - 1].lower !== "," || !["DET", "NUM", "PROPN", "ADJ"].includes(tokens[i + 1].pos)) continue;
    // (the comma must close a parenthetical that opened with a comma after the subject)
    const open = tokens.slice(0, i - 1).findIndex((x) => x.lower === ",");
    if (open < 1 || !["NOUN", "PROPN"].includes(tokens[open - 1].pos)) continue;
    const base = IRREGULAR_PAST.get(t.lower) ?? (/ed$/.test(t.lower) ? [t.lower.slice(0, -2), t.lower.slice(0, -1)].find((b) => verbWord(b)) : undefined);
    if (!base || !verbWord(base)) continue;
    t.pos = "VERB";
    t.lemma = base;
  }
}

/** Headlines drop their articles and speak in the present: "Israel strikes Hezbollah targets", "Kenya police fire tear
 *  gas at protesters". In a short line with no closing stop and no verb before it, the first lower-case word that
 *  `verbWord` knows as a verb, right after the subject's noun and before its object, is the verb, however the tagger
 *  read it. */
export function retagHeadlineVerb(tokens: Token[], verbWord: (w: string) => boolean): void {
  if (tokens.length < 3 || !isHeadline(tokens)) return;
  // ("police fire tear gas as protesters storm parliament": a headline's clause after "as" speaks in the present too)
  for (let i = 2; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.pos !== "NOUN" || t.text !== t.lower || !HEADLINE_SUBORDINATORS.has(tokens[i - 2].lower)) continue;
    if (tokens[i - 1].pos !== "NOUN" || !/s$/.test(tokens[i - 1].lower) || !["NOUN", "PROPN", "DET", "NUM"].includes(tokens[i + 1].pos)) continue;
    if (verbWord(t.lower) || verbWord(t.lemma)) t.pos = "VERB";
  }
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.pos === "VERB" || t.pos === "AUX") return;
    // ("China, Philippines trade accusations": a headline's comma joins its subjects)
    if (t.lower === ",") {
      if (tokens[i - 1].pos === "PROPN" && tokens[i + 1].pos === "PROPN") continue;
      return;
    }
    if (t.pos !== "NOUN" || !["NOUN", "PROPN"].includes(tokens[i - 1].pos) || t.text !== t.lower) continue;
    if (!(verbWord(t.lower) || verbWord(t.lemma)) || !["NOUN", "PROPN", "DET", "NUM", "ADJ", "VERB", "ADV"].includes(tokens[i + 1].pos)) continue;
    // ("Russian strikes hit Kharkiv": a plural before a verb is the subject; "police fire tear gas": a base form is not)
    if (tokens[i + 1].pos === "VERB" && t.lower.endsWith("s")) return;
    // ("Thai court removes PM": a present-tense verb after it is the headline's verb, and this word its subject)
    if (tokens[i + 1].pos === "VERB" && /[^s]s$/.test(tokens[i + 1].lower)) return;
    t.pos = "VERB";
    return;
  }
}

/** The tag stage; `verbWord` tells the words the event lexicon knows as verbs, for headlines. */
export function createTagStage(nlp: Nlp = loadTagger(), verbWord: (w: string) => boolean = () => false) {
  const its = nlp.its;
  return defineStage({
    name: "tag",
    requires: ["text", "paragraphs"],
    assigns: ["sentences"],
    run(doc: Doc): Doc {
      const sentences: Sentence[] = [];
      for (const para of doc.paragraphs) {
        for (const [cs, ce] of chunks(doc.text, para.start, para.end)) {
          const slice = doc.text.slice(cs, ce);
          const wd = nlp.readDoc(slice);
          const toks = wd.tokens();
          const values = toks.out(its.value) as string[];
          const pos = toks.out(its.pos) as string[];
          const lemmas = toks.out(its.lemma as never) as string[];
          const spaces = toks.out(its.precedingSpaces) as string[];
          const starts: number[] = new Array(values.length);
          let cursor = 0;
          for (let i = 0; i < values.length; i++) {
            cursor += spaces[i].length;
            // re-synchronise if the tagger normalised a character
            if (slice.startsWith(values[i], cursor) === false) {
              const at = slice.indexOf(values[i], cursor);
              if (at >= 0 && at - cursor < 8) cursor = at;
            }
            starts[i] = cursor;
            cursor += values[i].length;
          }
          wd.sentences().each((s: { out: (f: unknown) => unknown }) => {
            const [a, b] = s.out(its.span) as [number, number];
            const tokens: Token[] = [];
            for (let i = a; i <= b && i < values.length; i++) {
              const start = cs + starts[i];
              tokens.push({
                i: i - a,
                text: values[i],
                lower: values[i].toLowerCase(),
                // wink leaves some tokens (e.g. emoticon-like runs) without a lemma
                lemma: (lemmas[i] ?? values[i]).toLowerCase(),
                pos: pos[i] ?? "X",
                start,
                end: start + values[i].length,
              });
            }
            if (!tokens.length) return;
            retagPastTense(tokens);
            retagClauseHeads(tokens);
            retagAttributiveParticiples(tokens);
            retagAfterPossessive(tokens);
            retagCoordinatedGerund(tokens);
            retagHeadlineVerb(tokens, verbWord);
            retagVerbAfterParenthetical(tokens, verbWord);
            addBaseFormGuesses(tokens);
            const start = tokens[0].start;
            const end = tokens[tokens.length - 1].end;
            sentences.push({ index: sentences.length, start, end, text: doc.text.slice(start, end), tokens, caption: para.caption });
          });
        }
      }
      return { ...doc, sentences };
    },
  });
}
