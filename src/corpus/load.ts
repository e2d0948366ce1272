// A folder of article files → the articles that are valid, and a problem report for the rest.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ARTICLE_BYTES, parseArticle } from './parse.js';
import type { Article, CorpusProblem } from '../engine/types.js';

export interface Corpus {
  dir: string;
  articles: Article[];
  problems: CorpusProblem[];
}

/** Article files are Markdown; dot-files, underscore-files and README files are not articles. */
export function isArticleFile(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.') && !name.startsWith('_') && !/^readme\./i.test(name);
}

export async function loadCorpus(dir: string): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isArticleFile).sort();
  } catch (error) {
    throw new Error(`storydesk: cannot read the corpus folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    if (info.size > MAX_ARTICLE_BYTES) {
      problems.push({ file: name, field: 'size', message: `file is ${info.size} bytes; expected at most ${MAX_ARTICLE_BYTES} (1 MB)` });
      continue;
    }
    const result = parseArticle(name, await readFile(file));
    if (result.ok) articles.push(result.article);
    else problems.push(...result.problems);
  }
  return { dir, ...dropDuplicates(articles, problems) };
}

/** Two files with the same title and date are one article twice: the first (by file name) is kept. */
export function dropDuplicates(articles: Article[], problems: CorpusProblem[] = []): { articles: Article[]; problems: CorpusProblem[] } {
  const seen = new Map<string, string>();
  const kept: Article[] = [];
  const all = [...problems];
  for (const article of articles) {
    const key = `${article.title.trim().toLowerCase()}\u0000${article.date}`;
    const first = seen.get(key);
    if (first) {
      all.push({
        file: article.id,
        field: 'title',
        message: `same title and date as ${first}; expected each article once (this file is skipped)`,
      });
      continue;
    }
    seen.set(key, article.id);
    kept.push(article);
  }
  return { articles: kept, problems: all };
}

export function formatProblem(problem: CorpusProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
