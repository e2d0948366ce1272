import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedMemo, partitionPoint, pushTo, weakMemo } from '../../src/util/collections.js';

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

  it('boundedMemo computes once per key while the key is among the recently used, including a falsy result', () => {
    const computed: string[] = [];
    const f = boundedMemo((k: string) => (computed.push(k), k === 'none' ? undefined : k.length), 100);
    expect([f('a'), f('bb'), f('a'), f('none'), f('none')]).toEqual([1, 2, 1, undefined, undefined]);
    expect(computed).toEqual(['a', 'bb', 'none']);
  });

  it('boundedMemo forgets the keys not used since the memo last filled, and keeps the ones used again', () => {
    const computed: string[] = [];
    const f = boundedMemo((k: string) => (computed.push(k), k.toUpperCase()), 4);
    for (const k of ['a', 'b', 'c', 'a', 'b', 'a']) f(k);
    // Two generations of two keys: "a" and "b" filled the first; "c" and "a" (used again) the second, which
    // forgot "b"; "a" is still there.
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('boundedMemo never holds more than its bound, however many keys it sees', () => {
    let calls = 0;
    const f = boundedMemo((k: number) => (calls++, k * 2), 10);
    for (let i = 0; i < 1000; i++) f(i);
    calls = 0;
    // A second pass over 1000 keys finds none of them: a memo of 10 keeps only the last ones seen ...
    for (let i = 0; i < 1000; i++) f(i);
    expect(calls).toBe(1000);
    // ... which are there: the last five (a generation) cost nothing more.
    for (let i = 995; i < 1000; i++) expect(f(i)).toBe(i * 2);
    expect(calls).toBe(1000);
  });
});
