// What one sentence says a name's role is, from what comes before the name: a title or role ("former US vice
// president Mike Pence"), "the company's chief executive, Jane Roe,", a relation ("his client, X"), a plural role before
// a list ("violinists A, B and C", "The 33 honored students are: A, B …"), a copula before it ("Their father is X"),
// "designed by X". The readers of what comes after the name (roles.ts) extend these; the sentence scanner
// (mentions.ts) asks them in turn for each name it emits.
import { lexiconTags } from '../../text/lexicon.js';
import { STOP_WORDS, type NameToken } from '../../text/terms.js';
import { NAME_SUFFIXES, givenNameGender, isDemonym, isGivenName, isStateAbbreviation, middleInitialShape } from '../names.js';
import {
  HONORIFICS,
  KINSHIP_NOUNS,
  PLURAL_TITLES,
  SPEECH_VERBS,
  TITLE_ABBREVIATIONS,
  TITLE_MODIFIERS,
  honorificGender,
  isPersonNounBeforeName,
  isRoleNoun,
  isTitle,
  isWifeHonorific,
  singularPersonNoun,
  singularRole,
} from '../vocabulary.js';
import type { Evidence } from './mentions.js';
import { NameSpans, type Span } from './name-spans.js';

export const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'whose', 'another']);

/** A lower-case word before a plural role that belongs to it ("civil servants"), not a count ("several", "two"). */
function isRoleModifierWord(key: string): boolean {
  // Not a count, and not an adverb ("mostly small-town legislators": the role is "small-town legislator").
  return (
    !/^\d/.test(key) &&
    !/^(?:several|some|many|few|two|three|four|five|six|other|both|all|most|these|those)$/.test(key) &&
    !(/ly$/.test(key) && !lexiconTags(key).includes('Adjective'))
  );
}

/** Words that say which of several kin: "his other son", "her eldest daughter". */
/** Adverbs of degree inside a role phrase ("a most promising young conductor"). */
const DEGREE_ADVERBS: ReadonlySet<string> = new Set(['most', 'very', 'highly', 'extremely', 'especially', 'particularly']);
const KIN_ORDER: ReadonlySet<string> = new Set(['other', 'elder', 'eldest', 'older', 'oldest', 'younger', 'youngest', 'only', 'late']);

/** Plural kinship nouns a list of names follows ("Grandparents are Mr. and Mrs. A and …"), by their singular. */
const KIN_PLURALS: ReadonlyMap<string, string> = new Map([
  ['parents', 'parent'], ['grandparents', 'grandparent'], ['sons', 'son'], ['daughters', 'daughter'], ['brothers', 'brother'],
  ['sisters', 'sister'], ['children', 'child'], ['grandchildren', 'grandchild'], ['cousins', 'cousin'], ['uncles', 'uncle'], ['aunts', 'aunt'],
]);

/** Bodies whose listed names are members: "the committee, which includes A, B and C". */
const MEMBER_BODIES: ReadonlySet<string> = new Set(['committee', 'board', 'panel', 'council', 'commission', 'delegation', 'staff', 'cast', 'team', 'squad', 'jury', 'band', 'trio', 'quartet', 'faculty', 'cabinet', 'group']);

/** A child's kin nouns: the names after "son of", "daughter of" are the parents. */
const CHILD_NOUNS: ReadonlySet<string> = new Set(['son', 'daughter', 'sons', 'daughters', 'child', 'children', 'stepson', 'stepdaughter', 'grandson', 'granddaughter']);

/** A participle before "by X" → the maker it names ("designed by X": the designer). */
const AGENT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['designed', 'designer'], ['conducted', 'conductor'], ['directed', 'director'], ['choreographed', 'choreographer'],
  ['composed', 'composer'], ['written', 'writer'], ['produced', 'producer'], ['painted', 'painter'], ['photographed', 'photographer'],
  ['edited', 'editor'], ['illustrated', 'illustrator'], ['arranged', 'arranger'], ['sculpted', 'sculptor'],
  ['headed', 'head'], ['led', 'leader'], ['chaired', 'chairman'], ['owned', 'owner'], ['managed', 'manager'], ['coached', 'coach'],
  ['founded', 'founder'],
]);

export const MAX_ROLE_WORDS = 6;

/** Words of tenure written in lower case before a title ("former Gov.", "ex-Sen.", "then Secretary"). */
export const TENURE_WORDS = new Set('former ex then acting interim late retired outgoing incoming onetime one-time'.split(' '));

/** Role nouns that after a possessive are a body part ("his head", "Smith's hand"). */
const BODY_PARTS = new Set(['head', 'hand', 'arm', 'back']);

/** Ranks that are everyday adjectives in lower case ("a major Hollywood studio", "general election"). */
export const ADJECTIVE_RANKS = new Set(['major', 'general', 'private']);

/** An age written as an adjective ("82-year-old"): between an appositive's comma and the name it does not part them. */
const AGE_ADJECTIVE = /^\d{1,3}-year-old$/;

/** Playing positions that are everyday nouns too ("the center of town", "an end"): roles only right before a name. */
export const PLAYING_POSITIONS = new Set('center centre guard end tackle forward back lineman linebacker safety'.split(' '));

/** A student's or player's class, a role as the head of an appositive ("Kieffer, the only junior in the group,"). */
export const CLASS_NOUNS = new Set('freshman sophomore junior senior rookie'.split(' '));

