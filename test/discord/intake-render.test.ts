// The replies of /article, /feed and the review queue: within Discord's limits, article text escaped, custom ids that
// route back to their command, and "also in" on sources and citations.
import { ButtonStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { FeedRecord } from '../../src/db/feeds.js';
import type { ReviewCard } from '../../src/db/review.js';
import {
  cardButtonId,
  deciderLabel,
  parseCardButton,
  parsePreviewButton,
  previewButtonId,
  renderAnnouncement,
  renderArticleChoices,
  renderArticlePreview,
  renderFeedList,
  renderReviewCard,
} from '../../src/discord/intake-render.js';
import { renderSources } from '../../src/discord/render.js';
import { embedLength, Limits } from '../../src/discord/reply.js';
import type { Preview } from '../../src/intake/service.js';
import { alsoIn, sourceLine, SourceStyles } from '../../src/present/labels.js';
import { renderSources as textSources } from '../../src/present/text.js';
import type { Article } from '../../src/model/types.js';

const LONG = 'word '.repeat(2000).trim();

function preview(overrides: Partial<Preview['article']> = {}, warnings: string[] = []): Preview {
  const article = {
    title: 'Ferry *sinks* off Kestrel_Island',
    date: '2025-01-07',
    outlet: 'Harbour **Gazette**',
    author: 'Mara Quinn',
    url: 'https://gazette.example/news/ferry',
    body: '',
    paragraphs: ['The Aurora Star **capsized** in rough seas; see [this](https://evil.example) @everyone.', 'Second.'],
    ...overrides,
  };
  return { ok: true, source: article.url ?? 'page.html', via: 'discord:1/2', article, fetchedUrl: article.url, words: 42, warnings, duplicateOf: null };
}

function card(state: ReviewCard['state'] = 'pending', decidedBy: string | null = null): ReviewCard {
  return {
    id: 7,
    feedId: 1,
    itemId: 'x',
    feedUrl: 'https://gazette.example/feed.xml',
    article: {
      title: 'Minister orders `inquiry`',
      date: '2025-01-08',
      outlet: 'Harbour Gazette',
      author: null,
      url: 'https://gazette.example/news/inquiry',
      paragraphs: [LONG],
      warnings: ['the text looks cut off'],
      source: 'https://gazette.example/news/inquiry',
      fetchedUrl: null,
    },
    reason: 'matches "Aurora Star"',
    state,
    decidedBy,
    decidedAt: decidedBy ? '2025-01-08T10:00:00.000Z' : null,
    articleId: null,
    createdAt: '2025-01-08T09:00:00.000Z',
    updatedAt: '2025-01-08T09:00:00.000Z',
  };
}

function feedRecord(id: number): FeedRecord {
  return {
    id,
    url: `https://example.org/${id}/feed.xml`,
    title: `Feed ${id} ${'x'.repeat(300)}`,
    pageUrl: null,
    match: null,
    mode: 'review',
    addedBy: 'cli',
    addedAt: '2025-01-01T00:00:00.000Z',
    etag: null,
    lastModified: null,
    lastPollAt: '2025-01-02T00:00:00.000Z',
    lastOkAt: null,
    failures: 3,
    failingSince: '2025-01-01T00:00:00.000Z',
    nextPollAt: null,
    pausedAt: id % 2 === 0 ? '2025-01-04T00:00:00.000Z' : null,
    lastError: `http 500 ${'e'.repeat(600)}`,
    itemsTaken: 1,
  };
}

describe('the /article add preview', () => {
  it('shows the article escaped, with Add and Cancel for its token and the link, privately', () => {
    const reply = renderArticlePreview(preview({}), 'abc123', new Date(Date.UTC(2025, 0, 7, 10, 0, 0)));
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('Ferry \\*sinks\\* off Kestrel\\_Island');
    expect(embed.url).toBe('https://gazette.example/news/ferry');
    expect(embed.description).toBe('> The Aurora Star \\*\\*capsized\\*\\* in rough seas; see \\[this](https://evil.example) @everyone.');
    expect(embed.fields!.map((f) => [f.name, f.value])).toEqual([
      ['Outlet', 'Harbour \\*\\*Gazette\\*\\*'],
      ['Date', '7 Jan 2025'],
      ['Author', 'Mara Quinn'],
      ['Length', '42 words · 2 paragraphs'],
    ]);
    expect(reply.content).toBe('Add this article to the story? These buttons work until <t:1736244000:t> (<t:1736244000:R>).');
    const buttons = reply.components[0]!.components;
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : b.style === ButtonStyle.Link ? b.url : null))).toEqual([
      'article:add:abc123',
      'article:cancel:abc123',
      'https://gazette.example/news/ferry',
    ]);
  });

  it('says so for a near copy and lists the warnings, and fits a huge first paragraph', () => {
    const p = { ...preview({ paragraphs: [LONG], url: null, author: null }, ['no publication date found on the page; using the fetch date 2025-01-07']), fetchedUrl: null };
    p.duplicateOf = { id: 'a.md', title: 'Ferry sinks', similarity: 0.93 };
    const reply = renderArticlePreview(p, 't', new Date(0));
    expect(reply.content).toMatch(/^\*\*A near copy\*\* of “Ferry sinks”: adding it records this outlet and link on that article/);
    expect(reply.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Record as a copy', 'Cancel']);
    const embed = reply.embeds[0]!;
    expect(embed.url).toBeUndefined();
    expect(embed.description!.length).toBeLessThanOrEqual(Limits.embedDescription);
    expect(embed.description!.endsWith('…')).toBe(true);
    expect(embed.fields!.at(-1)).toEqual({ name: 'Warnings', value: '⚠️ no publication date found on the page; using the fetch date 2025-01-07' });
    expect(embed.fields!.find((f) => f.name === 'Author')!.value).toBe('not given');
  });

  it('routes its buttons back, and nothing else', () => {
    expect(parsePreviewButton(previewButtonId('add', 'f00d'))).toEqual({ action: 'add', token: 'f00d' });
    expect(parsePreviewButton(previewButtonId('cancel', 'f00d'))).toEqual({ action: 'cancel', token: 'f00d' });
    for (const junk of ['article:add:', 'article:delete:f00d', 'pg:abc:n1', 'feed:approve:1']) expect(parsePreviewButton(junk)).toBeNull();
  });
});

