// Adding an article to the story, for every host (the CLI now; Discord, the console and the feed poller too):
// preview a link or a saved page (fetch, extract, check it against the story), then add it (write the corpus file,
// or record another outlet's copy on the article it copies). Nothing here throws for bad input: each result says
// what happened in one line.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleKey } from '../corpus/load.js';
import type { Article } from '../model/types.js';
import { recordCopy, writeArticleFile } from './article-file.js';
import { decodeText } from './charset.js';
import { CopyIndex, words, type CopyOptions } from './copies.js';
import { extractArticle, type ExtractedArticle } from './extract.js';
import { FetchError, size } from './fetch-error.js';
import type { Fetched, FetchRequest, RetryLater } from './fetch-result.js';
import { urlKey } from './url.js';

/** The story's articles as the service needs them: a StoryEngine (or a Story) satisfies this. */
export interface StoryArticles {
  articles(): readonly Article[];
}

/** What the service fetches pages with: a Fetcher satisfies this. */
export interface PageFetcher {
  fetchPage(input: string, request?: Omit<FetchRequest, 'accept'>): Promise<Fetched | RetryLater>;
}

export interface IntakeServiceOptions {
  /** Where new article files go (CORPUS_DIR). */
  corpusDir: string;
  story: StoryArticles;
  fetcher: PageFetcher;
  /** Default: the system clock. The fetch date of last resort and the files' `added` time. */
  now?: () => Date;
  /** A saved page larger than this is refused, as a fetched one is. Default 5 MB. */
  maxFileBytes?: number;
  copies?: Partial<CopyOptions>;
}

export interface PreviewOptions {
  /** Who adds it: `viaDiscord(guild, user)`, `viaFeed(url)` or `VIA_CLI`. */
  via: string;
  /** For a saved page: the URL it was saved from (its links and its `url:` resolve against it). */
  baseUrl?: string;
  /** Consult robots.txt: true for automatic (feed) fetches; false, the default, for a person's explicit request. */
  robots?: boolean;
}

/** The article of the story an input duplicates. */
export interface DuplicateOf {
  id: string;
  title: string;
  /** Estimated word-shingle resemblance for a near copy; null when the URL (or title and date) is the same. */
  similarity: number | null;
}

export interface Preview {
  ok: true;
  /** The input exactly as given. */
  source: string;
  via: string;
  article: ExtractedArticle;
  /** The URL the page came from (after redirects); null for a saved page without `baseUrl`. */
  fetchedUrl: string | null;
  words: number;
  /** Date guessed, looks cut off, near copy of … */
  warnings: string[];
  /** A near copy of this article of the story: adding it records its outlet and URL there (`also`) instead. */
  duplicateOf: DuplicateOf | null;
}

/** Why an input cannot be added. */
export type IntakeErrorCode =
  | 'invalid-input'
  | 'file'
  | 'fetch'
  | 'retry-later'
  | 'not-an-article'
  | 'same-url'
  | 'same-title'
  | 'copy-without-url'
  | 'write';

export interface IntakeFailure {
  ok: false;
  source: string;
  code: IntakeErrorCode;
  /** One line for people. */
  error: string;
  warnings: string[];
  /** The article of the story it is already in as (same URL, same title and date). */
  duplicateOf: DuplicateOf | null;
  /** Worth trying again later (the server asked to wait, a timeout, a network error, a 5xx). */
  temporary: boolean;
  /** The fetcher's code for a fetch failure (`private-address`, `http-status`, …); null otherwise. */
  fetchCode: string | null;
}

export type PreviewResult = Preview | IntakeFailure;

export type AddResult =
  | {
      ok: true;
      /** `added`: a new article file; `copy`: its outlet and URL recorded on the article it copies. */
      kind: 'added' | 'copy';
      source: string;
      /** The new article's id (file name), or for a copy the id of the article it copies. */
      id: string;
      file: string;
      warnings: string[];
      duplicateOf: DuplicateOf | null;
    }
  | IntakeFailure;

