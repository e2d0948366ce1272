// The feed poller against a real local HTTP server and a real SQLite file, on an injected clock: exactly the
// on-story items, each once (across restarts too), backfill, discovery, the review queue, copies, backoff and pause,
// Retry-After, conditional GET, robots.txt, and the schedule.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { claimItem, getFeed, getItem, listItems } from '../../src/db/feeds.js';
import type { ReviewCard } from '../../src/db/review.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import type { Article } from '../../src/model/types.js';
import { parseAllowHosts } from '../../src/intake/address.js';
import { Fetcher } from '../../src/intake/fetch.js';
import { getLease } from '../../src/db/leases.js';
import {
  FEED_LEASE_NAME,
  FeedPoller,
  MAX_BACKOFF_MS,
  storyNames,
  type AddedArticle,
  type FeedPollReport,
  type Timers,
} from '../../src/intake/poller.js';
import { IntakeService } from '../../src/intake/service.js';
import { CLOCK_START, fakeClock, startFixtureServer, type FixtureServer } from './fixture-server.js';
import { feedXml, PAGES, pageHtml, storyEntities, type FeedEntry, type StoryPage } from './story-pages.js';

let server: FixtureServer;
const feeds = new Map<string, FeedEntry[]>();
const failing = new Map<string, (response: ServerResponse) => void>();
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const MINUTE = 60_000;

/** Serves `entries` at `feedPath` (changeable later), with an ETag honoured by a 304. */
function serveFeed(feedPath: string, entries: FeedEntry[]): FeedEntry[] {
  feeds.set(feedPath, entries);
  server.route(feedPath, (request, response) => {
    const fail = failing.get(feedPath);
    if (fail) return fail(response);
    const xml = feedXml(feeds.get(feedPath)!);
    const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 12)}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
  });
  return entries;
}

const entry = (page: StoryPage, prefix = '/news'): FeedEntry => ({
  guid: `${prefix}/${page.slug}`,
  page,
  link: `${server.origin}${prefix}/${page.slug}`,
});

beforeAll(async () => {
  server = await startFixtureServer();
  for (const page of Object.values(PAGES)) {
    server.route(`/news/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
    server.route(`/private/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
    server.route(`/wire/${page.slug}`, (_q, r) =>
      r
        .writeHead(200, HTML)
        .end(pageHtml(page, { chrome: 'wire', title: `WIRE: ${page.title.toLowerCase()}` })),
    );
  }
  server.route('/robots.txt', (_q, r) =>
    r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
  );
  server.route('/front', (_q, r) =>
    r
      .writeHead(200, HTML)
      .end(
        `<html><head><title>Harbour Gazette</title><link rel="alternate" type="application/rss+xml" href="/feeds/advertised.xml"></head><body><p>Front page</p></body></html>`,
      ),
  );
  server.route('/about', (_q, r) =>
    r.writeHead(200, HTML).end('<html><head><title>About</title></head><body><p>About us</p></body></html>'),
  );
});

afterAll(async () => {
  await server.close();
});

interface Harness {
  dir: string;
  dbFile: string;
  db: Db;
  poller: FeedPoller;
  service: IntakeService;
  /** The poller's clock (ms); `advance` moves it. */
  clock: { now(): number; advance(ms: number): void; set(ms: number): void };
  cards: ReviewCard[];
  added: AddedArticle[];
  reloadStory(): Promise<void>;
  files(): string[];
}

const open: { db: Db; fetcher: Fetcher }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.fetcher.close();
    await o.db.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  failing.clear();
});

