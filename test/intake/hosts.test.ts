// Two hosts on one database (both back ends: Postgres, two stores on one database; SQLite, one file opened twice),
// each with its own feed poller, corpus folder and timers, on one fake clock, polling feeds from the loopback fixture
// server: only the holder of the feed-poller lease polls; when it dies (its timers never fire again, so it neither
// renews nor releases) the other takes over within one lease period; and no item is processed twice, even when both
// poll at once or one stalls mid-item past its claim. "Processed" is counted by what each host added and by the
// requests for each item's page.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFeed, listItems } from '../../src/db/feeds.js';
import { getLease } from '../../src/db/leases.js';
import type { Db } from '../../src/db/open.js';
import { parseAllowHosts } from '../../src/intake/address.js';
import { Fetcher } from '../../src/intake/fetch.js';
import { FEED_LEASE_NAME, FeedPoller, ITEM_CLAIM_MS, type FeedFetcher, type Timers } from '../../src/intake/poller.js';
import { IntakeService } from '../../src/intake/service.js';
import { backends } from '../helpers/stores.js';
import { CLOCK_START, fakeClock, startFixtureServer, type FixtureServer } from './fixture-server.js';
import { feedXml, PAGES, pageHtml, storyEntities, type FeedEntry, type StoryPage } from './story-pages.js';
import { openTwoHosts, type Hosts } from './two-hosts.js';

const LEASE_MS = 30_000;
const MINUTE = 60_000;
const HTML = { 'content-type': 'text/html; charset=utf-8' };

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

/** Timers that fire only when the test runs them, at the shared fake clock's time. */
class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { due: number; callback: () => void }>();
  constructor(private readonly clock: { now(): number }) {}
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { due: this.clock.now() + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown): void => void this.pending.delete(handle as number);
  nextDue(): number {
    return Math.min(...[...this.pending.values()].map((p) => p.due));
  }
}

interface Host {
  name: string;
  db: Db;
  poller: FeedPoller;
  timers: ManualTimers;
  dir: string;
  /** Articles this host added. */
  added: string[];
  /** Feed fetches this host made. */
  feedPolls: number;
  /** When (fake clock) this host took the lease over. */
  tookOver: number[];
  logs: string[];
}

let serial = 0;

