// The attributor on its own: an article context built from units written out here, and the speaker the attributor
// finds for one quotation of a unit (undefined: no attribution pattern; null: a speaker the text doesn't name).
import { describe, expect, it } from 'vitest';
import { ArticleContext } from '../../../src/extract/quotes/article-context.js';
import { Attributor } from '../../../src/extract/quotes/attributor.js';
import { findQuoteSpans } from '../../../src/extract/quotes/quotes.js';
import type { Speaker, SpeakerResolver, Unit } from '../../../src/extract/quotes/speakers.js';
import { tokenize } from '../../../src/extract/quotes/tokens.js';

/** One paragraph of units (each a sentence as written), its context and its attributor. */
function article(units: string[], resolver?: SpeakerResolver): { ctx: ArticleContext; attributor: Attributor } {
  const body = units.join(' ');
  const spans = findQuoteSpans(body, 0, body.length, 1);
  const index = spans.map((_, k) => k);
  let start = 0;
  const raw = units.map((text) => {
    const unit = { paragraph: 1, start, end: start + text.length, tokens: tokenize(body, start, start + text.length, spans, index) };
    start += text.length + 1;
    return unit;
  });
  const ctx = new ArticleContext(body, raw, resolver);
  return { ctx, attributor: new Attributor(ctx) };
}

/** The speaker of the first quotation of unit `u`, as [name, kind, gender]; undefined or null as the attributor says. */
function speakerOf(units: string[], u = units.length - 1, resolver?: SpeakerResolver): [string, string, string | null] | null | undefined {
  const { ctx, attributor } = article(units, resolver);
  const unit: Unit = ctx.units[u]!;
  const found: Speaker | null | undefined = attributor.inUnit(unit, unit.tokens.findIndex((t) => t.type === 'quote'));
  return found ? [found.name, found.kind, found.gender] : found;
}

describe('the attributor reads the reporter’s words around a quotation', () => {
  it('takes the subject of a speech verb before the quotation, a surname completed from the article', () => {
    expect(speakerOf(['John Halvorsen met reporters on Monday.', 'Halvorsen said that “the appeal will be filed.”'])).toEqual([
      'John Halvorsen',
      'person',
      'm',
    ]);
  });

  it('takes the name after an inverted speech verb after the quotation, its title stripped', () => {
    // A person by the title before the name; "Pep" is no first name compromise knows, so no gender.
    expect(speakerOf(['“We played well,” said coach Pep Guardiola.'])).toEqual(['Pep Guardiola', 'person', null]);
  });

  it('takes the organisation "according to" names, whole', () => {
    expect(speakerOf(['According to the US State Department, “talks will resume.”'])).toEqual([
      'US State Department',
      'organization',
      null,
    ]);
  });

  it('resolves "she" to the woman named before, and not to a man', () => {
    expect(speakerOf(['Maria Zakharova spoke in Moscow on Monday.', '“We are grateful,” she said.'])).toEqual([
      'Maria Zakharova',
      'person',
      'f',
    ]);
    expect(speakerOf(['Maria Zakharova met John Kirby on Monday.', '“We are grateful,” he said.'])).toEqual([
      'John Kirby',
      'person',
      'm',
    ]);
  });

  it('resolves "the ministry" to the ministry named before', () => {
    expect(speakerOf(['Veldland’s Foreign Ministry issued a statement.', 'The ministry rejected the claim as “baseless”.'])).toEqual([
      'Veldland’s Foreign Ministry',
      'organization',
      null,
    ]);
  });

  it('resolves "the statement" to whoever issued it', () => {
    expect(speakerOf(['Acme Corp issued a statement on Monday.', '“We regret the error,” the statement said.'])).toEqual([
      'Acme Corp',
      'organization',
      null,
    ]);
  });

  it('finds no speaker in a passive: "he was told" reports what was said to him', () => {
    expect(speakerOf(['“Leave the building now,” he was told.'])).toBeUndefined();
  });

  it('gives null for a speaker the text doesn’t name ("they said")', () => {
    expect(speakerOf(['“It is over,” they said.'])).toBeNull();
  });

  it('takes the resolver’s canonical name for a speaker it knows', () => {
    const resolver: SpeakerResolver = { resolve: (name) => (name === 'Rama' ? { name: 'Edi Rama', kind: 'person' } : null) };
    expect(speakerOf(['“Albania stands firm,” Rama said.'], 0, resolver)).toEqual(['Edi Rama', 'person', null]);
  });
});

describe('the attributor reads a unit that introduces or follows a quotation', () => {
  it('introducesNext: "X said:" at the end of a unit is the next unit’s speaker', () => {
    const { ctx, attributor } = article(['Judge Mary Bootle read the ruling.', 'The judge said:', '“The motion is denied.”']);
    expect(attributor.introducesNext(ctx.units[1]!)).toEqual({ name: 'Mary Bootle', kind: 'person', gender: 'f' });
    expect(attributor.introducesNext(ctx.units[0]!)).toBeUndefined();
  });

  it('introducesNext: a reply in a relative clause before the colon is the speaker, not the clause before it', () => {
    const { ctx, attributor } = article([
      'Attorney Dwight Schwabe declared there is no proof of a conspiracy, to which federal prosecutor A. Lawrence Burbage replied:',
      '“It is not necessary that a defendant actually have conspired.”',
    ]);
    expect(attributor.introducesNext(ctx.units[0]!)?.name).toBe('A. Lawrence Burbage');
  });

  it('clauseOpening: a unit that is only an attribution names the speaker of a quotation beside it', () => {
    const { ctx, attributor } = article(['“We were the better side.”', 'Harry Kane told reporters after the game.']);
    expect(attributor.clauseOpening(ctx.units[1]!)).toEqual({ name: 'Harry Kane', kind: 'person', gender: 'm' });
    expect(attributor.clauseOpening(ctx.units[0]!)).toBeUndefined();
  });
});
