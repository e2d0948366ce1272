// Sentence splitting for news prose, with character offsets so that every sentence is a verbatim slice.

/** Abbreviations that never end a sentence: they precede a name or a number. */
const TITLE_ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx messrs mmes dr drs gov govs sen sens rep reps gen col lt sgt capt maj cmdr adm prof rev revs hon pres supt insp det atty pfc cpl pvt ' +
    'st mt ft fr no nos vs v cf approx dept univ est fig op vol pp art sec ch ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'ave blvd rd hwy'
  ).split(' '),
);

/** Abbreviations that may also close a sentence ("… and Jr." / "… Inc."): a boundary only before a sentence opener. */
const CLOSING_ABBREVIATIONS = new Set('jr sr inc corp co ltd llc plc bros etc al'.split(' '));

/** Given names written short ("Wm. Ross", "Chas. Doe"): no sentence ends after one when a name follows. */
export const GIVEN_NAME_ABBREVIATIONS: ReadonlySet<string> = new Set('wm chas thos jas geo benj jos robt edw saml danl richd'.split(' '));

/** Words that usually open a sentence; after an ambiguous abbreviation they signal a boundary. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there here but and ' +
    'in on at for after before when while as if since so yet however meanwhile still also then now ' +
    'according during despite although though some many most one two three officials what who why how'
  ).split(' '),
);

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

export interface SentenceSpan {
  start: number;
  end: number;
}

function lastToken(text: string, end: number): string {
  let i = end;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

function nextWord(text: string, from: number): string {
  const m = /^[\s"'“‘([«]*([A-Za-z]+)/.exec(text.slice(from, from + 40));
  return m ? m[1]! : '';
}

/** Is the period at `dot` part of an abbreviation or initial rather than a full stop? */
function isAbbreviation(text: string, dot: number, nextStart: number): boolean {
  const token = lastToken(text, dot + 1).replace(/^[("'“‘[]+/, '');
  const word = token.slice(0, -1);
  // "ex-Gov.", "then-Sen.": a title with a prefix is still the title's abbreviation.
  const lower = word.toLowerCase().replace(/^(?:ex|then|vice)-(?=[a-z]+$)/, '');
  const opener = SENTENCE_OPENERS.has(nextWord(text, nextStart).toLowerCase());
  if (/^[A-Z]$/.test(word)) return true; // an initial: "John F. Kennedy"
  // "James McN. Hester", "Wm. Ross": a shortened name before a capitalised word.
  if ((/^Mc[A-Z]$/.test(word) || GIVEN_NAME_ABBREVIATIONS.has(lower)) && /^\s+[A-Z]/.test(text.slice(dot + 1))) return true;
  if (TITLE_ABBREVIATIONS.has(lower)) return !(lower === 'no' && opener);
  if (CLOSING_ABBREVIATIONS.has(lower)) return !opener;
  // Dotted abbreviations: "U.S.", "U.N.", "a.m.", "e.g."
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return !opener;
  return false;
}

/**
 * Splits a paragraph into sentences. Offsets are into `text`; leading and trailing whitespace is excluded.
 * A boundary is a run of . ! ? (or …), optionally closed by quotes or brackets, followed by whitespace and
 * something that can open a sentence; abbreviations, initials and dotted acronyms do not end one.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let j = i;
      while (j + 1 < text.length && /[.!?…]/.test(text[j + 1]!)) j++;
      while (j + 1 < text.length && CLOSERS.includes(text[j + 1]!)) j++;
      const end = j + 1;
      if (end < text.length && /\s/.test(text[end]!)) {
        const next = skipSpace(text, end);
        const nextCh = text[next];
        const canOpen = nextCh !== undefined && (/[\p{Lu}\p{N}]/u.test(nextCh) || OPENERS.includes(nextCh) || nextCh === '—' || nextCh === '-');
        // A lone period right before the space may belong to an abbreviation; after a closing quote it ends.
        // "the Woodyard Bros.' Grocery": an abbreviation's plural possessive is no closing quote.
        const possessive = ch === '.' && j === i + 1 && /['’]/.test(text[j]!) && !/['‘]/.test(text.slice(Math.max(0, i - 80), i));
        const abbreviation = ch === '.' && (j === i || possessive) && isAbbreviation(text, i, end);
        if (canOpen && !abbreviation) {
          spans.push({ start, end });
          start = next;
          i = next;
          continue;
        }
      }
      i = j + 1;
      continue;
    }
    i++;
  }
  const tail = trimEnd(text, text.length);
  if (tail > start) spans.push({ start, end: tail });
  return spans;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}
