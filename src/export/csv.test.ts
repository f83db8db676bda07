import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { COLUMNS } from "../cli/format.js";
import { csv, csvCell, EXPORT_COLUMNS } from "./csv.js";
import { AWKWARD_TEXT, attack, awkward, collector, from, ROWS, threat } from "./fixtures.js";

async function exported(rows = ROWS): Promise<string> {
  const c = collector();
  const r = await csv.write(from(rows), c.out);
  assert.equal(r.rows, rows.length);
  return c.text();
}

const EXTRA = ["article_url", "outlet", "published", "origin", "cluster_id", "cluster_reports", "cluster_outlets", "cluster_sources"];

test("CSV header: the CLI's columns, then the article's and the cluster's", async () => {
  const text = await exported([]);
  assert.equal(text, [...COLUMNS, ...EXTRA].join(",") + "\r\n");
  assert.deepEqual(EXPORT_COLUMNS.map((c) => c.name), [...COLUMNS, ...EXTRA]);
});

test("CSV parses back cell for cell (csv-parse)", async () => {
  const text = await exported();
  const records: Record<string, string>[] = parse(text, { columns: true, relax_column_count: false });
  assert.equal(records.length, 4);
  const [a, , t, w] = records;
  assert.deepEqual(
    { id: a.id, sentence: a.sentence, date: a.date, code: a.code, root: a.root, quad: a.quad, goldstein: a.goldstein },
    { id: attack.event.id, sentence: "0", date: "2024-03-05", code: "190", root: "19", quad: "4", goldstein: "-10" },
  );
  assert.deepEqual(
    [a.plover_type, a.plover_mode, a.acled_event_type, a.acled_sub_event_type],
    ["ASSAULT", "", "Battles", "Armed clash"],
  );
  assert.deepEqual([a.source_code, a.source_country, a.source_sector, a.target_code, a.target_country], ["IMGMOSISI", "", "REB", "IRQMIL", "IRQ"]);
  assert.deepEqual([a.location_name, a.location_country, a.location_admin1, a.lat, a.lon], ["Mosul", "IRQ", "Nineveh", "36.335", "43.1189"]);
  assert.deepEqual([a.hedged, a.negated, a.confidence, a.verb], ["false", "false", "0.9", "attacked"]);
  assert.deepEqual(
    [a.article_url, a.outlet, a.published, a.origin, a.cluster_id, a.cluster_reports, a.cluster_outlets, a.cluster_sources],
    ["https://example.org/mosul", "Reuters", "2024-03-05T14:30:00Z", "Reuters", "7", "3", "2", "1"],
  );
  assert.deepEqual([t.target_text, t.target_code, t.attribution, t.hedged], ["", "", "outlet:AFP > named:a spokesman", "true"]);
  // the awkward row: quotes, commas, tabs, CRLF, LF and a script tag come back exactly
  assert.equal(w.text, AWKWARD_TEXT);
  assert.equal(w.source_text, awkward.event.source.text);
  assert.equal(w.target_text, "the U.N.\n");
  assert.equal(w.doc, "pasted\t1");
  assert.deepEqual(
    [w.date, w.location_name, w.lat, w.article_url, w.published, w.cluster_id, w.cluster_reports, w.attribution],
    ["", "", "", "", "", "", "", ""],
  );
});

test("CSV quoting follows RFC 4180", () => {
  assert.equal(csvCell(null), "");
  assert.equal(csvCell("plain <script>"), "plain <script>");
  assert.equal(csvCell('say "hi", then'), '"say ""hi"", then"');
  assert.equal(csvCell("two\r\nlines"), '"two\r\nlines"');
  assert.equal(csvCell("tab\there"), "tab\there");
  assert.equal(csvCell(false), "false");
  assert.equal(csvCell(-2.5), "-2.5");
});

test("CSV: a threat with no target leaves the target cells empty", async () => {
  const [, line] = (await exported([threat])).split("\r\n");
  const cells: string[] = parse(line)[0];
  const at = (n: string) => cells[EXPORT_COLUMNS.findIndex((c) => c.name === n)];
  assert.equal(cells.length, EXPORT_COLUMNS.length);
  assert.deepEqual([at("target_text"), at("target_code"), at("target_country"), at("target_sector")], ["", "", "", ""]);
});
