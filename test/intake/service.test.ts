// The intake service against a real local HTTP server: preview and add an article, refuse one already in the story
// (same URL, however it is written), record a near copy as `also`, refuse private addresses, and a written file is
// parsed, loaded and served by /ask.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCorpus } from '../../src/corpus/load.js';
import { parseArticle } from '../../src/corpus/parse.js';
import { loadStory } from '../../src/engine/story.js';
import type { Article } from '../../src/model/types.js';
import { parseAllowHosts } from '../../src/intake/address.js';
import { VIA_CLI, viaDiscord } from '../../src/intake/article-file.js';
import { Fetcher } from '../../src/intake/fetch.js';
import { IntakeService, type AddResult, type PreviewResult } from '../../src/intake/service.js';
import { fakeClock, startFixtureServer, type FixtureServer } from './fixture-server.js';
import { PAGES, pageHtml } from './story-pages.js';

let server: FixtureServer;
const fetchers: Fetcher[] = [];
const dirs: string[] = [];
const NOW = new Date('2025-01-10T12:00:00.000Z');
const HTML = { 'content-type': 'text/html; charset=utf-8' };

function fetcher(allow = true): Fetcher {
  const made = new Fetcher({
    allowHosts: allow ? parseAllowHosts(server.host) : new Set(),
    clock: fakeClock(),
  });
  fetchers.push(made);
  return made;
}

function corpusDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storydesk-service-'));
  dirs.push(dir);
  return dir;
}

/** A story over `dir` whose article list is read again by `reload()`, as a watcher would keep it. */
async function storyOf(dir: string) {
  let articles: Article[] = (await loadCorpus(dir)).articles;
  return {
    articles: () => articles,
    reload: async () => {
      articles = (await loadCorpus(dir)).articles;
    },
  };
}

async function serviceFor(dir: string, allow = true) {
  const story = await storyOf(dir);
  const service = new IntakeService({ corpusDir: dir, story, fetcher: fetcher(allow), now: () => NOW });
  return { service, story };
}

