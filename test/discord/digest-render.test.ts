import fc from 'fast-check';
import { embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Digest, DigestArticle, DigestEvent } from '../../src/digest/content.js';
import { digestMarker, renderDigestMessage, renderDigestPreview } from '../../src/discord/digest-render.js';
import { Limits } from '../../src/discord/reply.js';
import type { Citation } from '../../src/model/types.js';

function citation(n: number, excerpt: string, paragraph = 1): Citation {
  return {
    article: { id: `a${n}.md`, title: `Article ${n} on the dock strike`, outlet: `Outlet ${n}`, date: '2024-05-02', url: `https://example.com/a${n}` },
    paragraph,
    excerpt,
  };
}

function event(n: number, excerpt: string, date = '2024-05-01'): DigestEvent {
  return { date, precision: 'day', text: excerpt, citation: citation(n, excerpt) };
}

function article(n: number, sentence: string, events = 3, quotes = 2): DigestArticle {
  return {
    article: citation(n, '').article,
    firstSeen: '2024-05-02T10:00:00.000Z',
    events: Array.from({ length: events }, (_, i) => event(n, `${sentence} (event ${i})`)),
    quotes: Array.from({ length: quotes }, (_, i) => ({ text: `${sentence} (quote ${i})`, speaker: i ? null : 'A Speaker', citation: citation(n, sentence, 2) })),
  };
}

function digest(over: Partial<Digest> = {}): Digest {
  return { date: '2024-05-09', since: null, until: null, newArticles: [], moreNewArticles: 0, storySoFar: [], onThisDay: [], empty: true, ...over };
}

function checkLimits(embeds: ReturnType<typeof renderDigestMessage>['embeds']): void {
  expect(embeds.length).toBeLessThanOrEqual(Limits.embeds);
  expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(Limits.embedsTotal);
  for (const e of embeds) {
    expect((e.description ?? '').length).toBeLessThanOrEqual(Limits.embedDescription);
    expect((e.title ?? '').length).toBeLessThanOrEqual(Limits.embedTitle);
  }
}

describe('renderDigestMessage', () => {
  it('says briefly that nothing is new, carries the day marker and pings nobody', () => {
    const m = renderDigestMessage(digest({ storySoFar: [event(1, 'The strike began on April 25.', '2024-04-25')] }));
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect(m.nonce).toBeUndefined();
    expect(m.embeds.map((e) => e.title)).toEqual(['Daily digest — 2024-05-09', 'The story so far']);
    expect(m.embeds[0]!.description).toBe('Nothing new since the last digest.');
    expect(m.embeds[0]!.footer?.text).toBe(digestMarker('2024-05-09'));
    expect(m.embeds[1]!.description).toBe(
      // Outside its article's own embed, an event names the article: several may share an outlet and a date.
      '• **25 Apr 2024** — “The strike began on April 25.” — [Article 1 on the dock strike](https://example.com/a1), *Outlet 1*, 2024-05-02, ¶1',
    );
  });

  it('gives each new article an embed titled and linked to it, with cited events and quotes', () => {
    const m = renderDigestMessage(digest({ empty: false, newArticles: [article(1, 'Talks resumed', 1, 1)] }), { nonce: 'abc123' });
    expect(m).toMatchObject({ nonce: 'abc123', enforceNonce: true });
    expect(m.embeds[0]!.description).toBe('**1 new article** since the last digest.');
    expect(m.embeds[1]).toMatchObject({ title: 'Article 1 on the dock strike', url: 'https://example.com/a1' });
    expect(m.embeds[1]!.description).toBe(
      ['*Outlet 1* · 2024-05-02', '', '**Key events**', '• **1 May 2024** — “Talks resumed (event 0)” (¶1)', '', '**Quotes**', '> “Talks resumed (quote 0)” — A Speaker (¶2)'].join(
        '\n',
      ),
    );
  });

  it('leaves out a url Discord would refuse instead of failing the digest', () => {
    const bad = article(1, 'Talks resumed', 1, 0);
    bad.article = { ...bad.article, url: 'not a url' };
    const m = renderDigestMessage(digest({ empty: false, newArticles: [bad] }));
    expect(m.embeds[1]!.url).toBeUndefined();
    expect(m.embeds[1]!.title).toBe('Article 1 on the dock strike');
  });

  it('escapes markdown and mentions in excerpts so they show as written', () => {
    const m = renderDigestMessage(digest({ storySoFar: [event(1, 'A *bold* claim to @everyone.')] }));
    expect(m.embeds[1]!.description).toContain('“A \\*bold\\* claim to @everyone.”');
    expect(m.allowedMentions.parse).toEqual([]);
  });

  it('keeps a very large digest within Discord\'s limits, listing overflow articles by title', () => {
    const long = 'The committee heard evidence from dock workers, owners and officials over several long sessions '.repeat(5);
    const d = digest({
      empty: false,
      newArticles: Array.from({ length: 14 }, (_, i) => article(i, long)),
      moreNewArticles: 6,
      storySoFar: Array.from({ length: 5 }, (_, i) => event(i, long)),
      onThisDay: Array.from({ length: 5 }, (_, i) => event(i, long, '2020-05-09')),
    });
    const m = renderDigestMessage(d);
    checkLimits(m.embeds);
    expect(m.embeds[0]!.description).toMatch(/^\*\*20 new articles\*\* since the last digest\.\n\n• \[Article \d+ on the dock strike\]\(https:\/\/example\.com\/a\d+\) — \*Outlet \d+\*, 2024-05-02\n/);
    expect(m.embeds[0]!.description).toMatch(/…and \d+ more\.$/);
    // A cut excerpt is a verbatim prefix of the sentence, ending in "…".
    const cut = /“([^”]*)…”/.exec(m.embeds.map((e) => e.description).join('\n'));
    expect(cut).not.toBeNull();
    expect(long.startsWith(cut![1]!.replace(/\\(.)/g, '$1'))).toBe(true);
    expect(m.embeds.at(-1)!.title).toBe('On this day');
    expect(m.embeds.some((e) => e.title === 'The story so far')).toBe(true);
  });

  it('stays within the limits for any number and length of items', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.string({ minLength: 1, maxLength: 1500 }),
        (articles, story, onThisDay, text) => {
          const m = renderDigestMessage(
            digest({
              empty: articles === 0,
              newArticles: Array.from({ length: articles }, (_, i) => article(i, text)),
              storySoFar: Array.from({ length: story }, (_, i) => event(i, text)),
              onThisDay: Array.from({ length: onThisDay }, (_, i) => event(i, text, '2020-05-09')),
            }),
          );
          checkLimits(m.embeds);
          expect(m.embeds[0]!.footer?.text).toBe(digestMarker('2024-05-09'));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('renderDigestPreview', () => {
  it('shows the message as it would be posted, privately, under the note', () => {
    const d = digest({ empty: false, newArticles: [article(1, 'Dockers walked out at dawn.')] });
    const preview = renderDigestPreview('This is what would be posted in <#42> if the digest went out now.', d);
    expect(preview).toEqual({
      content: 'This is what would be posted in <#42> if the digest went out now.',
      embeds: renderDigestMessage(d).embeds,
      components: [],
      ephemeral: true,
    });
  });
});
