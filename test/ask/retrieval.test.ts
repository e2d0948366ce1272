// Retrieval: finding a question's candidates in the passage index.
import { describe, expect, it } from 'vitest';
import { rankCandidates } from '../../src/ask/ask.js';
import { answerIn, contextOf, filler } from './story-context.js';

describe('ask: retrieval of a term the index keeps whole', () => {
  it('finds an acronym ending in s ("MOIS", "NHS"), which stemming again would turn into another term', async () => {
    const spies = await contextOf(
      { body: 'The US put sanctions on the Ministry of Intelligence and Security (MOIS) in September.' },
      filler(40),
    );
    expect(rankCandidates(spies, 'What is the MOIS?').length).toBeGreaterThan(0);
    expect(answerIn(spies, 'What is the MOIS?')).toContain('Ministry of Intelligence and Security');
  });
});
