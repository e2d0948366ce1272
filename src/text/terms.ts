// The one place text becomes words: the tokenizers (search terms, name tokens, prose words, words as written), the
// word normalisers (the key names are compared in, the form search terms are made of), and the search terms
// themselves: tokens → lower case, no accents, no possessive → stop words out → irregular verb forms to their base
// ("spoke" → "speak") → Porter stem.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { boundedMemo } from '../util/collections.js';

/**
 * Bump when what terms() returns for a text changes: an index or term statistics built with another version must
 * be rebuilt (search.ts can hash it with its own version).
 */
export const TERMS_VERSION = 2;

/** English stop words (the `stopword` package's list) plus the words every question is made of. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...('what who whom whose when where why how which is are was were be been do does did has have had ' +
    'the a an of to in on at for by with from as that this these those it its their there here ' +
    'about tell me us please many much say said says ' +
    // Words that carry no topic, and contractions as normalizeWord leaves them ("can't" → "cant").
    'during nor will shall whether upon onto via per among within become becomes became becoming seem seems seemed ' +
    'cant dont doesnt didnt isnt wasnt arent werent couldnt wouldnt shouldnt hasnt havent hadnt aint wont'
  ).split(' '),
]);

/**
 * Irregular verb forms → base form, so that "Who won?" finds "will win" and "spoke" finds "speak" (the Porter
 * stemmer only strips regular endings). Forms that are just as often another word ("left", "shot", "lay",
 * "saw", "born") are left alone. "use"/"used" would stem to "us", the acronym of the United States: kept apart.
 */
