// Fetching a page or a feed that a member typed or a feed listed: public addresses only, bounded, polite, decoded.
import dns from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import {
  addressRefusal,
  guardedLookup,
  ipLiteral,
  isAllowedHost,
  parseAllowHosts,
  type AllowHosts,
  type LookupFunction,
} from './address.js';
import { decodeText, parseContentType } from './charset.js';
import {
  ACCEPT_ENCODING,
  ACCEPT_HEADERS,
  acceptedKind,
  checkMediaType,
  decompress,
  type Accept,
} from './content.js';
import { exchange, type Exchange } from './exchange.js';
import { FetchError, seconds, type FetchErrorCode } from './fetch-error.js';
import type { Fetched, FetchRequest, FetchResult, RetryLater } from './fetch-result.js';
import { HostPacer, systemClock, type Clock } from './pacer.js';
import { RobotsCache, type RobotsAnswer } from './robots.js';

export { FetchError, type FetchErrorCode } from './fetch-error.js';
export type { Accept, ContentKind } from './content.js';
export type { Clock } from './pacer.js';
export type { Fetched, FetchRequest, FetchResult, NotModified, RetryLater } from './fetch-result.js';

/** The product token robots.txt rules are matched against. */
export const ROBOTS_AGENT = 'storydesk';

export interface FetcherOptions {
  /** Hosts reached even at private addresses (`FETCH_ALLOW_HOSTS`); empty by default. */
  allowHosts: AllowHosts;
  userAgent: string;
  /** Default 5 s. */
  connectTimeoutMs: number;
  /** The whole response, per request (each redirect is a request). Default 15 s. */
  responseTimeoutMs: number;
  /** Body limit, before and after decompression. Default 5 MB. */
  maxBytes: number;
  /** Body limit for robots.txt (Google reads 500 KiB). */
  robotsMaxBytes: number;
  /** Default 5. */
  maxRedirects: number;
  /** At most one request to a host per this interval. Default 1 s. */
  hostIntervalMs: number;
  /** Injected in tests so that politeness waits take no time. */
  clock: Clock;
  /** DNS; injected in tests to give a name any address. */
  lookup: LookupFunction;
}

export const fetchDefaults: FetcherOptions = {
  allowHosts: new Set(),
  userAgent: `Mozilla/5.0 (compatible; ${ROBOTS_AGENT}/0.1; a Discord bot that follows one news story)`,
  connectTimeoutMs: 5_000,
  responseTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  robotsMaxBytes: 500 * 1024,
  maxRedirects: 5,
  hostIntervalMs: 1_000,
  clock: systemClock,
  lookup: dns.lookup as unknown as LookupFunction,
};

