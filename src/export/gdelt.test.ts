import { test } from "node:test";
import assert from "node:assert/strict";
import { attack, awkward, collector, counterattack, from, ROWS, threat } from "./fixtures.js";
import { createGdeltExporter, dateAdded, dateCells, GDELT_COLUMNS, gdelt, geoType, actorTypeCodes, splitActor } from "./gdelt.js";

const TYPES = new Set(["GOV", "MIL", "COP", "REB", "IGO", "NGO", "HRI", "JUD", "REF"]);
const NAMES: Record<string, string> = { IRQ: "Iraq", LBN: "Lebanon", USA: "United States" };

async function lines(rows = ROWS): Promise<string[][]> {
  const c = collector();
  const ex = createGdeltExporter({ typeCodes: TYPES, countryName: (iso3) => NAMES[iso3] ?? null });
  const r = await ex.write(from(rows), c.out);
  assert.equal(r.rows, rows.length);
  const text = c.text();
  assert.ok(text.endsWith("\n"));
  return text.slice(0, -1).split("\n").map((l) => l.split("\t"));
}

const E = (n: number) => new Array<string>(n).fill("");

test("GDELT has 61 columns in the codebook's order", () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  const at = (name: string) => GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number]);
  assert.deepEqual(
    [at("GlobalEventID"), at("FractionDate"), at("Actor1Type3Code"), at("Actor2Code"), at("IsRootEvent"), at("EventCode"), at("AvgTone"), at("Actor1Geo_Type"), at("Actor2Geo_Type"), at("ActionGeo_Type"), at("ActionGeo_FeatureID"), at("DATEADDED"), at("SOURCEURL")],
    [0, 4, 14, 15, 25, 26, 34, 35, 43, 51, 58, 59, 60],
  );
});

test("GDELT: an attack in a city, every cell", async () => {
  const [row] = await lines([attack]);
  assert.deepEqual(row, [
    "101", "20240305", "202403", "2024", "2024.2603",
    "IMGMOSISI", "Islamic State fighters", "", "ISI", "", "", "", "REB", "", "",
    "IRQMIL", "Iraqi soldiers", "IRQ", "", "", "", "", "MIL", "", "",
    "1", "190", "190", "19", "4", "-10", "3", "1", "2", "",
    ...E(8), ...E(8),
    "4", "Mosul, Nineveh, Iraq", "IRQ", "", "", "36.335", "43.1189", "",
    "20240305143000", "https://example.org/mosul",
  ]);
});

test("GDELT: a threat with no target, placed at country level", async () => {
  const [row] = await lines([threat]);
  assert.equal(row.length, 61);
  assert.deepEqual(row.slice(0, 5), ["205", "20240601", "202406", "2024", "2024.4959"]);
  assert.deepEqual(row.slice(5, 15), ["LBNREBHEZ", "Hezbollah", "LBN", "HEZ", "", "", "", "REB", "", ""]);
  assert.deepEqual(row.slice(15, 25), E(10));
  assert.deepEqual(row.slice(25, 35), ["1", "138", "138", "13", "3", "-7", "1", "1", "1", ""]);
  assert.deepEqual(row.slice(51, 59), ["1", "Lebanon", "LBN", "", "", "33.83333333", "35.83333333", ""]);
  assert.deepEqual(row.slice(59), ["20240601000000", "https://example.org/beirut"]);
});

test("GDELT: no place, no cluster, no dates; tabs and line breaks become spaces", async () => {
  const [row] = await lines([awkward]);
  assert.equal(row.length, 61);
  assert.deepEqual(row.slice(0, 5), ["9007199254740000", "", "", "", ""]);
  assert.deepEqual(row.slice(5, 15), ["USAGOV", 'the "White House", said', "USA", "", "", "", "", "GOV", "", ""]);
  assert.deepEqual(row.slice(15, 25), ["IGOUNO", "the U.N. ", "", "UNO", "", "", "", "IGO", "", ""]);
  assert.deepEqual(row.slice(25, 35), ["1", "0251", "025", "02", "1", "3", "1", "1", "1", ""]);
  assert.deepEqual(row.slice(35), [...E(24), "", "pasted 1"]);
});

