// Article-body extraction, scored as the article-extraction benchmark scores it: 4-gram word-shingle
// precision, recall and F1 between the extracted text and the expected text, per page. Compares plain
// Readability (its textContent, as the benchmark runs it) with storydesk's extractor (src/intake/extract.ts).
// Run: npx tsx eval/intake.ts [--dir DIR] [--json]     DIR holds one folder per page: source.html, expected.html
// Default DIR: test/fixtures/intake/readability (24 pages from Readability's test suite, Apache-2.0).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/intake/extract.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const READABILITY_FIXTURES = path.join(ROOT, 'test/fixtures/intake/readability');
/** The URL Readability's own tests give their pages. */
const PAGE_URL = 'http://fakehost/test/page.html';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

// ── the benchmark's metric ───────────────────────────────────────────────────────────────────────────────

/** Python's `\w+` with re.UNICODE: letters, digits, marks and the underscore. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Pc}]+/gu;

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** Shingle matching over multisets, as the benchmark's `string_shingle_matching`; precision and recall as its scores. */
export function shingleScore(expected: string, extracted: string, n = 4): Score {
  const truth = shingles(expected, n);
  const guess = shingles(extracted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...guess.keys()])) {
    const t = truth.get(key) ?? 0;
    const g = guess.get(key) ?? 0;
    tp += Math.min(t, g);
    fp += Math.max(0, g - t);
    fn += Math.max(0, t - g);
  }
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

// ── texts ────────────────────────────────────────────────────────────────────────────────────────────────

const BLOCK = /^(P|DIV|SECTION|ARTICLE|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|TABLE|TR|TD|TH|FIGURE|FIGCAPTION|HEADER|FOOTER|DT|DD|BR)$/;

/** The visible text of an HTML fragment, a line break at every block boundary. */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const visit = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1 || /^(SCRIPT|STYLE)$/.test(node.nodeName)) return;
    const block = BLOCK.test(node.nodeName);
    if (block) parts.push('\n');
    for (const child of Array.from(node.childNodes)) visit(child as typeof node);
    if (block) parts.push('\n');
  };
  visit(document.body as never);
  return parts.join('');
}

/** What the benchmark runs for Readability.js: `textContent` of its article. */
export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? '';
}

export function storydeskText(html: string): string {
  return extractArticle(html, PAGE_URL).article?.body ?? '';
}

// ── the pages ────────────────────────────────────────────────────────────────────────────────────────────

export interface PageScore {
  page: string;
  readability: Score;
  storydesk: Score;
}

export interface Summary {
  pages: PageScore[];
  /** Mean of the per-page F1s. */
  meanF1: { readability: number; storydesk: number };
  /** The benchmark's own aggregate: F1 of the mean precision and the mean recall. */
  benchmarkF1: { readability: number; storydesk: number };
}

export function scorePages(dir = READABILITY_FIXTURES): Summary {
  const names = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
  const pages = names.map((page): PageScore => {
    const source = readFileSync(path.join(dir, page, 'source.html'), 'utf8');
    const expected = htmlText(readFileSync(path.join(dir, page, 'expected.html'), 'utf8'));
    return { page, readability: shingleScore(expected, readabilityText(source)), storydesk: shingleScore(expected, storydeskText(source)) };
  });
  const mean = (pick: (p: PageScore) => number) => pages.reduce((sum, p) => sum + pick(p), 0) / Math.max(1, pages.length);
  const aggregate = (which: 'readability' | 'storydesk') => {
    const p = mean((s) => s[which].precision);
    const r = mean((s) => s[which].recall);
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  };
  return {
    pages,
    meanF1: { readability: mean((p) => p.readability.f1), storydesk: mean((p) => p.storydesk.f1) },
    benchmarkF1: { readability: aggregate('readability'), storydesk: aggregate('storydesk') },
  };
}

function printTable(summary: Summary): void {
  const f = (n: number) => n.toFixed(3);
  console.log(`${'page'.padEnd(16)} ${'readability P/R/F1'.padEnd(20)} storydesk P/R/F1`);
  for (const { page, readability: r, storydesk: s } of summary.pages) {
    console.log(`${page.padEnd(16)} ${f(r.precision)} ${f(r.recall)} ${f(r.f1)}  ${f(s.precision)} ${f(s.recall)} ${f(s.f1)}`);
  }
  console.log(`mean F1            readability ${f(summary.meanF1.readability)}   storydesk ${f(summary.meanF1.storydesk)}`);
  console.log(`benchmark F1       readability ${f(summary.benchmarkF1.readability)}   storydesk ${f(summary.benchmarkF1.storydesk)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dirIndex = args.indexOf('--dir');
  const summary = scorePages(dirIndex >= 0 && args[dirIndex + 1] ? path.resolve(args[dirIndex + 1]!) : READABILITY_FIXTURES);
  if (args.includes('--json')) console.log(JSON.stringify(summary));
  else printTable(summary);
}
