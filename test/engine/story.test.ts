import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.js';
import { loadStory, warmUp } from '../../src/engine/story.js';
import { makeArticle } from '../helpers/articles.js';

async function copyOfSmallCorpus(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'storydesk-story-'));
  await cp('test/fixtures/corpus-small', path.join(root, 'corpus'), { recursive: true });
  return path.join(root, 'corpus');
}

describe('Story', () => {
  it('loads from the cache on the second start with the same answers', async () => {
    const dir = await copyOfSmallCorpus();
    const first = await loadStory({ corpusDir: dir });
    const second = await loadStory({ corpusDir: dir });
    expect([first.indexSource, second.indexSource]).toEqual(['built', 'cache']);
    expect(second.ask('How many residents left their homes?')).toEqual(first.ask('How many residents left their homes?'));
  });

  it('lists articles newest first', async () => {
    const story = await loadStory({ corpusDir: 'test/fixtures/corpus-small', cacheDir: null });
    expect(story.articles().map((a) => a.id)).toEqual(['floods.md', 'budget.md']);
  });

  it('adds, replaces and removes an article without a rebuild', async () => {
    const story = await loadStory({ corpusDir: 'test/fixtures/corpus-small', cacheDir: null });
    expect(story.ask('volcano eruption').answer).toBeNull();
    story.upsertArticle(makeArticle({ id: 'volcano.md', title: 'Volcano erupts', body: 'The volcano erupted at dawn, covering the town in ash.' }));
    expect(story.ask('volcano eruption').answer?.citation.article.id).toBe('volcano.md');
    story.upsertArticle(makeArticle({ id: 'volcano.md', title: 'Volcano erupts', body: 'Lava reached the coast by noon.' }));
    expect(story.ask('lava coast').answer?.text).toBe('Lava reached the coast by noon.');
    expect(story.ask('town covered in ash').answer).toBeNull();
    expect(story.removeArticle('volcano.md')).toBe(true);
    expect(story.ask('lava coast').answer).toBeNull();
    expect(story.articles().map((a) => a.id)).toEqual(['floods.md', 'budget.md']);
  });

  it('applies a changed file as the watcher read it, keeps the last good version when a change is invalid, and forgets a removed file', async () => {
    const dir = await copyOfSmallCorpus();
    const story = await loadStory({ corpusDir: dir, cacheDir: null });
    const file = path.join(dir, 'quake.md');
    await writeFile(file, '---\ntitle: Quake\ndate: 2024-04-03\n---\n\nAn earthquake shook the harbour town.\n');
    expect(story.applyFile('quake.md', parseArticle('quake.md', await readFile(file)))).toEqual([]);
    expect(story.ask('earthquake harbour').answer?.citation.article.id).toBe('quake.md');
    await writeFile(file, '---\ntitle: Quake\ndate: 2024-04-31\n---\n\nBroken now.\n');
    expect(story.applyFile('quake.md', parseArticle('quake.md', await readFile(file)))).toEqual([{ file: 'quake.md', field: 'date', message: 'expected a real calendar date (YYYY-MM-DD)' }]);
    expect(story.problems()).toHaveLength(1);
    expect(story.ask('earthquake harbour').answer?.citation.article.id).toBe('quake.md');
    await rm(file);
    expect(story.removeFile('quake.md')).toBe(true);
    expect(story.problems()).toEqual([]);
    expect(story.ask('earthquake harbour').answer).toBeNull();
  });

  it('refuses a new file that repeats another article\'s title and date', async () => {
    const dir = await copyOfSmallCorpus();
    const story = await loadStory({ corpusDir: dir, cacheDir: null });
    const file = path.join(dir, 'copy.md');
    await writeFile(file, '---\ntitle: Council passes budget after long debate\ndate: 2024-03-28\n---\n\nSame story.\n');
    expect(story.applyFile('copy.md', parseArticle('copy.md', await readFile(file)))[0]?.message).toBe('same title and date as budget.md, which is served; expected each article once (this file is skipped)');
    expect(story.articles()).toHaveLength(2);
  });

  it('serves the timeline, people and quotes, and refreshes them when an article is added', async () => {
    const story = await loadStory({ corpusDir: 'test/fixtures/corpus-small', cacheDir: null });
    expect(story.who().map((e) => e.name)).toContain('Maria Lopez');
    expect(story.quotes({ speaker: 'lopez' }).map((q) => q.text)).toEqual(['We lost everything,']);
    expect(story.timeline({ from: '2024-04-01' }).map((e) => [e.date, e.precision])).toEqual([['2024-04-01', 'day']]);
    story.upsertArticle(
      makeArticle({ id: 'later.md', date: '2024-05-10', body: 'On Tuesday, Governor Ann Pike toured the valley. “We will rebuild,” Pike said.' }),
    );
    expect(story.whoIs('pike').entity?.name).toBe('Ann Pike');
    expect(story.quotes({ speaker: 'Ann Pike' }).map((q) => q.text)).toEqual(['We will rebuild,']);
    // By any of the names the story gives the speaker: title and surname, or an alias.
    expect(story.quotes({ speaker: 'Governor Pike' }).map((q) => q.text)).toEqual(['We will rebuild,']);
    story.upsertArticle(
      makeArticle({
        id: 'group.md',
        date: '2024-05-11',
        body: 'The Valley Relief Committee (VRC) met on Wednesday. “Every family will get help,” the Valley Relief Committee said.',
      }),
    );
    expect(story.quotes({ speaker: 'VRC' }).map((q) => q.text)).toEqual(['Every family will get help,']);
    expect(story.timeline({ person: 'Pike' }).map((e) => e.date)).toEqual(['2024-05-07']);
    expect(story.suggestSpeakers('pi')).toEqual(['Ann Pike']);
  });

  it('caches the timeline, quotes and people beside the index, and rebuilds a corrupt story cache', async () => {
    const dir = await copyOfSmallCorpus();
    const cacheDir = path.join(path.dirname(dir), 'cache');
    const first = await loadStory({ corpusDir: dir, cacheDir });
    const storyFile = (await readdir(cacheDir)).find((f) => f.startsWith('story-'))!;
    expect(storyFile).toMatch(/^story-[0-9a-f]{32}\.json$/);
    const second = await loadStory({ corpusDir: dir, cacheDir });
    expect(second.timeline()).toEqual(first.timeline());
    expect(second.quotes()).toEqual(first.quotes());
    expect(second.who()).toEqual(first.who());
    expect(second.whoIs('lopez')).toEqual(first.whoIs('lopez'));
    await writeFile(path.join(cacheDir, storyFile), '{"timeline": 3');
    const warnings: string[] = [];
    const third = await loadStory({ corpusDir: dir, cacheDir, log: (level, m) => level === 'warn' && warnings.push(m) });
    expect(warnings.some((w) => /story cache .* is corrupt/.test(w))).toBe(true);
    expect(third.quotes()).toEqual(first.quotes());
  });
});

describe('warmUp', () => {
  it('runs the whole per-article extraction on its made-up article (dates, people, quotes)', () => {
    const found = warmUp();
    expect(found.entities).toBeGreaterThan(0);
    expect(found.events).toBeGreaterThan(0);
    expect(found.quotes).toBeGreaterThan(0);
  });
});
