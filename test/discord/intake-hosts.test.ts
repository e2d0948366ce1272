// Review cards and announcements across two hosts on one database (both back ends): each host's desk posts only in
// the servers its own client has, a card queued on one host is posted once per server even when two desks flush at
// once (their clients both have a server, as during a shard move), a queued card reaches the other host's desk by the
// 'storydesk_cards' signal (Postgres; on SQLite signals stay in one process), and an article added elsewhere is
// announced once per server. Discord here is a small stand-in client whose sends take a moment, so flushes overlap.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { claimItem, insertFeed } from '../../src/db/feeds.js';
import { setIntakeChannel } from '../../src/db/intake-settings.js';
import type { Db } from '../../src/db/open.js';
import { cardPosts, queueCard, type CardArticle } from '../../src/db/review.js';
import type { FileBackedStory } from '../../src/corpus/watch.js';
import type { StoryEngine } from '../../src/engine/engine.js';
import { IntakeDesk } from '../../src/discord/intake-desk.js';
import { createLogger } from '../../src/log.js';
import type { Article } from '../../src/model/types.js';
import { captureLogs } from '../helpers/discord-bot.js';
import { backends } from '../helpers/stores.js';
import { openTwoHosts, type Hosts } from '../intake/two-hosts.js';

interface Sent {
  by: string;
  guildId: string;
  channelId: string;
  nonce: string | undefined;
  text: string;
}

