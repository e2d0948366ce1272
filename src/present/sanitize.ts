// What storydesk echoes back of what a person typed (a question, a name, an option): shown as one plain line, without
// the characters that would hide or disguise text. The one sanitiser of echoed input, for Discord and the console alike;
// what counts as invisible is defined once, in src/text/clean.ts, where the engine reads questions with it too.
import { cleanTyped } from '../text/clean.js';

/**
 * Text a person typed, as storydesk shows it back: control characters (NUL, escape…), zero-width characters and
 * bidirectional controls removed, line breaks and tabs made spaces, whitespace collapsed to single spaces, trimmed.
 */
export function cleanEcho(text: string): string {
  return cleanTyped(text);
}
