// Which of a sentence's dates are events (issue 16): the date governing the main verb, not the background ones.
import { describe, expect, it } from 'vitest';
import { datelineDay, extractDates } from '../../src/extract/dates.js';
import { sentenceEvents } from '../../src/extract/event-dates.js';
import { buildTimeline } from '../../src/extract/timeline.js';
import { makeArticle } from '../helpers/articles.js';

/** The events of one sentence as "date precision | clause". */
function eventsOf(sentence: string, articleDate: string): string[] {
  return sentenceEvents(sentence, extractDates(sentence, articleDate)).map(
    (e) => `${e.mention.period.date} ${e.mention.period.precision} | ${sentence.slice(e.start, e.end)}`,
  );
}

describe('sentenceEvents', () => {
  it('dates a sentence by its main clause and leaves "days after …" and a reported "in July" as background', () => {
    const s = 'Israel offered aid to Albania on Monday, days after the Balkan state severed ties with Iran, citing accusations that Iran carried out cyberattacks in July.';
    expect(eventsOf(s, '2022-09-12')).toEqual([`2022-09-12 day | ${s}`]);
  });

  it('gives a sentence telling two events at two dates both, each with its clause', () => {
    expect(eventsOf('The submarine was built on designs supplied in 1959 and was launched last year.', '1961-02-10')).toEqual([
      '1959-01-01 year | The submarine was built on designs supplied in 1959',
      '1960-01-01 year | was launched last year.',
    ]);
  });

  it('keeps a specific day told in a relative clause as an event of its own', () => {
    const s = 'Funeral services for her daughter, who died at the same hospital Monday, have been scheduled for 10 a.m. tomorrow.';
    expect(eventsOf(s, '1961-04-12').map((e) => e.slice(0, 15))).toEqual(['1961-04-10 day ', '1961-04-13 day ']);
  });

  it('makes no event of a comparison baseline, a state since a date, or a hypothetical', () => {
    expect(eventsOf('In August our dealers sold 13% more than a year earlier and in September sales were 14% higher than last year.', '1961-10-04').map((e) => e.slice(0, 16))).toEqual([
      '1961-08-01 month',
      '1961-09-01 month',
    ]);
    // "since" alone dates the start of what the sentence tells; beside a record, a comparison or another date it is background.
    expect(eventsOf('He has been practicing in Portland since November, 1959.', '1961-10-17').map((e) => e.slice(0, 16))).toEqual(['1959-11-01 month']);
    expect(eventsOf('Dealers report their sales since August 1 show sizable gains.', '1961-10-04')).toEqual([]);
    expect(eventsOf('The club clinched its first league title since 1987 on Sunday.', '2023-05-29').map((e) => e.slice(0, 14))).toEqual(['2023-05-28 day']);
    expect(eventsOf('Last year, we probably would have given him $700 for it.', '1961-10-04')).toEqual([]);
    expect(eventsOf('Net income may reach $12.7 billion, up $1 billion from 1960 and the highest since 1953.', '1961-10-04')).toEqual([]);
    // A rate over the years since a date is a trend, not an event at its start.
    expect(eventsOf('He noted the town has grown by 900 people each year since 1950.', '1961-03-22')).toEqual([]);
  });

  it('makes no event of a kind of day ("its Sunday sales law"), nor of a decade a speaker looks back on', () => {
    expect(eventsOf('The state will examine its Sunday sales law.', '1961-07-16')).toEqual([]);
    expect(eventsOf('It declares that Sunday sales licenses bring in revenue.', '1961-07-16')).toEqual([]);
    expect(eventsOf('The company said Monday profits fell.', '1961-07-16').map((e) => e.slice(0, 14))).toEqual(['1961-07-10 day']);
    expect(eventsOf('“We must stop the gangs, as we did in the early 1940s”, the mayor said.', '1961-03-22')).toEqual([]);
  });

  it('dates an event by "this week", unless a day in the sentence dates it', () => {
    // 2015-03-13 is a Friday: "this week" is the week from Monday 9 March.
    expect(eventsOf('In their meetings this week, the officials boasted of concessions.', '2015-03-13').map((e) => e.slice(0, 15))).toEqual(['2015-03-09 week']);
    expect(eventsOf('The singer, who had been due to play Leeds this week, was admitted to hospital on Sunday.', '2015-03-13').map((e) => e.slice(0, 14))).toEqual(['2015-03-08 day']);
    expect(eventsOf('We will know more this month.', '2015-03-13')).toEqual([]);
  });

  it('reads a yearless month after a verb joined to a future one as ahead', () => {
    const s = '“The voters will hear us and elect our man in November”, he said.';
    expect(eventsOf(s, '1961-03-22').map((e) => e.slice(0, 16))).toEqual(['1961-11-01 month']);
    expect(eventsOf('He will recall that he resigned in November.', '1961-03-22').map((e) => e.slice(0, 16))).toEqual(['1960-11-01 month']);
  });

  it('makes no event of vague time words', () => {
    expect(eventsOf('That threat became all too real for Albania earlier this year.', '2022-10-23')).toEqual([]);
  });

  it('reads "in July and August" and "the September-October term" as one time, not two events', () => {
    expect(eventsOf('Tractor production in July and August rose to 2,418 units.', '1961-10-04').map((e) => e.slice(0, 16))).toEqual(['1961-07-01 month']);
    expect(eventsOf('The September-October term jury had been charged by the judge.', '1961-11-04')).toEqual([]);
  });

  it('takes an adjective date ("his Saturday round") only when nothing else dates the sentence', () => {
    const s = 'As evening approached and Palmer finished his Saturday round, the record was intact, thanks to his Thursday and Friday rounds.';
    expect(eventsOf(s, '1961-04-10').map((e) => e.slice(0, 14))).toEqual(['1961-04-08 day']);
  });

  it('counts a range from its start: "from June, 1942, until December, 1945" is a June 1942 event', () => {
    expect(eventsOf('From June, 1942, until December, 1945, Pfaff served in the Army Air Corps.', '1961-01-08').map((e) => e.slice(0, 16))).toEqual([
      '1942-06-01 month',
    ]);
  });
});