/** What the service knows of an article: the story's, or one it wrote that the story does not serve yet. */
interface Known {
  id: string;
  title: string;
  date: string;
  url: string | null;
  also: readonly { url: string }[];
  body: string;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Fetch failures worth another try later. */
const TEMPORARY_FETCH = new Set(['timeout', 'network']);

export class IntakeService {
  readonly corpusDir: string;
  private readonly story: StoryArticles;
  private readonly fetcher: PageFetcher;
  private readonly now: () => Date;
  private readonly maxFileBytes: number;
  private readonly copies: CopyIndex;
  /** What the copy index holds, by id: the story's Article objects (replaced when the story replaces them), or ours. */
  private readonly indexed = new Map<string, Known>();
  /** Articles this service wrote that the story does not serve yet. */
  private readonly written = new Map<string, Known>();
  /** URLs recorded as `also` by this service, until the story serves them. */
  private readonly recorded = new Map<string, string>();
  private byUrl = new Map<string, string>();
  private byTitle = new Map<string, string>();
  private stale = true;
  /** Adds run one at a time, so two moderators adding one article add it once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: IntakeServiceOptions) {
    this.corpusDir = options.corpusDir;
    this.story = options.story;
    this.fetcher = options.fetcher;
    this.now = options.now ?? (() => new Date());
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.copies = new CopyIndex(options.copies);
  }

  /** Fetches (or reads) and extracts the article, and checks it against the story. Never throws. */
  async preview(input: string, options: PreviewOptions): Promise<PreviewResult> {
    try {
      return await this.previewUnsafe(input, options);
    } catch (error) {
      return failure(
        input,
        'invalid-input',
        `cannot read ${shown(input)}: ${oneLine((error as Error).message)}`,
      );
    }
  }

