// Commands made of subcommands (watch, notify, trust): parsing a subcommand's arguments, dispatching, and the store around each.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatProblem, SitrepError } from "../core/problems.js";
import type { Store } from "../store/store.js";
import { openStore } from "./db.js";

export const say = (line: string) => process.stderr.write(line + "\n");

export interface SubcommandKit {
  /** Parses a subcommand's arguments; null after printing what is wrong and the usage. */
  args<T extends ParseArgsConfig>(sub: string, config: T): ReturnType<typeof parseArgs<T>> | null;
  /** Runs `fn` with the store open, closing it after; a SitrepError is printed as a problem (exit 2), a missing database exits 1. */
  withStore(sub: string, db: string | undefined, mustExist: boolean, fn: (s: Store) => Promise<number>): Promise<number>;
  /** True when `value` is one of `allowed`; else prints "--flag must be a or b" and gives false. */
  oneOf(sub: string, flag: string, value: string | undefined, allowed: readonly string[]): boolean;
  /** Runs the subcommand argv names (help for -h anywhere); an unknown one exits 2 with the usage. */
  dispatch(argv: string[], table: Record<string, (rest: string[]) => Promise<number>>): Promise<number>;
}

export function subcommands(cmd: string, usage: string): SubcommandKit {
  return {
    args(sub, config) {
      try {
        return parseArgs(config);
      } catch (e) {
        say(`sitrep ${cmd} ${sub}: ${(e as Error).message}\n\n${usage}`);
        return null;
      }
    },
    async withStore(sub, db, mustExist, fn) {
      const store = await openStore(db, `${cmd} ${sub}`, { mustExist });
      if (!store) return 1;
      try {
        return await fn(store);
      } catch (e) {
        if (e instanceof SitrepError) {
          say(`sitrep ${cmd} ${sub}: ${formatProblem(e.problem)}`);
          return 2;
        }
        throw e;
      } finally {
        await store.close();
      }
    },
    oneOf(sub, flag, value, allowed) {
      if (value !== undefined && allowed.includes(value)) return true;
      say(`sitrep ${cmd} ${sub}: ${flag} must be ${allowed.slice(0, -1).join(", ")}${allowed.length > 1 ? " or " : ""}${allowed[allowed.length - 1]}, not "${value}"`);
      return false;
    },
    async dispatch(argv, table) {
      const [sub, ...rest] = argv;
      if (sub === "help" || sub === "--help" || sub === "-h" || rest.includes("--help") || rest.includes("-h")) {
        process.stdout.write(usage);
        return 0;
      }
      const run = sub !== undefined && Object.hasOwn(table, sub) ? table[sub] : undefined;
      if (!run) {
        say(`sitrep ${cmd}: ${sub === undefined ? "name a subcommand" : `unknown subcommand "${sub}"`}\n\n${usage}`);
        return 2;
      }
      return run(rest);
    },
  };
}
