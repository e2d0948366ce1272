// After upsertArticle/removeArticle the timeline, entities and quotes are updated one article at a time (no rebuild):
// they must equal those of a story loaded from scratch with the same articles.
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { loadStory, type Story } from '../../src/engine/story.js';
import type { Article } from '../../src/model/types.js';
import { EntityIndex } from '../../src/extract/entities/entities.js';
import { makeArticle } from '../helpers/articles.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-incr-', { until: 'all' });

const CORPORA = ['corpus', 'eval/corpora/brown-press', 'eval/corpora/brown-holdout'];

/** Everything derived, as plain data: what the commands show. */
function derived(story: Story): unknown {
  const who = story.who();
  return {
    timeline: story.timeline(),
    who,
    quotes: story.quotes(),
    whoIs: who.slice(0, 40).map((e) => story.whoIs(e.name)),
    speakers: story.suggestSpeakers('', 1000),
  };
}

describe('derived data kept up to date one article at a time', () => {
  let all: string;
  let articles: Article[];
  const storyOf = async (ids: string[]): Promise<Story> => {
    const dir = tmp();
    for (const id of ids) await cp(path.join(all, id), path.join(dir, id));
    return (await loadStory({ corpusDir: dir, cacheDir: null })).prepare();
  };
  beforeAll(async () => {
    all = tmp();
    for (const dir of CORPORA) for (const f of await readdir(dir)) if (f.endsWith('.md')) await cp(path.join(dir, f), path.join(all, f));
    articles = (await loadCorpus(all)).articles.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  }, 60_000);

  it('adding the newest, the oldest and a middle article equals loading them all', async () => {
    const whole = derived(await storyOf(articles.map((a) => a.id)));
    const left = [articles.at(-1)!, articles[0]!, articles[7]!];
    const story = await storyOf(articles.filter((a) => !left.includes(a)).map((a) => a.id));
    const before = derived(story);
    for (const a of left) story.upsertArticle(a);
    expect(derived(story)).not.toEqual(before);
    expect(derived(story)).toEqual(whole);
  }, 60_000);

  it('removing articles equals loading the rest', async () => {
    const gone = [articles[3]!, articles.at(-2)!, articles[10]!];
    const story = await storyOf(articles.map((a) => a.id));
    for (const a of gone) expect(story.removeArticle(a.id)).toBe(true);
    expect(derived(story)).toEqual(derived(await storyOf(articles.filter((a) => !gone.includes(a)).map((a) => a.id))));
  }, 60_000);

  it('replacing an article with another version, then putting the first back, ends where it started', async () => {
    const story = await storyOf(articles.map((a) => a.id));
    const start = derived(story);
    const original = articles.at(-1)!;
    const edited = makeArticle({
      id: original.id,
      title: original.title,
      date: original.date,
      body: 'Prime Minister Edi Rama said on 9 September 2022 that “the attack was an act of state aggression.”\n\nRama met Lapid in Tirana in October 2022.',
    });
    story.upsertArticle(edited);
    const changed = derived(story) as { quotes: { speaker: string | null; text: string }[] };
    expect(changed.quotes).toContainEqual(expect.objectContaining({ speaker: 'Edi Rama', text: 'the attack was an act of state aggression.' }));
    expect(story.timeline({ person: 'Rama', from: '2022-09-09', to: '2022-09-09' }).flatMap((e) => e.citations.map((c) => c.article.id))).toContain(original.id);
    story.upsertArticle(original);
    expect(derived(story)).toEqual(start);
  }, 60_000);
});

