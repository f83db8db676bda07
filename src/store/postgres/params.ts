// Numbered query parameters ($1, $2, ...) gathered as a query is built: values are never spliced into SQL.

export class Params {
  readonly values: unknown[] = [];

  /** The placeholder of a new parameter. */
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }

  /** Placeholders of several parameters, comma-separated. */
  list(vs: readonly unknown[]): string {
    return vs.map((v) => this.add(v)).join(", ");
  }
}