/** The fetcher's settings that come from the environment: `FETCH_ALLOW_HOSTS`. */
export function fetcherOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): Partial<FetcherOptions> {
  return { allowHosts: parseAllowHosts(env.FETCH_ALLOW_HOSTS) };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class Fetcher {
  private readonly options: FetcherOptions;
  private readonly pacer: HostPacer;
  private readonly robots: RobotsCache;
  private readonly agents: { filtering: Record<string, http.Agent>; allowed: Record<string, http.Agent> };

  constructor(options: Partial<FetcherOptions> = {}) {
    this.options = { ...fetchDefaults, ...options };
    this.pacer = new HostPacer(this.options.hostIntervalMs, this.options.clock);
    this.robots = new RobotsCache((url) => this.fetchRobots(url), this.options.clock, ROBOTS_AGENT);
    this.agents = {
      filtering: { 'http:': new RequestFilteringHttpAgent(), 'https:': new RequestFilteringHttpsAgent() },
      allowed: { 'http:': new http.Agent(), 'https:': new https.Agent() },
    };
  }

  /** Fetches `input`, following redirects; throws a FetchError for every failure. */
  async fetch(input: string, request: FetchRequest = {}): Promise<FetchResult> {
    const requestedUrl = parseTarget(input);
    const state = { url: requestedUrl, redirects: [] as string[] };
    try {
      return await this.follow(requestedUrl, state, request);
    } catch (error) {
      if (error instanceof FetchError) throw error.redirectedFrom(requestedUrl.href);
      throw error;
    }
  }

  /** Fetches an HTML page, e.g. one a person typed (robots.txt not consulted unless asked). */
  async fetchPage(input: string, request: Omit<FetchRequest, 'accept'> = {}): Promise<Fetched | RetryLater> {
    const result = await this.fetch(input, { robots: false, ...request, accept: 'page' });
    if (result.status === 'not-modified')
      throw new FetchError(
        'http-status',
        result.url,
        'the server answered 304 Not Modified to an unconditional request',
        304,
      );
    return result;
  }

  /** Fetches a feed, conditionally when `etag` or `lastModified` are given; robots.txt honoured unless `robots: false`. */
  fetchFeed(input: string, request: Omit<FetchRequest, 'accept'> = {}): Promise<FetchResult> {
    return this.fetch(input, { ...request, accept: 'feed' });
  }

  /** Closes idle connections. */
  close(): void {
    for (const group of Object.values(this.agents)) for (const agent of Object.values(group)) agent.destroy();
  }

  private async follow(
    start: URL,
    state: { url: URL; redirects: string[] },
    request: FetchRequest,
  ): Promise<FetchResult> {
    const accept = request.accept ?? 'page';
    for (let hop = 0; ; hop++) {
      const url = state.url;
      this.checkAddress(url);
      const blockedMs = this.pacer.blockedFor(url.host);
      if (blockedMs > 0) return retryLater(start, url, null, blockedMs);
      if (request.robots !== false) await this.checkRobots(url);
      await this.pacer.wait(url.host);
      const answer = await this.send(url, request, accept);
      if (REDIRECTS.has(answer.status)) {
        if (hop >= this.options.maxRedirects)
          throw new FetchError('redirects', url.href, `more than ${this.options.maxRedirects} redirects`);
        state.url = redirectTarget(url, answer);
        state.redirects.push(state.url.href);
        continue;
      }
      return this.finish(start, url, state.redirects, answer, request, accept);
    }
  }

  private async finish(
    start: URL,
    url: URL,
    redirects: string[],
    answer: Exchange,
    request: FetchRequest,
    accept: Accept,
  ): Promise<FetchResult> {
    const validators = {
      etag: header(answer.headers, 'etag') ?? null,
      lastModified: header(answer.headers, 'last-modified') ?? null,
    };
    if (answer.status === 304) {
      return {
        status: 'not-modified',
        requestedUrl: start.href,
        url: url.href,
        etag: validators.etag ?? request.etag ?? null,
        lastModified: validators.lastModified ?? request.lastModified ?? null,
      };
    }
    if (answer.status === 429 || answer.status === 503) {
      const waitMs = retryAfterMs(header(answer.headers, 'retry-after'), this.options.clock.now());
      if (waitMs !== null) this.pacer.block(url.host, this.options.clock.now() + waitMs);
      return retryLater(start, url, answer.status, waitMs);
    }
    if (answer.status < 200 || answer.status > 299) throw statusError(url, answer);
    const { mediaType, charset } = parseContentType(header(answer.headers, 'content-type'));
    const body = await decompress(
      url.href,
      header(answer.headers, 'content-encoding'),
      answer.body ?? Buffer.alloc(0),
      this.options.maxBytes,
    );
    const kind = acceptedKind(url.href, mediaType, body, accept);
    const decoded = decodeText(body, charset);
    return {
      status: 'ok',
      requestedUrl: start.href,
      url: url.href,
      redirects,
      kind,
      mediaType,
      charset: decoded.charset,
      text: decoded.text,
      ...validators,
    };
  }

  /** Refuses an address literal that is not public before any socket exists; names are checked as they resolve. */
  private checkAddress(url: URL): void {
    if (isAllowedHost(url, this.options.allowHosts)) return;
    const literal = ipLiteral(url.hostname);
    const reason = literal === null ? null : addressRefusal(literal);
    if (reason) throw new FetchError('private-address', url.href, reason);
  }

  private async checkRobots(url: URL): Promise<void> {
    const verdict = await this.robots.check(url).catch((error: unknown) => {
      // The host could not be reached for its robots.txt: that is the page's failure too.
      if (error instanceof FetchError)
        throw new FetchError(error.code, url.href, error.reason, error.status, { cause: error });
      throw error;
    });
    if (verdict.reason !== null) throw new FetchError('robots', url.href, verdict.reason);
  }

  private send(
    url: URL,
    request: FetchRequest,
    accept: Accept | 'robots',
    maxBytes = this.options.maxBytes,
  ): Promise<Exchange> {
    const allowed = isAllowedHost(url, this.options.allowHosts);
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: accept === 'robots' ? 'text/plain,*/*;q=0.1' : ACCEPT_HEADERS[accept],
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    return exchange({
      url,
      headers,
      agent: (allowed ? this.agents.allowed : this.agents.filtering)[url.protocol]!,
      lookup: allowed ? this.options.lookup : guardedLookup(this.options.lookup),
      limits: {
        connectTimeoutMs: this.options.connectTimeoutMs,
        responseTimeoutMs: this.options.responseTimeoutMs,
        maxBytes,
      },
      wantsBody: (status, responseHeaders) => {
        if (status < 200 || status > 299) return false;
        if (accept !== 'robots')
          checkMediaType(
            url.href,
            parseContentType(header(responseHeaders, 'content-type')).mediaType,
            accept,
          );
        return true;
      },
    });
  }

  /**
   * robots.txt through the same safe path (redirects, address checks, pacing). A host that cannot be reached
   * (refused address, timeout, network) rejects, so the page's own fetch fails for that reason; a robots.txt that
   * cannot be used (too many redirects, too big, undecodable) counts as none.
   */
  private async fetchRobots(robotsUrl: string): Promise<RobotsAnswer> {
    let url = new URL(robotsUrl);
    try {
      for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
        this.checkAddress(url);
        await this.pacer.wait(url.host);
        const answer = await this.send(url, {}, 'robots', this.options.robotsMaxBytes);
        if (!REDIRECTS.has(answer.status)) {
          const body = answer.body
            ? await decompress(
                url.href,
                header(answer.headers, 'content-encoding'),
                answer.body,
                this.options.robotsMaxBytes,
              )
            : null;
          return { status: answer.status, text: body ? decodeText(body).text : '' };
        }
        url = redirectTarget(url, answer);
      }
      return { status: 404, text: '' };
    } catch (error) {
      if (error instanceof FetchError && !UNREACHABLE.has(error.code)) return { status: 404, text: '' };
      throw error;
    }
  }
}

