// Reads PETRARCH / TABARI discard lists: phrases that stop a sentence (or, with +, a whole story) from being coded.
import { problem, type Problem } from "../../core/problems.js";
import { dictLines } from "./lines.js";
import type { PetrarchDiscard, PetrarchDiscardList } from "./types.js";

export function readPetrarchDiscards(path: string): PetrarchDiscardList {
  const problems: Problem[] = [];
  const discards: PetrarchDiscard[] = [];
  for (const l of dictLines(path, problems)) {
    let s = l.text.trim();
    const scope = s.startsWith("+") ? "story" : "sentence";
    if (scope === "story") s = s.slice(1).trim();
    // a trailing _ asks for a whole word; elsewhere _ joins words
    const wholeWord = s.endsWith("_");
    const phrase = s.replace(/_+$/, "").replace(/_/g, " ").toLowerCase().replace(/\s+/g, " ").trim();
    if (!phrase) {
      problems.push(problem("E_DICT_LINE", l.where, "no discard phrase"));
      continue;
    }
    discards.push({ phrase, scope, wholeWord, where: l.where });
  }
  return { discards, problems };
}
