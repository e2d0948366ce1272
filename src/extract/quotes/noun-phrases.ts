// Speaker noun phrases on the token stream: the phrase a speech verb's subject or object is ("the US State
// Department", "coach Pep Smith", "a former colleague", "he"), read forward from its start or backward from its end.
import { lexiconTags } from '../../text/lexicon.js';
import { ATTRIBUTION_SPEECH_VERBS, ATTRIBUTION_TITLES, DEPARTMENT_WORDS, DOCUMENT_NOUNS, EVALUATIVE_VERBS, isSpeakerNoun } from '../vocabulary.js';
import { DETERMINERS, GROUP_NOUNS, NAME_CONNECTORS, NP_MODIFIERS, ORG_NOUNS, POSSESSIVE_PRONOUNS, SUBJECT_PRONOUNS } from './cue-words.js';
import { bareLower, isCapName, isLyAdverb, remitConnector, type Tok } from './tokens.js';

function npWord(t: Tok | undefined): boolean {
  if (!t || t.type !== 'word') return false;
  if (isCapName(t)) return true;
  const w = bareLower(t);
  if (isSpeakerNoun(w) || ORG_NOUNS.has(w) || GROUP_NOUNS.has(w) || DOCUMENT_NOUNS.has(w) || NP_MODIFIERS.has(w) || ATTRIBUTION_TITLES.has(w) || /^\d[\p{L}\p{N}-]*$/u.test(w)) return true;
  // Plain adjectives ("an American naval announcement"), never a verb or a preposition.
  if (ATTRIBUTION_SPEECH_VERBS.has(w) || EVALUATIVE_VERBS.has(w) || /(?:ed|ing)$/.test(w)) return false;
  const tags = lexiconTags(w);
  return tags.length === 1 && tags[0] === 'Adjective';
}

/**
 * "a prepared statement", "the identically worded letters": a participle (with its adverb) describing the document
 * right after it is part of the phrase, though a participle alone is no speaker word.
 */
function docParticiple(tokens: Tok[], j: number): boolean {
  const modifier = (t: Tok | undefined): boolean => t !== undefined && t.type === 'word' && !t.cap && (/\p{Ll}ed$/u.test(t.text) || isLyAdverb(t));
  if (!modifier(tokens[j])) return false;
  const next = tokens[j + 1];
  const doc = (t: Tok | undefined): boolean => t !== undefined && t.type === 'word' && !t.cap && DOCUMENT_NOUNS.has(t.lower);
  return doc(next) || (modifier(next) && doc(tokens[j + 2]));
}

/** "the handsome food expert", "a defense lawyer": a common noun right before the phrase's head modifies it. */
function nounModifier(tokens: Tok[], j: number): boolean {
  const t = tokens[j];
  const next = tokens[j + 1];
  if (!t || t.type !== 'word' || t.cap || !next || !isNounHead(next) || /(?:ed|ing|ly)$/.test(t.lower)) return false;
  if (ATTRIBUTION_SPEECH_VERBS.has(t.lower) || DETERMINERS.has(t.lower) || POSSESSIVE_PRONOUNS.has(t.lower)) return false;
  const tags = lexiconTags(t.lower);
  return tags.some((x) => x === 'Singular' || x === 'Noun' || x === 'Uncountable') && !tags.some((x) => /Verb|Preposition|Conjunction|Pronoun|Determiner/.test(x));
}

/** A lower-case noun that can head a speaker phrase: a role, an organisation or a document. */
export function isNounHead(t: Tok): boolean {
  const w = bareLower(t);
  return t.type === 'word' && !t.cap && (isSpeakerNoun(w) || ORG_NOUNS.has(w) || GROUP_NOUNS.has(w) || DOCUMENT_NOUNS.has(w) || ATTRIBUTION_TITLES.has(w));
}

/** "of" inside a speaker phrase: before a capital ("Secretary of State") or a department ("secretary of labor"). */
function connects(tokens: Tok[], j: number): boolean {
  const t = tokens[j];
  const next = tokens[j + 1];
  if (remitConnector(tokens, j)) return true;
  if (!t || t.type !== 'word' || !NAME_CONNECTORS.has(t.lower)) return false;
  return isCapName(next) || (t.lower === 'of' && next !== undefined && next.type === 'word' && DEPARTMENT_WORDS.has(next.lower));
}

/** The speaker noun phrase starting at `i`: "the US State Department", "coach Pep Smith", "he". */
export function nounPhraseForward(tokens: Tok[], i: number): Tok[] {
  const t0 = tokens[i];
  if (!t0 || t0.type !== 'word') return [];
  if (SUBJECT_PRONOUNS.has(t0.lower)) return [t0];
  let j = i;
  if (DETERMINERS.has(t0.lower) || POSSESSIVE_PRONOUNS.has(t0.lower)) j++;
  const first = j;
  while (j < tokens.length && j < first + 10) {
    const t = tokens[j]!;
    if (npWord(t) || docParticiple(tokens, j) || nounModifier(tokens, j)) {
      j++;
      continue;
    }
    if (j > first && connects(tokens, j)) {
      j += isCapName(tokens[j + 1]) ? 1 : 2;
      continue;
    }
    break;
  }
  if (j === first) return [];
  // A phrase of modifiers only ("two") names no one.
  const content = tokens.slice(first, j);
  if (!content.some((t) => isCapName(t) || isSpeakerNoun(bareLower(t)) || ORG_NOUNS.has(bareLower(t)) || GROUP_NOUNS.has(bareLower(t)) || DOCUMENT_NOUNS.has(t.lower) || ATTRIBUTION_TITLES.has(t.lower))) return [];
  return tokens.slice(i, j);
}

/** The speaker noun phrase ending just before `end` (exclusive), read backwards. */
export function nounPhraseBackward(tokens: Tok[], end: number): Tok[] {
  const last = tokens[end - 1];
  if (!last || last.type !== 'word') return [];
  if (SUBJECT_PRONOUNS.has(last.lower)) return [last];
  let j = end;
  while (j > 0 && j > end - 10) {
    const t = tokens[j - 1]!;
    if (npWord(t) || docParticiple(tokens, j - 1) || nounModifier(tokens, j - 1)) {
      j--;
      continue;
    }
    if (t.type === 'word' && (NAME_CONNECTORS.has(t.lower) || /^(?:on|for|and)$/.test(t.lower)) && j < end && npWord(tokens[j - 2]) && connects(tokens, j - 1)) {
      j--;
      continue;
    }
    // "secretary of labor": a lower-case department after "of".
    if (t.type === 'word' && DEPARTMENT_WORDS.has(t.lower) && tokens[j - 2]?.lower === 'of' && npWord(tokens[j - 3])) {
      j -= 2;
      continue;
    }
    break;
  }
  if (j === end) return [];
  const prev = tokens[j - 1];
  if (prev && prev.type === 'word' && (DETERMINERS.has(prev.lower) || POSSESSIVE_PRONOUNS.has(prev.lower))) j--;
  return nounPhraseForward(tokens, j).length === end - j ? tokens.slice(j, end) : trimToForward(tokens, j, end);
}

/** When the backward phrase does not parse forward in full, keep its longest parseable suffix. */
function trimToForward(tokens: Tok[], start: number, end: number): Tok[] {
  for (let s = start; s < end; s++) {
    const np = nounPhraseForward(tokens, s);
    if (np.length === end - s) return np;
  }
  return [];
}
