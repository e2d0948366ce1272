import { describe, expect, it } from 'vitest';
import type { Citation, Entity, TimelineEvent } from '../../src/model/types.js';
import { renderAsk, renderCitations, renderQuotes, renderSources, renderTimeline, renderWho, renderWhoIs } from '../../src/present/text.js';
import { citeText, FakeEngine, fixtureArticles } from '../helpers/fake-engine.js';

const [harbour, ferry] = fixtureArticles as [(typeof fixtureArticles)[0], (typeof fixtureArticles)[0]];
const closed = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
const repairs = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
const HARBOUR_FULL = '"Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 1 <https://example.com/harbour-(bridge)>';

describe('renderAsk', () => {
  const whole = (c: Citation) => ({ text: c.excerpt, citation: c, focus: { start: 0, end: c.excerpt.length } });

  it('gives the answer and its source, then only the citations that add a passage, numbered from 2', () => {
    const other = citeText(ferry, 'The ferry doubled its crossings on Wednesday.');
    const text = renderAsk({ answer: whole(closed), citations: [closed, repairs, other] });
    expect(text).toBe(
      [
        'Answer:  “The harbour bridge closed on Friday after a storm damaged its cables.”',
        `Source:  ${HARBOUR_FULL}`,
        '',
        'More passages:',
        '  [2] “Mayor Ana Lind said repairs would take weeks.”',
        `      — ${HARBOUR_FULL}`,
        '  [3] “The ferry doubled its crossings on Wednesday.”',
        '      — "Ferry service doubles while the bridge is shut", Port Gazette, 2024-03-20, paragraph 1 <not a url>',
      ].join('\n'),
    );
  });

  it('marks the answering sentence and the context after it, and shows a citation the context holds only there', () => {
    const both = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables. Mayor Ana Lind said repairs would take weeks.');
    const text = renderAsk({ answer: { text: both.excerpt, citation: both, focus: { start: 0, end: closed.excerpt.length } }, citations: [both, repairs] });
    expect(text).toBe(
      [
        'Answer:  “The harbour bridge closed on Friday after a storm damaged its cables.”',
        'Context: “Mayor Ana Lind said repairs would take weeks.”',
        `Source:  ${HARBOUR_FULL}`,
      ].join('\n'),
    );
  });

  it('does not add quotation marks to an excerpt that starts or ends with its own', () => {
    const reopen = citeText(harbour, '"We will reopen it as soon as it is safe," Lind told reporters.');
    const text = renderAsk({ answer: whole(reopen), citations: [reopen] });
    expect(text.split('\n')[0]).toBe('Answer:  "We will reopen it as soon as it is safe," Lind told reporters.');
  });

  it('for a question naming nothing in the story, says the articles don’t say and where to look', () => {
    const hint = "The articles don't say. Try /who to see who is in the story, or /timeline for what happened when.";
    expect(renderAsk({ answer: null, citations: [repairs] })).toBe(hint);
    expect(renderAsk({ answer: null, citations: [] }, { names: [], citations: [] })).toBe(hint);
  });

  it('for a question naming someone in the story, offers the closest passages about them as not an answer', () => {
    const reopen = citeText(harbour, '"We will reopen it as soon as it is safe," Lind told reporters.');
    expect(renderAsk({ answer: null, citations: [] }, { names: ['Ana Lind', 'Bo Strand'], citations: [repairs, reopen] })).toBe(
      [
        "The articles don't say. They mention Ana Lind and Bo Strand; the closest passages are below, but they don't answer the question.",
        '  - “Mayor Ana Lind said repairs would take weeks.”',
        `    — ${HARBOUR_FULL}`,
        '  - "We will reopen it as soon as it is safe," Lind told reporters.',
        `    — "Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 2 <https://example.com/harbour-(bridge)>`,
      ].join('\n'),
    );
  });
});

