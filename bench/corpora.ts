// Benchmark corpora: the seed articles, and Brown Corpus text cut into news-length articles of ~20 passages,
// repeated under new dates and titles until the corpus holds ~1k, ~10k or ~100k passages. Deterministic (seeded).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { splitSentences } from '../src/text/sentences.js';
import { readBrown, type BrownParagraph, type BrownText } from './brown.js';
import { pick, randomInt, seededRandom, type Random } from './random.js';

export const SIZE_NAMES = ['seeds', '1k', '10k', '100k'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

/** Passages (sentences, as the loader splits them) each generated corpus should hold; the seeds are as they are. */
export const SIZE_TARGETS: Record<SizeName, number | null> = { seeds: null, '1k': 1_000, '10k': 10_000, '100k': 100_000 };

/** Bump when generation changes: cached corpora in `bench/.corpora` are then regenerated. */
export const GENERATOR_VERSION = 1;
export const SEED = 20240601;
/** Articles kept aside (not in the corpus) to measure adding one article to a built index. */
export const EXTRA_ARTICLES = 5;

const OUTLETS = ['The Providence Ledger', 'Capitol Wire', 'The Evening Courier', 'Harbor Times', 'The Daily Register'];
const FIRST_DATE = Date.UTC(2010, 0, 4);
const DAY_MS = 86_400_000;

export interface GeneratedArticle {
  file: string;
  text: string;
  /** Sentences as the loader's splitter counts them. */
  sentences: number;
}

export interface BenchCorpus {
  size: SizeName;
  /** The folder of article files Story.load reads. */
  dir: string;
  /** Articles not in the corpus, for the upsert measurement. */
  extraDir: string;
  /** Passages counted at generation (null for the seeds: counted at load). */
  sentences: number | null;
  articles: number | null;
}

function countSentences(paragraph: BrownParagraph): number {
  return splitSentences(paragraph.sentences.join(' ')).length;
}

function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** A headline-like title from a sentence's first words, without quote marks or trailing punctuation. */
function titleFromSentence(random: Random, sentence: string): string {
  const wordsOf = sentence.replace(/[“”‘’"()[\]]/g, '').split(/\s+/).filter((w) => w.length > 0);
  const title = wordsOf.slice(0, randomInt(random, 6, 10)).join(' ').replace(/[\s,;:—.!?-]+$/, '');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function cleanHeadline(headline: string): string {
  const t = headline.replace(/[“”"]/g, '').replace(/[\s,;:—.-]+$/, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A paragraph of more than 12 sentences (dialogue, verse) is cut so an article stays news-length. */
function splitLong(paragraph: BrownParagraph): BrownParagraph[] {
  const parts: BrownParagraph[] = [];
  for (let i = 0; i < paragraph.sentences.length; i += 12) {
    parts.push({ headline: i === 0 ? paragraph.headline : null, sentences: paragraph.sentences.slice(i, i + 12) });
  }
  return parts;
}

/** An endless stream of articles: Brown samples in order, cut into chunks of 16–24 sentences; then again. */
export function* articleStream(texts: BrownText[], seed: number = SEED): Generator<GeneratedArticle> {
  const random = seededRandom(seed);
  const used = new Set<string>();
  let day = FIRST_DATE;
  let n = 0;
  for (let pass = 0; ; pass++) {
    for (const text of texts) {
      let chunk: BrownParagraph[] = [];
      let count = 0;
      let target = randomInt(random, 16, 24);
      const emit = (): GeneratedArticle => {
        day += randomInt(random, 0, 2) * DAY_MS;
        const date = new Date(day).toISOString().slice(0, 10);
        const headline = pass === 0 ? chunk[0]!.headline : null;
        const sentences = chunk.flatMap((p) => p.sentences);
        const source = pass === 0 ? sentences[0]! : pick(random, sentences);
        let title = headline ? cleanHeadline(headline) : titleFromSentence(random, source);
        if (title.length < 3 || used.has(`${title}\0${date}`)) title = `${title} (${n + 1})`;
        used.add(`${title}\0${date}`);
        n++;
        const slug = slugOf(title) || 'article';
        const article = {
          file: `${date}-${String(n).padStart(5, '0')}-${slug}.md`,
          text: articleFile(title, date, pick(random, OUTLETS), `https://news.example.org/${date.slice(0, 4)}/${slug}-${n}`, chunk),
          sentences: count,
        };
        chunk = [];
        count = 0;
        target = randomInt(random, 16, 24);
        return article;
      };
      for (const paragraph of text.paragraphs.flatMap(splitLong)) {
        chunk.push(paragraph);
        count += countSentences(paragraph);
        if (count >= target) yield emit();
      }
      // A sample's tail too short for an article is dropped rather than glued to another sample.
      if (count >= 8) yield emit();
    }
  }
}

function articleFile(title: string, date: string, outlet: string, url: string, paragraphs: BrownParagraph[]): string {
  const body = paragraphs.map((p) => p.sentences.join(' ')).join('\n\n');
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\noutlet: ${outlet}\nurl: ${url}\n---\n\n${body}\n`;
}

/** Articles until they hold `target` passages, plus the next few kept aside. */
export function generateCorpus(target: number, texts: BrownText[] = readBrown()): { articles: GeneratedArticle[]; extras: GeneratedArticle[] } {
  const articles: GeneratedArticle[] = [];
  const extras: GeneratedArticle[] = [];
  let total = 0;
  for (const article of articleStream(texts)) {
    if (total < target) {
      articles.push(article);
      total += article.sentences;
    } else {
      extras.push(article);
      if (extras.length >= EXTRA_ARTICLES) break;
    }
  }
  return { articles, extras };
}

interface Manifest {
  version: number;
  seed: number;
  target: number;
  articles: number;
  sentences: number;
}

async function writeArticles(dir: string, articles: GeneratedArticle[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const a of articles) await writeFile(path.join(dir, a.file), a.text);
}

/**
 * The corpus for one size, generated under `root` unless an identical one (same generator version and seed)
 * is already there. The manifest is written last, so an interrupted generation is redone.
 */
export async function ensureCorpus(size: SizeName, root: string, seedsDir: string): Promise<BenchCorpus> {
  const target = SIZE_TARGETS[size];
  const extraDir = path.join(root, `${size}-extra`);
  if (target === null) {
    // The seeds are served as they are; the articles kept aside are the first generated ones.
    const marker = path.join(extraDir, '.manifest.json');
    const version = await readFile(marker, 'utf8')
      .then((t) => (JSON.parse(t) as { version?: number }).version)
      .catch(() => null);
    if (version !== GENERATOR_VERSION) {
      await writeArticles(extraDir, generateCorpus(0).extras);
      await writeFile(marker, JSON.stringify({ version: GENERATOR_VERSION }));
    }
    return { size, dir: seedsDir, extraDir, sentences: null, articles: null };
  }
  const dir = path.join(root, size);
  const manifestFile = path.join(dir, '.manifest.json');
  const existing = await readFile(manifestFile, 'utf8')
    .then((t) => JSON.parse(t) as Manifest)
    .catch(() => null);
  if (existing && existing.version === GENERATOR_VERSION && existing.seed === SEED && existing.target === target) {
    return { size, dir, extraDir, sentences: existing.sentences, articles: existing.articles };
  }
  const { articles, extras } = generateCorpus(target);
  await writeArticles(dir, articles);
  await writeArticles(extraDir, extras);
  const sentences = articles.reduce((sum, a) => sum + a.sentences, 0);
  const manifest: Manifest = { version: GENERATOR_VERSION, seed: SEED, target, articles: articles.length, sentences };
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
  return { size, dir, extraDir, sentences, articles: articles.length };
}