describe('which day a date means', () => {
  const dates = (sentence: string, articleDate: string): string[] =>
    sentenceEvents(sentence, extractDates(sentence, articleDate)).map((e) => `${e.mention.period.date} ${e.mention.period.precision}`);

  it('dates a "since" clause with a verb as its own event ("since the bill was introduced only last Monday")', () => {
    expect(dates('He complained that not enough notice was given, since the bill was introduced only last Monday.', '1961-02-17')).toEqual(['1961-02-13 day']);
  });

  it('puts "next Aug. 31" ahead, and a date naming an occasion ("the Sept. 7 primary") at its nearer year', () => {
    expect(dates('Daniel termed it conservative, for the fiscal year ending next Aug. 31.', '1961-02-17')).toEqual(['1961-08-31 day']);
    expect(dates('Leaders are trying to induce Levitt to run in the Sept. 7 Democratic primary.', '1961-06-19')).toEqual(['1961-09-07 day']);
    expect(dates('Hackers struck in the July 15 attack on the websites.', '2022-09-12')).toEqual(['2022-07-15 day']);
  });

  it('reads "during the past week" as the week before the report, and weekdays after "tomorrow" as the days ahead', () => {
    expect(dates('The stock was sold to the public during the past week.', '1961-04-09')).toEqual(['1961-04-03 week']);
    expect(dates('The Yankees come in here tomorrow for a night game and a single test Sunday afternoon.', '1961-03-17')).toEqual([
      '1961-03-18 day',
      '1961-03-19 day',
    ]);
  });

  it('reads "yesterday afternoon", "this Friday night" (the report\'s own week) and "Friday had been set for" (ahead)', () => {
    expect(dates('Mrs. Kowalski died yesterday afternoon in the hospital.', '1961-04-12')).toEqual(['1961-04-11 day']);
    expect(dates('Officers announced a dance for the students this Friday night.', '1961-04-12')).toEqual(['1961-04-14 day']);
    expect(dates('He said 6 p.m. Friday had been set for a canvass of all homes.', '1961-04-12')).toEqual(['1961-04-14 day']);
  });

  it('counts "three hours later" only from a day', () => {
    expect(extractDates('The verdict came three hours later.', '1961-04-12', { date: '1958-01-01', precision: 'year' })).toEqual([]);
    expect(extractDates('The verdict came three hours later.', '1961-04-12', { date: '1961-04-11', precision: 'day' }).map((m) => m.period.date)).toEqual(['1961-04-11']);
  });

  it('takes "today\'s companies" and "today … are reaching" for nowadays, not a date', () => {
    expect(dates('Many of today’s successful companies got started during the depression.', '1961-04-09')).toEqual([]);
    expect(dates('But today many of those men are reaching retirement age with their closely held companies.', '1961-04-09')).toEqual([]);
    expect(dates('Police arrested two men today.', '1961-04-09')).toEqual(['1961-04-09 day']);
  });
});