/** A poller over a corpus folder and a database file; give the same ones again for a "restart". */
async function harness(reuse?: { dir: string; dbFile: string; now?: number }): Promise<Harness> {
  const dir = reuse?.dir ?? mkdtempSync(path.join(os.tmpdir(), 'storydesk-poller-'));
  if (!reuse) dirs.push(dir);
  const dbFile = reuse?.dbFile ?? path.join(dir, '..', `${path.basename(dir)}.db`);
  if (!reuse) dirs.push(dbFile, `${dbFile}-wal`, `${dbFile}-shm`);
  const db = await openDatabase(dbFile);
  let t = reuse?.now ?? CLOCK_START;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) };
  const fetcher = new Fetcher({ allowHosts: parseAllowHosts(server.host), clock: fakeClock() });
  open.push({ db, fetcher });
  let articles: Article[] = (await loadCorpus(dir)).articles;
  const story = { articles: () => articles, who: () => storyEntities() };
  const service = new IntakeService({ corpusDir: dir, story, fetcher, now: () => new Date(t) });
  const cards: ReviewCard[] = [];
  const added: AddedArticle[] = [];
  const poller = new FeedPoller({
    db,
    service,
    fetcher,
    story,
    clock,
    random: () => 0.5,
    onCard: (card) => void cards.push(card),
    onAdded: (a) => void added.push(a),
  });
  return {
    dir,
    dbFile,
    db,
    poller,
    service,
    clock,
    cards,
    added,
    reloadStory: async () => {
      articles = (await loadCorpus(dir)).articles;
    },
    files: () =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort(),
  };
}

const outcomes = (report: FeedPollReport) => report.items.map((i) => [i.title, i.outcome]);
const requestsFor = (p: string) => server.requests.filter((r) => r.path === p).length;

