// Advisory lock keys: a class (what is locked) and a 32-bit key (which one), so writers take turns only where they meet.

/** Migrating a schema. */
export const LOCK_MIGRATE = 0x53520001;
/** Writing one article (by its key): the same article put twice at once is written once, then re-coded. */
export const LOCK_ARTICLE = 0x53520002;
/** Clustering reports of one cluster key (root, source, target): two reports of one event never open two clusters. */
export const LOCK_CLUSTER = 0x53520003;

/** Numbering events (one per schema): held from taking seqs to the commit, so seqs become visible in order. */
export const LOCK_EVENT_SEQ = 0x53520004;

/** A signed 32-bit FNV-1a hash of a string (a collision only makes two writers take turns). */
export function lockKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
