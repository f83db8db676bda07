import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { readInput, type InputItem } from "./read-input.js";
import { decode } from "./decode.js";

async function all(path: string): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const i of readInput(path, { published: "2021-01-01" })) out.push(i);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "sitrep-input-"));

test("read-input: JSONL with a bad line, a missing field and a wrong type goes on with the rest", async () => {
  const p = join(dir, "stories.jsonl");
  writeFileSync(p, [
    JSON.stringify({ id: "s1", text: "Troops moved north.", published: "2020-05-01" }),
    "{not json",
    JSON.stringify({ id: "s3" }),
    JSON.stringify({ id: "s4", text: 42 }),
    JSON.stringify({ id: "s5", text: "Police arrested two men.", published: "31/31/2020" }),
    "",
    JSON.stringify({ text: "Rebels withdrew." }),
  ].join("\n"));
  const items = await all(p);
  const arts = items.filter((i) => "article" in i).map((i) => ("article" in i ? i.article : null)!);
  const probs = items.filter((i) => "problem" in i).map((i) => ("problem" in i ? i.problem : null)!);
  assert.deepEqual(arts.map((a) => a.id), ["s1", "stories.jsonl:7"]);
  assert.equal(arts[0].published, "2020-05-01");
  assert.equal(arts[1].published, "2021-01-01");
  assert.deepEqual(probs.map((p) => [p.code, p.where]), [
    ["E_INPUT_JSON", "stories.jsonl:2"],
    ["E_INPUT_FIELD", "stories.jsonl:3 field text"],
    ["E_INPUT_FIELD", "stories.jsonl:4 field text"],
    ["E_INPUT_DATE", "stories.jsonl:5 field published"],
  ]);
});

test("read-input: Latin-1 and UTF-16 text come out as UTF-8", async () => {
  const l1 = join(dir, "latin1.txt");
  writeFileSync(l1, iconv.encode("Le président français a condamné l'attaque à Niamey. Ça suffit, a-t-il déclaré.", "latin1"));
  const [a] = await all(l1);
  assert.ok("article" in a && a.article.text!.includes("président français"));
  const u16 = join(dir, "u16.txt");
  writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("Troops crossed the border near Kherson.", "utf-16le")]));
  const [b] = await all(u16);
  assert.ok("article" in b && b.article.text === "Troops crossed the border near Kherson.");
});

test("read-input: binary, empty and missing inputs are clear problems", async () => {
  const bin = join(dir, "x.txt");
  writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  const empty = join(dir, "empty.txt");
  writeFileSync(empty, "");
  const [p1] = await all(bin);
  const [p2] = await all(empty);
  const [p3] = await all(join(dir, "nope.txt"));
  assert.ok("problem" in p1 && p1.problem.code === "E_INPUT_BINARY" && p1.problem.where === "x.txt");
  assert.ok("problem" in p2 && p2.problem.code === "E_INPUT_EMPTY");
  assert.ok("problem" in p3 && p3.problem.code === "E_INPUT_MISSING");
});

test("read-input: HTML by extension, with its declared charset", async () => {
  const h = join(dir, "page.html");
  writeFileSync(h, Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), iconv.encode("Café owners protested in Liège.", "win1252"), Buffer.from("</p></body></html>")]));
  const [a] = await all(h);
  assert.ok("article" in a && a.article.html!.includes("Café owners protested in Liège."));
});

test("decode: invalid UTF-8 falls back to a detected encoding", () => {
  const d = decode(Buffer.from([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e, 0x20, 0x70, 0x6f, 0x6c, 0x69, 0x63, 0x65]), "m.txt");
  assert.ok(d.text && d.text.startsWith("M") && d.text.endsWith("police"));
  assert.notEqual(d.encoding, "utf-8");
});