describe('FeedPoller: following a feed', () => {
  it('marks the current items seen when a feed is added, then takes exactly the on-story new items, once', async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/once.xml', [entry(PAGES.sinks!)]);
    const followed = await h.poller.addFeed(`${server.origin}/feeds/once.xml`, {
      mode: 'auto',
      addedBy: 'cli',
    });
    expect(followed).toMatchObject({
      ok: true,
      seen: 1,
      items: [],
      discoveredFrom: null,
      feed: { url: `${server.origin}/feeds/once.xml`, mode: 'auto', title: 'Harbour Gazette: latest' },
    });
    if (!followed.ok) return;
    expect(h.files()).toEqual([]);
    entries.push(entry(PAGES.inquiry!), entry(PAGES.museum!), entry(PAGES.survivor!), entry(PAGES.derby!));
    const [report] = await h.poller.pollAll();
    expect(report!.status).toBe('ok');
    expect(outcomes(report!)).toEqual([
      [PAGES.inquiry!.title, 'added'],
      [PAGES.museum!.title, 'skipped'],
      [PAGES.survivor!.title, 'added'],
      [PAGES.derby!.title, 'skipped'],
    ]);
    // The survivor's title and summary name nothing of the story; its article does.
    expect(report!.items[2]!.reason).toMatch(/^names Aurora Star, Kestrel Island/);
    expect(report!.items[1]!.reason).toMatch(/^names only Dunmore; needs 2/);
    expect(h.files()).toEqual([
      '2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md',
      '2025-01-09-survivor-recalls-night-in-freezing-water.md',
    ]);
    expect(h.added.map((a) => a.id)).toEqual(h.files());
    expect(await getFeed(h.db, followed.feed.id)).toMatchObject({ itemsTaken: 2, failures: 0, lastError: null });
    // Polled again: nothing new (a 304), nothing fetched again, nothing written again.
    const pages = requestsFor(`/news/${PAGES.inquiry!.slug}`);
    const [again] = await h.poller.pollAll();
    expect(again).toMatchObject({ status: 'not-modified', items: [] });
    expect(server.requests.at(-1)!.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    entries.push(entry(PAGES.derby!, '/sport'));
    const [third] = await h.poller.pollAll();
    expect(outcomes(third!)).toEqual([[PAGES.derby!.title, 'skipped']]);
    expect(requestsFor(`/news/${PAGES.inquiry!.slug}`)).toBe(pages);
    expect(h.files()).toHaveLength(2);
  });

  it('processes each item once across a restart, and after downtime every item it has not seen', async () => {
    const first = await harness();
    const entries = serveFeed('/feeds/restart.xml', [entry(PAGES.museum!)]);
    const followed = await first.poller.addFeed(`${server.origin}/feeds/restart.xml`, {
      mode: 'auto',
      addedBy: 'cli',
    });
    if (!followed.ok) throw new Error(followed.error);
    entries.push(entry(PAGES.sinks!));
    expect(outcomes((await first.poller.pollAll())[0]!)).toEqual([[PAGES.sinks!.title, 'added']]);
    await first.db.close();
    // Down for a day; three items appear meanwhile.
    entries.push(entry(PAGES.inquiry!), entry(PAGES.derby!), entry(PAGES.survivor!));
    const second = await harness({
      dir: first.dir,
      dbFile: first.dbFile,
      now: CLOCK_START + 24 * 60 * MINUTE,
    });
    const sinksFetches = requestsFor(`/news/${PAGES.sinks!.slug}`);
    const [report] = await second.poller.pollDue();
    // Oldest first, by the items' dates.
    expect(outcomes(report!)).toEqual([
      [PAGES.inquiry!.title, 'added'],
      [PAGES.survivor!.title, 'added'],
      [PAGES.derby!.title, 'skipped'],
    ]);
    expect(requestsFor(`/news/${PAGES.sinks!.slug}`)).toBe(sinksFetches);
    expect(second.files()).toHaveLength(3);
    expect((await getFeed(second.db, followed.feed.id))!.itemsTaken).toBe(3);
  });

  it('finishes an item a crash left half-done, even when the feed no longer lists it, without adding it twice', async () => {
    const h = await harness();
    serveFeed('/feeds/crash.xml', []);
    const followed = await h.poller.addFeed(`${server.origin}/feeds/crash.xml`, {
      mode: 'auto',
      addedBy: 'cli',
    });
    if (!followed.ok) throw new Error(followed.error);
    // Recorded before acting, then the process died.
    await claimItem(h.db, followed.feed.id, {
      id: 'gone-item',
      title: PAGES.inquiry!.title,
      link: `${server.origin}/news/${PAGES.inquiry!.slug}`,
      summary: PAGES.inquiry!.summary,
      date: null,
    });
    const [report] = await h.poller.pollAll();
    expect(outcomes(report!)).toEqual([[PAGES.inquiry!.title, 'added']]);
    expect(h.files()).toHaveLength(1);
    expect((await getItem(h.db, followed.feed.id, 'gone-item'))!.outcome).toBe('added');
  });

  it('with backfill, processes the items the feed lists when it is added', async () => {
    const h = await harness();
    serveFeed('/feeds/backfill.xml', [entry(PAGES.sinks!), entry(PAGES.derby!), entry(PAGES.inquiry!)]);
    const followed = await h.poller.addFeed(`${server.origin}/feeds/backfill.xml`, {
      mode: 'auto',
      backfill: true,
      addedBy: 'cli',
    });
    expect(followed.ok && followed.seen).toBe(0);
    expect(followed.ok && followed.items.map((i) => [i.title, i.outcome])).toEqual([
      [PAGES.sinks!.title, 'added'],
      [PAGES.inquiry!.title, 'added'],
      [PAGES.derby!.title, 'skipped'],
    ]);
    expect(h.files()).toHaveLength(2);
  });

  it('finds the feed a page advertises, or says the page has none', async () => {
    const h = await harness();
    serveFeed('/feeds/advertised.xml', [entry(PAGES.sinks!)]);
    const found = await h.poller.addFeed(`${server.origin}/front`, { addedBy: 'cli' });
    expect(found).toMatchObject({
      ok: true,
      discoveredFrom: `${server.origin}/front`,
      feed: {
        url: `${server.origin}/feeds/advertised.xml`,
        pageUrl: `${server.origin}/front`,
        mode: 'review',
      },
    });
    const none = await h.poller.addFeed(`${server.origin}/about`, { addedBy: 'cli' });
    expect(none).toEqual({
      ok: false,
      source: `${server.origin}/about`,
      error: `${server.origin}/about is a web page that advertises no feed (no <link rel="alternate" type="application/rss+xml">); give the feed's own URL`,
    });
    const again = await h.poller.addFeed(`${server.origin}/feeds/advertised.xml?utm_source=x`, {
      addedBy: 'cli',
    });
    expect(again).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^already following .*advertised\.xml \(feed \d+\)$/),
    });
    expect((await h.poller.feed(`${server.origin}/front`))?.url).toBe(`${server.origin}/feeds/advertised.xml`);
  });

  it('refuses a bad filter expression, a mode that is neither review nor auto, a private address and a feed that does not parse', async () => {
    const h = await harness();
    server.route('/feeds/garbage.xml', (_q, r) =>
      r.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item>'),
    );
    expect(
      await h.poller.addFeed(`${server.origin}/feeds/x.xml`, { match: 'ferry AND (', addedBy: 'cli' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^story filter "ferry AND \(": at character/),
    });
    expect(
      await h.poller.addFeed(`${server.origin}/feeds/x.xml`, { mode: 'sometimes' as never, addedBy: 'cli' }),
    ).toMatchObject({ ok: false, error: 'mode must be review or auto, not "sometimes"' });
    expect(await h.poller.addFeed('http://10.0.0.1/feed.xml', { addedBy: 'cli' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/10\.0\.0\.1 is a private address/),
    });
    expect(await h.poller.addFeed(`${server.origin}/feeds/garbage.xml`, { addedBy: 'cli' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^cannot read the feed at/),
    });
    expect(await h.poller.feeds()).toEqual([]);
  });

  it("uses the match expression instead of the story's names when the feed has one", async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/match.xml', []);
    await h.poller.addFeed(`${server.origin}/feeds/match.xml`, {
      mode: 'auto',
      match: 'museum OR goal',
      addedBy: 'cli',
    });
    entries.push(entry(PAGES.sinks!), entry(PAGES.museum!), entry(PAGES.derby!));
    const [report] = await h.poller.pollAll();
    expect(report!.items.map((i) => [i.title, i.outcome, i.reason])).toEqual([
      [PAGES.sinks!.title, 'skipped', 'does not match museum OR goal'],
      [PAGES.museum!.title, 'added', 'matches museum'],
      [PAGES.derby!.title, 'added', 'matches goal'],
    ]);
  });

  it('records a near copy of an article of the story as also on it, whatever the mode', async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/copies.xml', []);
    await h.poller.addFeed(`${server.origin}/feeds/copies.xml`, { mode: 'review', addedBy: 'cli' });
    const original = await h.service.previewAndAdd(`${server.origin}/news/${PAGES.sinks!.slug}`, {
      via: 'cli',
    });
    if (!original.ok) throw new Error(original.error);
    entries.push(entry(PAGES.sinks!, '/wire'));
    const [report] = await h.poller.pollAll();
    expect(report!.items).toMatchObject([
      {
        outcome: 'copy',
        articleId: original.id,
        reason: `a near copy of “${PAGES.sinks!.title}”: recorded on it as also`,
      },
    ]);
    expect(h.cards).toEqual([]);
    await h.reloadStory();
    expect(h.service.articleWithUrl(`${server.origin}/wire/${PAGES.sinks!.slug}`)?.id).toBe(original.id);
  });

  it('honours robots.txt for what it fetches by itself', async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/robots.xml', []);
    await h.poller.addFeed(`${server.origin}/feeds/robots.xml`, { mode: 'auto', addedBy: 'cli' });
    entries.push(entry(PAGES.sinks!, '/private'));
    const [report] = await h.poller.pollAll();
    expect(report!.items).toMatchObject([
      { outcome: 'skipped', reason: expect.stringMatching(/robots\.txt/) },
    ]);
    expect(requestsFor(`/private/${PAGES.sinks!.slug}`)).toBe(0);
    // A feed under a disallowed path can be added by a person, but is not polled.
    serveFeed('/private/feed.xml', []);
    const followed = await h.poller.addFeed(`${server.origin}/private/feed.xml`, { addedBy: 'cli' });
    expect(followed.ok).toBe(true);
    if (!followed.ok) return;
    const polled = await h.poller.pollFeed(followed.feed.id);
    expect(polled).toMatchObject({ status: 'failed', error: expect.stringMatching(/robots\.txt/) });
  });
});

