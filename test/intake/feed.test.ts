// Feeds: real RSS 2.0, RSS 1.0/RDF and Atom files (rss-parser's test feeds), JSON Feed, and feed discovery in pages.
import { describe, expect, it } from 'vitest';
import {
  discoverFeeds,
  FeedError,
  htmlToText,
  oldestFirst,
  parseFeed,
  SUMMARY_MAX_CHARS,
  type FeedItem,
} from '../../src/intake/feed.js';
import { fixture } from './fixture-server.js';

function feedFixture(name: string) {
  return parseFeed(fixture(`feeds/${name}`), `https://feeds.example.org/${name}`);
}

describe('parseFeed: real feeds', () => {
  it('reads an RSS 2.0 feed: title, site, and each item with guid, link, plain-text summary and date', () => {
    const feed = feedFixture('guardian.rss');
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'The Guardian',
      link: 'https://www.theguardian.com/us',
    });
    expect(feed.items).toHaveLength(55);
    const first = feed.items[0]!;
    expect(first).toMatchObject({
      id: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      title: 'Trump State of the Union address promised unity but emphasized discord',
      link: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      position: 0,
    });
    expect(first.date?.toISOString()).toBe('2018-01-31T07:26:05.000Z');
    expect(first.summary).toMatch(
      /^The president’s ‘new American moment’ speech stirred Republican applause while Democrats/,
    );
    expect(first.summary).not.toMatch(/<|&\w+;/);
  });

  it('uses content:encoded when an RSS item has no description', () => {
    const first = feedFixture('content-encoded.rss').items[0]!;
    expect(first.id).toBe('https://medium.com/p/125af37d838f');
    expect(first.summary).toMatch(/^Using Wild Ingredients in the Kitchen HEY, YOU!/);
  });

  it('decodes an ISO-8859-1 feed by its XML declaration', () => {
    const feed = feedFixture('encoding.rss');
    expect(feed.title).toBe('Jornal de Notícias - Últimas Notícias');
    expect(feed.items[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas');
  });

  it('reads dates written with Portuguese weekday and month names', () => {
    const feed = feedFixture('uolNoticias.rss');
    expect(feed.items[0]!.date?.toISOString()).toBe('2018-09-24T22:42:40.000Z');
    expect(feed.items[0]!.title).toBe(
      'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
    );
  });

  it('reads an RSS 1.0 (RDF) feed with Dublin Core dates', () => {
    const feed = feedFixture('rss-1.rss');
    expect(feed).toMatchObject({
      format: 'rdf',
      title: 'Science twis',
      link: 'http://science.sciencemag.org/',
    });
    expect(feed.items).toHaveLength(69);
    expect(feed.items[0]).toMatchObject({
      title: 'Food for fungi',
      link: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
    });
    expect(feed.items[0]!.date?.toISOString()).toBe('2017-06-15T17:29:47.000Z');
  });

  it('reads an Atom feed, taking the alternate link over edit and self links', () => {
    const feed = feedFixture('feedburner.atom');
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Google Ads Developer Blog',
      link: 'http://googleadsdeveloper.blogspot.com/search/label/adwords_api',
    });
    expect(feed.items[0]).toMatchObject({
      id: 'tag:blogger.com,1999:blog-7815614485808579332.post-8394866751819460570',
      link: 'http://feedproxy.google.com/~r/blogspot/lQlzL/~3/Zjf41PDVLAc/adwords-and-dfp-java-client-library.html',
    });
  });

  it('reads an Atom entry’s published date with its time zone', () => {
    const first = feedFixture('heise.atom').items[0]!;
    expect(first.title).toBe('Java-Anwendungsserver: Red Hat gibt WildFly 10 frei');
    expect(first.date?.toISOString()).toBe('2016-02-01T16:22:00.000Z');
  });

  it('keeps an Atom entry that has only an id, with empty fields', () => {
    expect(feedFixture('missing-fields.atom').items).toEqual([
      {
        id: 'tag:github.com,2008:Repository/11167738/v3.9.0',
        title: '',
        link: null,
        summary: '',
        date: null,
        position: 0,
      },
    ]);
  });

  it('refuses a page that is not a feed, naming the URL', () => {
    expect(() => feedFixture('unrecognized.rss')).toThrow(
      new FeedError('https://feeds.example.org/unrecognized.rss', 'not an RSS, Atom, RDF or JSON feed'),
    );
    expect(() => feedFixture('unrecognized.rss')).toThrow(
      'storydesk: cannot read the feed at https://feeds.example.org/unrecognized.rss: not an RSS, Atom, RDF or JSON feed',
    );
  });

  it('refuses a truncated feed as malformed', () => {
    expect(() =>
      parseFeed('<rss version="2.0"><channel><item><title>Half', 'https://x.example/feed'),
    ).toThrow(/^storydesk: cannot read the feed at https:\/\/x\.example\/feed: it is malformed/);
  });
});

