import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { getPageSession, type PageSession } from '../../src/db/pages.js';
import { databasePageStore, formatDuration, memoryPageStore, Pager, pageOptions, parsePageButton, renderPage, resilientPageStore, type PageStore } from '../../src/discord/pager.js';
import { renderTimeline } from '../../src/discord/render.js';
import type { Reply } from '../../src/discord/reply.js';
import { replyProblems } from '../helpers/discord-spec.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { backends } from '../helpers/stores.js';

const pages: Reply[] = ['one', 'two', 'three'].map((title) => ({ embeds: [{ title }], components: [] }));

function customIds(reply: Reply): string[] {
  return reply.components.flatMap((r) => r.components).flatMap((b) => ('custom_id' in b ? [b.custom_id] : []));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Pager', () => {
  it('sends a single page without buttons or a session', async () => {
    const pager = new Pager({ timeoutSeconds: 60 });
    const reply = await pager.open({ ownerId: 'ana', command: 'who', pages: pages.slice(0, 1), expire: async () => {} });
    expect(reply.components).toEqual([]);
    expect(pager.size).toBe(0);
  });

  it('turns the owner’s pages in place, and gives anyone else a private copy at the page they asked for', async () => {
    const pager = new Pager({ timeoutSeconds: 60 });
    const first = await pager.open({ ownerId: 'ana', command: 'timeline', pages, expire: async () => {} });
    const sessionId = customIds(first).find((id) => /:n\d+$/.test(id))!.split(':')[1]!;
    const turned = await pager.turn(sessionId, 1, 'ana');
    expect(turned.kind).toBe('page');
    expect(turned.kind === 'page' && turned.reply.embeds[0]!.title).toBe('two');
    const copy = await pager.turn(sessionId, 2, 'bo');
    expect(copy.kind).toBe('copy');
    if (copy.kind !== 'copy') return;
    expect(copy.reply.ephemeral).toBe(true);
    expect(copy.reply.embeds[0]!.title).toBe('three');
    expect(copy.reply.embeds[0]!.footer!.text).toBe('Page 3 of 3 · your own copy · buttons work for 1 min');
    // The copy is Bo's: his buttons turn it in place; Ana pressing them gets a copy of her own.
    const copyId = customIds(copy.reply)[0]!.split(':')[1]!;
    expect(copyId).not.toBe(sessionId);
    expect((await pager.turn(copyId, 0, 'bo')).kind).toBe('page');
    expect((await pager.turn(copyId, 0, 'ana')).kind).toBe('copy');
    expect(await pager.turn('unknown', 1, 'ana')).toEqual({ kind: 'expired' });
    pager.clear();
  });

  it('keeps working after a restart: the session is read from the store and its pages rendered again', async () => {
    const store = memoryPageStore();
    const before = new Pager({ timeoutSeconds: 60, store });
    const first = await before.open({ ownerId: 'ana', command: 'timeline', options: { topic: 'storm' }, pages, expire: async () => {} });
    const sessionId = customIds(first)[0]!.split(':')[1]!;
    await before.turn(sessionId, 1, 'ana');
    before.clear();
    const rendered: [string, Record<string, string>][] = [];
    const after = new Pager({ timeoutSeconds: 60, store, render: (command, options) => (rendered.push([command, options]), pages) });
    const turned = await after.turn(sessionId, 2, 'ana');
    expect(turned.kind === 'page' && turned.reply.embeds[0]!.title).toBe('three');
    expect(rendered).toEqual([['timeline', { topic: 'storm' }]]);
    await after.turn(sessionId, 1, 'ana');
    expect(rendered).toHaveLength(1); // rendered once, then kept
    // A command that can't render its pages again (none given) counts as expired.
    const without = new Pager({ timeoutSeconds: 60, store });
    expect(await without.turn(sessionId, 1, 'ana')).toEqual({ kind: 'expired' });
    after.clear();
  });

  it('expires after the timeout and redraws the current page with disabled buttons', async () => {
    vi.useFakeTimers();
    const expire = vi.fn(async (_reply: Reply) => {});
    const pager = new Pager({ timeoutSeconds: 30 });
    const first = await pager.open({ ownerId: 'ana', command: 'quote', pages, expire });
    const sessionId = customIds(first)[0]!.split(':')[1]!;
    await pager.turn(sessionId, 2, 'ana');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(expire).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(expire).toHaveBeenCalledTimes(1);
    const redrawn = expire.mock.calls[0]![0];
    expect(redrawn.embeds[0]!.title).toBe('three');
    expect(redrawn.components.flatMap((r) => r.components).every((b) => b.disabled)).toBe(true);
    expect(redrawn.embeds[0]!.footer!.text).toContain('these buttons have expired; run /quote again');
    expect(await pager.turn(sessionId, 1, 'ana')).toEqual({ kind: 'expired' });
  });

  it('reports a failed redraw instead of throwing', async () => {
    const errors: unknown[] = [];
    const pager = new Pager({ timeoutSeconds: 30, onExpireError: (e) => errors.push(e) });
    const first = await pager.open({ ownerId: 'ana', command: 'quote', pages, expire: async () => Promise.reject(new Error('token expired')) });
    await pager.expire(customIds(first)[0]!.split(':')[1]!);
    expect(String(errors[0])).toBe('Error: token expired');
  });
});

