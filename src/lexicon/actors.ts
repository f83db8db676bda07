// The actor lexicon: countries, demonyms, metonyms, agents, people with terms of office, organisations.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoPath } from "../core/paths.js";
import type { Problem } from "../core/problems.js";
import { problem } from "../core/problems.js";
import { alternatives, readRows } from "./read-lines.js";
import { PhraseTrie } from "./phrase-trie.js";

export type ActorKind = "country" | "demonym" | "metonym" | "agent" | "person" | "organization" | "dictionary";

/** One term of a code, for people whose code depends on the date. */
export interface Term {
  code: string;
  from: string | null;
  to: string | null;
}

export interface ActorEntry {
  kind: ActorKind;
  /** Canonical name (first variant). */
  name: string;
  code: string;
  country: string | null;
  sector: string | null;
  /** For people: their terms, in file order; for organisations: their codes from the dates they changed. */
  terms?: Term[];
  /** For dictionary actors: the code outside every term (null: no code then). */
  fallback?: string | null;
  /** For dictionary agents: the agent code goes before the actor's (`[NGO~]`), not after (`[~GOV]`). */
  prefix?: boolean;
  /** From a PETRARCH dictionary: actor and agent codes compose by concatenation ("ARN" + "~GOV" → ARNGOV). */
  concat?: boolean;
  /** An armed group coded by the country where it acts (organizations.txt country "@"): its code's country only
   *  where no place is named. */
  local?: boolean;
  /** The phrase must start with a capital letter in text (proper names). */
  proper: boolean;
  /** Short all-caps acronyms must match exactly ("UN", not "un"). */
  exact: string | null;
  where: string;
}

export interface CountryInfo {
  iso3: string;
  iso2: string;
  name: string;
  /** Other names of the country ("Ivory Coast", "Holland", "Cabo Verde"), for the gazetteer. */
  aliases: string[];
  latlng: [number, number] | null;
}

export interface ActorLexicon {
  trie: PhraseTrie<ActorEntry>;
  countries: Map<string, CountryInfo>;
  iso2to3: Map<string, string>;
  /** Sector codes known to the agent lexicon. */
  sectors: Set<string>;
  problems: Problem[];
  /** The code of a person at a date (YYYY-MM-DD), or their country's elite code outside any term. */
  resolve(entry: ActorEntry, date: string | null): { code: string; country: string | null; sector: string | null };
}

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
  latlng?: [number, number];
}

export interface ActorLexiconOptions {
  /** Folder of the built-in lexicon files; defaults to src/lexicon/data. */
  dir?: string;
  /** false: country facts only (for ISO codes), no built-in names, agents, people or organisations. */
  builtin?: boolean;
}

/** Splits a CAMEO actor code into country and sector ("IRQMIL" → IRQ, MIL; "IGOUNO" → -, IGO). */
export function splitCode(code: string, countries: Map<string, CountryInfo>): { country: string | null; sector: string | null } {
  const head = code.slice(0, 3);
  if (countries.has(head)) return { country: head, sector: code.length >= 6 ? code.slice(3, 6) : null };
  return { country: null, sector: code.length >= 3 ? head : null };
}

const PLURAL_EXCEPTIONS = /(?:ese|ss|sh|ch|x|s|i)$/;

function pluralOf(demonym: string): string | null {
  if (PLURAL_EXCEPTIONS.test(demonym)) return demonym.endsWith("i") ? demonym + "s" : null;
  return demonym + "s";
}

/** The tagger splits most hyphenated words ("al-Qaeda" → al - Qaeda; not "pro-government"): a phrase goes in both ways. */
function addBothHyphenForms(trie: PhraseTrie<ActorEntry>, phrase: string, entry: ActorEntry): void {
  trie.add(phrase, entry);
  if (/[A-Za-z]-[A-Za-z]/.test(phrase)) trie.add(phrase.replace(/([A-Za-z])-(?=[A-Za-z])/g, "$1 - "), entry);
}

