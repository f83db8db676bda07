// Statements prepared on first use: a read-only open of a database from before a table's migration still works.
import type Database from "better-sqlite3";

export abstract class LazyStatements<P extends { st: Record<string, Database.Statement> }> {
  private prepared: P | null = null;

  constructor(protected readonly db: Database.Database) {}

  protected get ready(): P {
    return (this.prepared ??= this.prepare());
  }

  protected get st(): Record<string, Database.Statement> {
    return this.ready.st;
  }

  protected abstract prepare(): P;
}
