import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionType } from '../../src/engine/ask.js';
import { loadStory, type Story } from '../../src/engine/story.js';

let story: Story;
beforeAll(async () => {
  story = await loadStory({ corpusDir: 'corpus', cacheDir: null });
});

const answer = (q: string) => story.ask(q).answer?.text ?? null;

describe('questionType', () => {
  it.each([
    ['Who met the minister?', 'who'],
    ['When did the attack happen?', 'when'],
    ['In what year did it join?', 'when'],
    ['Where did they meet?', 'where'],
    ['How many people died?', 'quantity'],
    ['Why did the country cut ties?', 'why'],
    ['What did the ministry say about it?', 'said'],
    ['What is the MEK?', 'definition'],
    ['stuxnet', 'other'],
  ])('%s → %s', (q, type) => expect(questionType(q)).toBe(type));
});

describe('ask on the seed articles', () => {
  it('answers a who-question with the sentence naming the person', () => {
    expect(answer("Who is Albania's foreign minister?")).toContain('Olta Xhacka');
  });

  it('answers a when-question with a dated sentence', () => {
    expect(answer('When did Albania join NATO?')).toContain('2009');
  });

  it('answers a where-question', () => {
    expect(answer('Where did Roll meet Xhacka?')).toContain('Berlin');
  });

  it('answers a why-question with the reason', () => {
    expect(answer('Why did Albania sever ties with Iran?')).toMatch(/citing accusations/);
  });

  it('answers a keyword query', () => {
    expect(answer('stuxnet')).toContain('Stuxnet virus');
  });

  it('finds the expansion of an acronym the articles never write', () => {
    expect(answer('Who is the NSC spokesperson?')).toContain('Adrienne Watson');
  });

  it('prefers the sentence reporting speech for a what-did-X-say question', () => {
    expect(answer('What did Iran say about the accusation?')).toContain('baseless');
  });

  it('gives at most 3 citations, the first being the answer', () => {
    const r = story.ask('cyberattack on Albania');
    expect(r.citations.length).toBeGreaterThanOrEqual(1);
    expect(r.citations.length).toBeLessThanOrEqual(3);
    expect(r.citations[0]).toEqual(r.answer!.citation);
    expect(r.citations[0]!.article).toMatchObject({ title: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it.each(['What is the capital of France?', 'Who won the World Cup?', 'What is the weather in Tokyo?', 'Who is the president of Brazil?', '   ', '?!'])(
    'abstains on "%s"',
    (q) => expect(story.ask(q)).toEqual({ answer: null, citations: [] }),
  );
});

describe('verbatim excerpts', () => {
  it('every excerpt of every answer is a substring of its article body', () => {
    const bodies = new Map(story.articles().map((a) => [a.id, a.body]));
    const vocabulary = story.articles().flatMap((a) => a.body.split(/\s+/)).slice(0, 400);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary, 'who', 'when', 'why', 'France'), { minLength: 1, maxLength: 8 }), (ws) => {
        const r = story.ask(ws.join(' '));
        for (const c of r.citations) expect(bodies.get(c.article.id)).toContain(c.excerpt);
        if (r.answer) expect(bodies.get(r.answer.citation.article.id)).toContain(r.answer.text);
      }),
      { numRuns: 200 },
    );
  });
});
