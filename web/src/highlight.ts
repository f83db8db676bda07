// An event's sentence as DOM: source, verb and target in <mark>s with their own classes (the splitting is src/server/web-shared/highlight.ts, unit-tested there).
import { highlightSegments, sentenceStartOf } from "../../src/server/web-shared/highlight.js";
import type { CodedEvent } from "./api-types.js";
import { h } from "./dom.js";

const LABELS = { source: "source", verb: "event", target: "target" } as const;

/**
 * The sentence with the event's words marked. `sentenceStart` is the sentence's offset in the article's clean text
 * (exact from the article's sentences); without it, it is recovered from the record, and when it cannot be the sentence is shown plain.
 */
export function highlightedSentence(e: CodedEvent, sentenceStart?: number): HTMLElement {
  const p = h("p", { class: "sentence" });
  const start = sentenceStart ?? sentenceStartOf(e.text, e);
  if (start === null) {
    p.textContent = e.text;
    return p;
  }
  for (const seg of highlightSegments(e.text, start, e.evidence.spans)) {
    if (seg.kind === "plain") p.appendChild(document.createTextNode(seg.text));
    else p.appendChild(h("mark", { class: `hl hl-${seg.kind}`, title: LABELS[seg.kind] }, seg.text));
  }
  return p;
}
