// One article file → a validated Article, or the problems that make it unusable.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { splitSentences } from '../text/sentences.js';
import type { Article, CorpusProblem, Paragraph, Sentence } from '../model/types.js';

export const MAX_ARTICLE_BYTES = 1024 * 1024;

function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const optionalText = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'expected non-empty text when present' })
  .optional()
  .nullable();

function httpUrl() {
  return z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
}

/** Longer titles can't be shown whole in Discord (an embed title or field name holds 256 characters). */
export const MAX_TITLE_LENGTH = 256;

/** What a title that YAML read as something other than text should be told: to quote it. */
function titleTypeError(input: unknown): string {
  if (input === undefined || input === null) return 'expected a title (text)';
  const kind = input instanceof Date ? 'a date' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'a mapping' : `a ${typeof input}`;
  return `expected a title (text), got ${kind}; put the title in quotes, e.g. title: "${input instanceof Date ? input.toISOString().slice(0, 10) : String(input).slice(0, 40)}"`;
}

export const frontMatterSchema = z.object({
  title: z
    .string({ error: (issue) => titleTypeError(issue.input) })
    .trim()
    .min(1, { error: 'expected a non-empty title' })
    .max(MAX_TITLE_LENGTH, { error: (issue) => `expected a title of at most ${MAX_TITLE_LENGTH} characters, got ${(issue.input as string).length}` }),
  date: z
    .string({ error: 'expected a date as YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD', abort: true })
    .refine(isRealDate, { error: 'expected a real calendar date (YYYY-MM-DD)' }),
  outlet: optionalText,
  author: optionalText,
  url: httpUrl().optional().nullable(),
  /** When storydesk added the article (intake): an ISO date-time. */
  added: z.iso.datetime({ offset: true, error: 'expected an ISO date-time, e.g. 2024-05-01T09:30:00Z' }).optional(),
  /** Who or what added it: `discord:<guild id>/<user id>`, `feed:<feed url>` or `cli`. */
  via: z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text when present' }).optional(),
  /** Other outlets that published a copy of this article. */
  also: z
    .array(z.object({ outlet: z.string({ error: 'expected text or null' }).trim().min(1).nullable().optional(), url: httpUrl() }), {
      error: 'expected a list of {outlet, url}',
    })
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/**
 * A valid article, with `warnings` for what was dropped to keep it (an unusable url), or the problems that make the
 * file unusable.
 */
export type ParseResult = { ok: true; article: Article; warnings?: CorpusProblem[] } | { ok: false; problems: CorpusProblem[] };

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** An article file decoded: its text (BOM dropped, line ends normalised) and where the front matter ends. */
export interface ArticleSource {
  text: string;
  /** The YAML between the "---" lines. */
  frontMatter: string;
  /** Offset of the body in `text`. */
  bodyStart: number;
}

/** Decodes an article file and finds its front matter; the problem when it can't. */
export function readSource(file: string, bytes: Uint8Array): { ok: true; source: ArticleSource } | { ok: false; problems: CorpusProblem[] } {
  const fail = (field: string, message: string) => ({ ok: false as const, problems: [{ file, field, message }] });
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return fail('size', `file is ${bytes.byteLength} bytes; expected at most ${MAX_ARTICLE_BYTES} (1 MB)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('encoding', `file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); expected UTF-8 text`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return fail('front matter', 'expected YAML front matter between "---" lines at the top of the file');
  return { ok: true, source: { text, frontMatter: fm[1]!, bodyStart: fm[0].length } };
}

/** Decodes, splits front matter from body, validates, reflows and splits into sentences. */
export function parseArticle(file: string, bytes: Uint8Array): ParseResult {
  const fail = (field: string, message: string): ParseResult => ({ ok: false, problems: [{ file, field, message }] });
  const read = readSource(file, bytes);
  if (!read.ok) return read;
  const { text, frontMatter, bodyStart } = read.source;
  let data: unknown;
  try {
    data = parseYaml(frontMatter, { schema: 'core' }) ?? {};
  } catch (error) {
    return fail('front matter', yamlProblem(error));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('front matter', 'expected a YAML mapping of fields (title, date, …)');
  }
  const { fields, warnings } = dropUnusableUrl(file, normaliseDates(data as Record<string, unknown>));
  const parsed = frontMatterSchema.safeParse(fields);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.join('.') || 'front matter',
        message: issue.message,
      })),
    };
  }
  const paragraphs = reflow(text.slice(bodyStart));
  if (paragraphs.length === 0) return fail('body', 'article body is empty; expected at least one paragraph of text');
  const article = buildArticle(file, parsed.data, paragraphs);
  return warnings.length > 0 ? { ok: true, article, warnings } : { ok: true, article };
}

/** A YAML error as one line: what is wrong and where in the file (the front matter starts on line 2). */
function yamlProblem(error: unknown): string {
  const e = error as Error & { linePos?: { line: number; col: number }[] };
  const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
  const at = e.linePos?.[0];
  return at ? `invalid YAML at line ${at.line + 1}, column ${at.col} of the file: ${what}` : `invalid YAML: ${what}`;
}

/** The byte offset of the first byte that is not part of a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i));
    // A U+FFFD written in the file (EF BF BD) is valid text, not the decoder's replacement.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return bytes.byteLength;
}

/**
 * A url that is not http(s) (a `javascript:` link, a typo) loses only the link: the article is kept without it, and
 * the warning says so.
 */
function dropUnusableUrl(file: string, data: Record<string, unknown>): { fields: Record<string, unknown>; warnings: CorpusProblem[] } {
  if (data.url === undefined || data.url === null || httpUrl().safeParse(data.url).success) return { fields: data, warnings: [] };
  const shown = String(data.url).slice(0, 60);
  const { url: _dropped, ...fields } = data;
  return { fields, warnings: [{ file, field: 'url', message: `expected an http(s) URL, got "${shown}"; the article is served without a link` }] };
}

/** YAML may hand a Date for an unquoted date under some schemas; keep the calendar day as written. */
function normaliseDates(data: Record<string, unknown>): Record<string, unknown> {
  const date = data.date;
  if (date instanceof Date && !Number.isNaN(date.getTime())) return { ...data, date: date.toISOString().slice(0, 10) };
  return data;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/**
 * Paragraphs are separated by blank lines, and lines inside one are joined with a space (hard wraps
 * undone). A body with no blank line at all but many lines is read as plain text with one paragraph per
 * line run: a new paragraph starts after a line that ends a sentence. So in such a file a paragraph number
 * counts these runs, not blank-line blocks (there are none); the README documents this rule.
 */
export function reflow(body: string): string[] {
  const blocks = body
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').map((l) => l.trim()).filter((l) => l.length > 0))
    .filter((lines) => lines.length > 0);
  const paragraphs: string[] = [];
  const singleBlock = blocks.length === 1 && blocks[0]!.length > 1;
  for (const lines of blocks) {
    if (!singleBlock) {
      paragraphs.push(lines.join(' '));
      continue;
    }
    let current: string[] = [];
    for (const line of lines) {
      current.push(line);
      if (SENTENCE_END.test(line)) {
        paragraphs.push(current.join(' '));
        current = [];
      }
    }
    if (current.length > 0) paragraphs.push(current.join(' '));
  }
  return paragraphs.map((p) => p.replace(/[ \t]{2,}/g, ' '));
}

/**
 * An article from its validated front matter and reflowed paragraphs. `spans` (paragraph, start, end in the
 * body, as `sentenceSpans` returns them) skips sentence splitting when they are already known.
 */
export function buildArticle(id: string, meta: FrontMatter, paragraphTexts: string[], spans?: ArrayLike<number>): Article {
  const body = paragraphTexts.join('\n\n');
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const add = (number: number, index: number, start: number, end: number) => {
    sentences.push({ id: `${id}#p${number}.s${index}`, articleId: id, paragraph: number, index, start, end, text: body.slice(start, end) });
  };
  let offset = 0;
  paragraphTexts.forEach((text, i) => {
    const number = i + 1;
    paragraphs.push({ number, start: offset, end: offset + text.length });
    if (!spans) splitSentences(text).forEach((span, j) => add(number, j + 1, offset + span.start, offset + span.end));
    offset += text.length + 2;
  });
  if (spans) {
    for (let k = 0, index = 0, previous = 0; k + 2 < spans.length; k += 3) {
      const number = spans[k]!;
      index = number === previous ? index + 1 : 1;
      previous = number;
      add(number, index, spans[k + 1]!, spans[k + 2]!);
    }
  }
  return {
    id,
    title: meta.title,
    date: meta.date,
    outlet: meta.outlet ?? null,
    author: meta.author ?? null,
    url: meta.url ?? null,
    also: (meta.also ?? []).map((copy) => ({ outlet: copy.outlet ?? null, url: copy.url })),
    body,
    paragraphs,
    sentences,
  };
}

/** An article's sentences as a flat list of (paragraph, start, end): what `buildArticle` needs to rebuild them. */
export function sentenceSpans(article: Article): number[] {
  const spans: number[] = [];
  for (const s of article.sentences) spans.push(s.paragraph, s.start, s.end);
  return spans;
}
