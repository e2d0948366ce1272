import { describe, expect, it } from 'vitest';
import { extractDates } from '../../src/extract/dates.js';
import { parseYmd, periodEnd, periodOf, type Period } from '../../src/model/periods.js';

/** "phrase=date/precision" for each date found, in reading order. */
function found(sentence: string, articleDate: string, previous: Period | null = null): string[] {
  return extractDates(sentence, articleDate, previous).map((m) => `${m.text}=${m.period.date}/${m.period.precision}`);
}

// 2022-09-12 is a Monday; 2022-10-23 a Sunday.
const MONDAY = '2022-09-12';
const SUNDAY = '2022-10-23';

describe('calendar', () => {
  it('gives each precision its first day', () => {
    const day = parseYmd('2022-09-14');
    expect(periodOf(day, 'week')).toEqual({ date: '2022-09-12', precision: 'week' });
    expect(periodOf(day, 'month')).toEqual({ date: '2022-09-01', precision: 'month' });
    expect(periodOf(day, 'year')).toEqual({ date: '2022-01-01', precision: 'year' });
    expect(periodOf(day, 'decade')).toEqual({ date: '2020-01-01', precision: 'decade' });
  });

  it('knows the last day of each period', () => {
    expect(periodEnd({ date: '2024-02-01', precision: 'month' })).toBe('2024-02-29');
    expect(periodEnd({ date: '2022-09-12', precision: 'week' })).toBe('2022-09-18');
    expect(periodEnd({ date: '1990-01-01', precision: 'decade' })).toBe('1999-12-31');
    expect(periodEnd({ date: '2022-07-15', precision: 'day' })).toBe('2022-07-15');
  });

  it('rejects a date that is not a real YYYY-MM-DD, naming it', () => {
    expect(() => parseYmd('2022-02-30')).toThrow('storydesk: bad date "2022-02-30"; expected a real calendar date as YYYY-MM-DD');
    expect(() => extractDates('In July.', '12/09/2022')).toThrow('bad date "12/09/2022"');
  });
});

describe('absolute dates', () => {
  it('reads a month and day, resolving the year to the latest one on or before the article', () => {
    expect(found('Albania blamed Iran for a July 15 cyberattack.', MONDAY)).toEqual(['July 15=2022-07-15/day']);
    expect(found('The probe began on Dec. 20.', '2022-01-10')).toEqual(['Dec. 20=2021-12-20/day']);
  });

  it('reads a full date and a numeric ISO date at day precision', () => {
    expect(found('Officials met on October 23, 2022, and again on 2022-10-30.', MONDAY)).toEqual([
      'October 23, 2022=2022-10-23/day',
      '2022-10-30=2022-10-30/day',
    ]);
  });

  it('keeps a month at month precision and never invents a day', () => {
    expect(found('Hackers struck in July.', '2022-10-23')).toEqual(['July=2022-07-01/month']);
    expect(found('Pence spoke at an event in June.', MONDAY)).toEqual(['June=2022-06-01/month']);
    expect(found('The scheme unraveled in March 2017.', MONDAY)).toEqual(['March 2017=2017-03-01/month']);
    expect(found('A month after that, in July of 2021, it ended.', MONDAY)).toContain('July of 2021=2021-07-01/month');
  });

  it('takes a month after the article month to be last year when the sentence is about the past', () => {
    expect(found('The attack happened in December.', '2022-01-10')).toEqual(['December=2021-12-01/month']);
  });

  it('reads bare years after a time word', () => {
    expect(found('Albania agreed in 2013 to take in members of the MEK.', MONDAY)).toEqual(['2013=2013-01-01/year']);
    expect(found('Iran’s cyberthreats date to at least 2007, the US said.', MONDAY)).toEqual(['2007=2007-01-01/year']);
    expect(found('It happened in mid-2019, and again in late 2020.', MONDAY)).toEqual(['2019=2019-01-01/year', '2020=2020-01-01/year']);
    expect(found('The plan dates to the summer of 2014.', MONDAY)).toEqual(['2014=2014-01-01/year']);
  });

  it('reads a year used as an adjective', () => {
    expect(found('The MEK backed Khomeini in the 1979 revolution.', MONDAY)).toEqual(['1979=1979-01-01/year']);
    expect(found('A 2019 report found that the 2016 elections were disputed.', MONDAY)).toEqual([
      '2019=2019-01-01/year',
      '2016=2016-01-01/year',
    ]);
  });

  it('reads decades, with or without early/mid/late', () => {
    expect(found('Following the collapse of its government in the early 1990s, Albania changed.', MONDAY)).toEqual([
      'early 1990s=1990-01-01/decade',
    ]);
    expect(found('In the 1980s and the ’90s it was isolated.', MONDAY)).toEqual(['the 1980s=1980-01-01/decade', '’90s=1990-01-01/decade']);
  });

  it('reads well-known eras used as a time', () => {
    expect(found('During World War II, Albanians supported Jews.', SUNDAY)).toEqual(['World War II=1940-01-01/decade']);
    expect(found('Albania was isolated during the Cold War.', SUNDAY)).toEqual(['the Cold War=1940-01-01/decade']);
  });

  it('does not read an era used as a name', () => {
    expect(found('A World War II veteran spoke, and the evil behind the Holocaust remains.', SUNDAY)).toEqual([]);
  });

  it('reads 9/11 as its day, not as September 11 of the article year', () => {
    expect(found('Security was tightened after 9/11.', MONDAY)).toEqual(['9/11=2001-09-11/day']);
  });
});

