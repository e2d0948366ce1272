// The question as the ranking reads it: its terms, their roles and families, its phrases and names.
import { describe, expect, it } from 'vitest';
import { analyzeQuestion, ask, rankCandidates } from '../../src/ask/ask.js';
import { answerIn, contextOf, filler, roads } from './story-context.js';

describe('analyzeQuestion', () => {
  it('takes the measure a "how fast / how tall" question asks for as its kind, not a word the answer must hold', async () => {
    const economy = await contextOf({ body: 'Growth was fast in 2004. The economy grew 1.1% in 2004.' });
    expect(analyzeQuestion(economy, 'How fast did the economy grow?').terms.map((t) => t.term)).not.toContain('fast');
    expect(analyzeQuestion(economy, 'Was growth fast?').terms.map((t) => t.term)).toContain('fast');
  });
});

const elvis = await contextOf(
  {
    body:
      'Early recordings by Elvis Presley failed to sell at the auction.\n\n' +
      'A signed Elvis film poster fetched $500 from a dealer in Leeds.\n\n' +
      'Bidding was slow all day, the auctioneers said.\n\n' +
      'A signed Presley photograph fetched $2,115.',
  },
  filler(40),
);

describe('ask: a person asked about by first name', () => {
  const auction = (surnamesOf?: (first: string) => readonly string[]) => ({ ...elvis, surnamesOf });

  it('is found by the surname the articles give them in full ("Elvis" → "Presley")', () => {
    const q = 'how much did the signed elvis photo go for?';
    expect(answerIn(auction((first) => (first === 'elvis' ? ['Presley'] : [])), q)).toContain('$2,115');
    // The story's own people ("Elvis Presley" named in full) do the same.
    expect(answerIn(elvis, q)).toContain('$2,115');
    // Without the people the articles name, the sentence that says "Elvis" wins.
    expect(ask(auction(), q).answer?.citation.excerpt ?? '').not.toContain('$2,115');
  });

  it('is not matched by a surname the question already gives, or one the articles also write in lower case', () => {
    const calls: string[] = [];
    const ctx = auction((first) => (calls.push(first), first === 'elvis' ? ['Presley'] : []));
    expect(analyzeQuestion(ctx, 'What did Elvis Presley record?').terms.find((t) => t.term === 'elvi')?.family.has('preslei')).toBe(false);
    expect(analyzeQuestion(ctx, 'What did Elvis sign?').terms.find((t) => t.term === 'elvi')?.family.has('preslei')).toBe(true);
    expect(calls).toContain('elvis');
  });
});

const ministers = await contextOf({
  body:
    'The defense lawyer, Mark Olsen, met the foreign minister in Oslo.\n\n' +
    'The new defense minister, Karin Lund, toured the naval base in Bergen.',
});

describe('ask: phrases of the question', () => {
  it('ranks the sentence holding the phrase ("defense minister") above one using its words apart', () => {
    const ranked = rankCandidates(ministers, 'Who is the defense minister?');
    expect(ranked[0]!.passage.sentence.text).toContain('Karin Lund');
    const apart = ranked.find((s) => s.passage.sentence.text.includes('Mark Olsen'))!;
    expect(apart.strictCoverage).toBeLessThan(ranked[0]!.strictCoverage);
  });
});

const match = await contextOf(
  {
    body:
      'Ronan Kerr kicked a 40m penalty late on to draw level at 12-12 after his side missed three.\n\n' +
      'Kerr converted and then thumped over a 40m penalty to give the visitors a 28-8 advantage.',
  },
  roads,
);

describe('ask: a possessive in the question', () => {
  it('is not a phrase with the word after it: "Kerr\'s 40m penalty" is told "Kerr … a 40m penalty"', () => {
    const q = analyzeQuestion(match, "What was the score after Kerr's 40m penalty?");
    expect(q.phrases.map(([a, b]) => `${a.term} ${b.term}`)).toEqual(['40m penalti']);
    expect(q.nameGroups).toBe(2);
    expect(analyzeQuestion(match, 'What was the score after the Kerr 40m penalty?').phrases.map(([a, b]) => `${a.term} ${b.term}`)).toEqual(['kerr 40m', '40m penalti']);
    // Both sentences name Kerr and a 40m penalty; the one that puts them apart holds the score.
    expect(ask(match, "What was the score after Kerr's 40m penalty?").answer?.citation.excerpt).toContain('28-8');
  });
});
