// The safe fetcher against a real local HTTP server: redirects, refused addresses, limits, encodings, politeness.
import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllowHosts, type LookupFunction } from '../../src/intake/address.js';
import {
  Fetcher,
  FetchError,
  parseTarget,
  retryAfterMs,
  type FetcherOptions,
  type FetchResult,
  type Fetched,
} from '../../src/intake/fetch.js';
import { fakeClock, fixture, startFixtureServer, type FixtureServer } from './fixture-server.js';

let server: FixtureServer;
const fetchers: Fetcher[] = [];

function fetcher(options: Partial<FetcherOptions> = {}): Fetcher {
  const made = new Fetcher({ allowHosts: parseAllowHosts(server.host), clock: fakeClock(), ...options });
  fetchers.push(made);
  return made;
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

function ok(result: FetchResult): Fetched {
  expect(result.status).toBe('ok');
  return result as Fetched;
}

/** A DNS that answers every name with one address, counting the questions. */
function dnsAnswering(address: string): LookupFunction & { asked: string[] } {
  const asked: string[] = [];
  const lookup = ((hostname, options, callback) => {
    asked.push(hostname);
    if (options.all) callback(null, [{ address, family: net.isIP(address) }]);
    else callback(null, address, net.isIP(address));
  }) as LookupFunction & { asked: string[] };
  lookup.asked = asked;
  return lookup;
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/article.html', (_q, r) => r.writeHead(200, HTML).end(fixture('pages/article.html')));
  server.route('/windows-1252.html', (_q, r) =>
    r.writeHead(200, { 'content-type': 'text/html' }).end(fixture('pages/windows-1252.html')),
  );
  server.route('/windows-1252-header.html', (_q, r) =>
    r
      .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
      .end(fixture('pages/windows-1252.html')),
  );
  server.route('/gzip.html', (_q, r) =>
    r
      .writeHead(200, { ...HTML, 'content-encoding': 'gzip' })
      .end(zlib.gzipSync(fixture('pages/article.html'))),
  );
  server.route('/br.html', (_q, r) =>
    r
      .writeHead(200, { ...HTML, 'content-encoding': 'br' })
      .end(zlib.brotliCompressSync(fixture('pages/article.html'))),
  );
  server.route('/deflate.html', (_q, r) =>
    r
      .writeHead(200, { ...HTML, 'content-encoding': 'deflate' })
      .end(zlib.deflateSync(fixture('pages/article.html'))),
  );
  server.route('/raw-deflate.html', (_q, r) =>
    r
      .writeHead(200, { ...HTML, 'content-encoding': 'deflate' })
      .end(zlib.deflateRawSync(fixture('pages/article.html'))),
  );
  server.route('/bomb.html', (_q, r) =>
    r.writeHead(200, { ...HTML, 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(3000, 0x61))),
  );
  server.route('/redirect/1', (_q, r) => r.writeHead(301, { location: '/redirect/2' }).end());
  server.route('/redirect/2', (_q, r) =>
    r.writeHead(302, { location: `${server.origin}/article.html#top` }).end(),
  );
  server.route('/loop', (_q, r) => r.writeHead(302, { location: '/loop' }).end());
  server.route('/to-metadata', (_q, r) =>
    r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  );
  server.route('/to-mapped', (_q, r) =>
    r.writeHead(307, { location: 'http://[::ffff:169.254.169.254]/' }).end(),
  );
  server.route('/to-ftp', (_q, r) => r.writeHead(302, { location: 'ftp://example.com/file' }).end());
  server.route('/slow', (_q, r) => {
    r.writeHead(200, HTML);
    r.write('<html><body><p>The first half');
  });
  server.route('/big', (_q, r) => {
    r.writeHead(200, HTML);
    r.end(Buffer.alloc(4000, 0x61));
  });
  server.route('/big-declared', (_q, r) => {
    r.writeHead(200, { ...HTML, 'content-length': '999999' });
    r.write('<html>');
  });
  server.route('/404', (_q, r) => r.writeHead(404, HTML).end('<p>gone</p>'));
  server.route('/500', (_q, r) => r.writeHead(500, HTML).end('<p>oops</p>'));
  server.route('/429', (_q, r) => r.writeHead(429, { 'retry-after': '120' }).end());
  server.route('/503', (_q, r) => r.writeHead(503, { 'retry-after': 'Mon, 06 Jan 2025 09:05:00 GMT' }).end());
  server.route('/report.pdf', (_q, r) =>
    r.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
  );
  server.route('/untyped-page', (_q, r) =>
    r.writeHead(200).end('<!DOCTYPE html><html><body>hi</body></html>'),
  );
  server.route('/feed.xml', (q, r) => {
    if (q.headers['if-none-match'] === '"v1"') return void r.writeHead(304, { etag: '"v1"' }).end();
    r.writeHead(200, {
      'content-type': 'application/rss+xml',
      etag: '"v1"',
      'last-modified': 'Mon, 06 Jan 2025 08:00:00 GMT',
    });
    r.end(fixture('feeds/heraldsun.rss'));
  });
  server.route('/feed-as-html', (_q, r) => r.writeHead(200, HTML).end(fixture('feeds/heise.atom')));
  server.route('/latin1-feed.rss', (_q, r) =>
    r.writeHead(200, { 'content-type': 'text/xml' }).end(fixture('feeds/encoding.rss')),
  );
  server.route('/robots.txt', (_q, r) =>
    r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
  );
  server.route('/private/page.html', (_q, r) => r.writeHead(200, HTML).end(fixture('pages/article.html')));
});

