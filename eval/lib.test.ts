import { describe, expect, it } from 'vitest';
import { cite } from '../src/model/citation.js';
import type { Article, AskResult } from '../src/model/types.js';
import { makeArticle } from '../test/helpers/articles.js';
import { Baseline, baselinePassages, citationViolations, goldProblems, holdsFact, parseCliLine, parseQuestions } from './lib.js';
import { brownParagraphs, detokenize } from './brown/detok.js';

const article = makeArticle({
  id: 'a.md',
  body: 'The mayor opened the bridge on Monday. It cost $4 million. Crowds cheered. Rain fell later.\n\nThe council voted 7-2 for a new park.',
});
const byId = new Map<string, Article>([[article.id, article]]);

function resultCiting(start: number, end: number): AskResult {
  const citation = cite(article, start, end);
  return { answer: { text: citation.excerpt, citation, focus: { start: 0, end: citation.excerpt.length } }, citations: [citation] };
}

describe('holdsFact', () => {
  it('finds an expected string case-insensitively in the first 400 characters only', () => {
    expect(holdsFact('It cost $4 Million.', ['$4 million'])).toBe(true);
    expect(holdsFact(`${'x'.repeat(400)} $4 million`, ['$4 million'])).toBe(false);
    expect(holdsFact(null, ['anything'])).toBe(false);
    expect(holdsFact('The park', ['bridge', 'park'])).toBe(true);
  });
});

describe('citationViolations', () => {
  it('accepts an excerpt cut from its article with cite()', () => {
    const at = article.body.indexOf('It cost');
    expect(citationViolations(resultCiting(at, at + 'It cost $4 million.'.length), byId)).toEqual([]);
  });

  it('flags an excerpt that is not verbatim, an unknown article and a wrong paragraph', () => {
    const good = resultCiting(0, 10);
    const edited: AskResult = { ...good, citations: [{ ...good.citations[0]!, excerpt: 'The mayor opened a bridge' }] };
    expect(citationViolations(edited, byId).join('\n')).toMatch(/not verbatim/);
    const unknown: AskResult = { ...good, citations: [{ ...good.citations[0]!, article: { ...good.citations[0]!.article, id: 'b.md' } }] };
    expect(citationViolations(unknown, byId).join('\n')).toMatch(/unknown article/);
    const wrongPara: AskResult = { ...good, citations: [{ ...good.citations[0]!, paragraph: 2 }] };
    expect(citationViolations(wrongPara, byId).join('\n')).toMatch(/not in paragraph 2/);
  });

  it('flags more than three citations', () => {
    const r = resultCiting(0, 10);
    expect(citationViolations({ ...r, citations: [r.citations[0]!, r.citations[0]!, r.citations[0]!, r.citations[0]!] }, byId)).toContain(
      '4 citations; expected at most 3',
    );
  });
});

describe('parseCliLine', () => {
  it('accepts the documented JSON shape and rejects others', () => {
    const r = resultCiting(0, 10);
    expect(parseCliLine(JSON.stringify(r))).toEqual(r);
    expect(parseCliLine(JSON.stringify({ answer: null, citations: [] }))).toEqual({ answer: null, citations: [] });
    expect(parseCliLine('Loaded 2 articles')).toMatch(/not JSON/);
    expect(parseCliLine(JSON.stringify({ answer: 'text', citations: [] }))).toMatch(/"answer"/);
    expect(parseCliLine(JSON.stringify({ answer: null, citations: [{ excerpt: 'x' }] }))).toMatch(/"citations"/);
  });
});

describe('gold questions', () => {
  it('reports a question whose expected strings occur in no article', () => {
    const qs = parseQuestions('t.jsonl', '{"q": "Cost?", "expect": ["$4 MILLION"]}\n\n{"q": "Who?", "expect": ["governor"]}\n', true);
    expect(goldProblems(qs, [article])).toEqual(['"Who?": none of ["governor"] occurs in any article']);
  });

  it('names the file and line of a malformed question', () => {
    expect(() => parseQuestions('t.jsonl', '{"q": "x"}', true)).toThrow('t.jsonl:1: expected at least one "expect" string');
    expect(() => parseQuestions('t.jsonl', '{"q": "x"}\n{oops', false)).toThrow(/t\.jsonl:2: not JSON/);
  });
});

describe('baseline', () => {
  it('indexes sliding windows of three sentences per paragraph and answers with the top one', () => {
    expect(baselinePassages([article]).map((p) => p.text)).toEqual([
      'The mayor opened the bridge on Monday. It cost $4 million. Crowds cheered.',
      'It cost $4 million. Crowds cheered. Rain fell later.',
      'The council voted 7-2 for a new park.',
    ]);
    expect(new Baseline([article]).answer('How did the council vote on the park?')).toBe('The council voted 7-2 for a new park.');
    expect(new Baseline([article]).answer('zebra')).toBeNull();
  });
});

describe('Brown Corpus conversion', () => {
  it('strips tags, drops headlines, keeps the dateline and rejoins quotes and punctuation', () => {
    const sample = [
      'Big/jj-hl news/nn-hl ',
      'London/np-hl ,/,-hl Feb./np-hl 9/cd-hl ',
      "--/-- ``/`` We/ppss won/vbd ''/'' ,/, he/pps said/vbd ;/. ;/. the/at Corp./nn ./.",
      '',
      '',
      "\tIt/pps cost/vbd $5/nns (/( about/rb 1-1/2/cd hours/nns )/) ./.",
    ].join('\n');
    const paragraphs = brownParagraphs(sample).map((p) => detokenize(p.tokens));
    expect(paragraphs).toEqual(['London, Feb. 9 — “We won”, he said; the Corp.', 'It cost $5 (about 1-1/2 hours).']);
  });
});