/** A player's class or standing before a position: "sophomore center", "veteran guard". */
const STANDING_WORDS = new Set([...CLASS_NOUNS, ...'veteran starting reserve regular defensive offensive'.split(' ')]);

/** People by relation, a role only after whose they are ("his school friend X", "her former partner X"). */
const RELATION_NOUNS = new Set(
  (
    'friend colleague girlfriend boyfriend partner flatmate classmate neighbour neighbor bandmate band-mate teammate team-mate ' +
    'client mentor ally rival opponent'
  ).split(' '),
);

/** Prepositions that open a role's complement ("a spokesman for the star", "head of development"). */
const ROLE_COMPLEMENT = new Set(['of', 'for', 'at', 'on', 'with', 'to']);

/** A court's sides, written after a barrister's name ("Jane Roe, prosecuting, said"). */
export const COURT_SIDES = new Set(['prosecuting', 'defending']);

/** Marks a name as the employer in a role phrase, whether or not it has been emitted yet. */
export function markAffiliation(span: Span): void {
  span.affiliation = true;
  if (span.mention && span.mention.evidence.affiliation === 0) span.mention.evidence.affiliation = 1;
}

/** The role readers of one sentence's scanner that look before a name, over its name spans. */
export abstract class RolesBefore extends NameSpans {
  /** Token index → the name span starting/ending there. */
  protected readonly byFirst = new Map<number, Span>();
  protected readonly byLast = new Map<number, Span>();

  /** "former US vice president Mike Pence", "spokesperson Adrienne Watson". */
  protected roleBefore(first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    if (this.coupleTitle(first, evidence, roles)) return;
    const head = first - 1;
    const headTok = this.word(head);
    // "ex-Gov. Knight", "former Atty. Gen. X": an abbreviated title the name's run did not take (a prefixed word is no
    // name word), with the words of tenure before it.
    const abbreviation = toks[head - 1];
    if (toks[head]?.text === '.' && abbreviation?.word && abbreviation.end === toks[head]!.start && isTitle(abbreviation.key) && !HONORIFICS.has(abbreviation.key) && !this.byLast.has(head - 1)) {
      let s = head - 1;
      while (s > 0 && head - s < 4 && (toks[s - 1]!.text === '.' || (toks[s - 1]!.word && (isTitle(toks[s - 1]!.key) || TENURE_WORDS.has(toks[s - 1]!.key))))) s--;
      while (s < head && !toks[s]!.word) s++;
      roles.push(this.text.slice(toks[s]!.start, toks[head]!.end));
      evidence.title++;
      return;
    }
    // "The prime minister, Sir Keir Starmer,": an honorific between the comma and the name.
    let start = first;
    // ("their son-in-law and daughter, Mr. and Mrs. Thomas Glennon,": a couple's honorifics.)
    while (start > 0 && (HONORIFICS.has(toks[start - 1]!.key) || toks[start - 1]!.text === '.' || (start < first && toks[start - 1]!.key === 'and' && this.pastHonorific(start - 2, -1) < start - 2))) start--;
    // "his bride, the former Miss Judith Gay,": a maiden name after the role.
    if (start < first && toks[start - 1]?.key === 'former' && !toks[start - 1]!.cap && toks[start - 2]?.key === 'the' && toks[start - 3]?.text === ',') start -= 2;
    // "the Scottish chemist Sir William Ramsay": a role right before the honorific, no comma between, is the name's.
    const beforeHonorific = start < first ? this.word(start - 1) : undefined;
    if (beforeHonorific && !beforeHonorific.cap && isRoleNoun(beforeHonorific.key)) {
      this.roleBefore(start, evidence, roles);
      return;
    }
    // "Defending, Sarah Lyle said": a court's side opening the sentence is the barrister's after it.
    const opener = toks[first - 2];
    if (start === first && toks[first - 1]?.text === ',' && first === 2 && opener?.word && COURT_SIDES.has(opener.key)) {
      roles.push(opener.text.toLowerCase());
      evidence.appositive++;
      return;
    }
    // "One victim, 82-year-old Edith Moorcroft,": an age between the comma and the name.
    if (start === first && headTok && AGE_ADJECTIVE.test(headTok.text) && toks[first - 2]?.text === ',') start = first - 1;
    if (!headTok || start < first) {
      this.reverseAppositive(start, first, evidence, roles);
      return;
    }
    // "violinists Yehudi Roe, Isaac Doe and …": a plural role before a list is each listed name's.
    if (!headTok.cap && !isRoleNoun(headTok.key) && singularRole(headTok.key) && this.listGoesOn(first)) {
      this.pluralRole(head, evidence, roles);
      return;
    }
    // "his school friend Adam Chase", "her brother John": a relation after whose it is.
    if (!headTok.cap && (KINSHIP_NOUNS.has(headTok.key) || RELATION_NOUNS.has(headTok.key)) && this.relationBefore(head, evidence, roles)) return;
    // "Vice-president elect Mike Pence", "President elect X": a title about to be taken, written apart.
    const title = this.word(head - 1);
    if (/^(?:elect|designate|nominate)$/.test(headTok.key) && !headTok.cap && title && (isRoleNoun(title.key) || isTitle(title.key))) {
      roles.push(this.text.slice(title.start, headTok.end));
      evidence.title++;
      return;
    }
    // "sophomore center Mike Kelsey", "end Bob Nelson": a playing position that is also an everyday noun is a role
    // right before a given name, or after a class or standing word.
    if (!headTok.cap && PLAYING_POSITIONS.has(headTok.key)) {
      const standing = this.word(head - 1);
      const classed = standing !== undefined && !standing.cap && STANDING_WORDS.has(standing.key);
      const determined = standing !== undefined && /^(?:the|a|an|this|that|its|his|her|their)$/.test(standing.key);
      if (classed || (isGivenName(toks[first]!.key) && !determined)) {
        roles.push(this.text.slice((classed ? standing : headTok).start, headTok.end));
        evidence.title++;
        return;
      }
    }
    // "Ex-Oriole Clint Courtney", "ex-Yankee X": a former member of a team or body, named by it.
    if (/^ex-\p{Lu}/iu.test(headTok.text) && /^\p{L}+-\p{Lu}\p{Ll}+$/u.test(headTok.text) && isGivenName(toks[first]!.key)) {
      roles.push(headTok.text);
      evidence.title++;
      return;
    }
    // A rank that is also an everyday adjective is a title only capitalised: "major Hollywood studios".
    if (headTok.cap || !isPersonNounBeforeName(headTok.key) || ADJECTIVE_RANKS.has(headTok.key)) return;
    if (toks[head - 1]?.possessive && BODY_PARTS.has(headTok.key)) return; // "Throneberry's head"
    let s = head;
    while (s > 0 && head - s < MAX_ROLE_WORDS) {
      const t = this.word(s - 1);
      if (!t) break;
      // A possessive is the employer ("Sudan's army chief"), not part of the role.
      const ok = !t.possessive && (t.cap ? this.isRolePart(t) : this.isRolePhraseWord(t));
      if (!ok) break;
      s--;
    }
    // A capitalised name right before the role is the employer ("National Security Council spokesperson").
    const employer = this.byLast.get(s - 1);
    if (employer) markAffiliation(employer);
    roles.push(this.text.slice(toks[s]!.start, toks[head]!.end));
    evidence.title++;
  }

