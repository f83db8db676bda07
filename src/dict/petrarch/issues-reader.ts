// Reads PETRARCH issue lists: phrases with n: (noun forms), v: (verb forms) and + (space or hyphen) expansions.
import { problem, type Problem } from "../../core/problems.js";
import { dictLines, pluralOf } from "./lines.js";
import type { PetrarchIssue, PetrarchIssueList } from "./types.js";

/** Expands the markers of one issue phrase into every form it stands for, lower case. */
export function expandIssuePhrase(phrase: string): string[] {
  let forms = [phrase.toLowerCase().trim().replace(/\s+/g, " ")];
  for (let guard = 0; guard < 16; guard++) {
    const next: string[] = [];
    let changed = false;
    for (const f of forms) {
      const plus = f.indexOf("+");
      // n: and v: start a word or follow a hyphen ("pre-n:school")
      const m = /(^|[\s-])(n|v):(\S+)/.exec(f);
      if (plus >= 0) {
        next.push(f.slice(0, plus) + " " + f.slice(plus + 1), f.slice(0, plus) + "-" + f.slice(plus + 1));
        changed = true;
      } else if (m) {
        const [all, pre, kind, word] = m;
        const at = m.index + pre.length;
        const put = (w: string) => f.slice(0, at) + w + f.slice(m.index + all.length);
        if (kind === "n") next.push(put(word), put(pluralOf(word)));
        else {
          const stem = word.endsWith("e") ? word.slice(0, -1) : word;
          next.push(put(word), put(word + "s"), put(word.endsWith("e") ? word + "d" : word + "ed"), put(stem + "ing"));
        }
        changed = true;
      } else next.push(f);
    }
    forms = next;
    if (!changed) break;
  }
  return [...new Set(forms.map((f) => f.replace(/\s+/g, " ").trim()))];
}

export function readPetrarchIssues(path: string): PetrarchIssueList {
  const problems: Problem[] = [];
  const issues: PetrarchIssue[] = [];
  const ignore: PetrarchIssueList["ignore"] = [];
  // issue files have no ; comments
  for (const l of dictLines(path, problems, { semicolon: false })) {
    const s = l.text.trim();
    if (/^<\/?ISSUE\b/i.test(s)) continue;
    if (s.startsWith("~")) {
      const story = s.startsWith("~~");
      const phrase = s.slice(story ? 2 : 1).trim().toLowerCase();
      if (phrase) ignore.push({ phrase, scope: story ? "story" : "sentence", where: l.where });
      continue;
    }
    const open = s.indexOf("[");
    const close = s.indexOf("]", open);
    if (open < 0 || close < 0) {
      problems.push(problem("E_DICT_LINE", l.where, "no [CODE]"));
      continue;
    }
    const code = s.slice(open + 1, close).trim();
    const text = s.slice(0, open).trim();
    if (!code || !text) {
      problems.push(problem("E_DICT_LINE", l.where, "an issue needs a phrase and a [CODE]"));
      continue;
    }
    issues.push({ phrases: expandIssuePhrase(text), code, where: l.where });
  }
  return { issues, ignore, problems };
}
