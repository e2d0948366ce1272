// A question as people type it: chat shorthand read as the question it stands for, and lower-case names capitalised.
import { isPlaceWord } from '../text/demonyms.js';
import { mapCasedWords, STOP_WORDS, termOf } from '../text/terms.js';
import type { AskContext } from './context.js';

/**
 * A question typed all in lower case ("who did rama meet in tirana") with the words the articles only ever write
 * capitalised capitalised again, so that its names are read as names.
 */
export function truecase(ctx: AskContext, question: string): string {
  if (!ctx.isNameWord || /\p{Lu}/u.test(question)) return question;
  return mapCasedWords(question, (w) => {
    const lower = w.toLowerCase().replace(/['’]s$/, '');
    const plain = termOf(lower);
    const used = ctx.stats.has(plain ?? lower);
    const short = !used && plain !== null && /^[a-z]{2,6}$/.test(lower) && !STOP_WORDS.has(lower);
    // A name the articles write in capitals ("MOIS"): as a capitalised word it would be stemmed ("Mois" → "moi").
    const caps = short ? termOf(lower.toUpperCase()) : null;
    if (caps && caps !== plain && ctx.stats.has(caps)) return w.toUpperCase();
    // An acronym the articles never write but spell out ("pm" for "Prime Minister") is written as one, to be expanded.
    if (short && lower.length <= 4 && ctx.acronyms?.().get(lower)) return w.toUpperCase();
    // A word of a name, or a country, its people or a continent the articles never mention ("africa").
    return ctx.isNameWord!(lower) || (!used && isPlaceWord(lower)) ? w[0]!.toUpperCase() + w.slice(1) : w;
  });
}

/**
 * A question as people type it in chat, read as the question it stands for: "whos" / "whats" (no apostrophe) for
 * "who is" / "what is"; "w" or "w/" for "with", "u" for "you", "r" for "are"; greetings and "please" left out;
 * "can you tell me who …" for "who …", and "tell me about X", "explain X" or "describe X" for "what is X".
 */
export function unchat(question: string): string {
  return question
    .replace(/\b(?:pls|plz|please)\b[,!]?\s*/gi, '')
    .replace(/^\s*(?:hey|hi|hello|yo|ok|okay)\b[,!]?\s*/i, '')
    .replace(/\b(who|what|where|when|how|why)s\b/gi, '$1 is')
    .replace(/(^|\s)w\/\s*/gi, '$1with ')
    .replace(/(?<=\s)w(?=\s)/g, 'with')
    .replace(/(?<=^|\s)u(?=\s|$)/g, 'you')
    .replace(/(?<=^|\s)r(?=\s)/g, 'are')
    .replace(/^\s*(?:can|could|would) you\s+/i, '')
    .replace(/^\s*tell me\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/i, '')
    .replace(/^\s*(?:tell me about|explain|describe)\s+/i, 'what is ');
}
