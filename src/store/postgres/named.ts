// Named (prepared) statements: each session parses and plans a statement once, then reuses it; the SQL stays constant text.
import type pg from "pg";

const names = new Map<string, string>();

/** A query config whose name stands for its text (one name per distinct text, for the life of the process). */
export function named(text: string, values: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) names.set(text, (name = `sitrep_${names.size + 1}`));
  return { name, text, values };
}
