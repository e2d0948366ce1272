// Small collection helpers the engine's modules share.

/** Appends `value` to the key's list, creating the list. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `compute`, remembered per object (weakly: an object no longer used takes its value with it). For values derived
 * from immutable objects (an article, a citation, a timeline array) that several calls need.
 */
export function weakMemo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key)!;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}

/**
 * `compute`, remembered for the keys used most recently: at most `max` of them, so a memo over the words of every
 * text ever seen keeps a process's memory bounded. The keys are kept in two generations: a key used again moves to
 * the newer one; when the newer generation holds `max / 2` keys it becomes the older, and the keys of the old older
 * one (not used since it filled) are forgotten. So a hit costs one lookup, with none of the bookkeeping of an exact
 * least-recently-used list. For a `compute` that is a function of its key (a word's key, its search term).
 */
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const half = Math.max(1, Math.floor(max / 2));
  let newer = new Map<K, V>();
  let older = new Map<K, V>();
  return (key) => {
    const hit = newer.get(key);
    if (hit !== undefined || newer.has(key)) return hit as V;
    const value = older.has(key) ? (older.get(key) as V) : compute(key);
    newer.set(key, value);
    if (newer.size >= half) {
      older = newer;
      newer = new Map();
    }
    return value;
  };
}

/** The first index in [0, length) for which `before(i)` is false, `before` being true then false along the range. */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
