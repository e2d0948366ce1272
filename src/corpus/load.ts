// A folder of article files → the articles that are valid, and a problem report for the rest.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { codeFingerprint } from '../util/fingerprint.js';
import { writeFileAtomic } from '../util/files.js';
import { buildArticle, MAX_ARTICLE_BYTES, parseArticle, readSource, reflow, sentenceSpans } from './parse.js';
import type { Article, ArticleCopy, CorpusProblem } from '../model/types.js';

export interface Corpus {
  dir: string;
  articles: Article[];
  problems: CorpusProblem[];
  /** What was dropped to keep an article (an unusable url): the article is served. */
  warnings: CorpusProblem[];
}

/** Article files are Markdown; dot-files, underscore-files and README files are not articles. */
export function isArticleFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.') && !name.startsWith('_') && !/^readme\./i.test(name);
}

export interface LoadCorpusOptions {
  /**
   * Where the parse cache lives (null or absent: none). It holds each valid file's front matter and sentence
   * offsets, keyed by a hash of the file's bytes and of the code, so an unchanged file is not parsed again.
   */
  cacheDir?: string | null;
  warn?: (message: string) => void;
  /**
   * When each article was first served (the database's record). Of two files with one title and date, the one served
   * first is kept; without a record, the older file.
   */
  firstSeen?: ReadonlyMap<string, string>;
}

/** Files are read synchronously (5× faster than fs/promises for small files), yielding to the event loop between batches. */
const READ_BATCH = 256;

type FileResult = { article?: Article; problems?: CorpusProblem[]; warnings?: CorpusProblem[]; modified?: number };

export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  let names: string[];
  let realDir: string;
  try {
    names = (await readdir(dir)).filter(isArticleFile).sort();
    realDir = realpathSync(dir);
  } catch (error) {
    throw new CorpusFolderError(dir, error as NodeJS.ErrnoException);
  }
  const warn = options.warn ?? (() => {});
  const cache = options.cacheDir ? await ParseCache.open(options.cacheDir, warn) : null;
  const loaded: { article: Article; modified: number }[] = [];
  const problems: CorpusProblem[] = [];
  const warnings: CorpusProblem[] = [];
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % READ_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const result = loadFile(dir, realDir, names[i]!, cache);
    if (result.article) loaded.push({ article: result.article, modified: result.modified ?? 0 });
    else if (result.problems) problems.push(...result.problems);
    if (result.warnings) warnings.push(...result.warnings);
  }
  if (cache) await cache.save(names);
  const firstSeen = options.firstSeen;
  // The copy served first stays: by the recorded first-seen time, else the older file, else the name.
  const servedFirst = [...loaded].sort(
    (a, b) =>
      (firstSeen?.get(a.article.id) ?? '\uffff').localeCompare(firstSeen?.get(b.article.id) ?? '\uffff') ||
      a.modified - b.modified ||
      a.article.id.localeCompare(b.article.id),
  );
  const { articles, problems: all } = dropDuplicates(
    servedFirst.map((l) => l.article),
    problems,
  );
  const kept = new Set(articles);
  return { dir, articles: loaded.map((l) => l.article).filter((a) => kept.has(a)), problems: all, warnings };
}

/** The corpus folder itself can't be read: missing, not a folder, or not readable. One line says which. */
export class CorpusFolderError extends Error {
  constructor(
    readonly dir: string,
    cause: NodeJS.ErrnoException,
  ) {
    const why =
      cause.code === 'ENOENT'
        ? 'it does not exist'
        : cause.code === 'ENOTDIR'
          ? 'it is a file, not a folder'
          : cause.code === 'EACCES'
            ? 'permission denied'
            : (cause.code ?? cause.message);
    super(`storydesk: cannot read the corpus folder ${dir} (CORPUS_DIR): ${why}`);
    this.name = 'CorpusFolderError';
  }
}

/**
 * Whether `file` (a path in the corpus folder) really is inside it: a symbolic link to a file elsewhere is not, so
 * nothing outside the folder is ever served. Returns the problem, or null when the file may be read.
 */
export function outsideFolderProblem(realDir: string, file: string): CorpusProblem | null {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return null; // gone: the caller finds out when it reads
  }
  if (real.startsWith(realDir + path.sep)) return null;
  return { file: path.basename(file), field: 'file', message: `is a link to ${real}, outside the corpus folder; expected the article itself in the folder (skipped)` };
}

function loadFile(dir: string, realDir: string, name: string, cache: ParseCache | null): FileResult {
  const file = path.join(dir, name);
  const outside = outsideFolderProblem(realDir, file);
  if (outside) return { problems: [outside] };
  let bytes: Buffer;
  let modified: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) return {};
    if (info.size > MAX_ARTICLE_BYTES) {
      return { problems: [{ file: name, field: 'size', message: `file is ${info.size} bytes; expected at most ${MAX_ARTICLE_BYTES} (1 MB)` }] };
    }
    modified = info.mtimeMs;
    bytes = readFileSync(file);
  } catch {
    return {}; // gone since the folder was listed
  }
  const hash = cache ? hashBytes(bytes) : '';
  const cached = cache?.article(name, bytes, hash);
  if (cached) return { article: cached, modified };
  const result = parseArticle(name, bytes);
  if (!result.ok) return { problems: result.problems };
  // An article with warnings is parsed again at each start, so its warnings are shown again.
  if (!result.warnings) cache?.remember(name, hash, result.article);
  return { article: result.article, warnings: result.warnings, modified };
}

