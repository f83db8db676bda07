import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadActorLexicon } from "../lexicon/actors.js";
import { createTagStage } from "./tag.js";
import { sentenceMentions } from "./actors.js";
import { newDoc } from "./doc.js";
import { createCoder } from "./coder.js";

const lex = loadActorLexicon();
const tag = createTagStage();

function mentions(text: string, date = "2021-06-15"): string[] {
  const d0 = { ...newDoc({ id: "a", text }), text, paragraphs: [{ start: 0, end: text.length, caption: false }] };
  const doc = tag.run(d0);
  return doc.sentences.flatMap((s) => sentenceMentions(s, lex, date).filter((m) => !m.modifier).map((m) => `${m.text}=${m.code}`));
}

test("actors: the lexicon loads without malformed lines", () => {
  assert.deepEqual(lex.problems, []);
});

test("actors: an organisation's change of code must read YYYY-MM-DD:CODE, and a bad one names its file and line", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-orgs-"));
  writeFileSync(join(dir, "organizations.txt"), "Good Front\tXYZREBGF\tXYZ\tREB\tnote\t2020-01-01:XYZGOVGF\nBad Front\tXYZREBBF\tXYZ\tREB\tnote\t2020-1-1:XYZGOV\n");
  const l = loadActorLexicon({ dir });
  assert.equal(l.problems.length, 1);
  assert.match(`${l.problems[0].where} ${l.problems[0].message}`, /organizations\.txt:2.*YYYY-MM-DD:CODE/);
  const good = l.trie.longest([{ text: "Good", lower: "good", lemma: "good", pos: "PROPN" }, { text: "Front", lower: "front", lemma: "front", pos: "PROPN" }] as never, 0, true);
  assert.ok(good);
  assert.equal(l.resolve(good.values[0], "2019-12-31").code, "XYZREBGF");
  assert.equal(l.resolve(good.values[0], "2020-01-01").code, "XYZGOVGF");
});

test("actors: countries, short names, demonyms with roles", () => {
  assert.deepEqual(mentions("The Iraqi army and U.S. troops entered the town."), ["Iraqi army=IRQMIL", "U.S. troops=USAMIL"]);
  assert.deepEqual(mentions("Britain and South Korea signed the accord."), ["Britain=GBR", "South Korea=KOR"]);
});

test("actors: capitals as metonyms, but not after a locative preposition", () => {
  assert.deepEqual(mentions("Washington said Tehran denied it."), ["Washington=USAGOV", "Tehran=IRNGOV"]);
  assert.ok(!mentions("Protesters gathered in Tehran.").some((m) => m.startsWith("Tehran")));
});

test("actors: possessives and titles", () => {
  assert.deepEqual(mentions("Iraq's prime minister spoke."), ["Iraq's prime minister=IRQGOV"]);
  assert.deepEqual(mentions("the military spokesman of Nigeria"), ["military spokesman of Nigeria=NGAMIL"]);
});

test("actors: people by their office at the article's date", () => {
  assert.deepEqual(mentions("Trump spoke.", "2020-06-01"), ["Trump=USAGOV"]);
  assert.deepEqual(mentions("Trump spoke.", "2022-06-01"), ["Trump=USAELI"]);
  assert.deepEqual(mentions("Trump spoke.", "2025-06-01"), ["Trump=USAGOV"]);
});

test("actors: appositions code unknown people", () => {
  assert.deepEqual(mentions("Hossein Dehghan, a former IRGC commander, spoke."), ["Hossein Dehghan=IRNMIL"]);
});

test("actors: international organisations and armed groups", () => {
  const m = mentions("The UN and NATO condemned Hezbollah and the Islamic State.");
  assert.ok(m.includes("UN=IGOUNO"), m.join());
  assert.ok(m.some((x) => x.startsWith("Hezbollah=LBN")), m.join());
  assert.ok(m.some((x) => /Islamic State=/.test(x)), m.join());
});

test("actors: a demonym before a thing is not an actor", () => {
  assert.deepEqual(mentions("Shells hit Syrian villages."), []);
});