export function loadActorLexicon(opts: ActorLexiconOptions = {}): ActorLexicon {
  const dir = opts.dir ?? repoPath("src/lexicon/data");
  const problems: Problem[] = [];
  const trie = new PhraseTrie<ActorEntry>();
  const countries = new Map<string, CountryInfo>();
  const iso2to3 = new Map<string, string>();
  const sectors = new Set<string>();

  const add = (phrase: string, e: Omit<ActorEntry, "proper" | "exact">): void => {
    const p = phrase.trim();
    if (!p) return;
    const letters = p.replace(/[^A-Za-z]/g, "");
    const exact = letters.length <= 4 && letters === letters.toUpperCase() && letters.length > 0 ? p : null;
    addBothHyphenForms(trie, p, { ...e, proper: /^[A-Z]/.test(p), exact });
  };

  // world-countries gives Kosovo "UNK", which reads as "unknown"; XKX is the code the EU, the IMF and ACLED use
  const world: WorldCountry[] = (require("world-countries") as WorldCountry[]).map((c) => (c.cca3 === "UNK" ? { ...c, cca3: "XKX" } : c));
  // the lexicon's own country names first, then sovereign states before territories:
  // on a shared name ("American") the first entry added wins
  const file = (name: string): string | null => {
    const p = join(dir, name);
    return existsSync(p) ? p : null;
  };
  for (const c of world) {
    countries.set(c.cca3, { iso3: c.cca3, iso2: c.cca2, name: c.name.common, aliases: [c.name.official, ...c.altSpellings.filter((a) => a.length >= 4)], latlng: c.latlng ?? null });
    iso2to3.set(c.cca2, c.cca3);
  }
  if (opts.builtin === false) return { trie, countries, iso2to3, sectors, problems, resolve: makeResolve(countries) };
  const extra = file("countries-extra.txt");
  if (extra) {
    for (const r of readRows(extra, 2, problems)) {
      const [iso3, names, dems, metos] = r.fields;
      const info = countries.get(iso3);
      if (!info) {
        problems.push(problem("E_LEXICON_LINE", r.where, `unknown ISO3 code ${iso3}`));
        continue;
      }
      const base = { kind: "country" as const, name: info.name, code: iso3, country: iso3, sector: null, where: r.where };
      for (const n of alternatives(names)) {
        add(n, base);
        info.aliases.push(n);
      }
      for (const d of alternatives(dems)) {
        add(d, { ...base, kind: "demonym" });
        const pl = pluralOf(d);
        if (pl) add(pl, { ...base, kind: "demonym" });
      }
      for (const m of alternatives(metos)) add(m, { kind: "metonym", name: m, code: iso3 + "GOV", country: iso3, sector: "GOV", where: r.where });
    }
  }
  const ordered = [...world].sort((a, b) => Number(!!(b as { unMember?: boolean }).unMember) - Number(!!(a as { unMember?: boolean }).unMember));
  for (const c of ordered) {
    const base = { kind: "country" as const, name: c.name.common, code: c.cca3, country: c.cca3, sector: null, where: "world-countries" };
    add(c.name.common, base);
    add(c.name.official, base);
    for (const alt of c.altSpellings) {
      // two-letter codes ("IN", "IT") collide with words; keep real names and 3-letter codes
      if (alt.length >= 4 || /^[A-Z]{3}$/.test(alt)) add(alt, base);
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of new Set([dem.m, dem.f])) {
        if (!d) continue;
        add(d, { ...base, kind: "demonym" });
        const pl = pluralOf(d);
        if (pl) add(pl, { ...base, kind: "demonym" });
      }
    }
    for (const cap of c.capital ?? []) {
      add(cap, { kind: "metonym", name: cap, code: c.cca3 + "GOV", country: c.cca3, sector: "GOV", where: "world-countries" });
    }
  }
  const agents = file("agents.txt");
  if (agents) {
    for (const r of readRows(agents, 2, problems)) {
      const [sector, phrases] = r.fields;
      if (!/^[A-Z]{3}$/.test(sector)) {
        problems.push(problem("E_LEXICON_LINE", r.where, `sector must be three capital letters, got "${sector}"`));
        continue;
      }
      sectors.add(sector);
      for (const p of alternatives(phrases)) add(p.toLowerCase() === p ? p : p, { kind: "agent", name: p, code: sector, country: null, sector, where: r.where });
    }
  }

  const people = file("people.txt");
  if (people) {
    const byName = new Map<string, ActorEntry>();
    for (const r of readRows(people, 2, problems)) {
      const [names, code, from, to] = r.fields;
      const variants = alternatives(names);
      if (!variants.length || !/^[A-Z]{3,9}$/.test(code)) {
        problems.push(problem("E_LEXICON_LINE", r.where, `expected names and a CAMEO code, got "${names}" "${code}"`));
        continue;
      }
      const badDate = [from, to].find((d) => d && d !== "-" && !/^\d{4}-\d{2}-\d{2}$/.test(d));
      if (badDate) {
        problems.push(problem("E_LEXICON_LINE", r.where, `date must be YYYY-MM-DD or -, got "${badDate}"`));
        continue;
      }
      const term: Term = { code, from: from && from !== "-" ? from : null, to: to && to !== "-" ? to : null };
      const key = variants[0];
      let entry = byName.get(key);
      if (!entry) {
        const cs = splitCode(code, countries);
        entry = { kind: "person", name: key, code, country: cs.country, sector: cs.sector, terms: [], proper: true, exact: null, where: r.where };
        byName.set(key, entry);
        for (const v of variants) addBothHyphenForms(trie, v, entry);
      }
      entry.terms!.push(term);
    }
  }

  const orgs = file("organizations.txt");
  if (orgs) {
    for (const r of readRows(orgs, 2, problems)) {
      const [names, code, country, sector, , since] = r.fields;
      if (!/^[A-Z][A-Z0-9]{2,11}$/.test(code)) {
        problems.push(problem("E_LEXICON_LINE", r.where, `bad CAMEO code "${code}"`));
        continue;
      }
      // "2021-08-15:AFGGOVTAL": the code from a date on (the Taliban govern Afghanistan from August 2021)
      const changes = (since ?? "").split(/\s+/).filter(Boolean).map((x) => x.split(":"));
      const badChange = changes.find(([d, c]) => !/^\d{4}-\d{2}-\d{2}$/.test(d ?? "") || !/^[A-Z][A-Z0-9]{2,11}$/.test(c ?? ""));
      if (badChange) {
        problems.push(problem("E_LEXICON_LINE", r.where, `a change of code must read YYYY-MM-DD:CODE, got "${badChange.join(":")}"`));
        continue;
      }
      const terms: Term[] | undefined = changes.length
        ? [code, ...changes.map(([, c]) => c)].map((c, k) => ({ code: c, from: k ? changes[k - 1][0] : null, to: changes[k]?.[0] ?? null }))
        : undefined;
      const cs = splitCode(code, countries);
      const local = country === "@";
      const ctry = local ? cs.country : country && country !== "-" ? country : country === "-" ? null : cs.country;
      const names_ = alternatives(names);
      for (const n of names_) {
        add(n, { kind: "organization", name: names_[0], code, country: ctry, sector: sector && sector !== "-" ? sector : cs.sector, ...(terms ? { terms } : {}), ...(local ? { local } : {}), where: r.where });
      }
    }
  }

  return { trie, countries, iso2to3, sectors, problems, resolve: makeResolve(countries) };
}