  /**
   * "his school friend Adam Chase", "Holland's former partner Tina Field": a relation noun right before a name, with at
   * most two modifiers and a possessive before them, is the name's role.
   */
  private relationBefore(head: number, evidence: Evidence, roles: string[]): boolean {
    const toks = this.tokens;
    let s = head;
    while (s > 0 && head - s < 2) {
      const t = this.word(s - 1);
      if (!t || t.cap || t.possessive || DETERMINERS.has(t.key) || !this.isRolePhraseWord(t)) break;
      s--;
    }
    const owner = toks[s - 1];
    if (!owner?.word || !(owner.possessive || (!owner.cap && /^(?:his|her|their|its|our|my)$/.test(owner.key)))) return false;
    roles.push(this.text.slice(toks[s]!.start, toks[head]!.end));
    evidence.appositive++;
    return true;
  }

  /**
   * "a spokesman for the star, X", "Sony's head of development, X", "her partner on the tour, X": the role noun before
   * a short complement that ends at the appositive's comma, or -1.
   */
  private complementHead(end: number): number {
    const toks = this.tokens;
    for (let p = end; p > 0 && end - p < 5; p--) {
      const t = toks[p]!;
      if (!t.word || SPEECH_VERBS.has(t.key)) return -1;
      if (t.cap || !ROLE_COMPLEMENT.has(t.key) || p === end) continue;
      const role = this.word(p - 1);
      // "Victim of the accident was X": capitalised only as the sentence's first word.
      // ("Parents of the couple are …": a plural role or relation too.)
      if (!role || (role.cap && p - 1 > 0) || !(isRoleNoun(role.key) || KINSHIP_NOUNS.has(role.key) || KIN_PLURALS.has(role.key) || singularRole(role.key))) return -1;
      for (let k = p + 1; k <= end; k++) {
        const w = toks[k]!;
        if (!w.cap && lexiconTags(w.key).some((tag) => /Verb|Infinitive|Gerund|Participle/.test(tag))) return -1;
      }
      return p - 1;
    }
    return -1;
  }

