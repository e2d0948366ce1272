// The reporter's words as the quote attributor reads them: a unit of text tokenised with every quotation as one
// token, so that patterns such as `Q, NAME said` are matched on the reporter's words only; and the tests on tokens
// the attributor's other parts share (a capitalised name, a run of them, a word of a set).
import { lexiconTags } from '../../text/lexicon.js';
import { isAcronym, normalizeWord, proseWordAt } from '../../text/terms.js';
import { weakMemo } from '../../util/collections.js';
import { ATTRIBUTION_SPEECH_VERBS, ATTRIBUTION_TITLES, TITLE_ABBREVIATIONS, isSpeakerNoun } from '../vocabulary.js';
import { CAP_STOPWORDS, COMMON_TAGS, NAME_CONNECTORS, VERB_SKIP } from './cue-words.js';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export interface QuoteSpan {
  paragraph: number;
  /** Offset of the opening quote mark. */
  open: number;
  /** The quotation itself is `body.slice(start, end)`. */
  start: number;
  end: number;
  /** Offset just past the closing mark (the paragraph's end when the quotation runs on into the next one). */
  close: number;
  closed: boolean;
}

export interface Tok {
  type: 'word' | 'punct' | 'quote';
  text: string;
  /** Lower case, curly apostrophes straightened, possessive kept. */
  lower: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: boolean;
  /** Index of the quotation (for quote tokens), else -1. */
  quote: number;
}

const ABBREVIATIONS = words('mr mrs ms mx dr prof sen rep gov gen lt col sgt capt cmdr maj supt st jr sr inc corp co ltd no vs hon rev');
const PUNCT = ',;:.!?()—–';
const LETTER = /[\p{L}\p{N}]/u;