describe.each(backends)('Pager over the database on $name', (backend) => {
  let db: Db;
  let other: Db | null = null;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    await other?.close();
    other = null;
    if (!backend.skip) await db.close();
  });

  it.skipIf(backend.skip)('keeps sessions in the database, and none once they expire', async () => {
    let now = new Date('2024-03-01T10:00:00Z');
    const clock = () => now;
    const pager = new Pager({ timeoutSeconds: 60, store: databasePageStore(db), now: clock, render: () => pages });
    const first = await pager.open({ ownerId: 'ana', command: 'quote', options: { speaker: 'Lind' }, pages, expire: async () => {} });
    const sessionId = customIds(first)[0]!.split(':')[1]!;
    expect(await getPageSession(db, sessionId, now)).toMatchObject({ command: 'quote', options: { speaker: 'Lind' }, ownerId: 'ana', page: 0, expiresAt: '2024-03-01T10:01:00.000Z' });
    await pager.turn(sessionId, 2, 'ana');
    expect((await getPageSession(db, sessionId, now))!.page).toBe(2);
    now = new Date('2024-03-01T10:01:00Z');
    expect(await pager.turn(sessionId, 1, 'ana')).toEqual({ kind: 'expired' });
    // The next list opened prunes the expired session.
    await pager.open({ ownerId: 'bo', command: 'quote', pages, expire: async () => {} });
    expect(await db.all('SELECT owner_id FROM page_sessions')).toEqual([{ owner_id: 'bo' }]);
    pager.clear();
  });

  it.skipIf(backend.skip || backend.name !== 'postgres')('turns a list sent by one host on another, which renders its pages again', async () => {
    other = await backend.openAnother();
    const now = () => new Date('2024-03-01T10:00:00Z');
    const sender = new Pager({ timeoutSeconds: 60, store: databasePageStore(db), now, render: () => pages });
    const first = await sender.open({ ownerId: 'ana', command: 'timeline', options: { topic: 'storm' }, pages, expire: async () => {} });
    const sessionId = customIds(first)[0]!.split(':')[1]!;
    const rendered: string[] = [];
    const receiver = new Pager({ timeoutSeconds: 60, store: databasePageStore(other), now, render: async (_c, o) => (rendered.push(o.topic!), pages) });
    const turned = await receiver.turn(sessionId, 1, 'ana');
    expect(turned.kind === 'page' && turned.reply.embeds[0]!.title).toBe('two');
    expect(rendered).toEqual(['storm']);
    expect((await getPageSession(db, sessionId, now()))!.page).toBe(1);
    sender.clear();
    receiver.clear();
  });
});

describe('Pager when its store fails', () => {
  const broken = (): PageStore & { failing: boolean } => {
    const memory = memoryPageStore();
    const store = {
      failing: false,
      save: (s: Parameters<PageStore['save']>[0]) => memory.save(s),
      get: (id: string, now: Date) => (store.failing ? Promise.reject(new Error('database unreachable')) : memory.get(id, now)),
      setPage: (id: string, page: number) => memory.setPage(id, page),
      prune: (now: Date) => memory.prune(now),
    };
    return store;
  };

  it('rejects a page turn (the router then tells the member something went wrong)', async () => {
    const store = broken();
    const pager = new Pager({ timeoutSeconds: 60, store });
    const first = await pager.open({ ownerId: 'ana', command: 'quote', pages, expire: async () => {} });
    store.failing = true;
    await expect(pager.turn(customIds(first)[0]!.split(':')[1]!, 1, 'ana')).rejects.toThrow('database unreachable');
    pager.clear();
  });

  it('reports an expiry it could not read instead of throwing', async () => {
    const store = broken();
    const errors: unknown[] = [];
    const expire = vi.fn(async () => {});
    const pager = new Pager({ timeoutSeconds: 60, store, onExpireError: (e) => errors.push(e) });
    const first = await pager.open({ ownerId: 'ana', command: 'quote', pages, expire });
    store.failing = true;
    await pager.expire(customIds(first)[0]!.split(':')[1]!);
    expect(String(errors[0])).toBe('Error: database unreachable');
    expect(expire).not.toHaveBeenCalled();
    expect(pager.size).toBe(0);
  });
});

