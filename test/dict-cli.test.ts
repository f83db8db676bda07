import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "../src/core/paths.js";
import { runDict } from "../src/cli/dict.js";

const BIN = repoPath("bin/sitrep.js");

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", cwd: repoPath(".") });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A small invented dictionary set: two countries, an agent, two verbs, one malformed line.
function dictDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-dcli-"));
  writeFileSync(join(dir, "mini.verbs.txt"), "--- SCOLD [111] ---\nSCOLD\n- * (OVER {BORDER DISPUTE}) [1121]\n- * [oops]\n\n--- RAID [190] ---\nRAID\n");
  writeFileSync(join(dir, "mini.actors.txt"), "NORLAND [NRL]\nSUDMARK [SDM]\n");
  writeFileSync(join(dir, "mini.agents.txt"), "BORDER_GUARD [~MIL]\n");
  return dir;
}

test("e2e: dict check prints counts and names the malformed line", () => {
  const dir = dictDir();
  const r = sitrep(["dict", "check", dir]);
  assert.equal(r.code, 1, "a malformed line makes the exit code 1");
  assert.match(r.out, /verbs:\s+2 blocks, 2 verbs, 1 patterns/);
  assert.match(r.out, /actors:\s+2 actors/);
  assert.match(r.err, /mini\.verbs\.txt:4: error E_DICT_LINE/);
  assert.equal(sitrep(["dict", "check"]).code, 2);
  assert.equal(sitrep(["dict", "check", join(dir, "missing")]).code, 1);
});

/** Runs `sitrep dict ...` in this process, with stdout and stderr caught. */
async function dict(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const caught = { out: "", err: "" };
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((s: string | Uint8Array) => ((caught.out += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((caught.err += String(s)), true)) as typeof process.stderr.write;
  try {
    return { code: await runDict(args), ...caught };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

test("dict check (runDict): files, counts per kind, problems on stderr, exit codes", async () => {
  const dir = dictDir();
  writeFileSync(join(dir, "mini.discards.txt"), "+CHESS\nRUGBY_\n");
  writeFileSync(join(dir, "mini.issues.txt"), "n:well [WATER]\n~~wishing well\n");
  writeFileSync(join(dir, "more.actors.txt"), "ANNA_VOSS\n\t[NRLGOV 20200101-20211231]\n\t[NRLELI >2201011]\n");
  const r = await dict(["check", dir]);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^verbs\s+.*mini\.verbs\.txt$/m);
  assert.match(r.out, /^actors\s+.*more\.actors\.txt$/m);
  assert.match(r.out, /verbs:\s+2 blocks, 2 verbs, 1 patterns, 0 synsets, 0 transformations/);
  assert.match(r.out, /actors:\s+3 actors, 3 phrases, 2 dated codes/);
  assert.match(r.out, /agents:\s+1 agents/);
  assert.match(r.out, /discards: 2 \(1 for whole stories\)/);
  assert.match(r.out, /issues:\s+1 issues, 1 ignore phrases/);
  assert.match(r.out, /1 error, 1 warning; read in \d+ ms/);
  assert.match(r.err, /^mini\.verbs\.txt:4: error E_DICT_LINE: .*\[oops\]/m);
  assert.match(r.err, /^more\.actors\.txt:3: warning W_DICT_DATE: .*"2201011" read as 2022-01-01/m);

  const named = await dict(["check", "--actors", join(dir, "mini.actors.txt"), "--actors", join(dir, "more.actors.txt")]);
  assert.equal(named.code, 0, "warnings alone leave the exit code 0");
  assert.match(named.out, /actors:\s+3 actors/);
  assert.equal((await dict(["check", join(dir, "missing")])).code, 1);
  assert.equal((await dict(["check"])).code, 2);
  assert.equal((await dict(["check", "--verbs"])).code, 2);
  assert.equal((await dict(["frobnicate"])).code, 2);
  assert.equal((await dict(["--help"])).code, 0);
});

test("e2e: code --dict --no-builtin codes with the dictionaries alone; with built-ins it adds to them", () => {
  const dir = dictDir();
  const alone = sitrep(["code", "--dict", dir, "--no-builtin", "--published", "2021-03-01", "-"], "Norland border guards raided Sudmark. Iraq condemned Iran.\n");
  assert.equal(alone.code, 0, alone.err);
  const ev = alone.out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  assert.deepEqual(ev.map((e) => `${e.code} ${e.source.code}>${e.target?.code}`), ["190 NRLMIL>SDM"]);
  const both = sitrep(["code", "--dict", dir, "--published", "2021-03-01", "-"], "Norland scolded Sudmark over the border dispute. Iraq condemned Iran.\n");
  const codes = both.out.trim().split("\n").map((l) => JSON.parse(l)).map((e) => `${e.code} ${e.source.code}`);
  assert.ok(codes.includes("1121 NRL"), codes.join(", "));
  assert.ok(codes.some((c) => c.startsWith("11") && c.endsWith("IRQ")), codes.join(", "));
  assert.equal(sitrep(["code", "--no-builtin", "-"], "x").code, 2, "--no-builtin without dictionaries is a usage error");
});

test("e2e: eval --petrarch-validate scores a validation file", () => {
  const dir = dictDir();
  const xml = join(dir, "records.xml");
  writeFileSync(xml, `<Validation><Sentences>
<Sentence category="MINI" date="20210301" id="M-1" evaluate="true">
<EventCoding eventcode="190" sourcecode="NRL" targetcode="SDM" />
<Text>Norland raided Sudmark on Monday.</Text>
</Sentence>
<Sentence category="MINI" date="20210301" id="M-2" evaluate="true">
<EventCoding eventcode="111" sourcecode="SDM" targetcode="NRL" />
<Text>Sudmark praised Norland.</Text>
</Sentence>
</Sentences></Validation>`);
  const r = sitrep(["eval", "--petrarch-validate", xml, "--dict", dir, "--no-builtin", "--errors"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\(source, target, code\) exact\s+P 1\.000\s+R 0\.500\s+F1 0\.667\s+exact 1\/2/);
  assert.match(r.out, /M-2 \[MINI\]/);
  assert.equal(sitrep(["eval"]).code, 2);
});
