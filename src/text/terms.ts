// The one place text becomes search terms: tokens → lower case, no accents, no possessive → stop words out → Porter stem.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** English stop words (the `stopword` package's list) plus the words every question is made of. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...('what who whom whose when where why how which is are was were be been do does did has have had ' +
    'the a an of to in on at for by with from as that this these those it its their there here ' +
    'about tell me us please many much say said says'
  ).split(' '),
]);

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** "US", "U.S.", "MEK": an acronym is never a stop word ("US" is not "us") and is not stemmed. */
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** Lower case, accents removed, possessive "'s" dropped: "Xhaçka's" → "xhacka". */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’.]/g, '');
}

/** The words of a text, normalised but neither stemmed nor filtered. */
export function words(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(normalizeWord).filter((w) => w.length > 0);
}

/** One word → its index term, or null for a stop word. */
export function termOf(word: string): string | null {
  const w = normalizeWord(word);
  if (w.length === 0) return null;
  if (ACRONYM.test(word)) return w;
  return STOP_WORDS.has(w) ? null : stemmer(w);
}

/** The index terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(TOKEN) ?? []) {
    const w = normalizeWord(raw);
    if (w.length === 0) continue;
    if (ACRONYM.test(raw)) out.push(w);
    else if (!STOP_WORDS.has(w)) out.push(stemmer(w));
  }
  return out;
}
