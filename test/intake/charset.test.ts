// Decoding fetched bytes: BOM, then the header's charset, then the document's own declaration, then a guess.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeText, parseContentType } from '../../src/intake/charset.js';

const cp1252 = (text: string) => iconv.encode(text, 'windows-1252');

describe('parseContentType', () => {
  it('reads the media type and a quoted or bare charset', () => {
    expect(parseContentType('Text/HTML; Charset="Windows-1252"')).toEqual({
      mediaType: 'text/html',
      charset: 'windows-1252',
    });
    expect(parseContentType('application/rss+xml;charset=utf-8')).toEqual({
      mediaType: 'application/rss+xml',
      charset: 'utf-8',
    });
    expect(parseContentType(undefined)).toEqual({ mediaType: null, charset: null });
  });
});

describe('declaredCharset', () => {
  it.each([
    ['<?xml version="1.0" encoding="ISO-8859-1"?><rss/>', 'iso-8859-1'],
    ['<html><head><meta charset="windows-1252"></head>', 'windows-1252'],
    [
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head>',
      'iso-8859-15',
    ],
    ['<html><head><title>none</title></head>', null],
  ])('finds the declaration in %s', (head, expected) => {
    expect(declaredCharset(Buffer.from(head))).toBe(expected);
  });
});

describe('decodeText', () => {
  it('reads ISO-8859-1 as windows-1252, as browsers do, so curly quotes survive', () => {
    expect(decodeText(cp1252('“Café” – ok'), 'iso-8859-1')).toEqual({
      text: '“Café” – ok',
      charset: 'windows-1252',
    });
  });

  it('prefers the header to the meta declaration', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8">'), cp1252('é')]);
    expect(decodeText(bytes, 'windows-1252').text).toBe('<meta charset="utf-8">é');
  });

  it('prefers a BOM to the header', () => {
    expect(decodeText(Buffer.from('\uFEFFcafé', 'utf8'), 'windows-1252')).toEqual({
      text: 'café',
      charset: 'utf-8',
    });
  });

  it('ignores an unknown label and falls back to the next clue', () => {
    expect(decodeText(Buffer.from('<meta charset="utf-8">é'), 'x-nonsense').text).toBe(
      '<meta charset="utf-8">é',
    );
  });

  it('guesses UTF-8 for valid UTF-8 and windows-1252 otherwise when nothing is declared', () => {
    expect(decodeText(Buffer.from('naïve')).charset).toBe('utf-8');
    expect(decodeText(cp1252('naïve “quote”'))).toEqual({ text: 'naïve “quote”', charset: 'windows-1252' });
  });
});
