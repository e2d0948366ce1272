// ask: the answer and its citations on the seed story, excerpts always verbatim, and the decision to answer or abstain.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion, ask, rankCandidates, supports } from '../../src/ask/ask.js';
import { QuestionError } from '../../src/ask/input.js';
import { loadStory, type Story } from '../../src/engine/story.js';
import { answerIn, askContextOf, contextOf, filler, harbourArticles, roads } from './story-context.js';

let story: Story;
beforeAll(async () => {
  story = await loadStory({ corpusDir: 'corpus', cacheDir: null });
});

const answer = (q: string) => story.ask(q).answer?.text ?? null;

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

  it.each(['What is the capital of France?', 'Who won the World Cup?', 'What is the weather in Tokyo?', 'Who is the president of Brazil?', '?!'])(
    'abstains on "%s"',
    (q) => expect(story.ask(q)).toEqual({ answer: null, citations: [] }),
  );

  it('abstains on a blank question, which the story refuses before ask sees it', () => {
    expect(ask(askContextOf(story), '   ')).toEqual({ answer: null, citations: [] });
    // Since the hardening of issue 14 (0aa697e), the story throws for an empty question: its message is for the person.
    expect(() => story.ask('   ')).toThrow(QuestionError);
  });
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

const harbour = await contextOf(...harbourArticles);

describe('ask: abstaining when the articles do not say', () => {
  it.each([
    // A name the articles never use.
    'Who won the Berlin marathon?',
    // Only the story's everyday words match ("bridge"); what is asked about ("speed limit") is not there. (A "toll
    // price" is now found as "cost", a WordNet synonym: "The repairs cost $48 million" is given, the price synonyms
    // pay for their gain on the eval sets.)
    'What is the speed limit on the bridge?',
    // A name the articles use, but not in any sentence that could answer.
    'When was Anna Holm born?',
  ])('abstains on "%s"', (q) => expect(ask(harbour, q)).toEqual({ answer: null, citations: [] }));

  it('abstains on a name the articles never give, though they use its other words ("the Harbour Commission")', () => {
    const q = 'What did the Harbour Commission say about the repairs to the harbour bridge?';
    expect(analyzeQuestion(harbour, q).fullNames.map((n) => n.map((t) => t.term))).toEqual([['harbour', 'commiss']]);
    expect(ask(harbour, q).answer).toBeNull();
    expect(ask(harbour, q, { absentFullName: false }).answer).not.toBeNull();
    // "Mayor Park" for the "Ellen Park" the articles name: the last word is theirs, so the rule doesn't refuse it.
    expect(answerIn(harbour, 'Who cut the ribbon, Mayor Park?')).toContain('Ellen Park');
  });

  it('still answers a one-word keyword query that the articles use', () => {
    expect(answerIn(harbour, 'ferry')).toContain('ferry');
  });

  it('still answers a question worded with a word family and a time adjunct the answer lacks', () => {
    expect(answerIn(harbour, 'Which architect won the design contest last year?')).toContain('Tomas Berg');
  });
});

const airline = await contextOf(
  {
    title: 'Airline profits rise',
    body:
      'Skyway said on Monday that profits rose 12% in 2004. The airline carried 21 million passengers last year.\n\n' +
      'Its chairwoman, Lena Ortiz, 58, stepped down in March. The airline will fly to Oslo and Riga from June.\n\n' +
      'The chief executive, Tom Reyes, met the 9 members of the Oslo airport board in May.',
  },
  // Other news, so that "Skyway", in one sentence of many, singles that sentence out as a rare name does.
  { title: 'Local roads', ...roads },
);