describe('review cards', () => {
  it('a pending card: linked title, outlet, date, first paragraph cut to fit, why it matched, Approve and Reject', () => {
    const reply = renderReviewCard(card());
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('Minister orders \\`inquiry\\`');
    expect(embed.url).toBe('https://gazette.example/news/inquiry');
    expect(embed.footer!.text).toBe('storydesk review card 7 · from https://gazette.example/feed.xml');
    expect(embed.fields!.map((f) => f.name)).toEqual(['Outlet', 'Date', 'Why it matched', 'Warnings']);
    expect(embedLength(embed)).toBeLessThanOrEqual(Limits.embedsTotal);
    expect(embed.description!.length).toBeLessThan(1000);
    expect(reply.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : 'link'))).toEqual(['feed:approve:7', 'feed:reject:7', 'link']);
    expect(parseCardButton(cardButtonId('approve', 7))).toEqual({ action: 'approve', cardId: 7 });
    expect(parseCardButton('feed:approve:x')).toBeNull();
  });

  it('a decided card says who decided and what it did, without its buttons; a withdrawn one says so', () => {
    const approved = renderReviewCard(card('approved', 'discord:1/42'), 'added to the story as x.md');
    expect(approved.embeds[0]!.fields!.at(-1)).toEqual({ name: 'Decision', value: '✅ Approved by <@42> <t:1736330400:R> — added to the story as x.md' });
    expect(approved.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Read it']);
    const rejected = renderReviewCard(card('rejected', 'cli'));
    expect(rejected.embeds[0]!.fields!.at(-1)!.value).toBe('❌ Rejected by the command line <t:1736330400:R>');
    const withdrawn = renderReviewCard(card(), 'withdrawn: its feed was removed', true);
    expect(withdrawn.embeds[0]!.fields!.at(-1)).toEqual({ name: 'Withdrawn', value: 'withdrawn: its feed was removed' });
    expect(withdrawn.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Read it']);
    expect(deciderLabel('console')).toBe('the console');
    expect(deciderLabel('some_one')).toBe('some\\_one');
  });
});

