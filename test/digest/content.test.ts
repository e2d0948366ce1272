import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildDigest, digestJson, type Digest } from '../../src/digest/content.js';
import { renderDigestText } from '../../src/present/digest.js';
import type { Article, Citation } from '../../src/model/types.js';
import { makeArticle } from '../helpers/articles.js';
import { eventIn, FakeEngine, quoteIn } from '../helpers/fake-engine.js';

const harbour = makeArticle({
  id: '2024-05-02-harbour.md',
  title: 'Harbour strike enters its second week',
  date: '2024-05-02',
  outlet: 'Coast Courier',
  url: 'https://example.com/harbour',
  body: [
    'Dock workers walked out on April 25, closing the port to container ships.',
    '"We will stay out until the contract is signed," union leader Mara Quist said. The port authority called the strike "unlawful and reckless."',
    'Talks resumed on May 1 without a result. A first strike in 2019 lasted three days.',
  ].join('\n\n'),
});
const ferry = makeArticle({
  id: '2024-05-09-ferry.md',
  title: 'Ferries rerouted as the strike spreads',
  date: '2024-05-09',
  outlet: 'Island Post',
  url: 'https://example.com/ferry',
  body: ['Ferry crews joined the strike on May 8, and the island routes were moved to the north pier.', 'Officials expect delays into June.'].join('\n\n'),
});
const history = makeArticle({
  id: '2021-05-09-history.md',
  title: 'A look back at the 2021 lockout',
  date: '2021-05-09',
  outlet: 'Coast Courier',
  body: 'The owners locked the gates on May 9, 2021, for a week.',
});

function engine() {
  return new FakeEngine(
    [harbour, ferry, history],
    [
      eventIn(harbour, 'walked out', '2024-04-25'),
      eventIn(harbour, 'Talks resumed', '2024-05-01'),
      eventIn(harbour, 'first strike in 2019', '2019-01-01', 'year'),
      eventIn(ferry, 'Ferry crews joined', '2024-05-08'),
      eventIn(ferry, 'delays into June', '2024-06-01', 'month'),
      eventIn(history, 'locked the gates', '2021-05-09'),
    ],
    [
      quoteIn(harbour, 'unlawful and reckless.', null),
      quoteIn(harbour, 'We will stay out until the contract is signed,', 'Mara Quist'),
    ],
  );
}

const firstSeen = new Map([
  [harbour.id, '2024-05-02T10:00:00.000Z'],
  [ferry.id, '2024-05-09T06:00:00.000Z'],
  [history.id, '2024-04-01T00:00:00.000Z'],
]);

function allCitations(d: Digest): Citation[] {
  return [
    ...d.newArticles.flatMap((a) => [...a.events.map((e) => e.citation), ...a.quotes.map((q) => q.citation)]),
    ...d.storySoFar.map((e) => e.citation),
    ...d.onThisDay.map((e) => e.citation),
  ];
}

