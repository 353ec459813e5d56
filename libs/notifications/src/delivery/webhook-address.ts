import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless the operator allows it: the platform's own machine,
 * its private network and cloud metadata services (link-local) would otherwise be open to anyone
 * who may register an endpoint. The IANA special-purpose registries' ranges that are not globally
 * reachable, and the deprecated or tunnelling IPv6 forms that carry an IPv4 address inside (which
 * this check would otherwise have to unwrap): IPv4-compatible ::/96 (`[::127.0.0.1]`), IPv4-translated,
 * NAT64, 6to4, Teredo. (node:net's BlockList already judges IPv4-mapped ::ffff:0:0/96 by its IPv4
 * address; ipaddr.js names such ranges too, but is only a transitive dependency here.)
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ['::ffff:0:0:0', 96], // IPv4-translated
  ['64:ff9b::', 96], ['64:ff9b:1::', 48], // NAT64
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], ['3fff::', 20], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], // unique-local, link-local, site-local (deprecated), multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** An IPv6 address that carries an IPv4 one (`::ffff:127.0.0.1`) is judged by the IPv4 address. */
const MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

export function isPublicAddress(address: string): boolean {
  const mapped = MAPPED.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type Resolve = (hostname: string) => Promise<readonly string[]>;
const resolveAll: Resolve = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why the URL's host is not a public address (undefined: it is, or private ones are allowed).
 * A host name counts by every address it resolves to now; the deliverer asks again before each
 * call, so a name that later moves to a private address is not called either.
 */
export async function webhookTargetProblem(url: string, allowPrivate: boolean, resolve: Resolve = resolveAll): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return 'not a URL';
  }
  if (isIP(hostname) !== 0) return isPublicAddress(hostname) ? undefined : 'points at a loopback, private or link-local address';
  let addresses: readonly string[];
  try {
    addresses = await resolve(hostname);
  } catch {
    return 'host name does not resolve';
  }
  if (addresses.length === 0) return 'host name does not resolve';
  return addresses.every(isPublicAddress) ? undefined : 'resolves to a loopback, private or link-local address';
}
