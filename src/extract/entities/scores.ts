// What kind of thing a name is: the evidence gathered for one name key, weighed into person / organisation / place
// scores. News prose gives the clues (titles, appositives, bylines, speech verbs, "the X", "in X"); compromise's
// lexicon gives what it knows of the words.
import type { EntityKind } from '../../model/types.js';
import { noEvidence, type Evidence, type WordStats } from './mentions.js';
import {
  ORG_CUES,
  PLACE_CUES,
  WEAK_PLACE_CUES,
  hasOrgCue,
  hasPlaceCue,
  isCommonPlural,
  isDemonym,
  isDirectionWord,
  isGivenName,
  isLexiconCommon,
  isLexiconLastName,
  isNonEntityAcronym,
  isListedPersonName,
  isPersonWord,
  lexiconKind,
  middleInitialShape,
} from '../names.js';
import { TITLES, TITLE_MODIFIERS } from '../vocabulary.js';
import { lexiconTags } from '../../text/lexicon.js';

/** A name needs at least this much evidence for one kind to be listed. */
export const MIN_SCORE = 2;
/** Organisation nouns that, capitalised and alone, name one institution ("Congress", "the Senate"). */
const INSTITUTIONS = new Set([
  'congress',
  'senate',
  'parliament',
  'legislature',
  'army',
  'navy',
  'cabinet',
  'city',
]);

export interface MentionRef {
  article: number;
  sentence: number;
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  surface: string;
  /** Role phrases stated at this mention (shared empty array when none). */
  roles: string[];
  /** "Mrs."/"Miss" (f) or "Mr." (m) written before the name here. */
  honorific?: 'f' | 'm';
  /** A surname alone as written with its honorific ("Mrs. Kennedy"): the alias when the surname is shared. */
  titled?: string;
}

/** Everything seen for one name key ("edi rama", "rama", "mek"). */
export interface NameStats {
  key: string;
  words: string[];
  surfaces: Map<string, number>;
  evidence: Evidence;
  /** Known to be an organisation from its form ("Biden administration", "Procter & Gamble"). */
  organization: boolean;
  mentions: MentionRef[];
  bylines: number;
  /** Another name of a country the text named just before ("the Islamic Republic" for Iran): never the entity's name. */
  epithet?: boolean;
  /** The one-word names it is listed with ("Mundt, Goldwater, Bridges, Dirksen"). */
  listPeers?: Set<string>;
}

export type Scores = Record<EntityKind, number>;

export const KINDS: EntityKind[] = ['person', 'organization', 'place'];

export function newStats(key: string, words: string[]): NameStats {
  return {
    key,
    words,
    surfaces: new Map(),
    evidence: noEvidence(),
    organization: false,
    mentions: [],
    bylines: 0,
  };
}

/** The most frequent way a name is written; a tie prefers ordinary case ("Washington") to a dateline's "WASHINGTON". */
export function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [s, c] of counts) {
    const better = shouting(best) === shouting(s) ? s.length > best.length : shouting(best);
    if (c > n || (c === n && better)) [best, n] = [s, c];
  }
  return best;
}

function shouting(s: string): boolean {
  return !/\p{Ll}/u.test(s) && s.replace(/[^\p{L}]/gu, '').length > 6;
}

export function isAcronymSurface(surface: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(surface) || /^\p{Lu}{2,6}$/u.test(surface);
}

/** The best-supported kind; a tie goes to organisation or place, since calling a thing a person is the worse error. */
export function best(score: Scores): [EntityKind, number] {
  let kind: EntityKind = 'person';
  for (const k of KINDS) if (score[k] > score[kind] || (score[k] === score[kind] && k !== 'person')) kind = k;
  return [kind, score[kind]];
}

/** What a name's evidence is weighed against: corpus word statistics and the names that occur as one word. */
export interface ScoreContext {
  wordStats: WordStats;
  /** Keys of one-word names, to see full names used again by surname ("Erling Haaland … Haaland"). */
  singles: ReadonlySet<string>;
  /** Short forms of institutions and places named in full elsewhere ("Wayne State" of "Wayne State University"). */
  cuedPrefixes?: ReadonlyMap<string, 'organization' | 'place'>;
}

/** Every mention of the name has an honorific before it ("Mrs. Greenfield", "Mrs. Hardy P. Mills"). */
export function alwaysHonoured(s: NameStats): boolean {
  return s.mentions.length > 0 && s.mentions.every((m) => m.honorific !== undefined);
}

