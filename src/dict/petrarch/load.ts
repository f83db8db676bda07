// Loads a folder (or named files) of PETRARCH / TABARI dictionaries, each file read by the kind its name tells.
import { existsSync, readdirSync, statSync, type Dirent } from "node:fs";
import { basename, join } from "node:path";
import { problem, type Problem } from "../../core/problems.js";
import { readPetrarchActors } from "./actors-reader.js";
import { readPetrarchAgents } from "./agents-reader.js";
import { readPetrarchDiscards } from "./discards-reader.js";
import { readPetrarchIssues } from "./issues-reader.js";
import type { DictionaryKind, PetrarchDictionaries } from "./types.js";
import { readPetrarchVerbs } from "./verbs-reader.js";

/** The kind of a dictionary file from its name, or null for files that are not dictionaries. */
export function kindOf(path: string): DictionaryKind | null {
  const n = basename(path).toLowerCase();
  if (!/\.(txt|dict|dic|verbs|actors|agents)$/.test(n) && !/^[^.]+$/.test(n)) return null;
  if (n.includes("ontology")) return "ontology";
  if (n.includes("verb") || /^cameo\..*\.txt$/.test(n)) return "verbs";
  if (n.includes("actor")) return "actors";
  if (n.includes("agent")) return "agents";
  if (n.includes("discard")) return "discards";
  if (n.includes("issue")) return "issues";
  return null;
}

/**
 * Reads every dictionary in `dir` (null: none) and the files named in `explicit`. Several actor files (PETRARCH
 * uses three) merge; a second verbs, agents, discards or issues file adds to the first.
 */
export function loadPetrarchDictionaries(dir: string | null, explicit: Partial<Record<DictionaryKind, string[]>> = {}): PetrarchDictionaries {
  const problems: Problem[] = [];
  const out: PetrarchDictionaries = { verbs: null, actors: null, agents: null, discards: null, issues: null, files: [], problems };
  const todo: Array<{ path: string; kind: DictionaryKind }> = [];
  if (dir !== null) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) problems.push(problem("E_DICT_FILE", dir, existsSync(dir) ? "not a folder" : "no such folder"));
    else {
      let entries: Dirent[] | null = null;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        problems.push(problem("E_DICT_FILE", dir, (e as Error).message));
      }
      for (const e of (entries ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const k = e.isDirectory() ? null : kindOf(e.name);
        if (k) todo.push({ path: join(dir, e.name), kind: k });
      }
      if (entries && !todo.length) problems.push(problem("E_DICT_FILE", dir, "no dictionary in this folder (names tell the kind: *verbs*, CAMEO.*.txt, *actors*, *agents*, *discards*, *issues*)"));
    }
  }
  for (const [k, paths] of Object.entries(explicit)) for (const p of paths ?? []) todo.push({ path: p, kind: k as DictionaryKind });
  for (const { path, kind } of todo) {
    out.files.push({ path, kind });
    switch (kind) {
      case "verbs": {
        const v = readPetrarchVerbs(path);
        problems.push(...v.problems);
        if (!out.verbs) out.verbs = v;
        else {
          for (const [k, m] of v.synsets) out.verbs.synsets.set(k, m);
          out.verbs.blocks.push(...v.blocks);
          out.verbs.transformations.push(...v.transformations);
        }
        break;
      }
      case "actors": {
        const a = readPetrarchActors(path);
        problems.push(...a.problems);
        if (!out.actors) out.actors = a;
        else out.actors.actors.push(...a.actors);
        break;
      }
      case "agents": {
        const a = readPetrarchAgents(path);
        problems.push(...a.problems);
        if (!out.agents) out.agents = a;
        else out.agents.agents.push(...a.agents);
        break;
      }
      case "discards": {
        const d = readPetrarchDiscards(path);
        problems.push(...d.problems);
        if (!out.discards) out.discards = d;
        else out.discards.discards.push(...d.discards);
        break;
      }
      case "issues": {
        const i = readPetrarchIssues(path);
        problems.push(...i.problems);
        if (!out.issues) out.issues = i;
        else {
          out.issues.issues.push(...i.issues);
          out.issues.ignore.push(...i.ignore);
        }
        break;
      }
      case "ontology":
        // the PETRARCH internal coding ontology (PICO) maps codes for verb+verb combinations; sitrep reads
        // CAMEO codes directly, so the file is listed, not parsed
        if (!existsSync(path)) problems.push(problem("E_DICT_FILE", path, "no such file"));
        break;
    }
  }
  return out;
}