describe('FeedPoller: the review queue', () => {
  it('queues on-story items as cards, adds an approved one, and never brings a rejected one back, across a restart', async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/review.xml', []);
    const followed = await h.poller.addFeed(`${server.origin}/feeds/review.xml`, { addedBy: 'discord:1/2' });
    if (!followed.ok) throw new Error(followed.error);
    entries.push(entry(PAGES.inquiry!), entry(PAGES.derby!), entry(PAGES.survivor!));
    const [report] = await h.poller.pollAll();
    expect(outcomes(report!)).toEqual([
      [PAGES.inquiry!.title, 'queued'],
      [PAGES.survivor!.title, 'queued'],
      [PAGES.derby!.title, 'skipped'],
    ]);
    expect(h.files()).toEqual([]);
    expect(h.cards.map((c) => c.article.title)).toEqual([PAGES.inquiry!.title, PAGES.survivor!.title]);
    expect((await h.poller.pendingCards()).map((c) => c.id)).toEqual(h.cards.map((c) => c.id));
    const [inquiry, survivor] = h.cards;
    expect(inquiry).toMatchObject({
      state: 'pending',
      reason: expect.stringMatching(/^names /),
      feedUrl: followed.feed.url,
      article: { outlet: 'Harbour Gazette', date: '2025-01-08', paragraphs: PAGES.inquiry!.paragraphs },
    });

    const approved = await h.poller.approve(inquiry!.id, 'discord:1/5');
    expect(approved).toMatchObject({
      ok: true,
      outcome: 'added',
      articleId: '2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md',
      card: { state: 'approved', decidedBy: 'discord:1/5' },
    });
    expect(h.files()).toEqual(['2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md']);
    expect(h.added.map((a) => a.id)).toEqual(h.files());
    expect(await h.poller.approve(inquiry!.id, 'discord:1/6')).toMatchObject({
      ok: false,
      error: 'already approved by discord:1/5',
    });
    expect(await h.poller.reject(survivor!.id, 'discord:1/5')).toMatchObject({ ok: true, outcome: 'rejected' });
    expect(await getItem(h.db, followed.feed.id, survivor!.itemId)).toMatchObject({
      outcome: 'rejected',
      reason: 'rejected by discord:1/5',
    });
    expect((await getFeed(h.db, followed.feed.id))!.itemsTaken).toBe(1);
    expect(await h.poller.pendingCards()).toEqual([]);
    await h.db.close();

    // After a restart the feed still lists the rejected item (with a new ETag): it does not come back.
    entries.push(entry(PAGES.museum!));
    const again = await harness({ dir: h.dir, dbFile: h.dbFile });
    const [later] = await again.poller.pollAll();
    expect(outcomes(later!)).toEqual([[PAGES.museum!.title, 'skipped']]);
    expect(again.cards).toEqual([]);
    expect(await again.poller.pendingCards()).toEqual([]);
  });

  it('approving a card whose article arrived meanwhile says so, and writes nothing', async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/review-dup.xml', []);
    await h.poller.addFeed(`${server.origin}/feeds/review-dup.xml`, { addedBy: 'cli' });
    entries.push(entry(PAGES.inquiry!));
    await h.poller.pollAll();
    const added = await h.service.previewAndAdd(`${server.origin}/news/${PAGES.inquiry!.slug}`, {
      via: 'cli',
    });
    expect(added.ok).toBe(true);
    const result = await h.poller.approve(h.cards[0]!.id, 'cli');
    expect(result).toMatchObject({
      ok: true,
      outcome: 'duplicate',
      message: `already in the story: ${PAGES.inquiry!.title}`,
    });
    expect(h.files()).toHaveLength(1);
  });
});