describe('parseFeed: links, text and identity', () => {
  const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour &amp; Coast</title><link>/news/</link>
<item><title><![CDATA[Ferry &amp; crew: <b>the inquiry</b>]]></title><link>2025/01/ferry</link><guid isPermaLink="false">hc-101</guid>
  <description>Divers &amp;amp; engineers &lt;p&gt;reached the wreck&lt;/p&gt; at dawn &#8212; officials said.</description><pubDate>Mon, 06 Jan 2025 08:00:00 GMT</pubDate></item>
<item><title>Second</title><link>https://other.example/b</link></item>
<item><title>No link, no guid</title><pubDate>Tue, 07 Jan 2025 08:00:00 GMT</pubDate></item>
<item><guid>https://news.example/permalink</guid><title>Guid is the link</title></item>
<item><title>Bad link</title><link>javascript:alert(1)</link></item>
<item><description>nothing to know it by</description></item>
</channel></rss>`;

  it('resolves relative links against the site link, itself resolved against the feed URL', () => {
    const feed = parseFeed(rss, 'https://news.example/feeds/all.xml');
    expect(feed.link).toBe('https://news.example/news/');
    expect(feed.items[0]!.link).toBe('https://news.example/news/2025/01/ferry');
  });

  it('decodes CDATA, entities and markup into plain text', () => {
    const [first] = parseFeed(rss, 'https://news.example/feed').items;
    expect(first!.title).toBe('Ferry & crew: the inquiry');
    expect(first!.summary).toBe('Divers & engineers reached the wreck at dawn — officials said.');
  });

  it('knows an item by its guid, else its link, else its title and date; drops an item with none', () => {
    const items = parseFeed(rss, 'https://news.example/feed').items;
    expect(items.map((i) => i.id)).toEqual([
      'hc-101',
      'https://other.example/b',
      'No link, no guid|2025-01-07T08:00:00.000Z',
      'https://news.example/permalink',
      'Bad link|',
    ]);
    expect(items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes a permalink guid as the link, and no link that is not http(s)', () => {
    const items = parseFeed(rss, 'https://news.example/feed').items;
    expect(items[3]!.link).toBe('https://news.example/permalink');
    expect(items[4]!.link).toBeNull();
  });

  it('resolves Atom links against xml:base', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/world/"><title>W</title><id>w</id>
      <link href="/" rel="alternate"/><entry><id>e1</id><title type="html">A &lt;i&gt;ferry&lt;/i&gt;</title><link href="ferry-1"/><updated>2025-01-06T10:00:00+02:00</updated></entry></feed>`;
    const feed = parseFeed(atom, 'https://feeds.example/atom');
    expect(feed.link).toBe('https://news.example/');
    expect(feed.items[0]).toMatchObject({
      id: 'e1',
      title: 'A ferry',
      link: 'https://news.example/world/ferry-1',
    });
    expect(feed.items[0]!.date?.toISOString()).toBe('2025-01-06T08:00:00.000Z');
  });

  it('reads a JSON Feed, resolving item URLs against the home page', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbour Gazette',
      home_page_url: 'https://gazette.example/',
      items: [
        {
          id: 'g-1',
          url: '/2025/ferry',
          title: 'Ferry raised',
          content_html: '<p>The hull was <em>lifted</em>.</p>',
          date_published: '2025-01-06T09:00:00Z',
        },
        {
          id: 2,
          external_url: 'https://elsewhere.example/x',
          title: 'Elsewhere',
          content_text: 'Plain text.',
        },
      ],
    });
    const feed = parseFeed(json, 'https://gazette.example/feed.json');
    expect(feed).toMatchObject({
      format: 'json',
      title: 'Harbour Gazette',
      link: 'https://gazette.example/',
    });
    expect(feed.items).toEqual([
      {
        id: 'g-1',
        title: 'Ferry raised',
        link: 'https://gazette.example/2025/ferry',
        summary: 'The hull was lifted.',
        date: new Date('2025-01-06T09:00:00Z'),
        position: 0,
      },
      {
        id: '2',
        title: 'Elsewhere',
        link: 'https://elsewhere.example/x',
        summary: 'Plain text.',
        date: null,
        position: 1,
      },
    ]);
  });

  it('cuts a very long summary at a word', () => {
    const long = `<rss version="2.0"><channel><title>T</title><item><title>L</title><description>${'word '.repeat(1000)}</description></item></channel></rss>`;
    const summary = parseFeed(long, 'https://x.example/f').items[0]!.summary;
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS + 1);
    expect(summary).toMatch(/ word…$/);
  });
});