test("GDELT: IsRootEvent is 0 for a sentence's second event; 61 cells on every line", async () => {
  const rows = await lines();
  assert.equal(rows.length, 4);
  for (const r of rows) assert.equal(r.length, 61);
  assert.deepEqual(rows.map((r) => r[25]), ["1", "0", "1", "1"]);
  assert.deepEqual(rows[1].slice(26, 29), ["1831", "183", "18"]);
});

test("GDELT: the default exporter reads type codes from the lexicons and country names from world-countries", async () => {
  const types = actorTypeCodes();
  assert.ok(["IGO", "GOV", "HRI", "IMG"].every((t) => types.has(t)));
  assert.ok(!types.has("UNO") && !types.has("HEZ"));
  const c = collector();
  await gdelt.write(from([attack, threat]), c.out);
  const [a, t] = c.text().trim().split("\n").map((l) => l.split("\t"));
  assert.equal(a[52], "Mosul, Nineveh, Iraq");
  assert.equal(t[51], "1");
  assert.equal(t[8], "HEZ");
});

test("actor codes: known group and further types", () => {
  const actor = (code: string, country: string | null, sector: string | null) => ({ text: "x", code, country, sector });
  assert.deepEqual(splitActor(actor("IGOUNO", null, "IGO"), TYPES), { group: "UNO", types: [] });
  assert.deepEqual(splitActor(actor("IGOWSTNAT", null, "IGO"), TYPES), { group: "NAT", types: [] });
  assert.deepEqual(splitActor(actor("IGOUNOHRI", null, "IGO"), TYPES), { group: "UNO", types: ["HRI"] });
  assert.deepEqual(splitActor(actor("USAGOV", "USA", "GOV"), TYPES), { group: null, types: [] });
  assert.deepEqual(splitActor(actor("IRN", "IRN", null), TYPES), { group: null, types: [] });
  assert.deepEqual(splitActor(actor("NGOHRIRDC", null, "NGO"), TYPES), { group: "RDC", types: ["HRI"] });
});

test("ActionGeo_Type: country, state, city", () => {
  const p = (name: string, country: string | null, admin1: string | null, lat: number | null) => ({ name, country, admin1, lat, lon: lat });
  assert.equal(geoType(p("Iraq", "IRQ", null, 33), "Iraq"), 1);
  assert.equal(geoType(p("Darfur", "SDN", "Darfur", 13.5), "Sudan"), 5);
  assert.equal(geoType(p("Texas", "USA", "Texas", 31), "United States"), 2);
  assert.equal(geoType(p("Austin", "USA", "Texas", 30), "United States"), 3);
  assert.equal(geoType(p("Mosul", "IRQ", "Nineveh", 36), "Iraq"), 4);
  assert.equal(geoType(p("Somewhere", "IRQ", null, null), "Iraq"), 1);
  assert.equal(geoType(p("Somewhere", null, null, null), null), null);
});

test("dates: Day, MonthYear, Year, FractionDate and DATEADDED", () => {
  assert.deepEqual(dateCells("2015-02-18"), ["20150218", "201502", "2015", "2015.2137"]);
  assert.deepEqual(dateCells(null), [null, null, null, null]);
  assert.equal(dateAdded("2024-03-05"), "20240305000000");
  assert.equal(dateAdded("2024-03-05T14:30:00+02:00"), "20240305123000");
  assert.equal(dateAdded("2024-03-05T23:30:00.123-05:00"), "20240306043000");
  assert.equal(dateAdded("2024-03-05 14:30"), "20240305143000");
  assert.equal(dateAdded("yesterday"), null);
  assert.equal(dateAdded(null), null);
});
