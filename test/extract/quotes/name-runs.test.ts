// The attributor's reading of names and speaker phrases: a capitalised run → the name and what it names
// (quotes/name-runs.ts), and the speaker noun phrases on the token stream (quotes/noun-phrases.ts).
import { describe, expect, it } from 'vitest';
import { classifyRun, type RunContext } from '../../../src/extract/quotes/name-runs.js';
import { nounPhraseBackward, nounPhraseForward } from '../../../src/extract/quotes/noun-phrases.js';
import { tokenize, type Tok } from '../../../src/extract/quotes/tokens.js';

const tokensOf = (text: string): Tok[] => tokenize(text, 0, text.length, [], []);
const noResolver = (body: string): RunContext => ({ body, resolveExternal: () => null });
const classify = (run: string) => classifyRun(noResolver(run), tokensOf(run));

describe('a capitalised run', () => {
  it('loses its titles, which tell the gender when they can', () => {
    expect(classify('Foreign Minister Olta Xhacka')).toEqual({ name: 'Olta Xhacka', kind: 'person', gender: null, titles: ['foreign', 'minister'] });
    expect(classify('Mrs. Jane Roe')).toEqual({ name: 'Jane Roe', kind: 'person', gender: 'f', titles: ['mrs'] });
  });

  it('names an organisation by its head word or as an acronym, whole', () => {
    expect(classify('US State Department')).toEqual({ name: 'US State Department', kind: 'organization', gender: null, titles: [] });
    expect(classify('MEK')).toEqual({ name: 'MEK', kind: 'organization', gender: null, titles: [] });
  });

  it('names a place the lexicon knows, a person after an organisation’s possessive, and no one by a bare title', () => {
    expect(classify('Tirana')).toEqual({ name: 'Tirana', kind: 'place', gender: null, titles: [] });
    expect(classify('Museum of Modern Art’s Alfred Barr')).toEqual({ name: 'Alfred Barr', kind: 'person', gender: 'm', titles: [] });
    expect(classify('Prime Minister')).toBeNull();
  });

  it('takes the resolver’s name and kind when it knows the name; a surname alone keeps its form (the article may give it to two people)', () => {
    const ctx: RunContext = {
      body: 'Rama',
      resolveExternal: (n) => (n === 'Rama' ? { name: 'Edi Rama', kind: 'person' } : n === 'MEK' ? { name: 'People’s Mujahideen of Iran', kind: 'organization' } : null),
    };
    expect(classifyRun(ctx, tokensOf('Rama'))).toEqual({ name: 'Rama', kind: 'person', gender: null, titles: [] });
    expect(classifyRun({ ...ctx, body: 'MEK' }, tokensOf('MEK'))).toMatchObject({ name: 'People’s Mujahideen of Iran', kind: 'organization' });
  });
});

describe('speaker noun phrases', () => {
  const forward = (text: string): string[] => nounPhraseForward(tokensOf(text), 0).map((t) => t.text);
  const backward = (text: string): string[] => {
    const tokens = tokensOf(text);
    return nounPhraseBackward(tokens, tokens.length - 1).map((t) => t.text);
  };

  it('read forward: a determiner, modifiers, names and titles, "of" before a capital', () => {
    expect(forward('the US State Department said')).toEqual(['the', 'US', 'State', 'Department']);
    expect(forward('coach Pep Smith told')).toEqual(['coach', 'Pep', 'Smith']);
    expect(forward('the Secretary of State said')).toEqual(['the', 'Secretary', 'of', 'State']);
    expect(forward('he said')).toEqual(['he']);
  });

  it('read forward: modifiers alone name no one', () => {
    expect(forward('two said')).toEqual([]);
  });

  it('read backward from the verb: a possessive owner and a role "of" a name stay in the phrase', () => {
    expect(backward('Iran’s Foreign Ministry said')).toEqual(['Iran’s', 'Foreign', 'Ministry']);
    expect(backward('a former colleague of Jane said')).toEqual(['a', 'former', 'colleague', 'of', 'Jane']);
  });
});