describe('datelines and the story’s day', () => {
  it('reads the day of a dateline', () => {
    expect(datelineDay('Washington, Feb. 9 — President Kennedy today proposed a plan.', '1961-02-10')).toBe('1961-02-09');
    expect(datelineDay('Miami, Fla., March 17 — The Orioles tonight lost.', '1961-03-18')).toBe('1961-03-17');
    expect(datelineDay('Plainfield — James P. Mitchell spoke last night.', '1961-03-22')).toBeNull();
    expect(datelineDay('Over the weekend, May 5 — nothing.', '1961-05-10')).toBeNull();
  });

  it('counts "today" from the dateline, and lists the dateline itself as no event', () => {
    const article = makeArticle({ date: '1961-02-10', body: 'Washington, Feb. 9 — President Kennedy today proposed a mammoth new medical care program.' });
    expect(buildTimeline([article]).map((e) => `${e.date} ${e.precision}`)).toEqual(['1961-02-09 day']);
  });

  it('counts a weekly’s later weekdays back from the day its lead tells of ("proved last Monday … On Thursday, the first day")', () => {
    const article = makeArticle({
      date: '1961-04-17',
      body:
        'The Masters golf tournament proved last Monday what it can do to the strongest men.\n\n' +
        'Until late last Saturday afternoon Palmer had played seven rounds without being out of first place.\n\n' +
        'On Thursday, the first day of the Masters, the contest developed instantly.',
    });
    expect(buildTimeline([article]).map((e) => e.date)).toEqual(['1961-04-06', '1961-04-08', '1961-04-10']);
  });

  it('does not take a recurring weekday for a date', () => {
    expect(extractDates('The Krogers received secrets usually on the first Saturday evening of each month.', '1961-02-10')).toEqual([]);
  });
});

describe('a comparison with "as … as in" a time (issue 16)', () => {
  it('makes background of "as abrupt as in 1958", "as severe as in late 1959 and 1960" and "as was the case in 1958"', () => {
    const dates = (s: string): string[] => sentenceEvents(s, extractDates(s, '1961-04-26')).map((e) => e.mention.text);
    expect(dates('He said the change will not be as abrupt as in 1958 nor as severe as in late 1959 and 1960.')).toEqual([]);
    expect(dates('It is unlikely the bank will tighten policy as was the case in 1958.')).toEqual([]);
    expect(dates('The plant opened as early as 1958.')).toEqual(['1958']);
    expect(dates('They met in July and August.')).toEqual(['July']);
  });
});

describe('background dates: comparisons, judgements, appositives, recurrences, citations, bounds, conditions, quotations (issue 16, brown-fresh3/4/5)', () => {
  const dates = (s: string, quoted = false): string[] => sentenceEvents(s, extractDates(s, '1961-05-02'), { quoted }).map((e) => e.mention.text);

  it('makes background of the time a comparison’s clause compares with', () => {
    expect(dates('It should be easier to win now than it was to fill the empty seats that were open last year.')).toEqual([]);
    expect(dates('The new fleet is larger than the company had all last year.')).toEqual([]);
    expect(dates('The team gave the leaders as much trouble as anyone did in 1958.')).toEqual([]);
    expect(dates('His mood is better over this time last year.')).toEqual([]);
    expect(dates('More than 300 pupils last Sunday signed the letter.')).toEqual(['last Sunday']);
  });

  it('makes no event of a date in the subject of a judgement', () => {
    expect(dates("Smith's showing last year was remarkable.")).toEqual([]);
    expect(dates('The plant was closed last year.')).toEqual(['last year']);
  });

  it('makes no event of a date in a verbless appositive after a name', () => {
    expect(dates('John Doe, a pupil at the school 30 years ago and now its principal, led the singing.')).toEqual([]);
    expect(dates('John Doe, a pupil who left the school in 1931, led the singing.')).toEqual(['1931']);
  });

  it('makes no event of a recurring time or a month described in the present', () => {
    expect(dates('The band will play each Friday during July.')).toEqual([]);
    expect(dates('Letters pile up (and during March, which is Reading Month, there are many).')).toEqual([]);
  });

  it('makes no event of a citation in brackets', () => {
    expect(dates('Like the clerk who recently fled (Harper’s, Aug. 7), he wanted to go abroad.')).toEqual([]);
    expect(dates('The Trade Journal (Aug. 9, 1960) reports that the firm kept working.')).toEqual([]);
  });

  it('makes no event of a date that only bounds another time ("after Jan. 20", "after Thursday’s open date")', () => {
    expect(dates('He kept his hands free for any action after Jan. 20.')).toEqual([]);
    expect(dates("After Thursday's day off, the coach plans to start Smith here Friday night.")).toEqual(['Friday']);
    expect(dates('He had to quit after the 1948 season.')).toEqual(['1948']);
  });

  it('makes no event of a date in a condition', () => {
    expect(dates('If they play as they did in 1958 nobody will complain.')).toEqual([]);
    expect(dates('If the council delays the vote until next spring, it will help.')).toEqual([]);
  });

  it('makes no event of a year a speaker looks back on, in this sentence’s quotation or one its paragraph opened', () => {
    expect(dates('Said the coach: “A year ago I took over this team.')).toEqual([]);
    expect(dates('He scorned the clerk “whose coat looks like it belonged to someone who retired in 1930.”')).toEqual([]);
    expect(dates('We sold only four cars all last year”.', true)).toEqual([]);
    expect(dates('“In April our dealers sold 13% more cars.')).toEqual(['April']);
    expect(dates('We sold only four cars all last year.')).toEqual(['last year']);
  });
});

