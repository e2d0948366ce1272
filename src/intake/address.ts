// Which network addresses the fetcher may connect to: public unicast only (ipaddr.js ranges), plus an allow-list.
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** What people call each non-public ipaddr.js range, for error messages. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified (0.0.0.0 / ::)',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback',
  carrierGradeNat: 'a carrier-grade NAT (100.64/10)',
  private: 'a private',
  reserved: 'a reserved',
  uniqueLocal: 'a unique-local (fc00::/7)',
  ipv4Mapped: 'an IPv4-mapped',
  deprecatedSiteLocal: 'a site-local',
};

/**
 * Why `address` may not be connected to, or null when it is public unicast. Anything ipaddr.js does not call
 * `unicast` is refused, including IPv4-mapped IPv6 (`::ffff:127.0.0.1`), NAT64, 6to4 and Teredo forms, since each can
 * reach an address behind them. Not an IP address at all: refused too.
 */
export function addressRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const range = ipaddr.parse(address).range();
  if (range === 'unicast') return null;
  return `${address} is ${RANGE_NAMES[range] ?? `a special-purpose (${range})`} address, not a public one`;
}

/** A DNS answer or an address literal that the fetcher refuses to connect to. */
export class AddressRefusedError extends Error {
  readonly code = 'EADDRREFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'AddressRefusedError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;
/** The shape of `dns.lookup` that `net.connect` calls (with `all: true` when it tries several families). */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * Wraps a DNS lookup so that every address it answers is checked before the socket connects to it: the address
 * checked is the address connected to, so a second DNS answer cannot slip in between (DNS rebinding).
 */
export function guardedLookup(lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const answers = Array.isArray(address) ? address.map((a) => a.address) : [address];
      for (const answer of answers) {
        const reason = addressRefusal(answer);
        if (reason)
          return callback(
            new AddressRefusedError(hostname, answer, `${hostname} resolves to ${reason}`),
            address,
            family,
          );
      }
      callback(null, address, family);
    });
  };
}

/** An IP literal host as the URL parser writes it (`[::1]`), without the brackets; null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/**
 * Hosts the fetcher reaches even at private addresses, e.g. `127.0.0.1:8080` for tests or `wiki.intranet` for an
 * intranet: each entry is `host` (any port) or `host:port`, lower case; IPv6 in brackets (`[::1]:8080`).
 */
export type AllowHosts = ReadonlySet<string>;

const ALLOW_ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/;

/** `FETCH_ALLOW_HOSTS`: comma-separated `host` or `host:port`; blank means none. Throws naming a bad entry. */
export function parseAllowHosts(value: string | undefined): AllowHosts {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    if (!ALLOW_ENTRY.test(entry)) {
      throw new Error(
        `storydesk: FETCH_ALLOW_HOSTS entry "${entry}" is not a host or host:port (e.g. 127.0.0.1:8080)`,
      );
    }
  }
  return new Set(entries);
}

/** Whether `url`'s host, with or without its port, is on the allow-list. */
export function isAllowedHost(url: URL, allowHosts: AllowHosts): boolean {
  if (allowHosts.size === 0) return false;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.toLowerCase();
  return allowHosts.has(host) || allowHosts.has(`${host}:${port}`);
}
