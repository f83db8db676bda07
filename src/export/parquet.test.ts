import { test } from "node:test";
import assert from "node:assert/strict";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { EXPORT_COLUMNS } from "./csv.js";
import { AWKWARD_TEXT, collector, from, many, ROWS } from "./fixtures.js";
import type { ExportRow } from "./exporter.js";
import { createParquetExporter, parquet } from "./parquet.js";

async function written(rows: AsyncIterable<ExportRow>, ex = parquet): Promise<{ file: ArrayBuffer; count: number }> {
  const c = collector();
  const r = await ex.write(rows, c.out);
  const b = c.bytes();
  return { file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, count: r.rows };
}

test("Parquet: one typed, nullable column per CSV column", async () => {
  const { file } = await written(from(ROWS));
  const meta = parquetMetadata(file);
  const leaves = meta.schema.slice(1);
  assert.deepEqual(leaves.map((s) => s.name), EXPORT_COLUMNS.map((c) => c.name));
  const typeOf = (n: string) => {
    const s = leaves.find((l) => l.name === n)!;
    return [s.type, s.converted_type ?? null, s.repetition_type];
  };
  assert.deepEqual(typeOf("text"), ["BYTE_ARRAY", "UTF8", "OPTIONAL"]);
  assert.deepEqual(typeOf("sentence"), ["INT32", null, "OPTIONAL"]);
  assert.deepEqual(typeOf("cluster_id"), ["INT64", null, "OPTIONAL"]);
  assert.deepEqual(typeOf("lat"), ["DOUBLE", null, "OPTIONAL"]);
  assert.deepEqual(typeOf("goldstein"), ["DOUBLE", null, "OPTIONAL"]);
  assert.deepEqual(typeOf("confidence"), ["DOUBLE", null, "OPTIONAL"]);
  assert.deepEqual(typeOf("hedged"), ["BOOLEAN", null, "OPTIONAL"]);
  assert.equal(meta.num_rows, 4n);
});

test("Parquet reads back with hyparquet: values, nulls and awkward text", async () => {
  const { file, count } = await written(from(ROWS));
  assert.equal(count, 4);
  const rows = await parquetReadObjects({ file });
  assert.equal(rows.length, 4);
  const [a, , t, w] = rows;
  assert.deepEqual(
    { id: a.id, sentence: a.sentence, code: a.code, quad: a.quad, goldstein: a.goldstein, lat: a.lat, lon: a.lon, hedged: a.hedged, negated: a.negated, confidence: a.confidence },
    { id: "a1b2c3d4e5f60718", sentence: 0, code: "190", quad: 4, goldstein: -10, lat: 36.335, lon: 43.1189, hedged: false, negated: false, confidence: 0.9 },
  );
  assert.deepEqual(
    [a.source_country, a.plover_mode, a.cluster_id, a.cluster_reports, a.cluster_outlets, a.cluster_sources, a.published],
    [null, null, 7n, 3, 2, 1, "2024-03-05T14:30:00Z"],
  );
  assert.deepEqual([t.target_text, t.target_code, t.acled_event_type, t.attribution, t.hedged], [null, null, null, "outlet:AFP > named:a spokesman", true]);
  assert.equal(w.text, AWKWARD_TEXT);
  assert.equal(w.doc, "pasted\t1");
  assert.deepEqual(
    [w.date, w.location_name, w.lat, w.lon, w.article_url, w.cluster_id, w.cluster_reports, w.attribution, w.negated],
    [null, null, null, null, null, null, null, "", true],
  );
});

test("Parquet: more rows than one row group", async () => {
  const ex = createParquetExporter({ rowGroupSize: 1000 });
  const { file, count } = await written(many(2500), ex);
  assert.equal(count, 2500);
  const meta = parquetMetadata(file);
  assert.deepEqual(meta.row_groups.map((g) => g.num_rows), [1000n, 1000n, 500n]);
  const rows = await parquetReadObjects({ file, columns: ["id", "sentence", "cluster_id"] });
  assert.equal(rows.length, 2500);
  assert.deepEqual(rows[0], { id: "gen0", sentence: 0, cluster_id: 7n });
  assert.deepEqual(rows[1999], { id: "gen1999", sentence: 1999, cluster_id: null });
  assert.deepEqual(rows[2498], { id: "gen2498", sentence: 2498, cluster_id: 9n });
  assert.deepEqual(rows[2499], { id: "gen2499", sentence: 2499, cluster_id: null });
});

test("Parquet: the default row group holds 10,000 rows", async () => {
  const { file, count } = await written(many(10_001));
  assert.equal(count, 10_001);
  assert.deepEqual(parquetMetadata(file).row_groups.map((g) => g.num_rows), [10_000n, 1n]);
});

test("Parquet: no rows is still a valid file", async () => {
  const { file, count } = await written(from([]));
  assert.equal(count, 0);
  const meta = parquetMetadata(file);
  assert.equal(meta.num_rows, 0n);
  assert.equal(meta.schema.length, EXPORT_COLUMNS.length + 1);
  assert.deepEqual(await parquetReadObjects({ file }), []);
});