describe('things that are not dates', () => {
  it.each([
    ['durations', 'The two countries have been foes for years, for decades and for several years, over the years.'],
    ['"decades-long"', 'It embarked on a decades-long campaign to overthrow the regime.'],
    ['counts with a comma', 'It hosts 3,000 members and 2,000 troops.'],
    ['counts before a plural noun', 'About 2000 people came, and 1990 soldiers died.'],
    ['money and percentages', 'The fee rose 25 percent to $2,019 and then to $2019.'],
    ['ages and lengths of time', 'He served 20 years in prison, was 35 years old and waited 10 days.'],
    ['times of day alone', 'The vote opened at 10:30 a.m. and closed at noon.'],
    ['"may" and "march" as verbs', 'He may resign, and protesters march on the capital.'],
    ['"May" as a name', 'Theresa May said the plan had failed.'],
    ['a weekday inside a name', 'The Sunday Times reported on Bloody Sunday.'],
    ['"now"', 'The group now controls the port.'],
    ['"24/7" and "1/2"', 'Coverage ran 24/7 and 1/2 of the staff left.'],
    ['a number that names a thing', 'Resolution 2231 was adopted in Room 2010.'],
    ['"the last year" as a duration', 'Prices rose in the last year and over the past week.'],
    ['"several years ago"', 'Several years ago, nobody cared.'],
    ['the baseline of a comparison', 'Revenue rose to $2.23 billion, up from $1.92 billion a year earlier.'],
    ['"last year\'s" amount', 'Analysts expect a 7 percent increase from last year\'s $11.9 billion.'],
    ['a named day', 'Black Friday sales were strong, as on Cyber Monday.'],
    ['a page timestamp', 'Updated: July 5, 2021 10:30 a.m.'],
  ])('ignores %s', (_what, sentence) => {
    expect(found(sentence, MONDAY)).toEqual([]);
  });

  it('ignores a dateline but reads the date the lede states', () => {
    expect(found('NEW YORK, Sept. 12 (Reuters) - Cisco said on Friday it would cut jobs.', MONDAY)).toEqual(['Friday=2022-09-09/day']);
    expect(found('TIRANA, Sept. 12, 2022 — Albania cut ties with Iran last week.', MONDAY)).toEqual(['last week=2022-09-05/week']);
  });

  it('ignores "a month later than", a comparison, even with a date to count from', () => {
    expect(found('Its fiscal quarters end a month later than most companies.', MONDAY, { date: '2022-07-27', precision: 'day' })).toEqual([]);
  });

  it('ignores "Today," that contrasts with the past, and "today" meaning nowadays', () => {
    expect(found('Today, the evil behind the Holocaust remains another threat.', SUNDAY)).toEqual([]);
    expect(found('The sentencing process today has much to do with money.', SUNDAY)).toEqual([]);
  });

  it('ignores "today" inside a quotation: it is the speaker’s day', () => {
    expect(found('“Today we stand together,” he said.', SUNDAY)).toEqual([]);
  });

  it('reads "today" when the sentence reports something done that day', () => {
    expect(found('The court ruled today that the law was void.', SUNDAY)).toEqual(['today=2022-10-23/day']);
  });
});

