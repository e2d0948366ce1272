// An accepted article → a corpus file in today's format (`YYYY-MM-DD-<slug>.md`, YAML front matter, paragraphs
// separated by blank lines), and another outlet's copy recorded on an existing file (`also:`). Files appear
// whole or not at all: they are written to a dot-file in the same folder (which the corpus loader and watcher
// ignore) and then linked or renamed into place. A new article never replaces a file: a clashing name gets -2, -3…
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { foldAccents } from '../text/terms.js';

export interface ArticleFileInput {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** The body's paragraphs, each one line of text. */
  paragraphs: string[];
}

export interface WriteOptions {
  /** Who added it: `viaDiscord(guild, user)`, `viaFeed(url)` or `VIA_CLI`. */
  via: string;
  /** When it was added. Default: now. */
  added?: Date;
}

export interface WrittenArticle {
  /** The article's id: its file name. */
  id: string;
  /** The file's full path. */
  file: string;
}

export interface CopyRecord {
  outlet: string | null;
  url: string;
}

export const VIA_CLI = 'cli';
const VIA = /^(?:discord:\d+\/\d+|feed:https?:\/\/\S+|cli)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Names tried before giving up: -2 … -999. */
const MAX_SUFFIX = 999;

export function viaDiscord(guildId: string, userId: string): string {
  return `discord:${guildId}/${userId}`;
}

export function viaFeed(feedUrl: string): string {
  return `feed:${feedUrl}`;
}

/** "Zimbabwe coup: Mugabe 'insists'…" → "zimbabwe-coup-mugabe-insists": ASCII words, at most 60 characters. */
export function slugOf(title: string, maxLength = 60): string {
  const words = foldAccents(title)
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, maxLength) || 'article';
}

/** The file's text: YAML front matter (quoted where YAML needs it) and the paragraphs, a blank line between. */
export function renderArticleFile(article: ArticleFileInput, options: Required<WriteOptions>): string {
  checkArticle(article, options.via);
  const fields: Record<string, string> = { title: oneLine(article.title), date: article.date };
  if (article.outlet) fields.outlet = oneLine(article.outlet);
  if (article.author) fields.author = oneLine(article.author);
  if (article.url) fields.url = article.url;
  fields.added = options.added.toISOString();
  fields.via = options.via;
  const paragraphs = article.paragraphs.map(oneLine).filter((p) => p.length > 0);
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${paragraphs.join('\n\n')}\n`;
}

function checkArticle(article: ArticleFileInput, via: string): void {
  if (!oneLine(article.title)) throw new Error('article-file: expected a non-empty title');
  if (!DATE.test(article.date)) throw new Error(`article-file: expected a date as YYYY-MM-DD; got "${article.date}"`);
  if (article.url !== null && !isHttpUrl(article.url)) throw new Error(`article-file: expected an http(s) URL; got "${article.url}"`);
  if (!VIA.test(via)) throw new Error(`article-file: expected via as discord:<guild>/<user>, feed:<url> or cli; got "${via}"`);
  if (!article.paragraphs.some((p) => oneLine(p).length > 0)) throw new Error('article-file: expected at least one paragraph of body');
}

/** Whitespace runs (line breaks too) as one space: a paragraph is one line of the file. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Writes the article into `corpusDir` under a name no other file has; never replaces a file. */
export async function writeArticleFile(corpusDir: string, article: ArticleFileInput, options: WriteOptions): Promise<WrittenArticle> {
  const text = renderArticleFile(article, { via: options.via, added: options.added ?? new Date() });
  const base = `${article.date}-${slugOf(article.title)}`;
  const tmp = await writeTemp(corpusDir, text);
  try {
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const id = n === 1 ? `${base}.md` : `${base}-${n}.md`;
      const file = path.join(corpusDir, id);
      if (await placeWithoutReplacing(tmp, file)) return { id, file };
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  throw new Error(`article-file: ${base}.md and ${MAX_SUFFIX - 1} numbered names are all taken in ${corpusDir}`);
}

async function writeTemp(dir: string, text: string | Uint8Array): Promise<string> {
  const tmp = path.join(dir, `.intake-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, text, { flag: 'wx' });
  return tmp;
}

/** A hard link is created whole and fails if the name exists: an atomic "create, never replace". */
async function placeWithoutReplacing(tmp: string, file: string): Promise<boolean> {
  try {
    await link(tmp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  // A filesystem without hard links: copy the temp file exclusively (wx), then it is complete once renamed.
  try {
    const copy = await writeTemp(path.dirname(file), await readFile(tmp, 'utf8'));
    await writeFile(file, '', { flag: 'wx' });
    await rename(copy, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

// ── copies recorded on an existing article ───────────────────────────────────────────────────────────────

const FRONT_MATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;
const pending = new Map<string, Promise<unknown>>();

/**
 * Adds `{outlet, url}` to the `also:` list of the article in `file`, unless that URL is already there (or is the
 * article's own). The front matter is rewritten (its comments kept); the body's bytes stay exactly as they were.
 * Calls for one file run one after another, so none is lost. Resolves to whether the file changed.
 */
export function recordCopy(file: string, copy: CopyRecord): Promise<boolean> {
  if (!isHttpUrl(copy.url)) return Promise.reject(new Error(`article-file: expected the copy's http(s) URL; got "${copy.url}"`));
  const previous = pending.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => addAlso(file, copy));
  pending.set(file, next);
  void next.finally(() => {
    if (pending.get(file) === next) pending.delete(file);
  }).catch(() => undefined);
  return next;
}

async function addAlso(file: string, copy: CopyRecord): Promise<boolean> {
  const bytes = await readFile(file);
  const text = bytes.toString('utf8');
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`article-file: ${file} has no YAML front matter between "---" lines`);
  const [whole, open, yaml, close] = m as unknown as [string, string, string, string];
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) throw new Error(`article-file: ${file} has invalid YAML front matter: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (doc.get('url') === copy.url) return false;
  const also = doc.toJS()?.also;
  const known: unknown[] = Array.isArray(also) ? also : [];
  if (known.some((entry) => (entry as { url?: unknown } | null)?.url === copy.url)) return false;
  doc.set('also', [...known, { outlet: copy.outlet ? oneLine(copy.outlet) : null, url: copy.url }]);
  const newline = open.endsWith('\r\n') ? '\r\n' : '\n';
  const rewritten = doc.toString({ lineWidth: 0 }).replace(/\n$/, '').replace(/\n/g, newline);
  // The body as the bytes it was (not re-encoded), after the front matter's bytes.
  const headBytes = Buffer.from(whole, 'utf8');
  if (!headBytes.equals(bytes.subarray(0, headBytes.length))) throw new Error(`article-file: ${file}'s front matter is not valid UTF-8`);
  const body = bytes.subarray(headBytes.length);
  const tmp = await writeTemp(path.dirname(file), Buffer.concat([Buffer.from(open + rewritten + close, 'utf8'), body]));
  await rename(tmp, file);
  return true;
}
