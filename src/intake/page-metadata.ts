// What a news page says about itself: title, date, outlet, author and canonical URL, read from its JSON-LD,
// Open Graph and other meta tags, its markup and its URL, in the order publishers are most reliable in.
import { foldAccents } from '../text/terms.js';
import { all, normaliseSpace, type DomDocument } from './dom.js';

export interface PageMetadata {
  title: string | null;
  /** YYYY-MM-DD, the calendar day as the page writes it; null when the page gives none. */
  date: string | null;
  outlet: string;
  /** The author as the page's metadata and markup give it; `chooseAuthor` also weighs Readability's byline. */
  author: string | null;
  authors: AuthorCandidates;
  url: string;
  /** JSON-LD / og:type facts that help decide whether the page is an article at all. */
  kind: PageKind;
}

export interface PageKind {
  /** og:type, lower-cased ("article", "website", "video.other", …). */
  ogType: string | null;
  /** Every JSON-LD @type on the page. */
  ldTypes: string[];
  /** JSON-LD isAccessibleForFree is false: the publisher says the text is paywalled. */
  paywalled: boolean;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|BlogPosting|Report|Posting)$/;

/** Reads the page's metadata; call it before Readability, which removes scripts and meta tags. */
export function readMetadata(document: DomDocument, pageUrl: string): PageMetadata {
  const ld = jsonLd(document);
  const article = ld.find((node) => types(node).some((t) => ARTICLE_TYPE.test(t))) ?? null;
  const url = readUrl(document, pageUrl);
  const outlet = readOutlet(document, article, url);
  const authors = authorCandidates(document, article);
  const author = chooseAuthor(authors, null);
  return {
    title: readTitle(document, outlet, author),
    date: readDate(document, article, pageUrl, url),
    outlet,
    author,
    authors,
    url,
    kind: {
      ogType: meta(document, 'og:type')?.toLowerCase() ?? null,
      ldTypes: ld.flatMap(types),
      paywalled: ld.some((node) => node.isAccessibleForFree === false || node.isAccessibleForFree === 'False'),
    },
  };
}