describe('dates relative to the article', () => {
  it('resolves a weekday to its latest occurrence on or before the article date', () => {
    expect(found('Israel offered cyber aid to Albania on Monday.', MONDAY)).toEqual(['Monday=2022-09-12/day']);
    expect(found('The ministry reported an attack on Friday.', MONDAY)).toEqual(['Friday=2022-09-09/day']);
    expect(found('Lapid met Rama on Sunday in Jerusalem.', SUNDAY)).toEqual(['Sunday=2022-10-23/day']);
  });

  it('reads a weekday right after a proper noun, as agency copy writes it', () => {
    expect(found('Shares fell 2 percent on Wall Street Monday.', MONDAY)).toEqual(['Monday=2022-09-12/day']);
    expect(found('The minister told Reuters Friday that talks had failed.', MONDAY)).toEqual(['Friday=2022-09-09/day']);
  });

  it('resolves "last", "next" and future-tense weekdays forward or back', () => {
    expect(found('He said last Monday that he would go.', MONDAY)).toEqual(['last Monday=2022-09-05/day']);
    expect(found('They meet again next Monday.', MONDAY)).toEqual(['next Monday=2022-09-19/day']);
    expect(found('The ministers will meet on Thursday.', MONDAY)).toEqual(['Thursday=2022-09-15/day']);
    expect(found('The vote is set for Friday.', MONDAY)).toEqual(['Friday=2022-09-16/day']);
  });

  it('resolves "last week" to the Monday of the previous week', () => {
    expect(found('Last week, Albania blamed Iran.', MONDAY)).toEqual(['Last week=2022-09-05/week']);
    expect(found('Talks stalled last week.', '2022-09-15')).toEqual(['last week=2022-09-05/week']);
  });

  it('resolves "over the weekend" to the week holding the latest weekend', () => {
    expect(found('Over the weekend, the ministry accused Tehran.', MONDAY)).toEqual(['Over the weekend=2022-09-05/week']);
    expect(found('Over the weekend, the ministry accused Tehran.', SUNDAY)).toEqual(['Over the weekend=2022-10-17/week']);
  });

  it('resolves "this year", "earlier this year", "last year", "next month"', () => {
    expect(found('The threat became real earlier this year.', SUNDAY)).toEqual(['this year=2022-01-01/year']);
    expect(found('The firm sold its assets last year.', SUNDAY)).toEqual(['last year=2021-01-01/year']);
    expect(found('He is expected to be sentenced next month.', SUNDAY)).toEqual(['next month=2022-11-01/month']);
  });

  it('shows a season at the precision of its year', () => {
    expect(found('A transit strike paralysed the city last spring.', '2024-11-06')).toEqual(['last spring=2024-01-01/year']);
    expect(found('A transit strike paralysed the city last spring.', '2024-04-10')).toEqual(['last spring=2023-01-01/year']);
    expect(found('The stadium will reopen next summer.', '2024-11-06')).toEqual(['next summer=2025-01-01/year']);
  });

  it('resolves "yesterday", "last night" and "N units ago" at the unit’s precision', () => {
    expect(found('Yesterday, police arrested two men; last night they were charged.', MONDAY)).toEqual([
      'Yesterday=2022-09-11/day',
      'last night=2022-09-11/day',
    ]);
    expect(found('The deal was signed three weeks ago, two months ago and a year ago.', MONDAY)).toEqual([
      'three weeks ago=2022-08-22/week',
      'two months ago=2022-07-01/month',
      'a year ago=2021-01-01/year',
    ]);
  });

  it('puts a yearless month in the future when the sentence looks ahead', () => {
    expect(found('The summit will be held in November.', MONDAY)).toEqual(['November=2022-11-01/month']);
    expect(found('In August, the executives who were convicted will learn their fates.', '2005-07-16')).toEqual([
      'August=2005-08-01/month',
    ]);
    expect(found('De Mistura said talks would resume on February 25.', '2016-02-03')).toEqual(['February 25=2016-02-25/day']);
    expect(found('The season begins on Aug. 12.', '2023-05-29')).toEqual(['Aug. 12=2023-08-12/day']);
  });

  it('keeps a yearless month in the past when its own clause is past, whatever else the sentence says', () => {
    expect(found('They met in early October and will meet again in October.', MONDAY)).toEqual([
      'October=2021-10-01/month',
      'October=2022-10-01/month',
    ]);
    expect(found('The truce was first enforced on April 2 and will expire on October 2.', MONDAY)).toEqual([
      'April 2=2022-04-02/day',
      'October 2=2022-10-02/day',
    ]);
  });

  it('takes the nearer occurrence for a present tense that may narrate', () => {
    expect(found('Ebbers leaves federal court July 13 after being sentenced.', '2005-07-16')).toEqual(['July 13=2005-07-13/day']);
    expect(found('Obama leaves office in January.', '2016-09-22')).toEqual(['January=2017-01-01/month']);
  });
});

