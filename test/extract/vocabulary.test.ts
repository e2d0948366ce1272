import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_SPEECH_VERBS,
  ATTRIBUTION_TITLES,
  CAPITALISED_TITLE_WORDS,
  HONORIFICS,
  honorificGender,
  honorificKeepsName,
  honorificMakesSurname,
  isWifeHonorific,
  singularTitle,
  INVERTED_SPEECH_VERBS,
  QUOTED_SPEAKER_CUES,
  ROLES_BEFORE_NAME,
  SPEECH_VERBS,
  TITLES,
  TITLES_AFTER_INSTITUTIONS,
  isRoleNoun,
  isSpeakerNoun,
  isTitle,
} from '../../src/extract/vocabulary.js';

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] => [...a].filter((w) => !b.has(w)).sort();

describe('speech verbs', () => {
  it('the attributor reads every speech verb but "states", "urged" and "denied"', () => {
    expect(minus(SPEECH_VERBS, ATTRIBUTION_SPEECH_VERBS)).toEqual(['denied', 'denies', 'states', 'urged', 'urges']);
    expect(minus(ATTRIBUTION_SPEECH_VERBS, SPEECH_VERBS)).toEqual([]);
    for (const w of ['said', 'says', 'saying', 'told', 'tweeted', 'insisted', 'quipped']) expect(SPEECH_VERBS.has(w)).toBe(true);
  });

  it('the verbs written before their subject are common speech verbs, not "told" or "asked"', () => {
    expect([...INVERTED_SPEECH_VERBS].sort()).toEqual(
      ['added', 'adds', 'continued', 'explained', 'insisted', 'noted', 'recalled', 'said', 'says', 'wrote'],
    );
    expect(minus(INVERTED_SPEECH_VERBS, SPEECH_VERBS)).toEqual([]);
  });

  it('the cues of a quoted speaker are speech verbs, "called" and "according"', () => {
    expect(minus(QUOTED_SPEAKER_CUES, SPEECH_VERBS)).toEqual(['according', 'called', 'calls']);
  });
});

describe('titles', () => {
  it('the attributor strips every title but "player", a surname too', () => {
    expect(minus(TITLES, ATTRIBUTION_TITLES)).toEqual(['player']);
  });

  it('honorifics and the titles after an institution are titles', () => {
    expect([...HONORIFICS].sort()).toEqual(['dame', 'hon', 'lord', 'mesdames', 'messrs', 'miss', 'mmes', 'mr', 'mrs', 'ms', 'mx', 'sir']);
    expect(minus(HONORIFICS, TITLES)).toEqual([]);
    expect(minus(TITLES_AFTER_INSTITUTIONS, TITLES)).toEqual([]);
  });

  it('/ask’s title words add the department words and a plural to titles', () => {
    expect(minus(CAPITALISED_TITLE_WORDS, TITLES)).toEqual(['defence', 'defense', 'foreign', 'interior', 'ministers']);
  });

  it('/ask’s roles before a name add sports and arts roles to titles', () => {
    expect(minus(ROLES_BEFORE_NAME, TITLES)).toEqual(
      'athlete boss champion comedian cricketer footballer keeper medallist musician runner sprinter star'.split(' '),
    );
  });

  it('isTitle takes a hyphenated title by its last part', () => {
    expect(['minister', 'vice-president', 'ex-minister', 'co-founder'].map(isTitle)).toEqual([true, true, true, true]);
    expect(['ministry', 'well-known'].map(isTitle)).toEqual([false, false]);
  });
});

describe('role nouns', () => {
  it('isRoleNoun: a title or an actor noun, singular, not a relation', () => {
    expect(['minister', 'spokesperson', 'nurse', 'dealer', 'economist'].map(isRoleNoun)).toEqual([true, true, true, true, true]);
    expect(['ministers', 'friend', 'mother', 'company', 'statement'].map(isRoleNoun)).toEqual([false, false, false, false, false]);
  });

  it('isSpeakerNoun is wider: plurals, relations, sources and agent nouns speak too', () => {
    for (const w of ['minister', 'prosecutors', 'father', 'sources', 'witnesses', 'councilwoman', 'lobbyist']) {
      expect([w, isSpeakerNoun(w)]).toEqual([w, true]);
    }
  });

  it('isSpeakerNoun leaves out speech verbs, documents and organisations', () => {
    expect(['said', 'statement', 'company', 'rejected'].map(isSpeakerNoun)).toEqual([false, false, false, false]);
  });

  it('reads what each honorific says from one table: gender, surname, display name, a wife in a couple', () => {
    const keys = ['mr', 'mrs', 'ms', 'miss', 'lord', 'messrs', 'mmes', 'sir', 'dr'];
    expect(keys.map(honorificGender)).toEqual(['m', 'f', 'f', 'f', 'm', undefined, undefined, undefined, undefined]);
    expect(keys.map(honorificMakesSurname)).toEqual([true, true, true, false, true, true, true, false, false]);
    expect(keys.map(honorificKeepsName)).toEqual([false, true, true, true, true, false, false, false, false]);
    expect(keys.map(isWifeHonorific)).toEqual([false, true, false, false, false, false, true, false, false]);
    for (const k of keys.slice(0, 7)) expect(HONORIFICS.has(k)).toBe(true);
  });

  it('singularTitle: a plural title abbreviation ending a role, for one person', () => {
    expect(['US Sens.', 'Reps.', 'Drs.', 'Govs', 'Sen.', 'Senators'].map(singularTitle)).toEqual(['US Sen.', 'Rep.', 'Dr.', 'Gov', 'Sen.', 'Senators']);
  });
});
