import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits plain sentences and keeps offsets verbatim', () => {
    const text = 'The vote was close. It passed on Tuesday!  Was it fair? Nobody knows.';
    expect(split(text)).toEqual(['The vote was close.', 'It passed on Tuesday!', 'Was it fair?', 'Nobody knows.']);
  });

  it('does not break after titles such as Gov. and Sen.', () => {
    expect(split('Gov. Jane Smith met Sen. Bob Jones. They spoke.')).toEqual(['Gov. Jane Smith met Sen. Bob Jones.', 'They spoke.']);
    // Plural titles too: "Reps. A and B", "Sens. A and B".
    expect(split('A debate between Reps. Al Berry and Joe Ratcliff is set. Sens. Ann Roe and Tom Vick agreed.')).toEqual([
      'A debate between Reps. Al Berry and Joe Ratcliff is set.',
      'Sens. Ann Roe and Tom Vick agreed.',
    ]);
  });

  it('does not break inside U.S. before a noun, but does at the end of a sentence', () => {
    expect(split('The U.S. Treasury acted. Sanctions followed.')).toEqual(['The U.S. Treasury acted.', 'Sanctions followed.']);
    expect(split('He moved to the U.S. The move was hard.')).toEqual(['He moved to the U.S.', 'The move was hard.']);
  });

  it('keeps "Jr." inside a name and ends a sentence after it when a new one opens', () => {
    expect(split('Martin Luther King Jr. spoke first. Then others did.')).toEqual([
      'Martin Luther King Jr. spoke first.',
      'Then others did.',
    ]);
    expect(split('The award went to Sammy Davis Jr. The crowd cheered.')).toEqual([
      'The award went to Sammy Davis Jr.',
      'The crowd cheered.',
    ]);
  });

  it('keeps middle initials', () => {
    expect(split('John F. Kennedy was elected. He won.')).toEqual(['John F. Kennedy was elected.', 'He won.']);
  });

  it('ends a sentence after a closing quote, not before an attribution in lower case', () => {
    const text = '“We will win.” Roll added. “It is over,” she said. “Done.” said Lee.';
    expect(split(text)).toEqual(['“We will win.”', 'Roll added.', '“It is over,” she said.', '“Done.” said Lee.']);
  });

  it('splits inside a multi-sentence quotation at each full stop', () => {
    const text = '“We saw this. Israel will help.” The end.';
    expect(split(text)).toEqual(['“We saw this.', 'Israel will help.”', 'The end.']);
  });

  it('does not split decimals, times or ellipses mid-sentence', () => {
    expect(split('Growth was 3.5 percent at 5 p.m. on Friday… and more. Next.')).toEqual([
      'Growth was 3.5 percent at 5 p.m. on Friday… and more.',
      'Next.',
    ]);
  });

  it('keeps a trailing fragment without a full stop', () => {
    expect(split('First one. And a fragment')).toEqual(['First one.', 'And a fragment']);
  });

  it('does not break after a shortened name before a capitalised word ("James McN. Hester", "Wm. Ross")', () => {
    expect(split('The new president is Dr. James McN. Hester, dean. Wm. Ross came. He left.')).toEqual([
      'The new president is Dr. James McN. Hester, dean.',
      'Wm. Ross came.',
      'He left.',
    ]);
  });

  it('does not break after an abbreviation\'s plural possessive ("the Woodyard Bros.\' Grocery")', () => {
    expect(split("A robbery of the Woodyard Bros.' Grocery, in April of 1959. He left.")).toEqual(["A robbery of the Woodyard Bros.' Grocery, in April of 1959.", 'He left.']);
  });
});
