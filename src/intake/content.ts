// What a fetched body is (a page, a feed) and how to undo its Content-Encoding (gzip, deflate, br), within a size limit.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { FetchError, size } from './fetch-error.js';

export type ContentKind = 'page' | 'feed';
/** What a caller will take: `page-or-feed` is for "a feed, or a page that advertises one". */
export type Accept = ContentKind | 'page-or-feed';

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/x-rss+xml',
  'application/x-atom+xml',
  'application/rss',
  'text/rss+xml',
  'application/xml',
  'text/xml',
  'application/json',
  'text/json',
]);
/** Types servers send when they don't know: the body decides. */
const UNKNOWN_TYPES = new Set(['text/plain', 'application/octet-stream', 'binary/octet-stream']);

/** What the Content-Type header says the body is; `unknown` when the body must be sniffed, `other` for the rest. */
export function kindOfMediaType(mediaType: string | null): ContentKind | 'unknown' | 'other' {
  if (mediaType === null || UNKNOWN_TYPES.has(mediaType)) return 'unknown';
  if (PAGE_TYPES.has(mediaType)) return 'page';
  if (FEED_TYPES.has(mediaType) || /\+(xml|json)$/.test(mediaType)) return 'feed';
  return 'other';
}

/** What the first bytes of a body look like: a feed (RSS, Atom, RDF, JSON Feed), an HTML page, or neither. */
export function sniffKind(body: Uint8Array): ContentKind | null {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, 2048))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*<(rss|feed|rdf:RDF)\b/i.test(head))
    return 'feed';
  if (/^\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) return 'feed';
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(head)) return 'page';
  return null;
}

const ACCEPTS: Record<Accept, readonly ContentKind[]> = {
  page: ['page'],
  feed: ['feed'],
  'page-or-feed': ['page', 'feed'],
};
const WANTED: Record<Accept, string> = {
  page: 'an HTML page',
  feed: 'an RSS, Atom or JSON feed',
  'page-or-feed': 'an HTML page or a feed',
};

/** The Accept header sent for each kind of fetch. */
export const ACCEPT_HEADERS: Record<Accept, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,application/xml;q=0.8,text/xml;q=0.8,application/json;q=0.7,*/*;q=0.1',
  'page-or-feed':
    'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.8,*/*;q=0.1',
};

/** Refuses, before the body is read, a Content-Type that can be neither a page nor a feed. */
export function checkMediaType(url: string, mediaType: string | null, accept: Accept): void {
  if (kindOfMediaType(mediaType) === 'other') {
    throw new FetchError('content-type', url, `expected ${WANTED[accept]}, got ${mediaType}`);
  }
}

/**
 * The kind of a fetched body that the caller accepts, from the header and, where the header is vague or (for a feed
 * served as a page) wrong, from the body itself. Throws a `content-type` FetchError otherwise.
 */
export function acceptedKind(
  url: string,
  mediaType: string | null,
  body: Uint8Array,
  accept: Accept,
): ContentKind {
  const declared = kindOfMediaType(mediaType);
  const sniffed = sniffKind(body);
  const wanted = ACCEPTS[accept];
  let kind: ContentKind | null = declared === 'page' || declared === 'feed' ? declared : sniffed;
  if (kind === 'page' && sniffed === 'feed' && wanted.includes('feed')) kind = 'feed';
  if (kind !== null && wanted.includes(kind)) return kind;
  const got =
    kind === 'page'
      ? `${mediaType ?? 'no content type'} (a web page)`
      : (mediaType ?? 'no content type, and the body is neither HTML nor a feed');
  throw new FetchError('content-type', url, `expected ${WANTED[accept]}, got ${got}`);
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** The Accept-Encoding header: what `decompress` undoes. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Undoes the Content-Encoding; the decoded body may not exceed `maxBytes` either (a small gzip can hold a huge page). */
export async function decompress(
  url: string,
  encoding: string | undefined,
  body: Buffer,
  maxBytes: number,
): Promise<Buffer> {
  const name = (encoding ?? '').trim().toLowerCase();
  const limit = { maxOutputLength: maxBytes };
  try {
    if (name === '' || name === 'identity') return body;
    if (name === 'gzip' || name === 'x-gzip') return await gunzip(body, limit);
    // "deflate" should be zlib-wrapped; some servers send it raw.
    if (name === 'deflate')
      return await inflate(body, limit).catch((error) =>
        isTooLarge(error) ? Promise.reject(error) : inflateRaw(body, limit),
      );
    if (name === 'br') return await brotli(body, limit);
  } catch (error) {
    if (isTooLarge(error)) {
      throw new FetchError(
        'too-big',
        url,
        `the response is larger than ${size(maxBytes)} once decompressed; stopped reading`,
      );
    }
    throw new FetchError(
      'encoding',
      url,
      `the ${name} body could not be decompressed (${(error as Error).message})`,
      null,
      { cause: error },
    );
  }
  throw new FetchError('encoding', url, `the response uses an unsupported content encoding "${name}"`);
}

function isTooLarge(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}