/** The reporter's words of `body[from, to)`, with each quotation (from `spans`, sorted) as one token. */
export function tokenize(body: string, from: number, to: number, spans: readonly QuoteSpan[], spanIndex: number[]): Tok[] {
  const out: Tok[] = [];
  // Binary search for the first quotation that ends after `from`: tokenising every unit stays linear overall.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.close <= from) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  let i = from;
  while (i < to) {
    if (k < spans.length && spans[k]!.open <= i) {
      const s = spans[k]!;
      if (s.open >= from || s.close > from) {
        out.push({ type: 'quote', text: body.slice(s.start, s.end), lower: '', start: s.open, end: s.close, cap: false, possessive: false, quote: spanIndex[k]! });
        i = Math.max(i + 1, s.close);
      }
      k++;
      continue;
    }
    const ch = body[i]!;
    if (PUNCT.includes(ch) || (ch === '-' && /\s/.test(body[i + 1] ?? ' ') && /\s/.test(body[i - 1] ?? ' '))) {
      out.push({ type: 'punct', text: ch, lower: ch, start: i, end: i + 1, cap: false, possessive: false, quote: -1 });
      i++;
      continue;
    }
    const word = proseWordAt(body, i);
    if (word === null) {
      i++;
      continue;
    }
    let text = word;
    const lowerRaw = text.toLowerCase();
    if (body[i + text.length] === '.' && (ABBREVIATIONS.has(lowerRaw) || /^\p{Lu}$/u.test(text))) text += '.';
    // A plural possessive: "the trustees' statement".
    else if (/s$/.test(text) && /['’]/.test(body[i + text.length] ?? '') && !LETTER.test(body[i + text.length + 1] ?? '')) text += body[i + text.length];
    const end = Math.min(i + text.length, to);
    text = body.slice(i, end);
    const lower = text.toLowerCase().replace(/’/g, "'");
    const prevTok = out[out.length - 1];
    const sentenceInitial = !prevTok || (prevTok.type === 'punct' && /[.!?]/.test(prevTok.text));
    out.push({
      type: 'word',
      text,
      lower,
      start: i,
      end,
      // A sentence's first word is capitalised anyway: "Officials said", "Farm machinery dealer …" name no one.
      cap: (/^\p{Lu}/u.test(text) && !(sentenceInitial && isCommonWord(text, lower))) || /^(?:al|el|ad|as|an|ash|at|az)-\p{Lu}/u.test(text),
      possessive: /(?:'s|s')$/.test(lower) && lower.length > 2,
      quote: -1,
    });
    i = end;
  }
  // "Brown said": a sentence-initial word right before a speech verb is a name after all (unless it is a role).
  for (let k = 0; k + 1 < out.length; k++) {
    const t = out[k]!;
    if (t.type === 'word' && !t.cap && /^\p{Lu}/u.test(t.text) && ATTRIBUTION_SPEECH_VERBS.has(out[k + 1]!.lower) && !isSpeakerNoun(bareLower(t)) && !CAP_STOPWORDS.has(t.lower)) t.cap = true;
    // "De Miranda evokes …", "Van Buren said": a surname's particle opening the sentence, before a capitalised word.
    const next = out[k + 1]!;
    if (t.type === 'word' && !t.cap && /^\p{Lu}\p{Ll}{0,2}$/u.test(t.text) && NAME_CONNECTORS.has(t.lower) && next.type === 'word' && next.cap && next.start === t.end + 1) t.cap = true;
  }
  return out;
}

/** Ordinary vocabulary by compromise's lexicon (or a common-noun suffix), not a title: "following", "officials". */
function isCommonWord(text: string, lower: string): boolean {
  const w = normalizeWord(lower);
  if (ATTRIBUTION_TITLES.has(w) || w.length < 2 || /^\p{Lu}{2,}/u.test(text)) return false;
  const tags = lexiconTags(w);
  if (tags.length === 0) return /(?:tion|sion|ment|ness|ity|ance|ence|ism|ing)$/.test(w) && w.length > 6;
  return tags.every((tag) => COMMON_TAGS.has(tag) || tag === 'Actor');
}

/** A word without its possessive ending, normalised: "Rama’s" → "rama". */
export const base = weakMemo((t: Tok): string => normalizeWord(t.text.replace(/\.$/, '')));
export const expandTitle = (w: string): string => TITLE_ABBREVIATIONS[w] ?? w;
export const bareText = (t: Tok): string => (t.possessive ? t.text.replace(/(?:['’]s|['’])$/, '') : t.text);
/** A lower-case word without its possessive ending: "company’s" → "company", "trustees'" → "trustees". */
export const bareLower = (t: Tok): string => t.lower.replace(/'s?$/, '');

/** A capitalised word that can be part of a name (not "The", "However", a month). */
// ("A. Lawrence Burbank": an initial is no article.)
export const isCapName = (t: Tok | undefined): boolean => t !== undefined && t.type === 'word' && t.cap && (!CAP_STOPWORDS.has(base(t)) || /^\p{Lu}\.$/u.test(t.text));
/** A word token whose lower case is in `set`. */
export const isWord = (t: Tok | undefined, set: ReadonlySet<string>): boolean => t !== undefined && t.type === 'word' && set.has(t.lower);
/** An acronym, possessive or not: "MEK", "MEK’s". */
export const isAcronymName = (text: string): boolean => isAcronym(text.replace(/['’]s$/, ''));

/** A unit-initial capitalised word that is ordinary vocabulary ("Following", "Especially") is not a name. */
export function isSentenceInitialCommon(tokens: Tok[], i: number): boolean {
  const t = tokens[i]!;
  if (tokens.slice(0, i).some((x) => x.type === 'word')) return false;
  if (isAcronymName(t.text)) return false;
  // "De Miranda …", "Van Buren …": a surname's particle opening the sentence.
  if (NAME_CONNECTORS.has(t.lower) && isCapName(tokens[i + 1])) return false;
  const w = base(t);
  const tags = lexiconTags(w);
  if (tags.length === 0) return /(?:tion|sion|ment|ness|ity|ance|ence|ism|ing)$/.test(w) && w.length > 6;
  // "Children growing up …", "Analysts said": a plural of people is a common noun too.
  return tags.every((tag) => COMMON_TAGS.has(tag) || (tag === 'Actor' && tags.includes('Plural')));
}

/** The end (exclusive) of a capitalised name run starting at `i`, joining connectors between capitals. */
export function capRunEnd(tokens: Tok[], i: number): number {
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (isCapName(t)) {
      j++;
      if (t.possessive) {
        // "Iran’s Foreign Ministry" continues; "Rama’s call" ends.
        if (isCapName(tokens[j])) continue;
        break;
      }
      continue;
    }
    if (t.type === 'word' && NAME_CONNECTORS.has(t.lower) && j > i && isCapName(tokens[j + 1])) {
      j++;
      continue;
    }
    if (j > i && remitConnector(tokens, j)) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/**
 * "Center on Poverty and Inequality", "Joint Committee on Intelligence and Security": "on"/"for" after a body's head,
 * and "and" inside the remit that follows, join a name (not "Obama on Friday", not "Rama and Lapid").
 */
export function remitConnector(tokens: Tok[], j: number): boolean {
  const t = tokens[j];
  if (!t || t.type !== 'word' || t.cap || !isCapName(tokens[j + 1])) return false;
  const remitAt = (k: number): boolean => /^(?:on|for)$/.test(tokens[k]?.lower ?? '') && REMIT_HEADS.has(tokens[k - 1]?.lower ?? '') && !!tokens[k - 1]?.cap;
  if (remitAt(j)) return true;
  if (t.lower !== 'and') return false;
  for (let k = j - 1; k >= 1 && k >= j - 4; k--) {
    if (remitAt(k)) return true;
    if (!isCapName(tokens[k])) return false;
  }
  return false;
}

/** Bodies named with their remit after "on"/"for": "Committee on Foreign Relations", "Center for Disease Control". */
const REMIT_HEADS = new Set(['center', 'centre', 'committee', 'subcommittee', 'commission', 'council', 'institute', 'panel', 'board', 'task', 'force', 'office', 'bureau', 'foundation', 'coalition', 'alliance', 'campaign', 'conference', 'forum', 'society', 'association', 'agency', 'department', 'ministry', 'secretary']);

/** Skips adverbs and auxiliaries forward ("also", "later", "has"). */
export function skipForward(tokens: Tok[], i: number): number {
  let j = i;
  while (j < tokens.length && tokens[j]!.type === 'word' && (VERB_SKIP.has(tokens[j]!.lower) || isLyAdverb(tokens[j]!))) j++;
  return j;
}

/** Skips adverbs and auxiliaries backward from `i` (exclusive): the start of what stands before them. */
export function skipBackward(tokens: Tok[], i: number): number {
  let j = i;
  while (j > 0 && tokens[j - 1]!.type === 'word' && (VERB_SKIP.has(tokens[j - 1]!.lower) || isLyAdverb(tokens[j - 1]!))) j--;
  return j;
}

/** A lower-case "-ly" word that is an adverb ("reportedly", "firmly"), not a noun that ends so ("family", "ally"). */
export function isLyAdverb(t: Tok): boolean {
  if (!/^\p{Ll}+ly$/u.test(t.text)) return false;
  const tags = lexiconTags(t.lower);
  return !tags.some((x) => x === 'Singular' || x === 'Noun' || x === 'Plural');
}
