// Which addresses the fetcher may connect to, and the FETCH_ALLOW_HOSTS allow-list.
import { describe, expect, it } from 'vitest';
import {
  addressRefusal,
  guardedLookup,
  isAllowedHost,
  parseAllowHosts,
  type LookupFunction,
} from '../../src/intake/address.js';

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'a loopback'],
    ['10.0.0.8', 'a private'],
    ['172.16.5.4', 'a private'],
    ['192.168.1.1', 'a private'],
    ['169.254.169.254', 'a link-local'],
    ['100.64.0.1', 'a carrier-grade NAT (100.64/10)'],
    ['224.0.0.251', 'a multicast'],
    ['240.0.0.1', 'a reserved'],
    ['255.255.255.255', 'a broadcast'],
    ['0.0.0.0', 'an unspecified (0.0.0.0 / ::)'],
    ['::', 'an unspecified (0.0.0.0 / ::)'],
    ['::1', 'a loopback'],
    ['fc00::1', 'a unique-local (fc00::/7)'],
    ['fd12:3456::1', 'a unique-local (fc00::/7)'],
    ['fe80::1', 'a link-local'],
    ['ff02::1', 'a multicast'],
    ['::ffff:127.0.0.1', 'an IPv4-mapped'],
    ['::ffff:169.254.169.254', 'an IPv4-mapped'],
  ])('refuses %s as %s address', (address, kind) => {
    expect(addressRefusal(address)).toBe(`${address} is ${kind} address, not a public one`);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(addressRefusal(address)).toBeNull();
  });

  it('refuses what is not an address', () => {
    expect(addressRefusal('example.com')).toBe('"example.com" is not an IP address');
  });
});

describe('guardedLookup', () => {
  const answering =
    (...addresses: string[]): LookupFunction =>
    (_host, options, callback) =>
      options.all
        ? callback(
            null,
            addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
          )
        : callback(null, addresses[0]!, 4);

  it('passes public answers through', async () => {
    const result = await new Promise((resolve) =>
      guardedLookup(answering('93.184.216.34'))('news.example', {}, (...args) => resolve(args)),
    );
    expect(result).toEqual([null, '93.184.216.34', 4]);
  });

  it('refuses the lookup when any answer is not public', async () => {
    const error = await new Promise((resolve) =>
      guardedLookup(answering('93.184.216.34', '10.0.0.1'))('news.example', { all: true }, (e) => resolve(e)),
    );
    expect(error).toMatchObject({
      name: 'AddressRefusedError',
      address: '10.0.0.1',
      message: 'news.example resolves to 10.0.0.1 is a private address, not a public one',
    });
  });
});

describe('parseAllowHosts and isAllowedHost', () => {
  it('is empty when unset or blank', () => {
    expect(parseAllowHosts(undefined).size).toBe(0);
    expect(parseAllowHosts(' , ').size).toBe(0);
    expect(isAllowedHost(new URL('http://127.0.0.1/'), parseAllowHosts(''))).toBe(false);
  });

  it('takes host and host:port entries, in any case', () => {
    const allow = parseAllowHosts('127.0.0.1:8080, Wiki.Intranet ,[::1]:9000');
    expect([...allow]).toEqual(['127.0.0.1:8080', 'wiki.intranet', '[::1]:9000']);
    expect(isAllowedHost(new URL('http://127.0.0.1:8080/x'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:8081/x'), allow)).toBe(false);
    expect(isAllowedHost(new URL('https://wiki.intranet/page'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://wiki.intranet:8443/page'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://[::1]:9000/'), allow)).toBe(true);
  });

  it('matches a default port written in the entry', () => {
    expect(isAllowedHost(new URL('http://intranet.local/'), parseAllowHosts('intranet.local:80'))).toBe(true);
    expect(isAllowedHost(new URL('https://intranet.local/'), parseAllowHosts('intranet.local:80'))).toBe(
      false,
    );
  });

  it('refuses an entry that is not a host, naming it', () => {
    expect(() => parseAllowHosts('127.0.0.1, http://x.example/')).toThrow(
      'storydesk: FETCH_ALLOW_HOSTS entry "http://x.example/" is not a host or host:port (e.g. 127.0.0.1:8080)',
    );
  });
});
