// Compact JSON for the derived-data cache: each citation is stored as (article, paragraph, start, end) and
// restored as a slice of the article's body with one shared ArticleMeta per article, instead of repeating the
// article's id, title, outlet, date and URL and copying the excerpt for every quote and timeline citation.
import { articleMeta } from '../model/citation.js';
import type { Article, ArticleMeta, Citation } from '../model/types.js';

const MARK = '@cite';

function isCitation(value: unknown): value is Citation {
  const c = value as Partial<Citation> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.excerpt === 'string' && typeof c.paragraph === 'number' &&
    typeof c.article === 'object' && c.article !== null && typeof c.article.id === 'string'
  );
}

const sameMeta = (a: ArticleMeta, b: ArticleMeta) =>
  a.id === b.id && a.title === b.title && a.outlet === b.outlet && a.date === b.date && a.url === b.url;

/** `JSON.stringify(value)` with every citation of one of `articles` written as `{"@cite": [article, paragraph, start, end]}`. */
export function stringifyCompact(value: unknown, articles: readonly Article[]): string {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isCitation(v)) return v;
    const i = position.get(v.article.id);
    const article = i === undefined ? undefined : articles[i]!;
    if (!article || !sameMeta(articleMeta(article), v.article) || Object.keys(v).length !== 3) return v;
    const start = article.body.indexOf(v.excerpt);
    return start < 0 ? v : { [MARK]: [i, v.paragraph, start, start + v.excerpt.length] };
  });
}

/** Restores, in place, the citations of `value` (parsed JSON of `stringifyCompact` over the same articles, in the same order). */
export function restoreCitations<T>(value: T, articles: readonly Article[]): T {
  const metas = new Array<ArticleMeta | undefined>(articles.length);
  const restore = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = restore(v[i]);
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    const ref = o[MARK];
    if (ref !== undefined) {
      if (!Array.isArray(ref) || ref.length !== 4) throw new Error('malformed citation');
      const [i, paragraph, start, end] = ref as [number, number, number, number];
      const article = articles[i];
      if (!article || !(start >= 0 && start <= end && end <= article.body.length)) throw new Error('a citation outside its article');
      const meta = (metas[i] ??= articleMeta(article));
      return { article: meta, paragraph, excerpt: article.body.slice(start, end) } satisfies Citation;
    }
    for (const key of Object.keys(o)) o[key] = restore(o[key]);
    return o;
  };
  return restore(value) as T;
}
