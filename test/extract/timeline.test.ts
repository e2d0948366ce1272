import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, TimelineEvent } from '../../src/model/types.js';
import { buildTimeline, filterTimeline, nameInText, periodLabel } from '../../src/extract/timeline.js';
import { makeArticle } from '../helpers/articles.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** "date precision | start of the sentence" for each event. */
function summary(events: TimelineEvent[], chars = 40): string[] {
  return events.map((e) => `${e.date} ${e.precision} | ${e.text.slice(0, chars)}`);
}

interface GoldEvent {
  date: string;
  precision: string;
  quote: string;
  optional?: boolean;
}

/** Recall over required gold events and precision over listed events, as the held-out evaluation counts them. */
function score(events: TimelineEvent[], gold: GoldEvent[]): { recall: number; precision: number; missed: GoldEvent[]; wrong: string[] } {
  const matches = (e: TimelineEvent, g: GoldEvent): boolean =>
    e.date === g.date && e.precision === g.precision && e.citations.some((c) => c.excerpt.includes(g.quote));
  const required = gold.filter((g) => !g.optional);
  const missed = required.filter((g) => !events.some((e) => matches(e, g)));
  const wrong = events.filter((e) => !gold.some((g) => matches(e, g)));
  return {
    recall: (required.length - missed.length) / required.length,
    precision: (events.length - wrong.length) / events.length,
    missed,
    wrong: summary(wrong, 80),
  };
}

function readGold(file: string): GoldEvent[] {
  return (JSON.parse(readFileSync(`${root}/test/fixtures/timeline/${file}`, 'utf8')) as { events: GoldEvent[] }).events;
}