  /** "the company’s chief executive, Jane Roe, said". */
  private reverseAppositive(start: number, first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    if (toks[start - 1]?.text !== ',') return;
    let head = start - 2;
    let headTok = this.word(head);
    // The role's complement, up to the comma: "a spokesman for the star,".
    const complementEnd = head;
    // ("a spokesman for the actor, X": the role is the one the complement qualifies, even when it ends in a role noun.)
    if (headTok) {
      const h = this.complementHead(head);
      if (h >= 0) [head, headTok] = [h, this.word(h)];
    }
    // "Mrs. Kennedy's Social Secretary, Letitia Baldrige,": a capitalised title after a possessive.
    const capitalTitle = headTok?.cap === true && isTitle(headTok.key) && !HONORIFICS.has(headTok.key);
    const kinship = headTok !== undefined && !headTok.cap && (KINSHIP_NOUNS.has(headTok.key) || RELATION_NOUNS.has(headTok.key));
    // ("a convicted narcotics peddler, Otis Sears,": a lower-case noun WordNet knows first as a kind of person.)
    if (!headTok || (headTok.cap && !capitalTitle) || !(isRoleNoun(headTok.key) || kinship || (!headTok.cap && isPersonNounBeforeName(headTok.key)))) return;
    const span = this.byFirst.get(first);
    let closer = toks[(span?.last ?? first) + 1];
    // ("his sister, Mrs. Emma B. Odom of Atlanta.": past the home town.)
    const town = closer?.key === 'of' && !closer.cap ? this.byFirst.get((span?.last ?? first) + 2) : undefined;
    if (town) closer = toks[town.last + 1];
    // The name ends its clause, or a relative clause or a list goes on: "the noted dancer, Jane Roe who is …".
    if (closer && !(closer.text === ',' || closer.text === '.' || closer.text === ';' || SPEECH_VERBS.has(closer.key) || (!closer.cap && /^(?:who|whose)$/.test(closer.key)))) return;
    let s = head;
    // "his court-appointed attorney", "her widowed mother": participles qualify the role too.
    // (a capitalised title takes the capitalised words before it up to the possessive: "Kennedy's Social Secretary")
    // "the Dresbachs' other son, Lee,": which of the kin.
    // ("a most promising young conductor": an adverb of degree before a qualifier.)
    const qualifies = (t: NameToken): boolean =>
      !t.possessive &&
      (t.cap ? this.isRolePart(t) || capitalTitle : this.isRolePhraseWord(t) || /^\p{Ll}[\p{L}-]*(?:ed|ing)$/u.test(t.text) || (kinship && KIN_ORDER.has(t.key)) || DEGREE_ADVERBS.has(t.key));
    while (s > 0 && head - s < MAX_ROLE_WORDS) {
      const t = this.word(s - 1);
      if (!t || !qualifies(t)) break;
      s--;
    }
    let det = toks[s - 1];
    let end = complementEnd > head && !capitalTitle ? complementEnd : head;
    if (capitalTitle && !det?.possessive) return;
    // "His sister and brother, Marie Louise, 3, and John Raymond": the first name is the first of the pair.
    const pair = det?.key === 'and' && !det.cap ? this.word(s - 2) : undefined;
    if (pair && !pair.cap && (KINSHIP_NOUNS.has(pair.key) || isRoleNoun(pair.key))) {
      end = s - 2;
      s = s - 2;
      det = toks[s - 1];
    }
    // "and wife, Joyce": a kinship after "and" needs no determiner.
    // ("that master American craftsman, Duncan Phyfe,": a demonstrative too.)
    // ("according to decorator consultant, Leland Alden": a source's role needs none.)
    const source = det?.key === 'to' && toks[s - 2]?.key === 'according';
    if (!det || !(DETERMINERS.has(det.key) || /^(?:one|that|this)$/.test(det.key) || det.possessive || (kinship && det.key === 'and') || source)) return;
    roles.push(this.text.slice(toks[s]!.start, toks[end]!.end));
    evidence.appositive++;
  }

  /** Does a list of names go on after the span starting at `first` ("X, Y and Z", "X and Y")? */
  private listGoesOn(first: number): boolean {
    const span = this.byFirst.get(first);
    if (!span) return false;
    let k = span.last + 1;
    if (this.tokens[k]?.text === '.' && NAME_SUFFIXES.has(this.tokens[span.last]!.key)) k++;
    const sep = this.tokens[k];
    if (!sep || !(sep.text === ',' || (sep.key === 'and' && !sep.cap))) return false;
    let n = k + 1;
    while (n < this.tokens.length && (HONORIFICS.has(this.tokens[n]!.key) || this.tokens[n]!.text === '.')) n++;
    return this.byFirst.has(n);
  }

  /** The role of a plural role noun at `head` ("violinists", "concert pianists"), in the singular, with its modifiers. */
  private pluralRole(head: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    const headTok = toks[head]!;
    const singular = singularRole(headTok.key) ?? KIN_PLURALS.get(headTok.key);
    if (!singular) return;
    let s = head;
    const modifier = (t: NameToken | undefined): boolean =>
      t !== undefined && t.word && !t.possessive && (TITLE_MODIFIERS.has(t.key) || isDemonym(t.key) || (!t.cap && !STOP_WORDS.has(t.key) && !DETERMINERS.has(t.key) && isRoleModifierWord(t.key) && !lexiconTags(t.key).some((tag) => /Verb|Infinitive|Tense|Gerund|Participle/.test(tag))));
    while (s > 0 && head - s < 3 && modifier(toks[s - 1])) s--;
    const modifiers = s < head ? `${this.text.slice(toks[s]!.start, toks[head - 1]!.end)} ` : '';
    roles.push(`${modifiers}${singular}`);
    evidence.title++;
  }