describe('lists and lines', () => {
  it('/feed list shows 25 feeds at most, each within a field, and says how many more there are', () => {
    const feeds = Array.from({ length: 30 }, (_, i) => feedRecord(i + 1));
    const reply = renderFeedList(feeds, { guildId: '1', reviewChannelId: '5', notifyChannelId: null, updatedAt: '' }, 2, 15);
    const embed = reply.embeds[0]!;
    expect(reply.ephemeral).toBe(true);
    expect(embed.description).toContain('Review cards: <#5>');
    expect(embed.description).toContain('… and 5 more');
    expect(embed.fields!.length).toBeLessThanOrEqual(Limits.fields);
    expect(reply.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(Limits.embedsTotal);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(Limits.fieldValue);
    expect(embed.fields![0]!.value).toContain('**failing** (3 failures in a row)');
    expect(embed.fields![1]!.value).toContain('**paused** since <t:1735948800:R>');
  });

  it('an announcement is one escaped line with its link; article choices use the file name as the value', () => {
    expect(renderAnnouncement({ title: 'A *big* day\nfor @everyone', url: 'https://x.example/a', outlet: 'Wire' })).toBe(
      '📰 New in the story: **A \\*big\\* day for @everyone** (Wire) <https://x.example/a>',
    );
    expect(renderAnnouncement({ title: 'No link', url: 'javascript:alert(1)', outlet: null })).toBe('📰 New in the story: **No link**');
    const choices = renderArticleChoices([
      { id: '2025-01-07-a.md', title: 'T'.repeat(150), outlet: 'O', date: '2025-01-07', url: null },
      { id: `${'x'.repeat(120)}.md`, title: 'too long an id', outlet: null, date: '2025-01-07', url: null },
    ]);
    expect(choices).toHaveLength(1);
    expect(choices[0]!.value).toBe('2025-01-07-a.md');
    expect(choices[0]!.name.length).toBeLessThanOrEqual(Limits.choiceName);
  });
});

describe('"also in": other outlets\' copies of an article', () => {
  const copies = [
    { outlet: 'Coastal Wire Daily', url: 'https://wire.example/a' },
    { outlet: null, url: 'https://www.reuters.example/b' },
    { outlet: 'C', url: 'https://c.example' },
    { outlet: 'D', url: 'https://d.example' },
  ];

  it('names the outlets (or the host), three at most', () => {
    expect(alsoIn({})).toBe('');
    expect(alsoIn({ also: copies.slice(0, 1) })).toBe('also in Coastal Wire Daily');
    expect(alsoIn({ also: copies.slice(0, 2) })).toBe('also in Coastal Wire Daily and reuters.example');
    expect(alsoIn({ also: copies })).toBe('also in Coastal Wire Daily, reuters.example, C and 1 more');
  });

  it('follows a citation\'s source line, and a source in /sources, on Discord (linked) and in the console', () => {
    const meta = { id: 'a.md', title: 'Ferry sinks', outlet: 'Harbour Gazette', date: '2025-01-07', url: 'https://gazette.example/a', also: copies.slice(0, 1) };
    expect(sourceLine({ article: meta, paragraph: 2, excerpt: 'x' }, SourceStyles.full)).toBe(
      '"Ferry sinks", Harbour Gazette, 2025-01-07, paragraph 2, also in Coastal Wire Daily <https://gazette.example/a>',
    );
    expect(sourceLine({ article: { ...meta, also: undefined }, paragraph: 2, excerpt: 'x' }, SourceStyles.full)).toBe(
      '"Ferry sinks", Harbour Gazette, 2025-01-07, paragraph 2 <https://gazette.example/a>',
    );
    const page = renderSources([meta], 0)[0]!;
    expect(page.embeds[0]!.description).toContain('Harbour Gazette · 7 Jan 2025 · also in [Coastal Wire Daily](https://wire.example/a)');
    const article = { ...meta, author: null, body: '', paragraphs: [], sentences: [] } as Article;
    expect(textSources([article])).toBe('2025-01-07  Ferry sinks — Harbour Gazette (also in Coastal Wire Daily)\n            https://gazette.example/a');
    expect(textSources([{ ...article, also: [] }])).toBe('2025-01-07  Ferry sinks — Harbour Gazette\n            https://gazette.example/a');
  });
});
