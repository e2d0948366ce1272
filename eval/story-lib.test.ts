import { describe, expect, it } from 'vitest';
import { normName, parseGold, roleMatches, scorePeople, scoreQuotes, scoreTimeline, speakerMatches, type CliEvent, type GoldSet } from './story-lib.js';

const gold: GoldSet = parseGold(
  'test.json',
  JSON.stringify({
    about: '',
    corpus: 'x',
    articles: [
      {
        article: 'a',
        people: [
          { name: 'Raymond H. Hawksley', role: ['city CD head', 'director'], aliases: ['Hawksley'] },
          { name: 'Ann Lee', role: null, aliases: ['Lee'] },
        ],
        ignore: ['J. I. Case'],
        events: [
          { date: '2022-07-15', precision: 'day', quote: 'a July 15 attack', also: ['an attack in July'] },
          { date: '2022-09-12', precision: 'day', quote: 'offered aid on Monday' },
          { date: '2022-01-01', precision: 'year', quote: 'earlier this year', optional: true },
        ],
        quotes: [
          { quote: 'We will help', speaker: 'Ann Lee', accept: ['Lee'] },
          { quote: 'baseless', speaker: 'Iran', accept: ['Iran', null] },
          { quote: 'All we have', speaker: 'Henry Kowalski', accept: ['Kowalski'], reject: ['Eleanor'] },
        ],
      },
    ],
  }),
);

const cite = (id: string, excerpt: string) => ({ article: { id: `${id}.md` }, excerpt });
const event = (date: string, precision: string, ...citations: ReturnType<typeof cite>[]): CliEvent => ({ date, precision, text: citations[0]!.excerpt, citations });

describe('scoreTimeline', () => {
  it('counts an event listed twice once right and once wrong, and checks the merge across articles', () => {
    const s = scoreTimeline(gold, [
      event('2022-07-15', 'day', cite('a', 'Iran made a July 15 attack.'), cite('b', 'There was an attack in July.')),
      event('2022-09-12', 'day', cite('a', 'Israel offered aid on Monday.')),
      event('2022-09-12', 'day', cite('a', 'Israel offered aid on Monday.')),
      event('2022-09-05', 'week', cite('a', 'Israel offered aid on Monday.')),
    ]);
    expect([s.required, s.found, s.listed, s.right]).toEqual([2, 2, 4, 2]);
    expect(s.merged).toEqual({ total: 1, done: 1 });
    expect(s.wrong).toHaveLength(2);
  });

  it('needs the date and precision, the article and the quote; an optional event is right but not required', () => {
    const s = scoreTimeline(gold, [
      event('2022-07-01', 'month', cite('a', 'Iran made a July 15 attack.')),
      event('2022-01-01', 'year', cite('a', 'It happened earlier this year.')),
      event('2022-09-12', 'day', cite('b', 'Israel offered aid on Monday.')),
    ]);
    expect([s.found, s.right]).toEqual([0, 1]);
    expect(s.merged).toEqual({ total: 1, done: 0 });
  });
});

describe('scorePeople', () => {
  it('finds people by name or alias, checks roles by words, and counts listed names that are no gold person', () => {
    const s = scorePeople(gold, [
      { name: 'Raymond H. Hawksley', kind: 'person', roles: ['the present city CD head'], aliases: ['Hawksley'] },
      { name: 'Lee', kind: 'person', roles: [], aliases: [] },
      { name: 'Hyannis Port', kind: 'person', roles: [], aliases: [] },
      { name: 'J. I. Case', kind: 'person', roles: [], aliases: [] },
      { name: 'Anne Arundel', kind: 'place', roles: [], aliases: [] },
    ]);
    expect([s.people, s.found, s.withRole, s.roleGiven, s.listedPeople, s.notPeople]).toEqual([2, 2, 1, 1, 4, 1]);
    expect(s.notPeopleNames).toEqual(['Hyannis Port']);
  });

  it('misses a person listed only as a place, and says so', () => {
    const s = scorePeople(gold, [{ name: 'Ann Lee', kind: 'place', roles: [], aliases: [] }]);
    expect(s.missed).toEqual(['Raymond H. Hawksley', 'Ann Lee (listed as place)']);
  });

  it('roleMatches takes whole words either way, a short listed role only inside the gold one', () => {
    expect(roleMatches('Gov.', 'gov')).toBe(true);
    expect(roleMatches('former secretary of labor', 'secretary of labor')).toBe(true);
    expect(roleMatches('coach', 'the line coach')).toBe(true);
    expect(roleMatches('a', 'a roofer')).toBe(false);
    expect(roleMatches('director', 'directors')).toBe(false);
  });
});

describe('scoreQuotes', () => {
  it('finds a quotation by its text and checks the speaker by accepted and rejected words', () => {
    const q = (text: string, speaker: string | null) => ({ text, speaker, citation: cite('a', text) });
    const s = scoreQuotes(gold, [q('We will help them', 'Ann Lee'), q('baseless', null), q('All we have left', 'Eleanor Kowalski')]);
    expect([s.total, s.found, s.attributed]).toEqual([3, 3, 2]);
    expect(speakerMatches('Henry Kowalski', gold.articles[0]!.quotes[2]!)).toBe(true);
    expect(speakerMatches('GOP', gold.articles[0]!.quotes[0]!)).toBe(false);
  });

  it('normName makes initials and apostrophes compare equal', () => {
    expect(normName('K.J.P. Baraclough')).toBe(normName('K. J. P. Baraclough'));
    expect(normName('O’Neill')).toBe(normName("O'Neill"));
  });
});