/** Channel `c-<guild>` in each server; every message sent by any host lands in `sent`. */
function fakeClient(by: string, guildIds: string[], sent: Sent[]): Client {
  const channel = (guildId: string) => ({
    guildId,
    isSendable: () => true,
    send: async (payload: { content?: string; embeds?: { footer?: { text?: string } }[]; nonce?: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      // A card: its marker (the footer up to " · from …"); an announcement: its line.
      const text = payload.embeds?.length ? (payload.embeds[0]!.footer?.text ?? '').split(' · ')[0]! : (payload.content ?? '');
      sent.push({ by, guildId, channelId: `c-${guildId}`, nonce: payload.nonce, text });
      return { id: `m${sent.length}` };
    },
    messages: {
      fetch: async () => ({ find: () => undefined }),
      edit: async (messageId: string) => void sent.push({ by, guildId, channelId: `c-${guildId}`, nonce: undefined, text: `edited ${messageId}` }),
    },
  });
  return {
    isReady: () => true,
    user: { id: `bot-${by}` },
    guilds: { cache: new Map(guildIds.map((id) => [id, { id }])) },
    channels: { fetch: async (id: string) => channel(id.replace(/^c-/, '')) },
  } as unknown as Client;
}

const article = (title: string): CardArticle => ({
  title,
  date: '2025-01-07',
  outlet: 'Harbour Gazette',
  author: null,
  url: `https://news.example/${title.length}`,
  paragraphs: ['The ferry sank.'],
  warnings: [],
  source: `https://news.example/${title.length}`,
  fetchedUrl: null,
});

describe.each(backends)('review cards and announcements across two hosts on $name', (backend) => {
  let hosts: Hosts | null = null;
  const desks: IntakeDesk[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.stop();
    await hosts?.close();
    hosts = null;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const stories: Article[] = [
    {
      id: '2025-01-07-ferry.md',
      title: 'Ferry sinks',
      date: '2025-01-07',
      outlet: 'Harbour Gazette',
      url: 'https://news.example/ferry',
      author: null,
      also: [],
      body: 'The ferry sank off Kestrel Island.',
      paragraphs: [{ number: 1, start: 0, end: 34 }],
      sentences: [],
    },
  ];

  function desk(db: Db, by: string, guildIds: string[], sent: Sent[]): IntakeDesk {
    const dir = mkdtempSync(path.join(os.tmpdir(), `storydesk-desk-${by}-`));
    dirs.push(dir);
    const story = { articles: () => stories, who: () => [], applyFile: () => [], removeFile: () => undefined } as unknown as StoryEngine & FileBackedStory;
    const client = fakeClient(by, guildIds, sent);
    const d = new IntakeDesk({
      db,
      corpusDir: dir,
      story,
      fetcher: { fetch: async () => Promise.reject(new Error('no fetch')), fetchFeed: async () => Promise.reject(new Error('no fetch')), fetchPage: async () => Promise.reject(new Error('no fetch')) },
      editorGuildIds: ['g1', 'g2', 'g3'],
      pollMinutes: 15,
      poll: false,
      client: () => client,
      log: createLogger({ level: 'debug', destination: captureLogs().stream }),
    });
    desks.push(d);
    return d;
  }

  async function queue(db: Db, n: number): Promise<number[]> {
    const feed = await insertFeed(db, {
      url: `https://news.example/feed-${n}.xml`,
      title: 'News',
      pageUrl: null,
      match: null,
      mode: 'review',
      addedBy: 'cli',
      etag: null,
      lastModified: null,
      nextPollAt: new Date(),
    });
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      await claimItem(db, feed.id, { id: `item-${i}`, title: `Item ${i}`, link: null, summary: '', date: null });
      ids.push((await queueCard(db, { feedId: feed.id, itemId: `item-${i}`, article: article(`Card ${i}`), reason: 'names A and B' })).id);
    }
    return ids;
  }

  it.skipIf(backend.skip)('posts each card once per server, each host only in its own servers, even when both flush at once', async () => {
    hosts = await openTwoHosts(backend);
    for (const g of ['g1', 'g2', 'g3']) await setIntakeChannel(hosts.a, g, 'review', `c-${g}`);
    const cards = await queue(hosts.a, 3);
    const sent: Sent[] = [];
    // A has g1 and g2; B has g2 (both, as while a shard moves) and g3.
    const a = desk(hosts.a, 'A', ['g1', 'g2'], sent);
    const b = desk(hosts.b, 'B', ['g2', 'g3'], sent);
    await Promise.all([a.flushCards(), b.flushCards(), a.flushCards(), b.flushCards()]);
    const posted = (g: string) => sent.filter((s) => s.guildId === g).map((s) => s.text).sort();
    const markers = cards.map((id) => `storydesk review card ${id}`).sort();
    for (const g of ['g1', 'g2', 'g3']) expect(posted(g)).toEqual(markers);
    expect(new Set(sent.filter((s) => s.guildId === 'g1').map((s) => s.by))).toEqual(new Set(['A']));
    expect(new Set(sent.filter((s) => s.guildId === 'g3').map((s) => s.by))).toEqual(new Set(['B']));
    for (const id of cards) {
      expect((await cardPosts(hosts.b, id)).map((p) => [p.guildId, p.status])).toEqual([
        ['g1', 'posted'],
        ['g2', 'posted'],
        ['g3', 'posted'],
      ]);
    }
    // Flushing again posts nothing more.
    await Promise.all([a.flushCards(), b.flushCards()]);
    expect(sent).toHaveLength(9);
    // Decided on A: its messages in every server are edited (a REST call, whichever shard's client makes it).
    expect(await a.decide('reject', cards[0]!, 'g1', '42')).toMatchObject({ ok: true, outcome: 'rejected' });
    const messages = (await cardPosts(hosts.a, cards[0]!)).map((p) => `edited ${p.messageId}`);
    expect(sent.slice(9).map((s) => [s.by, s.text])).toEqual(messages.map((m) => ['A', m]));
    expect(messages).toHaveLength(3);
  });

  it.skipIf(backend.skip)("a card queued on one host is posted by the other host's desk in its servers when the signal arrives", async () => {
    hosts = await openTwoHosts(backend);
    await setIntakeChannel(hosts.a, 'g1', 'review', 'c-g1');
    await setIntakeChannel(hosts.a, 'g3', 'review', 'c-g3');
    const sent: Sent[] = [];
    const a = desk(hosts.a, 'A', ['g1'], sent);
    const b = desk(hosts.b, 'B', ['g3'], sent);
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(sent).toEqual([]);
    // Queued on A (as A's poller does), then signalled.
    const [card] = await queue(hosts.a, 1);
    await hosts.a.signals.notify('storydesk_cards', String(card));
    const marker = `storydesk review card ${card}`;
    await expect.poll(() => sent.filter((s) => s.guildId === 'g1').map((s) => [s.by, s.text]), { timeout: 5_000 }).toEqual([['A', marker]]);
    if (backend.name === 'sqlite') {
      // SQLite's signals stay in one process: B's desk posts at its next periodic flush (every minute).
      await b.flushCards();
    }
    await expect.poll(() => sent.filter((s) => s.guildId === 'g3').map((s) => [s.by, s.text]), { timeout: 5_000 }).toEqual([['B', marker]]);
    await Promise.all([a.idle(), b.idle()]);
    expect(sent).toHaveLength(2);
  });

  it.skipIf(backend.skip)('announces an article added elsewhere once per server, whichever hosts are told of it', async () => {
    hosts = await openTwoHosts(backend);
    for (const g of ['g1', 'g2', 'g3']) await setIntakeChannel(hosts.a, g, 'notify', `c-${g}`);
    const sent: Sent[] = [];
    const a = desk(hosts.a, 'A', ['g1', 'g2'], sent);
    const b = desk(hosts.b, 'B', ['g2', 'g3'], sent);
    const told = await Promise.all([a.announceArticle('2025-01-07-ferry.md'), b.announceArticle('2025-01-07-ferry.md'), b.announceArticle('2025-01-07-ferry.md')]);
    expect(told).toEqual([true, true, true]);
    expect(sent.map((s) => s.guildId).sort()).toEqual(['g1', 'g2', 'g3']);
    expect(sent.every((s) => s.text === '📰 New in the story: **Ferry sinks** (Harbour Gazette) <https://news.example/ferry>')).toBe(true);
    expect(sent.find((s) => s.guildId === 'g1')!.by).toBe('A');
    expect(sent.find((s) => s.guildId === 'g3')!.by).toBe('B');
    expect(await a.announceArticle('no-such-article.md')).toBe(false);
    await a.announceArticle('2025-01-07-ferry.md');
    expect(sent).toHaveLength(3);
  });
});
