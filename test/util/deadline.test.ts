import { describe, expect, it } from 'vitest';
import { settleWithin } from '../../src/util/deadline.js';

describe('settleWithin', () => {
  it('gives the value or the error of a promise that settles in time', async () => {
    expect(await settleWithin(Promise.resolve(7), 50)).toEqual({ kind: 'value', value: 7 });
    const error = new Error('refused');
    expect(await settleWithin(Promise.reject(error), 50)).toEqual({ kind: 'error', error });
  });

  it('gives up on one that does not, without an unhandled rejection when it fails later', async () => {
    let reject!: (e: Error) => void;
    const late = new Promise<number>((_, r) => (reject = r));
    const started = Date.now();
    expect(await settleWithin(late, 30)).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    reject(new Error('too late'));
    await new Promise((r) => setTimeout(r, 10));
  });
});