/** The content of `<meta property|name="key">`, whitespace-normalised; null when absent or empty. */
export function meta(document: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const el of all(document, `meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)) {
      const value = normaliseSpace(el.getAttribute('content') ?? '');
      if (value) return value;
    }
  }
  return null;
}

/** Every JSON-LD object on the page, @graph and arrays flattened; unparsable blocks are skipped. */
function jsonLd(document: DomDocument): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as Json);
      visit((value as Json)['@graph']);
    }
  };
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block says nothing; the other sources still do.
    }
  }
  return nodes;
}

function types(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string[] {
  if (typeof value === 'string') return [normaliseSpace(value)].filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(nameOf);
  if (value && typeof value === 'object') return nameOf((value as Json).name);
  return [];
}

// ── title ────────────────────────────────────────────────────────────────────────────────────────────────

const TITLE_SEPARATOR = /\s+[|–—\-:»«·•]+\s+/;

function readTitle(document: DomDocument, outlet: string, author: string | null): string | null {
  const og = meta(document, 'og:title', 'twitter:title');
  if (og) return stripSiteSuffix(og, outlet, author);
  const h1 = document.querySelector('article h1') ?? document.querySelector('h1');
  const heading = normaliseSpace(h1?.textContent ?? '');
  if (heading) return heading;
  const title = normaliseSpace(document.querySelector('title')?.textContent ?? '');
  return title ? stripSiteSuffix(title, outlet, author, true) : null;
}

/**
 * "Headline - BBC News" → "Headline". A trailing (or leading) part is dropped when it names the outlet or
 * the author; for a `<title>`, which nearly always carries the site's name, also when it is a short part
 * after a separator and the headline left is longer than it.
 */
export function stripSiteSuffix(title: string, outlet: string, author: string | null, isDocumentTitle = false): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const known = [outlet, author].filter((s): s is string => !!s).map(simplify);
  const namesSite = (part: string) => known.some((k) => k && (simplify(part).startsWith(k) || k.startsWith(simplify(part))));
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  const words = (s: string) => s.split(/\s+/).length;
  if (namesSite(last) || (isDocumentTitle && words(last) <= 4 && words(first) > words(last))) {
    return normaliseSpace(title.slice(0, title.lastIndexOf(last)).replace(/\s+[|–—\-:»«·•]+\s*$/, ''));
  }
  if (namesSite(first)) return normaliseSpace(title.slice(first.length).replace(/^\s*[|–—\-:»«·•]+\s+/, ''));
  return title;
}

function simplify(text: string): string {
  return text.toLowerCase().replace(/^the\s+/, '').replace(/\.(com|co\.uk|cz|fr|de|org|net)$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

// ── date ─────────────────────────────────────────────────────────────────────────────────────────────────

function readDate(document: DomDocument, article: Json | null, pageUrl: string, canonicalUrl: string): string | null {
  const candidates = [
    typeof article?.datePublished === 'string' ? article.datePublished : null,
    meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate',
      'parsely-pub-date', 'sailthru.date', 'dc.date', 'DC.date.issued', 'date'),
    itempropDate(document),
    timeElementDate(document),
  ];
  for (const value of candidates) {
    const day = value ? calendarDay(value) : null;
    if (day) return day;
  }
  return dateInUrl(canonicalUrl) ?? dateInUrl(pageUrl) ?? dateElementDate(document);
}

/** An element whose class says it holds the date: `<span class="date-and-time" title="2015-03-21T00:00:00+11:00">`. */
const DATE_CLASS = /(?:^|[\s_-])(?:date|dateline|datetime|time|timestamp|posted|published|pubdate)(?:$|[\s_-])/i;
/** Its visible text: "posted on April 21, 2015, at 11:29 a.m.", "Published 21 March 2015". */
const DATE_TEXT =
  /^\s*(?:(?:posted|published|first published|updated)(?:\s+on)?\s*:?\s*)?((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\b/i;

/**
 * The last resort before the fetch date: the first element whose class names a date and which carries one, in an
 * attribute (an ISO date) or as its opening words. Only short elements: a teaser list's long items are not the page's.
 */
function dateElementDate(document: DomDocument): string | null {
  for (const el of Array.from(document.querySelectorAll('[class]'))) {
    if (!DATE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    for (const attr of ['datetime', 'content', 'title', 'data-timestamp']) {
      const value = el.getAttribute(attr);
      if (value && /^\s*\d{4}-\d{2}-\d{2}/.test(value)) return calendarDay(value);
    }
    const text = el.textContent ?? '';
    if (text.length > 80) continue;
    const m = DATE_TEXT.exec(text);
    if (m) return calendarDay(m[1]!);
  }
  return null;
}

/** `<time itemprop="datePublished" content=…>` and the like: microdata on any element. */
function itempropDate(document: DomDocument): string | null {
  const el = document.querySelector('[itemprop="datePublished"]');
  return el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
}

function timeElementDate(document: DomDocument): string | null {
  const time = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? null;
}

/** "2015-07-24T05:36:09+01:00" → "2015-07-24" (the day as written, not shifted to UTC); other forms via Date. */
export function calendarDay(value: string): string | null {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(value);
  if (compact) return realDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (!/[a-z]{3}/i.test(value) || !/\d{4}/.test(value)) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  return realDay(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate());
}

/** A publication date in the URL's path: /2019/11/19/, -2019-11-19-, /20191119/. */
export function dateInUrl(pageUrl: string): string | null {
  let path: string;
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path) ?? /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  return m ? realDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function realDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990) return null;
  return date.toISOString().slice(0, 10);
}

// ── outlet, author, url ──────────────────────────────────────────────────────────────────────────────────

/**
 * og:site_name, the JSON-LD publisher, else the host of the canonical URL ("nytimes.com"). A site name that has
 * nothing to do with the host ("U.S.", an edition's label) gives way to a publisher name that has.
 */
function readOutlet(document: DomDocument, article: Json | null, url: string): string {
  const host = hostName(url);
  const siteName = meta(document, 'og:site_name', 'application-name');
  const publisher = nameOf(article?.publisher)[0] ?? null;
  const named = siteName && publisher && !namesHost(siteName, host) && namesHost(publisher, host) ? publisher : siteName ?? publisher;
  if (named && /^https?:\/\//i.test(named)) return hostName(named);
  // "Aktuálně.cz - Víte, co se právě děje": the name without the tagline.
  if (named) return named.split(/\s+[|–—-]\s+/)[0]!;
  return host;
}

/** "The Guardian" and theguardian.com, "CNNMoney" and money.cnn.com: the name and a label of the host overlap. */
function namesHost(name: string, host: string): boolean {
  const plain = (s: string) => foldAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, '');
  const simpleName = plain(name);
  const labels = host.split('.').map(plain).filter((label) => label.length >= 3 && !GENERIC_HOST_LABELS.has(label));
  return simpleName.length > 0 && labels.some((label) => simpleName.includes(label) || label.includes(simpleName));
}

const GENERIC_HOST_LABELS = new Set(['www', 'com', 'org', 'net', 'news', 'edition', 'amp', 'mobile']);

function hostName(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch {
    return pageUrl;
  }
}

/** The page's author names, most reliable first: JSON-LD, the meta tags, then byline markup (cleaned, validated). */
function authorCandidates(document: DomDocument, article: Json | null): AuthorCandidates {
  const fromLd = nameOf(article?.author).filter(isPersonName);
  const clean = (texts: (string | null | undefined)[]) => texts.map((t) => cleanByline(t ?? '')).filter((n): n is string => n !== null);
  return {
    declared: clean([
      fromLd.length > 0 ? joinNames([...new Set(fromLd)]) : null,
      meta(document, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator'),
    ]),
    linked: clean([document.querySelector('a[rel="author"], [itemprop="author"] [itemprop="name"]')?.textContent]),
    marked: clean([
      document.querySelector('.byline a[href*="author"], .author a, [itemprop="author"]')?.textContent,
      document.querySelector('.byline__name, .author-name, .byline')?.textContent,
    ]),
  };
}

export interface AuthorCandidates {
  /** From JSON-LD and meta tags: what the publisher declares. */
  declared: string[];
  /** From a rel=author link or schema.org microdata. */
  linked: string[];
  /** From byline markup found by class; noisier (a sidebar's byline may come first). */
  marked: string[];
}

/**
 * The author: what the page declares (JSON-LD, meta tags, a rel=author link), else the byline Readability found in
 * the article, else byline markup. A
 * name in capitals ("JEFFREY GETTLEMAN") gives way to the same name as another source writes it.
 */
export function chooseAuthor(candidates: AuthorCandidates, articleByline: string | null): string | null {
  const all = [...candidates.declared, ...candidates.linked, ...[cleanByline(articleByline ?? '')].filter((n): n is string => n !== null), ...candidates.marked];
  const first = all[0] ?? null;
  if (first && first === first.toUpperCase()) return all.find((c) => c.toLowerCase() === first.toLowerCase() && c !== first) ?? first;
  return first;
}

/** "By Jane Doe and John Roe" → "Jane Doe and John Roe"; null for things that are not names (URLs, long text). */
export function cleanByline(text: string): string | null {
  const name = normaliseSpace(text).replace(/^(?:by|par|por)\b\s*:?\s*/i, '').replace(/[,|]\s*$/, '');
  return name && isPersonName(name) ? name : null;
}

/** A name or a list of names: no URL, address or digits ("Lucas Nolan22 Dec 2016" is a byline run into a date). */
function isPersonName(text: string): boolean {
  return !/^https?:|[@/]|\d/.test(text) && text.split(/\s+/).length <= 10;
}

function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function readUrl(document: DomDocument, pageUrl: string): string {
  const declared = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url');
  if (declared) {
    try {
      const url = new URL(declared, pageUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // An unusable canonical link: the final URL is still right.
    }
  }
  return pageUrl;
}