  /** Writes a previewed article (or records a near copy on the article it copies). Never throws. */
  add(preview: PreviewResult): Promise<AddResult> {
    const run = this.queue.then(() => this.addNow(preview));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Preview and add in one step (the CLI, auto-mode feeds). */
  async previewAndAdd(input: string, options: PreviewOptions): Promise<AddResult> {
    return this.add(await this.preview(input, options));
  }

  /** Builds the copy index over the story's articles now (at start), rather than at the first add. */
  prepare(): this {
    this.sync();
    return this;
  }

  /** Forgets an article the story no longer has (moved to `.removed/` before the story noticed). */
  forget(id: string): void {
    if (this.written.delete(id)) this.stale = true;
  }

  /** The article of the story (or written by this service) that has this URL, if any. */
  articleWithUrl(url: string): DuplicateOf | null {
    this.sync();
    const key = safeUrlKey(url);
    const id = key === null ? undefined : this.byUrl.get(key);
    return id === undefined ? null : this.duplicate(id, null);
  }

  private async previewUnsafe(input: string, options: PreviewOptions): Promise<PreviewResult> {
    const source = input;
    const trimmed = input.trim();
    if (!trimmed)
      return failure(source, 'invalid-input', 'expected a URL (https://…) or an .html file; got nothing');
    if (looksLikeUrl(trimmed)) {
      const already = this.articleWithUrl(trimmed);
      if (already) return sameUrl(source, already);
      return this.previewUrl(source, trimmed, options);
    }
    return this.previewFile(source, trimmed, options);
  }

  private async previewUrl(source: string, url: string, options: PreviewOptions): Promise<PreviewResult> {
    const fetchedAt = this.now();
    let page: Fetched | RetryLater;
    try {
      page = await this.fetcher.fetchPage(url, { robots: options.robots ?? false });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const temporary =
        TEMPORARY_FETCH.has(error.code) || (error.code === 'http-status' && (error.status ?? 0) >= 500);
      return {
        ...failure(
          source,
          error.code === 'invalid-url' || error.code === 'scheme' ? 'invalid-input' : 'fetch',
          unprefixed(error.message),
        ),
        temporary,
        fetchCode: error.code,
      };
    }
    if (page.status === 'retry-later')
      return { ...failure(source, 'retry-later', unprefixed(page.message)), temporary: true };
    return this.check(
      source,
      options.via,
      page.text,
      page.url,
      [page.requestedUrl, ...page.redirects],
      fetchedAt,
    );
  }

  private async previewFile(source: string, file: string, options: PreviewOptions): Promise<PreviewResult> {
    let base: string;
    if (options.baseUrl !== undefined) {
      if (!looksLikeUrl(options.baseUrl) || !isHttpUrl(options.baseUrl)) {
        return failure(source, 'invalid-input', `--url "${options.baseUrl}" is not an http(s) URL`);
      }
      base = options.baseUrl;
    } else {
      base = pathToFileURL(path.resolve(file)).href;
    }
    let bytes: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile()) return failure(source, 'file', `${file} is not a file`);
      if (info.size > this.maxFileBytes)
        return failure(
          source,
          'file',
          `${file} is ${size(info.size)}; at most ${size(this.maxFileBytes)} is read`,
        );
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        return failure(source, 'file', `${shown(file)} is neither an http(s) URL nor a file that exists`);
      }
      return failure(source, 'file', `cannot read ${file}: ${code ?? oneLine((error as Error).message)}`);
    }
    const fetchedUrl = options.baseUrl ?? null;
    return this.check(
      source,
      options.via,
      decodeText(bytes).text,
      base,
      fetchedUrl ? [fetchedUrl] : [],
      this.now(),
      fetchedUrl,
    );
  }

  /** Extracts the article and checks it against the story: same URL, same title and date, near copy. */
  private check(
    source: string,
    via: string,
    html: string,
    pageUrl: string,
    otherUrls: string[],
    fetchedAt: Date,
    fetchedUrl: string | null = pageUrl,
  ): PreviewResult {
    const extracted = extractArticle(html, pageUrl, { fetchedAt });
    if (!extracted.article) return failure(source, 'not-an-article', extracted.error ?? 'not an article');
    const article = extracted.article;
    const warnings = [...extracted.warnings];
    const known = this.knownDuplicate(article, [fetchedUrl, ...otherUrls]);
    if (known) return { ...known, source, warnings };
    const copy = this.copies.findCopy(article.body);
    const duplicateOf = copy ? this.duplicate(copy.id, copy.similarity) : null;
    if (duplicateOf) warnings.push(copyWarning(duplicateOf));
    return {
      ok: true,
      source,
      via,
      article,
      fetchedUrl,
      words: words(article.body).length,
      warnings,
      duplicateOf,
    };
  }

  /** The same URL, or the same title and date (the corpus would serve only one of the two files). */
  private knownDuplicate(article: ExtractedArticle, urls: (string | null)[]): IntakeFailure | null {
    this.sync();
    for (const url of [article.url, ...urls]) {
      const key = url ? safeUrlKey(url) : null;
      const id = key === null ? undefined : this.byUrl.get(key);
      if (id !== undefined) return sameUrl('', this.duplicate(id, null));
    }
    const id = this.byTitle.get(articleKey(article));
    if (id !== undefined) {
      const dup = this.duplicate(id, null);
      return {
        ...failure(
          '',
          'same-title',
          `already in the story: ${dup.title} (${dup.id} has the same title and date)`,
        ),
        duplicateOf: dup,
      };
    }
    return null;
  }

  private async addNow(preview: PreviewResult): Promise<AddResult> {
    if (!preview.ok) return preview;
    const { article, source, via } = preview;
    // Time has passed since the preview (a moderator's click): the story may have the article now.
    const known = this.knownDuplicate(article, [preview.fetchedUrl]);
    if (known) return { ...known, source, warnings: preview.warnings };
    const copy = this.copies.findCopy(article.body);
    const duplicateOf = copy ? this.duplicate(copy.id, copy.similarity) : null;
    const warnings = preview.warnings.filter((w) => !w.startsWith(COPY_WARNING));
    if (duplicateOf) return this.recordCopyOf(preview, duplicateOf, [...warnings, copyWarning(duplicateOf)]);
    try {
      const written = await writeArticleFile(
        this.corpusDir,
        {
          title: article.title,
          date: article.date,
          outlet: article.outlet,
          author: article.author,
          url: article.url,
          paragraphs: article.paragraphs,
        },
        { via, added: this.now() },
      );
      const entry: Known = {
        id: written.id,
        title: article.title,
        date: article.date,
        url: article.url,
        also: [],
        body: article.body,
      };
      this.written.set(written.id, entry);
      this.index(entry);
      this.stale = true;
      return {
        ok: true,
        kind: 'added',
        source,
        id: written.id,
        file: written.file,
        warnings,
        duplicateOf: null,
      };
    } catch (error) {
      return failure(
        source,
        'write',
        `cannot write the article into ${this.corpusDir}: ${oneLine((error as Error).message.replace(/^article-file: /, ''))}`,
        warnings,
      );
    }
  }

  private async recordCopyOf(
    preview: Preview,
    duplicateOf: DuplicateOf,
    warnings: string[],
  ): Promise<AddResult> {
    const url = preview.article.url ?? preview.fetchedUrl;
    const file = path.join(this.corpusDir, duplicateOf.id);
    if (!url) {
      return {
        ...failure(
          preview.source,
          'copy-without-url',
          `a near copy of “${duplicateOf.title}” (${duplicateOf.id}), and without a URL it cannot be recorded on it (give the page's URL)`,
          warnings,
        ),
        duplicateOf,
      };
    }
    try {
      await recordCopy(file, { outlet: preview.article.outlet, url });
    } catch (error) {
      return {
        ...failure(
          preview.source,
          'write',
          `cannot record the copy on ${duplicateOf.id}: ${oneLine((error as Error).message.replace(/^article-file: /, ''))}`,
          warnings,
        ),
        duplicateOf,
      };
    }
    const key = safeUrlKey(url);
    if (key !== null) {
      this.recorded.set(key, duplicateOf.id);
      this.byUrl.set(key, duplicateOf.id);
    }
    return {
      ok: true,
      kind: 'copy',
      source: preview.source,
      id: duplicateOf.id,
      file,
      warnings,
      duplicateOf,
    };
  }

  private duplicate(id: string, similarity: number | null): DuplicateOf {
    const known = this.indexed.get(id) ?? this.written.get(id);
    return { id, title: known?.title ?? id, similarity };
  }

  /**
   * Keeps the copy index and the URL and title maps in step with the story's articles (a replaced Article object is
   * indexed again) and with the files this service wrote that the story does not serve yet (forgotten once their
   * file is gone). One pass over the list; the maps are rebuilt only when something changed.
   */
  private sync(): void {
    const list = this.story.articles();
    let changed = this.stale;
    const present = new Set<string>();
    for (const article of list) {
      present.add(article.id);
      if (this.indexed.get(article.id) !== article) {
        this.index(article);
        changed = true;
      }
      if (this.written.delete(article.id)) changed = true;
    }
    for (const id of [...this.written.keys()]) {
      if (!present.has(id) && !existsSync(path.join(this.corpusDir, id))) {
        this.written.delete(id);
        changed = true;
      }
    }
    for (const id of [...this.indexed.keys()]) {
      if (!present.has(id) && !this.written.has(id)) {
        this.copies.remove(id);
        this.indexed.delete(id);
        changed = true;
      }
    }
    if (!changed) return;
    this.byUrl = new Map();
    this.byTitle = new Map();
    for (const [key, id] of this.recorded) this.byUrl.set(key, id);
    for (const known of this.indexed.values()) {
      for (const url of [known.url, ...known.also.map((c) => c.url)]) {
        const key = url ? safeUrlKey(url) : null;
        if (key !== null && !this.byUrl.has(key)) this.byUrl.set(key, known.id);
      }
      const title = articleKey(known);
      if (!this.byTitle.has(title)) this.byTitle.set(title, known.id);
    }
    this.stale = false;
  }

  private index(known: Known): void {
    this.copies.add(known.id, known.body);
    this.indexed.set(known.id, known);
  }
}

