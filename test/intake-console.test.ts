// The console's /article and /feed (the bot offline): the preview and its y/n, removing, and a feed's review queue,
// against a local HTTP server (FETCH_ALLOW_HOSTS) and a real story, corpus folder and database.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable, PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../src/console.js';
import { openDatabase } from '../src/db/open.js';
import { loadStory, type Story } from '../src/engine/story.js';
import { IntakeConsole } from '../src/intake-console.js';
import { Fetcher } from '../src/intake/fetch.js';
import { useTmpDir } from './helpers/tmp.js';
import { fakeClock, startFixtureServer, type FixtureServer } from './intake/fixture-server.js';
import { feedXml, PAGES, pageHtml, type FeedEntry } from './intake/story-pages.js';

const FIXTURE_CORPUS = fileURLToPath(new URL('./fixtures/corpus-small/', import.meta.url));
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const tmp = useTmpDir('storydesk-intake-console-');
let server: FixtureServer;
let entries: FeedEntry[] = [];
const consoles: IntakeConsole[] = [];

afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
});

beforeAll(async () => {
  server = await startFixtureServer();
  for (const page of Object.values(PAGES)) server.route(`/news/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
  server.route('/feed.xml', (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(entries)));
});

afterAll(async () => {
  await server.close();
});

const url = (key: keyof typeof PAGES) => `${server.origin}/news/${PAGES[key]!.slug}`;
const entry = (key: keyof typeof PAGES): FeedEntry => ({ guid: key, page: PAGES[key]!, link: url(key) });

async function setup(): Promise<{ story: Story; corpusDir: string; run(input: string): Promise<string> }> {
  const corpusDir = path.join(tmp(), 'corpus');
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const story = await loadStory({ corpusDir, cacheDir: null });
  const intake = new IntakeConsole({
    corpusDir,
    story,
    fetcher: new Fetcher({ allowHosts: new Set([server.host]), clock: fakeClock() }),
    openDb: () => openDatabase(path.join(path.dirname(corpusDir), 'storydesk.db')),
  });
  consoles.push(intake);
  return {
    story,
    corpusDir,
    async run(input) {
      const output = new PassThrough();
      let text = '';
      output.on('data', (d) => (text += d));
      await runConsole(story, Readable.from([input]), output, undefined, intake);
      return text;
    },
  };
}

const articles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

describe('the console’s /article', () => {
  it('shows the preview and adds only on y; the article is answered from at once; /article remove moves it out', async () => {
    const { story, corpusDir, run } = await setup();
    const no = await run(`/article add ${url('sinks')}\nn\n`);
    expect(no).toContain(`${PAGES.sinks!.title}\nHarbour Gazette · 7 Jan 2025 · by Mara Quinn\n`);
    expect(no).toContain(`5 paragraphs · ${url('sinks')}\n\n${PAGES.sinks!.paragraphs[0]}\n\nAdd it to the story? [y/N] Not added.`);
    expect(articles(corpusDir)).toEqual(['budget.md', 'floods.md']);

    const yes = await run(`/article add ${url('sinks')}\ny\nHow many people were aboard the Aurora Star?\n`);
    const id = '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md';
    expect(yes).toContain(`added ${url('sinks')} as ${id}`);
    expect(yes).toMatch(/Q: How many people were aboard the Aurora Star\?\n[\s\S]*212/);
    expect(articles(corpusDir)).toContain(id);

    const again = await run(`/article add ${url('sinks')}\n`);
    expect(again).toContain(`Can't add ${url('sinks')}: already in the story: ${PAGES.sinks!.title}. Nothing was written.`);

    const removed = await run('/article remove ferry sinks off kestrel\n');
    expect(removed).toContain(`Removed "${PAGES.sinks!.title}": its file is now .removed/${id}`);
    expect(existsSync(path.join(corpusDir, '.removed', id))).toBe(true);
    expect(story.articles().map((a) => a.id)).not.toContain(id);
    expect(await run('/help\n')).toContain('/article add <url>');
  });
});

describe('the console’s /feed', () => {
  it('follows a feed, polls it, and approves and rejects its review cards', async () => {
    const { corpusDir, run } = await setup();
    entries = [entry('derby')];
    const added = await run(`/feed add ${server.origin}/feed.xml match:ferry OR "Aurora Star"\n`);
    expect(added).toContain(`following ${server.origin}/feed.xml as feed 1, review; 1 current item(s) marked seen`);
    entries = [entry('derby'), entry('sinks'), entry('inquiry')];
    const polled = await run('/feed poll\n/feed cards\n');
    expect(polled).toContain(`queued   ${PAGES.sinks!.title} (card 1)`);
    expect(polled).toContain(`card 2: ${PAGES.inquiry!.title}`);
    const decided = await run('/feed approve 1\n/feed reject 2\n/feed cards\n/feed list\n');
    expect(decided).toContain('card 1: added 2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md');
    expect(decided).toContain('card 2: rejected by cli');
    expect(decided).toContain('No items await review.');
    expect(decided).toContain('1 article(s) taken');
    expect(articles(corpusDir)).toHaveLength(3);
    expect(await run('/feed remove 1\n/feed list\n')).toContain('No feeds are followed.');
  });
});
