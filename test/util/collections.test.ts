import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPoint, pushTo, weakMemo } from '../../src/util/collections.js';

describe('collections', () => {
  it('partitionPoint finds the first index past the ones before, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -1, max: 51 }), (values, x) => {
        const sorted = [...values].sort((a, b) => a - b);
        const scan = sorted.findIndex((v) => !(v <= x));
        expect(partitionPoint(sorted.length, (i) => sorted[i]! <= x)).toBe(scan < 0 ? sorted.length : scan);
      }),
    );
  });

  it('weakMemo computes once per object, including a falsy result', () => {
    let calls = 0;
    const f = weakMemo((o: { n: number }) => (calls++, o.n));
    const zero = { n: 0 };
    expect([f(zero), f(zero), f({ n: 2 })]).toEqual([0, 0, 2]);
    expect(calls).toBe(2);
  });

  it('pushTo appends to the key’s list', () => {
    const m = new Map<string, number[]>();
    pushTo(m, 'a', 1);
    pushTo(m, 'a', 2);
    pushTo(m, 'b', 3);
    expect([...m]).toEqual([['a', [1, 2]], ['b', [3]]]);
  });
});
