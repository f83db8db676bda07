import { test } from "node:test";
import assert from "node:assert/strict";
import { joinCityNames, townKey } from "./city-names.js";

test("city names: a town both packages place at one point takes the other package's name; a neighbourhood nearby does not", () => {
  const atc = [
    { name: "Leuvenstad", country: "BE", loc: { coordinates: [4.70093, 50.87959] as [number, number] } },
    { name: "Samestad", country: "NL", loc: { coordinates: [5.1, 52.1] as [number, number] } },
  ];
  const cj = [
    { name: "Louvainville", country: "BE", lat: "50.87959", lng: "4.70093" },
    // 300 m away: another place, even with the same country
    { name: "Old Quarter", country: "BE", lat: "50.88230", lng: "4.70093" },
    { name: "Samestad", country: "NL", lat: "52.1", lng: "5.1" },
    // same point, another country
    { name: "Grenzdorf", country: "DE", lat: "52.1", lng: "5.1" },
  ];
  assert.deepEqual(joinCityNames(atc, cj), { [townKey("BE", 50.87959, 4.70093)]: "Louvainville" });
});
