// Builds the dashboard into dist/web (served by `sitrep serve` at /); `vite --config web/vite.config.ts` serves it live, calling the API of a running `sitrep serve`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);

/** `virtual:countries`: [ISO numeric, ISO alpha-3, name] of each country, from world-countries, built in (the full file is 1.4 MB). */
function countries(): Plugin {
  const id = "virtual:countries";
  return {
    name: "sitrep-countries",
    resolveId: (s) => (s === id ? `\0${id}` : undefined),
    load(s) {
      if (s !== `\0${id}`) return undefined;
      const all = JSON.parse(readFileSync(require.resolve("world-countries/countries.json"), "utf8")) as Array<{ ccn3: string; cca3: string; name: { common: string } }>;
      const rows = all.filter((c) => /^[A-Z]{3}$/.test(c.cca3)).map((c) => [c.ccn3, c.cca3, c.name.common]).sort((a, b) => a[2].localeCompare(b[2]));
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [countries()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // the world map and Leaflet are most of it; one bundle is simpler to serve and cache
    chunkSizeWarningLimit: 1000,
  },
  server: { proxy: { "/api": process.env.SITREP_API ?? "http://127.0.0.1:8080" } },
});