/** How strongly each kind is supported by one name's form and the evidence around its mentions. */
export function scoreName(s: NameStats, ctx: ScoreContext): Scores {
  const lex = lexiconKind(s.key);
  const single = s.words.length === 1;
  // A word only ever used to modify the noun after it ("the Balkan state") is an adjective, not a name.
  if (!lex && single && s.evidence.modifier > 0 && s.evidence.modifier >= s.mentions.length) return zero();
  // "the North Central states": compass words alone name a region, never a person.
  if (!lex && s.words.every(isDirectionWord)) return { ...zero(), place: s.evidence.modifier >= s.mentions.length ? 0 : MIN_SCORE };
  // ("Lord Home", "Mr. Church": an honorific before it each time makes a surname of it.)
  const honoured = alwaysHonoured(s);
  if (single && !lex && (ORG_CUES.has(s.key) || PLACE_CUES.has(s.key)) && !honoured)
    return institutionScore(s, ctx.wordStats);
  // A title, appositive or speech before a given name outweighs a last word that also names institutions and places
  // ("Mayor Ellen Park", "Rep. Wilbur Mills").
  // So does speech or an appositive after a first word the corpus never writes in lower case and the lexicon does not
  // know ("in the words of Anatole France").
  // A married woman's or a man's honorific before it each time, or a middle initial, makes a person of a full name too
  // ("Mrs. Hardy P. Mills").
  const personFirst =
    (!single &&
      (isGivenName(s.words[0]!) || (s.words.length === 2 && !hasOrgCue(s.words) && s.evidence.title === 0 && unknownWord(s.words[0]!, ctx.wordStats))) &&
      s.evidence.title + s.evidence.appositive + s.evidence.speech > 0) ||
    (!single && !lex && (honoured || middleInitialShape(s.words)) && !hasOrgCue(s.words.slice(0, -1)));
  const orgCue = hasOrgCue(s.words) && !personFirst;
  // An employer named before a role ("City manager …", "Arsenal captain …") is an organisation, whatever its nouns.
  const placeCue = hasPlaceCue(s.words) && s.evidence.affiliation === 0 && !personFirst;
  // "Scott Field", "Hyannis Port": a place unless the text says person.
  const weakPlace = !single && WEAK_PLACE_CUES.has(s.words.at(-1)!) && !hasPersonEvidence(s, false);
  // "at Wayne State", "the Beverly Hilton ballroom": the short form of an institution the text names in full.
  const shortOf = !single && !hasPersonEvidence(s, false) ? ctx.cuedPrefixes?.get(s.key) : undefined;
  const score: Scores = {
    person: personScore(s, ctx, orgCue || placeCue || weakPlace || shortOf !== undefined),
    organization: organizationScore(s, orgCue) + (shortOf === 'organization' ? 4 : 0),
    place: placeScore(s, placeCue) + (weakPlace || shortOf === 'place' ? 4 : 0),
  };
  // compromise lists some one-word cities as people ("Houston", "Austin"): a weak clue that context can outweigh.
  if (lex) score[lex] += lex === 'person' && single ? 2 : 6;
  // A multi-word name the lexicon knows as a team, firm or place is never a person, whatever precedes it.
  if ((lex === 'organization' || lex === 'place') && !single) score.person = 0;
  if (!lex && isTeamOrFirm(s)) {
    score.organization += Math.max(2, Math.min(score.person, 3));
    score.person = 0;
  }
  return score;
}

const zero = (): Scores => ({ person: 0, organization: 0, place: 0 });

/**
 * "the House", "the Senate", "Congress": an organisation noun alone names an institution — unless the corpus also
 * writes it in lower case, when it is a common noun ("Government", "Board").
 */
function institutionScore(s: NameStats, wordStats: WordStats): Scores {
  const score = zero();
  const institution = s.mentions.length > 0 && INSTITUTIONS.has(s.key) && !wordStats.lower.has(s.key) ? 2 : 0;
  if (ORG_CUES.has(s.key) || s.evidence.affiliation > 0) score.organization = institution;
  else score.place = institution;
  return score;
}