describe('dates relative to another date', () => {
  const june: Period = { date: '2022-06-01', precision: 'month' };

  it('counts "a month later" from the previous date mentioned, at month precision', () => {
    expect(found('A month later, the group postponed another summit.', MONDAY, june)).toEqual(['A month later=2022-07-01/month']);
  });

  it('skips a relative phrase with nothing to count from', () => {
    expect(found('A month later, the group postponed another summit.', MONDAY, null)).toEqual([]);
  });

  it('counts "the following day" and "two weeks later" from a day', () => {
    expect(found('She was indicted on Oct. 12, 2018, and pleaded not guilty the following day.', MONDAY)).toEqual([
      'Oct. 12, 2018=2018-10-12/day',
      'the following day=2018-10-13/day',
    ]);
    expect(found('Whitcomb resigned two weeks later.', MONDAY, { date: '2017-03-15', precision: 'day' })).toEqual([
      'two weeks later=2017-03-27/week',
    ]);
  });

  it('never makes a relative date finer than what it counts from', () => {
    expect(found('He took charge three days later.', MONDAY, { date: '2022-10-01', precision: 'month' })).toEqual([
      'three days later=2022-10-01/month',
    ]);
    expect(found('The same day, police struck.', MONDAY, { date: '2022-01-01', precision: 'year' })).toEqual([]);
  });

  it('dates what came "days after" back from the sentence’s own date, one step vaguer', () => {
    expect(found('Israel offered aid on Monday, days after Albania severed its ties with Iran.', MONDAY)).toEqual([
      'Monday=2022-09-12/day',
      'days after=2022-09-05/week',
    ]);
  });

  it('dates "two days after <date>" forward from the date that follows', () => {
    expect(found('Two days after the July 15 attack, Albania recalled its ambassador.', MONDAY)).toEqual([
      'Two days after=2022-07-17/day',
      'July 15=2022-07-15/day',
    ]);
  });

  it('reads "that year" as the year of the previous date', () => {
    expect(found('Later that year, the group moved.', MONDAY, { date: '2013-05-01', precision: 'month' })).toEqual([
      'Later that year=2013-01-01/year',
    ]);
  });
});

