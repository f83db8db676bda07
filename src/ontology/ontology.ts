// The event ontology: CAMEO codes with Goldstein scores, quad classes and properties, their PLOVER and ACLED equivalents, and modal codes.
import { basename } from "node:path";
import { repoPath } from "../core/paths.js";
import { problem, type Problem } from "../core/problems.js";
import { readRows, type Row } from "../lexicon/read-lines.js";

export type ModalKind = "appeal" | "intent" | "demand" | "reject" | "threat";

export interface CameoEntry {
  code: string;
  name: string;
  root: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  flags: ReadonlySet<string>; // threat, violent, protest, verbal, material, statement, force, coerce, mutual
  isThreat: boolean;
  isViolent: boolean;
  isProtest: boolean;
  /** null where PLOVER has no category for the code (CAMEO 01 comments, which PLOVER dropped). */
  plover: { type: string; mode: string | null } | null;
  acled: { event_type: string; sub_event_type: string } | null;
}

export interface Ontology {
  get(code: string): CameoEntry | undefined;
  /** The entry of the code, or of its nearest parent ("1121" → "112", "075A" → "075"): for codes
   *  from user dictionaries, which may extend CAMEO. */
  nearest(code: string): CameoEntry | undefined;
  codes(): readonly CameoEntry[];
  /** the code for appealing for / intending / demanding / rejecting / threatening the act `code` */
  modal(kind: ModalKind, code: string): string;
  /** The code `code` takes under a recoding table (who acts, or on whom: RECODING_FILES), or null when it has no row. */
  recoded(table: RecodingTable, code: string): string | null;
  /** Whom the act is done to when no actor is named as its object (implicit-target.tsv), or null. */
  implicitTarget(code: string): ImplicitTarget | null;
  /** problems found while loading (malformed lines with file:line) */
  problems: readonly Problem[];
}

/** Rules of implicit-target.tsv: the country of the place named after the verb (abroad only), the source's own
 *  country, or the government of the place's country. */
export type ImplicitTarget = "place" | "place-abroad" | "own-country" | "government";
const IMPLICIT_TARGETS: ReadonlySet<string> = new Set(["place", "place-abroad", "own-country", "government"]);

const DATA_FILES = {
  cameo: "src/ontology/data/cameo.tsv",
  plover: "src/ontology/data/plover.tsv",
  acled: "src/ontology/data/acled.tsv",
  modal: "src/ontology/data/modal.tsv",
  implicitTarget: "src/ontology/data/implicit-target.tsv",
} as const;

/** Tables of codes that change with who acts or on whom (code <TAB> new code), each read the same way. */
export const RECODING_FILES = {
  /** unconventional violence done by a state's armed forces, or the state itself */
  stateForce: "src/ontology/data/state-force.tsv",
  /** acts done by a non-state armed actor */
  irregularForce: "src/ontology/data/irregular-force.tsv",
  /** violence turned on an armed force */
  againstForces: "src/ontology/data/against-forces.tsv",
  /** force used by a crowd (riot) */
  crowdForce: "src/ontology/data/by-crowds.tsv",
  /** a leader removed or a government dissolved by an army (a coup) */
  armyRemoval: "src/ontology/data/by-army.tsv",
  /** force used by police on civilians (repression) */
  policeForce: "src/ontology/data/by-police.tsv",
} as const;
export type RecodingTable = keyof typeof RECODING_FILES;

const FLAGS: ReadonlySet<string> = new Set(["threat", "violent", "protest", "verbal", "material", "statement", "force", "coerce", "mutual"]);

/** The generic code of each modal family, used when modal.tsv has no row for the act or its parents. */
const GENERIC_MODAL: Readonly<Record<ModalKind, string>> = {
  appeal: "020",
  intent: "030",
  demand: "100",
  reject: "120",
  threat: "130",
};

const MODAL_KINDS = new Set<string>(Object.keys(GENERIC_MODAL));

