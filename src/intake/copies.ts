// Near-copies of an article already in the story: a wire story another outlet republished, the same article
// under an edited headline. Each body becomes a MinHash signature of its word shingles; LSH banding finds the
// few articles that could be copies without comparing against all of them, and the signatures' agreement
// estimates the Jaccard resemblance. Two outlets' own reports of one event share few 3-word shingles (< 0.3);
// a copy shares nearly all (≥ 0.8).

export interface CopyOptions {
  /** Words per shingle. Three: long enough that shared phrases of one event don't look alike. Default 3. */
  shingleWords: number;
  /** MinHash functions per signature; the estimate's standard error is √(s(1−s)/n), ±0.035 at s = 0.8. Default 128. */
  permutations: number;
  /** LSH bands (permutations / bands rows each). 32 × 4 finds a pair at 0.8 with probability 1 − 10⁻⁷. Default 32. */
  bands: number;
  /** Estimated resemblance at or above which a body is a copy. Default 0.8. */
  threshold: number;
}

export const copyDefaults: CopyOptions = { shingleWords: 3, permutations: 128, bands: 32, threshold: 0.8 };

export interface CopyMatch {
  /** The id the copied article was added under. */
  id: string;
  /** Estimated Jaccard resemblance of the two bodies' word shingles, 0..1. */
  similarity: number;
}

/** The articles of the story as MinHash signatures, searchable for near-copies. */
export class CopyIndex {
  readonly options: CopyOptions;
  private readonly seeds: Uint32Array;
  private readonly signatures = new Map<string, Uint32Array>();
  /** One map per band: the band's hash → ids whose signature has it. */
  private readonly buckets: Map<number, Set<string>>[];

  constructor(options: Partial<CopyOptions> = {}) {
    this.options = { ...copyDefaults, ...options };
    const { permutations, bands, threshold } = this.options;
    if (!Number.isInteger(bands) || bands < 1 || permutations % bands !== 0) {
      throw new Error(`CopyIndex: permutations (${permutations}) must be a multiple of bands (${bands})`);
    }
    if (!(threshold > 0 && threshold <= 1)) throw new Error(`CopyIndex: threshold must be in (0, 1]; got ${threshold}`);
    this.seeds = seedsFor(permutations);
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  get size(): number {
    return this.signatures.size;
  }

  has(id: string): boolean {
    return this.signatures.has(id);
  }

  /** Adds an article (or replaces the one with this id). A body without words is not indexed: nothing copies it. */
  add(id: string, body: string): void {
    this.remove(id);
    const signature = this.signature(body);
    if (!signature) return;
    this.signatures.set(id, signature);
    this.bandKeys(signature).forEach((key, band) => {
      const bucket = this.buckets[band]!;
      const ids = bucket.get(key) ?? new Set<string>();
      ids.add(id);
      bucket.set(key, ids);
    });
  }

  /** Removes an article; false when there was none with this id. */
  remove(id: string): boolean {
    const signature = this.signatures.get(id);
    if (!signature) return false;
    this.bandKeys(signature).forEach((key, band) => {
      const bucket = this.buckets[band]!;
      const ids = bucket.get(key);
      ids?.delete(id);
      if (ids?.size === 0) bucket.delete(key);
    });
    this.signatures.delete(id);
    return true;
  }

  /** The article `body` is a copy of (the most similar one at or above the threshold), or null. */
  findCopy(body: string): CopyMatch | null {
    const signature = this.signature(body);
    if (!signature) return null;
    let best: CopyMatch | null = null;
    for (const id of this.candidates(signature)) {
      const similarity = agreement(signature, this.signatures.get(id)!);
      if (similarity >= this.options.threshold && (!best || similarity > best.similarity || (similarity === best.similarity && id < best.id))) {
        best = { id, similarity };
      }
    }
    return best;
  }

  /** Estimated resemblance of two bodies, with this index's settings. */
  similarity(a: string, b: string): number {
    const [sa, sb] = [this.signature(a), this.signature(b)];
    return sa && sb ? agreement(sa, sb) : 0;
  }

  private candidates(signature: Uint32Array): Set<string> {
    const ids = new Set<string>();
    this.bandKeys(signature).forEach((key, band) => {
      for (const id of this.buckets[band]!.get(key) ?? []) ids.add(id);
    });
    return ids;
  }

  private bandKeys(signature: Uint32Array): number[] {
    const rows = this.options.permutations / this.options.bands;
    const keys: number[] = [];
    for (let band = 0; band < this.options.bands; band++) {
      let h = 0x811c9dc5 ^ band;
      for (let r = band * rows; r < (band + 1) * rows; r++) h = mix(h ^ signature[r]!);
      keys.push(h);
    }
    return keys;
  }

  /** The body's MinHash signature; null when it has no words. */
  private signature(body: string): Uint32Array | null {
    const shingles = shingleHashes(body, this.options.shingleWords);
    if (shingles.size === 0) return null;
    const signature = new Uint32Array(this.seeds.length).fill(0xffffffff);
    for (const shingle of shingles) {
      for (let i = 0; i < this.seeds.length; i++) {
        const h = mix(shingle ^ this.seeds[i]!);
        if (h < signature[i]!) signature[i] = h;
      }
    }
    return signature;
  }
}

/** The share of positions where two signatures agree: the MinHash estimate of their sets' Jaccard index. */
function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Lower-cased words (letters and digits), so punctuation, quotes and spacing don't tell copies apart. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct 32-bit hashes of the body's n-word shingles (the whole text as one shingle when it is shorter). */
function shingleHashes(body: string, n: number): Set<number> {
  const tokens = words(body).map(hashString);
  const hashes = new Set<number>();
  for (let i = 0; i + n <= tokens.length || (i === 0 && tokens.length > 0); i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(i + n, tokens.length); j++) h = mix(h ^ tokens[j]!);
    hashes.add(h);
  }
  return hashes;
}

/** FNV-1a over UTF-16 code units. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: a fast bijective mix of 32 bits (a different permutation per seed XORed in). */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fixed seeds (a small xorshift stream), so signatures are the same in every process. */
function seedsFor(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let x = 0x2545f491;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    seeds[i] = x >>> 0;
  }
  return seeds;
}
