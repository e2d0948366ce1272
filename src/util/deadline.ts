// Waiting for something that may hang (a database gone silent) without letting it hold up a reply: the outcome if it
// settles within `ms`, else 'timeout' while it goes on in the background (its late rejection is swallowed).

export type Settled<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
    timer.unref();
  });
  const settled = promise.then(
    (value): Settled<T> => ({ kind: 'value', value }),
    (error: unknown): Settled<T> => ({ kind: 'error', error }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
