// MiniSearch's own query scoring (BM25+, prefix and fuzzy expansions, OR combination, the "quality" factor of
// search()), done into flat arrays instead of a result object, a terms array and a match object per matching
// passage. Same scores, bit for bit, and the same order (test/engine/top-hits.test.ts compares it to
// `index.search`): on a large corpus a question matches thousands of passages and those allocations were most of
// its cost. It reads MiniSearch's internal index, so minisearch is pinned in package.json.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { internals, type FieldPostings, type MiniSearchInternals } from './minisearch-internals.js';

/** Arrays by short id, reused from query to query (zeroed again where a query wrote). */
class Workspace {
  total = new Float64Array(0);
  partial = new Float64Array(0);
  seen = new Uint8Array(0);
  inTerm = new Uint8Array(0);
  matched = new Uint32Array(0);

  ensure(size: number): void {
    if (this.total.length >= size) return;
    const n = Math.max(size, Math.ceil(this.total.length * 1.5));
    this.total = new Float64Array(n);
    this.partial = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.inTerm = new Uint8Array(n);
    this.matched = new Uint32Array(n);
  }
}

const workspace = new Workspace();

/** Can this MiniSearch instance be scored here? (the internals this module reads are there) */
export function supported<T>(index: MiniSearch<T>): boolean {
  const ix: Partial<MiniSearchInternals> = internals(index);
  return (
    ix._index !== undefined &&
    typeof ix._index.atPrefix === 'function' &&
    typeof ix._index.fuzzyGet === 'function' &&
    ix._documentIds instanceof Map &&
    ix._fieldLength instanceof Map &&
    typeof ix.removeTerm === 'function' &&
    typeof ix._options?.searchOptions?.bm25 === 'object'
  );
}

/**
 * `index.search(query, options).slice(0, k)` as ids and scores: the OR query scored exactly as MiniSearch scores it,
 * only the best `k` sorted (ties in MiniSearch's order). Null when the query has more than 31 distinct terms (the
 * caller then asks MiniSearch).
 */
export function topK<T>(index: MiniSearch<T>, query: string, options: SearchOptions, k: number): { id: string; score: number }[] | null {
  const ix = internals(index);
  const opts = { ...ix._options.searchOptions, ...options };
  const tokenize = opts.tokenize ?? ix._options.tokenize;
  const processTerm = opts.processTerm ?? ix._options.processTerm;
  const terms = tokenize(query)
    .flatMap((t) => processTerm(t))
    .filter((t): t is string => !!t);
  const fields = opts.fields ?? ix._options.fields;
  const bm25 = opts.bm25;
  const weights: { fuzzy?: number; prefix?: number } = opts.weights ?? {};
  const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { fuzzy: 0.45, prefix: 0.375, ...weights };
  const distinct = new Map<string, number>();
  for (const t of terms) if (!distinct.has(t)) distinct.set(t, distinct.size);
  if (distinct.size > 31) return null;
  workspace.ensure(ix._nextId);
  const { total, partial, seen, inTerm } = workspace;
  /** Distinct query terms matched per document (a bit per distinct term). */
  const matched = workspace.matched;
  const order: number[] = [];

  terms.forEach((term, i) => {
    const bit = 1 << distinct.get(term)!;
    const fuzzy = typeof opts.fuzzy === 'function' ? opts.fuzzy(term, i, terms) : opts.fuzzy || false;
    const prefix = typeof opts.prefix === 'function' ? opts.prefix(term, i, terms) : opts.prefix === true;
    const termBoost = typeof opts.boostTerm === 'function' ? opts.boostTerm(term, i, terms) : 1;
    const touched: number[] = [];
    const add = (derived: string, weight: number, data: FieldPostings | undefined) => {
      if (data === undefined) return;
      for (const field of fields) {
        const fieldBoost = (opts.boost as Record<string, number> | undefined)?.[field] || 1;
        const fieldId = ix._fieldIds[field]!;
        const postings = data.get(fieldId);
        if (postings === undefined) continue;
        let matchingFields = postings.size;
        const avgFieldLength = ix._avgFieldLength[fieldId]!;
        for (const docId of postings.keys()) {
          if (!ix._documentIds.has(docId)) {
            ix.removeTerm(fieldId, docId, derived);
            matchingFields -= 1;
            continue;
          }
          const termFreq = postings.get(docId)!;
          const fieldLength = ix._fieldLength.get(docId)![fieldId]!;
          const invDocFreq = Math.log(1 + (ix._documentCount - matchingFields + 0.5) / (matchingFields + 0.5));
          const raw = invDocFreq * (bm25.d + (termFreq * (bm25.k + 1)) / (termFreq + bm25.k * (1 - bm25.b + (bm25.b * fieldLength) / avgFieldLength)));
          const weighted = weight * termBoost * fieldBoost * 1 * raw;
          if (inTerm[docId]) partial[docId] = partial[docId]! + weighted;
          else {
            inTerm[docId] = 1;
            partial[docId] = weighted;
            touched.push(docId);
          }
        }
      }
    };
    add(term, 1, ix._index.get(term));
    let fuzzyMatches: Map<string, [FieldPostings, number]> | undefined;
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = f < 1 ? Math.min(opts.maxFuzzy, Math.round(term.length * f)) : f;
      if (maxDistance) fuzzyMatches = ix._index.fuzzyGet(term, maxDistance);
    }
    if (prefix) {
      for (const [derived, data] of ix._index.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(derived);
        add(derived, (prefixWeight * derived.length) / (derived.length + 0.3 * distance), data);
      }
    }
    if (fuzzyMatches) {
      for (const derived of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(derived)!;
        if (!distance) continue;
        add(derived, (fuzzyWeight * derived.length) / (derived.length + distance), data);
      }
    }
    // OR: the term's scores join the running total in the order MiniSearch's maps would hold them.
    for (const docId of touched) {
      inTerm[docId] = 0;
      if (seen[docId]) total[docId] = total[docId]! + partial[docId]!;
      else {
        seen[docId] = 1;
        total[docId] = partial[docId]!;
        order.push(docId);
      }
      matched[docId] = matched[docId]! | bit;
    }
  });
  const scores = order.map((docId) => total[docId]! * (popcount(matched[docId]!) || 1));
  for (const docId of order) {
    total[docId] = 0;
    seen[docId] = 0;
    matched[docId] = 0;
  }
  let threshold = -Infinity;
  if (scores.length > k) threshold = Float64Array.from(scores).sort()[scores.length - k]!;
  const picked: { id: string; score: number }[] = [];
  for (let i = 0; i < order.length; i++) {
    if (scores[i]! >= threshold) picked.push({ id: ix._documentIds.get(order[i]!)!, score: scores[i]! });
  }
  // Array.prototype.sort is stable: ties keep MiniSearch's order, as its own sort does.
  return picked.sort((a, b) => b.score - a.score).slice(0, k);
}

function popcount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