/** quad class by root: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict */
function quadOfRoot(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

/** The code and its parents, longest first: "0841" → ["0841", "084", "08"]. */
function prefixes(code: string): string[] {
  const out: string[] = [];
  for (let n = code.length; n >= 2; n--) out.push(code.slice(0, n));
  return out;
}

const CODE = /^(0[1-9]|1\d|20)\d{0,2}$/;

interface Loaded {
  entries: Map<string, CameoEntry>;
  modal: Map<string, string>; // "kind|prefix" → code
  recodings: Map<RecodingTable, Map<string, string>>;
  implicit: Map<string, ImplicitTarget>;
  problems: Problem[];
}

function load(): Loaded {
  const problems: Problem[] = [];
  const bad = (r: Row, msg: string) => problems.push(problem("E_LEXICON_LINE", r.where, msg));

  // cameo.tsv: code, name, goldstein, quad, flags
  const base = new Map<string, Omit<CameoEntry, "plover" | "acled">>();
  for (const r of readRows(repoPath(DATA_FILES.cameo), 5, problems)) {
    const [code, name, g, q, flagField] = r.fields;
    const goldstein = Number(g);
    const quad = Number(q);
    if (!CODE.test(code)) { bad(r, `"${code}" is not a CAMEO event code`); continue; }
    if (base.has(code)) { bad(r, `code ${code} is listed twice`); continue; }
    if (!Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10) { bad(r, `Goldstein value "${g}" is not a number in -10..10`); continue; }
    const root = code.slice(0, 2);
    if (quad !== quadOfRoot(root)) { bad(r, `quad class "${q}" does not match root ${root} (expected ${quadOfRoot(root)})`); continue; }
    const flags = new Set(flagField === "-" ? [] : flagField.split(",").map((f) => f.trim()).filter(Boolean));
    const unknown = [...flags].filter((f) => !FLAGS.has(f));
    if (unknown.length) bad(r, `unknown flag(s) ${unknown.join(", ")}`);
    for (const f of unknown) flags.delete(f);
    base.set(code, {
      code, name, root, goldstein, quad: quad as 1 | 2 | 3 | 4, flags,
      isThreat: flags.has("threat"), isViolent: flags.has("violent"), isProtest: flags.has("protest"),
    });
  }
  for (const code of base.keys()) {
    if (code.length > 2 && !base.has(code.slice(0, 2))) problems.push(problem("E_LEXICON_LINE", basename(DATA_FILES.cameo), `code ${code} has no root row ${code.slice(0, 2)}`));
  }
  const known = (r: Row, code: string, what: string): boolean => {
    if (base.has(code)) return true;
    bad(r, `${what} ${code} is not in cameo.tsv`);
    return false;
  };

  // plover.tsv: code, type, mode
  const plover = new Map<string, { type: string; mode: string | null } | null>();
  for (const r of readRows(repoPath(DATA_FILES.plover), 3, problems)) {
    const [code, type, mode] = r.fields;
    if (!known(r, code, "code")) continue;
    if (type !== "-" && !/^[A-Z]+$/.test(type)) { bad(r, `"${type}" is not a PLOVER event type`); continue; }
    if (plover.has(code)) { bad(r, `code ${code} is listed twice`); continue; }
    plover.set(code, type === "-" ? null : { type, mode: mode === "-" ? null : mode });
  }

  // acled.tsv: code, event_type, sub_event_type (exact codes, no inheritance)
  const acled = new Map<string, { event_type: string; sub_event_type: string }>();
  for (const r of readRows(repoPath(DATA_FILES.acled), 3, problems)) {
    const [code, event_type, sub_event_type] = r.fields;
    if (!known(r, code, "code")) continue;
    if (acled.has(code)) { bad(r, `code ${code} is listed twice`); continue; }
    acled.set(code, { event_type, sub_event_type });
  }

  // modal.tsv: prefix, kind, code
  const modal = new Map<string, string>();
  for (const r of readRows(repoPath(DATA_FILES.modal), 3, problems)) {
    const [prefix, kind, code] = r.fields;
    if (!MODAL_KINDS.has(kind)) { bad(r, `"${kind}" is not one of ${[...MODAL_KINDS].join(", ")}`); continue; }
    if (!known(r, prefix, "prefix") || !known(r, code, "code")) continue;
    const key = `${kind}|${prefix}`;
    if (modal.has(key)) { bad(r, `${kind} for ${prefix} is listed twice`); continue; }
    modal.set(key, code);
  }
  const recodings = (file: string): Map<string, string> => {
    const m = new Map<string, string>();
    for (const r of readRows(repoPath(file), 2, problems)) {
      const [from, to] = r.fields;
      if (!known(r, from, "code") || !known(r, to, "code")) continue;
      m.set(from, to);
    }
    return m;
  };
  const recoded = new Map((Object.keys(RECODING_FILES) as RecodingTable[]).map((t) => [t, recodings(RECODING_FILES[t])]));
  // implicit-target.tsv: code prefix, rule
  const implicit = new Map<string, ImplicitTarget>();
  for (const r of readRows(repoPath(DATA_FILES.implicitTarget), 2, problems)) {
    const [prefix, rule] = r.fields;
    if (!CODE.test(prefix)) { bad(r, `"${prefix}" is not a CAMEO code prefix`); continue; }
    if (!IMPLICIT_TARGETS.has(rule)) { bad(r, `unknown rule "${rule}" (place, place-abroad, own-country, government)`); continue; }
    implicit.set(prefix, rule as ImplicitTarget);
  }
  for (const [kind, code] of Object.entries(GENERIC_MODAL)) {
    if (!base.has(code)) problems.push(problem("E_LEXICON_LINE", basename(DATA_FILES.cameo), `generic ${kind} code ${code} is missing`));
  }

  // a code without its own PLOVER row takes its nearest listed parent's
  const entries = new Map<string, CameoEntry>();
  for (const [code, e] of base) {
    const from = prefixes(code).find((p) => plover.has(p));
    if (!from) problems.push(problem("E_LEXICON_LINE", basename(DATA_FILES.plover), `code ${code} has no PLOVER type, nor has any parent`));
    const p = from ? plover.get(from)! : null;
    entries.set(code, { ...e, plover: p ? { type: p.type, mode: p.mode } : null, acled: acled.get(code) ?? null });
  }
  return { entries, modal, recodings: recoded, implicit, problems };
}

let cached: Ontology | undefined;

/** Reads the ontology files (DATA_FILES and RECODING_FILES) once and caches the result. */
export function loadOntology(): Ontology {
  if (cached) return cached;
  const { entries, modal, recodings, implicit, problems } = load();
  const list = Object.freeze([...entries.values()]);
  cached = {
    get: (code) => entries.get(code),
    nearest: (code) => entries.get(code) ?? entries.get(code.slice(0, 3)) ?? entries.get(code.slice(0, 2) + "0"),
    codes: () => list,
    modal(kind, code) {
      for (const p of prefixes(code)) {
        const m = modal.get(`${kind}|${p}`);
        if (m) return m;
      }
      return GENERIC_MODAL[kind];
    },
    recoded: (table, code) => recodings.get(table)!.get(code) ?? null,
    implicitTarget: (code) => prefixes(code).map((p) => implicit.get(p)).find((x) => !!x) ?? null,
    problems: Object.freeze(problems),
  };
  return cached;
}
