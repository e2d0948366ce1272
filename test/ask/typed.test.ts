// Questions as people type them: chat shorthand, greetings, and names in lower case.
import { describe, expect, it } from 'vitest';
import { analyzeQuestion, ask } from '../../src/ask/ask.js';
import { answerIn, contextOf, filler } from './story-context.js';

// The story's own acronym index ("pm" for "Prime Minister"), as the bot's.
const chat = await contextOf(
  {
    body:
      'Prime Minister Lena Ortiz welcomed President Tom Reyes in Bergen on Sunday.\n\n' +
      'Norway cut its trade ties with Skyland in March. Hackers hit the Norwegian tax office in September.',
  },
  filler(40),
);

describe('ask: questions typed as people chat', () => {
  it('reads "whos" and "whats" as "who is" and "what is", and "w" as "with"', () => {
    expect(analyzeQuestion(chat, 'whos the norwegian prime minister').type).toBe('who');
    expect(analyzeQuestion(chat, 'whos the norwegian prime minister').terms.map((t) => t.term)).not.toContain('who');
    expect(analyzeQuestion(chat, 'when did norway cut ties w skyland').terms.map((t) => t.term)).not.toContain('w');
    expect(answerIn(chat, 'when did norway cut ties w skyland')).toContain('in March');
  });

  it('spells out a lower-case acronym the articles never write but give in full ("pm")', () => {
    expect(analyzeQuestion(chat, 'whos the norwegian pm').terms.map((t) => t.term)).toEqual(expect.arrayContaining(['prime', 'minist']));
    expect(answerIn(chat, 'whos the norwegian pm')).toContain('Lena Ortiz');
    // Not a word the articles use, nor one with no spelled-out name.
    expect(analyzeQuestion(chat, 'whos the norwegian xq').terms.map((t) => t.term)).toContain('xq');
  });

  it('leaves out greetings and "please", and reads "can u tell me …", "tell me about X" and "explain X"', () => {
    expect(analyzeQuestion(chat, 'pls who welcomed tom reyes 🙏').type).toBe('who');
    expect(analyzeQuestion(chat, 'pls who welcomed tom reyes 🙏').terms.map((t) => t.term)).toEqual(['welcom', 'tom', 'rey']);
    expect(analyzeQuestion(chat, 'hey, can u tell me who welcomed tom reyes').type).toBe('who');
    expect(analyzeQuestion(chat, 'explain the skyland ties').type).toBe('definition');
    expect(analyzeQuestion(chat, 'tell me about the skyland ties').type).toBe('definition');
    expect(analyzeQuestion(chat, 'r there ties w skyland').terms.map((t) => t.term)).toEqual(['ti', 'skyland']);
  });

  it('reads a lower-case word the articles write in capitals as written there ("nhs" → "NHS", not "nh")', async () => {
    const health = await contextOf({ body: 'Waiting lists at the NHS grew by 4% in June, the figures showed.' }, filler(40));
    expect(analyzeQuestion(health, 'how much did nhs waiting lists grow').terms.map((t) => t.term)).toContain('nhs');
    expect(answerIn(health, 'how much did nhs waiting lists grow')).toContain('4%');
  });

  it('takes "whats X saying" as asking for what X said, not for the word "saying"', async () => {
    const talks = await contextOf(
      {
        body:
          'Analysts were quoted as saying Ortiz would resign.\n\n' +
          '"Norway will not back down," Ortiz told reporters in Bergen.',
      },
      filler(40),
    );
    expect(analyzeQuestion(talks, 'whats ortiz saying').terms.map((t) => t.term)).toEqual(['ortiz']);
    expect(answerIn(talks, 'whats ortiz saying')).toContain('will not back down');
  });

  it('takes "what happened in September?" as asking what the articles tell of September', () => {
    expect(analyzeQuestion(chat, 'what happened in september?').terms.map((t) => t.term)).toEqual(['septemb']);
    expect(answerIn(chat, 'what happened in september?')).toContain('Hackers hit');
    expect(ask(chat, 'What happened at the World Cup final?').answer).toBeNull();
  });
});
