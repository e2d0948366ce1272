import fc from 'fast-check';
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  Colors,
  MAX_PAGES,
  parseVoteButton,
  QUOTED_FOOTER,
  renderAnswer,
  renderChoices,
  renderEntity,
  renderGaps,
  renderHelp,
  renderQuotes,
  renderSources,
  renderTimeline,
  renderUnresolved,
  sourceButtons,
} from '../../src/discord/render.js';
import { commandsFor, summarize } from '../../src/discord/command.js';
import { loadCommands } from '../../src/discord/loader.js';
import { embedLength, type Reply } from '../../src/discord/reply.js';
import type { Citation, TimelineEvent } from '../../src/model/types.js';
import { makeArticle } from '../helpers/articles.js';
import { citeText, FakeEngine, fixtureArticles } from '../helpers/fake-engine.js';
import { replyProblems as specProblems } from '../helpers/discord-spec.js';

const [harbour, ferry] = fixtureArticles as [(typeof fixtureArticles)[0], (typeof fixtureArticles)[0]];

function buttons(reply: Reply) {
  return reply.components.flatMap((row) => row.components);
}

const HARBOUR_LINK = '[Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29)';

/** The quoted excerpts of a reply (quote-block lines, marks and escapes removed), one per block. */
function excerptsOf(reply: Reply): string[] {
  const blocks = reply.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]);
  return blocks.flatMap((text) => {
    const quoted = text.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
    return quoted.length > 0 ? [quoted.join('\n').replace(/(?<!\\)\*\*/g, '').replace(/\\(.)/g, '$1')] : [];
  });
}

