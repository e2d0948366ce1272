// Follow-up questions read against the previous exchange: the rules on hand-made names, then chains of questions on
// the seeds and on Brown press stories the engine was not written for, through the story's askFollowUp.
import { describe, expect, it } from 'vitest';
import { resolveFollowUp, type Exchange, type FollowUpContext, type NamedRef } from '../../src/ask/follow-up.js';
import type { FollowUpAnswer } from '../../src/engine/engine.js';
import { loadStory, type Story } from '../../src/engine/story.js';
import type { Answer } from '../../src/model/types.js';

/** Names by exact text, as the story would find them. */
function namesCtx(table: Record<string, NamedRef[]>): FollowUpContext {
  return { namesIn: (text) => table[text] ?? [] };
}

const LAPID: NamedRef = { name: 'Yair Lapid', surface: 'Lapid', kind: 'person', mentions: 6 };
const RAMA: NamedRef = { name: 'Edi Rama', surface: 'Rama', kind: 'person', mentions: 7 };

function answered(text: string): Answer {
  return { text, focus: { start: 0, end: text.length }, citation: { article: { id: 'a.md', title: 'A', outlet: null, date: '2022-10-23', url: null }, paragraph: 1, excerpt: text } };
}

describe('resolveFollowUp: the rules', () => {
  const previous: Exchange = { question: 'What did Lapid tell Rama?', answer: answered('“Iran is a threat,” Lapid told Rama.') };
  const ctx = namesCtx({
    'What did Lapid tell Rama?': [LAPID, RAMA],
    '“Iran is a threat,” Lapid told Rama.': [{ name: 'Iran', surface: 'Iran', kind: 'place' }, LAPID, RAMA],
    'What did Rama say?': [RAMA],
    'What did Rama say when he met Lapid?': [RAMA, LAPID],
    'What did Rama say when ': [RAMA],
    'Rama?': [RAMA],
    Rama: [RAMA],
  });

  it('asks a question that stands alone as it is, whatever came before', () => {
    expect(resolveFollowUp('What did Rama say?', previous, ctx)).toEqual({ question: 'What did Rama say?', kind: 'standalone', unresolved: null, readings: [], after: false });
    // "he" has a name before it in the question itself.
    expect(resolveFollowUp('What did Rama say when he met Lapid?', previous, ctx).kind).toBe('standalone');
  });

  it('reads "he" as the person the previous question named first, and "say it" as its event, whose words come along', () => {
    expect(resolveFollowUp('Where did he say it?', previous, ctx)).toEqual({
      question: 'Where did Yair Lapid say it (tell Rama)?',
      kind: 'follow-up',
      unresolved: null,
      readings: [['he', 'Yair Lapid']],
      after: false,
    });
  });

  it('completes an elliptical question from the previous one, with its own wh-word', () => {
    expect(resolveFollowUp('when?', previous, ctx).question).toBe('When did Lapid tell Rama?');
    expect(resolveFollowUp('And where was that, exactly?', previous, ctx).question).toBe('Where did Lapid tell Rama?');
    expect(resolveFollowUp('how many?', previous, ctx).question).toBe('How many did Lapid tell Rama?');
  });

  it('reads "after that" as a question about what came after the previous answer', () => {
    expect(resolveFollowUp('and what did he say after that?', previous, ctx)).toEqual({
      question: 'What did Yair Lapid say (tell Rama)?',
      kind: 'follow-up',
      unresolved: null,
      readings: [['he', 'Yair Lapid']],
      after: true,
    });
  });

  it('asks the previous question about another name for "what about X?"', () => {
    expect(resolveFollowUp('what about Rama?', { question: 'What did Lapid say?', answer: null }, namesCtx({ 'What did Lapid say?': [LAPID], 'Rama?': [RAMA] })).question).toBe(
      'What did Rama say?',
    );
  });

  it('leaves a pronoun with nothing to refer to unresolved, and an elliptical question with no question before it', () => {
    expect(resolveFollowUp('Where did he say it?', null, ctx)).toEqual({ question: 'Where did he say it?', kind: 'unresolved', unresolved: 'he', readings: [], after: false });
    const noPerson: Exchange = { question: 'When did Albania join NATO?', answer: null };
    const places = namesCtx({ 'When did Albania join NATO?': [{ name: 'Albania', surface: 'Albania', kind: 'place' }, { name: 'NATO', surface: 'NATO', kind: 'organization' }] });
    expect(resolveFollowUp('What did she say?', noPerson, places)).toMatchObject({ kind: 'unresolved', unresolved: 'she' });
    expect(resolveFollowUp('when?', null, ctx)).toMatchObject({ kind: 'unresolved', unresolved: 'when' });
    expect(resolveFollowUp('What did he say after that?', null, ctx)).toMatchObject({ kind: 'unresolved' });
    // "it" a body could be: the organisation or place the previous question named first.
    expect(resolveFollowUp('Why did it join?', noPerson, places).question).toBe('Why did Albania join?');
  });
});

/** Asks a chain of questions, each following on from the one before, as a conversation does. */
function chain(story: Story, questions: string[]): FollowUpAnswer[] {
  let previous: Exchange | null = null;
  return questions.map((q) => {
    const turn = story.askFollowUp(q, previous);
    previous = { question: turn.asked, answer: turn.result.answer };
    return turn;
  });
}