function makeResolve(countries: Map<string, CountryInfo>): ActorLexicon["resolve"] {
  return (entry, date) => {
    const own = { code: entry.code, country: entry.country, sector: entry.sector };
    if (!entry.terms || (entry.kind !== "person" && entry.kind !== "dictionary" && entry.kind !== "organization")) return own;
    const d = date ?? new Date().toISOString().slice(0, 10);
    // open-ended terms sort last so a dated term wins
    const current = entry.terms.find((t) => (t.from === null || t.from <= d) && (t.to === null || d < t.to));
    // an organisation whose code changed on a date ("Taliban": the government from August 2021)
    if (entry.kind === "organization") {
      const t = current ?? entry.terms[0];
      if (t.code === entry.code) return own;
      const cs = splitCode(t.code, countries);
      return { code: t.code, country: cs.country ?? entry.country, sector: cs.sector };
    }
    if (current) {
      const cs = splitCode(current.code, countries);
      return { code: current.code, country: cs.country, sector: cs.sector };
    }
    // a term that ended in the week before the article: the story is most likely about its end
    // ("Morales resigned on Sunday" published on Monday, "President Moise was assassinated" the day after)
    if (entry.kind === "person") {
      const weekAgo = new Date(Date.parse(d) - 7 * 86_400_000).toISOString().slice(0, 10);
      const just = entry.terms.find((t) => t.to !== null && t.to <= d && weekAgo <= t.to);
      if (just) {
        const cs = splitCode(just.code, countries);
        return { code: just.code, country: cs.country, sector: cs.sector };
      }
    }
    if (entry.kind === "dictionary") {
      // PETRARCH: outside every dated term the primary line's code applies, or none
      const code = entry.fallback ?? "";
      const cs = splitCode(code, countries);
      return { code, country: cs.country, sector: cs.sector };
    }
    const cs = splitCode(entry.terms[0].code, countries);
    if (cs.country) return { code: cs.country + "ELI", country: cs.country, sector: "ELI" };
    return { code: entry.terms[0].code, country: null, sector: cs.sector };
  };
}