afterEach(() => {
  fetchers.splice(0).forEach((f) => f.close());
  vi.restoreAllMocks();
});

afterAll(() => server.close());

describe('parseTarget', () => {
  it('refuses text that is not a URL, naming it', async () => {
    expect(() => parseTarget('htp//nope')).toThrow(
      'storydesk: cannot fetch "htp//nope": not a valid URL (expected e.g. https://example.com/news/story)',
    );
  });

  it('refuses schemes other than http and https', () => {
    expect(() => parseTarget('ftp://example.com/x')).toThrow(
      'storydesk: cannot fetch ftp://example.com/x: only http and https URLs are fetched, not ftp:',
    );
    expect(() => parseTarget('file:///etc/passwd')).toThrow(
      /only http and https URLs are fetched, not file:/,
    );
  });

  it('refuses URLs carrying credentials', () => {
    expect(() => parseTarget('https://user:secret@example.com/a')).toThrow(
      'storydesk: cannot fetch https://example.com/a: URLs with a user name or password are not fetched',
    );
  });
});

describe('Fetcher: pages', () => {
  it('fetches an HTML page from an allowed local host, naming storydesk in the User-Agent', async () => {
    const page = ok(await fetcher().fetch(`${server.origin}/article.html`));
    expect(page).toMatchObject({
      kind: 'page',
      mediaType: 'text/html',
      charset: 'utf-8',
      url: `${server.origin}/article.html`,
      redirects: [],
    });
    expect(page.text).toContain('The inquiry into the sinking of the ferry opened on Monday');
    expect(server.requests.at(-1)?.headers['user-agent']).toMatch(/storydesk/);
  });

  it.each(['gzip', 'br', 'deflate', 'raw-deflate'])('decodes a %s body', async (name) => {
    const page = ok(await fetcher().fetch(`${server.origin}/${name}.html`));
    expect(page.text).toBe(fixture('pages/article.html').toString('utf8'));
    expect(server.requests.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('decodes a windows-1252 page declared as ISO-8859-1 in its meta, curly quotes and dashes included', async () => {
    const page = ok(await fetcher().fetch(`${server.origin}/windows-1252.html`));
    expect(page.charset).toBe('windows-1252');
    expect(page.text).toContain(
      '“We lost everything,” said Renée Dubois – owner of the café on the quay — on Tuesday.',
    );
  });

  it('decodes a windows-1252 page declared in the Content-Type header', async () => {
    const page = ok(await fetcher().fetch(`${server.origin}/windows-1252-header.html`));
    expect(page.text).toContain('Café owners “devastated”');
  });

  it('accepts a page without a Content-Type when the body is HTML', async () => {
    expect(ok(await fetcher().fetch(`${server.origin}/untyped-page`)).kind).toBe('page');
  });

  it('follows redirects, dropping fragments, and reports where it ended', async () => {
    const page = ok(await fetcher().fetch(`${server.origin}/redirect/1`));
    expect(page.url).toBe(`${server.origin}/article.html`);
    expect(page.redirects).toEqual([`${server.origin}/redirect/2`, `${server.origin}/article.html`]);
  });

  it('stops after 5 redirects', async () => {
    const error = await failure(fetcher().fetch(`${server.origin}/loop`));
    expect(error.code).toBe('redirects');
    expect(error.message).toBe(`storydesk: cannot fetch ${server.origin}/loop: more than 5 redirects`);
    expect(server.requests.filter((r) => r.path === '/loop')).toHaveLength(6);
  });

  it('refuses a redirect to another scheme', async () => {
    const error = await failure(fetcher().fetch(`${server.origin}/to-ftp`));
    expect(error.message).toBe(
      `storydesk: cannot fetch ${server.origin}/to-ftp: it redirects to ftp://example.com/file; only http and https URLs are fetched`,
    );
  });

  it.each([
    [404, 'the server answered HTTP 404 Not Found'],
    [500, 'the server answered HTTP 500 Internal Server Error'],
  ])('reports HTTP %i as an error naming the URL', async (status, reason) => {
    const error = await failure(fetcher().fetch(`${server.origin}/${status}`));
    expect(error).toMatchObject({ code: 'http-status', status });
    expect(error.message).toBe(`storydesk: cannot fetch ${server.origin}/${status}: ${reason}`);
  });

  it('refuses a content type that is not a page, without reading it', async () => {
    const error = await failure(fetcher().fetch(`${server.origin}/report.pdf`));
    expect(error.code).toBe('content-type');
    expect(error.message).toBe(
      `storydesk: cannot fetch ${server.origin}/report.pdf: expected an HTML page, got application/pdf`,
    );
  });

  it('refuses a feed where a page was asked for', async () => {
    const error = await failure(fetcher().fetch(`${server.origin}/feed.xml`, { accept: 'page' }));
    expect(error.reason).toBe('expected an HTML page, got application/rss+xml');
  });
});

describe('Fetcher: limits', () => {
  it('gives up on a body that stops arriving', async () => {
    const error = await failure(fetcher({ responseTimeoutMs: 300 }).fetch(`${server.origin}/slow`));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(
      `storydesk: cannot fetch ${server.origin}/slow: no complete response within 0.3 s`,
    );
  });

  it('gives up when the connection cannot be made in time', async () => {
    const never: LookupFunction = () => {};
    const slow = fetcher({ connectTimeoutMs: 200, lookup: never, allowHosts: parseAllowHosts('hang.test') });
    const error = await failure(slow.fetch('http://hang.test/'));
    expect(error.message).toBe('storydesk: cannot fetch http://hang.test/: could not connect within 0.2 s');
  });

  it('names a host that does not resolve', async () => {
    const nowhere: LookupFunction = (hostname, _options, callback) =>
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
    const error = await failure(fetcher({ lookup: nowhere }).fetchPage('http://nowhere.example/a'));
    expect(error.message).toBe('storydesk: cannot fetch http://nowhere.example/a: no such host (ENOTFOUND)');
  });

  it('says when the connection is refused', async () => {
    const closed = await startFixtureServer();
    await closed.close();
    const error = await failure(
      fetcher({ allowHosts: parseAllowHosts(closed.host) }).fetchPage(`${closed.origin}/a`),
    );
    expect(error.message).toBe(
      `storydesk: cannot fetch ${closed.origin}/a: the connection failed (ECONNREFUSED)`,
    );
  });

  it('stops reading a body over the limit and says so', async () => {
    const error = await failure(fetcher({ maxBytes: 1000 }).fetch(`${server.origin}/big`));
    expect(error.code).toBe('too-big');
    expect(error.message).toBe(
      `storydesk: cannot fetch ${server.origin}/big: the response is larger than 1000 bytes; stopped reading`,
    );
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const error = await failure(fetcher({ maxBytes: 1000 }).fetch(`${server.origin}/big-declared`));
    expect(error.reason).toBe('the response is larger than 1000 bytes; stopped reading');
  });

  it('refuses a small gzip body that decompresses past the limit', async () => {
    const error = await failure(fetcher({ maxBytes: 1000 }).fetch(`${server.origin}/bomb.html`));
    expect(error.reason).toBe('the response is larger than 1000 bytes once decompressed; stopped reading');
  });

  it('accepts a body at the limit', async () => {
    expect(ok(await fetcher({ maxBytes: 4000 }).fetch(`${server.origin}/big`)).text).toHaveLength(4000);
  });
});

describe('Fetcher: addresses', () => {
  it('refuses a redirect to the cloud metadata address without connecting to it', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const error = await failure(fetcher().fetchPage(`${server.origin}/to-metadata`));
    expect(error.code).toBe('private-address');
    expect(error.message).toBe(
      `storydesk: cannot fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address, not a public one (redirected from ${server.origin}/to-metadata)`,
    );
    const targets = connect.mock.calls.map((call) => {
      // http's agent passes net's normalised arguments: [options, callback].
      const options = (Array.isArray(call[0]) ? call[0][0] : call[0]) as { host?: string; port?: number };
      return `${options.host}:${options.port}`;
    });
    expect(targets).toEqual([server.host]);
  });

  it('refuses the IPv4-mapped IPv6 form of a link-local address', async () => {
    const error = await failure(fetcher().fetch(`${server.origin}/to-mapped`));
    expect(error.reason).toMatch(/^::ffff:a9fe:a9fe is an IPv4-mapped address, not a public one/);
  });

  it('refuses loopback when it is not on the allow-list, before connecting', async () => {
    const before = server.connections;
    const error = await failure(fetcher({ allowHosts: new Set() }).fetch(`${server.origin}/article.html`));
    expect(error.message).toBe(
      `storydesk: cannot fetch ${server.origin}/article.html: 127.0.0.1 is a loopback address, not a public one`,
    );
    expect(server.connections).toBe(before);
  });

  it('allows a host only on the port the allow-list names', async () => {
    const error = await failure(
      fetcher({ allowHosts: parseAllowHosts('127.0.0.1:1') }).fetch(`${server.origin}/article.html`),
    );
    expect(error.code).toBe('private-address');
  });

  it('checks the address a name resolves to, so a name pointing at loopback is refused', async () => {
    const dns = dnsAnswering('127.0.0.1');
    const before = server.requests.length;
    const error = await failure(
      fetcher({ lookup: dns }).fetch(`http://news.example:${server.port}/article.html`),
    );
    expect(error.code).toBe('private-address');
    expect(error.reason).toBe('news.example resolves to 127.0.0.1 is a loopback address, not a public one');
    expect(dns.asked).toEqual(['news.example']);
    expect(server.requests.length).toBe(before);
  });

  it('reaches a name on the allow-list through the injected DNS', async () => {
    const page = ok(
      await fetcher({ lookup: dnsAnswering('127.0.0.1'), allowHosts: parseAllowHosts('news.example') }).fetch(
        `http://news.example:${server.port}/article.html`,
      ),
    );
    expect(page.text).toContain('Ferry inquiry opens');
  });

  it.each([
    'http://10.1.2.3/',
    'http://[::1]/',
    'http://0.0.0.0/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
  ])('refuses %s without connecting', async (url) => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    expect((await failure(fetcher().fetch(url))).code).toBe('private-address');
    expect(connect).not.toHaveBeenCalled();
  });
});

describe('Fetcher: feeds and politeness', () => {
  it('fetches a feed and returns its validators, then answers a conditional GET with not-modified', async () => {
    const f = fetcher();
    const first = ok(await f.fetchFeed(`${server.origin}/feed.xml`));
    expect(first).toMatchObject({
      kind: 'feed',
      etag: '"v1"',
      lastModified: 'Mon, 06 Jan 2025 08:00:00 GMT',
    });
    const again = await f.fetchFeed(`${server.origin}/feed.xml`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again).toMatchObject({
      status: 'not-modified',
      etag: '"v1"',
      lastModified: 'Mon, 06 Jan 2025 08:00:00 GMT',
    });
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe('Mon, 06 Jan 2025 08:00:00 GMT');
  });

  it('takes a feed served as text/html', async () => {
    expect(ok(await fetcher().fetchFeed(`${server.origin}/feed-as-html`)).kind).toBe('feed');
  });

  it('refuses a web page where a feed was asked for', async () => {
    const error = await failure(fetcher().fetchFeed(`${server.origin}/article.html`, { robots: false }));
    expect(error.reason).toBe('expected an RSS, Atom or JSON feed, got text/html (a web page)');
  });

  it('decodes a feed in the encoding its XML declaration names', async () => {
    expect(ok(await fetcher().fetchFeed(`${server.origin}/latin1-feed.rss`)).text).toContain(
      'Jornal de Notícias - Últimas Notícias',
    );
  });

  it('reports 429 with Retry-After as retry-later and does not ask the host again before then', async () => {
    const clock = fakeClock();
    const f = fetcher({ clock });
    const result = await f.fetch(`${server.origin}/429`, { robots: false });
    expect(result).toEqual({
      status: 'retry-later',
      requestedUrl: `${server.origin}/429`,
      url: `${server.origin}/429`,
      httpStatus: 429,
      retryAfterMs: 120_000,
      message: `storydesk: cannot fetch ${server.origin}/429 now: the server answered HTTP 429 Too Many Requests; try again in 120 s`,
    });
    const before = server.requests.length;
    clock.advance(60_000);
    expect(await f.fetch(`${server.origin}/article.html`, { robots: false })).toMatchObject({
      status: 'retry-later',
      httpStatus: null,
      retryAfterMs: 60_000,
    });
    expect(server.requests.length).toBe(before);
    clock.advance(60_000);
    expect((await f.fetch(`${server.origin}/article.html`, { robots: false })).status).toBe('ok');
  });

  it('reads a Retry-After date on 503', async () => {
    expect(await fetcher().fetch(`${server.origin}/503`, { robots: false })).toMatchObject({
      status: 'retry-later',
      httpStatus: 503,
      retryAfterMs: 300_000,
    });
  });

  it('waits a second between requests to one host, and not between hosts', async () => {
    const clock = fakeClock();
    const f = fetcher({
      clock,
      lookup: dnsAnswering('127.0.0.1'),
      allowHosts: parseAllowHosts(`${server.host},other.example`),
    });
    const paths = ['/article.html', '/gzip.html', '/br.html'];
    await Promise.all(paths.map((path) => f.fetch(server.origin + path, { robots: false })));
    expect(clock.wakes).toEqual([1000, 2000]);
    await f.fetch(`http://other.example:${server.port}/article.html`, { robots: false });
    expect(clock.wakes).toEqual([1000, 2000]);
  });

  it('honours robots.txt for automatic fetches and names it in the error', async () => {
    const error = await failure(fetcher().fetchFeed(`${server.origin}/private/page.html`));
    expect(error.code).toBe('robots');
    expect(error.message).toBe(
      `storydesk: cannot fetch ${server.origin}/private/page.html: ${server.origin}/robots.txt does not allow storydesk to fetch it`,
    );
  });

  it('skips robots.txt for a person’s explicit request', async () => {
    const before = server.requests.length;
    expect(ok(await fetcher().fetchPage(`${server.origin}/private/page.html`)).text).toContain(
      'Ferry inquiry',
    );
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/private/page.html']);
  });

  it('reads robots.txt once per origin', async () => {
    const f = fetcher();
    const before = server.requests.length;
    await f.fetch(`${server.origin}/article.html`, { robots: true });
    await f.fetch(`${server.origin}/gzip.html`, { robots: true });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual([
      '/robots.txt',
      '/article.html',
      '/gzip.html',
    ]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.UTC(2025, 0, 6, 9, 0, 0);
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 06 Jan 2025 09:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
