import fc from 'fast-check';
import { ButtonStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { MAX_PAGES, renderAnswer, renderChoices, renderEntity, renderQuotes, renderSources, renderTimeline } from '../../src/discord/render.js';
import { embedLength, type Reply } from '../../src/discord/reply.js';
import { NO_ANSWER } from '../../src/present/labels.js';
import type { Citation, TimelineEvent } from '../../src/model/types.js';
import { makeArticle } from '../helpers/articles.js';
import { citeText, FakeEngine, fixtureArticles } from '../helpers/fake-engine.js';
import { replyProblems as specProblems } from '../helpers/discord-spec.js';

const [harbour, ferry] = fixtureArticles as [(typeof fixtureArticles)[0], (typeof fixtureArticles)[0]];

function buttons(reply: Reply) {
  return reply.components.flatMap((row) => row.components);
}

describe('renderAnswer', () => {
  const answerCitation = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
  const other = citeText(harbour, 'Engineers from Coastline Works inspected the *cables* on Saturday.');

  it('shows the answering excerpt, then numbered citations with title link, outlet, date and paragraph', () => {
    const reply = renderAnswer('Why did the bridge close?', { answer: { text: answerCitation.excerpt, citation: answerCitation, focus: { start: 0, end: answerCitation.excerpt.length } }, citations: [answerCitation, other] });
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('Why did the bridge close?');
    expect(embed!.description).toBe(
      '> The harbour bridge closed on Friday after a storm damaged its cables.\n— [1] [Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29), The Fixture Times, 15 Mar 2024, paragraph 1',
    );
    expect(embed!.fields).toEqual([
      {
        name: '[1] The Fixture Times · 15 Mar 2024 · paragraph 1',
        value: '> The harbour bridge closed on Friday after a storm damaged its cables.\n[Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29)',
      },
      {
        name: '[2] The Fixture Times · 15 Mar 2024 · paragraph 3',
        value: '> Engineers from Coastline Works inspected the \\*cables\\* on Saturday.\n[Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29)',
      },
    ]);
    expect(buttons(reply)).toEqual([
      { type: 2, style: ButtonStyle.Link, url: 'https://example.com/harbour-(bridge)', label: 'The Fixture Times: Harbour bridge [closed] after storm' },
    ]);
    expect(specProblems(reply)).toEqual([]);
  });

  it('abstains in a friendly way when the articles do not say', () => {
    const reply = renderAnswer('What is the capital of France?', { answer: null, citations: [] });
    expect(reply.embeds[0]!.description).toBe(`${NO_ANSWER} Try other words, or browse with \`/timeline\`, \`/who\` or \`/quote\`.`);
    expect(reply.embeds[0]!.fields).toEqual([]);
    expect(reply.components).toEqual([]);
    expect(reply.ephemeral).toBeUndefined();
  });

  it('puts the answering sentence in bold when the rest of its paragraph follows it', () => {
    const both = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
    const focusEnd = 'The harbour bridge closed on Friday'.length;
    const reply = renderAnswer('When?', { answer: { text: both.excerpt, citation: both, focus: { start: 0, end: focusEnd } }, citations: [both] });
    expect(reply.embeds[0]!.description!.split('\n')[0]).toBe('> **The harbour bridge closed on Friday** after a storm damaged its cables.');
    expect(specProblems(reply)).toEqual([]);
  });

  it('quotes an answer that reads on past a paragraph break as one block, the answering part in bold', () => {
    const first = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
    const text = `${first.excerpt}\n\nEngineers will inspect the *cables* on Monday.`;
    const reply = renderAnswer('When?', { answer: { text, citation: first, focus: { start: 0, end: first.excerpt.length } }, citations: [first] });
    expect(reply.embeds[0]!.description!.split('\n').slice(0, 3)).toEqual([
      '> **The harbour bridge closed on Friday after a storm damaged its cables.**',
      '> ',
      '> Engineers will inspect the \\*cables\\* on Monday.',
    ]);
    expect(specProblems(reply)).toEqual([]);
  });

  it('gives no link button to an article without a valid http(s) url', () => {
    const c = citeText(ferry, 'The ferry doubled its crossings on Wednesday.');
    const reply = renderAnswer('ferry?', { answer: { text: c.excerpt, citation: c, focus: { start: 0, end: c.excerpt.length } }, citations: [] });
    expect(reply.components).toEqual([]);
    expect(reply.embeds[0]!.fields![0]!.value).toBe('> The ferry doubled its crossings on Wednesday.\nFerry service doubles while the bridge is shut');
  });

  it('stays within every Discord limit and the spec, however long the articles are', () => {
    const longText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(longText, longText, fc.array(longText, { minLength: 0, maxLength: 12 }), fc.webUrl(), (question, title, excerpts, url) => {
        const article = makeArticle({ title: title.replace(/\s+/g, ' ').trim() || 'T', url, body: `${excerpts.join(' ')} end.` });
        const citations: Citation[] = excerpts.map((e) => ({ article, paragraph: 1, excerpt: e }));
        const reply = renderAnswer(question, { answer: citations[0] ? { text: citations[0].excerpt, citation: citations[0], focus: { start: 0, end: citations[0].excerpt.length } } : null, citations });
        expect(reply.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
        expect(specProblems(reply)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('paged lists', () => {
  const engine = FakeEngine.fixture({ events: 9 });

  it('splits a long timeline into pages of at most six events', () => {
    const pages = renderTimeline(engine.timeline(), {});
    expect(pages.map((p) => p.embeds[0]!.fields!.length)).toEqual([6, 3]);
    expect(pages[0]!.embeds[0]!.description).toBe('9 events, oldest first');
    expect(pages[0]!.embeds[0]!.fields![0]).toEqual({
      name: '10 Mar 2024',
      value:
        '> Event number 1 happened at the harbour.\n— [Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29), The Fixture Times, 15 Mar 2024, paragraph 1',
    });
    for (const page of pages) expect(specProblems(page)).toEqual([]);
  });

  it('shows at most MAX_PAGES pages of a very long list, says how many it shows and how to narrow it', () => {
    const c = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
    const events: TimelineEvent[] = Array.from({ length: 5000 }, (_, i) => ({
      date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      precision: 'day' as const,
      text: `Event ${i + 1} *happened* at the_harbour.`,
      citations: [c],
    }));
    let rendered = 0;
    const counted = new Proxy(events, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) rendered++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const pages = renderTimeline(counted, {});
    expect(pages).toHaveLength(MAX_PAGES);
    const shown = pages.reduce((n, p) => n + p.embeds[0]!.fields!.length, 0);
    expect(shown).toBe(MAX_PAGES * 6);
    expect(rendered).toBeLessThan(MAX_PAGES * 6 + 10); // the other 4,880 events are never rendered
    expect(pages[0]!.embeds[0]!.description).toBe(
      `5,000 events, oldest first\nShowing the first ${shown} of 5,000 events; narrow it with \`from\`, \`to\`, \`topic\` or \`person\`.`,
    );
    expect(pages.at(-1)!.embeds[0]!.fields!.at(-1)!.value).toContain(`Event ${shown} \\*happened\\* at the\\_harbour.`);
    for (const page of pages) expect(specProblems(page)).toEqual([]);
  });

  it('says plainly when no events match the filter', () => {
    const [page] = renderTimeline([], { from: '2030-01-01', topic: 'moon' });
    expect(page!.embeds[0]!.description).toBe("The articles don't date any events matching from: 1 Jan 2030 · topic: moon.");
  });

  it('formats coarse dates by their precision', () => {
    const c = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
    const events: TimelineEvent[] = [
      { date: '2022-07-01', precision: 'month', text: 'a', citations: [c] },
      { date: '2022-01-01', precision: 'year', text: 'b', citations: [c] },
    ];
    expect(renderTimeline(events, {})[0]!.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Jul 2022', '2022']);
  });

  it('lists quotes with their speaker and source', () => {
    const [page] = renderQuotes(engine.quotes(), {});
    expect(page!.embeds[0]!.fields![0]!.name).toBe('Ana Lind');
    expect(page!.embeds[0]!.fields![0]!.value.startsWith('> “We will reopen it as soon as it is safe,”\n— ')).toBe(true);
  });

  it('says when a name is not in the articles', () => {
    const [page] = renderEntity('Zed *Nobody*', { entity: null, citations: [] });
    expect(page!.embeds[0]!.description).toBe("The articles don't mention anyone called “Zed \\*Nobody\\*”. Try `/who` without a name to see everyone they do.");
  });

  it('lists sources with links, and link buttons only for valid urls', () => {
    const [page] = renderSources(fixtureArticles, 1);
    expect(page!.embeds[0]!.description).toContain('**1.** [Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29)\nThe Fixture Times · 15 Mar 2024');
    expect(page!.embeds[0]!.description).toContain('**2.** Ferry service doubles while the bridge is shut\nPort Gazette · 20 Mar 2024');
    expect(page!.embeds[0]!.description).toContain('1 file was skipped because of errors.');
    expect(buttons(page!).map((b) => ('url' in b ? b.url : null))).toEqual(['https://example.com/harbour-(bridge)']);
  });
});

describe('renderChoices', () => {
  it('returns at most 25 distinct choices of at most 100 characters', () => {
    const names = [...Array.from({ length: 30 }, (_, i) => `Person ${i}`), 'Person 1', 'L'.repeat(150)];
    const choices = renderChoices(['L'.repeat(150), ...names]);
    expect(choices).toHaveLength(25);
    expect(choices[0]!.name).toHaveLength(100);
    expect(choices[0]!.value.length).toBeLessThanOrEqual(100);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
  });
});