describe('renderAnswer', () => {
  const answerCitation = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
  const other = citeText(harbour, 'Engineers from Coastline Works inspected the *cables* on Saturday.');
  const whole = (c: Citation) => ({ text: c.excerpt, citation: c, focus: { start: 0, end: c.excerpt.length } });

  it('shows the answer once, in bold, with its source linked, then only the citations that add a passage', () => {
    const reply = renderAnswer('Why did the bridge close?', { answer: whole(answerCitation), citations: [answerCitation, other] });
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('Why did the bridge close?');
    expect(embed!.description).toBe(
      `> **The harbour bridge closed on Friday after a storm damaged its cables.**\n— [1] ${HARBOUR_LINK}, The Fixture Times, 15 Mar 2024, paragraph 1`,
    );
    // The same article: not linked again.
    expect(embed!.fields).toEqual([{ name: '[2] The Fixture Times · 15 Mar 2024 · paragraph 3', value: '> Engineers from Coastline Works inspected the \\*cables\\* on Saturday.' }]);
    expect(embed!.footer).toEqual({ text: QUOTED_FOOTER });
    expect(reply.components).toEqual([]);
    expect(excerptsOf(reply)).toEqual([answerCitation.excerpt, other.excerpt]);
    expect(specProblems(reply)).toEqual([]);
  });

  it('does not number an answer that no other citation follows', () => {
    const reply = renderAnswer('Why did the bridge close?', { answer: whole(answerCitation), citations: [answerCitation] });
    expect(reply.embeds[0]!.description).toBe(
      `> **The harbour bridge closed on Friday after a storm damaged its cables.**\n— ${HARBOUR_LINK}, The Fixture Times, 15 Mar 2024, paragraph 1`,
    );
    expect(reply.embeds[0]!.fields).toEqual([]);
  });

  it('leaves out a citation that the answer’s context already shows, and links another article once, in its first citation', () => {
    const both = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables. Mayor Ana Lind said repairs would take weeks.');
    const repairs = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
    const ferryCrossings = citeText(ferry, 'The ferry doubled its crossings on Wednesday.');
    const ferryDemand = citeText(ferry, '"Demand is huge," said captain Bo Strand.');
    const focus = { start: 0, end: answerCitation.excerpt.length };
    const reply = renderAnswer('When?', { answer: { text: both.excerpt, citation: both, focus }, citations: [both, repairs, ferryCrossings, ferryDemand] });
    expect(reply.embeds[0]!.fields).toEqual([
      { name: '[2] Port Gazette · 20 Mar 2024 · paragraph 1', value: '> The ferry doubled its crossings on Wednesday.\nFerry service doubles while the bridge is shut' },
      { name: '[3] Port Gazette · 20 Mar 2024 · paragraph 1', value: '> "Demand is huge," said captain Bo Strand.' },
    ]);
    const excerpts = excerptsOf(reply);
    expect(new Set(excerpts).size).toBe(excerpts.length);
  });

  it('puts the answering sentence in bold and the context after it in plain text', () => {
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

  it('names an article without a valid http(s) url by its title, unlinked, and sends no link button', () => {
    const c = citeText(ferry, 'The ferry doubled its crossings on Wednesday.');
    const reply = renderAnswer('ferry?', { answer: whole(c), citations: [] });
    expect(reply.components).toEqual([]);
    expect(reply.embeds[0]!.description).toBe('> **The ferry doubled its crossings on Wednesday.**\n— Ferry service doubles while the bridge is shut, Port Gazette, 20 Mar 2024, paragraph 1');
  });

  it('echoes the question without control, zero-width or bidi characters, and escaped', () => {
    const reply = renderAnswer('Why\u0000 did\u200b the *bridge*\u202e close?\u0007\n', { answer: whole(answerCitation), citations: [] });
    expect(reply.embeds[0]!.title).toBe('Why did the \\*bridge\\* close?');
  });

  it('abstains briefly, pointing to /who and /timeline, when the question names nothing in the story', () => {
    for (const nearby of [null, { names: [], citations: [] }]) {
      const reply = renderAnswer('What is the capital of France?', { answer: null, citations: [] }, nearby);
      expect(reply.embeds).toEqual([
        { title: 'What is the capital of France?', color: Colors.abstain, description: "The articles don't say. Try `/who` to see who is in the story, or `/timeline` for what happened when." },
      ]);
      expect(reply.components).toEqual([]);
      expect(reply.ephemeral).toBeUndefined();
    }
  });

  it('offers the closest passages about a name the question gives, labelled as not an answer, each article linked once', () => {
    const repairs = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
    const reopen = citeText(harbour, '"We will reopen it as soon as it is safe," Lind told reporters.');
    const reply = renderAnswer('How old is Ana Lind?', { answer: null, citations: [] }, { names: ['Ana Lind'], citations: [repairs, reopen, repairs] });
    expect(reply.embeds).toEqual([
      {
        title: 'How old is Ana Lind?',
        color: Colors.abstain,
        description: "The articles don't say. They mention **Ana Lind**; the closest passages are below, but they don't answer the question.",
        fields: [
          { name: 'Not an answer · The Fixture Times · 15 Mar 2024 · paragraph 1', value: `> Mayor Ana Lind said repairs would take weeks.\n${HARBOUR_LINK}` },
          { name: 'Not an answer · The Fixture Times · 15 Mar 2024 · paragraph 2', value: '> "We will reopen it as soon as it is safe," Lind told reporters.' },
        ],
        footer: { text: QUOTED_FOOTER },
      },
    ]);
    expect(specProblems(reply)).toEqual([]);
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
  const engine = FakeEngine.fixture({ events: 30 });

  it('shows a timeline as dated lines, up to twelve events a page, each with a short linked source', () => {
    const pages = renderTimeline(engine.timeline(), {});
    const bullets = (p: Reply) => p.embeds[0]!.description!.split('\n').filter((l) => l.startsWith('• '));
    expect(pages.map((p) => bullets(p).length)).toEqual([12, 12, 6]);
    expect(pages[0]!.embeds[0]!.description!.split('\n').slice(0, 6)).toEqual([
      '30 events, oldest first',
      '',
      '**10 Mar 2024**',
      `• Event number 1 happened at the harbour. — [The Fixture Times ¶1](https://example.com/harbour-%28bridge%29)`,
      '**11 Mar 2024**',
      '• Event number 2 happened at the harbour. — Port Gazette ¶1',
    ]);
    expect(pages[0]!.embeds[0]!.fields).toBeUndefined();
    expect(pages[0]!.components).toEqual([]);
    for (const page of pages) expect(specProblems(page)).toEqual([]);
  });

  it('repeats a date at the top of the next page, and cuts a long sentence at a word', () => {
    const c = citeText(harbour, 'Mayor Ana Lind said repairs would take weeks.');
    const long = `The council met ${'again and again '.repeat(20)}until dawn.`;
    const events: TimelineEvent[] = Array.from({ length: 14 }, (_, i) => ({ date: '2024-03-01', precision: 'month', text: i === 0 ? long : `Event ${i + 1}.`, citations: [c, c] }));
    const pages = renderTimeline(events, {});
    expect(pages).toHaveLength(2);
    const first = pages[0]!.embeds[0]!.description!.split('\n');
    expect(first[2]).toBe('**Mar 2024**');
    expect(first[3]).toMatch(/^• The council met (again and again )+again and again… — \[The Fixture Times ¶1\]\(https:\/\/example\.com\/harbour-%28bridge%29\) \+1$/);
    expect(first[3]!.split(' — ')[0]!.length).toBeLessThanOrEqual(2 + 240);
    expect(pages[1]!.embeds[0]!.description!.split('\n').slice(2, 4)).toEqual(['**Mar 2024**', '• Event 13. — [The Fixture Times ¶1](https://example.com/harbour-%28bridge%29) +1']);
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
    const lines = pages.flatMap((p) => p.embeds[0]!.description!.split('\n').filter((l) => l.startsWith('• ')));
    expect(lines).toHaveLength(MAX_PAGES * 12);
    expect(rendered).toBeLessThan(MAX_PAGES * 12 * 3 + 10); // the other 4,760 events are never rendered
    expect(pages[0]!.embeds[0]!.description!.split('\n\n')[0]).toBe(
      `5,000 events, oldest first\nShowing the first ${lines.length} of 5,000 events; narrow it with \`from\`, \`to\`, \`topic\` or \`person\`.`,
    );
    expect(lines.at(-1)).toContain(`Event ${lines.length} \\*happened\\* at the\\_harbour.`);
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
      { date: '2022-09-05', precision: 'week', text: 'c', citations: [] },
    ];
    const lines = renderTimeline(events, {})[0]!.embeds[0]!.description!.split('\n');
    expect(lines.filter((l) => l.startsWith('**'))).toEqual(['**Jul 2022**', '**2022**', '**Week of 5 Sep 2022**']);
    expect(lines.at(-1)).toBe('• c');
  });

  it('shows a quotation inside its sentence, the quoted words in bold, with a short dated source', () => {
    const [page] = renderQuotes(engine.quotes(), {});
    expect(page!.embeds[0]!.fields).toEqual([
      { name: 'Ana Lind', value: '> "**We will reopen it as soon as it is safe,**" Lind told reporters.\n— [The Fixture Times, 15 Mar 2024 ¶2](https://example.com/harbour-%28bridge%29)' },
      { name: 'Bo Strand', value: '> "**Demand is huge,**" said captain Bo Strand.\n— Port Gazette, 20 Mar 2024 ¶1' },
    ]);
    expect(page!.components).toEqual([]);
  });

  it('reads a one-word quotation in context, and shows a sentence with two quotations of one speaker once', () => {
    const article = makeArticle({ title: 'Talks', outlet: 'Wire', url: 'https://example.com/talks', body: 'Iran rejected the accusation as “baseless” and called the decision “short-sighted.” Nobody else spoke.' });
    const sentence = 'Iran rejected the accusation as “baseless” and called the decision “short-sighted.”';
    const cited = citeText(article, sentence);
    const quotes = [
      { text: 'baseless', speaker: 'Iran', citation: cited },
      { text: 'short-sighted.', speaker: 'Iran', citation: cited },
    ];
    const [page] = renderQuotes(quotes, {});
    expect(page!.embeds[0]!.description).toBe('2 quotes');
    expect(page!.embeds[0]!.fields).toEqual([
      { name: 'Iran', value: '> Iran rejected the accusation as “**baseless**” and called the decision “**short-sighted.**”\n— [Wire, 15 Mar 2024 ¶1](https://example.com/talks)' },
    ]);
  });

  it('cuts a long sentence around its quotation, and shows a quotation its sentence does not hold alone, in quotation marks', () => {
    const article = makeArticle({ title: 'Long', outlet: 'Wire', url: 'not a url', body: `${'Before it all, '.repeat(80)}he said it was “fine” ${'and then more words, '.repeat(80)}end.` });
    const cited = citeText(article, article.body);
    const [page] = renderQuotes([{ text: 'fine', speaker: 'He', citation: cited }], {});
    const value = page!.embeds[0]!.fields![0]!.value;
    expect(value.length).toBeLessThanOrEqual(1024);
    const [quoted, source] = value.split('\n');
    expect(source).toBe('— Wire, 15 Mar 2024 ¶1');
    expect(quoted).toMatch(/^> …(all, |it all, )?(Before it all, )+he said it was “\*\*fine\*\*” (and then more words, )+(and then more|and then|and)?…$/);
    const [missing] = renderQuotes([{ text: 'not there', speaker: 'He', citation: cited }], {});
    expect(missing!.embeds[0]!.fields![0]!.value.split('\n')[0]).toBe('> “not there”');
  });

  it('says when a name is not in the articles', () => {
    const [page] = renderEntity('Zed *Nobody*', { entity: null, citations: [] });
    expect(page!.embeds[0]!.description).toBe("The articles don't mention anyone called “Zed \\*Nobody\\*”. Try `/who` without a name to see everyone they do.");
  });

  it('cuts a link button’s label at a word, with "…"', () => {
    const article = makeArticle({ title: 'Israel ready to help Albania against Iran cyber threat, Lapid tells Rama at the U.S. summit', outlet: 'The Mideast Update', url: 'https://example.com/a', body: 'Text.' });
    expect(sourceButtons([article])[0]!.components.map((b) => ('label' in b ? b.label : null))).toEqual(['The Mideast Update: Israel ready to help Albania against Iran cyber threat…']);
  });

  it('lists sources with links, and link buttons only for valid urls', () => {
    const [page] = renderSources(fixtureArticles, 1);
    expect(page!.embeds[0]!.description).toContain('**1.** [Harbour bridge \\[closed\\] after storm](https://example.com/harbour-%28bridge%29)\nThe Fixture Times · 15 Mar 2024');
    expect(page!.embeds[0]!.description).toContain('**2.** Ferry service doubles while the bridge is shut\nPort Gazette · 20 Mar 2024');
    expect(page!.embeds[0]!.description).toContain('1 file was skipped because of errors.');
    expect(buttons(page!).map((b) => ('url' in b ? b.url : null))).toEqual(['https://example.com/harbour-(bridge)']);
  });
});

describe('renderHelp', () => {
  it('lists the commands everyone may use, and the moderators’ commands, one line per subcommand, only to a moderator', async () => {
    const commands = [...(await loadCommands()).values()].map(summarize);
    const member = renderHelp(commandsFor(commands, new PermissionsBitField(PermissionFlagsBits.SendMessages))).embeds[0]!.description!;
    const lines = member.split('\n');
    // In file order here (the bot sorts them for /help).
    expect(lines.slice(2)).toEqual([
      '**/ask** `question` — Ask about the story; the answer is quoted from the articles, with sources',
      '**/help** — What I can do and how to ask me',
      '**/quote** `[speaker] [topic]` — Quotations from the articles, word for word',
      '**/sources** — The articles I answer from, newest first, with links',
      '**/timeline** `[from] [to] [topic] [person]` — What happened when, according to the articles',
      '**/who** `[name]` — The people, organisations and places in the story',
      '**@storydesk** `question` — mention me with a question and I reply like `/ask`.',
    ]);
    const moderator = renderHelp(commandsFor(commands, new PermissionsBitField([PermissionFlagsBits.SendMessages, PermissionFlagsBits.ManageGuild]))).embeds[0]!.description!;
    expect(moderator.startsWith(`${member}\n\n**For moderators** (only members with Manage Server see these)\n**/article add** \`url\` — Preview the article at a link privately`)).toBe(true);
    expect(moderator).toContain('\n**/digest set** `channel time timezone [skip_empty]`');
    expect(moderator).toContain('\n**/feed add** `url [match] [mode] [backfill]`');
    expect(renderHelp(commandsFor(commands, null)).embeds[0]!.description).toBe(member);
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

describe('follow-ups, votes and /story gaps', () => {
  const closed = citeText(harbour, 'The harbour bridge closed on Friday after a storm damaged its cables.');
  const answer = { text: closed.excerpt, citation: closed, focus: { start: 0, end: closed.excerpt.length } };

  it('shows a follow-up as read, above the question, and 👍/👎 buttons that carry the recorded question', () => {
    const reply = renderAnswer('why did it close?', { answer, citations: [closed] }, null, { readAs: 'Why did the harbour bridge close?\u202e', voteId: 42 });
    expect(reply.embeds[0]!.author).toEqual({ name: '↪ Read as: Why did the harbour bridge close?' });
    expect(reply.embeds[0]!.title).toBe('why did it close?');
    expect(buttons(reply)).toEqual([
      { type: 2, style: 2, custom_id: 'ask:vote:42:up', emoji: { name: '👍' } },
      { type: 2, style: 2, custom_id: 'ask:vote:42:down', emoji: { name: '👎' } },
    ]);
    expect(specProblems(reply)).toEqual([]);
    expect(parseVoteButton('ask:vote:42:down')).toEqual({ questionId: 42, vote: 'down' });
    expect(parseVoteButton('ask:vote:42:sideways')).toBeNull();
    // No buttons without a recorded question; an abstention gets the "Read as" line too, and no buttons.
    expect(renderAnswer('q', { answer, citations: [closed] }).components).toEqual([]);
    const abstained = renderAnswer('and when?', { answer: null, citations: [] }, null, { readAs: 'When did the ferry double?', voteId: 7 });
    expect(abstained.embeds[0]!.author).toEqual({ name: '↪ Read as: When did the ferry double?' });
    expect(abstained.components).toEqual([]);
  });

  it('says why a follow-up with nothing to follow on from is not answered', () => {
    expect(renderUnresolved('Where did he say it?', 'he').embeds[0]).toEqual({
      title: 'Where did he say it?',
      color: Colors.abstain,
      description: "I can't tell who “he” is: name them in the question, or ask right after the answer it follows on from (within 5 minutes).",
    });
  });

  it('lists gaps ten to a page, escaped, and says so when there are none', () => {
    expect(renderGaps([])[0]!.embeds[0]!.description).toBe('Nothing in the last 7 days: every question was answered, and no answer was voted down.');
    const groups = Array.from({ length: 12 }, (_, i) => ({
      count: 12 - i,
      example: `Who is *Bo* number ${i + 1}?`,
      names: i === 0 ? ['Bo Strand'] : [],
      lastAsked: '2024-03-20T10:00:00.000Z',
      abstained: 12 - i,
      votedDown: 0,
      variants: [],
    }));
    const pages = renderGaps(groups);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.embeds[0]!.description!.split('\n').slice(2, 6)).toEqual([
      '**1.** “Who is \\*Bo\\* number 1?”',
      'asked 12 times (12 not answered), last on 20 Mar 2024',
      'Mentions **Bo Strand**',
      '',
    ]);
    for (const page of pages) expect(specProblems(page)).toEqual([]);
  });
});
