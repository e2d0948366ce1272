// What every table's code is given: SQL on one back end, this process's host id (for digest claims and leases),
// and signals between hosts (Postgres LISTEN/NOTIFY; within one process for SQLite).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Sql } from './sql.js';

/** Channels hosts signal each other on; the payload is a short string (an article's path, a card's id). */
export type SignalChannel = 'storydesk_articles' | 'storydesk_cards';

export type SignalHandler = (payload: string) => void;

export interface Signals {
  /** Sends `payload` to every subscriber on every host, this one included. */
  notify(channel: SignalChannel, payload: string): Promise<void>;
  /** Calls `handler` for each signal; returns the unsubscribe. */
  subscribe(channel: SignalChannel, handler: SignalHandler): () => void;
  /** Called after a lost connection to the signals is back: whatever was missed meanwhile must be caught up. */
  onReconnect(handler: () => void): () => void;
}

export interface Store extends Sql {
  /** The file's path, or the Postgres URL without its password: for messages. */
  readonly where: string;
  /** Names this process in claims and leases; unique per process start. */
  readonly hostId: string;
  readonly signals: Signals;
  close(): Promise<void>;
}

export function newHostId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Signals within this process only (SQLite: one host). */
export class LocalSignals implements Signals {
  private readonly handlers = new Map<SignalChannel, Set<SignalHandler>>();

  notify(channel: SignalChannel, payload: string): Promise<void> {
    for (const handler of [...(this.handlers.get(channel) ?? [])]) queueMicrotask(() => handler(payload));
    return Promise.resolve();
  }

  subscribe(channel: SignalChannel, handler: SignalHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onReconnect(): () => void {
    return () => {};
  }
}
