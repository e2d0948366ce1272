// Matching the question's terms in a sentence: word families, synonyms, surnames, pronouns, demonyms, amounts, dates.
import { describe, expect, it } from 'vitest';
import { analyzeQuestion, rankCandidates } from '../../src/ask/ask.js';
import { askDefaults } from '../../src/ask/tuning.js';
import { answerIn, candidate, contextOf, creditOf, filler, harbourArticles } from './story-context.js';

const harbour = await contextOf(...harbourArticles);

describe('ask: matching the question to the articles', () => {
  it('finds a word of the same family ("won" → "winner") through WordNet', () => {
    expect(answerIn(harbour, 'Who won the design contest?')).toContain('Tomas Berg');
  });

  // The verb form is found ("Shah spoke at City Hall on Tuesday." ranks first, coverage 1), and the entity index knows
  // "City Hall" for a place (and "Mayor Ellen Park" for a person with the title Mayor), so the where-question has its answer.
  it('finds an irregular verb form ("spoke" for "speak")', () => {
    expect(answerIn(harbour, 'Where did Shah speak?')).toContain('City Hall');
  });

  it('finds a word the articles never use as a WordNet synonym of its common senses ("writers" → "authors")', async () => {
    const prize = await contextOf(
      { body: 'Three authors from Ireland made the shortlist in 2004. The jury met in Dublin on Monday.' },
      filler(40),
    );
    expect(analyzeQuestion(prize, 'How many writers from Ireland made the shortlist?').terms.find((t) => t.term === 'writer')?.synonyms).toContain('author');
    expect(answerIn(prize, 'How many writers from Ireland made the shortlist?')).toContain('Three authors');
  });

  it('finds a full name the question gives in the surname a later mention uses ("Gordon Brown" → "Mr Brown")', async () => {
    const budget = await contextOf(
      {
        body:
          'Chancellor Gordon Brown delivered his pre-Budget report on Thursday.\n\n' +
          'Mr Brown forecast growth of between 3% and 3.5% for next year. Critics called the figures optimistic.',
      },
      filler(200),
    );
    const q = 'What growth did Gordon Brown forecast?';
    expect(answerIn(budget, q)).toContain('3.5%');
    const gordon = (options: Partial<typeof askDefaults>) => creditOf(budget, q, 'Mr Brown', 'gordon', options);
    // Without it, "Gordon" is only found in the paragraph before (half credit).
    expect(gordon({})).toBe(askDefaults.surnameCredit);
    expect(gordon({ surnameCredit: 0 })).toBeLessThan(askDefaults.surnameCredit);
  });

  it('credits a name to a sentence that refers back to it by a pronoun, across a paragraph break too', async () => {
    const court = await contextOf(
      {
        body:
          'Singer Mara Quill has been spared jail for assault and drug offences.\n\n' +
          'She had two court appearances, first pleading no contest to attacking a woman with a bottle.',
      },
      filler(200),
    );
    const q = 'What did Mara Quill attack a woman with?';
    const quill = (options: Partial<typeof askDefaults>) => creditOf(court, q, 'She had', 'quill', options);
    expect(quill({})).toBe(askDefaults.pronounCredit);
    // Without it, the name is only found across the paragraph break (half credit) and the first sentence wins.
    expect(quill({ pronounCredit: 0 })).toBe(askDefaults.acrossParagraphCredit);
    expect(rankCandidates(court, q)[0]!.passage.sentence.text).toMatch(/^She had/);
    expect(rankCandidates(court, q, { pronounCredit: 0 })[0]!.passage.sentence.text).toMatch(/^Singer/);
  });

  it('reads "set you back" as asking for a price, not as words the answer must hold', async () => {
    const shop = await contextOf({ body: 'The new console from Vexa is likely to cost between £130 and £200 when it goes on sale.' }, filler(40));
    const q = 'What will the new Vexa console set you back?';
    expect(analyzeQuestion(shop, q).type).toBe('money');
    expect(analyzeQuestion(shop, q).terms.map((t) => t.term)).not.toContain('back');
    expect(answerIn(shop, q)).toContain('£130');
  });

  it('reads a keyword query\'s name and common word as separate words, not a phrase ("MOIS sanctions")', async () => {
    const sanctions = await contextOf(
      {
        body:
          'Washington imposed sanctions on the Ministry of Intelligence and Security (MOIS) in September.\n\n' +
          'The new sanctions were discussed in a press release on Friday. Analysts said the MOIS runs many proxies.',
      },
      filler(200),
    );
    expect(analyzeQuestion(sanctions, 'MOIS sanctions').phrases).toEqual([]);
    expect(analyzeQuestion(sanctions, 'What were the MOIS sanctions?').phrases.map(([a, b]) => `${a.term} ${b.term}`)).toEqual(['mois sanction']);
    expect(answerIn(sanctions, 'MOIS sanctions')).toMatch(/^Washington imposed sanctions/);
  });

  it('reads amounts written with a unit suffix ("£264m", "$4.5bn") as amounts, and day-first dates as dates', async () => {
    const budget = await contextOf({
      body:
        'The health minister announced new money for hospital services across Wales.\n\n' +
        'She also announced £264m for hospital services on Wednesday.\n\n' +
        'The plan for hospital services runs from 20-30 January.\n\n' +
        'The hospital services plan was first discussed by the health minister last year.',
    });
    expect(answerIn(budget, 'How much did the health minister announce for hospital services?')).toContain('£264m');
    expect(answerIn(budget, 'When does the plan for hospital services run?')).toContain('20-30 January');
  });

  it('reads a number word with a capital inside a sentence as a word of a name, not a count ("Million Dollar Baby")', async () => {
    const awards = await contextOf({
      body:
        'Million Dollar Baby did not figure in the Bafta nominations, giving Vera Drake a clear run.\n\n' +
        'Vera Drake is nominated in 11 categories at the Bafta awards.',
    });
    expect(candidate(awards, 'How many Bafta nominations has Vera Drake got?', 'Million').typed).toBe(true); // at the start of the sentence it may count
    const named = await contextOf({ body: 'The film Million Dollar Baby did not figure in the Bafta nominations for Vera Drake.\n\nVera Drake is nominated in 11 categories at the Bafta awards.' });
    // (Judged on the sentence alone: the answer's text reading on into the next paragraph would show the count there.)
    const alone = { contextAcrossParagraphs: false };
    expect(candidate(named, 'How many Bafta nominations has Vera Drake got?', 'The film', alone).typed).toBe(false);
    expect(answerIn(named, 'How many Bafta nominations has Vera Drake got?')).toMatch(/^Vera Drake is nominated in 11/);
  });

  it('answers a how-long question with a stretch of time, with or without a figure ("less than a week")', async () => {
    const trial = await contextOf({
      body:
        'The adviser Jo Marsh worked for the singer on his image in 2003.\n\n' +
        'Lawyers said Ms Marsh worked for the singer for less than a week before she was fired.\n\n' +
        'Ms Marsh told the court she was fired by the singer in 2003.',
    });
    expect(answerIn(trial, 'How long did Marsh work for the singer before she was fired?')).toMatch(/^Lawyers said/);
  });

  it('takes a who-question\'s person from the sentence the answer reads on into across a paragraph break', async () => {
    const trial = await contextOf(
      {
        body:
          'A PR expert has told the fraud trial of the singer Tom Vale that the documentary was a disaster.\n\n' +
          'Ann Kite told the court she was hired to manage the fallout after the programme aired.',
      },
      filler(40),
    );
    const q = 'Who is the PR expert giving evidence at the Tom Vale fraud trial?';
    expect(rankCandidates(trial, q)[0]!.typed).toBe(true);
    expect(answerIn(trial, q)).toContain('Ann Kite');
    expect(rankCandidates(trial, q, { contextAcrossParagraphs: false })[0]!.typed).toBe(false);
  });

  it('answers a which-question with a sentence that names something the question does not', async () => {
    const team = await contextOf({
      body:
        'The team kicks extra points in every practice session at the stadium.\n\n' +
        'Coach Ellis said Moritz kicks extra points better than anyone.',
    });
    expect(answerIn(team, 'Which player kicks extra points in practice sessions?')).toContain('Moritz');
  });

  it('finds a country as its people when no ending rule relates them ("Britain" → "British", "Netherlands" → "Dutch")', async () => {
    const prize = await contextOf(
      { body: 'Three British authors made the shortlist. Two Dutch painters won prizes at the fair.' },
      filler(40),
    );
    expect(creditOf(prize, 'How many authors from Britain made the shortlist?', 'Three British', 'britain')).toBe(askDefaults.demonymCredit);
    expect(answerIn(prize, 'How many painters from the Netherlands won prizes?')).toContain('Two Dutch painters');
  });

  it('finds a country by its other names ("America" / "US", "Britain" / "UK"), not by any two-letter code', async () => {
    const oil = await contextOf(
      { body: 'Stocks of US crude are 9% higher than a year ago. UK output fell. IT spending rose.' },
      filler(40),
    );
    expect(creditOf(oil, "How big are America's crude stocks?", 'Stocks of US', 'america')).toBe(askDefaults.demonymCredit);
    expect(creditOf(oil, "What happened to Britain's output?", 'UK output', 'britain')).toBe(askDefaults.demonymCredit);
    // "IT" is Italy's code and information technology: not taken for Italy.
    expect(creditOf(oil, 'What rose in Italy?', 'IT spending', 'itali')).toBe(0);
  });

  it('reads a number as a count, not the years of a date', () => {
    expect(answerIn(harbour, 'How much did the repairs cost?')).toContain('$48 million');
  });
});
