// The parts of MiniSearch's private state that the index cache (search.ts) and the scorer (scorer.ts) read and
// write. They are not MiniSearch's public API, so minisearch is pinned to an exact version in package.json.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

/** Document short id → term frequency, for one term in one field. */
export type Postings = Map<number, number>;
/** Field id → postings, for one term. */
export type FieldPostings = Map<number, Postings>;

export interface MiniSearchInternals {
  /** The radix tree of terms. */
  _index: Iterable<[string, FieldPostings]> & {
    get(term: string): FieldPostings | undefined;
    set(term: string, data: FieldPostings): unknown;
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _options: {
    fields: string[];
    tokenize: (text: string, field?: string) => string[];
    processTerm: (term: string, field?: string) => string | string[] | null | undefined | false;
    searchOptions: SearchOptions & { weights: { fuzzy: number; prefix: number }; maxFuzzy: number; bm25: { k: number; b: number; d: number } };
  };
  removeTerm(fieldId: number, docId: number, term: string): void;
}

export function internals<T>(index: MiniSearch<T>): MiniSearchInternals {
  return index as unknown as MiniSearchInternals;
}
