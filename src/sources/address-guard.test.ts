import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import type dns from "node:dns";
import { createServer } from "node:http";
import { AddressRefusedError, addressRange, checkLiteralHost, guardedLookup, isAllowedAddress, type Resolver } from "./address-guard.js";

const REFUSED = [
  "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
  "0.0.0.0", "255.255.255.255", "224.0.0.1", "192.0.2.1", "240.0.0.1",
  "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "fec0::1",
  "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::7f00:1", "2002:7f00:1::", "::127.0.0.1",
];
const PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"];

test("address-guard: only public unicast addresses are allowed by default", () => {
  for (const a of REFUSED) assert.equal(isAllowedAddress(a), false, a);
  for (const a of PUBLIC) assert.equal(isAllowedAddress(a), true, a);
});

test("address-guard: ranges are named, an IPv6 wrapper reports the IPv4 inside", () => {
  assert.equal(addressRange("169.254.169.254"), "linkLocal");
  assert.equal(addressRange("::ffff:127.0.0.1"), "ipv4Mapped loopback");
  assert.equal(addressRange("[::1]"), "loopback");
  assert.equal(addressRange("0x7f.1"), "invalid"); // not a canonical address; URLs are normalised before this
  assert.equal(addressRange("example.com"), "invalid");
});

test("address-guard: allowPrivate allows every IP address, allowAddresses only the ones listed", () => {
  for (const a of REFUSED) assert.equal(isAllowedAddress(a, { allowPrivate: true }), true, a);
  assert.equal(isAllowedAddress("not-an-ip", { allowPrivate: true }), false);
  const one = { allowAddresses: ["127.0.0.1"] };
  assert.equal(isAllowedAddress("127.0.0.1", one), true);
  assert.equal(isAllowedAddress("::ffff:127.0.0.1", one), true);
  assert.equal(isAllowedAddress("127.0.0.2", one), false);
  assert.equal(isAllowedAddress("::1", one), false);
});

test("address-guard: literal hosts are checked, names are left to the lookup", () => {
  assert.throws(() => checkLiteralHost("[::1]"), AddressRefusedError);
  assert.throws(() => checkLiteralHost("169.254.169.254"), /link-local/);
  assert.doesNotThrow(() => checkLiteralHost("127.0.0.1", { allowPrivate: true }));
  assert.doesNotThrow(() => checkLiteralHost("example.com"));
});

function lookupWith(lookup: net.LookupFunction, host: string, all: boolean): Promise<string | dns.LookupAddress[]> {
  return new Promise((resolve, reject) =>
    lookup(host, { all }, (err, address) => (err ? reject(err) : resolve(address))),
  );
}

test("address-guard: the lookup refuses a name when any of its addresses is private, at every call (DNS rebinding)", async () => {
  const answers: dns.LookupAddress[][] = [
    [{ address: "93.184.216.34", family: 4 }],
    [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.7", family: 4 }],
    [{ address: "127.0.0.1", family: 4 }],
  ];
  let calls = 0;
  const resolver: Resolver = async () => answers[calls++];
  const lookup = guardedLookup({}, resolver);
  assert.equal(await lookupWith(lookup, "news.example", false), "93.184.216.34");
  await assert.rejects(lookupWith(lookup, "news.example", true), (e: unknown) => e instanceof AddressRefusedError && e.address === "10.0.0.7");
  await assert.rejects(lookupWith(lookup, "news.example", true), /news\.example resolves to 127\.0\.0\.1, which is loopback/);
  assert.equal(calls, 3);
});

test("address-guard: the lookup passes resolver errors on and answers all:true with every address", async () => {
  const lookup = guardedLookup({}, async () => {
    throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.invalid"), { code: "ENOTFOUND" });
  });
  await assert.rejects(lookupWith(lookup, "nowhere.invalid", false), { code: "ENOTFOUND" });
  const two: dns.LookupAddress[] = [{ address: "2606:4700:4700::1111", family: 6 }, { address: "1.1.1.1", family: 4 }];
  assert.deepEqual(await lookupWith(guardedLookup({}, async () => two), "one.example", true), two);
});

test("address-guard: a real socket to localhost is refused at connect time unless private addresses are allowed", async () => {
  let connections = 0;
  const server = createServer((_req, res) => res.end("ok"));
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  const connect = (allowPrivate: boolean) =>
    new Promise<void>((resolve, reject) => {
      const s = net.connect({ host: "localhost", port, family: 4, lookup: guardedLookup({ allowPrivate }) });
      s.once("connect", () => (s.destroy(), resolve()));
      s.once("error", reject);
    });
  try {
    await assert.rejects(connect(false), AddressRefusedError);
    assert.equal(connections, 0);
    await connect(true);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