  /**
   * "Their father is Charles Roe.", "Grandparents are Mr. and Mrs. A and Mr. and Mrs. B.", "The chairman was
   * Jane Doe.": a role or kinship noun before a copula is the name's after it (each name of a list after it).
   */
  protected copulaRoleBefore(first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    if (toks[first - 1]?.key === 'of' && !toks[first - 1]!.cap) return; // "… and C of Bryan Adams": C's school
    // "…, Mrs. B of Hinsdale, Ill., and C": a home town's state is no item of the list.
    if (isStateAbbreviation(toks, first) && toks[first - 1]?.text === ',' && this.byLast.has(first - 2)) return;
    // "…: Ann Wegener, Madison; and Shelby Carlson, Cleveland": in a list of items with details, a name right after
    // an item's comma is its detail (a school, a town), not another item.
    // (Only a name that ends its item: in "…: A, B, and C of Adams High; D, E …", "B" is an item.)
    if (toks.some((t) => t.text === ';')) {
      let b = first - 1;
      while (b >= 0 && (toks[b]!.text === '.' || HONORIFICS.has(toks[b]!.key))) b--;
      const after = toks[(this.byFirst.get(first)?.last ?? first) + 1];
      if (toks[b]?.text === ',' && (!after || /^[;.]$/.test(after.text))) return;
    }
    let j = this.listOpening(first);
    // "The motorist later was identified as Richard Roe": the passive of naming reads like the copula.
    let adverb = 0;
    if (toks[j]?.key === 'as' && !toks[j]!.cap && /^(?:identified|named)$/.test(toks[j - 1]?.key ?? '')) {
      j -= 2;
      if (/^(?:later|since|then|\p{Ll}+ly)$/u.test(toks[j]?.key ?? '')) j--;
      if (/^(?:later|then|\p{Ll}+ly)$/u.test(toks[j - 1]?.key ?? '') && !toks[j - 1]!.cap) adverb = 1;
    }
    // "Models will be Mrs. A, Mrs. B …": a future copula too.
    if (toks[j]?.key === 'be' && !toks[j]!.cap && /^(?:will|shall)$/.test(toks[j - 1]?.key ?? '')) j--;
    const verb = toks[j];
    if (!verb?.word || verb.cap || !/^(?:is|are|was|were|will|shall)$/.test(verb.key)) return;
    // The name after the copula ends its clause: "Their father is Charles Roe." (not "… is Roe's car").
    const span = this.byFirst.get(first);
    let closer = toks[(span?.last ?? first) + 1];
    // "… and Mr. and Mrs. B of Troy.": past the home town.
    const town = closer?.key === 'of' && !closer.cap ? this.byFirst.get((span?.last ?? first) + 2) : undefined;
    if (town) closer = toks[town.last + 1];
    if (span && this.tokens[span.last]!.possessive) return;
    if (closer && !/^(?:[.,;]|and)$/.test(closer.key || closer.text)) return;
    let end = j - 1 - adverb;
    // "The idol of the hackers, of course, is Ray Ainsley": back over an aside between commas.
    if (toks[end]?.text === ',') {
      let c = end - 1;
      while (c > 0 && end - c < 5 && toks[c]!.text !== ',') c--;
      if (toks[c]?.text !== ',' || c === end - 1) return;
      end = c - 1;
    }
    // "The idol of the hackers is X": a role with its complement.
    // ("Parents of the bride are …": the role is the head before "of", though the complement is a role noun too.)
    const endTok = this.word(end);
    const complement = endTok ? this.complementHead(end) : -1;
    const head = complement >= 0 ? complement : end;
    const headTok = this.word(head);
    if (!headTok || headTok.possessive) return;
    const notRole = !(isRoleNoun(headTok.key) || KINSHIP_NOUNS.has(headTok.key) || KIN_PLURALS.has(headTok.key) || singularRole(headTok.key));
    // "Other members of the delegation are: …": else a plural role opening the sentence, with its qualifiers.
    const opening = (): void => {
      const role = this.openingPluralRole(j);
      if (role) {
        roles.push(role);
        evidence.appositive++;
      }
    };
    if (notRole) return opening();
    const kin = KINSHIP_NOUNS.has(headTok.key) ? headTok.key : KIN_PLURALS.get(headTok.key);
    const singular = isRoleNoun(headTok.key) ? headTok.key : kin ?? singularRole(headTok.key);
    if (!singular) return;
    // What comes before the role: a determiner or possessive ("Their father", "The chairman"), or the sentence start.
    let s = head;
    while (s > 0 && head - s < 3) {
      const t = this.word(s - 1);
      // "The 33 honored students are: …": a count and a participle qualify the plural too.
      const counted = /^\d{1,4}$/.test(toks[s - 1]?.text ?? '');
      if (counted) {
        s--;
        continue;
      }
      if (!t || t.possessive || DETERMINERS.has(t.key) || !(t.cap ? this.isRolePart(t) : this.isRolePhraseWord(t) || (singular !== headTok.key && /^\p{Ll}+ed$/u.test(t.key)))) break;
      s--;
    }
    const det = toks[s - 1];
    // ("…, and groomsmen were A, B and C", "…; bridesmaids were …": a new clause opens there too.)
    const clause = det !== undefined && (det.text === ';' || (det.key === 'and' && !det.cap && toks[s - 2]?.text === ','));
    const opens = s === 0 || clause || (det !== undefined && (DETERMINERS.has(det.key) || det.possessive));
    if (!opens) return opening();
    // A plural made singular drops its determiner and count: "The 33 honored students are: A, …" → "honored student".
    let from = det && s > 0 && singular === headTok.key && !clause ? s - 1 : s;
    while (from < head && /^\d{1,4}$/.test(toks[from]!.text)) from++;
    const written = this.text.slice(toks[from]!.start, toks[head]!.end);
    const role = singular === headTok.key ? written : `${written.slice(0, written.length - headTok.text.length)}${singular}`;
    roles.push(complement >= 0 ? `${role}${this.text.slice(toks[head]!.end, toks[end]!.end)}` : role);
    evidence.appositive++;
  }

