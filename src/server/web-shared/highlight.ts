// Splits an event's sentence into plain, source, verb and target segments from its evidence spans (character offsets into the article's clean text).

export type SegmentKind = "plain" | "source" | "verb" | "target";

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export interface EvidenceSpans {
  source: [number, number];
  verb: [number, number];
  target: [number, number] | null;
}

/** Actors outrank the verb: a verb pattern may run over its target ("arrested dozens of protesters"). */
const RANK: Record<SegmentKind, number> = { plain: 0, verb: 1, target: 2, source: 3 };

/**
 * The sentence cut into runs of one kind each, in order; their texts joined give the sentence back.
 * `sentenceStart` is the sentence's offset in the clean text; spans outside the sentence are left out.
 */
export function highlightSegments(sentence: string, sentenceStart: number, spans: EvidenceSpans): Segment[] {
  const kinds: SegmentKind[] = new Array(sentence.length).fill("plain");
  const mark = (span: [number, number] | null, kind: SegmentKind) => {
    if (!span) return;
    const from = Math.max(0, span[0] - sentenceStart);
    const to = Math.min(sentence.length, span[1] - sentenceStart);
    for (let i = from; i < to; i++) if (RANK[kind] > RANK[kinds[i]]) kinds[i] = kind;
  };
  mark(spans.verb, "verb");
  mark(spans.target, "target");
  mark(spans.source, "source");
  const out: Segment[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const last = out[out.length - 1];
    if (last && last.kind === kinds[i]) last.text += sentence[i];
    else out.push({ kind: kinds[i], text: sentence[i] });
  }
  return out;
}

/**
 * Where the sentence starts in the clean text, recovered from the record alone (the event list has no article text):
 * the one offset at which the verb's span reads `verb` (the clean text of that span) with every span inside the
 * sentence, the source's span reading the source's text deciding between two; null when no single offset fits.
 */
export function sentenceStartOf(sentence: string, e: { evidence: { verb: string; spans: EvidenceSpans }; source: { text: string } }): number | null {
  const { verb, spans } = e.evidence;
  if (!verb) return null;
  const fits: number[] = [];
  for (let k = sentence.indexOf(verb); k >= 0; k = sentence.indexOf(verb, k + 1)) {
    const start = spans.verb[0] - k;
    const inside = (s: [number, number] | null) => !s || (s[0] - start >= 0 && s[1] - start <= sentence.length);
    if (inside(spans.source) && inside(spans.target)) fits.push(start);
  }
  const sourceReads = fits.filter((start) => sentence.slice(spans.source[0] - start, spans.source[1] - start) === e.source.text);
  // the source's text may be normalised: then the verb alone decides, when it occurs once
  const pick = sourceReads.length ? sourceReads : fits;
  return pick.length === 1 ? pick[0] : null;
}
