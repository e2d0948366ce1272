// What a fetched body is: the Content-Type header, and the body itself where the header is vague or wrong.
import { describe, expect, it } from 'vitest';
import { acceptedKind, kindOfMediaType, sniffKind } from '../../src/intake/content.js';

describe('kindOfMediaType', () => {
  it.each([
    ['text/html', 'page'],
    ['application/xhtml+xml', 'page'],
    ['application/rss+xml', 'feed'],
    ['application/atom+xml', 'feed'],
    ['application/rdf+xml', 'feed'],
    ['application/feed+json', 'feed'],
    ['application/xml', 'feed'],
    ['text/xml', 'feed'],
    ['application/json', 'feed'],
    ['text/plain', 'unknown'],
    [null, 'unknown'],
    ['application/pdf', 'other'],
    ['image/png', 'other'],
  ])('%s is %s', (mediaType, kind) => {
    expect(kindOfMediaType(mediaType)).toBe(kind);
  });
});

describe('sniffKind', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- generated --><rss version="2.0">', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['<?xml version="1.0"?><rdf:RDF xmlns:rdf="…">', 'feed'],
    ['{"version": "https://jsonfeed.org/version/1.1", "title": "x"}', 'feed'],
    ['  <!DOCTYPE html><html>', 'page'],
    ['<html lang="en">', 'page'],
    ['%PDF-1.4', null],
    ['{"version": 2}', null],
  ])('%s', (head, kind) => {
    expect(sniffKind(Buffer.from(head))).toBe(kind);
  });
});

describe('acceptedKind', () => {
  it('takes a feed served as text/html when a feed is wanted, and a page when a page or a feed is', () => {
    expect(acceptedKind('https://x.example/f', 'text/html', Buffer.from('<rss version="2.0">'), 'feed')).toBe(
      'feed',
    );
    expect(acceptedKind('https://x.example/p', 'text/html', Buffer.from('<html>'), 'page-or-feed')).toBe(
      'page',
    );
  });

  it('refuses a body that is neither, naming the URL', () => {
    expect(() => acceptedKind('https://x.example/f', 'text/plain', Buffer.from('hello'), 'page')).toThrow(
      'storydesk: cannot fetch https://x.example/f: expected an HTML page, got text/plain',
    );
  });
});