/** The answering part of an answer (its focus), or null for an abstention. */
function focusOf(turn: FollowUpAnswer): string | null {
  const a = turn.result.answer;
  return a ? a.text.slice(a.focus.start, a.focus.end) : null;
}

const seeds = await loadStory({ corpusDir: 'corpus', cacheDir: null });

describe('follow-ups on the seed articles', () => {
  it('"What did Lapid tell Rama?", "Where did he say it?" (Jerusalem), "when?" (Sunday), "and what did he say after that?"', () => {
    const [first, where, when, next] = chain(seeds, ['What did Lapid tell Rama?', 'Where did he say it?', 'when?', 'and what did he say after that?']);
    expect(focusOf(first!)).toBe('“Iran is a shared threat to both Israel and Albania,” Lapid told Rama in comments published by Israel.');
    expect(where!.asked).toBe('Where did Yair Lapid say it (tell Rama)?');
    const jerusalem = 'That was the message from Israeli Prime Minister Yair Lapid to visiting Albanian Prime Minister Edi Rama on Sunday in Jerusalem.';
    expect(focusOf(where!)).toBe(jerusalem);
    expect(when!.asked).toBe('When did Yair Lapid say it (tell Rama)?');
    expect(focusOf(when!)).toBe(jerusalem);
    expect(focusOf(when!)).toContain('on Sunday');
    // After the answer before it (paragraph 1): what Lapid said later in the article.
    expect(next!.asked).toBe('What did Yair Lapid say (tell Rama)?');
    expect(focusOf(next!)).toBe('Said Lapid during the meeting with Rama, “You have been a true friend of Israel for decades.”');
  });

  it('reads "she" after a who-question as the person its answer gave', () => {
    const [, met] = chain(seeds, ['Who is the Albanian foreign minister?', 'Who did she meet?']);
    expect(met!.asked).toBe('Who did Olta Xhacka meet?');
    expect(met!.readings).toEqual([['she', 'Olta Xhacka']]);
  });

  it('reads "they" after "Who attacked Albania?" as Iran (its answer says "Iranian-sponsored attack")', () => {
    const [, when] = chain(seeds, ['Who attacked Albania?', 'when did they do it?']);
    expect(when!.asked).toBe('When did Iran do it (attacked Albania)?');
    expect(focusOf(when!)).toContain('in July');
  });

  it('abstains on a pronoun with no referent, first of all or after a question that names no person', () => {
    for (const turns of [chain(seeds, ['Where did he say it?']), chain(seeds, ['When did Albania join NATO?', 'What did he say?'])]) {
      const last = turns.at(-1)!;
      expect(last.reading).toBe('unresolved');
      expect(last.result).toEqual({ answer: null, citations: [] });
    }
  });

  it('asks a question that stands alone as it is, even right after another', () => {
    const [, second] = chain(seeds, ['What did Lapid tell Rama?', 'When did Albania join NATO?']);
    expect(second!.reading).toBe('standalone');
    expect(second!.asked).toBe('When did Albania join NATO?');
    expect(focusOf(second!)).toContain('officially joining NATO in 2009');
  });
});

describe('follow-ups on Brown press stories', () => {
  it('brown-press: "Who won the Masters?" then "What was his total score?" (Player, not Palmer)', async () => {
    const press = await loadStory({ corpusDir: 'eval/corpora/brown-press', cacheDir: null });
    const [, score] = chain(press, ['Who won the Masters?', 'What was his total score?']);
    expect(score!.asked).toBe("What was Gary Player's total score?");
    expect(focusOf(score!)).toContain('three-round total of 206');
    const [, when, carrying] = chain(press, ['Where was Lonsdale arrested?', 'when?', 'what was he carrying?']);
    expect(when!.asked).toBe('When was Lonsdale arrested?');
    expect(focusOf(when!)).toContain('Saturday afternoon, Jan. 7');
    expect(carrying!.asked).toBe('What was Gordon A. Lonsdale carrying?');
  });

  it('brown-holdout: Moritz, then "What position is he listed at?" and "who coaches him?"; Hawksley, then what he said', async () => {
    const holdout = await loadStory({ corpusDir: 'eval/corpora/brown-holdout', cacheDir: null });
    const [, position, coach] = chain(holdout, ['How many extra points has Moritz kicked?', 'What position is he listed at?', 'who coaches him?']);
    expect(position!.asked).toBe('What position is Eldon Moritz listed at?');
    expect(focusOf(position!)).toBe('Moritz is listed on the Longhorn roster as a right halfback, the position at which he lettered on the 1956 team.');
    expect(coach!.asked).toBe('Who coaches Eldon Moritz?');
    expect(focusOf(coach!)).toContain('coach Royal');
    const [, pay] = chain(holdout, ['Who is the present city CD head?', 'What did he say the federal government would pay?']);
    expect(pay!.asked).toBe('What did Raymond H. Hawksley say the federal government would pay?');
    expect(focusOf(pay!)).toContain('would pay half the salary of a full-time local director');
  });
});
