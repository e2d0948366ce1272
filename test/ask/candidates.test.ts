// Candidates: an answer that spans a sentence and the neighbour that completes it, and the text that follows it.
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask/ask.js';
import { loadStory } from '../../src/engine/story.js';
import { answerIn, askContextOf, contextOf, harbourArticles } from './story-context.js';

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
    // The next paragraph (a councillor praising the treasurer) is about something else: the reading-on stops.
    expect(r.answer!.text).toBe(paragraph);
    expect(ask(harbour, 'How much did the repairs cost?', { readingOnSubject: false }).answer!.text.startsWith(`${paragraph}\n\nCouncillor Ravi Shah`)).toBe(true);
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

  it('reads on past a paragraph break only into sentences on the answer’s subject (issue 15)', async () => {
    const seeds = askContextOf(await loadStory({ corpusDir: 'corpus', cacheDir: null }));
    // "The MEK backed Ayatollah Khomeini…" and "Iran rejected the accusation…" follow, about something else.
    const nato = 'Following the collapse of its communist government in the early 1990s, Albania has transformed into a steadfast ally of the United States and the West, officially joining NATO in 2009.';
    expect(answerIn(seeds, 'When did Albania join NATO?')).toBe(nato);
    expect(ask(seeds, 'When did Albania join NATO?', { readingOnSubject: false }).answer!.text).toMatch(/^Following .*\n\nThe MEK backed Ayatollah Ruhollah Khomeini/s);
    expect(answerIn(seeds, 'What is the MEK?')).toBe(
      'The two countries have been bitter foes for years, since the Balkan state began hosting members of the opposition People’s Mujahideen of Iran, or Mujahedeen-e-Khalq (MEK), on its soil.',
    );
    // A paragraph that opens by referring back ("And what do friends do?") goes on; its own paragraph is read on whole.
    expect(answerIn(seeds, 'Lapid true friend of Israel')).toBe(
      'Said Lapid during the meeting with Rama, “You have been a true friend of Israel for decades.”\n\nAnd what do friends do? They help each other. Especially when facing Iran.',
    );
  });

  it('keeps the answer within the 400 characters a reader sees', () => {
    for (const q of ['When were the harbour bridge repairs finished?', 'Who thanked the engineers?', 'How much did the repairs cost?']) {
      expect((answerIn(harbour, q) ?? '').length).toBeLessThanOrEqual(400);
    }
  });
});
