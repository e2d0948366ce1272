// Reading news feeds (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed, with feedsmith) and finding the feeds a page advertises.
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { decodeText } from './charset.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** What the item is known by across polls: its guid (or Atom/JSON id), else its link, else its title and date. */
  id: string;
  /** Plain text: entities decoded, markup dropped. */
  title: string;
  /** Absolute http(s) URL, or null when the item has none. */
  link: string | null;
  /** Plain text, at most `SUMMARY_MAX_CHARS`. */
  summary: string;
  date: Date | null;
  /** The item's place in the feed, 0 for the first. */
  position: number;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** The site the feed belongs to, absolute; null when the feed does not say. */
  link: string | null;
  items: FeedItem[];
}

/** A feed summary longer than this is cut at a word, with "…": enough to judge the item and preview it. */
export const SUMMARY_MAX_CHARS = 2000;

export class FeedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`storydesk: cannot read the feed at ${url}: ${reason}`, options);
    this.name = 'FeedError';
  }
}

/**
 * Parses a feed fetched from `feedUrl`. Bytes are decoded by their BOM or XML declaration; a string is taken as
 * decoded. Relative links resolve against the site's link (itself resolved against the feed's URL), or for Atom
 * against `xml:base` and the feed's URL. Throws a FeedError when the text is not a feed.
 */
export function parseFeed(input: string | Uint8Array, feedUrl: string): ParsedFeed {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  let parsed: ReturnType<typeof parseAnyFeed<string>>;
  try {
    parsed = parseAnyFeed(text);
  } catch (error) {
    const detail =
      (error as Error).name === 'DetectError'
        ? 'not an RSS, Atom, RDF or JSON feed'
        : `it is malformed (${(error as Error).message})`;
    throw new FeedError(feedUrl, detail, { cause: error });
  }
  const read = READERS[parsed.format] as (feed: unknown, feedUrl: string) => Omit<ParsedFeed, 'format'>;
  const feed = read(parsed.feed, feedUrl);
  return { format: parsed.format, ...feed };
}

interface RawItem {
  guid: string | undefined;
  title: string | undefined;
  link: string | undefined;
  summary: string | undefined;
  date: string | undefined;
}

type Feeds = ReturnType<typeof parseAnyFeed<string>>;
type FeedOf<F extends FeedFormat> = Extract<Feeds, { format: F }>['feed'];
type Reader<F extends FeedFormat> = (feed: FeedOf<F>, feedUrl: string) => Omit<ParsedFeed, 'format'>;

const READERS: { [F in FeedFormat]: Reader<F> } = {
  rss: (feed, feedUrl) => {
    const site = absoluteLink(feed.link, feedUrl);
    const raw = (feed.items ?? []).map((item) => ({
      guid: item.guid?.value,
      title: item.title,
      link: item.link ?? (item.guid?.isPermaLink !== false ? permalink(item.guid?.value) : undefined),
      summary: item.description ?? item.content?.encoded,
      date: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.updated,
    }));
    return { title: htmlToText(feed.title ?? ''), link: site, items: toItems(raw, site ?? feedUrl) };
  },
  rdf: (feed, feedUrl) => {
    const site = absoluteLink(feed.link, feedUrl);
    const raw = (feed.items ?? []).map((item) => ({
      guid: item.rdf?.about,
      title: item.title ?? item.dc?.titles?.[0],
      link: item.link ?? item.rdf?.about,
      summary: item.description ?? item.dc?.descriptions?.[0] ?? item.content?.encoded,
      date: item.dc?.dates?.[0],
    }));
    return { title: htmlToText(feed.title ?? ''), link: site, items: toItems(raw, site ?? feedUrl) };
  },
  atom: (feed, feedUrl) => {
    const base = absoluteLink(feed.xml?.base, feedUrl) ?? feedUrl;
    const site = absoluteLink(alternateLink(feed.links), base);
    const items = (feed.entries ?? []).map((entry) => {
      const entryBase = absoluteLink(entry.xml?.base, base) ?? base;
      return {
        guid: entry.id,
        title: entry.title?.value,
        link: absoluteLink(alternateLink(entry.links), entryBase) ?? undefined,
        summary: entry.summary?.value ?? entry.content?.value,
        date: entry.published ?? entry.updated,
      };
    });
    return { title: htmlToText(feed.title?.value ?? ''), link: site, items: toItems(items, base) };
  },
  json: (feed, feedUrl) => {
    const site = absoluteLink(feed.home_page_url, feedUrl);
    const raw = (feed.items ?? []).map((item) => ({
      guid: item.id === undefined ? undefined : String(item.id),
      title: item.title,
      link: item.url ?? item.external_url,
      summary: item.summary ?? item.content_text ?? item.content_html,
      date: item.date_published ?? item.date_modified,
    }));
    return { title: htmlToText(feed.title ?? ''), link: site, items: toItems(raw, site ?? feedUrl) };
  },
};

/** An Atom link to the entry's page: `rel="alternate"` (or no rel) preferring text/html. */
function alternateLink(
  links: readonly { href?: string; rel?: string; type?: string }[] | undefined,
): string | undefined {
  const pages = (links ?? []).filter((l) => l.href && (l.rel === undefined || l.rel === 'alternate'));
  return (pages.find((l) => l.type === undefined || /html/i.test(l.type)) ?? pages[0])?.href;
}

