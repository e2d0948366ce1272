// What the engine accepts as a question: a cap on its length, its word count and (in the index's search options) the
// length of a word matched by prefix or typo, so that no input of any length costs more than a question does; and
// the reading of what people type (invisible characters, ALL CAPS, a stray token after the question mark).
import { cleanTyped } from '../text/clean.js';

/** Every cap, with its reason. A question over one gets a QuestionError that says which and by how much. */
export const QUESTION_LIMITS = {
  /** Discord's own option limit is 6,000; a question is a sentence or two. */
  maxChars: 1_000,
  /** Each word is a lookup in the index. */
  maxWords: 60,
} as const;

export type QuestionErrorCode = 'empty' | 'too-long' | 'too-many-words';

/** A question the engine won't take; the message is for the person who asked. */
export class QuestionError extends Error {
  constructor(
    readonly code: QuestionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QuestionError';
  }
}

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * The question as the engine reads it. Invisible, control and bidi characters are ignored; a question in ALL CAPS is
 * read as if typed in lower case (names are then found as the articles write them); a short token after the last
 * question mark ("Who is Rama? 5") is a stray keystroke, not part of the question. Throws QuestionError when the
 * question is empty or over a cap.
 */
export function prepareQuestion(raw: string): string {
  const clean = cleanTyped(raw);
  if (!clean) throw new QuestionError('empty', 'The question is empty: type a question about the story.');
  if (clean.length > QUESTION_LIMITS.maxChars) {
    throw new QuestionError('too-long', `The question is ${thousands(clean.length)} characters long; ask in at most ${thousands(QUESTION_LIMITS.maxChars)}.`);
  }
  const words = clean.split(' ').length;
  if (words > QUESTION_LIMITS.maxWords) {
    throw new QuestionError('too-many-words', `The question has ${words} words; ask in at most ${QUESTION_LIMITS.maxWords}.`);
  }
  const trimmed = clean.replace(/\?\s*[^\p{L}?]{1,6}$/u, '?');
  return isAllCaps(trimmed) ? trimmed.toLowerCase() : trimmed;
}

/** Two or more words with letters, and not one lower-case letter among them. */
export function isAllCaps(text: string): boolean {
  const words = text.split(' ').filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && !/\p{Ll}/u.test(text);
}
