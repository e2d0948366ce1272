// Discord's message limits, and cutting text to fit them at a sentence or word boundary.
import { escapeMarkdown } from 'discord.js';

/** Documented Discord limits (characters unless stated). */
export const Limits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Across every embed of one message: titles, descriptions, field names and values, footers, authors. */
  embedsTotal: 6000,
  embeds: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  buttonUrl: 512,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/**
 * Fits `text` into `max` characters: unchanged when it fits, otherwise cut after the last sentence
 * that fits (if that keeps at least half), else at the last word, else mid-word, and marked with "…".
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  const head = safeSlice(text, max - 1);
  const sentence = lastSentenceEnd(head);
  if (sentence >= head.length / 2 && sentence + 2 <= max) return `${head.slice(0, sentence)} ${ELLIPSIS}`;
  const space = head.search(/\s\S*$/);
  const cut = space > head.length / 4 ? head.slice(0, space) : head;
  return `${dropDanglingEscape(cut.trimEnd())}${ELLIPSIS}`;
}

/** The index just past the last sentence-ending punctuation (with closing quotes) followed by a space. */
function lastSentenceEnd(text: string): number {
  let end = -1;
  for (const m of text.matchAll(/[.!?…]['"’”)\]]*(?=\s)/g)) end = m.index + m[0].length;
  return end;
}

/** Never split a surrogate pair (an emoji would turn into garbage). */
function safeSlice(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/** A cut after an odd run of backslashes would escape the "…" or whatever follows. */
function dropDanglingEscape(text: string): string {
  const run = /\\+$/.exec(text)?.[0].length ?? 0;
  return run % 2 === 1 ? text.slice(0, -1) : text;
}

/** Article text shown as-is: markdown characters escaped, so `*` or `_` in an excerpt stay literal. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { maskedLink: true });
}

/** Escapes, then fits: the cut never leaves half an escape sequence. */
export function fitEscaped(text: string, max: number): string {
  return truncate(escapeText(text), max);
}

/** The URL itself when it is a valid http(s) link Discord accepts on a button, else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const href = parsed.href;
    return href.length <= Limits.buttonUrl ? href : null;
  } catch {
    return null;
  }
}

/** A markdown link `[text](url)`; brackets in the text and parentheses in the url are escaped. */
export function markdownLink(text: string, url: string | null): string {
  const label = escapeMarkdown(text).replace(/[[\]]/g, (c) => `\\${c}`);
  const href = safeUrl(url);
  if (!href) return label;
  return `[${label}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