/** An RSS guid that is its item's permalink (the default in RSS 2.0) when it is a URL. */
function permalink(guid: string | undefined): string | undefined {
  return guid && /^https?:\/\//i.test(guid.trim()) ? guid : undefined;
}

function toItems(raw: RawItem[], base: string): FeedItem[] {
  const items: FeedItem[] = [];
  raw.forEach((entry, position) => {
    const title = htmlToText(entry.title ?? '');
    const link = absoluteLink(entry.link, base);
    const summary = clip(htmlToText(entry.summary ?? ''), SUMMARY_MAX_CHARS);
    const date = parseDate(entry.date);
    const id = itemIdentity(entry.guid, link, title, date);
    if (id !== null) items.push({ id, title, link, summary, date, position });
  });
  return items;
}

/** Guid, else link, else title and date; null for an item with none of them (it cannot be told apart). */
export function itemIdentity(
  guid: string | undefined,
  link: string | null,
  title: string,
  date: Date | null,
): string | null {
  const trimmed = guid?.trim();
  if (trimmed) return trimmed;
  if (link) return link;
  if (title) return `${title}|${date?.toISOString() ?? ''}`;
  return null;
}

/** `href` resolved against `base`, when the result is http(s); null otherwise (javascript:, mailto:, garbage). */
function absoluteLink(href: string | undefined, base: string): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Month abbreviations that RFC 822 dates in Portuguese, Spanish, French, German and Italian feeds use. */
const FOREIGN_MONTHS: Record<string, string> = {
  fev: 'Feb',
  abr: 'Apr',
  mai: 'May',
  ago: 'Aug',
  set: 'Sep',
  out: 'Oct',
  dez: 'Dec',
  ene: 'Jan',
  dic: 'Dec',
  janv: 'Jan',
  févr: 'Feb',
  fevr: 'Feb',
  avr: 'Apr',
  juil: 'Jul',
  sept: 'Sep',
  déc: 'Dec',
  mär: 'Mar',
  mrz: 'Mar',
  okt: 'Oct',
  gen: 'Jan',
  giu: 'Jun',
  lug: 'Jul',
  ott: 'Oct',
};

/** RFC 822 and ISO 8601 dates; a weekday or month abbreviation in another language ("Seg, 24 Set 2018") is read too. */
function parseDate(raw: string | undefined): Date | null {
  const text = raw?.trim();
  if (!text) return null;
  const english = text
    .replace(/^[^\d,]+,\s*/, '')
    .replace(/^(\d{1,2})\s+([^\s\d.]+)\.?(?=\s+\d{4})/, (whole, day: string, month: string) => {
      const known = FOREIGN_MONTHS[month.toLowerCase()];
      return known ? `${day} ${known}` : whole;
    });
  for (const candidate of [text, english]) {
    const time = Date.parse(candidate);
    if (!Number.isNaN(time)) return new Date(time);
  }
  return null;
}

/**
 * The order to process items in, oldest first. When every item is dated, by date (ties keep feed order); otherwise
 * by place in the feed, which lists the newest first unless its dates say otherwise.
 */
export function oldestFirst(items: readonly FeedItem[]): FeedItem[] {
  const dated = items.filter((i) => i.date !== null);
  const ascending = dated.length >= 2 && dated[0]!.date!.getTime() < dated[dated.length - 1]!.date!.getTime();
  const feedOrder = [...items].sort((a, b) =>
    ascending ? a.position - b.position : b.position - a.position,
  );
  if (dated.length < items.length) return feedOrder;
  return feedOrder.sort((a, b) => a.date!.getTime() - b.date!.getTime());
}

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const BLOCK_TAGS =
  /<(br|\/?(p|div|li|h[1-6]|tr|td|th|blockquote|ul|ol|table|figure|figcaption|section|article|header|footer))\b/gi;

/** Markup to plain text: tags dropped (block boundaries become spaces), entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const holder = document.createElement('div');
  holder.innerHTML = html.replace(BLOCK_TAGS, ' $&');
  for (const unwanted of holder.querySelectorAll('script, style, noscript')) unwanted.remove();
  return (holder.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface AdvertisedFeed {
  url: string;
  type: string;
  /** The link's title attribute, e.g. "Top stories"; empty when it has none. */
  title: string;
}

const FEED_LINK_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
]);

/**
 * The feeds a page advertises with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`, in page
 * order, resolved against `<base href>` and the page's URL; each URL once.
 */
export function discoverFeeds(html: string, baseUrl: string): AdvertisedFeed[] {
  const page = parseHTML(html).document;
  const base =
    absoluteLink(page.querySelector('base[href]')?.getAttribute('href') ?? undefined, baseUrl) ?? baseUrl;
  const found = new Map<string, AdvertisedFeed>();
  for (const link of page.querySelectorAll('link[rel][type][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim().toLowerCase();
    if (!rel.includes('alternate') || !FEED_LINK_TYPES.has(type)) continue;
    const url = absoluteLink(link.getAttribute('href') ?? undefined, base);
    if (url && !found.has(url))
      found.set(url, { url, type, title: (link.getAttribute('title') ?? '').trim() });
  }
  return [...found.values()];
}
