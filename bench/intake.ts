// Intake figures (issue 17): the near-copy check against a story of 5,000 articles (target ≤ 20 ms), and
// article extraction per page over the Readability fixture pages.
//   npx tsx bench/intake.ts [--articles N] [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CopyIndex } from '../src/intake/copies.js';
import { extractArticle } from '../src/intake/extract.js';
import { readBrown } from './brown.js';
import { summarize, type Summary } from './stats.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = path.join(REPO, 'test/fixtures/intake/readability');
const COPY_CHECK_TARGET_MS = 20;

export interface IntakeFigures {
  copyCheck: { articles: number; buildMs: number; copies: Summary; fresh: Summary; found: number; falsePositives: number };
  extraction: { pages: number; perPage: Summary };
}

/**
 * Bodies of 16–24 sentences drawn at random (seeded) from the whole Brown Corpus: distinct articles of real prose
 * however many are asked for (cutting the corpus in order repeats it after ~2,800 articles, and repeats are copies).
 */
function storyBodies(count: number): string[] {
  const sentences = readBrown().flatMap((text) => text.paragraphs.flatMap((p) => p.sentences));
  let x = 0x1234567;
  const random = (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  return Array.from({ length: count }, () => {
    const picked = Array.from({ length: 16 + random(9) }, () => sentences[random(sentences.length)]!);
    const paragraphs: string[] = [];
    for (let i = 0; i < picked.length; i += 3) paragraphs.push(picked.slice(i, i + 3).join(' '));
    return paragraphs.join('\n\n');
  });
}

/** A republished copy: the same body under another site's dateline and sign-off. */
function wireCopy(body: string): string {
  return ['(Wire) —', body, 'Copyright the wire service. All rights reserved.'].join('\n\n');
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

export function measureCopyCheck(articles: number): IntakeFigures['copyCheck'] {
  const bodies = storyBodies(articles + 200);
  const story = bodies.slice(0, articles);
  const outside = bodies.slice(articles);
  const index = new CopyIndex();
  const [, buildMs] = time(() => story.forEach((body, i) => index.add(`a${i}`, body)));
  const copies: number[] = [];
  const fresh: number[] = [];
  let found = 0;
  let falsePositives = 0;
  for (let i = 0; i < 20; i++) index.findCopy(outside[i]!); // warm-up
  for (let i = 0; i < 200; i++) {
    const [match, ms] = time(() => index.findCopy(wireCopy(story[(i * 37) % story.length]!)));
    copies.push(ms);
    if (match?.id === `a${(i * 37) % story.length}`) found++;
    const [none, freshMs] = time(() => index.findCopy(outside[i]!));
    fresh.push(freshMs);
    if (none) falsePositives++;
  }
  return { articles, buildMs, copies: summarize(copies), fresh: summarize(fresh), found, falsePositives };
}

export function measureExtraction(): IntakeFigures['extraction'] {
  const pages = readdirSync(PAGES).filter((name) => statSync(path.join(PAGES, name)).isDirectory());
  const sources = pages.map((page) => readFileSync(path.join(PAGES, page, 'source.html'), 'utf8'));
  sources.slice(0, 3).forEach((html) => extractArticle(html, 'http://fakehost/test/page.html')); // warm-up
  const perPage = sources.map((html) => time(() => extractArticle(html, 'http://fakehost/test/page.html'))[1]);
  return { pages: pages.length, perPage: summarize(perPage) };
}

function main(): void {
  const args = process.argv.slice(2);
  const n = args.includes('--articles') ? Number(args[args.indexOf('--articles') + 1]) : 5000;
  if (!(n > 0)) throw new Error(`bench/intake: --articles takes a positive number; got ${args[args.indexOf('--articles') + 1]}`);
  const figures: IntakeFigures = { copyCheck: measureCopyCheck(n), extraction: measureExtraction() };
  if (args.includes('--json')) {
    console.log(JSON.stringify(figures));
    return;
  }
  const { copyCheck: c, extraction: e } = figures;
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`copy check, ${c.articles} articles (index built in ${ms(c.buildMs)}):`);
  console.log(`  a copy:       p50 ${ms(c.copies.p50)}  p99 ${ms(c.copies.p99)}  max ${ms(c.copies.max)}  (found ${c.found}/${c.copies.n})`);
  console.log(`  a new story:  p50 ${ms(c.fresh.p50)}  p99 ${ms(c.fresh.p99)}  max ${ms(c.fresh.max)}  (false copies ${c.falsePositives}/${c.fresh.n})`);
  const worst = Math.max(c.copies.p99, c.fresh.p99);
  console.log(`  target ≤ ${COPY_CHECK_TARGET_MS} ms at p99: ${worst <= COPY_CHECK_TARGET_MS ? 'met' : 'MISSED'}`);
  console.log(`extraction, ${e.pages} pages: p50 ${ms(e.perPage.p50)}  p99 ${ms(e.perPage.p99)}  mean ${ms(e.perPage.mean)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