describe('FeedPoller: failures', () => {
  it('backs off exponentially up to 6 h, pauses after 3 days of failures, and a poll that works lifts the pause', async () => {
    const h = await harness();
    serveFeed('/feeds/flaky.xml', [entry(PAGES.sinks!)]);
    const followed = await h.poller.addFeed(`${server.origin}/feeds/flaky.xml`, { addedBy: 'cli' });
    if (!followed.ok) throw new Error(followed.error);
    expect(Date.parse(followed.feed.nextPollAt!) - h.clock.now()).toBe(15 * MINUTE);
    failing.set('/feeds/flaky.xml', (r) => r.writeHead(500, { 'content-type': 'text/plain' }).end('down'));
    const waits: number[] = [];
    const start = h.clock.now();
    for (let i = 0; i < 40 && !(await getFeed(h.db, followed.feed.id))!.pausedAt; i++) {
      h.clock.set(Date.parse((await getFeed(h.db, followed.feed.id))!.nextPollAt!));
      const reports = await h.poller.pollDue();
      expect(reports.map((r) => r.status)).toEqual(['failed']);
      const feed = reports[0]!.feed;
      if (!feed.pausedAt) waits.push(Date.parse(feed.nextPollAt!) - h.clock.now());
    }
    // The interval (15 min) doubled per failure, up to the cap.
    expect(waits.slice(0, 6)).toEqual([30, 60, 120, 240, 360, 360].map((m) => m * MINUTE));
    expect(Math.max(...waits)).toBe(MAX_BACKOFF_MS);
    const paused = (await getFeed(h.db, followed.feed.id))!;
    expect(paused.pausedAt).not.toBeNull();
    expect(Date.parse(paused.pausedAt!) - start).toBeGreaterThanOrEqual(3 * 24 * 60 * MINUTE);
    expect(paused.lastError).toBe(
      `cannot fetch ${server.origin}/feeds/flaky.xml: the server answered HTTP 500 Internal Server Error`,
    );
    expect(paused.failingSince).toBe(new Date(start + 15 * MINUTE).toISOString());
    // Paused: not polled when due, only when asked; a poll that works lifts the pause.
    h.clock.advance(7 * 24 * 60 * MINUTE);
    expect(await h.poller.pollDue()).toEqual([]);
    failing.delete('/feeds/flaky.xml');
    const [resumed] = await h.poller.pollAll();
    // Its ETag survived the failures: the feed has not changed, and says so.
    expect(resumed).toMatchObject({
      status: 'not-modified',
      feed: { pausedAt: null, failures: 0, lastError: null, failingSince: null },
    });
  });

  it('waits as long as Retry-After asks after a 429', async () => {
    const h = await harness();
    serveFeed('/feeds/busy.xml', []);
    const followed = await h.poller.addFeed(`${server.origin}/feeds/busy.xml`, { addedBy: 'cli' });
    if (!followed.ok) throw new Error(followed.error);
    failing.set('/feeds/busy.xml', (r) =>
      r.writeHead(429, { 'retry-after': '36000', 'content-type': 'text/plain' }).end('slow down'),
    );
    const [report] = await h.poller.pollAll();
    expect(report).toMatchObject({
      status: 'retry-later',
      error: expect.stringMatching(/HTTP 429 Too Many Requests; try again in 36000 s/),
    });
    expect(Date.parse(report!.feed.nextPollAt!) - h.clock.now()).toBe(36000 * 1000);
  });

  it('retries an item whose page fails for now at the next poll, and gives up after a few tries', async () => {
    const h = await harness();
    const entries = serveFeed('/feeds/item-503.xml', []);
    await h.poller.addFeed(`${server.origin}/feeds/item-503.xml`, { mode: 'auto', addedBy: 'cli' });
    let fail = true;
    server.route('/flaky/page', (_q, r) =>
      fail
        ? r.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway')
        : r.writeHead(200, HTML).end(pageHtml(PAGES.inquiry!)),
    );
    entries.push({ guid: 'flaky-1', page: PAGES.inquiry!, link: `${server.origin}/flaky/page` });
    expect((await h.poller.pollAll())[0]!.items).toMatchObject([
      { outcome: 'pending', reason: expect.stringMatching(/HTTP 502 Bad Gateway \(will try again\)$/) },
    ]);
    fail = false;
    expect((await h.poller.pollAll())[0]!.items).toMatchObject([{ outcome: 'added' }]);
    fail = true;
    entries.push({ guid: 'flaky-2', page: PAGES.sinks!, link: `${server.origin}/flaky/page?2` });
    const outcomesSeen: string[] = [];
    for (let i = 0; i < 6; i++)
      outcomesSeen.push(...(await h.poller.pollAll())[0]!.items.map((item) => item.outcome));
    expect(outcomesSeen).toEqual(['pending', 'pending', 'pending', 'pending', 'skipped']);
  });
});