describe('a clock range is no number’s baseline (issue 16, brown-fresh4)', () => {
  it('dates an event by "from 4 to 8 p.m. Sunday"', () => {
    const s = 'The club will meet from 4 to 8 p.m. Sunday at the church.';
    expect(sentenceEvents(s, extractDates(s, '1961-05-06')).map((e) => e.mention.period.date)).toEqual(['1961-05-07']);
  });
});

describe('a question reports no event (issue 16, brown-fresh5)', () => {
  it('makes no event of "Why not … in November?" but keeps the answer’s date', () => {
    const dates = (s: string): string[] => sentenceEvents(s, extractDates(s, '1961-04-17')).map((e) => e.mention.text);
    expect(dates('Why not have them tour the state in November debating?')).toEqual([]);
    expect(dates('They toured the state in March.')).toEqual(['March']);
  });
});

describe('a clock time is the bound, not the day (issue 16, brown-fresh22)', () => {
  it('dates "shortly before 10:15 a.m. yesterday" to yesterday, but keeps "before Monday" a bound', () => {
    const dates = (s: string): string[] => sentenceEvents(s, extractDates(s, '1961-11-29')).map((e) => e.mention.period.date);
    expect(dates('The boy was taken to the hospital shortly before 10:15 a.m. yesterday after a fall.')).toEqual(['1961-11-28']);
    expect(dates('The crew left the dock just after noon yesterday.')).toEqual(['1961-11-28']);
    expect(dates('The board will not vote before Monday.')).toEqual([]);
  });
});

describe('dates set for something (issue 16, brown-fresh25)', () => {
  it('keeps a date an appositive says is set for something, and a month something is set to open in', () => {
    const s = 'His business up north may keep him away until after Oct. 20, date set for reopening the Harbor Grill on Main.';
    expect(eventsOf(s, '1961-10-01')).toEqual([`1961-10-20 day | ${s}`]);
    const inn = 'The new Seaview Inn at Key Largo set to open some time this month, according to the owner.';
    expect(eventsOf(inn, '1961-10-01')).toEqual([`1961-10-01 month | ${inn}`]);
    // What was done "earlier this month" is the month's event (brown-fresh26); "We will know more this month" is not.
    expect(eventsOf('Earlier this month the director came to Hollywood.', '1961-11-28')).toEqual(['1961-11-01 month | Earlier this month the director came to Hollywood.']);
    expect(eventsOf('We will know more this month.', '1961-11-28')).toEqual([]);
  });
});

describe('reviews (issue 16, brown-fresh26)', () => {
  const dated = (body: string, date: string): string[] => buildTimeline([makeArticle({ date, body })]).map((e) => `${e.date} ${e.precision}`);

  it('keeps a date the sentence puts ahead out of an earlier sentence\'s narrative year', () => {
    expect(dated('Miss Sutherby first sang Norma at Covent Garden in 1959. (The first broadcast on Dec. 9 will introduce her as Norma.)', '1961-11-28')).toEqual([
      '1959-01-01 year',
      '1961-12-09 day',
    ]);
  });

  it('reads "unique among sopranos today" as nowadays, and the Cold War in a 1961 report as the present', () => {
    expect(eventsOf('The crowd fell silent as she revealed a voice probably unique among sopranos today.', '1961-11-28')).toEqual([]);
    expect(eventsOf('Police arrested two of the suspects today.', '1961-11-28')).toEqual(['1961-11-28 day | Police arrested two of the suspects today.']);
    expect(eventsOf('He said they were doing the country little good in the Cold War.', '1961-11-28')).toEqual([]);
    expect(eventsOf('He served in the Cold War.', '2005-01-01')).toEqual(['1940-01-01 decade | He served in the Cold War.']);
  });
});
