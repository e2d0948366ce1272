// Word knowledge for names (extract/names.ts): name keys, what the lexicon says a name is, the cues of organisation
// and place names, demonyms, sentence-initial common words, and the typos a typed name may hold.
import { describe, expect, it } from 'vitest';
import {
  hasOrgCue,
  hasPlaceCue,
  isPluralPlaceNoun,
  headTakesOf,
  isCalendarWord,
  isCommonPlural,
  isCountryLike,
  isDemonym,
  isFunctionWord,
  isGivenName,
  isListedPersonName,
  isNonEntityAcronym,
  lexiconKind,
  looksLikeCommonWord,
  nameKey,
  typoBudget,
} from '../../src/extract/names.js';

const words = (name: string): string[] => name.split(' ');

describe('name keys', () => {
  it('key each word and join them with single spaces', () => {
    expect(['U.S.', 'Xhaçka’s', 'Edi   Rama', 'O’Brien'].map(nameKey)).toEqual(['us', 'xhacka', 'edi rama', "o'brien"]);
  });
});

describe('what a name is', () => {
  it('lexiconKind: the lexicon’s places and organisations, news staples, and a direction before a place', () => {
    expect(['iran', 'tirana', 'gaza strip', 'northern ireland'].map(lexiconKind)).toEqual(['place', 'place', 'place', 'place']);
    expect(['hamas', 'toyota'].map(lexiconKind)).toEqual(['organization', 'organization']);
    // An organisation noun alone ("inc") names nothing; an unknown full name is left to the evidence.
    expect(['inc', 'john smith'].map(lexiconKind)).toEqual([null, null]);
  });

  it('hasOrgCue: an organisation noun at the end, or heading "of", or before a place only', () => {
    expect(['interior ministry', 'ministry of finance', 'imperial college london', 'procter & gamble'].map((n) => hasOrgCue(words(n)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['gulf of mexico', 'edi rama', 'ministry'].map((n) => hasOrgCue(words(n)))).toEqual([false, false, false]);
  });

  it('hasPlaceCue: a place noun at the end, a place prefix, a country last, a place noun heading "of"', () => {
    expect(['gaza strip', 'st louis', 'mainland china', 'gulf of mexico'].map((n) => hasPlaceCue(words(n)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['ministry of finance', 'edi rama'].map((n) => hasPlaceCue(words(n)))).toEqual([false, false]);
  });

  it('headTakesOf: organisations, places and titles keep "of" in their name, a surname does not', () => {
    expect(['ministry', 'republic', 'secretary', 'carter'].map(headTakesOf)).toEqual([true, true, true, false]);
  });

  it('isDemonym: the lexicon’s demonyms, those derived from its places, and group adjectives', () => {
    expect(['israeli', 'albanians', 'slovenian', 'ukrainians', 'democratic', 'catholic'].map(isDemonym)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['rama', 'minister'].map(isDemonym)).toEqual([false, false]);
  });

  it('isCountryLike: countries, and the acronyms compromise reads as pronouns', () => {
    expect(['us', 'uk', 'iran', 'paris'].map(isCountryLike)).toEqual([true, true, true, false]);
  });

  it('isCalendarWord: days, months and holidays, but not the months that are given names', () => {
    expect(['Monday', 'Sept.', 'Ramadan', 'May', 'Rama'].map(isCalendarWord)).toEqual([true, true, true, false, false]);
  });

  it('isGivenName, isNonEntityAcronym, isCommonPlural', () => {
    expect(['john', 'mary', 'lapid'].map(isGivenName)).toEqual([true, true, false]);
    expect(['ceo', 'gdp', 'mek', 'nato'].map(isNonEntityAcronym)).toEqual([true, true, false, false]);
    expect(['foods', 'bears', 'jones', 'lewis'].map(isCommonPlural)).toEqual([true, true, false, false]);
  });

  it('isListedPersonName: a given name of the Moby lists before a word that can be a surname', () => {
    // "harmon", "mal", "miles" are given names compromise does not know as such.
    expect(['harmon', 'mal', 'miles'].map(isGivenName)).toEqual([false, false, false]);
    expect([words('harmon vostrikel'), words('mal quendry'), words('miles c bubanek')].map(isListedPersonName)).toEqual([true, true, true]);
    // "gil" is a surname to compromise too.
    expect(isListedPersonName(words('gil hodgeman'))).toBe(true);
    // The last word an ordinary English word, a place, or a name the list does not hold: not so read.
    expect([words('emory wheel'), words('augusta national golf club course'), words('harmon'), words('zorvel vostrikel')].map(isListedPersonName)).toEqual([false, false, false, false]);
    // A given name that is also a place compromise knows ("Dallas"), or an ordinary word of another part of speech
    // ("West", an adjective too), is left out; one that is an ordinary noun only ("Hunter", "Jean") counts right before
    // a surname, and only there.
    expect([words('dallas vostrikel'), words('west vostrikel')].map(isListedPersonName)).toEqual([false, false]);
    expect([words('hunter vostrikel'), words('jean moffatte'), words('jean b moffatte')].map(isListedPersonName)).toEqual([true, true, false]);
  });
});

describe('sentence-initial capitals', () => {
  it('looksLikeCommonWord: function words and known common words are, unknown names are not', () => {
    expect(['Following', 'Today', 'Especially', 'However', 'Comments'].map(looksLikeCommonWord)).toEqual([true, true, true, true, true]);
    expect(['Erling', 'Lapid'].map(looksLikeCommonWord)).toEqual([false, false]);
  });

  it('isFunctionWord: words compromise knows only as function words', () => {
    expect(['however', 'among', 'several', 'minister', 'rama'].map(isFunctionWord)).toEqual([true, true, true, false, false]);
  });
});

describe('typed names', () => {
  it('typoBudget: none up to 3 letters, one up to 6, two beyond', () => {
    expect(['us', 'ram', 'rama', 'xhacka', 'zakharova'].map(typoBudget)).toEqual([0, 0, 1, 1, 2]);
  });

  it('takes "Hotel X" and "Camp X" for places by their first word, and "counties", "parishes", "cities" for plural kinds of place', () => {
    expect(hasPlaceCue(['hotel', 'warrick'])).toBe(true);
    expect(hasPlaceCue(['camp', 'david'])).toBe(true);
    expect(['counties', 'parishes', 'cities', 'townships'].map(isPluralPlaceNoun)).toEqual([true, true, true, true]);
    expect(['owners', 'county', 'states'].map(isPluralPlaceNoun)).toEqual([false, false, false]);
  });
});
