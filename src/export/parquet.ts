// Parquet export: the CSV's columns with their types, written one row group at a time to the output stream.
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { EXPORT_COLUMNS, type Cell, type ColumnType } from "./csv.js";
import { StreamSink, type Exporter } from "./exporter.js";

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

/** Rows per row group: the rows held in memory at once. */
export const ROW_GROUP_SIZE = 10_000;

const PHYSICAL: Record<ColumnType, Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
  int32: { type: "INT32", repetition_type: "OPTIONAL" },
  int64: { type: "INT64", repetition_type: "OPTIONAL" },
  double: { type: "DOUBLE", repetition_type: "OPTIONAL" },
  boolean: { type: "BOOLEAN", repetition_type: "OPTIONAL" },
};

/** The file's schema: a root, then one nullable leaf per export column. */
export function parquetSchema(): SchemaElement[] {
  return [
    { name: "root", num_children: EXPORT_COLUMNS.length },
    ...EXPORT_COLUMNS.map((c) => ({ name: c.name, ...PHYSICAL[c.type] })),
  ];
}

function value(type: ColumnType, v: Cell): unknown {
  if (v === null) return null;
  // the writer takes 64-bit integers as bigint only
  return type === "int64" ? BigInt(v as number) : v;
}

/** Hands the encoded bytes to the stream after each row group (and at the end), waiting for 'drain'. */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: StreamSink) {
    super(1 << 16);
  }

  flush(): Promise<void> {
    // a copy: the buffer is reused for the next row group
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return this.sink.bytes(bytes);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

export interface ParquetOptions {
  rowGroupSize?: number;
}

export function createParquetExporter(opts: ParquetOptions = {}): Exporter {
  const groupSize = opts.rowGroupSize ?? ROW_GROUP_SIZE;
  return {
    name: "parquet",
    ext: "parquet",
    binary: true,
    async write(rows, out) {
      const sink = new StreamSink(out, "export parquet");
      const fresh = () => EXPORT_COLUMNS.map(() => [] as unknown[]);
      let n = 0;
      try {
        const pq = new ParquetWriter({ writer: new SinkWriter(sink), schema: parquetSchema(), createdBy: "sitrep" });
        let cols = fresh();
        const writeGroup = async () => {
          if (!cols[0].length) return;
          const columnData = EXPORT_COLUMNS.map((c, i) => ({ name: c.name, data: cols[i] }));
          // one call, one row group; the writer flushes it to the sink and we wait for that
          await pq.write({ columnData, rowGroupSize: cols[0].length });
          cols = fresh();
        };
        for await (const row of rows) {
          for (let i = 0; i < EXPORT_COLUMNS.length; i++) cols[i].push(value(EXPORT_COLUMNS[i].type, EXPORT_COLUMNS[i].get(row)));
          n++;
          if (cols[0].length >= groupSize) await writeGroup();
        }
        await writeGroup();
        await pq.finish();
        await sink.flush();
      } finally {
        sink.release();
      }
      return { rows: n };
    },
  };
}

export const parquet: Exporter = createParquetExporter();