function personScore(s: NameStats, ctx: ScoreContext, hasCue: boolean): number {
  const e = s.evidence;
  // A street in an address ("34220 Viceroy", "22111 David") unless a title or appositive says person.
  if (e.address > 0 && e.address >= s.mentions.length && e.title + e.appositive === 0) return 0;
  // "the U. S. Presidents of the 19th Century": a name ending in a title in the plural is a group.
  const last = s.words.at(-1)!;
  if (s.words.length > 1 && /[^s]s$/.test(last) && TITLES.has(last.slice(0, -1)) && e.title + e.appositive === 0) return 0;
  // "the grand champion hog, a Chester White": a name only ever after "a" is a kind or a make, unless said to be someone.
  if (e.indefinite > 0 && e.indefinite >= s.mentions.length && e.title + e.appositive + e.speech + e.byline === 0) return 0;
  const single = s.words.length === 1;
  let score = 4 * Math.min(2, e.title + e.appositive + e.byline);
  // "Smith said" makes a person of an unknown word, not of a common one ("Flock said") or a group ("Democrats said").
  const acronym = single && isAcronymSurface(mostFrequent(s.surfaces));
  if (!acronym && !pluralGroupWord(s, ctx.wordStats) && !(single && isLexiconCommon(s.key)))
    score += 2 * Math.min(2, e.speech);
  // The shape of a personal name counts only when nothing in the name says organisation or place, and it does not
  // start with a plural noun ("the Masters Palmer and Player …").
  if (hasCue || (!single && isCommonPlural(s.words[0]!))) return score;
  // "Brandt looks as though he could …": taken up by "he" or "she" (not an institution's name, nor a common word).
  // A pronoun outweighs one "for X" after a role ("campaign chairman for Jones … Jones will run ahead of his rivals").
  if (!acronym && !pluralGroupWord(s, ctx.wordStats) && !(single && isLexiconCommon(s.key))) score += 2 * Math.min(1, e.pronoun) + (e.pronoun > 0 && e.affiliation > 0 ? 2 : 0);
  // "the merits of Mays and Mickey Mantle": a word the corpus never writes in lower case, beside a person's full name.
  if (single && e.partner > 0 && !acronym && unknownWord(s.key, ctx.wordStats) && !lexiconKind(s.key)) score += 2;
  // ("“Tex” Burgess", "Harold “Flip” Phillips", "George (Papa) Gill": a nickname is a person's.)
  if (!single && (isPersonWord(s.words[0]!) || isListedPersonName(s.words) || /[“(]\p{Lu}\p{Ll}+[”)]/u.test(mostFrequent(s.surfaces)))) score += 3;
  // "J. Edgar Hoover", "W. Averell Harriman": initials before a name are a person's ("N. Y.", "D. C." are initials only).
  else if (!single && s.words.length <= 4 && /^\p{Lu}\.$/u.test(mostFrequent(s.surfaces).split(/\s+/)[0] ?? '') && s.words.some((w) => w.length > 1)) score += 3;
  // So is a middle initial ("Hardy P. Mills").
  else if (middleInitialShape(s.words) && /\s\p{Lu}\.\s/u.test(mostFrequent(s.surfaces))) score += 3;
  if (isLexiconLastName(s.words.at(-1)!)) score += 1;
  if (!single && s.words.length <= 4 && s.words.every((w) => looksLikeNameWord(w, ctx.wordStats))) {
    score += 1;
    // News names a person in full, then by surname alone ("Erling Haaland … Haaland").
    if (ctx.singles.has(s.words.at(-1)!)) score += 2;
  }
  return score;
}

function organizationScore(s: NameStats, orgCue: boolean): number {
  const e = s.evidence;
  const single = s.words.length === 1;
  let score = (s.organization ? 6 : 0) + (orgCue ? 5 : 0);
  score += 3 * Math.min(2, e.outlet) + 3 * Math.min(1, e.affiliation) + 4 * Math.min(1, e.orgNoun);
  if (single && e.theX > 0 && !lexiconKind(s.key)) score += 1;
  const acronym = single && isAcronymSurface(mostFrequent(s.surfaces));
  if (acronym && !isNonEntityAcronym(s.key)) score += 1 + Math.min(1, e.speech + e.theX);
  return score;
}

function placeScore(s: NameStats, placeCue: boolean): number {
  let score = placeCue ? 5 : 0;
  // "in the Bible", "in God": prepositions make a place only of words that are not common words.
  if (!(s.words.length === 1 && isLexiconCommon(s.key))) score += Math.min(4, s.evidence.placePrep);
  return score;
}

/** The words clubs' names end in that are no plural noun ("Ashdown Rovers", "Kelby Athletic", "Brighton and Hove Albion"). */
const CLUB_WORDS = new Set(['rovers', 'rangers', 'wanderers', 'athletic', 'albion', 'hotspur', 'argyle', 'harriers', 'dynamo', 'sporting']);

/**
 * A name ending in a plural noun ("Morton Foods"), or a city and a plural ("Milwaukee Braves"), or a club's word, or a
 * plural agent noun after a word that is no given name ("Ashdown Rovers", "Big Sky Promoters"): a team or a firm.
 */
