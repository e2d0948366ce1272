// The conversation store: one exchange per key, forgotten after its time to live (a fake clock), bounded in size.
import { describe, expect, it } from 'vitest';
import { CONVERSATION_TTL_MS, Conversations } from '../../src/engine/conversations.js';
import type { Exchange } from '../../src/ask/follow-up.js';

const exchange = (question: string): Exchange => ({ question, answer: null });

describe('Conversations', () => {
  it('remembers each key’s last exchange, and one key never reads another’s', () => {
    const store = new Conversations({ now: () => 0 });
    store.set('g:c:alice', exchange('What did Lapid tell Rama?'));
    store.set('g:c:bob', exchange('When did Albania join NATO?'));
    store.set('g:c:alice', exchange('Where did Yair Lapid say it?'));
    expect(store.get('g:c:alice')).toEqual(exchange('Where did Yair Lapid say it?'));
    expect(store.get('g:c:bob')).toEqual(exchange('When did Albania join NATO?'));
    expect(store.get('g:c:carol')).toBeNull();
    expect(store.size).toBe(2);
  });

  it('forgets an exchange five minutes after it was made (by default)', () => {
    let now = 1_000;
    const store = new Conversations({ now: () => now });
    store.set('k', exchange('What did Lapid tell Rama?'));
    now += CONVERSATION_TTL_MS - 1;
    expect(store.get('k')).not.toBeNull();
    now += 1;
    expect(store.get('k')).toBeNull();
    expect(store.size).toBe(0);
    expect(CONVERSATION_TTL_MS).toBe(300_000);
  });

  it('keeps at most `max` conversations, dropping the least recently set, and prunes expired ones as it goes', () => {
    let now = 0;
    const store = new Conversations({ now: () => now, max: 2, ttlMs: 100 });
    store.set('a', exchange('1'));
    store.set('b', exchange('2'));
    store.set('a', exchange('3'));
    store.set('c', exchange('4'));
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([exchange('3'), null, exchange('4')]);
    now = 150;
    store.set('d', exchange('5'));
    expect(store.size).toBe(1);
  });

  it('keeps only the question and the answer of an exchange', () => {
    const store = new Conversations({ now: () => 0 });
    store.set('k', { question: 'q', answer: null, extra: 'not kept' } as Exchange);
    expect(store.get('k')).toEqual({ question: 'q', answer: null });
  });
});
