// Near-copy detection: a republished wire story is a copy; two outlets' own reports of one event are not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CopyIndex } from '../../src/intake/copies.js';
import { extractArticle } from '../../src/intake/extract.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/intake/readability');
const bodies = new Map<string, string>();
function bodyOf(page: string): string {
  if (!bodies.has(page)) bodies.set(page, extractArticle(readFileSync(path.join(FIXTURES, page, 'source.html'), 'utf8'), 'http://fakehost/a').article!.body);
  return bodies.get(page)!;
}

/** The same event told twice in different words (as two outlets' reporters would). */
const REPORT_A = [
  'Albania cut diplomatic ties with Iran on Wednesday and ordered its embassy staff to leave the country within 24 hours, after an investigation concluded that Tehran was behind a major cyberattack in July.',
  'Prime Minister Edi Rama said in a video statement that the investigation had found irrefutable evidence that the attack was orchestrated and sponsored by the Islamic Republic of Iran through four groups.',
  'The attack temporarily shut down numerous Albanian government digital services and websites. Rama called it an act of state aggression that required an extreme response.',
  'Iran’s foreign ministry rejected the accusation as baseless and said Albania was acting on behalf of third parties.',
].join('\n\n');
const REPORT_B = [
  'Tirana has severed relations with Tehran, giving Iranian diplomats one day to pack up, in response to a July hacking campaign that Albanian authorities now attribute to Iran.',
  'In a recorded address, Edi Rama said investigators were certain that Iran had directed and paid for the operation, which knocked government websites and online public services offline.',
  'Rama described the cyberattack as aggression by a state, saying the decision to expel the envoys was extreme but unavoidable.',
  'Officials in Tehran denied any involvement and accused Albania of serving the interests of others.',
].join('\n\n');

describe('CopyIndex', () => {
  it('finds a wire story republished under another site\'s chrome and headline', () => {
    const index = new CopyIndex();
    const html = readFileSync(path.join(FIXTURES, 'nytimes-1', 'source.html'), 'utf8');
    index.add('original.md', extractArticle(html, 'http://fakehost/a').article!.body);
    const paragraphs = extractArticle(html, 'http://fakehost/a').article!.paragraphs;
    const republished = `<!doctype html><html><head><title>Sudan sanctions to be lifted | Other Daily</title></head><body>
      <nav><a href="/">Home</a><a href="/world">World</a></nav>
      <article><h1>US will lift sanctions on Sudan, officials say</h1><p>By Wire Staff</p>
      ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
      <p>Share this article</p></article><footer>© Other Daily</footer></body></html>`;
    const copy = extractArticle(republished, 'https://other.example/world/sudan').article!;
    expect(copy.title).toBe('US will lift sanctions on Sudan, officials say');
    const match = index.findCopy(copy.body);
    expect(match?.id).toBe('original.md');
    expect(match!.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the same article with an edited headline and a trimmed last paragraph', () => {
    const index = new CopyIndex();
    const body = bodyOf('telegraph');
    index.add('telegraph.md', body);
    const paragraphs = body.split('\n\n');
    expect(index.findCopy(paragraphs.slice(0, -1).join('\n\n'))?.id).toBe('telegraph.md');
  });

  it('does not take two outlets\' own reports of the same event for copies', () => {
    const index = new CopyIndex();
    index.add('a.md', REPORT_A);
    expect(index.findCopy(REPORT_B)).toBeNull();
    expect(index.similarity(REPORT_A, REPORT_B)).toBeLessThan(0.2);
  });

  it('does not match unrelated articles', () => {
    const index = new CopyIndex();
    for (const page of ['bbc-1', 'cnn', 'wapo-1', 'wapo-2', 'salon-1']) index.add(page, bodyOf(page));
    expect(index.findCopy(bodyOf('nytimes-2'))).toBeNull();
  });

  it('answers with the most similar article when several are close', () => {
    const index = new CopyIndex();
    const paragraphs = bodyOf('guardian-1').split('\n\n');
    index.add('full.md', paragraphs.join('\n\n'));
    index.add('shorter.md', paragraphs.slice(0, -2).join('\n\n'));
    expect(index.findCopy(paragraphs.join('\n\n'))).toEqual({ id: 'full.md', similarity: 1 });
  });

  it('ignores case, punctuation and spacing', () => {
    const index = new CopyIndex();
    index.add('a.md', REPORT_A);
    const restyled = REPORT_A.toUpperCase().replace(/[.,’]/g, ' ').replace(/\n\n/g, '\n');
    expect(index.findCopy(restyled)).toEqual({ id: 'a.md', similarity: 1 });
  });

  it('forgets a removed article and replaces one added again under the same id', () => {
    const index = new CopyIndex();
    index.add('a.md', REPORT_A);
    expect(index.remove('a.md')).toBe(true);
    expect(index.remove('a.md')).toBe(false);
    expect(index.findCopy(REPORT_A)).toBeNull();
    index.add('b.md', REPORT_A);
    index.add('b.md', REPORT_B);
    expect(index.size).toBe(1);
    expect(index.findCopy(REPORT_A)).toBeNull();
    expect(index.findCopy(REPORT_B)?.id).toBe('b.md');
  });

  it('finds nothing in an empty index and copes with an empty body', () => {
    const index = new CopyIndex();
    expect(index.findCopy(REPORT_A)).toBeNull();
    index.add('empty.md', '');
    expect(index.findCopy('')).toBeNull();
  });

  it('refuses settings whose bands do not divide the permutations', () => {
    expect(() => new CopyIndex({ permutations: 100, bands: 32 })).toThrow('CopyIndex: permutations (100) must be a multiple of bands (32)');
    expect(() => new CopyIndex({ threshold: 0 })).toThrow('CopyIndex: threshold must be in (0, 1]; got 0');
  });

  it('finds each of several articles from its copy, among the others', () => {
    const index = new CopyIndex();
    const story = ['bbc-1', 'cnn', 'wapo-1', 'wapo-2', 'salon-1', 'telegraph', 'guardian-1', 'nytimes-1'].map(bodyOf);
    story.forEach((body, i) => index.add(`p${i}.md`, body));
    story.forEach((body, i) => {
      const edited = `Updated headline here.\n\n${body}`;
      expect(index.findCopy(edited)?.id).toBe(`p${i}.md`);
    });
  });
});
