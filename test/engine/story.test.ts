import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStory } from '../../src/engine/story.js';
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
});
