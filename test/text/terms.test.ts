import { describe, expect, it } from 'vitest';
import {
  baseForm,
  casedWords,
  isAcronym,
  foldAccents,
  keyWord,
  mapCasedWords,
  withoutPossessive,
  nameTokens,
  normalizeWord,
  proseWordAt,
  rawTokens,
  STOP_WORDS,
  termOf,
  terms,
  termSequence,
  wordTokens,
  words,
} from '../../src/text/terms.js';

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

describe('the tokenizers', () => {
  it('wordTokens splits at hyphens and keeps apostrophes before letters and dotted acronyms whole', () => {
    expect(wordTokens("The U.S. cyber-attack on Xhaçka's 1990s rock 'n' roll")).toEqual([
      'The', 'U.S.', 'cyber', 'attack', 'on', "Xhaçka's", '1990s', 'rock', 'n', 'roll',
    ]);
  });

  it('nameTokens keeps hyphenated names whole, splits off possessives and marks capitals and acronyms', () => {
    const tokens = nameTokens('Al-Qaeda’s chief met the MEK and U.S. officials, the States’ envoy.');
    expect(tokens.map((t) => [t.text, t.key, t.cap, t.acronym, t.possessive])).toEqual([
      ['Al-Qaeda', 'al-qaeda', true, false, true],
      ['chief', 'chief', false, false, false],
      ['met', 'met', false, false, false],
      ['the', 'the', false, false, false],
      ['MEK', 'mek', true, true, false],
      ['and', 'and', false, false, false],
      ['U.S.', 'us', true, true, false],
      ['officials', 'officials', false, false, false],
      [',', ',', false, false, false],
      ['the', 'the', false, false, false],
      ['States', 'states', true, false, true],
      ['envoy', 'envoy', false, false, false],
      ['.', '.', false, false, false],
    ]);
    expect(tokens[0]).toMatchObject({ start: 0, end: 8 });
  });

  it('proseWordAt reads the word starting at an offset, dots and hyphens inside it', () => {
    const text = 'Mr. Smith of the U.S.-led, state-run No.5 team';
    expect(proseWordAt(text, 0)).toBe('Mr');
    expect(proseWordAt(text, 17)).toBe('U.S.');
    expect(proseWordAt(text, 27)).toBe('state-run');
    expect(proseWordAt(text, 37)).toBe('No.5');
    expect(proseWordAt(text, 2)).toBeNull();
  });

  it('casedWords gives the words as written with their offsets; mapCasedWords rewrites them', () => {
    expect([...casedWords('O’Brien met Sinn-Féin 2 times')].map((m) => [m[0], m.index])).toEqual([
      ['O’Brien', 0],
      ['met', 8],
      ['Sinn-Féin', 12],
      ['times', 24],
    ]);
    expect(mapCasedWords('who met rama?', (w) => w.toUpperCase())).toBe('WHO MET RAMA?');
  });

  it('isAcronym takes two to six capitals, dotted or not', () => {
    expect(['US', 'U.S.', 'MEK', 'NASDAQ'].map(isAcronym)).toEqual([true, true, true, true]);
    expect(['U', 'Us', 'ABCDEFG'].map(isAcronym)).toEqual([false, false, false]);
  });
});

describe('the word normalisers', () => {
  it('keyWord lower-cases, drops accents, possessives and dots, and keeps an apostrophe inside a word', () => {
    expect(['Xhaçka’s', 'U.S.', 'O’Brien', 'People’s', 'States’', 'ABC', '‘Tis'].map(keyWord)).toEqual([
      'xhacka', 'us', "o'brien", 'people', 'states', 'abc', "'tis",
    ]);
  });

  it('foldAccents drops accents and keeps the case', () => {
    expect(['Xhaçka', 'Ünal', 'São Tomé', 'Ωmega'].map(foldAccents)).toEqual(['Xhacka', 'Unal', 'Sao Tome', 'Ωmega']);
  });

  it('withoutPossessive drops a possessive and keeps the case', () => {
    expect(['Swift’s', "Jones's", 'iPhone’s', 'States’', 'boss', "'s"].map(withoutPossessive)).toEqual([
      'Swift', 'Jones', 'iPhone', 'States’', 'boss', "'s",
    ]);
  });

  it('normalizeWord is keyWord without apostrophes, so "O’Brien" and "OBrien" are one word', () => {
    expect(['Xhaçka’s', 'U.S.', 'O’Brien', "can't", 'Ünal'].map(normalizeWord)).toEqual(['xhacka', 'us', 'obrien', 'cant', 'unal']);
    expect(normalizeWord('O’Brien')).toBe(normalizeWord('OBrien'));
  });
});
