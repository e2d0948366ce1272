import { describe, expect, it } from 'vitest';
import { WordNet, wordNet } from '../../src/text/synonyms.js';

describe('WordNet', () => {
  const wn = wordNet();

  it('gives synonyms of a word', () => {
    expect(wn.synonyms('enemies', { senses: 4 })).toContain('foe');
  });

  it('gives the words of a word family: derivations and pertainyms', () => {
    expect(wn.derivations('win')).toContain('winner');
    expect(wn.derivations('communism')).toContain('communist');
    expect(wn.derivations('governor')).toContain('gubernatorial');
    expect(wn.derivations('relations')).toContain('relationship');
  });

  it('gives what a place is part of, so a capital stands for its country', () => {
    expect(wn.partOf('Tehran')).toContain('iran');
    expect(wn.partOf('Washington')).toContain('us');
    expect(wn.partOf('Jerusalem')).toContain('israel');
  });

  it('keeps synonyms and derivations apart, whichever is asked first', () => {
    const fresh = new WordNet(WordNet.defaultDir());
    const derivationsFirst = fresh.derivations('win');
    const synonymsAfter = fresh.synonyms('win');
    const other = new WordNet(WordNet.defaultDir());
    const synonymsFirst = other.synonyms('win');
    expect(other.derivations('win')).toEqual(derivationsFirst);
    expect(synonymsFirst).toEqual(synonymsAfter);
    expect(derivationsFirst).toContain('winner');
    expect(synonymsFirst).not.toContain('winner');
    expect(fresh.synonyms('win', { senses: 1 }).length).toBeLessThanOrEqual(synonymsAfter.length);
  });

  it('returns nothing for a word it does not know', () => {
    expect(wn.derivations('xqzzy')).toEqual([]);
    expect(wn.partOf('xqzzy')).toEqual([]);
  });
});
