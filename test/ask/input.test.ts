import { describe, expect, it } from 'vitest';
import { isAllCaps, prepareQuestion, QuestionError } from '../../src/ask/input.js';
import { MAX_EXPANDED_TERM, searchOptions } from '../../src/index/search.js';

function refusal(raw: string): { code: string; message: string } {
  try {
    prepareQuestion(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(QuestionError);
    return { code: (error as QuestionError).code, message: (error as Error).message };
  }
  throw new Error('expected a QuestionError');
}

describe('prepareQuestion', () => {
  it('refuses a question over the length cap, saying how long it was', () => {
    expect(refusal('x'.repeat(70_000))).toEqual({ code: 'too-long', message: 'The question is 70,000 characters long; ask in at most 1,000.' });
    expect(prepareQuestion('x'.repeat(1000))).toHaveLength(1000);
  });

  it('refuses a question of too many words', () => {
    expect(refusal('word '.repeat(61))).toEqual({ code: 'too-many-words', message: 'The question has 61 words; ask in at most 60.' });
  });

  it('ignores zero-width, bidi-override and control characters, and refuses a question of nothing else', () => {
    expect(prepareQuestion('Who\u202e is\u0000 Ra\u200bma?')).toBe('Who is Rama?');
    expect(refusal('\u200b\u202e\r\n')).toEqual({ code: 'empty', message: 'The question is empty: type a question about the story.' });
  });

  it('reads an ALL-CAPS question as lower case, but leaves an acronym in a normal question alone', () => {
    expect(prepareQuestion('WHEN DID ALBANIA JOIN NATO?')).toBe('when did albania join nato?');
    expect(prepareQuestion('When did ALBANIA join NATO?')).toBe('When did ALBANIA join NATO?');
    expect(isAllCaps('NATO')).toBe(false);
  });

  it('drops a stray token after the question mark', () => {
    expect(prepareQuestion('Who is Rama? 5')).toBe('Who is Rama?');
    expect(prepareQuestion('Who is Rama? :)')).toBe('Who is Rama?');
    expect(prepareQuestion('Who is Rama? And Lapid?')).toBe('Who is Rama? And Lapid?');
  });
});

describe('the index never expands an absurdly long word', () => {
  it('matches a word over MAX_EXPANDED_TERM letters neither by prefix nor by typo', () => {
    const prefix = searchOptions.prefix as (t: string, i: number, all: string[]) => boolean;
    const fuzzy = searchOptions.fuzzy as (t: string, i: number, all: string[]) => number | false;
    expect([prefix('cyberattack', 0, []), fuzzy('cyberattack', 0, [])]).toEqual([true, 0.2]);
    const long = 'x'.repeat(MAX_EXPANDED_TERM + 1);
    expect([prefix(long, 0, []), fuzzy(long, 0, [])]).toEqual([false, false]);
  });
});
