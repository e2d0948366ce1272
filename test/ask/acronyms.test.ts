// The acronyms the articles spell out, and questions that use them.
import { describe, expect, it } from 'vitest';
import { AcronymIndex } from '../../src/ask/acronyms.js';
import { analyzeQuestion } from '../../src/ask/ask.js';
import { terms } from '../../src/text/terms.js';
import { contextOf, creditOf, roads } from './story-context.js';

describe('AcronymIndex', () => {
  it('spells out the acronym of a capitalised name and of the names within it', () => {
    const index = new AcronymIndex();
    index.add('Ministers had hoped to get £900m from the European Union Vet Fund.');
    expect(index.get('euvf')).toEqual(terms('European Union Vet Fund'));
    expect(index.get('eu')).toEqual(terms('European Union'));
    expect(index.get('vf')).toEqual(terms('Vet Fund'));
    // Not across a word that is not part of the name.
    expect(index.get('mh')).toBeUndefined();
  });
});

// The story's own acronym index, built from all its sentences, as the bot's is.
const awards = await contextOf(
  {
    body:
      'The Screen Actors Guild (SAG) represents film and TV actors. SAG members vote in January.\n\n' +
      'Lena Ortiz was named best actress at the Screen Actors Guild awards on Sunday.\n\n' +
      'Tom Reyes was named best actor at a ceremony in Oslo on Saturday.',
  },
  roads,
);

describe('ask: an acronym the articles both use and spell out', () => {
  it('finds the acronym in a sentence that gives the name in full', () => {
    const q = analyzeQuestion(awards, 'Who was named best actress at the SAG awards?');
    expect(q.terms.find((t) => t.term === 'sag')?.spelled).toEqual(terms('Screen Actors Guild'));
    expect(creditOf(awards, 'Who was named best actress at the SAG awards?', 'Lena Ortiz', 'sag')).toBe(1);
    // Without its index of spelled-out names, the sentence lacks the acronym.
    const bare = { ...awards, acronyms: undefined };
    expect(creditOf(bare, 'Who was named best actress at the SAG awards?', 'Lena Ortiz', 'sag')).toBeLessThan(1);
  });
});
