import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDuration, Pager, parsePageButton, renderPage } from '../../src/discord/pager.js';
import { renderTimeline } from '../../src/discord/render.js';
import type { Reply } from '../../src/discord/reply.js';
import { replyProblems } from '../helpers/discord-spec.js';
import { FakeEngine } from '../helpers/fake-engine.js';

const pages: Reply[] = ['one', 'two', 'three'].map((title) => ({ embeds: [{ title }], components: [] }));

function customIds(reply: Reply): string[] {
  return reply.components.flatMap((r) => r.components).flatMap((b) => ('custom_id' in b ? [b.custom_id] : []));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Pager', () => {
  it('sends a single page without buttons or a session', () => {
    const pager = new Pager({ timeoutSeconds: 60 });
    const reply = pager.open({ ownerId: 'ana', command: 'who', pages: pages.slice(0, 1), expire: async () => {} });
    expect(reply.components).toEqual([]);
    expect(pager.size).toBe(0);
  });

  it('turns pages for the owner only', () => {
    const pager = new Pager({ timeoutSeconds: 60 });
    const first = pager.open({ ownerId: 'ana', command: 'timeline', pages, expire: async () => {} });
    const next = customIds(first).find((id) => /:n\d+$/.test(id))!;
    const sessionId = next.split(':')[1]!;
    const turned = pager.turn(sessionId, 1, 'ana');
    expect(turned.kind).toBe('page');
    expect(turned.kind === 'page' && turned.reply.embeds[0]!.title).toBe('two');
    expect(pager.turn(sessionId, 2, 'bo')).toEqual({ kind: 'not-owner', command: 'timeline' });
    expect(pager.turn('unknown', 1, 'ana')).toEqual({ kind: 'expired' });
    pager.clear();
  });

  it('expires after the timeout and redraws the current page with disabled buttons', async () => {
    vi.useFakeTimers();
    const expire = vi.fn(async (_reply: Reply) => {});
    const pager = new Pager({ timeoutSeconds: 30 });
    const first = pager.open({ ownerId: 'ana', command: 'quote', pages, expire });
    const sessionId = customIds(first)[0]!.split(':')[1]!;
    pager.turn(sessionId, 2, 'ana');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(expire).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(expire).toHaveBeenCalledTimes(1);
    const redrawn = expire.mock.calls[0]![0];
    expect(redrawn.embeds[0]!.title).toBe('three');
    expect(redrawn.components.flatMap((r) => r.components).every((b) => b.disabled)).toBe(true);
    expect(redrawn.embeds[0]!.footer!.text).toContain('these buttons have expired; run /quote again');
    expect(pager.turn(sessionId, 1, 'ana')).toEqual({ kind: 'expired' });
  });

  it('reports a failed redraw instead of throwing', async () => {
    const errors: unknown[] = [];
    const pager = new Pager({ timeoutSeconds: 30, onExpireError: (e) => errors.push(e) });
    const first = pager.open({ ownerId: 'ana', command: 'quote', pages, expire: async () => Promise.reject(new Error('token expired')) });
    await pager.expire(customIds(first)[0]!.split(':')[1]!);
    expect(String(errors[0])).toBe('Error: token expired');
  });
});

describe('the page buttons', () => {
  const timeline = renderTimeline(FakeEngine.fixture({ events: 9 }).timeline(), {});

  it('adds Previous/Next buttons and a footer saying who may page and for how long', () => {
    const first = renderPage(timeline, 0, { sessionId: 'abc123', command: 'timeline', seconds: 600, expired: false });
    const nav = first.components.at(-1)!.components;
    expect(nav.map((b) => [('custom_id' in b && b.custom_id) || null, b.disabled])).toEqual([
      ['pg:abc123:p-1', true],
      ['pg:abc123:i', true],
      ['pg:abc123:n1', false],
    ]);
    expect(first.embeds[0]!.footer!.text).toBe('Page 1 of 2 · only the person who asked can turn pages · buttons work for 10 min');
    const expired = renderPage(timeline, 1, { sessionId: 'abc123', command: 'timeline', seconds: 600, expired: true });
    expect(expired.components.at(-1)!.components.every((b) => b.disabled)).toBe(true);
    expect(expired.embeds[0]!.footer!.text).toBe('Page 2 of 2 · these buttons have expired; run /timeline again to browse');
    expect(replyProblems(first)).toEqual([]);
  });

  it('reads its own button ids back and ignores anything else', () => {
    expect(parsePageButton('pg:abc123:n1')).toEqual({ sessionId: 'abc123', page: 1 });
    expect(parsePageButton('pg:abc123:p-1')).toEqual({ sessionId: 'abc123', page: -1 });
    expect(parsePageButton('pg:abc123:i')).toBeNull();
    expect(parsePageButton('other:thing')).toBeNull();
  });

  it('says how long the buttons work in minutes or seconds', () => {
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(90)).toBe('2 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(0.2)).toBe('1 s');
  });
});