describe('tonight, tomorrow with a clock time, a weekday naming an occasion, an intention (issue 16, brown-fresh3)', () => {
  // 1961-05-02 is a Tuesday; 1961-11-12 a Sunday.
  const TUESDAY = '1961-05-02';
  it('dates "tonight" in a sentence that looks ahead, and not only in a past-tense report', () => {
    expect(found("Tonight at 8 o'clock the Rangers will open a series against the Owls.", TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-05-02/day']);
    expect(found('The Roes will give a dinner tonight.', TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-05-02/day']);
    expect(found('“We play tonight,” he said.', TUESDAY)).toEqual([]);
  });

  it('reads "tomorrow" behind a clock time or "noon"', () => {
    expect(found('They are to be married at 4:30 p.m. tomorrow.', TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-05-03/day']);
    expect(found('The reception will be at noon tomorrow.', TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-05-03/day']);
  });

  it('takes a weekday naming an occasion ("Wednesday\'s game") as the nearer one, ahead or behind', () => {
    expect(found("The coach hadn't decided on a pitcher for Wednesday's game.", TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-05-03/day']);
    expect(found("The ballerina of Friday's performance was a change for the better.", '1961-11-12').map((f) => f.split('=')[1])).toEqual(['1961-11-10/day']);
  });

  it('looks ahead after a present-tense intention ("plans to open … Friday night")', () => {
    expect(found('The manager plans to open with his best pitcher against the Owls here Friday night.', TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-05-05/day']);
    expect(found('The manager opened with his best pitcher on Friday night.', TUESDAY).map((f) => f.split('=')[1])).toEqual(['1961-04-28/day']);
  });
});

describe('the current year and season are vague (issue 16, brown-fresh5)', () => {
  it('marks "in 1961" in a 1961 report and "this spring" vague, not "in 1960" or "last spring"', () => {
    const vague = (s: string): string[] => extractDates(s, '1961-03-18').map((m) => `${m.text}${m.vague ? ' vague' : ''}`);
    expect(vague('He may do even better in 1961.')).toEqual(['1961 vague']);
    expect(vague('He jammed it this spring.')).toEqual(['this spring vague']);
    expect(vague('He did well in 1960 and last spring.')).toEqual(['1960', 'last spring']);
  });

  it('marks the present decade vague in a present-tense sentence, not in a past one nor another decade', () => {
    const vague = (s: string): string[] => extractDates(s, '1961-12-10').map((m) => `${m.text}${m.vague ? ' vague' : ''}`);
    expect(vague("This isn't true of the many homemakers of the 1960's, a decorator says.")).toEqual(["the 1960's vague"]);
    expect(vague("In the 1960's the town grew fast.")).toEqual(["the 1960's"]);
    expect(vague("This is true of the homemakers of the 1950's.")).toEqual(["the 1950's"]);
  });
});

describe('days ahead: what is planned for, expected, announced, next week’s weekday, "the Wednesday night" occasion (issue 16, brown-fresh3/4/5)', () => {
  const day = (s: string, articleDate: string): string[] => extractDates(s, articleDate).map((m) => `${m.text}=${m.period.date}`);

  it('reads "tomorrow\'s 8 P.M. contest" and "yesterday\'s game" as those days, "come May 25" as ahead; not "tomorrow\'s leaders"', () => {
    expect(day("They are slated to oppose the champions in tomorrow's 8 P.M. contest.", '1961-03-18')).toEqual(['tomorrow=1961-03-19']);
    expect(day("Yesterday's game was won by Detroit.", '1961-03-18')).toEqual(['Yesterday=1961-03-17']);
    expect(day("Tomorrow's leaders are in school.", '1961-03-18')).toEqual([]);
    expect(day('Mays, who reaches a decade in the big leagues come May 25, joined them.', '1961-05-02')).toEqual(['May 25=1961-05-25']);
  });

  it('reads a date in a sentence in the present progressive as the nearer one', () => {
    expect(day('Thousands of seats are being erected along the avenue for the big parade on Jan. 20.', '1961-01-01')).toEqual(['Jan. 20=1961-01-20']);
    expect(day('Police are investigating the Dec. 28 shooting.', '1961-01-01')).toEqual(['Dec. 28=1960-12-28']);
  });

  it('reads a date something is planned for as ahead, however far the "for" is from "planned"', () => {
    expect(day('“A Night in Paris” is the party planned by members of the Garden Club for May 6 at the inn.', '1961-03-26')).toEqual(['May 6=1961-05-06']);
  });

  it('reads a date an expectation or intention looks to as ahead, past a clock time', () => {
    // 1961-05-06 is a Saturday.
    expect(day('As many more are expected to come again for the pastor from 4 to 8 p.m. Sunday at the church.', '1961-05-06')).toEqual(['Sunday=1961-05-07']);
  });

  it('reads the day of an announced occasion as ahead', () => {
    // 1961-08-04 is a Friday.
    expect(day("We've just received an announcement of the district's organizing convention Wednesday night in the hall.", '1961-08-04')).toEqual(['Wednesday=1961-08-09']);
  });

  it('reads a weekday after "next week" in the sentence as a day of that week', () => {
    // 1961-04-21 is a Friday.
    expect(day('They are planning a luncheon next week in honor of Mrs. Doe, who celebrates her birthday on Tuesday.', '1961-04-21')).toEqual([
      'next week=1961-04-24',
      'Tuesday=1961-04-25',
    ]);
  });

  it('reads "the Wednesday night starting assignment" as the nearer Wednesday', () => {
    // 1961-05-02 is a Tuesday.
    expect(day('The manager moved Smith to the Wednesday night starting assignment.', '1961-05-02')).toEqual(['Wednesday=1961-05-03']);
    expect(day('The manager moved Smith on Wednesday.', '1961-05-02')).toEqual(['Wednesday=1961-04-26']);
  });

  it('reads "set for 10:30 a.m. Tuesday" and "a Nov. 15 deadline" as ahead, and "Seventeen years ago today" as that day', () => {
    // 1961-11-04 is a Saturday.
    expect(found('A hearing was set for 30 a.m. Tuesday.', '1961-11-04')).toEqual(['Tuesday=1961-11-07/day']);
    expect(found('The letters set a Nov. 15 deadline for the start of talks.', '1961-11-04')).toEqual(['Nov. 15=1961-11-15/day']);
    expect(found('He was arrested Nov. 15 after a fight.', '1961-11-04')).toEqual(['Nov. 15=1960-11-15/day']);
    expect(found('Seventeen years ago today, Willy Fell climbed into the cockpit.', '1961-03-27')).toEqual(['Seventeen years ago today=1944-03-27/day']);
  });

  it('takes no year from a house number or a screen size', () => {
    expect(found('They arrested Ron Toms, of 1671 Nakoma St., NW, after a fight in 1958.', '1961-04-17')).toEqual(['1958=1958-01-01/year']);
    expect(found('The headset has a resolution of 1800 x 1920 per eye.', '2023-06-07')).toEqual([]);
  });

  it('reads "at 3:30 tomorrow", "1954 when", "season, 1959," and "\'55 when", and no date in "a day earlier for X than for Y"', () => {
    // 1961-05-02 is a Tuesday.
    expect(found('The Bears are set to play at Harris Field at 3:30 tomorrow.', '1961-05-02')).toEqual(['at 3:30 tomorrow=1961-05-03/day']);
    expect(found("His best years were 1954 when he hit 41 homers and '55 when he hit 51.", '1961-05-02')).toEqual(['1954=1954-01-01/year', "'55=1955-01-01/year"]);
    expect(found('He had one sensational season, 1959, when he batted .365.', '1961-05-02')).toEqual(['1959=1959-01-01/year']);
    expect(found('His day came a day earlier for Willie than for the kids.', '1961-05-02', { date: '1927-01-01', precision: 'year' })).toEqual([]);
  });

  it('reads "the weekend" after a sentence that told of a weekend as that weekend', () => {
    // 1961-09-10 is a Sunday.
    expect(found('Stagecoach Days is the theme for the weekend.', '1961-09-10', { date: '1961-09-11', precision: 'week' })).toEqual(['the weekend=1961-09-11/week']);
  });

  it('reads "this week" ahead on a Sunday as the week starting the next day, and no event year in a model year, a law\'s name or a rate', () => {
    // 1961-06-18 is a Sunday.
    expect(found('The leadership hopes to pass it sometime this week.', '1961-06-18')).toEqual(['this week=1961-06-19/week']);
    expect(found('In their meetings this week, they agreed.', '1961-06-18')).toEqual(['this week=1961-06-12/week']);
    expect(found('He had just gotten into his 1958 model automobile.', '1961-02-10')).toEqual([]);
    expect(found('The bill amends the National Defense Education Act of 1958.', '1961-06-19')).toEqual([]);
    expect(found('The fees will raise $740,000 now and $2,330,000 more a year after that.', '1961-05-10', { date: '1961-01-01', precision: 'year' })).toEqual([]);
  });

  it('reads "a rally to be held Sept. 8" as ahead and "the body\'s action of Friday" as the nearer Friday', () => {
    expect(found('Enthusiasm is picking up for a state rally to be held Sept. 8 in Savannah.', '1961-08-17')).toEqual(['Sept. 8=1961-09-08/day']);
    // 1961-03-06 is a Monday.
    expect(found("He will offer a resolution Monday to rescind the body's action of Friday in voting itself a raise.", '1961-03-06')).toEqual([
      'Monday=1961-03-06/day',
      'Friday=1961-03-03/day',
    ]);
  });
});

describe('dates in future sentences and parts of days (issue 16, brown-fresh22)', () => {
  it('reads "on Dec. 4" ahead in a future sentence whose relative clause after the date is in the present', () => {
    // 1961-11-20: Dec. 4 is ahead; "which this year is marking" does not govern the date before it.
    expect(found('The medal will be handed over by B. Torelli, Italian consul in Boston, at a ceremony on Dec. 4 at the mill, which this year is marking its centenary.', '1961-11-20')).toEqual([
      'Dec. 4=1961-12-04/day',
      'this year=1961-01-01/year',
    ]);
  });

  it('reads "on the evening of Dec. 4" as Dec. 4', () => {
    expect(found('The mill owner will be honored on the evening of Dec. 4 at a banquet.', '1961-11-20')).toEqual(['Dec. 4=1961-12-04/day']);
    expect(found('The council met on the morning of March 3.', '1961-04-20')).toEqual(['March 3=1961-03-03/day']);
  });

  it('makes no day of a weekday before a plural part of the day ("two more Sunday afternoons")', () => {
    expect(found('There are three more Saturday evenings when the program will be cut short.', '1961-05-02')).toEqual([]);
    // 1961-05-02 is a Tuesday.
    expect(found('The program was cut short Saturday evening.', '1961-05-02')).toEqual(['Saturday=1961-04-29/day']);
  });
});

describe('"weekend" before a noun in the days after a weekend (issue 16, brown-fresh20)', () => {
  it('dates "died in Georgia weekend traffic crashes" in a Monday paper to the weekend just gone', () => {
    // 1961-03-06 is a Monday; the weekend was 4-5 March, in the week of 27 February.
    expect(found('Five persons died in Alabama weekend highway accidents.', '1961-03-06')).toEqual(['weekend=1961-02-27/week']);
    expect(found('Weekend traffic is heavy on the expressway.', '1961-03-06')).toEqual([]);
    expect(found('He took a weekend trip to Macon.', '1961-03-06')).toEqual([]);
    // 1961-03-09 is a Thursday: too far from a weekend to mean the last one.
    expect(found('Five persons died in Alabama weekend highway accidents.', '1961-03-09')).toEqual([]);
  });
});

describe('a future passive and a phrasal present (issue 16, brown-fresh24)', () => {
  it('reads "will be honored at a supper at 6 p.m. Sunday" as the coming Sunday', () => {
    // 1961-05-06 is a Saturday.
    expect(found('Mr. and Mrs. Tom Tredwell will be honored at a supper and program at 6 p.m. Sunday at the church.', '1961-05-06')).toEqual(['Sunday=1961-05-07/day']);
  });

  it('reads a phrasal present ("brings in his capers Oct. 13") as the nearer Oct. 13', () => {
    expect(found('The singer brings in his calypso capers Oct. 13.', '1961-10-01')).toEqual(['Oct. 13=1961-10-13/day']);
  });
});

describe('a day something is (issue 16, brown-fresh25)', () => {
  it('reads "his birthday is May 29" as the nearer May 29, ahead or behind', () => {
    expect(found('A young President (his birthday is May 29) will meet him.', '1961-05-21')).toEqual(['May 29=1961-05-29/day']);
    expect(found('The deadline is May 2.', '1961-05-21')).toEqual(['May 2=1961-05-02/day']);
    // Without such a noun a present-tense "is" keeps the latest one on or before.
    expect(found('Another check was sent May 29.', '1961-05-21')).toEqual(['May 29=1960-05-29/day']);
  });
});

describe('a date in the subject of a future verb (issue 16, brown-fresh26)', () => {
  it('reads "the broadcast on Dec. 9 will introduce her" as the coming Dec. 9, but not a relative clause\'s date', () => {
    expect(found('The first Civic Opera broadcast on Dec. 9 will introduce her as Norma.', '1961-11-28')).toEqual(['Dec. 9=1961-12-09/day']);
    expect(found('The team that won on Oct. 3 will play again.', '1961-11-28')).toEqual(['Oct. 3=1961-10-03/day']);
  });
});

describe('a future seen from the past (issue 16, brown-fresh25)', () => {
  it('reads "told Moscow he would answer by May 20", in a May 21 paper, as the May 20 just gone', () => {
    expect(found('The President told Moscow he would give his answer by May 20 after consultation.', '1961-05-21')).toEqual(['May 20=1961-05-20/day']);
    expect(found('He said the law would take effect on July 1.', '1961-05-21')).toEqual(['July 1=1961-07-01/day']);
  });
});
