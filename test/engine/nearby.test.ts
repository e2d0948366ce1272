// Story.nearby: what an abstained question names that is in the story, and the closest passages about it (src/ask/nearby.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/ask/input.js';
import { loadStory, type Story } from '../../src/engine/story.js';

let seed: Story;
let brown: Story;
beforeAll(async () => {
  seed = await loadStory({ corpusDir: 'corpus', cacheDir: null });
  brown = await loadStory({ corpusDir: 'eval/corpora/brown-press', cacheDir: null });
});

/** Each passage is verbatim in its article. */
function expectVerbatim(story: Story, excerpts: { article: { id: string }; excerpt: string }[]): void {
  for (const c of excerpts) expect(story.articles().find((a) => a.id === c.article.id)!.body).toContain(c.excerpt);
}

describe('Story.nearby', () => {
  it('names the person a question gives by surname, as the story names them, with up to two passages about them', () => {
    expect(seed.ask('What did Rama eat for breakfast?').answer).toBeNull();
    const near = seed.nearby('What did Rama eat for breakfast?');
    expect(near.names).toEqual(['Edi Rama']);
    expect(near.citations).toHaveLength(2);
    for (const c of near.citations) expect(c.excerpt).toContain('Rama');
    expect(new Set(near.citations.map((c) => `${c.article.id}#${c.paragraph}`)).size).toBe(2);
    expectVerbatim(seed, near.citations);
  });

  it('finds a name typed in lower case, an acronym and a full name with a title before it', () => {
    expect(seed.nearby('who is rama married to').names).toEqual(['Edi Rama']);
    expect(seed.nearby('Who founded the MEK?').names).toEqual(['People’s Mujahideen of Iran']);
    expect(seed.nearby("What is Foreign Minister Olta Xhacka's favourite colour?").names).toEqual(['Olta Xhacka']);
  });

  it('finds nothing when the question names nothing in the story, nor in a part of a name ("World" of "World Cup")', () => {
    expect(seed.nearby('Who won the World Cup?')).toEqual({ names: [], citations: [] });
    expect(seed.nearby('What is the capital of France?')).toEqual({ names: [], citations: [] });
  });

  it('does not take a month or a demonym for a name the articles mention', () => {
    expect(seed.nearby('How many Iranian diplomats were expelled from Albania?').names).toEqual(['Albania']);
    expect(seed.nearby('what got knocked offline in the july hack?').names).toEqual([]);
  });

  it('takes a name the articles write capitalised that the entity index lacks, passages holding its words', () => {
    const near = seed.nearby('What does Stuxnet do to centrifuges?');
    expect(near.names).toEqual(['Stuxnet']);
    expect(near.citations.map((c) => c.excerpt)).toEqual([expect.stringContaining('Stuxnet')]);
  });

  it('works on another story', () => {
    const near = brown.nearby('What sentence did Ethel Gee receive at the Old Bailey?');
    expect(near.names).toEqual(['Ethel Gee']);
    expect(near.citations.length).toBeGreaterThan(0);
    expectVerbatim(brown, near.citations);
  });

  it('refuses a question as ask does', () => {
    expect(() => seed.nearby('\u200b\u202e')).toThrow(QuestionError);
  });
});
