// A fetched page (HTML + its URL) → an article for the story, or the reason it is not one. Readability (over
// linkedom) finds the article's element; body-text.ts turns it into paragraphs and drops the chrome Readability
// keeps; page-metadata.ts reads title, date, outlet, author and URL. The body's words are the page's words.
import { Readability } from '@mozilla/readability';
import { articleBlocks, cleanBlocks, HEADING, markChrome, wordCount, type Block } from './body-text.js';
import { parseDocument, type DomElement } from './dom.js';
import { chooseAuthor, readMetadata, type PageMetadata } from './page-metadata.js';

export interface ExtractedArticle {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  outlet: string | null;
  author: string | null;
  /** The canonical http(s) URL, else the page's own; null for a page read from a file with no http(s) URL. */
  url: string | null;
  /** The paragraphs joined by a blank line ("\n\n"), as an article file's body holds them. */
  body: string;
  /** Each paragraph (headings included, one each) as one line of plain text. */
  paragraphs: string[];
}

export interface ExtractResult {
  article: ExtractedArticle | null;
  /** Things a moderator should know before adding it: a guessed date, a text that looks cut off. */
  warnings: string[];
  /** Why the page is not an article (or could not be read); null when `article` is set. */
  error: string | null;
}

export interface ExtractOptions {
  /** When the page was fetched: its day is the date of last resort. Default: now. */
  fetchedAt?: Date;
  /** Fewer words of body than this is a teaser or paywall stub, not an article. Default 80. */
  minWords?: number;
  /** Above this share of the text inside links, the page is a list of links (a section front). Default 0.45. */
  maxLinkShare?: number;
  /** A video page's caption is shorter than this many words; a longer text is an article with a video. Default 250. */
  videoCaptionWords?: number;
  /** This many headings that are links, with hardly more paragraphs than headings (teasers), make a section front. Default 5. */
  minHeadlineLinks?: number;
}

export const extractDefaults: Required<Omit<ExtractOptions, 'fetchedAt'>> = {
  minWords: 80,
  maxLinkShare: 0.45,
  videoCaptionWords: 250,
  minHeadlineLinks: 5,
};

/** Extracts the article from `html`, fetched from `pageUrl` (after redirects). Never throws on a bad page. */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = {}): ExtractResult {
  const settings = { ...extractDefaults, ...options };
  const refuse = (error: string): ExtractResult => ({ article: null, warnings: [], error });
  if (!isAbsoluteUrl(pageUrl)) return refuse(`extract: expected the page's absolute URL; got "${pageUrl}"`);
  const document = parseDocument(html);
  if (!document.body) return refuse('not an article: the page has no HTML body');
  const meta = readMetadata(document, pageUrl);
  markChrome(document.body);
  const found = readabilityContent(document);
  const rawBlocks = found ? articleBlocks(found.content) : [];
  const blocks = cleanBlocks(rawBlocks, { title: meta.title ?? found?.title ?? null, author: meta.author, outlet: meta.outlet });
  const paragraphs = blocks.map((b) => b.text);
  const words = wordCount(paragraphs.join(' '));
  const reason = notAnArticle(meta, rawBlocks, words, settings);
  if (reason) return refuse(reason);
  const title = meta.title ?? found?.title ?? null;
  if (!title) return refuse('not an article: the page has no title (no og:title, h1 or <title>)');
  const warnings: string[] = [];
  const date = meta.date ?? fetchDay(options.fetchedAt ?? new Date(), warnings);
  if (looksCutOff(blocks, meta)) warnings.push('the text looks cut off (it ends mid-sentence or the page marks it for subscribers)');
  return {
    article: {
      title,
      date,
      outlet: meta.outlet,
      author: chooseAuthor(meta.authors, found?.byline ?? null),
      url: /^https?:/.test(meta.url) ? meta.url : null,
      body: paragraphs.join('\n\n'),
      paragraphs,
    },
    warnings,
    error: null,
  };
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Readability's choice of the article element, or null. */
function readabilityContent(document: ReturnType<typeof parseDocument>): { content: DomElement; title: string | null; byline: string | null } | null {
  // Readability's types name lib.dom's Document and Node; linkedom's are structurally the same at run time.
  const reader = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement });
  const parsed = reader.parse();
  if (!parsed?.content) return null;
  return { content: parsed.content, title: parsed.title?.trim() || null, byline: parsed.byline ?? null };
}

/** The reason the page is not an article, or null when it is one. */
export function notAnArticle(meta: PageMetadata, rawBlocks: Block[], words: number, settings: typeof extractDefaults): string | null {
  const isVideo = meta.kind.ogType?.startsWith('video') || (meta.kind.ldTypes.includes('VideoObject') && !meta.kind.ldTypes.some((t) => /Article$/.test(t)));
  if (isVideo && words < settings.videoCaptionWords) return `not an article: a video page (its text is a ${words}-word caption)`;
  if (rawBlocks.length === 0) return 'not an article: no article text found on the page (a section front or an index?)';
  const share = linkShare(rawBlocks);
  if (share > settings.maxLinkShare) {
    return `not an article: ${Math.round(share * 100)}% of its text is links, as on a section front or an index`;
  }
  const headlines = linkedHeadlines(rawBlocks);
  if (headlines >= settings.minHeadlineLinks && textBlocks(rawBlocks) <= headlines * 1.5) {
    return `not an article: ${headlines} headlines linking to other pages, as on a section front or an index`;
  }
  if (words < settings.minWords) {
    const why = meta.kind.paywalled ? 'the page marks it for subscribers: a paywall stub' : 'a paywall stub or a teaser?';
    return `not an article: only ${words} words of text, fewer than ${settings.minWords} (${why})`;
  }
  return null;
}

/** Headings that are links: the headlines of a front's teasers (an article's own subheadings link nowhere). */
function linkedHeadlines(blocks: Block[]): number {
  return blocks.filter((b) => HEADING.test(b.tag) && b.linkChars >= b.text.length * 0.8).length;
}

/** Paragraphs of a dozen words or more: a front has about one (a teaser) per headline, an article several. */
function textBlocks(blocks: Block[]): number {
  return blocks.filter((b) => !HEADING.test(b.tag) && wordCount(b.text) >= 12).length;
}

function linkShare(blocks: Block[]): number {
  let links = 0;
  let chars = 0;
  for (const block of blocks) {
    links += block.linkChars;
    chars += block.text.length;
  }
  return chars === 0 ? 0 : links / chars;
}

function fetchDay(fetchedAt: Date, warnings: string[]): string {
  const day = fetchedAt.toISOString().slice(0, 10);
  warnings.push(`no publication date found on the page; using the fetch date ${day}`);
  return day;
}

/** The publisher marks it paywalled, or the text stops mid-sentence ("…" or a long paragraph without an end). */
function looksCutOff(blocks: Block[], meta: PageMetadata): boolean {
  const last = blocks[blocks.length - 1];
  if (meta.kind.paywalled) return true;
  if (!last || last.tag !== 'P') return false;
  return /(?:…|\.\.\.)$/.test(last.text) || (wordCount(last.text) >= 20 && !/[.!?:;"'”’)\]]$/.test(last.text));
}