describe('htmlToText', () => {
  it('keeps block boundaries as spaces and drops scripts', () => {
    expect(htmlToText('<p>One</p><p>Two<br>Three</p><script>alert(1)</script>')).toBe('One Two Three');
    expect(htmlToText('AT&amp;T &lt; 5')).toBe('AT&T < 5');
  });
});

describe('oldestFirst', () => {
  const item = (position: number, date: string | null): FeedItem => ({
    id: String(position),
    title: '',
    link: null,
    summary: '',
    date: date ? new Date(date) : null,
    position,
  });

  it('orders undated items by their place in the feed, newest (first) last', () => {
    expect(oldestFirst(feedFixture('heraldsun.rss').items).map((i) => i.title)).toEqual([
      'The Second Item',
      'The First Item',
    ]);
  });

  it('orders dated items by date even when the feed is out of order', () => {
    const items = [item(0, '2025-01-03'), item(1, '2025-01-05'), item(2, '2025-01-01')];
    expect(oldestFirst(items).map((i) => i.position)).toEqual([2, 0, 1]);
  });

  it('keeps a feed that lists oldest first in its own order when some items are undated', () => {
    const items = [item(0, '2025-01-01'), item(1, null), item(2, '2025-01-03')];
    expect(oldestFirst(items).map((i) => i.position)).toEqual([0, 1, 2]);
  });

  it('reverses a newest-first feed with undated items', () => {
    const items = [item(0, '2025-01-03'), item(1, null), item(2, '2025-01-01')];
    expect(oldestFirst(items).map((i) => i.position)).toEqual([2, 1, 0]);
  });
});

describe('discoverFeeds', () => {
  const page = `<!doctype html><html><head><base href="https://news.example/section/">
    <link rel="alternate" type="application/rss+xml" title="Top stories" href="feeds/top.xml">
    <link rel="ALTERNATE" type="application/atom+xml" href="https://news.example/atom">
    <link rel="alternate" type="application/feed+json" href="/feed.json">
    <link rel="alternate" type="application/rss+xml" href="feeds/top.xml">
    <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
    <link rel="stylesheet" type="text/css" href="/s.css">
    <link rel="alternate" hreflang="de" href="/de/">
  </head><body></body></html>`;

  it('finds the RSS, Atom and JSON feeds a page advertises, resolved and each once', () => {
    expect(discoverFeeds(page, 'https://news.example/section/story')).toEqual([
      {
        url: 'https://news.example/section/feeds/top.xml',
        type: 'application/rss+xml',
        title: 'Top stories',
      },
      { url: 'https://news.example/atom', type: 'application/atom+xml', title: '' },
      { url: 'https://news.example/feed.json', type: 'application/feed+json', title: '' },
    ]);
  });

  it('finds none in a page without feed links', () => {
    expect(discoverFeeds(fixture('pages/article.html').toString(), 'https://news.example/a')).toEqual([]);
  });
});