describe('the page buttons', () => {
  const timeline = renderTimeline(FakeEngine.fixture({ events: 30 }).timeline(), {});

  it('adds Previous/Next buttons and a footer saying who may page and for how long', () => {
    expect(timeline).toHaveLength(3);
    const first = renderPage(timeline, 0, { sessionId: 'abc123', command: 'timeline', seconds: 600, expired: false });
    const nav = first.components.at(-1)!.components;
    expect(nav.map((b) => [('custom_id' in b && b.custom_id) || null, b.disabled])).toEqual([
      ['pg:abc123:p-1', true],
      ['pg:abc123:i', true],
      ['pg:abc123:n1', false],
    ]);
    expect(first.embeds[0]!.footer!.text).toBe('Page 1 of 3 · anyone can turn pages for 10 min (others get their own copy)');
    const expired = renderPage(timeline, 1, { sessionId: 'abc123', command: 'timeline', seconds: 600, expired: true });
    expect(expired.components.at(-1)!.components.every((b) => b.disabled)).toBe(true);
    expect(expired.embeds[0]!.footer!.text).toBe('Page 2 of 3 · these buttons have expired; run /timeline again to browse');
    expect(replyProblems(first)).toEqual([]);
  });

  it('reads its own button ids back and ignores anything else', () => {
    expect(parsePageButton('pg:abc123:n1')).toEqual({ sessionId: 'abc123', page: 1 });
    expect(parsePageButton('pg:abc123:p-1')).toEqual({ sessionId: 'abc123', page: -1 });
    expect(parsePageButton('pg:abc123:i')).toBeNull();
    expect(parsePageButton('other:thing')).toBeNull();
  });

  it('keeps the options a command was given as strings, and drops the rest', () => {
    expect(pageOptions({ from: '2024-03-01', to: undefined, topic: '', person: null, page: 3 })).toEqual({ from: '2024-03-01' });
  });

  it('says how long the buttons work in minutes or seconds', () => {
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(90)).toBe('2 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(0.2)).toBe('1 s');
  });
});

describe('resilientPageStore', () => {
  const session = (id: string): PageSession => ({ id, command: 'timeline', options: {}, page: 0, ownerId: 'u', expiresAt: '2999-01-01T00:00:00.000Z' });
  const hanging: PageStore = {
    save: () => new Promise(() => {}),
    get: () => new Promise(() => {}),
    setPage: () => new Promise(() => {}),
    prune: () => new Promise(() => {}),
  };
  const failing: PageStore = {
    save: () => Promise.reject(new Error('refused')),
    get: () => Promise.reject(new Error('refused')),
    setPage: () => Promise.reject(new Error('refused')),
    prune: () => Promise.reject(new Error('refused')),
  };

  it.each([
    ['gone silent', hanging],
    ['refusing', failing],
  ])('keeps lists working from memory, within its wait, when the database is %s', async (_, primary) => {
    const errors: string[] = [];
    const store = resilientPageStore(primary, { waitMs: 30, onError: (what) => errors.push(what) });
    const started = Date.now();
    await store.save(session('a'));
    await store.setPage('a', 2);
    await store.prune(new Date());
    expect(await store.get('a', new Date())).toMatchObject({ id: 'a', page: 2 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it("reads the database's session when it answers (another host's list, after a restart)", async () => {
    const db = memoryPageStore();
    await db.save({ ...session('b'), page: 4 });
    const store = resilientPageStore(db, { waitMs: 30, onError: () => {} });
    expect(await store.get('b', new Date())).toMatchObject({ id: 'b', page: 4 });
  });
});
