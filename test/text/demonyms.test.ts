import { describe, expect, it } from 'vitest';
import { DEMONYM_ENDINGS, demonymPartners, isDemonymOf, isDemonymOfLexiconPlace, isPlaceWord } from '../../src/text/demonyms.js';

describe('demonyms by their endings', () => {
  it('isDemonymOf reads a place followed by one of the endings as its people', () => {
    expect(DEMONYM_ENDINGS).toEqual(['n', 'an', 'ian', 'i', 'ese', 'ish']);
    expect(isDemonymOf('albanian', 'albania')).toBe(true);
    expect(isDemonymOf('israeli', 'israel')).toBe(true);
    expect(isDemonymOf('japanese', 'japan')).toBe(true);
    // Not a mere shared beginning, and not the place itself.
    expect(isDemonymOf('popular', 'popul')).toBe(false);
    expect(isDemonymOf('albania', 'albania')).toBe(false);
    expect(isDemonymOf('albanians', 'albania')).toBe(false);
  });

  it('isDemonymOfLexiconPlace finds demonyms and plural peoples of places compromise knows', () => {
    expect(['slovenian', 'ukrainians', 'israelis', 'kenyans'].map(isDemonymOfLexiconPlace)).toEqual([true, true, true, true]);
    expect(['minister', 'banana', 'christian'].map(isDemonymOfLexiconPlace)).toEqual([false, false, false]);
  });
});

describe('demonyms from world-countries', () => {
  it('pairs irregular countries and peoples, and a country’s other names', () => {
    expect(demonymPartners('britain')?.has('british')).toBe(true);
    expect(demonymPartners('dutch')?.has('netherland')).toBe(true);
    expect(demonymPartners('america')?.has('us')).toBe(true);
  });

  it('isPlaceWord knows lower-case countries, peoples and continents', () => {
    expect(['africa', 'french', 'albania'].map(isPlaceWord)).toEqual([true, true, true]);
    expect(isPlaceWord('minister')).toBe(false);
  });
});
