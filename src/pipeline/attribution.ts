// Stage attribution: who says so — the outlet, named and anonymous sources, officials — and hedges.
import type { Attribution, Sentence } from "../core/types.js";
import type { Doc, SentenceAttribution } from "./doc.js";
import { defineStage } from "./stage.js";

const HEDGES = /\b(reportedly|allegedly|purportedly|apparently|unconfirmed|unverified|is said to|are said to|was said to|were said to|is believed to|are believed to|was believed to|were believed to|claimed|claims|rumou?red|suspected)\b/i;
const OUTLET = /\b(reuters|afp|agence france-presse|associated press|ap|bbc|cnn|al jazeera|al-jazeera|xinhua|tass|ria novosti|interfax|irna|isna|fars|tasnim|mehr|press tv|sana|wafa|anadolu|dpa|efe|ansa|kyodo|yonhap|kcna|politico|the guardian|guardian|new york times|washington post|wall street journal|bloomberg|financial times|times of india|dawn|haaretz|times of israel|al arabiya|sky news|state media|state television|state tv|news agency|newspaper|broadcaster|television|radio|daily|gazette|times|post|herald|tribune|journal)\b/i;
const ANON = /\b(unnamed|anonymous|anonymity|a source|sources|a person familiar|people familiar|officials? who (?:spoke|asked|declined)|not authori[sz]ed|on condition)\b/i;
const OFFICIAL = /\b(official|officials|spokes(?:man|woman|person)|ministry|minister|government|police|army|military|authorities|president|prime minister|governor|commander|statement)\b/i;
const SPEECH = "said|says|told|reported|reports|claimed|stated|announced|quoted|added|confirmed|tweeted|wrote";

function kindOf(who: string): Attribution["kind"] {
  if (ANON.test(who)) return "anonymous";
  if (OUTLET.test(who)) return "outlet";
  if (OFFICIAL.test(who)) return "official";
  return "named";
}

function clean(who: string): string {
  return who.replace(/^(and|but|while|as)\s+/i, "").replace(/\s+/g, " ").trim().replace(/[”"'’]+$/, "");
}

/** The reporting chain named inside one sentence, in order of the text. */
export function sentenceChain(s: Sentence): { found: Array<{ at: number; who: string }>; hedged: boolean } {
  const text = s.text;
  const found: Array<{ at: number; who: string }> = [];
  const add = (at: number, who: string) => {
    const w = clean(who);
    if (w.length < 2 || w.length > 90 || /^(it|he|she|they|we|i|you|this|that)$/i.test(w)) return;
    if (!found.some((f) => f.who.toLowerCase() === w.toLowerCase())) found.push({ at, who: w });
  };
  for (const m of text.matchAll(/\baccording to ((?:[^,.;:()"]|\.(?=[A-Z]\.)|(?<=\b[A-Z])\.)+)/g)) add(m.index!, m[1]);
  for (const m of text.matchAll(/\b(?:citing|quoting) ((?:[^,.;:()"]|(?<=\b[A-Z])\.)+)/g)) add(m.index!, m[1]);
  // "X said/reported", at the start of the sentence or of a clause
  const subj = new RegExp(`(?:^|[,;:"“”]\\s*|\\bthat\\s+)((?:an?|the)?\\s*[A-Za-z][\\w.'’ -]{1,70}?)\\s+(?:${SPEECH})\\b`, "g");
  for (const m of text.matchAll(subj)) {
    const who = m[1];
    // "…, after scientists confirmed": a subordinate clause's speaker reports that clause, not the sentence
    if (/^(?:after|before|when|since|because|until|once|if|although|though|unless)\b/i.test(who.trim())) continue;
    if (who.split(/\s+/).length <= 9) add(m.index!, who);
  }
  // inverted: ", said a spokesman for the army."
  const inv = new RegExp(`[,"“”]\\s*(?:${SPEECH})\\s+((?:[^,.;:()"]|(?<=\\b[A-Z])\\.)+)`, "g");
  for (const m of text.matchAll(inv)) add(m.index!, m[1]);
  found.sort((a, b) => a.at - b.at);
  return { found, hedged: HEDGES.test(text) };
}

export function createAttributionStage() {
  return defineStage({
    name: "attribution",
    requires: ["sentences", "dateline"],
    assigns: ["attribution"],
    run(doc: Doc): Doc {
      const outlet = doc.article.outlet ?? doc.dateline?.outlet ?? null;
      const attribution: SentenceAttribution[] = doc.sentences.map((s) => {
        const { found, hedged } = sentenceChain(s);
        const chain: Attribution[] = [];
        if (outlet) chain.push({ who: outlet, kind: "outlet" });
        const named = found.map((f) => ({ who: f.who, kind: kindOf(f.who) }));
        // outlets the text names come before the people they quote
        for (const a of named.filter((x) => x.kind === "outlet")) if (!chain.some((c) => c.who.toLowerCase() === a.who.toLowerCase())) chain.push(a);
        for (const a of named.filter((x) => x.kind !== "outlet")) chain.push(a);
        return { chain, hedged };
      });
      return { ...doc, attribution };
    },
  });
}
