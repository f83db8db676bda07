import { test } from "node:test";
import assert from "node:assert/strict";
import { buckets, fromBlob, minhash, similarity, toBlob, NEAR_JACCARD } from "./minhash.js";

const STORY =
  "Gunmen attacked a police checkpoint on the outskirts of the provincial capital late on Tuesday, killing four officers and wounding six others, " +
  "the interior ministry said in a statement. No group immediately claimed responsibility for the attack, which came a day after the army " +
  "announced a new offensive against insurgents in the mountainous border region. Residents said the gunfight lasted more than an hour.";

test("the same wire story with other boilerplate is a near-duplicate and shares an LSH bucket", () => {
  const a = minhash(STORY)!;
  const b = minhash("Share this article on social media. " + STORY + " Sign up for our daily newsletter to get the news first.")!;
  assert.ok(similarity(a, b) >= NEAR_JACCARD, `similarity ${similarity(a, b)}`);
  const shared = buckets(a).filter((x) => buckets(b).includes(x));
  assert.ok(shared.length >= 1);
});

test("two different stories on one subject are not", () => {
  const other =
    "Four police officers were killed when militants stormed a checkpoint near the provincial capital on Tuesday night, officials said, " +
    "adding that six were wounded. The assault followed the launch of an army offensive in the border mountains a day earlier, and " +
    "no one has claimed it so far. A resident said shooting went on for over an hour before reinforcements arrived.";
  assert.ok(similarity(minhash(STORY)!, minhash(other)!) < 0.3);
});

test("a short text has no signature; a signature survives a round trip through a blob", () => {
  assert.equal(minhash("Troops withdrew from the town on Sunday."), null);
  const s = minhash(STORY)!;
  assert.deepEqual(fromBlob(toBlob(s)), s);
});
