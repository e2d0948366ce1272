import { describe, expect, it } from 'vitest';
import { compoundLexiconTags, lexiconOrgWords, lexiconTags } from '../../src/text/lexicon.js';

describe('the compromise lexicon', () => {
  it('gives the tags of a lower-case entry as written, none for an unknown or capitalised one', () => {
    expect(lexiconTags('prime minister')).toEqual(['Actor']);
    expect(lexiconTags('hong kong')).toEqual(['Country']);
    expect(lexiconTags('zzyzx')).toEqual([]);
    expect(lexiconTags('Hong Kong')).toEqual([]);
  });

  it('reads a hyphen as a space only when asked to look a compound up', () => {
    expect(lexiconTags('al-qaeda')).toEqual([]);
    expect(compoundLexiconTags('al-qaeda')).toEqual(['Organization']);
  });

  it('lists the words that end organisations’ names', () => {
    expect(lexiconOrgWords()).toContain('institute');
    expect(lexiconOrgWords().every((w) => w === w.toLowerCase())).toBe(true);
  });
});
