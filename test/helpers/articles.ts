// Build articles in tests exactly as the corpus loader would, without touching the disk.
import { buildArticle, reflow } from '../../src/corpus/parse.js';
import type { Article } from '../../src/model/types.js';

export interface ArticleInput {
  id?: string;
  title?: string;
  date?: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** Paragraphs separated by blank lines, as in a corpus file. */
  body: string;
}

export function makeArticle(input: ArticleInput): Article {
  return buildArticle(
    input.id ?? 'fixture.md',
    {
      title: input.title ?? 'A fixture article',
      date: input.date ?? '2024-03-15',
      outlet: input.outlet ?? 'The Fixture Times',
      author: input.author,
      url: input.url ?? 'https://example.com/fixture',
    },
    reflow(input.body),
  );
}
