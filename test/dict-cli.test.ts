import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPath } from "../src/core/paths.js";

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
