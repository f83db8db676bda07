// npm run bench (third part): the HTTP API under load — autocannon on 127.0.0.1 against `sitrep serve` over 1,000,000 events.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { repoPath } from "../src/core/paths.js";
import { COUNTRIES, keptEventFixture } from "./event-fixture.js";

const { values } = parseArgs({ options: { events: { type: "string", default: "1000000" }, seconds: { type: "string", default: "15" }, connections: { type: "string", default: "10" } } });
const EVENTS = Number(values.events);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);

console.log(`\nsitrep API bench — autocannon, ${CONNECTIONS} connections for ${SECONDS} s per run, against sitrep serve (its own process, rate limit off) over ${EVENTS} made-up events`);
const db = await keptEventFixture(EVENTS, console.log);

// the server in a process of its own, as a user runs it, so the load generator does not share its event loop
const server = spawn(process.execPath, [repoPath("bin/sitrep.js"), "serve", "--db", db, "--port", "0", "--rate", "0"], { stdio: ["ignore", "ignore", "pipe"] });
const base = await new Promise<string>((resolve, reject) => {
  let err = "";
  server.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
    const m = /listening on (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error(`sitrep serve exited (${code}): ${err}`)));
});

const months = Array.from({ length: 24 }, (_, i) => {
  const y = 2020 + Math.floor(i / 12);
  const m = String((i % 12) + 1).padStart(2, "0");
  const last = new Date(Date.UTC(y, (i % 12) + 1, 0)).getUTCDate();
  return [`${y}-${m}-01`, `${y}-${m}-${last}`];
});
/** One country and one month, rotating over 40 countries × 24 months so that not one page is served from warm pages. */
function monthPaths(extra: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < 240; i++) {
    const c = COUNTRIES[(i * 7) % COUNTRIES.length];
    const [since, until] = months[(i * 5) % months.length];
    paths.push(`/api/events?country=${c}&since=${since}&until=${until}${extra}`);
  }
  return paths;
}

async function load(label: string, paths: string[]): Promise<void> {
  let i = 0;
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(
    `  ${label}: ${r.requests.average.toFixed(0)} requests/s, latency median ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
      `${(r.throughput.average / 1e6).toFixed(1)} MB/s; ${r.requests.total} requests${bad ? `, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : ", all 200"}`,
  );
}

try {
  // one pass over the 240 queries, one at a time: the first reads of each country and month (pages not yet in memory)
  const cold: number[] = [];
  for (const p of monthPaths("")) {
    const t = performance.now();
    await fetch(base + p).then((r) => r.arrayBuffer());
    cold.push(performance.now() - t);
  }
  cold.sort((a, b) => a - b);
  console.log(`  first pass, 240 country-months one at a time: median ${cold[120].toFixed(1)} ms, p99 ${cold[Math.floor(cold.length * 0.99)].toFixed(1)} ms (pages read from disk or the OS cache)`);
  await load("events, one country and month, first page of 100 (the main query)", monthPaths(""));
  await load("the same as GeoJSON, pages of 500 (the map)", monthPaths("&format=geojson&limit=500"));
  await load("clusters, one country and month, first page of 100", monthPaths("").map((p) => p.replace("/api/events", "/api/clusters")));
  await load("events, roots 18,19, one country and month", monthPaths("&root=18,19"));
} finally {
  server.kill("SIGTERM");
}
