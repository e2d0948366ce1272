import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/model/types.js';
import { browseHint, capitalise, dateLabel, listWords, NO_ANSWER, nearbyNote, paragraphLabel, quoteMarks, sourceLine, SourceStyles, timelineOptionMessage, type SourceStyle } from '../../src/present/labels.js';

const article = { id: 'a.md', title: 'Bridge "closed" after storm', outlet: 'The Fixture Times', date: '2024-03-15', url: 'https://example.com/bridge' };
const cited: Citation = { article, paragraph: 4, excerpt: 'The bridge closed.' };
const bare: Citation = { article: { ...article, outlet: null, url: null }, paragraph: 2, excerpt: 'The bridge closed.' };

describe('dateLabel', () => {
  it('shows a date at the precision it is known to', () => {
    expect(dateLabel('2022-09-05', 'day')).toBe('5 Sep 2022');
    expect(dateLabel('2022-09-05', 'week')).toBe('week of 5 Sep 2022');
    expect(dateLabel('2022-09-01', 'month')).toBe('Sep 2022');
    expect(dateLabel('2022-01-01', 'year')).toBe('2022');
    expect(dateLabel('1990-01-01', 'decade')).toBe('1990s');
  });

  it('reads a date as a day when no precision is given', () => {
    expect(dateLabel('2024-12-31')).toBe('31 Dec 2024');
  });

  it('shows text that is not a YYYY-MM-DD date as written', () => {
    expect(dateLabel('sometime')).toBe('sometime');
  });
});

describe('capitalise', () => {
  it('capitalises a label that starts a line, and leaves the rest alone', () => {
    expect(capitalise(dateLabel('2022-09-05', 'week'))).toBe('Week of 5 Sep 2022');
    expect(capitalise('person')).toBe('Person');
    expect(capitalise('')).toBe('');
  });
});

describe('paragraphLabel', () => {
  it('spells the paragraph out or marks it', () => {
    expect(paragraphLabel(4, 'word')).toBe('paragraph 4');
    expect(paragraphLabel(4, 'mark')).toBe('¶4');
  });
});

describe('sourceLine', () => {
  it('gives the console its full line: quoted title, outlet, date, paragraph and url', () => {
    expect(sourceLine(cited, SourceStyles.full)).toBe('"Bridge "closed" after storm", The Fixture Times, 2024-03-15, paragraph 4 <https://example.com/bridge>');
    expect(sourceLine(bare, SourceStyles.full)).toBe('"Bridge "closed" after storm", 2024-03-15, paragraph 2');
  });

  it('gives lists a short line that still names the article', () => {
    expect(sourceLine(cited, SourceStyles.short)).toBe('"Bridge "closed" after storm", The Fixture Times, 2024-03-15, ¶4');
    expect(sourceLine(bare, SourceStyles.short)).toBe('"Bridge "closed" after storm", 2024-03-15, ¶2');
  });

  it('leads with the outlet inside an article’s own section, and with the title when there is no outlet', () => {
    expect(sourceLine(cited, SourceStyles.outlet)).toBe('The Fixture Times, 2024-03-15, ¶4');
    expect(sourceLine(bare, SourceStyles.outlet)).toBe('Bridge "closed" after storm, 2024-03-15, ¶2');
  });

  it('lets a host add its markup, a stand-in for a missing outlet, spelled dates and its own separator', () => {
    const style: SourceStyle = {
      title: (a) => `[${a.title}]`,
      outlet: (o) => `*${o}*`,
      noOutlet: () => 'Unknown outlet',
      date: 'label',
      paragraph: 'word',
      separator: ' · ',
    };
    expect(sourceLine(cited, style)).toBe('[Bridge "closed" after storm] · *The Fixture Times* · 15 Mar 2024 · paragraph 4');
    expect(sourceLine(bare, style)).toBe('[Bridge "closed" after storm] · Unknown outlet · 15 Mar 2024 · paragraph 2');
  });
});

describe('NO_ANSWER', () => {
  it('says plainly that the articles do not answer', () => {
    expect(NO_ANSWER).toBe("The articles don't say.");
  });
});

describe('timelineOptionMessage', () => {
  it('words each refusal for a person, naming the option and the value', () => {
    expect(timelineOptionMessage({ code: 'not-a-date', option: 'from', value: 'yesterday' })).toBe(
      '`from` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “yesterday” isn\'t one.',
    );
    expect(timelineOptionMessage({ code: 'too-long', option: 'person', value: 'x'.repeat(120), max: 100 })).toBe(
      '`person` is too long: 120 characters, at most 100.',
    );
    expect(timelineOptionMessage({ code: 'to-before-from', option: 'to', value: '2022-09', from: '2022-10-01', to: '2022-09-30' })).toBe(
      '`to` (2022-09-30) is before `from` (2022-10-01).',
    );
  });

  it('shows at most 100 characters of a bad date', () => {
    const message = timelineOptionMessage({ code: 'not-a-date', option: 'to', value: 'y'.repeat(150) });
    expect(message).toContain(`“${'y'.repeat(100)}”`);
    expect(message).not.toContain('y'.repeat(101));
  });
});

describe('abstentions', () => {
  it('names what the question names, marked by the host, before the closest passages', () => {
    expect(nearbyNote(['Edi Rama'])).toBe("The articles don't say. They mention Edi Rama; the closest passages are below, but they don't answer the question.");
    expect(nearbyNote(['Edi Rama', 'Iran', 'NATO'], (n) => `**${n}**`)).toBe(
      "The articles don't say. They mention **Edi Rama**, **Iran** and **NATO**; the closest passages are below, but they don't answer the question.",
    );
  });

  it('points to /who and /timeline when the question names nothing in the story', () => {
    expect(browseHint()).toBe(`${NO_ANSWER} Try /who to see who is in the story, or /timeline for what happened when.`);
    expect(browseHint((c) => `\`${c}\``)).toBe("The articles don't say. Try `/who` to see who is in the story, or `/timeline` for what happened when.");
  });

  it('lists words with "and"', () => {
    expect([listWords([]), listWords(['a']), listWords(['a', 'b']), listWords(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('quoteMarks', () => {
  it('puts an excerpt in quotation marks unless it starts or ends with one of its own', () => {
    expect(quoteMarks('The bridge closed.')).toBe('“The bridge closed.”');
    expect(quoteMarks('“We will reopen it,” Lind said.')).toBe('“We will reopen it,” Lind said.');
    expect(quoteMarks('"We will…"')).toBe('"We will…"');
    expect(quoteMarks('He called it a “state aggression.”')).toBe('He called it a “state aggression.”');
  });
});

describe('timelineOptionMessage', () => {
  it('echoes the refused value without control or bidi characters', () => {
    expect(timelineOptionMessage({ code: 'not-a-date', option: 'from', value: 'yester\u202eday\u0000' })).toBe(
      '`from` should be a date with a year, such as 2022-09-12, 2022-09, 2022 or "September 2022"; “yesterday” isn\'t one.',
    );
  });
});
