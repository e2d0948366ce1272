// Intake state on both back ends: feeds and their poll state, items recorded once (across a restart, and when two
// hosts claim one at once), the review queue, posts recorded before they are sent (claimed by one host only), and
// each server's intake channels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimItem, dueFeeds, findFeedByUrl, getFeed, getItem, insertFeed, knownItems, listFeeds, markItemsSeen, nextPollTime, pendingItems, recordPollFailure, recordPollSuccess, removeFeed, retryItemLater, settleItem, type NewFeed } from '../../src/db/feeds.js';
import { cardPosts, cardPostsInDoubt, cardsToPost, claimCardPost, claimNotice, decideCard, getCard, markCardPosted, markCardPostFailed, markNoticePosted, pendingCards, POST_CLAIM_MS, queueCard, reopenCard, settleApproved, type CardArticle } from '../../src/db/review.js';
import { getIntakeSettings, listIntakeSettings, setIntakeChannel } from '../../src/db/intake-settings.js';
import type { Db } from '../../src/db/open.js';
import { schemaVersion } from '../../src/db/migrations.js';
import { backends } from '../helpers/stores.js';
import { openTwoHosts, type Hosts } from '../intake/two-hosts.js';

const T0 = new Date('2025-01-06T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const newFeed = (over: Partial<NewFeed> = {}): NewFeed => ({
  url: 'https://news.example/feed.xml',
  title: 'News',
  pageUrl: null,
  match: null,
  mode: 'review',
  addedBy: 'cli',
  etag: '"v1"',
  lastModified: null,
  nextPollAt: at(15),
  ...over,
});

const item = (id: string) => ({
  id,
  title: `Item ${id}`,
  link: `https://news.example/${id}`,
  summary: `About ${id}.`,
  date: T0,
});

const article: CardArticle = {
  title: 'Ferry inquiry opens',
  date: '2025-01-06',
  outlet: 'Harbour Gazette',
  author: null,
  url: 'https://news.example/a',
  paragraphs: ['The inquiry opened.', 'Families gathered.'],
  warnings: [],
  source: 'https://news.example/a',
  fetchedUrl: 'https://news.example/a',
};