describe('ask: the relation a typed question asks about', () => {
  it('abstains when a sentence only shares the one name the question gives, not what it asks of it', () => {
    // The one Skyway sentence has a date but says nothing of a founding.
    expect(ask(airline, 'When was Skyway founded?').answer).toBeNull();
    // Nor any sentence naming Skyway for what the question asks of it.
    expect(ask(airline, 'What is the capital of Skyway?').answer).toBeNull();
    expect(ask(airline, 'What is the capital of Skyway?', { relationEvidence: false }).answer).not.toBeNull();
    // With the rule off, that dated sentence is given as the answer: the rule is what refuses it.
    expect(ask(airline, 'When was Skyway founded?', { relationEvidence: false }).answer?.text).toContain('Skyway said on Monday');
  });

  it('answers when the answer holds a word of what is asked, or two of the names the question gives', () => {
    expect(answerIn(airline, 'How much did Skyway profits rise?')).toContain('12%');
    expect(answerIn(airline, 'When did Tom Reyes go to the Oslo airport?')).toContain('May');
  });

  it("wants a how-many or how-long question's own words, however many of its names the sentence holds", async () => {
    // "Tom Reyes" and "Oslo" meet in a sentence with a count in it, but it counts board members, not awards.
    expect(ask(airline, 'How many awards has Tom Reyes won in Oslo?').answer).toBeNull();
    expect(ask(airline, 'How many awards has Tom Reyes won in Oslo?', { relationEvidence: false }).answer?.text).toContain('9 members');
    // What it does count is answered.
    expect(answerIn(airline, 'How many members of the board did Tom Reyes meet in Oslo?')).toContain('9 members');
    // A stretch of time beside two names is not the one asked about either.
    const tenure = await contextOf(
      { body: 'Lena Ortiz ran Skyway for 12 years before she left for Oslo.\n\nShe now chairs a bank.' },
      roads,
    );
    expect(answerIn(tenure, 'How long did Lena Ortiz run Skyway?')).toContain('12 years');
    expect(ask(tenure, 'How long has Lena Ortiz lived in Oslo?').answer).toBeNull();
  });

  it('reads the names of a question typed all in lower case as the articles write them', async () => {
    expect(analyzeQuestion(airline, 'how old is lena ortiz').terms.filter((t) => t.role === 'name').map((t) => t.term)).toEqual(['lena', 'ortiz']);
    expect(analyzeQuestion(airline, 'when did tom reyes meet the board?').nameGroups).toBe(1);
    expect(analyzeQuestion(airline, 'when did tom reyes meet the board?', { truecase: false }).nameGroups).toBe(0);
    // Only words the articles write capitalised mid-sentence: "board" stays a common word.
    expect(analyzeQuestion(airline, 'when did tom reyes meet the board?').terms.find((t) => t.term === 'board')?.role).not.toBe('name');
    // A keyword query's first word is a name when the articles only write it capitalised ("Corvex shares").
    const market = await contextOf({ body: 'Shares in Corvex fell 2% on Monday. Analysts said the board of Corvex had lost ground.' });
    expect(analyzeQuestion(market, 'Corvex shares').terms.find((t) => t.term === 'corvex')?.role).toBe('name');
    expect(analyzeQuestion(market, 'Board shares').terms.find((t) => t.term === 'board')?.role).not.toBe('name');
    // … and so it is typed in lower case.
    expect(analyzeQuestion(market, 'corvex shares').terms.find((t) => t.term === 'corvex')?.role).toBe('name');
    // A country, people or continent the articles never mention is a name all the same; a word they write in lower
    // case ("turkey" the bird) is not.
    expect(analyzeQuestion(airline, 'what is the highest mountain in africa?').absentNames).toBe(1);
    expect(analyzeQuestion(airline, 'which french airline flies to riga?').terms.find((t) => t.term === 'french')?.role).toBe('name');
    const farm = await contextOf({ body: 'The farm sold 400 turkey birds in December.' });
    expect(analyzeQuestion(farm, 'how many turkey birds did the farm sell').terms.find((t) => t.term === 'turkei')?.role).not.toBe('name');
    // A question with any capital is taken as written.
    expect(analyzeQuestion(airline, 'When did tom reyes meet the board?').nameGroups).toBe(0);
  });

  it('answers a how-much question about money only with a sum of money', async () => {
    const chips = await contextOf(
      { body: 'Until Morton came along there were only two chip stocks, Frito and Lay, on the market.\n\nLater that year Morton paid $2m for a new plant in Dallas.' },
      roads,
    );
    expect(ask(chips, 'How much did Frito pay for Lay?').answer).toBeNull();
    expect(answerIn(chips, 'How much did Morton pay for the plant?')).toContain('$2m');
  });

  it('answers "how old" only with an age', () => {
    expect(answerIn(airline, 'How old is Lena Ortiz?')).toContain('58');
    expect(ask(airline, 'How old is Tom Reyes?').answer).toBeNull();
  });

  it('counts the separate names a question gives', () => {
    expect(analyzeQuestion(airline, 'Who is Gordon Brown married to?').nameGroups).toBe(1);
    expect(analyzeQuestion(airline, 'Who will Texas face in the Cotton Bowl?').nameGroups).toBe(2);
    expect(analyzeQuestion(airline, 'Who runs the Bank of England?').nameGroups).toBe(1);
  });
});

const people = await contextOf(
  {
    body:
      '"Norway is a trusted partner," Ortiz told reporters in Bergen.\n\n' +
      'Prime Minister Lena Ortiz met President Tom Reyes on Sunday.\n\n' +
      'The law is clear, Alun Michael has said.\n\n' +
      '"Blu-ray offers the capacity," said Michael Heilmann, chief technology officer for Vivendi.',
  },
  filler(40),
);

describe('ask: "who is" a person the question names', () => {
  it('answers with the sentence that says what the person is, not one that quotes them', () => {
    // The quotation's "is a" says nothing of Ortiz.
    expect(ask(people, 'who is ortiz').answer?.citation.excerpt).toContain('Prime Minister Lena Ortiz');
  });

  it('answers about the person named, not another person who shares a name', () => {
    // As a who-question it would want another person in the sentence, and find one only beside the other Michael.
    expect(ask(people, 'Who is Alun Michael?').answer?.citation.excerpt).toContain('Alun Michael has said');
  });
});

describe('supports', () => {
  it('accepts the sentence that covers the question and refuses it for a question naming what the articles never do', () => {
    const ranked = rankCandidates(harbour, 'Who praised the city treasurer?');
    expect(ranked[0]!.passage.sentence.text).toContain('praised');
    expect(supports(analyzeQuestion(harbour, 'Who praised the city treasurer?'), ranked[0]!)).toBe(true);
    const oslo = analyzeQuestion(harbour, 'Who praised the city treasurer of Oslo?');
    expect(oslo.absentNames).toBe(1);
    expect(supports(oslo, rankCandidates(harbour, 'Who praised the city treasurer of Oslo?')[0]!)).toBe(false);
  });
});