describe('buildDigest', () => {
  it('lists the articles first seen since the last digest, with their key events and quotes', () => {
    const d = buildDigest(engine(), { since: '2024-05-08T09:00:00Z', date: '2024-05-09', firstSeen });
    expect(d.empty).toBe(false);
    expect(d.newArticles.map((a) => a.article.id)).toEqual([ferry.id]);
    expect(d.newArticles[0]).toMatchObject({
      article: { title: 'Ferries rerouted as the strike spreads', outlet: 'Island Post', date: '2024-05-09', url: 'https://example.com/ferry' },
      firstSeen: '2024-05-09T06:00:00.000Z',
    });
    // Day precision first, then by date: the month-precise "into June" comes second.
    expect(d.newArticles[0]!.events.map((e) => [e.date, e.precision])).toEqual([
      ['2024-05-08', 'day'],
      ['2024-06-01', 'month'],
    ]);
  });

  it('prefers quotes with a known speaker and cites each one', () => {
    const d = buildDigest(engine(), { since: '2024-05-01T00:00:00Z', until: '2024-05-03T00:00:00Z', date: '2024-05-03', firstSeen });
    expect(d.newArticles.map((a) => a.article.id)).toEqual([harbour.id]);
    const quotes = d.newArticles[0]!.quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Mara Quist', null]);
    expect(quotes[0]!.citation).toEqual({
      article: { id: harbour.id, title: harbour.title, outlet: 'Coast Courier', date: '2024-05-02', url: 'https://example.com/harbour' },
      paragraph: 2,
      excerpt: 'We will stay out until the contract is signed,',
    });
  });

  it('keeps the key events to the limit, most precisely dated first', () => {
    const d = buildDigest(engine(), { since: null, date: '2024-05-09', firstSeen, limits: { eventsPerArticle: 2 } });
    const own = d.newArticles.find((a) => a.article.id === harbour.id)!;
    expect(own.events.map((e) => e.date)).toEqual(['2024-04-25', '2024-05-01']);
  });

  it('says nothing is new when no article was first seen in the window', () => {
    const d = buildDigest(engine(), { since: '2024-05-09T07:00:00Z', date: '2024-05-10', firstSeen });
    expect(d.empty).toBe(true);
    expect(d.newArticles).toEqual([]);
    expect(d.storySoFar.length).toBeGreaterThan(0);
  });

  it('gives the latest events up to the day, oldest first, without repeating the new articles\' events', () => {
    const d = buildDigest(engine(), { since: '2024-05-08T09:00:00Z', date: '2024-05-09', firstSeen, limits: { storySoFar: 3 } });
    expect(d.storySoFar.map((e) => e.date)).toEqual(['2021-05-09', '2024-04-25', '2024-05-01']);
    const shown = new Set(d.newArticles.flatMap((a) => a.events.map((e) => e.text)));
    expect(d.storySoFar.some((e) => shown.has(e.text))).toBe(false);
  });

  it('leaves events after the digest day out of the story so far', () => {
    const d = buildDigest(engine(), { since: '2024-06-01T00:00:00Z', date: '2024-05-01', firstSeen });
    expect(d.storySoFar.every((e) => e.date <= '2024-05-01')).toBe(true);
    expect(d.storySoFar.map((e) => e.date)).toContain('2024-05-01');
  });

  it('finds day-precise events on this calendar day in earlier years only', () => {
    const d = buildDigest(engine(), { since: null, date: '2024-05-09', firstSeen });
    expect(d.onThisDay.map((e) => e.date)).toEqual(['2021-05-09']);
    expect(buildDigest(engine(), { since: null, date: '2021-05-09', firstSeen }).onThisDay).toEqual([]);
    expect(buildDigest(engine(), { since: null, date: '2025-01-01', firstSeen }).onThisDay).toEqual([]);
  });

  it('counts articles without a first-seen time from their publication date, and counts the ones over the limit', () => {
    const d = buildDigest(engine(), { since: '2024-05-05', date: '2024-05-09', limits: { newArticles: 1 } });
    expect(d.newArticles.map((a) => a.article.id)).toEqual([ferry.id]);
    expect(d.newArticles[0]!.firstSeen).toBeNull();
    const all = buildDigest(engine(), { since: null, date: '2024-05-09', limits: { newArticles: 2 } });
    expect(all.newArticles.map((a) => a.article.id)).toEqual([ferry.id, harbour.id]);
    expect(all.moreNewArticles).toBe(1);
  });

  it('takes a bare --since day as inclusive and an ISO time as exclusive', () => {
    // Without first-seen times, articles count from their publication day (00:00 UTC).
    const day = buildDigest(engine(), { since: '2024-05-09', date: '2024-05-10' });
    expect(day.newArticles.map((a) => a.article.id)).toEqual([ferry.id]);
    expect(day.since).toBe('2024-05-09T00:00:00.000Z');
    expect(buildDigest(engine(), { since: '2024-05-09T00:00:00Z', date: '2024-05-10' }).newArticles).toEqual([]);
    expect(buildDigest(engine(), { since: '2024-05-10', date: '2024-05-10' }).empty).toBe(true);
  });

  it('names a bad date or since', () => {
    expect(() => buildDigest(engine(), { since: null, date: '09/05/2024' })).toThrow(
      'storydesk: digest date "09/05/2024" is not a day; expected YYYY-MM-DD',
    );
    expect(() => buildDigest(engine(), { since: 'yesterday', date: '2024-05-09' })).toThrow(
      'storydesk: digest since "yesterday" is not a time; expected ISO 8601 or YYYY-MM-DD',
    );
  });

  it('cites only verbatim excerpts, for any window and day', () => {
    const byId = new Map<string, Article>([harbour, ferry, history].map((a) => [a.id, a]));
    fc.assert(
      fc.property(
        fc.option(fc.date({ min: new Date('2024-04-01T00:00:00Z'), max: new Date('2024-05-31T00:00:00Z'), noInvalidDate: true })),
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        (since, day) => {
          const d = buildDigest(engine(), { since: since ? since.toISOString() : null, date: day.toISOString().slice(0, 10), firstSeen });
          for (const c of allCitations(d)) expect(byId.get(c.article.id)!.body).toContain(c.excerpt);
          expect(d.empty).toBe(d.newArticles.length === 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the seed corpus', () => {
  it('builds a digest from the seed articles, citing each article\'s opening sentence', async () => {
    const { articles } = await loadCorpus('corpus');
    expect(articles.length).toBeGreaterThanOrEqual(2);
    // Events from each article's first sentence, dated by the article: no knowledge of the seeds' content.
    const events = articles.map((a) => eventIn(a, a.sentences[0]!.text, a.date));
    const seen = new Map(articles.map((a, i) => [a.id, new Date(Date.UTC(2025, 0, 1 + i)).toISOString()]));
    const newest = [...seen.values()].sort().at(-1)!;
    const d = buildDigest(new FakeEngine(articles, events), { since: '2025-01-01T00:00:00Z', date: '2025-01-10', firstSeen: seen });
    expect(d.newArticles).toHaveLength(articles.length - 1);
    expect(d.newArticles.every((a) => a.firstSeen! > '2025-01-01T00:00:00.000Z' && a.firstSeen! <= newest)).toBe(true);
    for (const a of d.newArticles) {
      const article = articles.find((x) => x.id === a.article.id)!;
      expect(a.events).toHaveLength(1);
      expect(a.events[0]!.citation.excerpt).toBe(article.sentences[0]!.text);
      expect(a.events[0]!.citation.paragraph).toBe(1);
    }
    const text = renderDigestText(d);
    for (const a of d.newArticles) expect(text).toContain(a.article.title);
  });
});

describe('renderDigestText and digestJson', () => {
  it('prints every section with its citations', () => {
    const d = buildDigest(engine(), { since: '2024-05-08T09:00:00Z', date: '2024-05-09', firstSeen });
    const text = renderDigestText(d);
    expect(text.split('\n').slice(0, 3)).toEqual(['Digest for 2024-05-09', '', 'New since the last digest (1):']);
    expect(text).toContain('* Ferries rerouted as the strike spreads (Island Post, 2024-05-09)\n  https://example.com/ferry');
    expect(text).toContain(
      '  - 8 May 2024: "Ferry crews joined the strike on May 8, and the island routes were moved to the north pier." [Island Post, 2024-05-09, ¶1]',
    );
    expect(text).toContain('The story so far:');
    expect(text).toContain('On this day:\n  - 9 May 2021: "The owners locked the gates on May 9, 2021, for a week." ["A look back at the 2021 lockout", Coast Courier, 2021-05-09, ¶1]');
  });

  it('prints a short line on a day with nothing new', () => {
    const d = buildDigest(engine(), { since: '2024-06-01T00:00:00Z', date: '2024-06-02', firstSeen });
    expect(renderDigestText(d)).toContain('Nothing new since the last digest.');
  });

  it('is plain JSON with a format tag', () => {
    const d = buildDigest(engine(), { since: null, date: '2024-05-09', firstSeen });
    const json = JSON.parse(JSON.stringify(digestJson(d)));
    expect(json.format).toBe('storydesk.digest/1');
    expect(json).toEqual({ format: 'storydesk.digest/1', ...d });
    expect(Object.keys(json)).toEqual(['format', 'date', 'since', 'until', 'newArticles', 'moreNewArticles', 'storySoFar', 'onThisDay', 'empty']);
  });
});
