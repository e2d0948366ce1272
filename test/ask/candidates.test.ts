// Candidates: an answer that spans a sentence and the neighbour that completes it, and the text that follows it.
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask/ask.js';
import { answerIn, contextOf, harbourArticles } from './story-context.js';

const harbour = await contextOf(...harbourArticles);

describe('ask: answers that span a sentence and the neighbour that completes it', () => {
  it('shows the next sentence when it holds the date a when-question asks for', () => {
    const text = answerIn(harbour, 'When were the harbour bridge repairs finished?');
    expect(text).toContain('March 3, 2024');
  });

  it('shows the sentence a pronoun leans on when it names the person a who-question asks for', () => {
    expect(answerIn(harbour, 'Who thanked the engineers who rebuilt the deck?')).toContain('Ellen Park');
  });

  it('follows the answering sentence with the rest of its paragraph, marking which part answers', () => {
    const r = ask(harbour, 'How much did the repairs cost?');
    const sentence = 'The repairs cost $48 million, the city said.';
    const paragraph = `${sentence} The winner of the design contest was Tomas Berg, a local architect.`;
    expect(r.answer!.text.startsWith(`${paragraph}\n\nCouncillor Ravi Shah`)).toBe(true);
    expect(ask(harbour, 'How much did the repairs cost?', { contextAcrossParagraphs: false }).answer!.text).toBe(paragraph);
    expect(r.answer!.focus).toEqual({ start: 0, end: sentence.length });
    expect(r.answer!.text.startsWith(r.answer!.citation.excerpt)).toBe(true);
    expect(ask(harbour, 'How much did the repairs cost?', { paragraphContext: false }).answer!.text).toBe(sentence);
  });

  it('goes on past a paragraph break when the answer ends its paragraph, whole sentences within the 400 characters', () => {
    const praised = 'Councillor Ravi Shah, who chairs the transport committee, praised the defense of the budget by the city treasurer.';
    const r = ask(harbour, 'Who praised the city treasurer?');
    expect(r.answer!.text).toBe(`${praised}\n\nShah spoke at City Hall on Tuesday.`);
    expect(r.answer!.focus).toEqual({ start: 0, end: praised.length });
    // The citation stays within the paragraph it names.
    expect(r.answer!.citation.paragraph).toBe(4);
    expect(r.answer!.citation.excerpt).toBe(praised);
    expect(ask(harbour, 'Who praised the city treasurer?', { contextAcrossParagraphs: false }).answer!.text).toBe(praised);
  });

  it('keeps the answer within the 400 characters a reader sees', () => {
    for (const q of ['When were the harbour bridge repairs finished?', 'Who thanked the engineers?', 'How much did the repairs cost?']) {
      expect((answerIn(harbour, q) ?? '').length).toBeLessThanOrEqual(400);
    }
  });
});
