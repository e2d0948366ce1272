// A name as someone types it to look an entity up: its key without a leading "the", titles or possessive, and how
// well one typed word matches a name's word (a prefix being typed, a typo or two).
import { editDistance } from '../../text/edit-distance.js';
import { nameTokens } from '../../text/terms.js';
import { isDemonym, typoBudget } from '../names.js';
import { HONORIFICS, TITLES, TITLE_MODIFIERS } from '../vocabulary.js';

/** Words before a name in a query or a quote's attribution that are not part of it ("its Foreign Ministry"). */
const LEADING_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);

/** How well one query word matches one name word: exact 1, prefix 0.8, a typo or two 0.6/0.5, else 0. */
export function wordMatch(q: string, t: string): number {
  if (q === t) return 1;
  if (q.length >= 2 && t.startsWith(q)) return 0.8;
  const budget = typoBudget(q);
  if (budget === 0 || t.length < q.length - budget) return 0;
  // A typo in the whole word ("xhaka" ~ "xhacka"), or in a prefix being typed ("xhakc" ~ "xhac…") counting half more.
  let d = editDistance(q, t, budget);
  if (d > budget && t.length > q.length) d = editDistance(q, t.slice(0, q.length), budget) + 0.5;
  return d <= budget ? 0.7 - 0.1 * d : 0;
}

/** A query → its key without a leading "the", titles or possessive ("Prime Minister Rama's" → "rama"). */
export function queryKey(text: string): string {
  return stripTitles(text).words.join(' ');
}

/** A query's words after its leading determiners, titles, honorifics and demonyms, and what was stripped. */
export function stripTitles(text: string): {
  words: string[];
  text: string;
  hadTitle: boolean;
  capitalised: boolean;
} {
  const toks = nameTokens(text.trim()).filter((t) => t.word);
  let n = 0;
  while (
    n < toks.length - 1 &&
    (LEADING_DETERMINERS.has(toks[n]!.key) ||
      TITLES.has(toks[n]!.key) ||
      TITLE_MODIFIERS.has(toks[n]!.key) ||
      HONORIFICS.has(toks[n]!.key) ||
      isDemonym(toks[n]!.key))
  )
    n++;
  const rest = toks.slice(n);
  const hadTitle = toks.slice(0, n).some((t) => TITLES.has(t.key));
  return {
    words: rest.map((t) => t.key).filter((k) => k.length > 0),
    text: rest.map((t) => t.text).join(' '),
    hadTitle,
    capitalised: rest.length > 0 && rest.every((t) => t.cap || t.key.length <= 3),
  };
}