describe('every article removed and put back, against loading from scratch', () => {
  it('timeline and quotations exact; speakers and entities as documented on EntityIndex (a few differ)', async () => {
    const all = tmp();
    for (const dir of [...CORPORA, 'test/fixtures/entities']) for (const f of await readdir(dir)) if (f.endsWith('.md')) await cp(path.join(dir, f), path.join(all, f));
    const articles = (await loadCorpus(all)).articles;
    const load = async (ids: string[]): Promise<Story> => {
      const dir = tmp();
      for (const id of ids) await cp(path.join(all, id), path.join(dir, id));
      return (await loadStory({ corpusDir: dir, cacheDir: null })).prepare();
    };
    const story = await load(articles.map((a) => a.id));
    const whole = { timeline: story.timeline(), who: story.who(), quotes: story.quotes() };
    const entityKey = (e: { name: string; kind: string; mentions: number }): string => `${e.name}/${e.kind}/${e.mentions}`;
    let speakers = 0;
    let speakersSame = 0;
    let entities = 0;
    let entitiesSame = 0;
    const compare = (got: Story, want: { timeline: unknown; who: ReturnType<Story['who']>; quotes: ReturnType<Story['quotes']> }): void => {
      expect(got.timeline()).toEqual(want.timeline);
      const quotes = got.quotes();
      expect(quotes.map((q) => [q.text, q.citation])).toEqual(want.quotes.map((q) => [q.text, q.citation]));
      speakers += quotes.length;
      speakersSame += quotes.filter((q, i) => q.speaker === want.quotes[i]!.speaker).length;
      const wanted = new Set(want.who.map(entityKey));
      const who = got.who();
      entities += Math.max(who.length, wanted.size);
      entitiesSame += who.filter((e) => wanted.has(entityKey(e))).length;
    };
    for (const a of articles) {
      expect(story.removeArticle(a.id)).toBe(true);
      const fresh = await load(articles.filter((x) => x !== a).map((x) => x.id));
      compare(story, { timeline: fresh.timeline(), who: fresh.who(), quotes: fresh.quotes() });
      story.upsertArticle(a);
      compare(story, whole);
    }
    expect(speakersSame / speakers).toBeGreaterThan(0.97);
    expect(entitiesSame / entities).toBeGreaterThan(0.95);
  }, 120_000);
});

describe('EntityIndex.addArticle/removeArticle', () => {
  const a1 = makeArticle({
    id: 'a1.md',
    date: '2024-03-01',
    body: 'Prime Minister Edi Rama met Finance Minister Delina Ibrahimaj in Tirana.\n\nRama said the budget would pass.',
  });
  const a2 = makeArticle({
    id: 'a2.md',
    date: '2024-03-02',
    author: 'Jane Doe',
    body: 'Rama visited Northwind Analytics Inc. in Durres on Monday.\n\nNorthwind said it would hire 200 workers.',
  });

  it('joins known names to their entity, adds new ones, and undoes both on removal', () => {
    const index = EntityIndex.build([a1]);
    const rama = index.lookup('Edi Rama')!;
    index.addArticle(a2);
    const after = index.lookup('Rama')!;
    expect(after.entity.name).toBe(rama.entity.name);
    expect(after.entity.mentions).toBeGreaterThan(rama.entity.mentions);
    expect(after.citations.map((c) => c.article.id)).toContain('a2.md');
    expect(index.inSentence(a2.sentences[0]!.id).map((e) => e.name)).toContain('Edi Rama');
    const rebuilt = EntityIndex.build([a1, a2]);
    expect(index.list().map((e) => [e.name, e.kind, e.mentions])).toEqual(rebuilt.list().map((e) => [e.name, e.kind, e.mentions]));

    expect(index.removeArticle('a2.md')).toBe(true);
    expect(index.removeArticle('a2.md')).toBe(false);
    expect(index.lookup('Edi Rama')).toEqual(rama);
    expect(index.inSentence(a2.sentences[0]!.id)).toEqual([]);
    expect(index.list().map((e) => e.name)).toEqual(EntityIndex.build([a1]).list().map((e) => e.name));
  });

  it('saves an updated index as one over the articles it now holds', () => {
    const index = EntityIndex.build([a2]);
    index.addArticle(a1); // an earlier article, added last
    const restored = EntityIndex.fromJSON(JSON.parse(JSON.stringify(index)), [a2, a1]);
    expect(restored.list()).toEqual(index.list());
    expect(restored.lookup('Rama')).toEqual(index.lookup('Rama'));
    expect(restored.lookup('Rama')!.citations[0]!.article.id).toBe('a1.md');
    index.removeArticle('a2.md');
    expect(EntityIndex.fromJSON(JSON.parse(JSON.stringify(index)), [a1]).list()).toEqual(index.list());
  });
});
