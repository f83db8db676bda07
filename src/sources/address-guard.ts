// Which IP addresses a feed fetch may connect to, and a DNS lookup for sockets that refuses the others at connect time.
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";

export interface AddressPolicy {
  /** Allow loopback, private, link-local and other non-public addresses (the --allow-private flag). */
  allowPrivate?: boolean;
  /** Addresses allowed even though not public, e.g. one intranet feed server. */
  allowAddresses?: readonly string[];
}

/** Resolves a host name to all its addresses; `dns.lookup` with `all: true` unless replaced (tests). */
export type Resolver = (hostname: string, options: dns.LookupOptions) => Promise<dns.LookupAddress[]>;

/** Thrown (or passed to a lookup callback) when an address is refused; `code` lets wrapped errors be recognised. */
export class AddressRefusedError extends Error {
  readonly code = "ESITREPREFUSED";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(host === address ? `${address} is ${range}` : `${host} resolves to ${address}, which is ${range}`);
    this.name = "AddressRefusedError";
  }
}

// The IPv4 address an IPv6 address carries, for the forms that reach it: mapped, translated (NAT64), 6to4, compatible.
function embeddedIPv4(a: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = a.range();
  const p = a.parts;
  const last32 = () => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052") return last32();
  if (range === "6to4") return new ipaddr.IPv4([p[1] >> 8, p[1] & 0xff, p[2] >> 8, p[2] & 0xff]);
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 have their own ranges
  if (range === "unicast" && p.slice(0, 6).every((x) => x === 0)) return last32();
  return null;
}

/**
 * The range an address falls in, as ipaddr.js names it ("unicast" for a public address); an IPv6 address that
 * carries an IPv4 one reports that one's range, e.g. "ipv4Mapped loopback". "invalid" if it is not an IP address.
 */
export function addressRange(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare) || !net.isIP(bare.split("%")[0])) return "invalid";
  const a = ipaddr.parse(bare);
  if (a.kind() === "ipv4") return a.range();
  const v6 = a as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (!v4) return v6.range();
  const inner = v4.range();
  if (inner === "unicast") return "unicast";
  return `${v6.range() === "unicast" ? "ipv4Compatible" : v6.range()} ${inner}`;
}

function normalised(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : bare;
}

/** Whether a connection to this IP address is allowed: only public unicast addresses, unless the policy says otherwise. */
export function isAllowedAddress(address: string, policy: AddressPolicy = {}): boolean {
  const range = addressRange(address);
  if (range === "invalid") return false;
  if (policy.allowPrivate) return true;
  if (policy.allowAddresses?.some((x) => normalised(x) === normalised(address))) return true;
  return range === "unicast";
}

/** Throws AddressRefusedError unless the address is allowed. */
export function checkAddress(host: string, address: string, policy: AddressPolicy = {}): void {
  if (!isAllowedAddress(address, policy)) {
    const range = addressRange(address);
    throw new AddressRefusedError(host, address, range === "invalid" ? "not an IP address" : describe(range));
  }
}

function describe(range: string): string {
  const words: Record<string, string> = {
    loopback: "loopback",
    private: "private",
    linkLocal: "link-local",
    uniqueLocal: "unique-local (private)",
    unspecified: "unspecified",
    broadcast: "broadcast",
    multicast: "multicast",
    carrierGradeNat: "carrier-grade NAT (shared)",
    reserved: "reserved",
  };
  const parts = range.split(" ");
  const last = parts[parts.length - 1];
  const word = words[last] ?? `special-purpose (${last})`;
  return parts.length > 1 ? `${word}, inside an IPv6 ${parts[0]} address` : word;
}

/** Throws AddressRefusedError if the host is an IP literal that is not allowed; host names are left to the lookup. */
export function checkLiteralHost(hostname: string, policy: AddressPolicy = {}): void {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(bare)) checkAddress(bare, bare, policy);
}

const systemResolver: Resolver = (hostname, options) =>
  dns.promises.lookup(hostname, { family: options.family, hints: options.hints, all: true });

/**
 * A lookup for `net.connect` / undici's `connect.lookup`: resolves every address of the host and fails with
 * AddressRefusedError if any of them is refused. It runs for each new connection, so a name that resolves to a
 * public address when first checked and to a private one later (DNS rebinding) is still refused.
 */
export function guardedLookup(policy: AddressPolicy = {}, resolve: Resolver = systemResolver): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options).then(
      (addresses) => {
        if (addresses.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
          err.code = "ENOTFOUND";
          callback(err, "", undefined);
          return;
        }
        try {
          for (const a of addresses) checkAddress(hostname, a.address, policy);
        } catch (err) {
          callback(err as NodeJS.ErrnoException, "", undefined);
          return;
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", undefined),
    );
  };
}
