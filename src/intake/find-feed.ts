// Finding the feed a person asks to follow: the URL given is fetched, and is either a feed or a web page whose first
// advertised feed (<link rel="alternate">) is then fetched; either way the feed is read before it is followed. A
// failure is answered as one line for people, never thrown.
import { discoverFeeds, FeedError, parseFeed, type ParsedFeed } from './feed.js';
import { FetchError } from './fetch-error.js';
import type { FetchRequest, FetchResult } from './fetch-result.js';
import { unprefixed, type PageFetcher } from './service.js';

/** What the poller fetches with: a Fetcher satisfies this. */
export interface FeedFetcher extends PageFetcher {
  fetch(input: string, request?: FetchRequest): Promise<FetchResult>;
  fetchFeed(input: string, request?: Omit<FetchRequest, 'accept'>): Promise<FetchResult>;
}

export type FoundFeed =
  | {
      ok: true;
      url: string;
      parsed: ParsedFeed;
      etag: string | null;
      lastModified: string | null;
      /** The page the feed was found on, when the URL given was a page. */
      discoveredFrom: string | null;
    }
  | { ok: false; error: string };

/** Fetches what a person gave: a feed, or a page whose advertised feed is then fetched. */
export async function findFeed(fetcher: FeedFetcher, input: string): Promise<FoundFeed> {
  try {
    const first = await fetcher.fetch(input, { accept: 'page-or-feed', robots: false });
    if (first.status !== 'ok')
      return {
        ok: false,
        error:
          first.status === 'retry-later'
            ? unprefixed(first.message)
            : `cannot fetch ${input}: the server answered 304 Not Modified`,
      };
    let fetched = first;
    let discoveredFrom: string | null = null;
    if (first.kind === 'page') {
      const advertised = discoverFeeds(first.text, first.url);
      if (advertised.length === 0) {
        return {
          ok: false,
          error: `${first.url} is a web page that advertises no feed (no <link rel="alternate" type="application/rss+xml">); give the feed's own URL`,
        };
      }
      discoveredFrom = first.url;
      const feed = await fetcher.fetchFeed(advertised[0]!.url, { robots: false });
      if (feed.status !== 'ok')
        return {
          ok: false,
          error:
            feed.status === 'retry-later'
              ? unprefixed(feed.message)
              : `cannot fetch ${advertised[0]!.url}: the server answered 304 Not Modified`,
        };
      fetched = feed;
    }
    const parsed = parseFeed(fetched.text, fetched.url);
    return {
      ok: true,
      url: fetched.url,
      parsed,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      discoveredFrom,
    };
  } catch (error) {
    if (error instanceof FetchError || error instanceof FeedError)
      return { ok: false, error: unprefixed(error.message) };
    throw error;
  }
}
