import { describe, expect, it } from 'vitest';
import { baseForm, rawTokens, STOP_WORDS, termOf, terms, termSequence, words } from '../../src/text/terms.js';

describe('terms', () => {
  it('stems, drops stop words and possessives, keeps acronyms unstemmed', () => {
    expect(terms("Albania's ministers were meeting the U.S. envoy")).toEqual(['albania', 'minist', 'meet', 'us', 'envoi']);
  });

  it('maps irregular verb forms to their base before stemming, so "spoke" finds "speak" and "won" finds "win"', () => {
    expect(terms('spoke')).toEqual(terms('speak'));
    expect(terms('won')).toEqual(terms('wins'));
    expect(terms('paid')).toEqual(terms('pay'));
    expect(baseForm('written')).toBe('write');
    expect(baseForm('founded')).toBe('founded');
  });

  it('keeps "found" (of "find") apart from "founded"', () => {
    expect(termOf('found')).not.toBe(termOf('founded'));
  });

  it('keeps "use" apart from the acronym "US"', () => {
    expect(termOf('used')).toBe('use');
    expect(termOf('US')).toBe('us');
  });

  it('treats contractions and words of no topic as stop words', () => {
    expect(terms("can't won't didn't during whether")).toEqual([]);
    expect(STOP_WORDS.has('cant')).toBe(true);
    // "not" is kept: "did not mention" is what some questions ask about.
    expect(terms('not')).toEqual(['not']);
  });
});

describe('termSequence and rawTokens', () => {
  it('give one entry per token, aligned with words(), null for a stop word', () => {
    const text = 'The Prime Minister said he would meet them.';
    const seq = termSequence(text);
    expect(seq).toEqual([null, 'prime', 'minist', null, null, null, 'meet', null]);
    expect(rawTokens(text)).toHaveLength(seq.length);
    expect(words(text)).toHaveLength(seq.length);
    expect(rawTokens(text)[1]).toBe('Prime');
  });

  it('agree with terms() once the stop words are dropped', () => {
    const text = "Iran's Ministry of Intelligence and Security (MOIS) was sanctioned in September.";
    expect(termSequence(text).filter((t) => t !== null)).toEqual(terms(text));
  });
});