describe('renderCitations', () => {
  it('leaves out the url of an article that has none', () => {
    const noUrl: Citation = { ...closed, article: { ...closed.article, url: null } };
    expect(renderCitations([noUrl])).toBe(
      '  [1] “The harbour bridge closed on Friday after a storm damaged its cables.”\n      — "Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 1',
    );
  });
});

describe('renderTimeline', () => {
  it('puts each event’s date label in a column, and its sources, short, on the line below', () => {
    const events: TimelineEvent[] = [
      { date: '2024-03-11', precision: 'week', text: 'The bridge closed.', citations: [closed, citeText(ferry, 'The ferry doubled its crossings on Wednesday.')] },
      { date: '1990-01-01', precision: 'decade', text: 'The bridge was built.', citations: [repairs] },
    ];
    expect(renderTimeline(events)).toBe(
      [
        'week of 11 Mar 2024 The bridge closed.',
        '                   ("Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, ¶1; "Ferry service doubles while the bridge is shut", Port Gazette, 2024-03-20, ¶1)',
        '1990s              The bridge was built.',
        '                   ("Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, ¶1)',
      ].join('\n'),
    );
  });

  it('says so when no event matches', () => {
    expect(renderTimeline([])).toBe('No dated events match.');
  });
});

describe('renderWho and renderWhoIs', () => {
  const people = FakeEngine.fixture().who();

  it('lists each name with its kind, roles, other names and mentions', () => {
    expect(renderWho(people)).toBe(
      [
        'Ana Lind [person] — Mayor (also: Lind) · 2 mentions',
        'Bo Strand [person] — captain (also: Strand) · 1 mention',
        'Coastline Works [organization] · 1 mention',
      ].join('\n'),
    );
    expect(renderWho([])).toBe('The articles name no one.');
  });

  it('shows one person with the passages that name them, or says the articles don’t', () => {
    const ana = people[0] as Entity;
    expect(renderWhoIs({ entity: ana, citations: [repairs] }, 'ana')).toBe(
      `Ana Lind [person] — Mayor (also: Lind) · 2 mentions\n\nWhere they appear:\n  [1] “Mayor Ana Lind said repairs would take weeks.”\n      — ${HARBOUR_FULL}`,
    );
    expect(renderWhoIs({ entity: null, citations: [] }, 'Zed')).toBe('The articles don\'t mention "Zed".');
  });
});

describe('renderQuotes', () => {
  it('gives each quotation in its sentence, its speaker (or that none is given) and its full source', () => {
    const quotes = FakeEngine.fixture().quotes();
    const source = `"Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 2 <https://example.com/harbour-(bridge)>`;
    expect(renderQuotes([quotes[0]!, { ...quotes[0]!, speaker: null }])).toBe(
      [
        '"We will reopen it as soon as it is safe," Lind told reporters.',
        `  — Ana Lind; ${source}`,
        '',
        '"We will reopen it as soon as it is safe," Lind told reporters.',
        `  — speaker not given; ${source}`,
      ].join('\n'),
    );
    expect(renderQuotes([])).toBe('No quotations match.');
  });

  it('shows a sentence with two quotations of one speaker once, and a quotation its sentence lacks alone', () => {
    const quote = FakeEngine.fixture().quotes()[0]!;
    const text = renderQuotes([quote, { ...quote, text: 'as soon as it is safe' }, { ...quote, text: 'not in it', speaker: 'Bo Strand' }]);
    expect(text.split('\n\n').map((entry) => entry.split('\n')[0])).toEqual(['"We will reopen it as soon as it is safe," Lind told reporters.', '“not in it”']);
  });
});

describe('renderSources', () => {
  it('lists each article with its date, outlet and url', () => {
    expect(renderSources(fixtureArticles)).toBe(
      [
        '2024-03-15  Harbour bridge [closed] after storm — The Fixture Times',
        '            https://example.com/harbour-(bridge)',
        '2024-03-20  Ferry service doubles while the bridge is shut — Port Gazette',
        '            not a url',
      ].join('\n'),
    );
    expect(renderSources([])).toBe('The corpus has no articles yet.');
  });
});