describe('FeedPoller: the schedule', () => {
  it('polls due feeds when started, and sets its next wake-up by the next feed due (at most a minute away)', async () => {
    const h0 = await harness();
    await h0.db.close();
    const scheduled: { callback: () => void; ms: number }[] = [];
    const timers: Timers = {
      setTimeout: (callback, ms) => scheduled.push({ callback, ms }),
      clearTimeout: () => undefined,
    };
    const db = await openDatabase(h0.dbFile);
    const fetcher = new Fetcher({ allowHosts: parseAllowHosts(server.host), clock: fakeClock() });
    open.push({ db, fetcher });
    let t = CLOCK_START;
    const story = { articles: () => [], who: () => storyEntities() };
    const service = new IntakeService({ corpusDir: h0.dir, story, fetcher, now: () => new Date(t) });
    const poller = new FeedPoller({
      db,
      service,
      fetcher,
      story,
      clock: { now: () => t },
      random: () => 0.5,
      timers,
      pollMinutes: 1,
      // Renewed every hour: these wake-ups are told apart from the polls' by their delay.
      leaseMs: 3 * 60 * MINUTE,
    });
    const RENEW = 60 * MINUTE;
    const wakeups = () => scheduled.filter((s) => s.ms !== RENEW).map((s) => s.ms);
    const nextWakeup = () => scheduled.splice(scheduled.findIndex((s) => s.ms !== RENEW), 1)[0]!;
    const entries = serveFeed('/feeds/scheduled.xml', []);
    const followed = await poller.addFeed(`${server.origin}/feeds/scheduled.xml`, {
      mode: 'auto',
      addedBy: 'cli',
    });
    if (!followed.ok) throw new Error(followed.error);
    // FEED_POLL_MINUTES below 5 counts as 5.
    expect(Date.parse(followed.feed.nextPollAt!) - t).toBe(5 * MINUTE);
    poller.start();
    expect(wakeups()).toEqual([0]);
    entries.push(entry(PAGES.sinks!));
    const polls = () => requestsFor('/feeds/scheduled.xml');
    const before = polls();
    nextWakeup().callback();
    await poller.idle();
    // The lease taken at start (the only poller here), to be renewed in a third of its period.
    expect(poller.holdsLease()).toBe(true);
    expect(await getLease(db, FEED_LEASE_NAME)).toMatchObject({ holder: db.hostId });
    expect(scheduled.filter((s) => s.ms === RENEW)).toHaveLength(1);
    // Not due yet: nothing fetched; the next wake-up is at most a minute away.
    expect(polls()).toBe(before);
    expect(wakeups()).toEqual([MINUTE]);
    t += 5 * MINUTE;
    nextWakeup().callback();
    await poller.idle();
    expect(polls()).toBe(before + 1);
    expect(wakeups()).toEqual([MINUTE]);
    await poller.stop();
    expect((await listItems(db, followed.feed.id)).map((i) => i.outcome)).toEqual(['added']);
    // Given up at stop, so another host need not wait for it to expire.
    expect(await getLease(db, FEED_LEASE_NAME)).toBeNull();
  });

  it("derives the default filter's names from the story's entities, most mentioned first, with aliases", () => {
    const names = storyNames({
      who: () => [
        { name: 'B', kind: 'person', roles: [], aliases: ['Bee'], mentions: 3 },
        { name: 'A', kind: 'place', roles: [], aliases: [], mentions: 9 },
      ],
    });
    expect(names).toEqual([
      { name: 'A', aliases: [] },
      { name: 'B', aliases: ['Bee'] },
    ]);
  });
});