describe.each(backends)('intake tables on $name', (backend) => {
  let db: Db;
  let hosts: Hosts | null = null;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    if (backend.skip) return;
    await hosts?.close();
    hosts = null;
    await db.close();
  });
  /** Two hosts (or a process and its restart) on a database of their own. */
  const twoHosts = async () => (hosts = await openTwoHosts(backend));

  describe('feeds', () => {
    it.skipIf(backend.skip)('records a feed with its validators, lists it, and finds it by URL; migration 3 applied', async () => {
      expect(await schemaVersion(db)).toBeGreaterThanOrEqual(3);
      const feed = await insertFeed(db, newFeed({ match: 'ferry OR "coast guard"', mode: 'auto' }), T0);
      expect(feed).toMatchObject({
        url: 'https://news.example/feed.xml',
        match: 'ferry OR "coast guard"',
        mode: 'auto',
        etag: '"v1"',
        addedAt: T0.toISOString(),
        lastOkAt: T0.toISOString(),
        failures: 0,
        pausedAt: null,
        itemsTaken: 0,
        nextPollAt: at(15).toISOString(),
      });
      expect((await findFeedByUrl(db, feed.url))?.id).toBe(feed.id);
      expect((await listFeeds(db)).map((f) => f.id)).toEqual([feed.id]);
      await expect(insertFeed(db, newFeed(), T0)).rejects.toThrow(/UNIQUE/i);
    });

    it.skipIf(backend.skip)('lists the due feeds, never the paused ones, and says when the next is due', async () => {
      expect(await nextPollTime(db)).toBeNull();
      const a = await insertFeed(db, newFeed({ url: 'https://a.example/feed', nextPollAt: at(10) }), T0);
      const b = await insertFeed(db, newFeed({ url: 'https://b.example/feed', nextPollAt: at(20) }), T0);
      expect(await dueFeeds(db, at(5))).toEqual([]);
      expect((await dueFeeds(db, at(10))).map((f) => f.id)).toEqual([a.id]);
      expect(await nextPollTime(db)).toEqual(at(10));
      await recordPollFailure(db, a.id, { error: 'down', nextPollAt: at(30), pause: true }, at(10));
      expect((await dueFeeds(db, at(60))).map((f) => f.id)).toEqual([b.id]);
      expect(await nextPollTime(db)).toEqual(at(20));
    });

    it.skipIf(backend.skip)('counts failures from the first one, keeps the last error, and clears it all (and a pause) on success', async () => {
      const feed = await insertFeed(db, newFeed(), T0);
      const once = await recordPollFailure(db, feed.id, { error: 'HTTP 500', nextPollAt: at(30), pause: false }, at(15));
      expect(once).toMatchObject({ failures: 1, pausedAt: null, nextPollAt: at(30).toISOString() });
      const twice = await recordPollFailure(db, feed.id, { error: 'timeout', nextPollAt: at(90), pause: true }, at(45));
      expect(twice).toMatchObject({
        failures: 2,
        failingSince: at(15).toISOString(),
        lastError: 'timeout',
        pausedAt: at(45).toISOString(),
        lastPollAt: at(45).toISOString(),
      });
      const ok = await recordPollSuccess(
        db,
        feed.id,
        { etag: '"v2"', lastModified: 'Mon, 06 Jan 2025 10:00:00 GMT', title: null, nextPollAt: at(120) },
        at(100),
      );
      expect(ok).toMatchObject({
        failures: 0,
        failingSince: null,
        lastError: null,
        pausedAt: null,
        etag: '"v2"',
        title: 'News',
        lastOkAt: at(100).toISOString(),
      });
    });

    it.skipIf(backend.skip)('removes a feed with its items and cards', async () => {
      const feed = await insertFeed(db, newFeed(), T0);
      await claimItem(db, feed.id, item('x'), T0);
      await queueCard(db, { feedId: feed.id, itemId: 'x', article, reason: 'names A and B' }, T0);
      expect(await removeFeed(db, feed.id)).toBe(true);
      expect(await getFeed(db, feed.id)).toBeNull();
      expect(await getItem(db, feed.id, 'x')).toBeNull();
      expect(await pendingCards(db)).toEqual([]);
      expect(await removeFeed(db, feed.id)).toBe(false);
    });
  });

  describe('feed items', () => {
    it.skipIf(backend.skip)('claims an item once, across a restart; seen items are never claimed', async () => {
      const { a } = await twoHosts();
      const feed = await insertFeed(a, newFeed(), T0);
      expect(await markItemsSeen(a, feed.id, [item('old-1'), item('old-2')], T0)).toBe(2);
      expect(await markItemsSeen(a, feed.id, [item('old-2'), item('old-3')], T0)).toBe(1);
      expect(await claimItem(a, feed.id, item('new-1'), at(1))).toBe(true);
      expect(await claimItem(a, feed.id, item('new-1'), at(2))).toBe(false);
      const restarted = await hosts!.again();
      expect(await claimItem(restarted, feed.id, item('new-1'), at(3))).toBe(false);
      expect(await claimItem(restarted, feed.id, item('old-1'), at(3))).toBe(false);
      expect(await knownItems(restarted, feed.id, ['old-1', 'new-1', 'new-2'])).toEqual(new Set(['old-1', 'new-1']));
      expect((await pendingItems(restarted, feed.id)).map((i) => i.itemId)).toEqual(['new-1']);
    });

    it.skipIf(backend.skip)('gives each new item to exactly one of two hosts claiming it at once', async () => {
      const { a, b } = await twoHosts();
      const feed = await insertFeed(a, newFeed(), T0);
      const ids = Array.from({ length: 20 }, (_, i) => `item-${i}`);
      const [byA, byB] = await Promise.all(
        [a, b].map((host) => Promise.all(ids.map((id) => claimItem(host, feed.id, item(id), T0)))),
      );
      expect(ids.map((_, i) => Number(byA![i]) + Number(byB![i]))).toEqual(ids.map(() => 1));
    });

    it.skipIf(backend.skip)('settles an item; an added one counts as taken by its feed', async () => {
      const feed = await insertFeed(db, newFeed(), T0);
      await claimItem(db, feed.id, item('a'), T0);
      await claimItem(db, feed.id, item('b'), T0);
      await settleItem(db, feed.id, 'a', { outcome: 'added', reason: 'names X and Y', articleId: '2025-01-06-a.md' }, at(1));
      await settleItem(db, feed.id, 'b', { outcome: 'skipped', reason: 'names none of them' }, at(1));
      expect(await getItem(db, feed.id, 'a')).toMatchObject({
        outcome: 'added',
        articleId: '2025-01-06-a.md',
        reason: 'names X and Y',
        link: 'https://news.example/a',
        publishedAt: T0.toISOString(),
      });
      expect(await getItem(db, feed.id, 'b')).toMatchObject({ outcome: 'skipped', articleId: null });
      expect((await getFeed(db, feed.id))!.itemsTaken).toBe(1);
      expect(await pendingItems(db, feed.id)).toEqual([]);
    });

    it.skipIf(backend.skip)('keeps an item that failed for now pending, counting its attempts', async () => {
      const feed = await insertFeed(db, newFeed(), T0);
      await claimItem(db, feed.id, item('a'), T0);
      expect(await retryItemLater(db, feed.id, 'a', 'timeout', at(1))).toBe(1);
      expect(await retryItemLater(db, feed.id, 'a', 'timeout', at(2))).toBe(2);
      expect(await pendingItems(db, feed.id)).toMatchObject([{ itemId: 'a', attempts: 2, reason: 'timeout', outcome: 'pending' }]);
    });
  });

  describe('the review queue', () => {
    async function queued(on: Db = db) {
      const feed = await insertFeed(on, newFeed(), T0);
      await claimItem(on, feed.id, item('x'), T0);
      const card = await queueCard(on, { feedId: feed.id, itemId: 'x', article, reason: 'names A and B' }, T0);
      return { feed, card };
    }

    it.skipIf(backend.skip)('queues a card with the article it will add; the item is queued', async () => {
      const { feed, card } = await queued();
      expect(card).toMatchObject({
        feedId: feed.id,
        itemId: 'x',
        feedUrl: feed.url,
        article,
        reason: 'names A and B',
        state: 'pending',
        decidedBy: null,
      });
      expect((await getItem(db, feed.id, 'x'))!.outcome).toBe('queued');
      expect((await pendingCards(db)).map((c) => c.id)).toEqual([card.id]);
    });

    it.skipIf(backend.skip)('decides a card once: the first decision wins; a rejected item stays rejected', async () => {
      const { feed, card } = await queued();
      expect(await decideCard(db, card.id, 'rejected', 'discord:1/2', at(1))).toMatchObject({ state: 'rejected', decidedBy: 'discord:1/2' });
      expect(await decideCard(db, card.id, 'approved', 'discord:1/3', at(2))).toBeNull();
      expect(await getItem(db, feed.id, 'x')).toMatchObject({ outcome: 'rejected', reason: 'rejected by discord:1/2' });
      expect(await claimItem(db, feed.id, item('x'), at(3))).toBe(false);
      expect(await pendingCards(db)).toEqual([]);
    });

    it.skipIf(backend.skip)('decides a card once when two hosts decide it at the same moment', async () => {
      const { a, b } = await twoHosts();
      const { card } = await queued(a);
      const approve = () => decideCard(a, card.id, 'approved', 'discord:1/2', at(1));
      const reject = () => decideCard(b, card.id, 'rejected', 'discord:2/3', at(1));
      // Two SQLite connections in one process can't overlap transactions (each would wait for the other's lock on
      // the one thread); there the write lock (BEGIN IMMEDIATE) orders them, as it does across processes.
      const decisions = backend.name === 'sqlite' ? [await approve(), await reject()] : await Promise.all([approve(), reject()]);
      expect(decisions.filter((d) => d !== null)).toHaveLength(1);
    });

    it.skipIf(backend.skip)('settles an approval with the article added, or reopens it when the article could not be written', async () => {
      const { feed, card } = await queued();
      await decideCard(db, card.id, 'approved', 'cli', at(1));
      await reopenCard(db, card.id, at(2));
      expect(await getCard(db, card.id)).toMatchObject({ state: 'pending', decidedBy: null });
      await decideCard(db, card.id, 'approved', 'cli', at(3));
      expect(await settleApproved(db, card.id, { outcome: 'added', reason: 'approved by cli', articleId: 'a.md' }, at(4))).toMatchObject({
        state: 'approved',
        articleId: 'a.md',
      });
      expect((await getItem(db, feed.id, 'x'))!.outcome).toBe('added');
      expect((await getFeed(db, feed.id))!.itemsTaken).toBe(1);
    });

    it.skipIf(backend.skip)('records a post before it is sent: a posted card is never posted again, even after a restart', async () => {
      const { a } = await twoHosts();
      const { card } = await queued(a);
      expect((await cardsToPost(a, 'g1')).map((c) => c.id)).toEqual([card.id]);
      const claim = await claimCardPost(a, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'n1' }, at(1));
      expect(claim).toMatchObject({ kind: 'claimed', resumed: false, post: { status: 'posting', nonce: 'n1' } });
      expect(await cardsToPost(a, 'g1')).toEqual([]);
      expect((await cardsToPost(a, 'g2')).map((c) => c.id)).toEqual([card.id]);
      // The process died before the message id was recorded: once the claim is older than a send can take, the post
      // is in doubt and resumed with its own nonce.
      const restarted = await hosts!.again();
      expect(await cardPostsInDoubt(restarted, 'g1', at(1.5))).toEqual([]);
      expect((await cardPostsInDoubt(restarted, 'g1', at(2))).map((d) => [d.card.id, d.post.nonce])).toEqual([[card.id, 'n1']]);
      expect(await claimCardPost(restarted, card.id, { guildId: 'g1', channelId: 'c9', nonce: 'n2' }, at(2))).toMatchObject({
        kind: 'claimed',
        resumed: true,
        post: { nonce: 'n1', channelId: 'c1', attempts: 2 },
      });
      await markCardPosted(restarted, card.id, 'g1', 'm1', at(3));
      expect(await claimCardPost(restarted, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'n3' }, at(4))).toMatchObject({
        kind: 'done',
        post: { messageId: 'm1' },
      });
      expect(await cardPosts(restarted, card.id)).toMatchObject([{ guildId: 'g1', messageId: 'm1', status: 'posted' }]);
    });

    it.skipIf(backend.skip)("leaves a post another host claimed moments ago to it, and takes it over once that claim is stale", async () => {
      const { a, b } = await twoHosts();
      const { card } = await queued(a);
      expect((await claimCardPost(a, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'nA' }, at(1))).kind).toBe('claimed');
      const soon = new Date(at(1).getTime() + POST_CLAIM_MS - 1);
      expect(await claimCardPost(b, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'nB' }, soon)).toMatchObject({
        kind: 'busy',
        post: { nonce: 'nA' },
      });
      expect(await cardPostsInDoubt(b, 'g1', soon)).toEqual([]);
      const stale = new Date(at(1).getTime() + POST_CLAIM_MS);
      expect(await claimCardPost(b, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'nB' }, stale)).toMatchObject({
        kind: 'claimed',
        resumed: true,
        post: { nonce: 'nA' },
      });
    });

    it.skipIf(backend.skip)('gives a post to exactly one of two hosts claiming it at once, new or failed', async () => {
      const { a, b } = await twoHosts();
      const { card } = await queued(a);
      const claims = async () =>
        (
          await Promise.all([
            claimCardPost(a, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'nA' }, at(1)),
            claimCardPost(b, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'nB' }, at(1)),
          ])
        ).map((c) => c.kind);
      expect((await claims()).sort()).toEqual(['busy', 'claimed']);
      await markCardPostFailed(a, card.id, 'g1', at(1));
      expect((await claims()).sort()).toEqual(['busy', 'claimed']);
      const notices = await Promise.all(
        [a, b, a, b].map((host, i) => claimNotice(host, 'a.md', { guildId: 'g1', channelId: 'c1', nonce: `n${i}` }, at(1))),
      );
      expect(notices.filter((n) => n.kind === 'claimed')).toHaveLength(1);
    });

    it.skipIf(backend.skip)('posts a card whose post failed again, to the channel set now', async () => {
      const { card } = await queued();
      await claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'n1' }, at(1));
      await markCardPostFailed(db, card.id, 'g1', at(2));
      expect((await cardsToPost(db, 'g1')).map((c) => c.id)).toEqual([card.id]);
      expect(await claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c2', nonce: 'n2' }, at(3))).toMatchObject({
        kind: 'claimed',
        resumed: true,
        post: { channelId: 'c2', nonce: 'n1', attempts: 2 },
      });
      await expect(markCardPosted(db, card.id, 'g9', 'm1', at(4))).rejects.toThrow(/expected a claimed post/);
    });

    it.skipIf(backend.skip)('announces an added article once per server', async () => {
      expect((await claimNotice(db, 'a.md', { guildId: 'g1', channelId: 'c1', nonce: 'n1' }, T0)).kind).toBe('claimed');
      await markNoticePosted(db, 'a.md', 'g1', 'm1', at(1));
      expect((await claimNotice(db, 'a.md', { guildId: 'g1', channelId: 'c1', nonce: 'n2' }, at(2))).kind).toBe('done');
      expect((await claimNotice(db, 'a.md', { guildId: 'g2', channelId: 'c7', nonce: 'n3' }, at(2))).kind).toBe('claimed');
    });
  });

  describe('intake settings', () => {
    it.skipIf(backend.skip)("sets a server's review and announcement channels independently", async () => {
      expect(await getIntakeSettings(db, 'g1')).toBeNull();
      await setIntakeChannel(db, 'g1', 'review', 'c-review', T0);
      expect(await setIntakeChannel(db, 'g1', 'notify', 'c-news', at(1))).toEqual({
        guildId: 'g1',
        reviewChannelId: 'c-review',
        notifyChannelId: 'c-news',
        updatedAt: at(1).toISOString(),
      });
      expect((await setIntakeChannel(db, 'g1', 'notify', null, at(2))).notifyChannelId).toBeNull();
      expect((await getIntakeSettings(db, 'g1'))!.reviewChannelId).toBe('c-review');
      await setIntakeChannel(db, 'g0', 'notify', 'c0', at(3));
      expect((await listIntakeSettings(db)).map((s) => s.guildId)).toEqual(['g0', 'g1']);
    });
  });
});