/** Failures that say the host cannot be reached at all, rather than that its robots.txt is unusable. */
const UNREACHABLE = new Set<FetchErrorCode>(['private-address', 'timeout', 'network']);

/** The URL to fetch, or a FetchError saying why `input` is not one. */
export function parseTarget(input: string): URL {
  const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new FetchError(
      'invalid-url',
      `"${shown}"`,
      'not a valid URL (expected e.g. https://example.com/news/story)',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('scheme', url.href, `only http and https URLs are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new FetchError(
      'invalid-url',
      `${url.protocol}//${url.host}${url.pathname}`,
      'URLs with a user name or password are not fetched',
    );
  url.hash = '';
  return url;
}

function redirectTarget(from: URL, answer: Exchange): URL {
  const location = header(answer.headers, 'location');
  if (!location)
    throw new FetchError(
      'http-status',
      from.href,
      `a redirect (HTTP ${answer.status}) without a Location header`,
      answer.status,
    );
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new FetchError('invalid-url', from.href, `it redirects to "${location}", which is not a valid URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FetchError(
      'scheme',
      from.href,
      `it redirects to ${target.href}; only http and https URLs are fetched`,
    );
  }
  target.hash = '';
  return target;
}

function statusError(url: URL, answer: Exchange): FetchError {
  const text = answer.statusText || http.STATUS_CODES[answer.status] || '';
  return new FetchError(
    'http-status',
    url.href,
    `the server answered HTTP ${answer.status}${text ? ` ${text}` : ''}`,
    answer.status,
  );
}

function retryLater(start: URL, url: URL, httpStatus: number | null, waitMs: number | null): RetryLater {
  const why =
    httpStatus === null
      ? 'the server asked earlier not to be asked yet'
      : `the server answered HTTP ${httpStatus} ${http.STATUS_CODES[httpStatus]}`;
  const when = waitMs === null ? 'try again later' : `try again in ${seconds(waitMs)}`;
  return {
    status: 'retry-later',
    requestedUrl: start.href,
    url: url.href,
    httpStatus,
    retryAfterMs: waitMs,
    message: `storydesk: cannot fetch ${url.href} now: ${why}; ${when}`,
  };
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
