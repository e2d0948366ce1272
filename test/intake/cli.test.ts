// The intake commands of the CLI against a real local HTTP server: extract, add and feed add|list|poll, their JSON
// lines, exit codes, and state kept in DATABASE_PATH across runs (each run is a new process state).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../src/cli.js';
import { runIntakeCli } from '../../src/intake/cli.js';
import { openPostgres } from '../../src/db/postgres.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from '../helpers/postgres.js';
import { fakeClock, startFixtureServer, type FixtureServer } from './fixture-server.js';
import { feedXml, PAGES, pageHtml, type FeedEntry } from './story-pages.js';

let server: FixtureServer;
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const feedEntries: FeedEntry[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  for (const page of Object.values(PAGES)) {
    server.route(`/news/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
    server.route(`/wire/${page.slug}`, (_q, r) =>
      r.writeHead(200, HTML).end(pageHtml(page, { chrome: 'wire', title: `Wire: ${page.title}` })),
    );
  }
  server.route('/feed.xml', (_q, r) =>
    r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(feedEntries)),
  );
  server.route('/front', (_q, r) =>
    r
      .writeHead(200, HTML)
      .end(
        '<html><head><title>Gazette</title><link rel="alternate" type="application/atom+xml" href="/feed.xml"></head><body><p>Front</p></body></html>',
      ),
  );
  server.route('/about', (_q, r) =>
    r.writeHead(200, HTML).end('<html><head><title>About</title></head><body><p>About us</p></body></html>'),
  );
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  feedEntries.length = 0;
});

function workspace(): { corpus: string; db: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'storydesk-intake-cli-'));
  dirs.push(root);
  const corpus = path.join(root, 'corpus');
  const db = path.join(root, 'data', 'storydesk.db');
  mkdirSync(corpus);
  return { corpus, db, env: { FETCH_ALLOW_HOSTS: server.host, DATABASE_PATH: db, CORPUS_DIR: corpus } };
}

interface Run {
  code: number;
  out: string;
  err: string;
  /** stdout's lines, each parsed as JSON (fails on a line that is not JSON). */
  lines: Record<string, unknown>[];
}

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const captured = { out: '', err: '' };
  stdout.on('data', (d) => (captured.out += d));
  stderr.on('data', (d) => (captured.err += d));
  return { stdout, stderr, captured };
}

function result(code: number, captured: { out: string; err: string }, json: boolean): Run {
  const lines = json
    ? captured.out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
  return { code, out: captured.out, err: captured.err, lines };
}

/** Through the main CLI's dispatch, as `npm run cli -- …` runs it (real clock: keep to one fetch per host). */
async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const { stdout, stderr, captured } = streams();
  const code = await runCli(args, { stdin: process.stdin, stdout, stderr, env });
  return result(code, captured, args.includes('--json'));
}

/** The intake CLI with a fake clock for the fetcher's politeness waits (one request per second per host). */
async function intake(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const { stdout, stderr, captured } = streams();
  const code = await runIntakeCli(args, { stdout, stderr, env }, { fetcherOptions: { clock: fakeClock() } });
  return result(code, captured, args.includes('--json'));
}

const mdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
const frontMatter = (file: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'))![1]!) as Record<string, unknown>;

describe('cli extract', () => {
  it('prints one JSON line per input, the source exactly as given, and exits 0 whatever it found', async () => {
    const { env } = workspace();
    const saved = path.join(dirs[0]!, 'saved page.html');
    writeFileSync(saved, pageHtml(PAGES.inquiry!));
    const run = await cli(['extract', saved, '--url', 'https://gazette.example/inquiry', '--json'], env);
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      {
        source: saved,
        article: {
          title: PAGES.inquiry!.title,
          date: '2025-01-08',
          outlet: 'Harbour Gazette',
          author: 'Tom Ellery',
          url: 'https://gazette.example/inquiry',
          body: PAGES.inquiry!.paragraphs.join('\n\n'),
          paragraphs: 5,
        },
        warnings: [],
        error: null,
      },
    ]);
    const many = await intake(
      [
        'extract',
        `${server.origin}/news/${PAGES.sinks!.slug}`,
        'http://169.254.169.254/latest/',
        'nope.html',
        `${server.origin}/missing`,
        '--json',
      ],
      env,
    );
    expect(many.code).toBe(0);
    expect(
      many.lines.map((l) => [l.source, (l.article as { title?: string } | null)?.title ?? null, l.error]),
    ).toEqual([
      [`${server.origin}/news/${PAGES.sinks!.slug}`, PAGES.sinks!.title, null],
      [
        'http://169.254.169.254/latest/',
        null,
        'cannot fetch http://169.254.169.254/latest/: 169.254.169.254 is a link-local address, not a public one',
      ],
      ['nope.html', null, '"nope.html" is neither an http(s) URL nor a file that exists'],
      [
        `${server.origin}/missing`,
        null,
        `cannot fetch ${server.origin}/missing: the server answered HTTP 404 Not Found`,
      ],
    ]);
    expect(many.err).toBe('');
  });

  it('refuses --url with more than one input, and no input at all, with exit 2 and nothing on stdout', async () => {
    const { env } = workspace();
    for (const args of [
      ['extract', 'a.html', 'b.html', '--url', 'https://x.example/', '--json'],
      ['extract', '--json'],
    ]) {
      const run = await cli(args, env);
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
    }
  });
});

describe('cli add', () => {
  it('adds a page, refuses it again under another form of its URL, records a wire copy as also, and refuses private addresses', async () => {
    const { corpus, env } = workspace();
    const page = `${server.origin}/news/${PAGES.sinks!.slug}`;
    const copy = `${server.origin}/wire/${PAGES.sinks!.slug}`;
    const run = await intake(
      [
        'add',
        page,
        `${page}/?utm_source=newsletter&utm_campaign=jan`,
        copy,
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.1/news',
        '--corpus',
        corpus,
        '--json',
        '--no-cache',
      ],
      { ...env, CORPUS_DIR: undefined },
    );
    expect(run.code).toBe(0);
    const id = '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md';
    expect(run.lines).toEqual([
      {
        source: page,
        added: { id, file: path.join(corpus, id) },
        duplicateOf: null,
        warnings: [],
        error: null,
      },
      {
        source: `${page}/?utm_source=newsletter&utm_campaign=jan`,
        added: null,
        duplicateOf: id,
        warnings: [],
        error: `already in the story: ${PAGES.sinks!.title}`,
      },
      {
        source: copy,
        added: null,
        duplicateOf: id,
        warnings: [
          expect.stringMatching(
            /^a near copy of “Ferry sinks off Kestrel Island with 212 aboard” \(.*, 100% alike\)/,
          ),
        ],
        error: null,
      },
      {
        source: 'http://169.254.169.254/latest/meta-data/',
        added: null,
        duplicateOf: null,
        warnings: [],
        error:
          'cannot fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address, not a public one',
      },
      {
        source: 'http://10.0.0.1/news',
        added: null,
        duplicateOf: null,
        warnings: [],
        error: 'cannot fetch http://10.0.0.1/news: 10.0.0.1 is a private address, not a public one',
      },
    ]);
    expect(mdFiles(corpus)).toEqual([id]);
    expect(frontMatter(path.join(corpus, id))).toEqual({
      title: PAGES.sinks!.title,
      date: '2025-01-07',
      outlet: 'Harbour Gazette',
      author: 'Mara Quinn',
      url: page,
      added: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      via: 'cli',
      also: [{ outlet: 'Coastal Wire Daily', url: copy }],
    });
    expect(readFileSync(path.join(corpus, id), 'utf8')).toContain(
      `\n\n${PAGES.sinks!.paragraphs.join('\n\n')}\n`,
    );
    // A later run (a new process) knows the article and its copy from the corpus folder.
    const again = await cli(['add', `${copy}?fbclid=x`, '--json', '--no-cache'], env);
    expect(again.lines).toEqual([
      {
        source: `${copy}?fbclid=x`,
        added: null,
        duplicateOf: id,
        warnings: [],
        error: `already in the story: ${PAGES.sinks!.title}`,
      },
    ]);
  });

  it('with --dry-run checks and writes nothing', async () => {
    const { corpus, env } = workspace();
    const run = await cli(
      ['add', `${server.origin}/news/${PAGES.inquiry!.slug}`, '--dry-run', '--json', '--no-cache'],
      env,
    );
    expect(run.lines).toEqual([
      {
        source: `${server.origin}/news/${PAGES.inquiry!.slug}`,
        added: null,
        duplicateOf: null,
        warnings: [],
        error: null,
      },
    ]);
    expect(mdFiles(corpus)).toEqual([]);
  });

  it('exits 1 with one line when the corpus folder does not exist', async () => {
    const { env } = workspace();
    const run = await cli(
      ['add', `${server.origin}/news/x`, '--corpus', '/nonexistent/corpus', '--json'],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err.trim()).toBe(
      'storydesk: cannot read the corpus folder /nonexistent/corpus (CORPUS_DIR): it does not exist',
    );
  });
});

describe('cli feed', () => {
  it('follows a feed, lists it, and a poll takes exactly the on-story items, once, across runs', async () => {
    const { corpus, db, env } = workspace();
    // The story so far: one article, whose names the default filter looks for.
    expect(
      (await intake(['add', `${server.origin}/news/${PAGES.sinks!.slug}`, '--json', '--no-cache'], env))
        .lines[0]!.error,
    ).toBeNull();
    feedEntries.push({
      guid: 'g-sinks',
      page: PAGES.sinks!,
      link: `${server.origin}/news/${PAGES.sinks!.slug}`,
    });
    const added = await intake(['feed', 'add', `${server.origin}/feed.xml`, '--mode', 'auto', '--json'], env);
    expect(added.code).toBe(0);
    expect(added.lines).toEqual([
      {
        source: `${server.origin}/feed.xml`,
        feed: expect.objectContaining({
          id: 1,
          url: `${server.origin}/feed.xml`,
          mode: 'auto',
          match: null,
          state: 'ok',
          itemsTaken: 0,
          addedBy: 'cli',
        }),
        discoveredFrom: null,
        seen: 1,
        items: [],
        error: null,
      },
    ]);
    feedEntries.push(
      { guid: 'g-inquiry', page: PAGES.inquiry!, link: `${server.origin}/news/${PAGES.inquiry!.slug}` },
      { guid: 'g-museum', page: PAGES.museum!, link: `${server.origin}/news/${PAGES.museum!.slug}` },
      { guid: 'g-derby', page: PAGES.derby!, link: `${server.origin}/news/${PAGES.derby!.slug}` },
    );
    const polled = await intake(['feed', 'poll', '--json', '--no-cache'], env);
    expect(polled.code).toBe(0);
    expect(polled.lines).toHaveLength(1);
    const line = polled.lines[0] as {
      feed: unknown;
      status: string;
      error: unknown;
      items: { id: string; outcome: string; article: string | null; reason: string }[];
    };
    expect(line).toMatchObject({
      feed: { id: 1, url: `${server.origin}/feed.xml` },
      status: 'ok',
      error: null,
    });
    expect(line.items.map((i) => [i.id, i.outcome])).toEqual([
      ['g-inquiry', 'added'],
      ['g-museum', 'skipped'],
      ['g-derby', 'skipped'],
    ]);
    expect(line.items[0]!.reason).toMatch(/^names /);
    expect(line.items[2]!.reason).toMatch(/^names none of them/);
    expect(mdFiles(corpus)).toEqual([
      '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md',
      '2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md',
    ]);
    expect(
      frontMatter(path.join(corpus, '2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md')).via,
    ).toBe(`feed:${server.origin}/feed.xml`);
    // Another run (the state comes from DATABASE_PATH): nothing is taken twice.
    const again = await intake(['feed', 'poll', '--json', '--no-cache'], env);
    expect((again.lines[0] as { items: unknown[] }).items).toEqual([]);
    const listed = await intake(['feed', 'list', '--json'], env);
    expect(listed.lines).toEqual([
      expect.objectContaining({ id: 1, state: 'ok', itemsTaken: 1, lastError: null, failures: 0 }),
    ]);
    expect(readdirSync(path.dirname(db))).toContain('storydesk.db');
    // Text: what was added, queued or skipped, and why.
    feedEntries.push({
      guid: 'g-survivor',
      page: PAGES.survivor!,
      link: `${server.origin}/news/${PAGES.survivor!.slug}`,
    });
    const text = await intake(['feed', 'poll', '--no-cache'], env);
    expect(text.out).toMatch(
      /^1\. http:\/\/127\.0\.0\.1:\d+\/feed\.xml: ok\n {3}added {4}Survivor recalls night in freezing water \(2025-01-09-survivor-recalls-night-in-freezing-water\.md\) — names /,
    );
  });

  it('finds the feed a page advertises; a page without one is a JSON line with the reason, exit 0', async () => {
    const { env } = workspace();
    const found = await intake(
      ['feed', 'add', `${server.origin}/front`, '--match', 'ferry OR "coast guard"', '--json'],
      env,
    );
    expect(found.lines[0]).toMatchObject({
      discoveredFrom: `${server.origin}/front`,
      feed: { url: `${server.origin}/feed.xml`, match: 'ferry OR "coast guard"', mode: 'review' },
      error: null,
    });
    const none = await intake(['feed', 'add', `${server.origin}/about`, '--json'], env);
    expect(none.code).toBe(0);
    expect(none.lines).toEqual([
      {
        source: `${server.origin}/about`,
        feed: null,
        discoveredFrom: null,
        seen: 0,
        items: [],
        error: expect.stringMatching(/advertises no feed/),
      },
    ]);
  });

  it("with --backfill takes the feed's current on-story items at once; review mode queues cards that approve adds", async () => {
    const { corpus, env } = workspace();
    feedEntries.push(
      { guid: 'a', page: PAGES.inquiry!, link: `${server.origin}/news/${PAGES.inquiry!.slug}` },
      { guid: 'b', page: PAGES.derby!, link: `${server.origin}/news/${PAGES.derby!.slug}` },
    );
    const run = await intake(
      [
        'feed',
        'add',
        `${server.origin}/feed.xml`,
        '--backfill',
        '--match',
        'inquiry',
        '--json',
        '--no-cache',
      ],
      env,
    );
    expect(
      (run.lines[0] as { items: { id: string; outcome: string; card: number | null }[] }).items.map((i) => [
        i.id,
        i.outcome,
        i.card,
      ]),
    ).toEqual([
      ['a', 'queued', 1],
      ['b', 'skipped', null],
    ]);
    expect(mdFiles(corpus)).toEqual([]);
    const cards = await intake(['feed', 'cards', '--json'], env);
    expect(cards.lines).toEqual([
      expect.objectContaining({
        card: 1,
        title: PAGES.inquiry!.title,
        reason: 'matches inquiry',
        state: 'pending',
      }),
    ]);
    const approved = await intake(['feed', 'approve', '1', '--json', '--no-cache'], env);
    expect(approved.lines).toEqual([
      {
        card: 1,
        outcome: 'added',
        article: '2025-01-08-minister-orders-inquiry-into-aurora-star-sinking.md',
        error: null,
      },
    ]);
    expect(mdFiles(corpus)).toHaveLength(1);
    expect((await intake(['feed', 'reject', '1', '--json'], env)).lines).toEqual([
      { card: 1, outcome: null, article: null, error: 'already approved by cli' },
    ]);
  });

  it('reports usage errors with exit 2, and an empty list in words', async () => {
    const { env } = workspace();
    expect((await cli(['feed'], env)).code).toBe(2);
    expect((await cli(['feed', 'frobnicate'], env)).code).toBe(2);
    expect((await cli(['feed', 'add', `${server.origin}/feed.xml`, '--mode', 'sometimes'], env)).code).toBe(
      2,
    );
    const empty = await cli(['feed', 'list'], env);
    expect(empty).toMatchObject({
      code: 0,
      out: 'no feeds followed; add one with: npm run cli -- feed add URL\n',
    });
  });

  it('exits 1 when FETCH_ALLOW_HOSTS is not a list of hosts', async () => {
    const { env } = workspace();
    const run = await cli(['extract', 'x.html', '--json'], {
      ...env,
      FETCH_ALLOW_HOSTS: 'http://127.0.0.1/',
    });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/FETCH_ALLOW_HOSTS entry "http:\/\/127\.0\.0\.1\/" is not a host or host:port/);
  });
});

describe.skipIf(!postgresAvailable)(`cli feed with DATABASE_URL${postgresAvailable ? '' : ` (SKIPPED: ${postgresSkipReason})`}`, () => {
  it('keeps the feeds in the shared Postgres, not in a SQLite file', async () => {
    const { db, env } = workspace();
    const fresh = await freshPostgresDatabase();
    try {
      const shared = { ...env, DATABASE_URL: fresh.url };
      feedEntries.push({ guid: 'g-sinks', page: PAGES.sinks!, link: `${server.origin}/news/${PAGES.sinks!.slug}` });
      expect((await intake(['feed', 'add', `${server.origin}/feed.xml`, '--json'], shared)).lines[0]!.error).toBeNull();
      expect((await intake(['feed', 'list', '--json'], shared)).lines).toEqual([expect.objectContaining({ id: 1, url: `${server.origin}/feed.xml` })]);
      expect(existsSync(db)).toBe(false);
      const store = await openPostgres(fresh.url);
      try {
        expect(await store.all('SELECT url FROM feeds')).toEqual([{ url: `${server.origin}/feed.xml` }]);
      } finally {
        await store.close();
      }
    } finally {
      await fresh.drop();
    }
  });
});
