import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPetrarchDiscards } from "./discards-reader.js";

test("petrarch discards: sentence and story scope, whole words and stems, comments", () => {
  const f = join(mkdtempSync(join(tmpdir(), "sitrep-pd-")), "test.discards.txt");
  writeFileSync(f, "CHESS OLYMPIAD   # a comment ;and an old one\n+FILM_FESTIVAL\nCRICKE\nLEAGUE_\n+ GRAND_PRIX_\n+\n");
  const d = readPetrarchDiscards(f);
  assert.deepEqual(d.discards.map((x) => [x.phrase, x.scope, x.wholeWord, x.where]), [
    ["chess olympiad", "sentence", false, "test.discards.txt:1"],
    ["film festival", "story", false, "test.discards.txt:2"],
    ["cricke", "sentence", false, "test.discards.txt:3"],
    ["league", "sentence", true, "test.discards.txt:4"],
    ["grand prix", "story", true, "test.discards.txt:5"],
  ]);
  assert.deepEqual(d.problems.map((p) => p.where), ["test.discards.txt:6"]);
});