function added(result: AddResult): Extract<AddResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the article added; got: ${result.error}`);
  return result;
}

function refused(result: PreviewResult | AddResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}

const articleFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/news/ferry-sinks', (_q, r) => r.writeHead(200, HTML).end(pageHtml(PAGES.sinks!)));
  server.route('/news/inquiry', (_q, r) => r.writeHead(200, HTML).end(pageHtml(PAGES.inquiry!)));
  server.route('/news/inquiry-canonical', (_q, r) =>
    r.writeHead(200, HTML).end(pageHtml(PAGES.inquiry!, { canonical: `${server.origin}/news/inquiry` })),
  );
  server.route('/wire/aurora-star-capsizes', (_q, r) =>
    r
      .writeHead(200, HTML)
      .end(
        pageHtml(PAGES.sinks!, {
          chrome: 'wire',
          title: 'Aurora Star capsizes in Kestrel Sound; 25 missing',
        }),
      ),
  );
  server.route('/wire/minister-inquiry', (_q, r) =>
    r
      .writeHead(200, HTML)
      .end(pageHtml(PAGES.inquiry!, { chrome: 'wire', title: 'Varga announces public inquiry' })),
  );
  server.route('/news/survivor', (_q, r) => r.writeHead(200, HTML).end(pageHtml(PAGES.survivor!)));
  server.route('/stub', (_q, r) =>
    r
      .writeHead(200, HTML)
      .end(
        '<html><head><title>Subscribe</title></head><body><article><h1>Subscribe</h1><p>Subscribe to read this article.</p></article></body></html>',
      ),
  );
  server.route('/busy', (_q, r) => r.writeHead(503, { 'content-type': 'text/plain' }).end('busy'));
  server.route('/broken', (_q, r) => r.writeHead(500, { 'content-type': 'text/plain' }).end('oops'));
});

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

afterAll(async () => {
  for (const f of fetchers) f.close();
  await server.close();
});

describe('IntakeService: adding an article from a link', () => {
  it('writes the corpus file: front matter (title, date, outlet, author, url, added, via) and the body as the page has it', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const preview = await service.preview(`${server.origin}/news/ferry-sinks`, {
      via: viaDiscord('111', '222'),
    });
    expect(preview).toMatchObject({ ok: true, warnings: [], duplicateOf: null, words: expect.any(Number) });
    const result = added(await service.add(preview));
    expect(result).toMatchObject({
      kind: 'added',
      id: '2025-01-07-ferry-sinks-off-kestrel-island-with-212-aboard.md',
      duplicateOf: null,
    });
    expect(result.file).toBe(path.join(dir, result.id));
    expect(frontMatter(result.file)).toEqual({
      title: 'Ferry sinks off Kestrel Island with 212 aboard',
      date: '2025-01-07',
      outlet: 'Harbour Gazette',
      author: 'Mara Quinn',
      url: `${server.origin}/news/ferry-sinks`,
      added: NOW.toISOString(),
      via: 'discord:111/222',
    });
    const parsed = parseArticle(result.id, readFileSync(result.file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.article.body).toBe(PAGES.sinks!.paragraphs.join('\n\n'));
    expect(parsed.article.paragraphs).toHaveLength(5);
    expect(parsed.article.also).toEqual([]);
  });

  it('refuses the same URL however it is written (tracking parameters, trailing slash, http/https, www), without fetching', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const first = added(await service.previewAndAdd(`${server.origin}/news/ferry-sinks`, { via: VIA_CLI }));
    const before = server.requests.length;
    for (const variant of [
      `${server.origin}/news/ferry-sinks/?utm_source=twitter&utm_medium=social`,
      `${server.origin}/news/ferry-sinks?fbclid=abc#comments`,
      `https://127.0.0.1:${server.port}/news/ferry-sinks/`,
      `http://127.0.0.1:${server.port}/news/ferry-sinks/amp`,
    ]) {
      const result = refused(await service.previewAndAdd(variant, { via: VIA_CLI }));
      expect(result).toMatchObject({
        code: 'same-url',
        error: 'already in the story: Ferry sinks off Kestrel Island with 212 aboard',
        duplicateOf: { id: first.id },
      });
    }
    expect(server.requests.length).toBe(before);
    expect(articleFiles(dir)).toEqual([first.id]);
  });

  it('refuses a page whose canonical URL is an article of the story', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const first = added(await service.previewAndAdd(`${server.origin}/news/inquiry`, { via: VIA_CLI }));
    const again = refused(await service.preview(`${server.origin}/news/inquiry-canonical`, { via: VIA_CLI }));
    expect(again).toMatchObject({ code: 'same-url', duplicateOf: { id: first.id } });
  });

  it('refuses an article already in the story as a file (its url in the front matter), and one it lists under also', async () => {
    const dir = corpusDir();
    writeFileSync(
      path.join(dir, 'existing.md'),
      `---\ntitle: Earlier report\ndate: 2025-01-07\nurl: ${server.origin}/news/ferry-sinks\nalso:\n  - outlet: Coastal Wire Daily\n    url: ${server.origin}/wire/minister-inquiry?utm_campaign=x\n---\n\nA body. It has two sentences.\n`,
    );
    const { service } = await serviceFor(dir);
    expect(
      refused(await service.preview(`${server.origin}/news/ferry-sinks`, { via: VIA_CLI })),
    ).toMatchObject({ code: 'same-url', error: 'already in the story: Earlier report' });
    expect(
      refused(await service.preview(`${server.origin}/wire/minister-inquiry`, { via: VIA_CLI })),
    ).toMatchObject({ code: 'same-url', duplicateOf: { id: 'existing.md' } });
  });

  it("records a near copy (the same body under another site's chrome and headline) as also on the article, and writes no new file", async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const original = added(
      await service.previewAndAdd(`${server.origin}/news/ferry-sinks`, { via: VIA_CLI }),
    );
    const copyUrl = `${server.origin}/wire/aurora-star-capsizes`;
    const preview = await service.preview(copyUrl, { via: VIA_CLI });
    expect(preview).toMatchObject({
      ok: true,
      article: { title: 'Aurora Star capsizes in Kestrel Sound; 25 missing', outlet: 'Coastal Wire Daily' },
      duplicateOf: { id: original.id },
    });
    if (!preview.ok) return;
    expect(preview.duplicateOf!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(preview.warnings.join(' ')).toMatch(
      /a near copy of “Ferry sinks off Kestrel Island with 212 aboard”/,
    );
    const result = added(await service.add(preview));
    expect(result).toMatchObject({
      kind: 'copy',
      id: original.id,
      file: original.file,
      duplicateOf: { id: original.id },
    });
    expect(articleFiles(dir)).toEqual([original.id]);
    expect(frontMatter(original.file).also).toEqual([{ outlet: 'Coastal Wire Daily', url: copyUrl }]);
    const parsed = parseArticle(original.id, readFileSync(original.file));
    expect(parsed.ok && parsed.article.also).toEqual([{ outlet: 'Coastal Wire Daily', url: copyUrl }]);
    // The copy's URL is now known: adding it again is refused, without fetching.
    expect(refused(await service.preview(`${copyUrl}?utm_source=x`, { via: VIA_CLI }))).toMatchObject({
      code: 'same-url',
      duplicateOf: { id: original.id },
    });
  });

  it('does not take two reports of one event for copies', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    added(await service.previewAndAdd(`${server.origin}/news/ferry-sinks`, { via: VIA_CLI }));
    const other = added(await service.previewAndAdd(`${server.origin}/news/survivor`, { via: VIA_CLI }));
    expect(other.kind).toBe('added');
    expect(articleFiles(dir)).toHaveLength(2);
  });

  it('keeps the copy check in step with the story: an article removed from the story is no longer copied', async () => {
    const dir = corpusDir();
    const { service, story } = await serviceFor(dir);
    const original = added(await service.previewAndAdd(`${server.origin}/news/inquiry`, { via: VIA_CLI }));
    await story.reload();
    expect(story.articles().map((a) => a.id)).toEqual([original.id]);
    rmSync(original.file);
    await story.reload();
    const copy = await service.preview(`${server.origin}/wire/minister-inquiry`, { via: VIA_CLI });
    expect(copy).toMatchObject({ ok: true, duplicateOf: null });
  });

  it('refuses private and link-local addresses without the allow-list, and loopback unless allowed', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir, false);
    const metadata = refused(
      await service.previewAndAdd('http://169.254.169.254/latest/meta-data/', { via: VIA_CLI }),
    );
    expect(metadata).toMatchObject({ code: 'fetch', fetchCode: 'private-address', temporary: false });
    expect(metadata.error).toBe(
      'cannot fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address, not a public one',
    );
    const intranet = refused(await service.previewAndAdd('http://10.0.0.1/news', { via: VIA_CLI }));
    expect(intranet.error).toMatch(/10\.0\.0\.1 is a private address/);
    const before = server.connections;
    const loopback = refused(
      await service.previewAndAdd(`${server.origin}/news/ferry-sinks`, { via: VIA_CLI }),
    );
    expect(loopback.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(server.connections).toBe(before);
    expect(articleFiles(dir)).toEqual([]);
  });

  it('refuses bad input in one line each, writing nothing', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const cases: [string, string, RegExp][] = [
      ['ftp://example.com/a', 'invalid-input', /only http and https URLs are fetched/],
      ['http://', 'invalid-input', /not a valid URL/],
      ['no-such-file.html', 'file', /neither an http\(s\) URL nor a file that exists/],
      [`${server.origin}/missing`, 'fetch', /HTTP 404 Not Found/],
      [`${server.origin}/stub`, 'not-an-article', /^not an article: only \d+ words/],
    ];
    for (const [input, code, message] of cases) {
      const result = refused(await service.previewAndAdd(input, { via: VIA_CLI }));
      expect(result.code).toBe(code);
      expect(result.error).toMatch(message);
      expect(result.error).not.toContain('\n');
      expect(result.source).toBe(input);
    }
    expect(articleFiles(dir)).toEqual([]);
  });

  it('says a 503 or a 500 is worth another try, and a 404 is not', async () => {
    const { service } = await serviceFor(corpusDir());
    expect(refused(await service.preview(`${server.origin}/busy`, { via: VIA_CLI }))).toMatchObject({
      code: 'retry-later',
      temporary: true,
    });
    expect(refused(await service.preview(`${server.origin}/broken`, { via: VIA_CLI }))).toMatchObject({
      code: 'fetch',
      temporary: true,
    });
    expect(refused(await service.preview(`${server.origin}/gone`, { via: VIA_CLI }))).toMatchObject({
      code: 'fetch',
      temporary: false,
    });
  });

  it('reads a saved page from disk, with --url as its address', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const saved = path.join(corpusDir(), 'saved.html');
    writeFileSync(saved, pageHtml(PAGES.inquiry!));
    const preview = await service.preview(saved, {
      via: VIA_CLI,
      baseUrl: 'https://gazette.example/news/inquiry',
    });
    expect(preview).toMatchObject({
      ok: true,
      source: saved,
      article: { url: 'https://gazette.example/news/inquiry', title: PAGES.inquiry!.title },
    });
    const withoutUrl = await service.preview(saved, { via: VIA_CLI });
    expect(withoutUrl).toMatchObject({ ok: true, article: { url: null }, fetchedUrl: null });
    const result = added(await service.add(withoutUrl));
    expect(frontMatter(result.file).url).toBeUndefined();
  });

  it('refuses a second article with the title and date of one in the story (the corpus would serve only one)', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const saved = path.join(corpusDir(), 'saved.html');
    writeFileSync(
      saved,
      pageHtml({ ...PAGES.survivor!, title: PAGES.sinks!.title, date: PAGES.sinks!.date }),
    );
    added(await service.previewAndAdd(`${server.origin}/news/ferry-sinks`, { via: VIA_CLI }));
    expect(refused(await service.previewAndAdd(saved, { via: VIA_CLI }))).toMatchObject({
      code: 'same-title',
    });
  });

  it('adds one article once when two moderators add it at the same moment', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const a = await service.preview(`${server.origin}/news/survivor`, { via: viaDiscord('1', '2') });
    const b = await service.preview(`${server.origin}/news/survivor`, { via: viaDiscord('1', '3') });
    const results = await Promise.all([service.add(a), service.add(b)]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(articleFiles(dir)).toHaveLength(1);
  });
});

describe('an added article is served', () => {
  it('loadStory serves the written file and /ask answers from it', async () => {
    const dir = corpusDir();
    const { service } = await serviceFor(dir);
    const result = added(await service.previewAndAdd(`${server.origin}/news/inquiry`, { via: VIA_CLI }));
    const story = await loadStory({ corpusDir: dir, cacheDir: null });
    expect(story.problems()).toEqual([]);
    expect(story.articles().map((a) => a.id)).toEqual([result.id]);
    const answer = story.ask('Who will lead the investigation into the sinking?');
    expect(answer.answer?.citation.article.id).toBe(result.id);
    expect(answer.answer?.text).toContain(
      'The Marine Accident Investigation Board will lead the investigation',
    );
  });
});
