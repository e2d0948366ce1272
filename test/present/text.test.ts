import { describe, expect, it } from 'vitest';
import type { Citation, Entity, TimelineEvent } from '../../src/model/types.js';
import { renderAsk, renderCitations, renderQuotes, renderSources, renderTimeline, renderWho, renderWhoIs } from '../../src/present/text.js';
import { citeText, FakeEngine, fixtureArticles } from '../helpers/fake-engine.js';

const [harbour, ferry] = fixtureArticles as [(typeof fixtureArticles)[0], (typeof fixtureArticles)[0]];
const closed = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
const repairs = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
const HARBOUR_FULL = '"Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 1 <https://example.com/harbour-(bridge)>';

describe('renderAsk', () => {
  it('gives the answer, then each citation numbered with its excerpt and full source', () => {
    const text = renderAsk({ answer: { text: closed.excerpt, citation: closed, focus: { start: 0, end: closed.excerpt.length } }, citations: [closed, repairs] });
    expect(text).toBe(
      [
        'The harbour bridge closed on Friday after a storm damaged its cables.',
        '',
        'Sources:',
        '  [1] “The harbour bridge closed on Friday after a storm damaged its cables.”',
        `      — ${HARBOUR_FULL}`,
        '  [2] “Mayor Ana Lind said repairs would take weeks.”',
        `      — ${HARBOUR_FULL}`,
      ].join('\n'),
    );
  });

  it('says the articles don’t say when there is no answer', () => {
    expect(renderAsk({ answer: null, citations: [repairs] })).toBe("The articles don't say.");
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
  it('gives each quotation, its speaker (or that none is given) and its full source', () => {
    const quotes = FakeEngine.fixture().quotes();
    expect(renderQuotes([quotes[0]!, { ...quotes[0]!, speaker: null }])).toBe(
      [
        '“We will reopen it as soon as it is safe,”',
        `  — Ana Lind; "Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 2 <https://example.com/harbour-(bridge)>`,
        '',
        '“We will reopen it as soon as it is safe,”',
        `  — speaker not given; "Harbour bridge [closed] after storm", The Fixture Times, 2024-03-15, paragraph 2 <https://example.com/harbour-(bridge)>`,
      ].join('\n'),
    );
    expect(renderQuotes([])).toBe('No quotations match.');
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
