// Retrieval: the candidates of a question, found in the passage index and scored, best first.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { termOf } from '../text/terms.js';
import { supported, topK } from '../index/scorer.js';
import { MAX_EXPANDED_TERM, searchOptions, type IndexedDoc } from '../index/search.js';
import { evaluate, type Scored } from './candidates.js';
import type { AskContext } from './context.js';
import type { Question } from './question.js';
import type { AskOptions } from './tuning.js';

/**
 * At most this many of the question's own terms retrieve candidates, the rarest (a question's terms are rarely more
 * than a dozen): the scorer takes at most 31 distinct terms, and a question of 60 unknown words would otherwise cost
 * 60 typo searches of the whole vocabulary (issue 14's hostile input, ~200 ms at 100k passages).
 */
export const MAX_QUERY_TERMS = 20;
/** Synonyms that join the retrieval query, at most (20 + 11 = 31, the scorer's limit). */
const MAX_SYNONYM_TERMS = 11;

/** The `limit` rarest of `terms` the articles use, then terms they never use (only a typo match can find those), in their order. */
function rarest(ctx: AskContext, terms: string[], limit: number): string[] {
  if (new Set(terms).size <= limit) return terms;
  const rank = (t: string) => ctx.stats.frequency(t) || Number.POSITIVE_INFINITY;
  const kept = new Set([...new Set(terms)].sort((a, b) => rank(a) - rank(b)).slice(0, limit));
  return terms.filter((t) => kept.has(t));
}

/**
 * The terms to retrieve candidates with. MiniSearch scores every passage a term matches, so a term found in a
 * large share of sentences costs much and discriminates little: it is left to the reranking, unless the question
 * has nothing rarer. Fuzzy matching is kept for terms the articles never use (typos).
 */
export function retrievalQuery(ctx: AskContext, q: Question, opts: AskOptions): { query: string; options: SearchOptions } {
  const common = Math.max(200, 0.03 * ctx.stats.sentences);
  const all = q.terms.map((t) => t.term);
  const rare = all.filter((t) => ctx.stats.frequency(t) <= common);
  // Synonyms only rerank: searching with them too finds no answer the question's own words miss, and costs time.
  const synonyms = new Set(q.terms.flatMap((t) => (opts.retrieveFamily ? [...t.family, ...t.partOf] : [])).filter((t) => ctx.stats.frequency(t) <= common));
  for (const t of all) synonyms.delete(t);
  const query = [...rarest(ctx, rare.length > 0 ? rare : all, MAX_QUERY_TERMS), ...[...synonyms].slice(0, MAX_SYNONYM_TERMS)].join(' ');
  // Words of a family or a synonym are looked up as they are: expanding them by prefix costs much on a large corpus.
  const extra = new Set([...synonyms].map((t) => termOf(t) ?? t));
  const base = searchOptions.prefix;
  const prefix = (term: string) => (typeof base === 'function' ? base(term, 0, []) : Boolean(base));
  return {
    query,
    options: {
      ...searchOptions,
      // The query is made of index terms already: processing them again would stem a term kept whole ("mois", from
      // "MOIS") into one the index doesn't have ("moi").
      tokenize: (text: string) => text.split(' ').filter(Boolean),
      processTerm: (term: string) => term,
      prefix: (term: string) => !extra.has(term) && prefix(term),
      fuzzy: (term: string) => (term.length >= 5 && term.length <= MAX_EXPANDED_TERM && !ctx.stats.has(term) && !extra.has(term) ? 0.2 : false),
      boostTerm: (term: string) => (extra.has(term) ? 0.4 : 1),
    },
  };
}

/**
 * `index.search(query, options).slice(0, k)`, with the same scores and order, without building a result object
 * for every match and sorting them all: MiniSearch has no top-k, and on a large corpus a question's terms match
 * thousands of passages of which only the best `k` are reranked (see scorer.ts).
 */
export function topHits(index: MiniSearch<IndexedDoc>, query: string, options: SearchOptions, k: number): { id: string; score: number }[] {
  return (supported(index) ? topK(index, query, options, k) : null) ?? index.search(query, options).slice(0, k).map((r) => ({ id: String(r.id), score: r.score }));
}

/** The question's candidates: retrieved from the index with its rarer terms, then scored and sorted, best first. */
export function rank(ctx: AskContext, q: Question, opts: AskOptions): Scored[] {
  if (q.terms.length === 0) return [];
  const retrieval = retrievalQuery(ctx, q, opts);
  const hits = topHits(ctx.index, retrieval.query, retrieval.options, opts.candidates);
  const topScore = hits[0]?.score ?? 1;
  const scored: Scored[] = [];
  for (const hit of hits) {
    const passage = ctx.passages.get(String(hit.id));
    if (passage) scored.push(evaluate(ctx, q, passage, hit.score / topScore, opts));
  }
  return scored.sort((a, b) => b.score - a.score);
}
