// URL normalisation for recognising an article already in the story: one form for the many ways a link is shared.

/** Query parameters that track a click rather than name a page (exact names, lower case). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ocid',
  'cmpid',
  'cmp',
  'icid',
  'ncid',
  'smid',
  'smtyp',
  'emc',
  'ref_src',
  'ref_url',
  'xtor',
  's_cid',
  'sr_share',
  'wt_mc',
  'wt_zmc',
  'at_medium',
  'at_campaign',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rss',
]);

/** Prefixes of tracking parameter families: Google Analytics, Matomo/Piwik, HubSpot ads, AT Internet. */
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'pk_', 'hsa_', 'at_'];

/** `?amp`, `?amp=1`: the AMP rendering of the same article. */
const AMP_PARAM = 'amp';

export class UrlError extends Error {
  constructor(readonly input: string) {
    super(`storydesk: "${input.length > 200 ? `${input.slice(0, 200)}…` : input}" is not an http(s) URL`);
    this.name = 'UrlError';
  }
}

function isTracking(name: string, value: string): boolean {
  const key = name.toLowerCase();
  if (key === 'outputtype') return value.toLowerCase() === 'amp';
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The canonical page behind a Google AMP cache URL
 * (`https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a` → `https://www.example.com/a`), else null.
 */
function unwrapAmpCache(url: URL): URL | null {
  if (!url.hostname.endsWith('.cdn.ampproject.org')) return null;
  const match = /^\/[cvi]\/(s\/)?([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match?.[2]) return null;
  try {
    return new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${match[3] ?? '/'}${url.search}`);
  } catch {
    return null;
  }
}

/** The path without AMP variants (an `amp` segment, a `.amp` suffix) and without a trailing slash. */
function canonicalPath(pathname: string): string {
  const segments = pathname
    .split('/')
    .filter((segment) => segment.toLowerCase() !== 'amp')
    .map((segment) => segment.replace(/\.amp(?=\.[a-z0-9]+$|$)/i, ''));
  return segments.join('/').replace(/\/+$/, '');
}

/** The query without tracking and AMP parameters, sorted by name so that their order does not matter. */
function canonicalQuery(params: URLSearchParams): string {
  const kept = [...params].filter(
    ([name, value]) => !isTracking(name, value) && name.toLowerCase() !== AMP_PARAM,
  );
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
}

/**
 * One form for the ways a link to the same article is written: scheme and host lower case, no default port, no
 * fragment, no trailing slash, no tracking parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`, … see
 * `TRACKING_PARAMS`), the remaining parameters sorted, and AMP variants folded into the article (an `amp.` host, an
 * `/amp/` segment, a `.amp` suffix, `?amp`, `outputType=amp`, the Google AMP cache). Throws a UrlError for anything
 * that is not an http(s) URL.
 */
export function normalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UrlError(input);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlError(input);
  url = unwrapAmpCache(url) ?? url;
  const host = url.hostname.replace(/^amp\./, '').replace(/\.$/, '') + (url.port ? `:${url.port}` : '');
  return `${url.protocol}//${host}${canonicalPath(url.pathname)}${canonicalQuery(url.searchParams)}`;
}

/**
 * The key two links to one article share: `normalizeUrl` without the scheme and a leading `www.`, since sites serve
 * the same article over http and https, with and without www.
 */
export function urlKey(input: string): string {
  return normalizeUrl(input)
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '');
}

/** Whether two links name the same article. */
export function sameArticleUrl(a: string, b: string): boolean {
  return urlKey(a) === urlKey(b);
}
