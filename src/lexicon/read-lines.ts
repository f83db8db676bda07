// Reads a TAB-separated lexicon file into numbered rows, reporting malformed lines as problems.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { problem, type Problem } from "../core/problems.js";

export interface Row {
  fields: string[];
  /** "file:line" for error messages and provenance. */
  where: string;
}

/**
 * Parse `path`: comments (`#` at line start, or after a TAB), blank lines skipped, fields split on TAB.
 * Rows with fewer than `minFields` fields are reported in `problems` and skipped.
 */
export function readRows(path: string, minFields: number, problems: Problem[]): Row[] {
  const name = basename(path);
  const rows: Row[] = [];
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    if (/^\s*#/.test(line) || line.trim() === "") continue;
    const hash = line.indexOf("\t#");
    if (hash >= 0) line = line.slice(0, hash);
    const fields = line.split("\t").map((f) => f.trim());
    while (fields.length && fields[fields.length - 1] === "") fields.pop();
    const where = `${name}:${n + 1}`;
    if (fields.length < minFields) {
      problems.push(problem("E_LEXICON_LINE", where, `expected ${minFields} TAB-separated fields, found ${fields.length}`));
      continue;
    }
    rows.push({ fields, where });
  }
  return rows;
}

/** Splits an alternatives field ("a|b|c"); "-" means none. */
export function alternatives(field: string | undefined): string[] {
  if (!field || field === "-") return [];
  return field.split("|").map((s) => s.trim()).filter(Boolean);
}