  /**
   * "… chairman of the committee, which includes Mrs. A, Mrs. B and Mrs. C", "The panel includes A and B": the listed
   * names are members of the body named before "includes".
   */
  protected memberRole(first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    if (toks[first - 1]?.key === 'of' && !toks[first - 1]!.cap) return; // a member's school or town
    if (!this.personShapedAt(first)) return; // "The group includes Ford, General Motors and Chrysler"
    const j = this.listOpening(first);
    if (!toks[j]?.word || toks[j]!.cap || !/^(?:includes|include|included|including)$/.test(toks[j]!.key)) return;
    let b = j - 1;
    if (toks[b]?.key === 'which' || toks[b]?.key === 'that') b--;
    if (toks[b]?.text === ',') b--;
    const body = this.word(b);
    if (!body || body.cap || !MEMBER_BODIES.has(body.key)) return;
    roles.push(`member of the ${body.text}`);
    evidence.appositive++;
  }

  /**
   * "The bridegroom is the son of Mrs. A of Los Angeles, Calif., and B", "the bride, daughter of Mr. and Mrs. C": the
   * names after a child's kin noun and "of" are its parents — the mother or father where an honorific or a given
   * name says which, else a parent (a couple).
   */
  protected parentRole(first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    // (Not a parent's home town: "… and B of Santa Monica".)
    if (toks[first - 1]?.key === 'of' && (this.byLast.has(first - 2) || (toks[first - 2]?.text === ',' && this.byLast.has(first - 3)))) return;
    if (!this.personShapedAt(first)) return;
    const j = this.listOpening(first);
    if (toks[j]?.key !== 'of' || toks[j]!.cap) return;
    const kin = this.word(j - 1);
    if (!kin || kin.cap || !CHILD_NOUNS.has(kin.key)) return;
    let h = first - 1;
    if (toks[h]?.text === '.') h--;
    const honorific = toks[h]?.word ? toks[h]!.key : '';
    const couple = honorific === 'mrs' && toks[h - 1]?.key === 'and' && (toks[h - 2]?.text === '.' ? toks[h - 3] : toks[h - 2])?.key === 'mr';
    const gender = couple ? undefined : (honorificGender(honorific) ?? givenNameGender(toks[first]!.key));
    const grand = kin.key.startsWith('grand') ? 'grand' : ''; // "granddaughter of X": a grandparent
    roles.push(`${grand}${gender === 'f' ? 'mother' : gender === 'm' ? 'father' : 'parent'}`);
    evidence.appositive++;
  }

  /** A name that opens as a person's: after an honorific or an abbreviated title, or with a given name or an initial. */
  private personShapedAt(first: number): boolean {
    const toks = this.tokens;
    const before = toks[first - 1]?.text === '.' ? toks[first - 2] : toks[first - 1];
    if (before?.word && (HONORIFICS.has(before.key) || TITLE_ABBREVIATIONS[before.key] !== undefined)) return true;
    if (isGivenName(toks[first]!.key) || (/^\p{Lu}$/u.test(toks[first]!.text) && toks[first + 1]?.text === '.')) return true;
    // ("Rhodes Semmes Baker Jr.", "Hardy P. Mills": a generation or a middle initial.)
    const span = this.byFirst.get(first);
    const words = span ? toks.slice(span.first, span.last + 1).filter((t) => t.word).map((t) => t.key) : [];
    return (words.length >= 2 && NAME_SUFFIXES.has(words.at(-1)!)) || middleInitialShape(words);
  }

  /**
   * Back from a listed name over honorifics, titles, "the late", towns and the earlier names of its list ("Mr. and
   * Mrs. A of Troy and the late Mrs. B"): the token before the list.
   */
  private listOpening(first: number): number {
    const toks = this.tokens;
    let j = first - 1;
    // Back over honorifics and the earlier names of a list ("Mr. and Mrs. A and Mr. and Mrs. B").
    for (let guard = 0; j >= 0 && guard < 160; guard++) {
      const t = toks[j]!;
      // ("…, Dr. James Carter of Houston and C": an abbreviated title of a listed name too.)
      if (HONORIFICS.has(t.key) || t.text === '.' || t.text === ',' || t.text === ':' || (t.key === 'and' && !t.cap) || (t.cap && toks[j + 1]?.text === '.' && TITLE_ABBREVIATIONS[t.key] !== undefined)) {
        j--;
        continue;
      }
      // ("…, Mrs. Henry M. Chance, 2d, Mrs. Robert O. Spurr, Jr., Mrs. …": a listed name's suffix after its comma)
      if (/^[2-9](?:d|nd|rd|th)$/.test(t.text) || (t.word && t.cap && NAME_SUFFIXES.has(t.key) && toks[j - 1]?.text === ',' && !this.byLast.has(j))) {
        j--;
        continue;
      }
      // ("…, Mrs. John C. Davis 3, Mrs. Cris Dobbins, …": a bare generation number right after a listed name)
      if (/^[2-4]$/.test(t.text) && toks[j + 1]?.text === ',' && this.byLast.has(j - 1)) {
        j--;
        continue;
      }
      // ("… and the late Mrs. Meredith")
      if (t.key === 'late' && !t.cap && toks[j - 1]?.key === 'the') {
        j -= 2;
        continue;
      }
      // "are: Kathleen Mason, Jefferson high school; Phil Reifenrath, …": back over an earlier item's details.
      if (t.text === ';') {
        let c = j - 1;
        while (c > 0 && j - c < 8 && toks[c]!.text !== ',' && toks[c]!.text !== ';' && toks[c]!.text !== ':') c--;
        // "…, and C of W. H. Adamson; Bill Burke, …": a group of names with its school ends at the semicolon.
        if (toks[c]?.text !== ',') {
          if (!this.byLast.has(j - 1)) break;
          j--;
          continue;
        }
        j = c - 1;
        continue;
      }
      // "A, B, and C of Bryan Adams, D …": back over a listed name's school or town.
      // ("A, of Houston, B …": a comma before the town too.)
      if (t.key === 'of' && !t.cap && (this.byLast.has(j - 1) || (toks[j - 1]?.text === ',' && this.byLast.has(j - 2))) && this.byFirst.has(j + 1)) {
        j--;
        continue;
      }
      // "were: Art Hambric, …": a list's first given name that the sentence-start reading dropped.
      if (t.word && t.cap && toks[j - 1]?.text === ':') {
        j--;
        continue;
      }
      const span = this.byLast.get(j);
      if (span && j !== first - 1) {
        j = span.first - 1;
        continue;
      }
      break;
    }
    return j;
  }

