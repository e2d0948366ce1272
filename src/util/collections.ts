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