const BASE_FORMS: ReadonlyMap<string, string> = new Map(
  (
    'spoke:speak spoken:speak won:win wrote:write written:write met:meet took:take taken:take gave:give given:give ' +
    'told:tell thought:think brought:bring bought:buy sought:seek held:hold began:begin begun:begin ' +
    'chose:choose chosen:choose drove:drive driven:drive ate:eat eaten:eat fought:fight forgot:forget forgotten:forget ' +
    'forgave:forgive forgiven:forgive froze:freeze frozen:freeze grew:grow grown:grow hid:hide hidden:hide knew:know ' +
    'known:know rode:ride ridden:ride ran:run sang:sing sung:sing sank:sink sunk:sink shook:shake shaken:shake ' +
    'stole:steal stolen:steal struck:strike swore:swear sworn:swear taught:teach threw:throw thrown:throw ' +
    'understood:understand woke:wake woken:wake wore:wear worn:wear broke:break broken:break caught:catch ' +
    'dealt:deal drew:draw drawn:draw fled:flee flew:fly flown:fly got:get gotten:get heard:hear kept:keep ' +
    'led:lead lent:lend lost:lose made:make meant:mean paid:pay sent:send sold:sell slept:sleep spent:spend ' +
    'stood:stand swept:sweep swung:swing tore:tear torn:tear withdrew:withdraw withdrawn:withdraw found:find ' +
    'rose:rise risen:rise fell:fall fallen:fall felt:feel ' +
    'sat:sit built:build arose:arise arisen:arise bid:bid fed:feed hung:hang shut:shut sped:speed ' +
    'use:use used:use uses:use using:use'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The base form of an irregular verb form ("spoke" → "speak"); any other word unchanged. */
export function baseForm(word: string): string {
  return BASE_FORMS.get(word) ?? word;
}

/** A normalised word (not a stop word) → its index term. */
function stem(w: string): string {
  const base = BASE_FORMS.get(w);
  return base === 'use' ? 'use' : stemmer(base ?? w);
}

// ---------------------------------------------------------------------------------------------------------------
// Word patterns. Every tokenizer reads a dotted acronym ("U.S.") as one word, and letters and digits as words; they
// differ in which marks join letters into one word, and each says why.

/** A dotted acronym: "U.S.", "U.N.". */
const DOTTED_ACRONYM = String.raw`(?:\p{Lu}\.){2,}`;

/** Letters and digits, joined into one word across the marks in `joiners` when `next` follows them. */
function joinedWord(joiners: string, next = String.raw`[\p{L}\p{N}]`): string {
  return String.raw`[\p{L}\p{N}]+(?:[${joiners}]${next}+)*`;
}

/**
 * Search terms: an apostrophe before letters joins ("don't", "Xhaçka's"), a hyphen splits ("cyber-attack" is "cyber"
 * and "attack", so that either word finds it).
 */
const TOKEN = new RegExp(`${DOTTED_ACRONYM}|${joinedWord("'’", String.raw`[\p{L}]`)}`, 'gu');

/** Names: hyphens and apostrophes join ("al-Qaeda", "O'Brien", "Jean-Pierre"); any other mark is a token of its own. */
const NAME_TOKEN = new RegExp(`(${DOTTED_ACRONYM})|(${joinedWord("-'’")})|\\S`, 'gu');

/** The reporter's prose, read by the quote attributor: dots join too ("U.S", "e.g"), as do hyphens and apostrophes. */
const PROSE_WORD = new RegExp(`${DOTTED_ACRONYM}|${joinedWord("'’\\-.")}`, 'uy');

/** A word as written, to tell its case: a letter, then letters, apostrophes and hyphens ("O’Brien's", "Sinn-Féin"). */
const CASED_WORD = /\p{L}[\p{L}'’-]*/gu;

/** The tokens of a text as written, each the source of one search term (or of a stop word). */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The prose word starting exactly at `at` in `text` (see PROSE_WORD), or null when none starts there. */
export function proseWordAt(text: string, at: number): string | null {
  PROSE_WORD.lastIndex = at;
  return PROSE_WORD.exec(text)?.[0] ?? null;
}

/** The words of a text as written (see CASED_WORD), with their offsets. */
export function casedWords(text: string): ReturnType<string['matchAll']> {
  return text.matchAll(CASED_WORD);
}

/** The text with each word as written (see CASED_WORD) replaced by `replace(word)`. */
export function mapCasedWords(text: string, replace: (word: string) => string): string {
  return text.replace(CASED_WORD, replace);
}

// ---------------------------------------------------------------------------------------------------------------
// Word normalisers.

/** "US", "U.S.", "MEK": an acronym is never a stop word ("US" is not "us") and is not stemmed. */
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** An acronym: two to six capitals, dotted or not ("US", "U.S.", "MEK"). */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/**
 * One word → the form names are compared in: lower case, no accents, curly apostrophes and backticks straightened,
 * no possessive ('s, or an apostrophe at the end), no dots: "Xhaçka's" → "xhacka", "U.S." → "us", "O’Brien" →
 * "o'brien", "People’s" → "people". An apostrophe inside a word stays.
 */
export function keyWord(word: string): string {
  return /^[A-Za-z0-9]+$/.test(word) ? word.toLowerCase() : slowKeyWord(word);
}

const slowKeyWord = boundedMemo((word: string): string =>
  foldAccents(word)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/, '')
    .replace(/'$/, '')
    .replace(/\./g, ''),
  100_000,
);

/** Text without its accents and other combining marks: "Xhaçka" → "Xhacka", "Ünal" → "Unal" (case kept). */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A word without a possessive "’s" or "'s", its case kept: "Swift’s" → "Swift", "Jones's" → "Jones". */
export function withoutPossessive(word: string): string {
  const n = word.length;
  return n > 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’') ? word.slice(0, -2) : word;
}

/**
 * One word → the form search terms are made from: its key without apostrophes, so that "O'Brien" and "OBrien",
 * "can't" and "cant" are one word ("Xhaçka's" → "xhacka", "U.S." → "us").
 */
export function normalizeWord(word: string): string {
  const key = keyWord(word);
  return key.includes("'") ? key.replace(/'/g, '') : key;
}

/** The words of a text, normalised but neither stemmed nor filtered. */
export function words(text: string): string[] {
  return wordTokens(text).map(normalizeWord).filter((w) => w.length > 0);
}

/**
 * Token as written → its term, null for a stop word, '' for no word at all. Memoised: a corpus's vocabulary is small
 * next to its tokens, and normalising and stemming each token again was most of the cost of reading sentences.
 */
const tokenTerm = boundedMemo((raw: string): string | null => {
  const w = normalizeWord(raw);
  return w.length === 0 ? '' : ACRONYM.test(raw) ? w : STOP_WORDS.has(w) ? null : stem(w);
}, 200_000);

/** One word → its index term, or null for a stop word. */
export function termOf(word: string): string | null {
  return tokenTerm(word) || null;
}

/** The tokens of a text as written, one per entry of termSequence() and words(). */
export function rawTokens(text: string): string[] {
  return wordTokens(text).filter((raw) => tokenTerm(raw) !== '');
}

/** The index term of each token of a text, in order: null for a stop word (positions are kept for proximity). */
export function termSequence(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const raw of wordTokens(text)) {
    const t = tokenTerm(raw);
    if (t !== '') out.push(t);
  }
  return out;
}

/** The index terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  return termSequence(text).filter((t): t is string => t !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Name tokens: the entity finder's tokens, every word keyed and marked for what names are made of.

export interface NameToken {
  /** The token as written (without a possessive ’s). */
  text: string;
  /** Offsets into the text that was tokenised (the possessive, if any, is after `end`). */
  start: number;
  end: number;
  key: string;
  /** A word (letters/digits), as opposed to punctuation. */
  word: boolean;
  /** Starts with a capital letter (for hyphenated words: its last part does). */
  cap: boolean;
  /** All capitals, 2–6 letters ("MEK", "U.S."). */
  acronym: boolean;
  possessive: boolean;
}

const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** A text's words (see NAME_TOKEN) and its other marks one by one, with a possessive split off its word. */
export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  for (const m of text.matchAll(NAME_TOKEN)) {
    const start = m.index;
    if (m[1] !== undefined) {
      // A dotted acronym: "U.S.", "U.N.".
      out.push({
        text: m[1],
        start,
        end: start + m[1].length,
        key: keyWord(m[1]),
        word: true,
        cap: true,
        acronym: true,
        possessive: false,
      });
      continue;
    }
    if (m[2] === undefined) {
      out.push({
        text: m[0],
        start,
        end: start + 1,
        key: m[0],
        word: false,
        cap: false,
        acronym: false,
        possessive: false,
      });
      continue;
    }
    let raw = m[2];
    let possessive = false;
    const n = raw.length;
    if (n > 2 && (raw[n - 1] === 's' || raw[n - 1] === 'S') && (raw[n - 2] === "'" || raw[n - 2] === '’')) {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    const dash = raw.lastIndexOf('-');
    const lastFirst = raw[dash + 1] ?? '';
    const cap = isUpper(lastFirst) && !isDigit(raw[0]!);
    const acronym = raw.length >= 2 && raw.length <= 6 && raw === raw.toUpperCase() && /^\p{Lu}+$/u.test(raw);
    out.push({
      text: raw,
      start,
      end: start + raw.length,
      key: keyWord(raw),
      word: true,
      cap,
      acronym,
      possessive,
    });
  }
  markPluralPossessives(out);
  return out;
}

/** "United States’ sanctions": a word ending in s followed straight by an apostrophe and then a space. */
function markPluralPossessives(out: NameToken[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const t = out[i]!;
    const next = out[i + 1]!;
    if (t.word && t.text.endsWith('s') && (next.text === "'" || next.text === '’') && next.start === t.end) {
      const after = out[i + 2];
      if (after === undefined || after.start > next.end) {
        t.possessive = true;
        out.splice(i + 1, 1);
      }
    }
  }
}