  /** From `k`, the first token past an honorific and its period, going forward (`step` 1) or back (-1): "and Mrs. B". */
  protected pastHonorific(k: number, step: 1 | -1): number {
    const toks = this.tokens;
    if (step === 1) return HONORIFICS.has(toks[k]?.key ?? '') ? k + (toks[k + 1]?.text === '.' ? 2 : 1) : k;
    if (toks[k]?.text === '.' && HONORIFICS.has(toks[k - 1]?.key ?? '')) return k - 2;
    return HONORIFICS.has(toks[k]?.key ?? '') ? k - 1 : k;
  }

  /** "Gov. and Mrs. Price Daniel": the title before "and Mrs." is the husband's, whose name the couple shares. */
  private coupleTitle(first: number, evidence: Evidence, roles: string[]): boolean {
    const toks = this.tokens;
    let k = first - 1;
    if (toks[k]?.text === '.') k--;
    if (!toks[k]?.word || !isWifeHonorific(toks[k]!.key) || toks[k - 1]?.key !== 'and' || toks[k - 1]!.cap) return false;
    let t = k - 2;
    const end = t;
    if (toks[t]?.text === '.') t--;
    const title = toks[t];
    if (!title?.word || !title.cap || !isTitle(title.key) || HONORIFICS.has(title.key)) return false;
    roles.push(this.text.slice(title.start, toks[end]!.end));
    evidence.title++;
    return true;
  }

  /**
   * "Other lettermen from the team that … were: A, B and C", "Committee members aiding them … are A and B": a plural
   * role opening the sentence whose copula (`copula`) introduces the list, in the singular with its modifiers.
   */
  private openingPluralRole(copula: number): string | null {
    const toks = this.tokens;
    let s = 0;
    // ("Assisting as chairmen of various committees are …": past the participle and "as".)
    if (/ing$/.test(toks[0]?.key ?? '') && toks[1]?.key === 'as') s = 2;
    while (s < copula && toks[s]!.word && /^(?:the|other|some|several|two|three|four|five|six|seven|eight)$/.test(toks[s]!.key)) s++;
    for (let h = s; h < copula && h - s < 3; h++) {
      const t = toks[h]!;
      if (!t.word) return null;
      const singular = (t.cap && h > 0) || (s === 2 && h === 0) ? null : singularRole(t.key);
      if (!singular) continue;
      for (let v = h + 1; v < copula; v++) if (toks[v]!.word && /^(?:is|are|was|were)$/.test(toks[v]!.key)) return null;
      const modifiers = h > s ? `${this.text.slice(toks[s]!.start, toks[h - 1]!.end)} ` : '';
      // ("chairman of various committees": with what it is of, up to the copula.)
      const of = s === 2 && toks[h + 1]?.key === 'of' && copula - h <= 5 ? ` ${this.text.slice(toks[h + 1]!.start, toks[copula - 1]!.end)}` : '';
      return `${modifiers}${singular}${of}`;
    }
    return null;
  }

