// Retrieval: finding a question's candidates in the passage index.
import { describe, expect, it } from 'vitest';
import { analyzeQuestion, rankCandidates } from '../../src/ask/ask.js';
import { MAX_QUERY_TERMS, retrievalQuery } from '../../src/ask/retrieval.js';
import { askDefaults } from '../../src/ask/tuning.js';
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

describe('ask: a question of very many words', () => {
  it('retrieves with the rarest words the articles use, however many unknown words come with them', async () => {
    const spies = await contextOf(
      { body: 'The US put sanctions on the Ministry of Intelligence and Security (MOIS) in September.' },
      filler(40),
    );
    const noise = Array.from({ length: 45 }, (_, i) => `zorblax${i}`).join(' ');
    const question = `${noise} What is the MOIS?`;
    const { query } = retrievalQuery(spies, analyzeQuestion(spies, question), askDefaults);
    // The index is searched with at most MAX_QUERY_TERMS of the question's words: the one the articles use, and
    // unknown words (each a typo search of the whole vocabulary) only up to the cap.
    expect(new Set(query.split(' ')).size).toBe(MAX_QUERY_TERMS);
    expect(query.split(' ')).toContain('mois');
    expect(rankCandidates(spies, question)[0]?.passage.sentence.text).toContain('Ministry of Intelligence and Security');
  });
});
