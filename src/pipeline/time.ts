// Stage time: date expressions resolved against the publication date with chrono-node.
import * as chrono from "chrono-node";
import type { DateMention } from "../core/types.js";
import type { Doc } from "./doc.js";
import { defineStage } from "./stage.js";

const ANNIVERSARY = /\b(anniversary|anniversaries|commemorat\w*|memorial day|marks? (one|two|three|\d+) years?)\b/i;
const FUTURE_CUE = /\b(will|would|is due|are due|scheduled|planned|expected|set to|upcoming|next)\b/i;

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(iso: string, n: number): string {
  const d = new Date(iso + "T12:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return ymd(d);
}

/** Dates in one sentence, resolved against `ref` (YYYY-MM-DD). */
export function findDates(text: string, offset: number, ref: string): DateMention[] {
  const out: DateMention[] = [];
  if (!/\d|day|week|month|year|ago|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tonight|morning|night|last|earlier|ago/i.test(text)) return out;
  const results = chrono.casual.parse(text, { instant: new Date(ref + "T12:00:00Z"), timezone: 0 }, { forwardDate: false });
  for (const r of results) {
    const s = r.start;
    // a bare hour ("at 5 pm") or a bare number is not a date
    if (!s.isCertain("day") && !s.isCertain("weekday") && !s.isCertain("month") && !/ago|yesterday|today|tonight|last|week|month|year/i.test(r.text)) continue;
    // a month name in lower case is a word ("a march on parliament", "may"), not a date
    if (/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/.test(r.text.trim())) continue;
    let date = ymd(s.date());
    // a bare weekday in a past-tense report is the last one, not the next ("on Saturday, troops withdrew")
    if (s.isCertain("weekday") && !s.isCertain("day") && date > ref && !FUTURE_CUE.test(text) && !/\bnext\b/i.test(r.text)) date = addDays(date, -7);
    const around = text.slice(Math.max(0, r.index - 40), Math.min(text.length, r.index + r.text.length + 40));
    const after = text.slice(r.index + r.text.length, r.index + r.text.length + 30);
    const before = text.slice(Math.max(0, r.index - 30), r.index);
    let role: DateMention["role"] = "event";
    if (ANNIVERSARY.test(after.split(/[,;.]/)[0]) || /\banniversary of\b[^.;]*$/i.test(before) || (ANNIVERSARY.test(around) && date > ref)) role = "anniversary";
    else if (date > addDays(ref, 1) || (date > ref && FUTURE_CUE.test(before))) role = "future";
    out.push({ text: r.text, date, charStart: offset + r.index, charEnd: offset + r.index + r.text.length, role });
  }
  return out;
}

export function createTimeStage() {
  return defineStage({
    name: "time",
    requires: ["sentences", "published"],
    assigns: ["dates"],
    run(doc: Doc): Doc {
      const ref = doc.published ?? new Date().toISOString().slice(0, 10);
      const dates = doc.sentences.map((s) => (s.caption ? [] : findDates(s.text, s.start, ref)));
      return { ...doc, dates };
    },
  });
}