describe('buildTimeline on the seed corpus', () => {
  let articles: Article[];
  let events: TimelineEvent[];
  beforeAll(async () => {
    articles = (await loadCorpus(`${root}/corpus`)).articles;
    events = buildTimeline(articles);
  });

  it('lists every dated event of both articles, in order, each at its own precision', () => {
    expect(summary(events)).toEqual([
      '1940-01-01 decade | During World War II, Albanians supported',
      '1940-01-01 decade | “The values and principles of the Albani',
      '1979-01-01 year | The MEK backed Ayatollah Ruhollah Khomei',
      '1990-01-01 decade | Following the collapse of its communist ',
      '2007-01-01 year | The US noted that Iran’s cyberthreats da',
      '2009-01-01 year | officially joining NATO in 2009.',
      '2010-01-01 year | The Islamic Republic has also been targe',
      '2013-01-01 year | Albania agreed in 2013 to take in member',
      '2020-01-01 year | Israeli officials have accused Iran of a',
      '2022-06-01 month | The MEK regularly hosts summits in Alban',
      '2022-07-01 month | A month later, the group postponed anoth',
      '2022-07-15 day | Last week, Albania blamed Iran for a Jul',
      '2022-09-01 month | An Iranian-sponsored attack on Albania’s',
      '2022-09-01 month | The attack led to United States’ sanctio',
      '2022-09-05 week | Last week, Albania blamed Iran for a Jul',
      '2022-09-05 week | Over the weekend, Albania’s Interior Min',
      '2022-09-09 day | Over the weekend, Albania’s Interior Min',
      '2022-09-12 day | Israel offered cyber defense assistance ',
      '2022-10-23 day | That was the message from Israeli Prime ',
      '2022-10-23 day | “Albania has a special place in Jewish h',
    ]);
  });

  it('finds at least 90% of the hand-made gold events, and lists at least 90% real ones', () => {
    const result = score(events, readGold('seeds.gold.json'));
    expect(result.missed).toEqual([]);
    expect(result.wrong).toEqual([]);
  });

  it('does not list the article date as an event when no sentence states something for it', () => {
    expect(events.filter((e) => e.date === '2022-10-23').map((e) => e.text)).toEqual([
      'That was the message from Israeli Prime Minister Yair Lapid to visiting Albanian Prime Minister Edi Rama on Sunday in Jerusalem.',
      '“Albania has a special place in Jewish history,” said Lapid on Sunday.',
    ]);
    expect(events.some((e) => e.text.startsWith('Today, the evil'))).toBe(false);
  });

  it('quotes every event verbatim (its sentence, or the clause of it that tells the event) and cites the sentence with its paragraph', () => {
    for (const e of events) {
      expect(e.citations.length).toBeGreaterThan(0);
      expect(e.citations[0]!.excerpt).toContain(e.text);
      for (const c of e.citations) {
        const article = articles.find((a) => a.id === c.article.id)!;
        expect(article.sentences.map((s) => s.text)).toContain(c.excerpt);
        expect(article.body).toContain(c.excerpt);
      }
    }
    const july15 = events.find((e) => e.date === '2022-07-15')!;
    expect(july15.citations).toEqual([
      {
        article: expect.objectContaining({ id: '2022-09-12-israel-offers-cyber-aid-albania.md', date: '2022-09-12' }),
        paragraph: 4,
        excerpt: july15.text,
      },
      {
        article: expect.objectContaining({ id: '2022-10-23-lapid-rama-cyber-threat.md', date: '2022-10-23' }),
        paragraph: 3,
        excerpt: expect.stringMatching(/^An Iranian-sponsored attack on Albania’s government systems in July/),
      },
    ]);
  });

  it('lists a sentence once, at the date that governs its main verb: "on Monday, days after …, in July" is a 12 Sep event only', () => {
    const israel = events.filter((e) => e.text.startsWith('Israel offered cyber defense assistance'));
    expect(israel.map((e) => `${e.date} ${e.precision}`)).toEqual(['2022-09-12 day']);
  });

  it('makes no event of vague time words ("earlier this year")', () => {
    expect(events.some((e) => e.citations.some((c) => c.excerpt.includes('earlier this year')))).toBe(false);
  });

  it('merges the July 15 attack told by both seed articles into one event, at the finer date', () => {
    const july = events.filter((e) => e.date.startsWith('2022-07') && e.citations.some((c) => c.excerpt.includes('government systems in July')));
    expect(july.map((e) => [e.date, e.precision, e.citations.length])).toEqual([['2022-07-15', 'day', 2]]);
  });

  it('returns plain TimelineEvent objects, as the JSON CLI prints them', () => {
    for (const e of events) expect(Object.keys(e).sort()).toEqual(['citations', 'date', 'precision', 'text']);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});

describe('buildTimeline across articles', () => {
  const ledger = makeArticle({
    id: 'ledger.md',
    outlet: 'The Ledger',
    date: '2022-07-18',
    body:
      'Hackers shut down Albanian government websites and digital services on Friday in a cyberattack officials blamed on a foreign state.\n\n' +
      'The prime minister held an emergency meeting on Friday with the cabinet.',
  });
  const wire = makeArticle({
    id: 'wire.md',
    outlet: 'Metro Wire',
    date: '2022-07-20',
    body:
      'A cyberattack on July 15 shut down Albanian government websites and digital services for days.\n\n' +
      'Parliament passed a budget on July 15 after a long debate.',
  });

  it('merges the same happening reported by two outlets into one event with both citations', () => {
    const events = buildTimeline([wire, ledger]);
    const attack = events.filter((e) => e.date === '2022-07-15' && /websites/.test(e.text));
    expect(attack).toHaveLength(1);
    expect(attack[0]!.precision).toBe('day');
    expect(attack[0]!.text).toBe(ledger.sentences[0]!.text); // the earlier article's sentence leads
    expect(attack[0]!.citations.map((c) => [c.article.outlet, c.excerpt])).toEqual([
      ['The Ledger', ledger.sentences[0]!.text],
      ['Metro Wire', wire.sentences[0]!.text],
    ]);
  });

  it('keeps different happenings on the same day apart', () => {
    const events = buildTimeline([ledger, wire]);
    expect(events.map((e) => e.text)).toEqual([
      ledger.sentences[0]!.text,
      ledger.sentences[1]!.text,
      wire.sentences[1]!.text,
    ]);
    expect(events.every((e) => e.date === '2022-07-15' && e.precision === 'day')).toBe(true);
  });

  it('merges exact duplicate sentences from two files into one event', () => {
    const body = 'Albania severed diplomatic ties with Iran on Sept. 7, 2022.';
    const events = buildTimeline([makeArticle({ id: 'a.md', body }), makeArticle({ id: 'b.md', body, outlet: 'Other' })]);
    expect(events).toHaveLength(1);
    expect(events[0]!.citations.map((c) => c.article.id)).toEqual(['a.md', 'b.md']);
  });

  it('gives one sentence with two different dates two events', () => {
    const article = makeArticle({ date: '2022-10-23', body: 'An attack in July was followed by another attack in September.' });
    expect(summary(buildTimeline([article]), 10)).toEqual(['2022-07-01 month | An attack ', '2022-09-01 month | An attack ']);
  });

  it('orders ties by precision, coarser first, then by article date', () => {
    const early = makeArticle({ id: 'early.md', date: '2021-03-01', body: 'The law was passed in 2020.' });
    const late = makeArticle({
      id: 'late.md',
      date: '2021-06-01',
      body: 'Courts upheld it on January 1, 2020. Critics took the statute to a higher court in January 2020.',
    });
    expect(summary(buildTimeline([late, early]), 20)).toEqual([
      '2020-01-01 year | The law was passed i',
      '2020-01-01 month | Critics took the sta',
      '2020-01-01 day | Courts upheld it on ',
    ]);
  });

  it('counts "a month later" from the previous sentence of the same article only', () => {
    const first = makeArticle({ id: 'first.md', date: '2022-09-12', body: 'The group held a summit in June.' });
    const second = makeArticle({ id: 'second.md', date: '2022-09-13', body: 'A month later, the summit was cancelled.' });
    expect(summary(buildTimeline([first, second]), 12)).toEqual(['2022-06-01 month | The group he']);
  });
});

describe('buildTimeline on fixture stories in other styles', () => {
  it.each([['court'], ['sports'], ['election']])('finds the %s story’s gold events and lists real ones', async (story) => {
    const { articles, problems } = await loadCorpus(`${root}/test/fixtures/timeline/${story}`);
    expect(problems).toEqual([]);
    const result = score(buildTimeline(articles), readGold(`${story}/gold.json`));
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.missed).toEqual([]);
    expect(result.wrong).toEqual([]);
  });

  it('merges the sentencing reported by both court outlets and keeps the rest of the case apart', async () => {
    const events = buildTimeline((await loadCorpus(`${root}/test/fixtures/timeline/court`)).articles);
    const sentencing = events.filter((e) => e.date === '2021-03-03');
    expect(sentencing.map((e) => e.citations.map((c) => c.article.outlet))).toEqual([['Metro Wire', 'The Ledger'], ['The Ledger']]);
  });
});

describe('filterTimeline', () => {
  const article = makeArticle({
    date: '2022-10-23',
    body:
      'Prime Minister Edi Rama said hackers attacked government websites in July.\n\n' +
      'Albania severed diplomatic ties with Iran on Sept. 7.\n\n' +
      'Israeli Prime Minister Yair Lapid met Rama on Sunday to discuss cyber defense.\n\n' +
      'Albania joined NATO in 2009.',
  });
  const events = buildTimeline([article]);
  const dates = (list: TimelineEvent[]): string[] => list.map((e) => `${e.date} ${e.precision}`);

  it('keeps events whose period overlaps [from, to]', () => {
    expect(dates(filterTimeline(events, { from: '2022-07-20' }))).toEqual(['2022-07-01 month', '2022-09-07 day', '2022-10-23 day']);
    expect(dates(filterTimeline(events, { to: '2022-07-01' }))).toEqual(['2009-01-01 year', '2022-07-01 month']);
    expect(dates(filterTimeline(events, { from: '2022-09-01', to: '2022-09-30' }))).toEqual(['2022-09-07 day']);
    expect(dates(filterTimeline(events, { from: '2009-06-01', to: '2009-06-30' }))).toEqual(['2009-01-01 year']);
  });

  it('says when a kept event’s date is only known to a wider period than the range (approximate), and leaves the others as they are', () => {
    const june2009 = filterTimeline(events, { from: '2009-06-01', to: '2009-06-30' });
    expect(june2009.map((e) => [e.date, e.precision, e.approximate])).toEqual([['2009-01-01', 'year', true]]);
    const september = filterTimeline(events, { from: '2022-09-01', to: '2022-09-30' });
    expect(september).toEqual([events.find((e) => e.date === '2022-09-07')]);
    expect(september[0]).toBe(events.find((e) => e.date === '2022-09-07'));
    expect(filterTimeline(events, { from: '2022-07-20' }).map((e) => e.approximate ?? false)).toEqual([true, false, false]);
    expect(filterTimeline(events, {}).some((e) => 'approximate' in e)).toBe(false);
  });

  it('keeps events whose sentences hold the topic’s search terms', () => {
    expect(dates(filterTimeline(events, { topic: 'diplomatic ties' }))).toEqual(['2022-09-07 day']);
    expect(dates(filterTimeline(events, { topic: 'attacks on websites' }))).toEqual(['2022-07-01 month']);
    expect(dates(filterTimeline(events, { topic: 'cyber' }))).toEqual(['2022-10-23 day']);
    expect(filterTimeline(events, { topic: 'football' })).toEqual([]);
  });

  it('keeps events naming the person, by surname or full name', () => {
    expect(dates(filterTimeline(events, { person: 'Edi Rama' }))).toEqual(['2022-07-01 month', '2022-10-23 day']);
    expect(dates(filterTimeline(events, { person: 'Yair Lapid' }))).toEqual(['2022-10-23 day']);
    expect(filterTimeline(events, { person: 'Olta Xhacka' })).toEqual([]);
  });

  it('uses the person matcher it is given', () => {
    const aliases: Record<string, string[]> = { 'the Albanian leader': ['Rama'] };
    const matcher = (text: string, person: string): boolean => (aliases[person] ?? [person]).some((a) => text.includes(a));
    expect(dates(filterTimeline(events, { person: 'the Albanian leader' }, matcher))).toEqual(['2022-07-01 month', '2022-10-23 day']);
  });

  it('combines filters and returns the events unchanged', () => {
    const kept = filterTimeline(events, { from: '2022-08-01', person: 'Rama', topic: 'cyber defense' });
    expect(kept).toEqual([events.find((e) => e.date === '2022-10-23')]);
  });

  it('rejects a bad date, naming the field and the value', () => {
    expect(() => filterTimeline(events, { from: 'last week' })).toThrow(
      'storydesk: timeline filter "from" is "last week"; expected a date as YYYY-MM-DD',
    );
    expect(() => filterTimeline(events, { to: '2022-13-01' })).toThrow('timeline filter "to" is "2022-13-01"');
  });

  it('matches names by whole words', () => {
    expect(nameInText('Lapid met Rama on Sunday.', 'Edi Rama')).toBe(true);
    expect(nameInText('Ramallah was quiet.', 'Edi Rama')).toBe(false);
    expect(nameInText('Edi spoke.', 'Edi Rama')).toBe(false);
  });
});

describe('periodLabel', () => {
  it('shows a date at its precision and never a finer one', () => {
    expect(periodLabel({ date: '2022-07-15', precision: 'day' })).toBe('15 July 2022');
    expect(periodLabel({ date: '2022-09-05', precision: 'week' })).toBe('week of 5 September 2022');
    expect(periodLabel({ date: '2022-07-01', precision: 'month' })).toBe('July 2022');
    expect(periodLabel({ date: '2022-01-01', precision: 'year' })).toBe('2022');
    expect(periodLabel({ date: '1990-01-01', precision: 'decade' })).toBe('the 1990s');
  });
});

describe('a month or day without a year takes its narrative’s year (issue 16, brown-fresh5)', () => {
  const dates = (body: string, date = '1961-12-15'): string[] => buildTimeline([makeArticle({ date, body })]).map((e) => `${e.date} ${e.precision}`);

  it('dates days told before a later explicit month in its year ("on July 10 … in October 1960")', () => {
    expect(
      dates(
        'The army mutinied, and on July 10 the government sent troops to the colony.\n\n' +
          'On July 14 the council voted a resolution.\n\n' +
          'But by the end of the period, in October 1960, calm settled on the colony.',
      ),
    ).toEqual(['1960-07-10 day', '1960-07-14 day', '1960-10-01 month']);
  });

  it('dates a day after an earlier explicit year of its paragraph in that year', () => {
    expect(dates('The plant was closed in 1940. On July 10 its owners sold it.')).toEqual(['1940-01-01 year', '1940-07-10 day']);
  });

  it('keeps the article’s year when the story’s present comes between, or the later year is a contrast in the same sentence', () => {
    expect(
      dates('On July 10 the firm sold the plant.\n\nLast week the buyer reopened it.\n\nThe plant had been built in October 1950.'),
    ).toEqual(['1950-10-01 month', '1961-07-10 day', '1961-12-04 week']);
    expect(dates('Mr. Doe sold 21 tractors in August; in August of 1960, he sold seven.', '1961-10-04')).toContain('1961-08-01 month');
  });

  it('keeps "last September" in the story\'s present though a later sentence names September of an earlier year', () => {
    const article = makeArticle({
      date: '1961-11-29',
      body: 'Dr. Ames succeeds Dr. Carl Noyes, who resigned last September to join a publisher.\n\nDr. Ames joined the university in September, 1960.',
    });
    const events = buildTimeline([article]).map((e) => `${e.date}/${e.precision}: ${e.text.slice(0, 18)}`);
    expect(events).toEqual(['1960-09-01/month: Dr. Ames joined th', '1961-09-01/month: Dr. Ames succeeds ']);
  });

  it('looks ahead after "should" ("should then meet on May 5"), and takes no month from a name ("and August Jack Roe")', () => {
    const article = makeArticle({
      date: '1961-04-19',
      body: 'A 14-power conference should then meet on May 5, he said.\n\nThe radio identified the two as Howard Andrews and August Jack Roe.',
    });
    expect(buildTimeline([article]).map((e) => `${e.date}/${e.precision}`)).toEqual(['1961-05-05/day']);
  });

  it('looks ahead from "set it for public hearing on Feb. 22"', () => {
    const article = makeArticle({ date: '1961-02-17', body: 'He had finally gotten the chairman to set it for public hearing on Feb. 22.' });
    expect(buildTimeline([article]).map((e) => e.date)).toEqual(['1961-02-22']);
  });

  it('reads a sentence that opens with "Published annually by" as a sentence, and "Today, X was in Detroit" as the day', () => {
    const dated = (body: string, date: string): string[] => buildTimeline([makeArticle({ date, body })]).map((e) => `${e.date}/${e.precision}`);
    expect(dated('Published annually by William Richards, the new edition is scheduled to arrive with Monday morning\'s postman.', '1961-12-03')).toEqual(['1961-12-04/day']);
    expect(dated('Today, M. Kegan was in Detroit, en route to California.', '1961-07-23')).toEqual(['1961-07-23/day']);
    expect(dated('Today, the evil behind it remains a threat.', '1961-07-23')).toEqual([]);
  });

  it('takes no event from what a figure is compared with ("will equal or top last year", "the corresponding period of last year")', () => {
    const dated = (body: string): string[] => buildTimeline([makeArticle({ date: '1961-04-09', body })]).map((e) => `${e.date}/${e.precision}`);
    expect(dated('Dealers are optimistic that the second quarter will equal or top last year.')).toEqual([]);
    expect(dated('Contracts rose in March, a 4 per cent increase compared to the corresponding period of last year.')).toEqual(['1961-03-01/month']);
    // "in March … this year": the sentence says whose year it is, whatever a later sentence's year.
    const march = dated('Sales cracked the 3,000 mark in March for the first time this year.\n\nCompared with March 1960, this March was off.');
    expect(march).toContain('1961-03-01/month');
    expect(march).not.toContain('1960-03-01/month');
  });

  it('dates a schedule\'s colon list ahead, each part of a semicolon list by the sentence\'s verb, and "will begin at 10 a.m. today"', () => {
    const dated = (body: string): string[] => buildTimeline([makeArticle({ date: '1961-10-01', body })]).map((e) => e.date);
    expect(dated('Also set for appearances at the auditorium this season are: “American Ballet” on Jan. 27; Jorge Bolt, pianist, on Feb. 23.')).toEqual(['1962-01-27', '1962-02-23']);
    expect(dated('Other workshops will be in Tallahassee Oct. 5; Jacksonville, Oct. 6; Plant City Oct. 11.')).toEqual(['1961-10-05', '1961-10-06', '1961-10-11']);
    expect(dated('The opening session will begin at 10 a.m. today.')).toEqual(['1961-10-01']);
    expect(dated('A series of assemblies begins at St. Thomas Aquinas Monday.')).toEqual(['1961-10-02']);
    expect(dated('Millions of homes today display pieces patterned after his style.')).toEqual([]);
  });

  it('in a report that says "yesterday", a bare weekday on the report\'s own day is the one a week before', () => {
    const body = 'The councilman complained yesterday.\n\nHe criticized the crews for halting work on Tuesday night after the Sunday storm.';
    const dated = (b: string): string[] => buildTimeline([makeArticle({ date: '1961-01-08', body: b })]).map((e) => e.date);
    expect(dated(body)).toEqual(['1961-01-01', '1961-01-03', '1961-01-07']);
    // Without "yesterday" or "tomorrow" (online news writes "on Sunday" for its own day), the day is the report's.
    expect(dated('He criticized the crews for halting work after the Sunday storm.')).toEqual(['1961-01-08']);
  });

  it('lists the day of a speech "entitled “Are Women Here To Stay”?": the question mark is the title\'s', () => {
    const article = makeArticle({ date: '1961-09-10', body: 'Last October he gave a public speech in Washington entitled “Are Women Here To Stay”?' });
    expect(buildTimeline([article]).map((e) => `${e.date}/${e.precision}`)).toEqual(['1960-10-01/month']);
  });
});
