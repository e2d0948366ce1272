// Conversations in memory: each asker's last question and answer, so that the next question can follow on from it
// ("where did he say it?"). Small and bounded: one exchange per key, the least recently used dropped past `max`
// keys, and an exchange forgotten `ttlMs` after it was made. Nothing is written anywhere.
import type { Exchange } from '../ask/follow-up.js';

export interface ConversationOptions {
  /** How long an exchange can be followed on from. Default: 5 minutes. */
  ttlMs?: number;
  /** Conversations kept at most; the least recently used go first. Default: 10,000. */
  max?: number;
  /** The clock, in milliseconds (tests pass a fake one). Default: Date.now. */
  now?: () => number;
}

/** How long a conversation is remembered by default: a question follows on from an answer of the last 5 minutes. */
export const CONVERSATION_TTL_MS = 5 * 60_000;

interface Entry {
  exchange: Exchange;
  at: number;
}

/**
 * The last exchange of each conversation, by key. The key decides who shares a conversation: the Discord adapter
 * keys by server, channel (a thread is a channel) and member, so that one member's questions never read another's,
 * and by the message id of each answer, for a reply to it; the console has one conversation.
 */
export class Conversations {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: ConversationOptions = {}) {
    this.ttlMs = options.ttlMs ?? CONVERSATION_TTL_MS;
    this.max = Math.max(1, options.max ?? 10_000);
    this.now = options.now ?? Date.now;
  }

  /** The conversation's last exchange, or null when there is none or it is older than the time to live. */
  get(key: string): Exchange | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.exchange;
  }

  /**
   * Records the conversation's last exchange (replacing the one before). Only what a follow-up needs is kept: the
   * question as asked and the answer (its text, focus and citation), not the other citations.
   */
  set(key: string, exchange: Exchange): void {
    this.entries.delete(key);
    this.entries.set(key, { exchange: { question: exchange.question, answer: exchange.answer }, at: this.now() });
    this.prune();
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Conversations held (expired ones included until they are next looked at or pruned). */
  get size(): number {
    return this.entries.size;
  }

  /** Drops expired exchanges, then the least recently set ones past `max`. */
  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      // Insertion order is age order: the first still alive ends the expired ones.
      if (now - entry.at < this.ttlMs) break;
      this.entries.delete(key);
    }
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}
