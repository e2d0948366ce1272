// Citations: an excerpt (a verbatim slice of the article body) with what a reader needs to find it.
import type { Article, ArticleMeta, Citation } from './types.js';

/** Article order (the story's reading order): by date, then id. Works on articles and on their citation metadata. */
export function articleOrder(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
}

export function articleMeta(article: Article): ArticleMeta {
  const meta: ArticleMeta = { id: article.id, title: article.title, outlet: article.outlet, date: article.date, url: article.url };
  // Only when there are copies: the JSON of every other citation stays as it was.
  if (article.also?.length) meta.also = article.also;
  return meta;
}

/** The paragraph (1-based) holding the character at `offset` of the article body. */
export function paragraphAt(article: Article, offset: number): number {
  const ps = article.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offset < ps[mid]!.end + 2) hi = mid;
    else lo = mid + 1;
  }
  return ps[lo]?.number ?? 1;
}

/** Cites `body.slice(start, end)`: the excerpt is always verbatim. */
export function cite(article: Article, start: number, end: number): Citation {
  return { article: articleMeta(article), paragraph: paragraphAt(article, start), excerpt: article.body.slice(start, end) };
}