/** Bump when the parse cache's layout changes. */
const PARSE_CACHE_VERSION = 2;

/**
 * A file's entry: hash of its bytes, title, date, outlet, author, url, its sentences as (paragraph, start, end)…, then
 * the other outlets' copies (`also`).
 */
type ParseEntry = [string, string, string, string | null, string | null, string | null, number[], ArticleCopy[]];

/** Parsed articles by file name, valid while the file's bytes and the code are unchanged. */
class ParseCache {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, ParseEntry>,
    private readonly warn: (message: string) => void,
  ) {}

  static async open(cacheDir: string, warn: (message: string) => void): Promise<ParseCache> {
    const file = path.join(cacheDir, `articles-${codeFingerprint()}.json`);
    const entries = new Map<string, ParseEntry>();
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) {
      try {
        const json = JSON.parse(text) as { version?: unknown; files?: unknown };
        if (json.version !== PARSE_CACHE_VERSION || typeof json.files !== 'object' || json.files === null) throw new Error('unexpected layout');
        for (const [name, entry] of Object.entries(json.files as Record<string, unknown>)) {
          if (isEntry(entry)) entries.set(name, entry);
        }
      } catch (error) {
        warn(`storydesk: parse cache ${file} is corrupt (${(error as Error).message}); parsing every file`);
      }
    }
    return new ParseCache(file, entries, warn);
  }

  /** The article of an unchanged file (`hash` = `hashBytes(bytes)`), rebuilt without YAML, validation or sentence splitting; null when unknown. */
  article(name: string, bytes: Uint8Array, hash: string): Article | null {
    const entry = this.entries.get(name);
    if (!entry || entry[0] !== hash) return null;
    const read = readSource(name, bytes);
    if (!read.ok) return null;
    const paragraphs = reflow(read.source.text.slice(read.source.bodyStart));
    const [, title, date, outlet, author, url, spans, also] = entry;
    const bodyLength = paragraphs.reduce((n, p) => n + p.length, 0) + 2 * (paragraphs.length - 1);
    // Offsets that don't fit the body (a cache from other code that kept the fingerprint): parse again.
    for (let k = 0; k + 2 < spans.length; k += 3) {
      if (spans[k]! < 1 || spans[k]! > paragraphs.length || spans[k + 1]! > spans[k + 2]! || spans[k + 2]! > bodyLength) return null;
    }
    return buildArticle(name, { title, date, outlet, author, url, also }, paragraphs, spans);
  }

  remember(name: string, hash: string, article: Article): void {
    this.entries.set(name, [hash, article.title, article.date, article.outlet, article.author, article.url, sentenceSpans(article), article.also]);
    this.changed = true;
  }

  /** Writes the cache (atomically) when a file was parsed or is gone. */
  async save(names: readonly string[]): Promise<void> {
    const present = new Set(names);
    for (const name of this.entries.keys()) {
      if (!present.has(name)) {
        this.entries.delete(name);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    try {
      await writeFileAtomic(this.file, JSON.stringify({ version: PARSE_CACHE_VERSION, files: Object.fromEntries(this.entries) }));
      this.changed = false;
      // Parse caches of other code (a fingerprint per version) are never read again.
      const dir = path.dirname(this.file);
      const stale = (await readdir(dir)).filter((f) => /^articles-[0-9a-f]{16}\.json$/.test(f) && f !== path.basename(this.file));
      await Promise.all(stale.map((f) => unlink(path.join(dir, f)).catch(() => {})));
    } catch (error) {
      this.warn(`storydesk: cannot write the parse cache ${this.file} (${(error as Error).message}); continuing without it`);
    }
  }
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

function isEntry(value: unknown): value is ParseEntry {
  if (!Array.isArray(value) || value.length !== 8) return false;
  const [hash, title, date, outlet, author, url, spans, also] = value as unknown[];
  const text = (v: unknown) => typeof v === 'string';
  const optional = (v: unknown) => v === null || typeof v === 'string';
  return (
    text(hash) && text(title) && text(date) && optional(outlet) && optional(author) && optional(url) &&
    Array.isArray(spans) && spans.length % 3 === 0 && spans.every((n) => Number.isInteger(n) && (n as number) >= 0) &&
    Array.isArray(also) && also.every((c) => typeof c === 'object' && c !== null && optional((c as ArticleCopy).outlet) && text((c as ArticleCopy).url))
  );
}

/** What two copies of one article share: the title (case and surrounding space aside) and the date. */
export function articleKey(article: Pick<Article, 'title' | 'date'>): string {
  return `${article.title.trim().toLowerCase()}\u0000${article.date}`;
}

/** The problem reported for a file whose article repeats the title and date of `keptId`, which is served instead. */
export function duplicateProblem(article: Article, keptId: string): CorpusProblem {
  return { file: article.id, field: 'title', message: `same title and date as ${keptId}, which is served; expected each article once (this file is skipped)` };
}

/** Two files with the same title and date are one article twice: the first in `articles` is kept. */
export function dropDuplicates(articles: Article[], problems: CorpusProblem[] = []): { articles: Article[]; problems: CorpusProblem[] } {
  const seen = new Map<string, string>();
  const kept: Article[] = [];
  const all = [...problems];
  for (const article of articles) {
    const first = seen.get(articleKey(article));
    if (first) {
      all.push(duplicateProblem(article, first));
      continue;
    }
    seen.set(articleKey(article), article.id);
    kept.push(article);
  }
  return { articles: kept, problems: all };
}

export function formatProblem(problem: CorpusProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
