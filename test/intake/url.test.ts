// URL normalisation: the ways one article's link is shared come to one form.
import { describe, expect, it } from 'vitest';
import { normalizeUrl, sameArticleUrl, urlKey } from '../../src/intake/url.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM/World/Story-1', 'https://news.example.com/World/Story-1'],
    ['https://news.example.com:443/a', 'https://news.example.com/a'],
    ['http://news.example.com:80/a', 'http://news.example.com/a'],
    ['http://news.example.com:8080/a/', 'http://news.example.com:8080/a'],
    ['https://news.example.com/a/#comments', 'https://news.example.com/a'],
    ['https://news.example.com/', 'https://news.example.com'],
    ['https://news.example.com./a', 'https://news.example.com/a'],
  ])('puts %s in canonical form', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('drops utm_* and the common click-tracking parameters, keeping the rest sorted', () => {
    const shared =
      'https://news.example.com/a?utm_source=twitter&UTM_Medium=social&id=7&fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2&ocid=msn&cmpid=rss&page=2&_ga=3';
    expect(normalizeUrl(shared)).toBe('https://news.example.com/a?id=7&page=2');
  });

  it('keeps parameters that name the page', () => {
    expect(normalizeUrl('https://news.example.com/article.php?id=42')).toBe(
      'https://news.example.com/article.php?id=42',
    );
    expect(normalizeUrl('https://news.example.com/article.php?id=42')).not.toBe(
      normalizeUrl('https://news.example.com/article.php?id=43'),
    );
  });

  it.each([
    'https://news.example.com/world/amp/ferry-sinks',
    'https://news.example.com/world/ferry-sinks/amp',
    'https://news.example.com/world/ferry-sinks/amp/',
    'https://news.example.com/world/ferry-sinks.amp',
    'https://news.example.com/world/ferry-sinks?amp',
    'https://news.example.com/world/ferry-sinks?amp=1',
    'https://news.example.com/world/ferry-sinks?outputType=amp',
    'https://amp.news.example.com/world/ferry-sinks',
    'https://news-example-com.cdn.ampproject.org/c/s/news.example.com/world/ferry-sinks',
  ])('folds the AMP variant %s into the article', (amp) => {
    expect(normalizeUrl(amp)).toBe('https://news.example.com/world/ferry-sinks');
  });

  it('folds a .amp suffix before an extension', () => {
    expect(normalizeUrl('https://news.example.com/world/ferry-sinks.amp.html')).toBe(
      'https://news.example.com/world/ferry-sinks.html',
    );
  });

  it('keeps outputType values other than amp', () => {
    expect(normalizeUrl('https://news.example.com/a?outputType=print')).toBe(
      'https://news.example.com/a?outputType=print',
    );
  });

  it('refuses what is not an http(s) URL, naming it', () => {
    expect(() => normalizeUrl('not a url')).toThrow('storydesk: "not a url" is not an http(s) URL');
    expect(() => normalizeUrl('ftp://news.example.com/a')).toThrow(
      'storydesk: "ftp://news.example.com/a" is not an http(s) URL',
    );
  });
});

describe('urlKey and sameArticleUrl', () => {
  it('treats http and https, with and without www, as one article', () => {
    expect(urlKey('http://www.news.example.com/a/?utm_campaign=x')).toBe('news.example.com/a');
    expect(sameArticleUrl('https://www.news.example.com/a', 'http://news.example.com/a/')).toBe(true);
  });

  it('tells different articles apart', () => {
    expect(sameArticleUrl('https://news.example.com/a', 'https://news.example.com/b')).toBe(false);
    expect(sameArticleUrl('https://news.example.com/a', 'https://other.example.com/a')).toBe(false);
    expect(sameArticleUrl('https://news.example.com/A', 'https://news.example.com/a')).toBe(false);
  });
});
