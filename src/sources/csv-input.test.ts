import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInput, type InputItem } from "./read-input.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-csv-"));

async function all(path: string, d = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const x of readInput(path, d)) out.push(x);
  return out;
}

test("CSV columns are recognised by name: text, date, url, outlet, id", async () => {
  const p = join(dir, "stories.csv");
  writeFileSync(p, 'id,date,headline,body,link,source\n7,2021-05-02,Clashes,"Police fired tear gas at protesters in the capital, witnesses said.",https://news.example.org/7,Example Wire\n');
  const [x] = await all(p);
  assert.ok("article" in x);
  assert.deepEqual(x.article, {
    id: "7",
    text: "Police fired tear gas at protesters in the capital, witnesses said.",
    html: undefined,
    published: "2021-05-02",
    url: "https://news.example.org/7",
    outlet: "Example Wire",
    title: "Clashes",
  });
});

test("chosen columns win; a row without text is an error naming its line and field; the rest goes on", async () => {
  const p = join(dir, "chosen.tsv");
  writeFileSync(p, "when\tstory\tnote\n2021-05-02\tTroops withdrew from the border town.\tx\n2021-05-03\t\ty\n2021-05-04\tRebels shelled the airport.\tz\n");
  const items = await all(p, { columns: { text: "story", published: "when" } });
  assert.equal(items.length, 3);
  assert.ok("article" in items[0] && items[0].article.published === "2021-05-02");
  assert.ok("problem" in items[1]);
  assert.equal(items[1].problem.where, "chosen.tsv:3 field text");
  assert.ok("article" in items[2] && items[2].article.text === "Rebels shelled the airport.");
});

test("a named column that does not exist, and a file with no text column, are clear errors", async () => {
  const p = join(dir, "nocol.csv");
  writeFileSync(p, "a,b\n1,2\n");
  const [x] = await all(p, { columns: { text: "body" } });
  assert.ok("problem" in x && x.problem.code === "E_INPUT_CSV" && /no column "body"/.test(x.problem.message));
  const [y] = await all(p);
  assert.ok("problem" in y && /no text column/.test(y.problem.message));
});

test("a malformed row (an unclosed quote) is reported with its line", async () => {
  const p = join(dir, "broken.csv");
  writeFileSync(p, 'text,date\n"Troops withdrew.",2021-05-02\n"unclosed,2021-05-03\n');
  const items = await all(p);
  assert.ok("article" in items[0]);
  const last = items[items.length - 1];
  assert.ok("problem" in last && last.problem.code === "E_INPUT_CSV" && /^broken\.csv:\d+$/.test(last.problem.where));
});