  /** "designed by Simon Roe", "conducted by X": the maker the participle names, when nothing else gives a role. */
  protected agentRole(name: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    // "headed by Mrs. Charles Shipman Payson": back over an honorific.
    let first = name;
    if (toks[first - 1]?.text === '.' && HONORIFICS.has(toks[first - 2]?.key ?? '')) first -= 2;
    else if (HONORIFICS.has(toks[first - 1]?.key ?? '')) first--;
    if (toks[first - 1]?.key !== 'by' || toks[first - 1]!.cap) return;
    const verb = toks[first - 2];
    // ("Directed by Grigory Kozintsev, …": the participle may open the sentence.)
    if (!verb?.word || (verb.cap && first - 2 !== 0)) return;
    const agent = AGENT_NOUNS.get(verb.key);
    if (!agent) return;
    // "The New York franchise is headed by X": the head of the clause's subject, when it is a short noun phrase.
    const copula = toks[first - 3];
    if (copula?.word && !copula.cap && /^(?:is|was|are|were|been)$/.test(copula.key)) {
      let s = first - 3;
      while (s > 0 && (toks[s - 1]!.word || toks[s - 1]!.text === '-') && first - 3 - s < 6) s--;
      const det = toks[s];
      if (s < first - 4 && (s === 0 || /^[,;:—]$/.test(toks[s - 1]!.text)) && det?.word && /^(?:the|a|an)$/.test(det.key) && toks.slice(s + 1, first - 3).every((t) => t.word && !SPEECH_VERBS.has(t.key))) {
        roles.push(`${agent} of ${det.key} ${this.text.slice(toks[s + 1]!.start, toks[first - 4]!.end)}`);
        evidence.appositive++;
        return;
      }
    }
    roles.push(agent);
    evidence.appositive++;
  }

  /** The first token of the span ending at `last`. */
  protected firstOf(last: number): number {
    return this.byLast.get(last)?.first ?? last;
  }

  /**
   * A name in a list after a plural role: "several bankers, including Scott Hudson of Sherman, … and Howard Cox",
   * "Two British civil servants, Miss Ethel Gee, 46, …", "Sens. A and B": each listed name has that role.
   */
  protected listRole(first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    let j = first - 1;
    while (j >= 0 && (HONORIFICS.has(toks[j]!.key) || toks[j]!.text === '.')) j--;
    if (toks[j]?.key === 'of' || toks[j]?.key === 'in') return; // "Jones of Houston": a place
    // Back over earlier items of the list (names, "of Place", commas, "and") to "including" or the plural role.
    let head = -1;
    let exemplified = false;
    for (let steps = 0; j >= 0 && steps < 40; steps++) {
      const t = toks[j]!;
      // "Sens. A and B", "Patrolmen A and B" (a plural role opening the sentence).
      // (after a verb too, right before the list's first name: "told Policemen James Jones and Morgan Lloyd"; not a
      // home town, "of Queens", nor "Mrs." taken for the plural of "Mr.")
      const before = toks[j - 1];
      const opens = j === 0 || (before?.word === true && !before.cap && !/^(?:of|in|at|from|for|to|by|with|and|or)$/.test(before.key) && this.byFirst.has(j + 1));
      if (t.word && t.cap && (PLURAL_TITLES.has(t.key) || (opens && !HONORIFICS.has(t.key) && singularRole(t.key) !== null))) {
        roles.push(this.text.slice(t.start, toks[j + 1]?.text === '.' ? toks[j + 1]!.end : t.end));
        evidence.title++;
        return;
      }
      // "violinists A, B and C": the plural role right before the list's first name.
      if (t.word && !t.cap && !isRoleNoun(t.key) && singularRole(t.key) && this.byFirst.has(j + 1)) {
        this.pluralRole(j, evidence, roles);
        return;
      }
      // "bankers, including A", "small-town legislators like A, B and C", "officials such as A".
      if (t.word && !t.cap && (t.key === 'including' || t.key === 'like' || (t.key === 'as' && toks[j - 1]?.key === 'such'))) {
        const at = t.key === 'as' ? j - 1 : j;
        head = toks[at - 1]?.text === ',' ? at - 2 : at - 1;
        exemplified = true;
        break;
      }
      // "Eligio (Kika) De La Garza of Mission": a nickname in brackets inside a listed name.
      if (t.text === '(' || t.text === ')') {
        j--;
        continue;
      }
      if (t.text === ',' || t.text === '—' || t.text === ':') {
        const before = toks[j - 1];
        if (before?.word && !before.cap && (singularRole(before.key) || KIN_PLURALS.has(before.key))) {
          head = j - 1;
          break;
        }
        j--;
        continue;
      }
      // "two of his sons, John, 17, and Jim, 13": the ages of the listed.
      if (t.text === '.' || /^\d{1,3}$/.test(t.text) || (t.word && (t.cap || t.key === 'of' || t.key === 'and'))) {
        j--;
        continue;
      }
      return;
    }
    const headTok = toks[head];
    if (!headTok?.word || headTok.cap) return;
    // "a number of newsmen, including A": before "including", any plural kind of person.
    const singular = singularRole(headTok.key) ?? KIN_PLURALS.get(headTok.key) ?? (exemplified ? singularPersonNoun(headTok.key) : null);
    if (!singular) return;
    let s = head;
    const modifier = (t: NameToken | undefined): boolean =>
      t !== undefined && t.word && (TITLE_MODIFIERS.has(t.key) || isDemonym(t.key) || (!t.cap && !STOP_WORDS.has(t.key) && isRoleModifierWord(t.key)));
    while (s > 0 && head - s < 3 && modifier(toks[s - 1])) s--;
    // "happier under new managers, Mays and Mantle": a role that is a preposition's object is not the names'.
    const prep = toks[s - 1];
    if (prep?.word && !prep.cap && /^(?:under|by|with|from|for|to|against|behind|beside|without|about|after|before)$/.test(prep.key)) return;
    const modifiers = s < head ? `${this.text.slice(toks[s]!.start, toks[head - 1]!.end)} ` : '';
    roles.push(`${modifiers}${singular}`);
    evidence.appositive++;
  }
}
