// Intake state in a real SQLite file: feeds and their poll state, items recorded once, the review queue, posts
// recorded before they are sent, and each server's intake channels.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimItem, dueFeeds, findFeedByUrl, getFeed, getItem, insertFeed, knownItems, listFeeds, markItemsSeen, nextPollTime, pendingItems, recordPollFailure, recordPollSuccess, removeFeed, retryItemLater, settleItem, type NewFeed } from '../../src/db/feeds.js';
import { cardPosts, cardPostsInDoubt, cardsToPost, claimCardPost, claimNotice, decideCard, getCard, markCardPosted, markCardPostFailed, markNoticePosted, pendingCards, queueCard, reopenCard, settleApproved, type CardArticle } from '../../src/db/review.js';
import { getIntakeSettings, setIntakeChannel } from '../../src/db/intake-settings.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { schemaVersion } from '../../src/db/migrations.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => db?.close());

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

function open(file = path.join(tmp(), 'storydesk.db')): Db {
  db = openDatabase(file);
  return db;
}

describe('feeds', () => {
  it('records a feed with its validators, lists it, and finds it by URL; migration 3 applied', () => {
    open();
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(3);
    const feed = insertFeed(db, newFeed({ match: 'ferry OR "coast guard"', mode: 'auto' }), T0);
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
    expect(findFeedByUrl(db, feed.url)?.id).toBe(feed.id);
    expect(listFeeds(db).map((f) => f.id)).toEqual([feed.id]);
    expect(() => insertFeed(db, newFeed(), T0)).toThrow(/UNIQUE/);
  });

  it('lists the due feeds, never the paused ones, and says when the next is due', () => {
    open();
    const a = insertFeed(db, newFeed({ url: 'https://a.example/feed', nextPollAt: at(10) }), T0);
    const b = insertFeed(db, newFeed({ url: 'https://b.example/feed', nextPollAt: at(20) }), T0);
    expect(dueFeeds(db, at(5))).toEqual([]);
    expect(dueFeeds(db, at(10)).map((f) => f.id)).toEqual([a.id]);
    expect(nextPollTime(db)).toEqual(at(10));
    recordPollFailure(db, a.id, { error: 'down', nextPollAt: at(30), pause: true }, at(10));
    expect(dueFeeds(db, at(60)).map((f) => f.id)).toEqual([b.id]);
    expect(nextPollTime(db)).toEqual(at(20));
  });

  it('counts failures from the first one, keeps the last error, and clears it all (and a pause) on success', () => {
    open();
    const feed = insertFeed(db, newFeed(), T0);
    recordPollFailure(db, feed.id, { error: 'HTTP 500', nextPollAt: at(30), pause: false }, at(15));
    const twice = recordPollFailure(
      db,
      feed.id,
      { error: 'timeout', nextPollAt: at(90), pause: true },
      at(45),
    );
    expect(twice).toMatchObject({
      failures: 2,
      failingSince: at(15).toISOString(),
      lastError: 'timeout',
      pausedAt: at(45).toISOString(),
      lastPollAt: at(45).toISOString(),
    });
    const ok = recordPollSuccess(
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

  it('removes a feed with its items and cards', () => {
    open();
    const feed = insertFeed(db, newFeed(), T0);
    claimItem(db, feed.id, item('x'), T0);
    queueCard(db, { feedId: feed.id, itemId: 'x', article, reason: 'names A and B' }, T0);
    expect(removeFeed(db, feed.id)).toBe(true);
    expect(getFeed(db, feed.id)).toBeNull();
    expect(getItem(db, feed.id, 'x')).toBeNull();
    expect(pendingCards(db)).toEqual([]);
    expect(removeFeed(db, feed.id)).toBe(false);
  });
});

describe('feed items', () => {
  it('claims an item once, across a reopening of the file; seen items are never claimed', () => {
    const file = path.join(tmp(), 'storydesk.db');
    open(file);
    const feed = insertFeed(db, newFeed(), T0);
    expect(markItemsSeen(db, feed.id, [item('old-1'), item('old-2')], T0)).toBe(2);
    expect(claimItem(db, feed.id, item('new-1'), at(1))).toBe(true);
    expect(claimItem(db, feed.id, item('new-1'), at(2))).toBe(false);
    db.close();
    open(file);
    expect(claimItem(db, feed.id, item('new-1'), at(3))).toBe(false);
    expect(claimItem(db, feed.id, item('old-1'), at(3))).toBe(false);
    expect(knownItems(db, feed.id, ['old-1', 'new-1', 'new-2'])).toEqual(new Set(['old-1', 'new-1']));
    expect(pendingItems(db, feed.id).map((i) => i.itemId)).toEqual(['new-1']);
  });

  it('settles an item; an added one counts as taken by its feed', () => {
    open();
    const feed = insertFeed(db, newFeed(), T0);
    claimItem(db, feed.id, item('a'), T0);
    claimItem(db, feed.id, item('b'), T0);
    settleItem(
      db,
      feed.id,
      'a',
      { outcome: 'added', reason: 'names X and Y', articleId: '2025-01-06-a.md' },
      at(1),
    );
    settleItem(db, feed.id, 'b', { outcome: 'skipped', reason: 'names none of them' }, at(1));
    expect(getItem(db, feed.id, 'a')).toMatchObject({
      outcome: 'added',
      articleId: '2025-01-06-a.md',
      reason: 'names X and Y',
      link: 'https://news.example/a',
    });
    expect(getItem(db, feed.id, 'b')).toMatchObject({ outcome: 'skipped', articleId: null });
    expect(getFeed(db, feed.id)!.itemsTaken).toBe(1);
    expect(pendingItems(db, feed.id)).toEqual([]);
  });

  it('keeps an item that failed for now pending, counting its attempts', () => {
    open();
    const feed = insertFeed(db, newFeed(), T0);
    claimItem(db, feed.id, item('a'), T0);
    expect(retryItemLater(db, feed.id, 'a', 'timeout', at(1))).toBe(1);
    expect(retryItemLater(db, feed.id, 'a', 'timeout', at(2))).toBe(2);
    expect(pendingItems(db, feed.id)).toMatchObject([
      { itemId: 'a', attempts: 2, reason: 'timeout', outcome: 'pending' },
    ]);
  });
});

describe('the review queue', () => {
  function queued() {
    open();
    const feed = insertFeed(db, newFeed(), T0);
    claimItem(db, feed.id, item('x'), T0);
    const card = queueCard(db, { feedId: feed.id, itemId: 'x', article, reason: 'names A and B' }, T0);
    return { feed, card };
  }

  it('queues a card with the article it will add; the item is queued', () => {
    const { feed, card } = queued();
    expect(card).toMatchObject({
      feedId: feed.id,
      itemId: 'x',
      feedUrl: feed.url,
      article,
      reason: 'names A and B',
      state: 'pending',
      decidedBy: null,
    });
    expect(getItem(db, feed.id, 'x')!.outcome).toBe('queued');
    expect(pendingCards(db).map((c) => c.id)).toEqual([card.id]);
  });

  it('decides a card once: the first decision wins; a rejected item stays rejected', () => {
    const { feed, card } = queued();
    expect(decideCard(db, card.id, 'rejected', 'discord:1/2', at(1))).toMatchObject({
      state: 'rejected',
      decidedBy: 'discord:1/2',
    });
    expect(decideCard(db, card.id, 'approved', 'discord:1/3', at(2))).toBeNull();
    expect(getItem(db, feed.id, 'x')).toMatchObject({
      outcome: 'rejected',
      reason: 'rejected by discord:1/2',
    });
    expect(claimItem(db, feed.id, item('x'), at(3))).toBe(false);
    expect(pendingCards(db)).toEqual([]);
  });

  it('settles an approval with the article added, or reopens it when the article could not be written', () => {
    const { feed, card } = queued();
    decideCard(db, card.id, 'approved', 'cli', at(1));
    reopenCard(db, card.id, at(2));
    expect(getCard(db, card.id)).toMatchObject({ state: 'pending', decidedBy: null });
    decideCard(db, card.id, 'approved', 'cli', at(3));
    expect(
      settleApproved(db, card.id, { outcome: 'added', reason: 'approved by cli', articleId: 'a.md' }, at(4)),
    ).toMatchObject({ state: 'approved', articleId: 'a.md' });
    expect(getItem(db, feed.id, 'x')!.outcome).toBe('added');
    expect(getFeed(db, feed.id)!.itemsTaken).toBe(1);
  });

  it('records a post before it is sent: a posted card is never posted again, even after a restart', () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = openDatabase(file);
    const feed = insertFeed(db, newFeed(), T0);
    claimItem(db, feed.id, item('x'), T0);
    const card = queueCard(db, { feedId: feed.id, itemId: 'x', article, reason: 'r' }, T0);
    expect(cardsToPost(db, 'g1').map((c) => c.id)).toEqual([card.id]);
    const claim = claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'n1' }, at(1));
    expect(claim).toMatchObject({
      kind: 'claimed',
      resumed: false,
      post: { status: 'posting', nonce: 'n1' },
    });
    expect(cardsToPost(db, 'g1')).toEqual([]);
    expect(cardsToPost(db, 'g2').map((c) => c.id)).toEqual([card.id]);
    db.close();
    db = openDatabase(file);
    // The process died before the message id was recorded: the post is in doubt and resumed with its own nonce.
    expect(cardPostsInDoubt(db, 'g1').map((d) => [d.card.id, d.post.nonce])).toEqual([[card.id, 'n1']]);
    expect(claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c9', nonce: 'n2' }, at(2))).toMatchObject({
      kind: 'claimed',
      resumed: true,
      post: { nonce: 'n1', channelId: 'c1', attempts: 2 },
    });
    markCardPosted(db, card.id, 'g1', 'm1', at(3));
    expect(claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'n3' }, at(4))).toMatchObject({
      kind: 'done',
      post: { messageId: 'm1' },
    });
    expect(cardPosts(db, card.id)).toMatchObject([{ guildId: 'g1', messageId: 'm1', status: 'posted' }]);
  });

  it('posts a card whose post failed again, to the channel set now', () => {
    const { card } = queued();
    claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c1', nonce: 'n1' }, at(1));
    markCardPostFailed(db, card.id, 'g1', at(2));
    expect(cardsToPost(db, 'g1').map((c) => c.id)).toEqual([card.id]);
    expect(claimCardPost(db, card.id, { guildId: 'g1', channelId: 'c2', nonce: 'n2' }, at(3))).toMatchObject({
      kind: 'claimed',
      post: { channelId: 'c2' },
    });
  });

  it('announces an added article once per server', () => {
    open();
    expect(claimNotice(db, 'a.md', { guildId: 'g1', channelId: 'c1', nonce: 'n1' }, T0).kind).toBe('claimed');
    markNoticePosted(db, 'a.md', 'g1', 'm1', at(1));
    expect(claimNotice(db, 'a.md', { guildId: 'g1', channelId: 'c1', nonce: 'n2' }, at(2)).kind).toBe('done');
    expect(claimNotice(db, 'a.md', { guildId: 'g2', channelId: 'c7', nonce: 'n3' }, at(2)).kind).toBe(
      'claimed',
    );
  });
});

describe('intake settings', () => {
  it("sets a server's review and announcement channels independently", () => {
    open();
    expect(getIntakeSettings(db, 'g1')).toBeNull();
    setIntakeChannel(db, 'g1', 'review', 'c-review', T0);
    expect(setIntakeChannel(db, 'g1', 'notify', 'c-news', at(1))).toEqual({
      guildId: 'g1',
      reviewChannelId: 'c-review',
      notifyChannelId: 'c-news',
      updatedAt: at(1).toISOString(),
    });
    expect(setIntakeChannel(db, 'g1', 'notify', null, at(2)).notifyChannelId).toBeNull();
    expect(getIntakeSettings(db, 'g1')!.reviewChannelId).toBe('c-review');
  });
});