describe.each(backends)('feed polling across two hosts on $name', (backend) => {
  let hosts: Hosts | null = null;
  const made: { host: Host; fetcher: Fetcher }[] = [];
  const clock = { t: CLOCK_START, now: () => clock.t };

  afterEach(async () => {
    for (const { host, fetcher } of made.splice(0)) {
      await host.poller.stop();
      fetcher.close();
      rmSync(host.dir, { recursive: true, force: true });
    }
    await hosts?.close();
    hosts = null;
    clock.t = CLOCK_START;
  });

  function host(db: Db, name: string): Host {
    const fetcher = new Fetcher({ allowHosts: parseAllowHosts(server.host), clock: fakeClock() });
    const dir = mkdtempSync(path.join(os.tmpdir(), `storydesk-host-${name}-`));
    const timers = new ManualTimers(clock);
    const h = { name, db, timers, dir, added: [], feedPolls: 0, tookOver: [], logs: [] } as unknown as Host;
    const counted: FeedFetcher = {
      fetch: (input, request) => fetcher.fetch(input, request),
      fetchFeed: (input, request) => {
        h.feedPolls++;
        return fetcher.fetchFeed(input, request);
      },
      fetchPage: (input, request) => fetcher.fetchPage(input, request),
    };
    // Each host its own corpus folder (hosts on other machines): an item processed twice would be written twice.
    const story = { articles: () => [], who: () => storyEntities() };
    const service = new IntakeService({ corpusDir: dir, story, fetcher: counted, now: () => new Date(clock.t) });
    h.poller = new FeedPoller({
      db,
      service,
      fetcher: counted,
      story,
      clock,
      random: () => 0.5,
      timers,
      leaseMs: LEASE_MS,
      log: (_level, message) => {
        h.logs.push(message);
        if (message.includes('polls the feeds now')) h.tookOver.push(clock.t);
      },
      onAdded: (a) => void h.added.push(a.id),
    });
    made.push({ host: h, fetcher });
    return h;
  }

  /** Runs the host's timers that are due now, and what they schedule that is due too, letting its work finish. */
  async function run(h: Host): Promise<void> {
    for (;;) {
      const due = [...h.timers.pending].filter(([, p]) => p.due <= clock.t).sort((a, b) => a[1].due - b[1].due);
      if (due.length === 0) return;
      for (const [id, p] of due) {
        h.timers.pending.delete(id);
        p.callback();
      }
      await h.poller.idle();
    }
  }

  /** Moves the clock to `target`, stopping at every wake-up of the `live` hosts (one after the other, never at once). */
  async function advanceTo(target: number, live: Host[], until?: () => boolean): Promise<void> {
    for (;;) {
      const next = Math.min(...live.map((h) => h.timers.nextDue()));
      if (next > target) break;
      clock.t = Math.max(clock.t, next);
      for (const h of live) await run(h);
      if (until?.()) return;
    }
    clock.t = target;
  }

  /** A feed and its pages under a path of their own; `gate` holds the first request for one page until released. */
  function feedWithPages(gated?: StoryPage) {
    const prefix = `/h${++serial}`;
    const entries: FeedEntry[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    for (const page of Object.values(PAGES)) {
      server.route(`${prefix}/${page.slug}`, (_q, r) => {
        if (page === gated && !held) {
          held = true;
          void gate.then(() => r.writeHead(200, HTML).end(pageHtml(page)));
          return;
        }
        r.writeHead(200, HTML).end(pageHtml(page));
      });
    }
    server.route(`${prefix}/feed.xml`, (request, response) => {
      const xml = feedXml(entries);
      const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 12)}"`;
      if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
    });
    return {
      url: `${server.origin}${prefix}/feed.xml`,
      push: (...pages: StoryPage[]) => entries.push(...pages.map((page) => ({ guid: `${prefix}/${page.slug}`, page, link: `${server.origin}${prefix}/${page.slug}` }))),
      /** Requests for each page, by slug. */
      fetched: (page: StoryPage) => server.requests.filter((r) => r.path === `${prefix}/${page.slug}`).length,
      held: () => held,
      release: () => release(),
    };
  }

  const files = (h: Host) => readdirSync(h.dir).filter((f) => f.endsWith('.md'));

  it.skipIf(backend.skip)(
    'only the lease holder polls; when it dies the other takes over within one lease period; no item is processed twice',
    async () => {
      hosts = await openTwoHosts(backend);
      const a = host(hosts.a, 'A');
      const b = host(hosts.b, 'B');
      const feed = feedWithPages();
      feed.push(PAGES.museum!);
      const followed = await a.poller.addFeed(feed.url, { mode: 'auto', addedBy: 'cli' });
      if (!followed.ok) throw new Error(followed.error);
      const added = a.feedPolls;

      a.poller.start();
      await run(a);
      b.poller.start();
      await run(b);
      expect([a.poller.holdsLease(), b.poller.holdsLease()]).toEqual([true, false]);
      expect(await getLease(hosts.a, FEED_LEASE_NAME)).toMatchObject({ holder: 'A' });

      // Both run for 20 minutes (B first at every wake-up they share); the feed falls due at 15: only A polls it.
      feed.push(PAGES.sinks!, PAGES.inquiry!);
      await advanceTo(CLOCK_START + 20 * MINUTE, [b, a]);
      expect([a.feedPolls - added, b.feedPolls]).toEqual([1, 0]);
      expect(a.added.sort()).toEqual(files(a).sort());
      expect(a.added).toHaveLength(2);
      expect([b.added, b.tookOver]).toEqual([[], []]);

      // A dies: its timers never fire again, so it neither renews nor gives the lease up.
      const expires = Date.parse((await getLease(hosts.b, FEED_LEASE_NAME))!.expiresAt);
      const lastRenewal = expires - LEASE_MS;
      feed.push(PAGES.survivor!);
      await advanceTo(CLOCK_START + 40 * MINUTE, [b]);
      expect(b.tookOver).toHaveLength(1);
      expect(b.tookOver[0]!).toBeGreaterThanOrEqual(expires);
      expect(b.tookOver[0]! - lastRenewal).toBeLessThanOrEqual(LEASE_MS);
      expect(await getLease(hosts.a, FEED_LEASE_NAME)).toMatchObject({ holder: 'B' });
      expect(a.poller.holdsLease()).toBe(false);
      // B polled when the feed was next due (30 min) and took only the new item.
      expect([a.feedPolls - added, b.feedPolls]).toEqual([1, 1]);
      expect(b.added).toEqual(['2025-01-09-survivor-recalls-night-in-freezing-water.md']);
      expect(files(b)).toEqual(b.added);
      for (const page of [PAGES.sinks!, PAGES.inquiry!, PAGES.survivor!]) expect(feed.fetched(page)).toBe(1);
      expect(feed.fetched(PAGES.museum!)).toBe(0);
      const items = await listItems(hosts.a, followed.feed.id);
      expect(items.map((i) => i.outcome).sort()).toEqual(['added', 'added', 'added', 'seen']);

      // A clean stop gives the lease up at once.
      await b.poller.stop();
      expect(await getLease(hosts.a, FEED_LEASE_NAME)).toBeNull();
      expect(b.logs).toContain('intake: this host stopped polling feeds and gave up the feed-poller lease');
    },
  );

  it.skipIf(backend.skip)('a host that lost the lease polls nothing, and one losing it mid-poll stops taking items at once; the next poll takes them', async () => {
    hosts = await openTwoHosts(backend);
    const a = host(hosts.a, 'A');
    const b = host(hosts.b, 'B');
    const feed = feedWithPages(PAGES.inquiry!);
    const followed = await a.poller.addFeed(feed.url, { mode: 'auto', addedBy: 'cli' });
    if (!followed.ok) throw new Error(followed.error);
    const polls = a.feedPolls;
    a.poller.start();
    await run(a);
    b.poller.start();
    await run(b);
    // A stalls (none of its timers fire) while B runs on: B takes the lease over once A's expires.
    const due = Date.parse(followed.feed.nextPollAt!);
    await advanceTo(due - 1, [b]);
    expect([a.poller.holdsLease(), b.poller.holdsLease()]).toEqual([false, true]);
    // A's overdue wake-ups run with the feed due: its renewal finds B holding the lease, so it polls nothing.
    feed.push(PAGES.sinks!);
    clock.t = due;
    await run(a);
    expect(a.logs).toContain('intake: the feed-poller lease went to B; this host stops polling feeds');
    expect(a.feedPolls).toBe(polls);
    await run(b);
    expect(b.added).toEqual(['2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md']);

    // B stops cleanly; A takes the lease at its next renewal, then polls when the feed is due again.
    await b.poller.stop();
    feed.push(PAGES.inquiry!, PAGES.survivor!);
    const next = Date.parse((await getFeed(hosts.a, followed.feed.id))!.nextPollAt!);
    await advanceTo(next - 1, [a]);
    expect(a.poller.holdsLease()).toBe(true);
    expect(a.tookOver).toHaveLength(2);
    clock.t = next;
    const polling = run(a);
    // A works on the first new item, waiting for its page, and its lease lapses meanwhile (no renewal ran).
    await expect.poll(() => feed.held(), { timeout: 5_000 }).toBe(true);
    clock.t += LEASE_MS + 1;
    feed.release();
    await polling;
    // It finished the item it was on, and took no other: the survivor's page was never fetched.
    expect(a.added).toEqual(['2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md']);
    expect(feed.fetched(PAGES.survivor!)).toBe(0);
    expect(a.logs.some((m) => m.startsWith('intake: stopped taking'))).toBe(true);
    // Holding the lease again, it reads the whole feed at the next poll (no 304 hiding the item left) and takes it.
    await advanceTo(clock.t + 2 * MINUTE, [a]);
    expect(a.added).toEqual([
      '2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md',
      '2025-01-09-survivor-recalls-night-in-freezing-water.md',
    ]);
    for (const page of [PAGES.sinks!, PAGES.inquiry!, PAGES.survivor!]) expect(feed.fetched(page)).toBe(1);
  });

  it.skipIf(backend.skip)('two hosts polling at once (both believing they hold the lease) process each item once', async () => {
    hosts = await openTwoHosts(backend);
    const a = host(hosts.a, 'A');
    const b = host(hosts.b, 'B');
    const feed = feedWithPages(PAGES.sinks!);
    feed.push(PAGES.museum!);
    const followed = await a.poller.addFeed(feed.url, { mode: 'auto', addedBy: 'cli' });
    if (!followed.ok) throw new Error(followed.error);
    feed.push(PAGES.sinks!, PAGES.inquiry!);
    // A claims the oldest item and waits for its page.
    const polledByA = a.poller.pollAll();
    await expect.poll(() => feed.held(), { timeout: 5_000 }).toBe(true);
    // Meanwhile the feed grows and B polls it too: the item A works on is left to it, the others are B's.
    feed.push(PAGES.survivor!);
    const [byB] = await b.poller.pollAll();
    expect(byB!.items.map((i) => [i.title, i.outcome])).toEqual([
      [PAGES.inquiry!.title, 'added'],
      [PAGES.survivor!.title, 'added'],
    ]);
    feed.release();
    const [byA] = await polledByA;
    expect(byA!.items.map((i) => [i.title, i.outcome])).toEqual([[PAGES.sinks!.title, 'added']]);
    expect(a.added).toEqual(['2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md']);
    expect(b.added).toHaveLength(2);
    for (const page of [PAGES.sinks!, PAGES.inquiry!, PAGES.survivor!]) expect(feed.fetched(page)).toBe(1);
    expect(files(a).length + files(b).length).toBe(3);
  });

  it.skipIf(backend.skip)('an item whose poller stalled mid-item is retried by another only once its claim lapses, and the stalled one then leaves it', async () => {
    hosts = await openTwoHosts(backend);
    const a = host(hosts.a, 'A');
    const b = host(hosts.b, 'B');
    const feed = feedWithPages(PAGES.sinks!);
    const followed = await a.poller.addFeed(feed.url, { mode: 'auto', addedBy: 'cli' });
    if (!followed.ok) throw new Error(followed.error);
    feed.push(PAGES.sinks!);
    const polledByA = a.poller.pollAll();
    await expect.poll(() => feed.held(), { timeout: 5_000 }).toBe(true);
    // A's claim is fresh: B leaves the item alone.
    expect((await b.poller.pollAll())[0]!.items).toEqual([]);
    clock.t += ITEM_CLAIM_MS - 1;
    expect((await b.poller.pollAll())[0]!.items).toEqual([]);
    // A's claim has lapsed: B takes the item and finishes it.
    clock.t += 1;
    const [byB] = await b.poller.pollAll();
    expect(byB!.items.map((i) => i.outcome)).toEqual(['added']);
    // A's page arrives at last: the item is no longer A's, so A writes nothing.
    feed.release();
    expect((await polledByA)[0]!.items).toEqual([]);
    expect(a.logs.some((m) => /taken over by another poller/.test(m))).toBe(true);
    expect([a.added, b.added]).toEqual([[], ['2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md']]);
    expect([files(a), files(b)]).toEqual([[], b.added]);
  });
});
