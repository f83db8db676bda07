// The watch boundary of the store: watches, user risk dates, outlet trust weights, and dates named in articles.
import type { Watch } from "../monitor/watch.js";
import type { EventQuery } from "./store.js";

/** A date the user enters for a watch (an election, a holiday), once or every year. */
export interface UserRiskDate {
  id: number;
  watch: number;
  /** YYYY-MM-DD; for a yearly date the year is that of its first occurrence. */
  date: string;
  label: string;
  yearly: boolean;
}

/** A date an article names as an anniversary or a coming event ("the January 3rd anniversary of the assassination"). */
export interface RiskMention {
  doc: string;
  sentence: number;
  /** The sentence. */
  text: string;
  /** The words naming the date, and the date they resolve to. */
  mention: string;
  date: string;
  role: "anniversary" | "future";
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export interface WatchStore {
  /** Adds a watch, or replaces the one of the same name; returns it with its id. */
  putWatch(w: Omit<Watch, "id" | "createdAt">): Promise<Watch>;
  getWatch(name: string): Promise<Watch | null>;
  listWatches(): Promise<Watch[]>;
  /** Removes a watch and its risk dates; false when there was none of that name. */
  removeWatch(name: string): Promise<boolean>;
  addRiskDate(d: Omit<UserRiskDate, "id">): Promise<UserRiskDate>;
  listRiskDates(watch: number): Promise<UserRiskDate[]>;
  removeRiskDate(id: number): Promise<boolean>;
  /** Trust weight (0..1) of an outlet or agency, by its name as stored (case-insensitive). */
  setTrust(outlet: string, weight: number): Promise<void>;
  listTrust(): Promise<Array<{ outlet: string; weight: number }>>;
  /**
   * Anniversary and future dates named in articles that have at least one event matching `q`, or (when q filters by
   * area alone: near, country) named in a sentence that names a place in that area; q's since/until bound the named date.
   */
  riskMentions(q: EventQuery): Promise<RiskMention[]>;
}