function isTeamOrFirm(s: NameStats): boolean {
  if (s.evidence.byline > 0) return false;
  // "Alicia Keys", "Tom Rivers": a given name and a surname that happens to be a plural noun.
  if (s.words.length === 2 && isGivenName(s.words[0]!) && !ORG_CUES.has(s.words[1]!)) return false;
  const last = s.words.at(-1)!;
  // "Judge H. Hobart Grooms": a title before the name, or an initial opening it, makes the plural a surname.
  if ((s.evidence.title > 0 || (s.words.length > 1 && /^\p{L}$/u.test(s.words[0]!))) && !ORG_CUES.has(last)) return false;
  // So does a middle initial ("Harold R. Banks", "Mrs. Tobin R. Works"), or an honorific each time.
  if (middleInitialShape(s.words) || (s.words.length > 1 && alwaysHonoured(s))) return false;
  const team = s.words.length > 1 && lexiconKind(s.words[0]!) === 'place' && /[^s]s$/.test(last);
  const club = s.words.length > 1 && !isGivenName(s.words[0]!) && (CLUB_WORDS.has(last) || (/^\p{Ll}{3,}ers$/u.test(last) && !isLexiconLastName(last) && !isGivenName(last)));
  return team || club || isCommonPlural(last);
}

/** Evidence of a person beyond the shape of the name: a title, an appositive, a byline, speech or (unless not asked) a given name. */
export function hasPersonEvidence(s: NameStats, givenName = true): boolean {
  const e = s.evidence;
  return e.title + e.appositive + e.byline + e.speech > 0 || (givenName && isGivenName(s.words[0]!));
}

/**
 * "Republicans", "Democrats", "Nazis": plural group words are not one person even when they "said". A word ending in
 * "-is" is such a plural only when the corpus also writes its singular ("Nazi", "Sunni"): "Maris" is a surname.
 */
function pluralGroupWord(s: NameStats, wordStats: WordStats): boolean {
  if (s.words.length !== 1) return false;
  const w = s.words[0]!;
  if (!/[^s]s$/.test(w) || isLexiconLastName(w)) return false;
  if (isDemonym(w) || /(?:ans|ats|ists|ites|ers)$/.test(w)) return true;
  const singular = w.slice(0, -1);
  return w.endsWith('is') && (wordStats.capitalisedMidSentence.has(singular) || wordStats.lower.has(singular));
}

/** A word neither the lexicon nor the corpus's lower case knows, nor a title, demonym or compass word. */
function unknownWord(word: string, wordStats: WordStats): boolean {
  return (
    !wordStats.lower.has(word) &&
    lexiconTags(word).length === 0 &&
    !TITLES.has(word) &&
    !TITLE_MODIFIERS.has(word) &&
    !isDemonym(word) &&
    !isDirectionWord(word) &&
    !ORG_CUES.has(word) &&
    !PLACE_CUES.has(word)
  );
}

/**
 * A name in a list with people ("Mundt, Goldwater, Bridges, Dirksen, et al") may be taken for one of them:
 * nothing about it says place or organisation — no place preposition, employer, outlet, "the", address, form of an
 * organisation, nor a lexicon kind or institution noun. (A plural common word, "Bridges", is no such evidence.)
 */
export function mayBeListedPerson(s: NameStats): boolean {
  const e = s.evidence;
  if (s.words.length > 1) {
    // "William A. Thompson, Van Cott Niven, A. B. Cox": a name of two to four words with no word of a place or
    // organisation in it.
    if (s.words.length > 4 || lexiconKind(s.key) !== null || hasOrgCue(s.words) || hasPlaceCue(s.words) || s.words.some((w) => isDemonym(w))) return false;
    // ("two ex-National Football Leaguers, A and B": a plural noun names a group.)
    if (isCommonPlural(s.words.at(-1)!) || /ers$/.test(s.words.at(-1)!)) return false;
  } else if (lexiconKind(s.key) !== null || ORG_CUES.has(s.key) || PLACE_CUES.has(s.key) || isDemonym(s.key)) return false;
  if (isAcronymSurface(mostFrequent(s.surfaces))) return false;
  return e.placePrep + e.affiliation + e.outlet + e.theX + e.address === 0 && !s.organization;
}

/** A word that can be part of a name: not a common lower-case word elsewhere in the corpus. */
function looksLikeNameWord(word: string, wordStats: WordStats): boolean {
  if (TITLES.has(word) || TITLE_MODIFIERS.has(word) || isDemonym(word)) return false;
  return !wordStats.lower.has(word);
}
