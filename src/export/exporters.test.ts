import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { SitrepError } from "../core/problems.js";
import { csv } from "./csv.js";
import type { Exporter } from "./exporter.js";
import { EXPORTERS, exporterFor } from "./exporters.js";
import { collector, from, many, ROWS, slowSink } from "./fixtures.js";
import { createParquetExporter } from "./parquet.js";

test("the table: gdelt, csv, jsonl, parquet; an unknown name is E_EXPORT", () => {
  assert.deepEqual([...EXPORTERS.keys()], ["gdelt", "csv", "jsonl", "parquet"]);
  assert.deepEqual([...EXPORTERS.values()].map((e) => [e.ext, e.binary]), [["tsv", false], ["csv", false], ["jsonl", false], ["parquet", true]]);
  assert.equal(exporterFor("csv"), csv);
  assert.throws(() => exporterFor("xlsx"), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_EXPORT" && /gdelt, csv, jsonl, parquet/.test(e.message));
});

/** The contract every exporter keeps. */
function contract(ex: Exporter): void {
  test(`${ex.name}: counts rows and leaves the output open`, async () => {
    const c = collector();
    assert.deepEqual(await ex.write(from(ROWS), c.out), { rows: ROWS.length });
    assert.equal(c.out.writableEnded, false);
    assert.ok(c.bytes().length > 0);
  });

  test(`${ex.name}: no rows`, async () => {
    const c = collector();
    assert.deepEqual(await ex.write(from([]), c.out), { rows: 0 });
  });

  test(`${ex.name}: waits for 'drain' on a slow output`, async () => {
    const { out, stats } = slowSink(4096);
    const e = ex.binary ? createParquetExporter({ rowGroupSize: 300 }) : ex;
    assert.deepEqual(await e.write(many(3000), out), { rows: 3000 });
    assert.ok(stats.writes > 3, `${stats.writes} writes`);
    // a writer that ignored write()'s false would pile chunks up behind the first
    assert.ok(stats.maxBuffered <= 4096 + stats.maxChunk, `buffered ${stats.maxBuffered}, chunk ${stats.maxChunk}`);
  });

  test(`${ex.name}: a failing output rejects with E_EXPORT`, async () => {
    const out = new Writable({
      write(_chunk, _enc, cb) {
        cb(new Error("disk full"));
      },
    });
    out.on("error", () => {}); // the caller's listener; the exporter reports through its promise
    await assert.rejects(ex.write(many(10), out), (e: unknown) => e instanceof SitrepError && e.problem.code === "E_EXPORT" && /disk full/.test(e.message));
  });
}

for (const ex of EXPORTERS.values()) contract(ex);

test("backpressure: 100,000 rows of CSV to a slow output stay within a bounded buffer", async (t) => {
  const N = 100_000;
  const { out, stats } = slowSink(16 * 1024);
  // rows pulled from the source against bytes the output has taken: the rows in flight
  let pulled = 0;
  const lead: Array<[number, number]> = [];
  async function* counted() {
    for await (const r of many(N)) {
      pulled++;
      yield r;
    }
  }
  const write = out._write.bind(out);
  out._write = (chunk, enc, cb) => {
    lead.push([pulled, stats.bytes]);
    write(chunk, enc, cb);
  };
  const base = process.memoryUsage();
  let peak = 0;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - (base.heapUsed + base.arrayBuffers));
  }, 5);
  try {
    assert.deepEqual(await csv.write(counted(), out), { rows: N });
  } finally {
    clearInterval(sample);
  }
  assert.ok(stats.bytes > 30_000_000, `${stats.bytes} bytes`);
  assert.ok(stats.maxBuffered <= 16 * 1024 + stats.maxChunk, `buffered ${stats.maxBuffered}`);
  assert.ok(stats.maxChunk <= 3 * 64 * 1024 + 4096, `chunk ${stats.maxChunk}`);
  const perRow = stats.bytes / N;
  const inFlight = Math.max(...lead.map(([rows, bytes]) => rows - bytes / perRow));
  t.diagnostic(`${stats.writes} writes, at most ${Math.round(inFlight)} rows in flight, heap + buffers grew at most ${(peak / 1048576).toFixed(1)} MB (uncollected garbage included)`);
  // one 64 KiB chunk is a few hundred rows; ignoring 'drain' would let all 100,000 run ahead
  assert.ok(inFlight < 1000, `${inFlight} rows in flight`);
  assert.ok(peak < 256 * 1024 * 1024, `peak growth ${(peak / 1048576).toFixed(1)} MB`);
});
