// Reads PETRARCH / TABARI agent dictionaries: role nouns with plurals, substitution sets and ~ codes.
import { problem, type Problem } from "../../core/problems.js";
import { dictLines, phraseOf, pluralPhrase } from "./lines.js";
import type { PetrarchAgent, PetrarchAgentDictionary } from "./types.js";

const CODE = /^[A-Z0-9]{2,}$/;

export function readPetrarchAgents(path: string): PetrarchAgentDictionary {
  const problems: Problem[] = [];
  const agents: PetrarchAgent[] = [];
  const sets = new Map<string, string[]>();
  for (const l of dictLines(path, problems)) {
    const line = l.text.trim();
    // "!PERSON! = MAN, MEN, WOMAN": a substitution set
    const set = /^!([A-Za-z0-9_]+)!\s*=(.*)$/.exec(line);
    if (set) {
      const members = set[2].split(",").map((m) => m.replace(/\s+/g, "")).filter(Boolean);
      if (!members.length) problems.push(problem("E_DICT_LINE", l.where, `substitution set !${set[1]}! is empty`));
      else sets.set(set[1].toUpperCase(), members);
      continue;
    }
    const open = line.indexOf("[");
    if (open < 0) {
      problems.push(problem("E_DICT_LINE", l.where, "no [code]; agents need one"));
      continue;
    }
    const close = line.indexOf("]", open);
    if (close < 0) {
      problems.push(problem("E_DICT_LINE", l.where, "a [ without its ]"));
      continue;
    }
    const raw = line.slice(open + 1, close).trim().toUpperCase();
    const position: "prefix" | "suffix" = raw.endsWith("~") && !raw.startsWith("~") ? "prefix" : "suffix";
    const code = raw.replace(/~/g, "");
    if (!CODE.test(code) || !raw.includes("~")) {
      problems.push(problem("E_DICT_LINE", l.where, `"[${raw}]" is not an agent code (~ABC or ABC~)`));
      continue;
    }
    let head = line.slice(0, open);
    // "{...}": the one plural form, or none when empty
    let plural: string | null = null;
    const brace = head.indexOf("{");
    if (brace >= 0) {
      const end = head.indexOf("}", brace);
      if (end < 0) {
        problems.push(problem("E_DICT_LINE", l.where, "a { without its }"));
        continue;
      }
      plural = phraseOf(head.slice(brace + 1, end));
      head = head.slice(0, brace) + head.slice(end + 1);
    }
    // "CONGRESS!PERSON!": every member in place of the marker, with no plural made
    const marker = /!([A-Za-z0-9_]+)!/.exec(head);
    let phrases: string[];
    if (marker) {
      const members = sets.get(marker[1].toUpperCase());
      if (!members) {
        problems.push(problem("E_DICT_LINE", l.where, `substitution set !${marker[1]}! is not defined above`));
        continue;
      }
      phrases = members.map((m) => phraseOf(head.replace(marker[0], m)));
    } else {
      const p = phraseOf(head);
      if (!p) {
        problems.push(problem("E_DICT_LINE", l.where, "no agent phrase"));
        continue;
      }
      phrases = [p, plural ?? pluralPhrase(p)];
    }
    agents.push({ phrases: [...new Set(phrases.filter(Boolean))], code, position, where: l.where });
  }
  return { agents, problems };
}
