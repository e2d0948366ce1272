// Text a person typed, cleaned of what doesn't show: the one definition of "invisible" characters, used both to read a
// question (src/ask/input.ts) and to echo it back (src/present/sanitize.ts).

/** Line breaks, tabs and other whitespace controls: read as a space. */
export const CONTROL_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * C0 and C1 control characters (NUL, escape, backspace, DEL…), zero-width characters (U+200B–U+200D, the word
 * joiner and invisible operators, U+FEFF, the Mongolian vowel separator, the soft hyphen), bidirectional controls
 * (the LRM/RLM/ALM marks, embeddings, overrides and isolates), interlinear annotation marks and unpaired surrogates:
 * none of them shows, and each can hide, reorder or corrupt what is shown around it.
 */
export const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it is for
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Invisible and control characters removed, whitespace collapsed to single spaces, trimmed. */
export function cleanTyped(text: string): string {
  return text.replace(CONTROL_SPACE, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