test("actors: an institution named after a possessive country takes that country ('Peru's Congress')", async () => {
  const { createCoder } = await import("./coder.js");
  const doc = createCoder().code({ id: "c", text: "Peru's Congress voted to remove the president.", published: "2022-12-07" }).doc;
  assert.ok(doc.mentions[0].some((m) => m.code === "PERLEG"), JSON.stringify(doc.mentions[0].map((m) => m.code)));
});

test("actors: a known person takes the code of the term the article's date falls in, a title outside any term, and an appositive role when out of office", () => {
  const at = (text: string, published: string) => mentions(text, published);
  assert.ok(at("Hassan Rouhani met the envoy.", "2015-06-01").includes("Hassan Rouhani=IRNGOV"));
  assert.ok(at("Hassan Rouhani met the envoy.", "2023-06-01").includes("Hassan Rouhani=IRNELI"));
  // the week after a term ends, the story is about its end
  assert.ok(at("Hassan Rouhani left the presidential palace.", "2021-08-05").includes("Hassan Rouhani=IRNGOV"));
  // a title before a known name outside its terms: the title's role; "former" keeps the elite code
  assert.ok(at("Opposition leader Raila Odinga called for calm.", "2008-01-10").some((x) => /Raila Odinga=KENOPP/.test(x)));
  assert.ok(at("Former President Hassan Rouhani called for calm.", "2023-06-01").some((x) => /Rouhani=IRNELI/.test(x)));
});

test("actors: 'divisions' of opinion are not army divisions; a named airborne division is", () => {
  assert.deepEqual(mentions("Deep divisions remained among the delegates."), []);
  assert.ok(mentions("The 82nd Airborne Division arrived.").some((m) => m.endsWith("=MIL")));
});

test("actors: things whose names hold an actor word ('a passenger jet', 'executive orders', 'police custody') are no actors", () => {
  assert.deepEqual(mentions("A passenger jet crashed while he was in police custody."), []);
  assert.deepEqual(mentions("Israeli jets struck the town."), ["Israeli jets=ISRMIL"]);
});

test("actors: 'US-led forces' are the leader's forces; the backer of an 'Iran-backed militia' is no actor there", () => {
  assert.deepEqual(mentions("US-led forces entered the city."), ["forces=USAMIL"]);
  assert.deepEqual(mentions("An Iran-backed militia attacked the base."), ["militia=REB"]);
});

test("actors: demonyms the country package lacks or spells otherwise (Kazakh, Bosnian, Nepali, Ecuadorian, Dominican)", () => {
  const coder = createCoder();
  const src = (text: string) => coder.code({ id: "d", text, published: "2022-01-11" }).events[0]?.source.code;
  assert.equal(src("Kazakh police arrested a man."), "KAZCOP");
  assert.equal(src("Bosnian police arrested a man."), "BIHCOP");
  assert.equal(src("Nepali police arrested a man."), "NPLCOP");
  assert.equal(src("Ecuadorian police arrested a man."), "ECUCOP");
  assert.equal(src("Dominican police arrested a man."), "DOMCOP");
});

test("actors: a title ending in 'general' is no general ('prosecutor general', 'director-general', 'surgeon general')", () => {
  const coder = createCoder();
  const src = (text: string) => coder.code({ id: "g", text, published: "2025-06-11" }).events[0]?.source.code;
  assert.equal(src("Ukraine's prosecutor general opened an investigation into the strike on Monday."), "UKRJUD");
  assert.equal(src("The US surgeon general criticised the tobacco industry."), "USAGOV");
});

test("actors: 'the group' and 'the militant group' refer back to the organisation last named; 'the Wagner group' is a name", () => {
  const coder = createCoder();
  const srcs = (text: string) => coder.code({ id: "g", text, published: "2022-01-24" }).events.map((e) => e.source.code);
  assert.ok(srcs("Al Shabaab fighters stormed a hotel in Mogadishu. The group said it had targeted officials.").every((c) => c === "SOMREBSHB"));
  const tgt = coder.code({ id: "w", text: "Anti-balaka militiamen ambushed fighters of the Wagner group near Bouar.", published: "2022-01-24" }).events.map((e) => e.target?.code);
  assert.ok(tgt.includes("RUSMILWAG"), tgt.join(", "));
});
