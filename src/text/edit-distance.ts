// The edit distance of two words (Levenshtein), bounded: how far a name typed with typos is from one the articles
// write.

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The Levenshtein distance of two words when it is at most `max`; else a number above `max` (`max + 1` as soon as it
 * must exceed it). Reuses two rows: lookups call it a lot.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) [rowA, rowB] = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let prev = rowA;
  let row = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}