const COPY_WARNING = 'a near copy of ';

function copyWarning(dup: DuplicateOf): string {
  const alike = dup.similarity === null ? '' : `, ${Math.round(dup.similarity * 100)}% alike`;
  return `${COPY_WARNING}“${dup.title}” (${dup.id}${alike}): adding it records its outlet and URL on that article (also) instead`;
}

function sameUrl(source: string, dup: DuplicateOf): IntakeFailure {
  return { ...failure(source, 'same-url', `already in the story: ${dup.title}`), duplicateOf: dup };
}

function failure(
  source: string,
  code: IntakeErrorCode,
  error: string,
  warnings: string[] = [],
): IntakeFailure {
  return {
    ok: false,
    source,
    code,
    error: oneLine(error),
    warnings,
    duplicateOf: null,
    temporary: false,
    fetchCode: null,
  };
}

/** A scheme (`https:`, `ftp:`, `javascript:`) rather than a path: a URL, even one that will be refused. */
function looksLikeUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input);
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The key two URLs of one article share (see url.ts), or null for a URL that doesn't parse. */
export function safeUrlKey(url: string): string | null {
  try {
    return urlKey(url);
  } catch {
    return null;
  }
}

/** An error or title as one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A message without the "storydesk: " prefix errors carry, for showing inside another sentence. */
export function unprefixed(message: string): string {
  return message.replace(/^storydesk: /, '');
}

function shown(input: string): string {
  return input.length > 200 ? `"${input.slice(0, 200)}…"` : `"${input}"`;
}
