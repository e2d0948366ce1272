// One sentence → the names it mentions, each with the evidence news prose gives about what it names:
// a title or role before it, an appositive after it, a speech verb, "the X", "in X", an acronym in parentheses.
import { casedWords, nameTokens, withoutPossessive } from '../../text/terms.js';
import { STREET_WORDS, TRAILING_ORG_NOUNS, TRAILING_PLACE_NOUNS, hasOrgCue, isDemonym, isPluralPlaceNoun, isGivenName, isLexiconLastName, isModifiedNoun, isStateAbbreviation, givenNameGender, lexiconKind, mayBeGivenName } from '../names.js';
import { lexiconTags } from '../../text/lexicon.js';
import { HONORIFICS, INVERTED_SPEECH_VERBS, ORGANISATION_KIND_NOUNS, OUTLET_VERBS, SPEECH_NOUNS, SPEECH_VERBS, honorificGender, isRoleNoun, singularRole, singularTitle } from '../vocabulary.js';
import { BETWEEN_SUBJECT_AND_VERB, type Span } from './name-spans.js';
import { RoleReaders } from './roles.js';
import { TENURE_WORDS } from './roles-before.js';

/** Time words between a speech verb and the clause it reports ("said today Jones will …"). */
const TIME_ADVERBS: ReadonlySet<string> = new Set(['today', 'yesterday', 'tonight', 'tomorrow']);
/** Of TRAILING_ORG_NOUNS, those a titled person runs: "the Gov. X administration" is X's. */
const PERSONAL_ORG_NOUNS: ReadonlySet<string> = new Set(['administration', 'government', 'campaign', 'cabinet']);

/** Counts of each kind of clue seen for a name. */
export interface Evidence {
  /** A title or role right before the name ("Foreign Minister X", "spokesperson X"). */
  title: number;
  /** A role in apposition ("X, chief defense counsel,"). */
  appositive: number;
  /** Subject of a speech verb ("X said", "said X"). */
  speech: number;
  /** Subject of "reported"/"cited": a news outlet. */
  outlet: number;
  /** Preceded by "the" ("the MEK"). */
  theX: number;
  /** After "in"/"at"/"from" ("in Berlin"). */
  placePrep: number;
  /** Stands before a role as its employer ("Apple CEO X", "Council spokesperson X"). */
  affiliation: number;
  /** The article's byline. */
  byline: number;
  /** Used as a modifier of the noun after it ("the Balkan state"): an adjective, not a name. */
  modifier: number;
  /** After a house number ("2269 Serra"): a street. */
  address: number;
  /** The sentence's subject, taken up by "he" or "she" later in it ("Brandt looks as though he could …"). */
  pronoun: number;
  /** After a lower-case kind of organisation ("the regulator Ofwat", "promoter Big Sky Concerts"). */
  orgNoun: number;
  /** After "a"/"an" ("a Chester White", "an Eames chair"): a kind or a make, not someone. */
  indefinite: number;
  /** One word joined by "and" to a person's full name ("the merits of Mays and Mickey Mantle"): a person alike. */
  partner: number;
}

export const noEvidence = (): Evidence => ({
  title: 0,
  appositive: 0,
  speech: 0,
  outlet: 0,
  theX: 0,
  placePrep: 0,
  affiliation: 0,
  byline: 0,
  modifier: 0,
  address: 0,
  pronoun: 0,
  orgNoun: 0,
  indefinite: 0,
  partner: 0,
});

/** The short words a title leaves in lower case ("Sunrise at Campobello", "The Wealth of Nations"). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set('a an the and or nor but of in on at to for from by with as vs'.split(' '));

export interface RawMention {
  /** Name key: normalised words joined by spaces. */
  key: string;
  words: string[];
  /** The name as written. */
  surface: string;
  /** Offsets into the scanned text. */
  start: number;
  end: number;
  evidence: Evidence;
  /** The role phrase as written, when the sentence states one. */
  roles: string[];
  /** Known to be an organisation from its form ("Biden administration"). */
  organization: boolean;
  /** "Mrs."/"Miss"/"Ms." (f) or "Mr."/"Lord" (m) right before the name. */
  honorific?: 'f' | 'm';
  /** That honorific as written, up to the name ("Mrs. "). */
  honorificText?: string;
  /** The other one-word names of a list of one-word names it is in ("Mundt, Goldwater, Bridges, Dirksen"). */
  listPeers?: string[];
}

export interface SentenceScan {
  mentions: RawMention[];
  /** Pairs of name keys the sentence says are one entity ("Mujahedeen-e-Khalq (MEK)"). */
  links: [string, string][];
  /**
   * The person-shaped name the sentence is about, when it opens the sentence (or its clause after a fronted phrase)
   * as the subject — "Of Irish descent, Greer Garson was born …" — with the genders "he" or "she" may take it up by.
   */
  subject?: { mention: RawMention; genders: ('f' | 'm')[] };
  /** "She is state chairman for …": a sentence opening with "he" or "she", and the role its copula gives. */
  pronoun?: { gender: 'f' | 'm'; roles: string[] };
  /**
   * A list of names: the role its items were given, when the sentence ends inside it (`role`); whether the sentence
   * is nothing but a list's items ("Paulah Roe, Gerald Poe, and Nan Coe of Hillcrest; Arnold Hay … of Jefferson;"),
   * and those items (the names not after "of": a school or a town is an item's detail).
   */
  list?: { role?: string; itemsOnly: boolean; items: RawMention[] };
  /** "Among them will be A, B and C": the names the sentence lists as some of the plural before it. */
  amongThem?: RawMention[];
}

/** What the whole corpus says about words, to tell a sentence-initial name from a capitalised common word. */
export interface WordStats {
  /** Words seen in lower case. */
  lower: Set<string>;
  /** Words seen capitalised away from a sentence start. */
  capitalisedMidSentence: Set<string>;
}

const PLACE_PREPOSITIONS = new Set('in at near across throughout outside inside from into'.split(' '));
const ALIAS_PHRASES = [['also', 'known', 'as'], ['known', 'as'], ['or']];
/** Titles of an elected member, whose "for X" is the seat ("the MP for Bristol East"). */
const SEAT_TITLES = new Set('mp mep msp mla mp-elect councillor cllr representative congressman congresswoman senator member'.split(' '));

/**
 * The last plural role noun of a sentence, in the singular ("the work of 100 artists well known in the area" →
 * "artist"): what "Among them will be A, B" in the next sentence refers to. Read only for such a sentence.
 */
export function lastPluralRole(text: string): string | undefined {
  let found: string | undefined;
  for (const t of nameTokens(text)) {
    if (!t.word || t.cap || isRoleNoun(t.key)) continue;
    found = singularRole(t.key) ?? found;
  }
  return found;
}

/** Collect, over all sentences, which words appear lower-case and which capitalised mid-sentence. */
export function addWordStats(stats: WordStats, text: string): void {
  let first = true;
  for (const m of casedWords(text)) {
    const w = m[0];
    const c = w[0]!;
    if (c !== c.toUpperCase()) stats.lower.add(withoutPossessive(w));
    else if (!first && !afterOpening(text, m.index))
      stats.capitalisedMidSentence.add(withoutPossessive(w.toLowerCase()));
    first = false;
  }
}

/** Does a word at `index` follow an opening quote, bracket, colon or dash (a sentence-like start)? */
function afterOpening(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 && '“"‘(:—'.includes(text[i]!);
}

/** One sentence's names (from NameSpans) with the evidence around each; the role readers are in roles.ts. */
class SentenceScanner extends RoleReaders {
  readonly mentions: RawMention[] = [];
  readonly links: [string, string][] = [];

  scan(): SentenceScan {
    const spans = this.nameSpans();
    for (const span of spans) {
      this.byFirst.set(span.first, span);
      this.byLast.set(span.last, span);
    }
    for (const span of spans) this.emit(span);
    this.markLists(spans);
    const subject = this.subjectOf(spans);
    const pronoun = this.pronounRole();
    const list = this.listOf(spans);
    const amongThem = this.amongThem(spans);
    return {
      mentions: this.mentions,
      links: this.links,
      ...(subject ? { subject } : {}),
      ...(pronoun ? { pronoun } : {}),
      ...(list ? { list } : {}),
      ...(amongThem ? { amongThem } : {}),
    };
  }

  /** "Among them will be A, B and C.", "Among them are A and B.": the names listed (not a name after "of"). */
  private amongThem(spans: Span[]): RawMention[] | undefined {
    const toks = this.tokens;
    if (toks[0]?.key !== 'among' || toks[1]?.key !== 'them') return undefined;
    const verb = toks[2]?.key === 'will' && toks[3]?.key === 'be' ? 4 : /^(?:are|were|is|was)$/.test(toks[2]?.key ?? '') ? 3 : -1;
    if (verb < 0) return undefined;
    const items = this.listedItems(spans, verb);
    return items.length > 0 ? items : undefined;
  }

  /** The names of the spans from token `from` on that are a list's items: not a name after "of" (a school, a town). */
  private listedItems(spans: Span[], from = 0): RawMention[] {
    return spans.filter((s) => s.first >= from && s.mention !== undefined && this.tokens[s.first - 1]?.key !== 'of').map((s) => s.mention!);
  }

  /**
   * The sentence's list of names, for a list that runs on past a stray period or into the next paragraph ("The 33
   * honored students are: …, and C of N. R. Crozier Tech. Paulah Roe, … of Hillcrest; …"): the role its items share
   * when the sentence ends with one of them, and whether the sentence holds only items (names, their "of" details,
   * commas, semicolons and "and").
   */
  private listOf(spans: Span[]): SentenceScan['list'] {
    const toks = this.tokens;
    const items = this.listedItems(spans);
    if (items.length < 2) return undefined;
    const covered = new Set<number>();
    for (const s of spans) for (let k = s.first; k <= s.last; k++) covered.add(k);
    // (an honorific's period and a suffix's are part of the item: "Mrs. A", "B Jr.")
    // ("Also Mrs. A, Mrs. B …": a list's next sentence may open with "also".)
    const itemsOnly = toks.every((t, k) => covered.has(k) || /^[,;.:]$/.test(t.text) || (t.word && !t.cap && /^(?:and|of)$/.test(t.key)) || HONORIFICS.has(t.key) || (k === 0 && t.key === 'also'));
    const last = items.at(-1)!;
    const role = last.roles.length === 1 && items.filter((m) => m.roles[0] === last.roles[0]).length >= 3 ? last.roles[0] : undefined;
    return role !== undefined || itemsOnly ? { ...(role !== undefined ? { role } : {}), itemsOnly, items } : undefined;
  }

  /**
   * The sentence's first name, when it is its subject: at the sentence's start or after a fronted phrase's comma
   * (past an honorific, a couple's "Mr. and Mrs." or a title), not after a preposition or a determiner, nor a
   * possessive ("Hollywood's Louis B. Mayer": the name after it). Only a person-shaped name: an honorific, a title or
   * a given name opens it.
   */
  private subjectOf(spans: Span[]): SentenceScan['subject'] {
    const toks = this.tokens;
    // The token before a name's opening, past its honorific, a couple's "Mr. and" and possessive names before it
    // ("Hollywood's Louis B. Mayer"); and whether a couple's honorifics open it.
    const opening = (s: Span): { b: number; couple: boolean } => {
      let b = this.pastHonorific((s.roleFirst ?? s.first) - 1, -1);
      const couple = toks[b]?.key === 'and' && !toks[b]!.cap && this.pastHonorific(b - 1, -1) < b - 1;
      if (couple) b = this.pastHonorific(b - 1, -1);
      while (b >= 0 && toks[b]!.possessive && this.byLast.has(b)) b = this.byLast.get(b)!.first - 1;
      return { b, couple };
    };
    const named = spans.filter((s) => s.mention !== undefined && !toks[s.last]!.possessive);
    if (named.length === 0) return undefined;
    // The first name, or the first after a fronted phrase's comma when the sentence opens with no name ("Of Irish
    // descent, Greer Garson was born …": past the names inside the phrase).
    const opensWithName = this.byFirst.has(0) || this.byFirst.has(this.pastHonorific(0, 1));
    const span = opening(named[0]!).b < 0 ? named[0] : opensWithName ? undefined : named.find((s) => toks[opening(s).b]?.text === ',');
    const m = span?.mention;
    if (!span || !m) return undefined;
    const { b, couple } = opening(span);
    const before = toks[b];
    if (before && !(before.text === ',' || before.text === '—')) return undefined;
    if (!(m.honorific || span.title || mayBeGivenName(m.words[0]!))) return undefined;
    const given = m.words.length >= 2 ? givenNameGender(m.words[0]!) : undefined;
    const gender = couple ? undefined : (m.honorific ?? given);
    return { mention: m, genders: gender ? [gender] : ['f', 'm'] };
  }

  /** "She is state chairman for the …", "He is the sexton of the church.": the role a sentence-opening pronoun is given. */
  private pronounRole(): SentenceScan['pronoun'] {
    const first = this.tokens[0];
    if (!first?.word || !first.cap || !/^(?:he|she)$/.test(first.key)) return undefined;
    const roles: string[] = [];
    this.copulaRole(0, noEvidence(), roles);
    return roles.length > 0 ? { gender: first.key === 'she' ? 'f' : 'm', roles } : undefined;
  }

  /**
   * "Mundt, Goldwater, Bridges, Dirksen, et al", "Brandt, Triandos and Walker": names of one word each (or each of two
   * to four), joined only by commas and "and", are one list; each mention learns the others (a list is of one kind,
   * clusters.ts weighs it).
   */
  private markLists(spans: Span[]): void {
    const toks = this.tokens;
    // A list is of names of one word, or of names of two to four words ("William A. Thompson, Van Cott Niven, A. B.
    // Cox"); 0 is neither.
    const width = (x: Span): number => {
      if (x.mention === undefined || toks[x.last]!.possessive) return 0;
      const n = x.mention.words.length;
      return n === 1 && x.first === x.last ? 1 : n >= 2 && n <= 4 ? 2 : 0;
    };
    let group: Span[] = [];
    let joinedByAnd = false;
    const flush = (): void => {
      // Two names with only a comma between are no list ("Through Secretary Herter, Ike offered …").
      if (group.length >= 3 || (group.length === 2 && joinedByAnd)) {
        for (const x of group) x.mention!.listPeers = group.filter((y) => y !== x).map((y) => y.mention!.key);
        // "Houston, Bleckley and Dodge counties", "four counties — Troup, Pierce, Bryan and Bulloch —": places.
        const after = toks[group.at(-1)!.last + 1];
        const dash = toks[group[0]!.first - 1];
        const before = dash && /^[—–:]$/.test(dash.text) ? toks[group[0]!.first - 2] : undefined;
        if ((after?.word && !after.cap && isPluralPlaceNoun(after.key)) || (before?.word && !before.cap && isPluralPlaceNoun(before.key))) {
          for (const x of group) {
            x.mention!.evidence.placePrep += 3;
            x.mention!.evidence.address++;
          }
        }
      }
      group = [];
      joinedByAnd = false;
    };
    for (const span of spans) {
      const prev = group.at(-1);
      if (width(span) === 0) {
        flush();
        continue;
      }
      if (prev && width(prev) !== width(span)) flush();
      // "…, of United Press International, and Robert Berrellez": a full name after a preposition is its object.
      const opener = toks[span.first - 1];
      if (width(span) === 2 && opener?.word && !opener.cap && (PLACE_PREPOSITIONS.has(opener.key) || opener.key === 'of')) {
        flush();
        continue;
      }
      if (prev) {
        const between = toks.slice(prev.last + 1, span.first);
        const joined = between.length >= 1 && between.length <= 2 && between.every((t) => t.text === ',' || (t.key === 'and' && !t.cap)) && !(between.length === 2 && between[0]!.text === between[1]!.text);
        if (!joined) flush();
        else if (between.some((t) => t.key === 'and')) joinedByAnd = true;
      }
      group.push(span);
    }
    flush();
  }

  /**
   * "the merits of Mays and Mickey Mantle", "Mickey Mantle and Mays": a one-word name joined by "and" to a full name
   * that opens with a given name (not "Kansas City and Mays", nor a title's run).
   */
  private fullNameBeside(first: number, last: number): boolean {
    const toks = this.tokens;
    const person = (span: Span | undefined): boolean => {
      if (!span || span.title || span.affiliation) return false;
      const words = this.range(span.first, span.last).filter((k) => toks[k]!.word);
      return words.length >= 2 && words.length <= 3 && isGivenName(toks[words[0]!]!.key) && !hasOrgCue(words.map((k) => toks[k]!.key));
    };
    const and = (k: number): boolean => toks[k]?.word === true && toks[k]!.key === 'and' && !toks[k]!.cap;
    return (and(last + 1) && person(this.byFirst.get(last + 2))) || (and(first - 1) && person(this.byLast.get(first - 2)));
  }

  /** "…, John Roe, Warren, Ohio;": one word between a listed full name and a state's name or abbreviation. */
  private townBeforeState(first: number, last: number): boolean {
    const toks = this.tokens;
    if (first !== last || toks[last + 1]?.text !== ',' || toks[first - 1]?.text !== ',') return false;
    const person = this.byLast.get(first - 2);
    if (!person || person.last === person.first) return false;
    const state = this.byFirst.get(last + 2);
    if (!state) return false;
    const after = toks[state.last + 1];
    const abbreviated = state.first === state.last && isStateAbbreviation(toks, state.first);
    const named = lexiconTags(this.keyOf(this.range(state.first, state.last))).includes('Region') && (!after || /^[.,;]$/.test(after.text));
    return abbreviated || named;
  }

  /**
   * "Triandos hasn't proved it yet, but he says …", "To me, Brandt looks as though he could …": the sentence's first
   * name, of one word (a surname alone), followed by its verb, taken up by "he" or "she" before any other name comes — not "…, he said." at the end,
   * which is a speaker's attribution.
   */
  private pronounAfter(first: number, last: number): boolean {
    const toks = this.tokens;
    if (first !== last || toks[last]!.possessive) return false;
    // "Sandman said today Jones will run well ahead of his GOP opponents": a reported clause's subject, taken up
    // by "his"/"her" in the clause (before any comma or other name).
    const opener = this.word(first - 1);
    const reported = opener !== undefined && !opener.cap && (SPEECH_VERBS.has(opener.key) || opener.key === 'that' || TIME_ADVERBS.has(opener.key));
    if (!reported) {
      if (this.mentions.length > 0) return false;
      for (let i = 0; i < first; i++) if (toks[i]!.word && toks[i]!.cap && i > 0) return false;
    }
    const verb = toks[last + 1];
    if (!verb?.word || verb.cap || /^(?:and|or|nor|of|for|in|at|on|to|from|with|by|as|who|which|that)$/.test(verb.key)) return false;
    for (let i = last + 2; i < toks.length; i++) {
      const t = toks[i]!;
      if (this.byFirst.has(i)) return false;
      if (reported) {
        if (!t.word) {
          if (t.text !== '-') return false;
          continue;
        }
        if (/^(?:his|her)$/.test(t.key) && i - last <= 10) return true;
        continue;
      }
      if (!t.word || !/^(?:he|she)$/.test(t.key)) continue;
      const after = toks[i + 1];
      const end = toks[i + 2];
      if (after?.word && SPEECH_VERBS.has(after.key) && (!end || (!end.word && /^[.!?”"]$/.test(end.text)))) return false;
      return true;
    }
    return false;
  }

  // -- Context: what surrounds a name ----------------------------------------------------------------------------

  private emit(span: Span): void {
    const toks = this.tokens;
    let last = span.last;
    const first = span.first;
    // "#Hamilton Chicago show …", "@BBCBreaking": a hashtag or a handle names no one.
    if (/[#@]$/.test(this.text.slice(0, toks[first]!.start))) return;
    // "Super Mario Run" is divided …, like “Temple Run,”: a name that fills a quotation is a title, not a person.
    if (/["“‘](?:\p{Lu}[\p{L}'’-]*\s+){0,3}$/u.test(this.text.slice(Math.max(0, toks[first]!.start - 40), toks[first]!.start)) && /^[,.!?]?["”’]/.test(this.text.slice(toks[span.last]!.end))) return;
    // ("“Captain Brassbound's Conversion”", "“Goodbye, Mr. Chips”": so does one inside a quotation in title case.)
    if (this.inTitleQuotation(toks[first]!.start, toks[span.last]!.end)) return;
    const evidence = noEvidence();
    const roles = [...span.roles];
    // "former Gov. Marvin Griffin": lower-case words of tenure before the title the name was written with.
    if (span.roleFirst !== undefined && roles.length === 1) {
      let s = span.roleFirst;
      while (s > 0 && span.roleFirst - s < 2 && toks[s - 1]!.word && !toks[s - 1]!.cap && TENURE_WORDS.has(toks[s - 1]!.key)) s--;
      if (s < span.roleFirst) roles[0] = `${this.text.slice(toks[s]!.start, toks[span.roleFirst]!.start)}${roles[0]}`;
    }
    if (span.title) evidence.title++;
    if (span.affiliation) evidence.affiliation++;
    let organization = false;

    const after = toks[last + 1];
    const lastTok = toks[last]!;
    // "The Biden administration": the capitalised word is part of an organisation's name — not after a title, which
    // names the person it is run by ("The Gov. Jimmie H. Davis administration").
    if (
      after?.word &&
      !after.cap &&
      TRAILING_ORG_NOUNS.has(after.key) &&
      !(span.title && PERSONAL_ORG_NOUNS.has(after.key)) &&
      !lastTok.possessive &&
      !isDemonym(lastTok.key) &&
      lexiconKind(lastTok.key) === null
    ) {
      last++;
      organization = true;
    }
    // "their Anne Arundel county home": the name of a county.
    if (after?.word && !after.cap && TRAILING_PLACE_NOUNS.has(after.key) && !lastTok.possessive) {
      evidence.placePrep += 2;
      evidence.address++;
    }
    // "2269 Serra", "4911 Miles Dr.": a house number makes a street of the name after it.
    const before = toks[first - 1];
    if (before && /^\d{2,6}$/.test(before.text) && !/[$€£]\s*$/.test(this.text.slice(Math.max(0, before.start - 2), before.start))) {
      evidence.placePrep += 3;
      evidence.address++;
    }
    // A dateline: "Austin, Texas — …", "Trenton — …", "Salem (AP) — …": the place a report was filed from.
    if (first === 0 && /^(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*\.?)?\s*(?:\([^)]{1,20}\)\s*)?[—–]/u.test(this.text.slice(toks[last]!.end))) {
      evidence.placePrep += 3;
      evidence.address++;
    }
    // "a farmer of Hartselle, Ala.", "in Anniston, Ala., on …": a state's abbreviation after a town and a comma; the
    // town is a place too.
    const town = toks[first - 1]?.text === ',' ? this.byLast.get(first - 2) : undefined;
    if (first === last && town && isStateAbbreviation(toks, last)) {
      evidence.placePrep += 3;
      evidence.address++;
      if (town.mention && !town.title) {
        town.mention.evidence.placePrep += 4;
        town.mention.evidence.address++;
      }
    }
    // "…, John Killingsworth, Warren, Ohio;": a one-word town between a listed person and a state is a place, though a
    // given name ("Warren"), and takes no role of the list.
    const listedTown = this.townBeforeState(first, last);
    if (listedTown) {
      evidence.placePrep += 4;
      evidence.address++;
    }
    // "…, 31730 Mound, Warren": the town after a street address.
    // (past a lower-case street word: "of 3211 Park pl., Evanston")
    let streetEnd = first - 2;
    while (streetEnd > 0 && (toks[streetEnd]!.text === '.' || (toks[streetEnd]!.word && !toks[streetEnd]!.cap && STREET_WORDS.has(toks[streetEnd]!.key)))) streetEnd--;
    const street = toks[first - 1]?.text === ',' ? this.byLast.get(streetEnd) : undefined;
    const afterStreet = street?.mention !== undefined && street.mention.evidence.address > 0;
    if (afterStreet) {
      evidence.placePrep += 2;
      evidence.address++;
    }
    // "Continental Airlines night-coach Flight 54", "Room 12", "Route 66": one word that is no given name or surname,
    // with a number right after it, is a designation.
    const numbered = toks[last + 1];
    if (first === last && numbered && /^\d{1,4}$/.test(numbered.text) && numbered.start === lastTok.end + 1 && !lastTok.possessive && !lastTok.acronym && !isGivenName(lastTok.key) && !isLexiconLastName(lastTok.key) && lexiconKind(lastTok.key) === null) return;
    // "Mrs. Henry T. Sulcer of Winnetka, a new board member,": the appositive after a person's home town is the person's.
    // ("Mrs. Grace Butcher, of nearby Chardon, a 27-year-old housewife": past "nearby", and a comma before "of".)
    const of = toks[first - 1]?.key === 'nearby' && !toks[first - 1]!.cap ? first - 2 : first - 1;
    const homeOf = toks[of]?.key === 'of' && !toks[of]!.cap ? (this.byLast.get(of - 1) ?? (toks[of - 1]?.text === ',' ? this.byLast.get(of - 2) : undefined)) : undefined;
    // ("C. Wheeler Barnes of Denver, head of …": an initial opens a person's name too.)
    const personalHome = homeOf?.mention !== undefined && (homeOf.title || isGivenName(toks[homeOf.first]!.key) || /^\p{Lu}$/u.test(toks[homeOf.first]!.text) || homeOf.mention.evidence.title > 0);
    // ("Col. Clifton Lisle, of Chester Springs, who …": the home town set off by commas is a place.)
    if (personalHome && toks[of - 1]?.text === ',' && toks[last + 1]?.text === ',') evidence.placePrep += 4;
    // "the regulator Ofwat", "the shop workers' union Usdaw": a kind of organisation right before the name (not a given
    // name: "promoter Frank Warren") says what the name is, and is no role.
    const kindNoun = this.word(first - 1);
    const ofKind = kindNoun !== undefined && !kindNoun.cap && !kindNoun.possessive && ORGANISATION_KIND_NOUNS.has(kindNoun.key) && !isGivenName(toks[first]!.key);
    if (ofKind) evidence.orgNoun++;
    // What follows a person's home town is the person's: the appositive, the copula and the relative clause ("Miss Mary
    // Ross of Baird was maid of honor", "Rob Ledford of Gainesville, who has been an assistant").
    const owner = personalHome ? homeOf!.mention! : undefined;
    const forOwner = (read: (evidence: Evidence, roles: string[]) => void): void => {
      const given = noEvidence();
      read(given, owner!.roles);
      owner!.evidence.appositive += given.appositive;
    };
    if (!organization && !listedTown) {
      if (!ofKind) this.roleBefore(first, evidence, roles);
      if (owner) forOwner((e, r) => this.appositiveAfter(span.last, e, r));
      else this.appositiveAfter(span.last, evidence, roles);
      // "…, Mrs. Eve Roe is treasurer": the copula after the name says more surely than a list before it.
      if (roles.length === 0 && owner) {
        if (owner.roles.length === 0) forOwner((e, r) => this.copulaRole(span.last, e, r));
      } else if (roles.length === 0) this.copulaRole(span.last, evidence, roles);
      if (roles.length === 0) this.listRole(first, evidence, roles);
      if (roles.length === 0) this.asRole(span.last, evidence, roles);
      if (roles.length === 0) this.copulaRoleBefore(first, evidence, roles);
      if (roles.length === 0) this.parentRole(first, evidence, roles);
      if (roles.length === 0) this.memberRole(first, evidence, roles);
      if (roles.length === 0 && !span.affiliation) this.agentRole(first, evidence, roles);
      if (roles.length === 0) this.tradeVerbAfter(span.last, evidence, roles);
      // "Vicky, 14; Dennis, 6;": an age in apposition is a person's.
      if (toks[last + 1]?.text === ',' && /^\d{1,3}$/.test(toks[last + 2]?.text ?? '') && /^(?:[,;.)]|and)$/.test(toks[last + 3]?.key || toks[last + 3]?.text || '.') && evidence.appositive === 0)
        evidence.appositive++;
      if (owner) forOwner((e, r) => this.whoAfter(span.last, e, r));
      else if (!afterStreet) this.whoAfter(span.last, evidence, roles); // "of 3211 Park pl., Evanston, who …": the resident's
      if (this.pronounAfter(first, span.last)) evidence.pronoun++;
      // "The MP for Bristol East said": the seat after a title's "for" is a place, and the title is the speaker.
      const seat = toks[first - 1]?.key === 'for' && !toks[first - 1]!.cap && SEAT_TITLES.has(this.word(first - 2)?.key ?? '');
      if (seat) evidence.placePrep += 2;
      // (Not "the Havana American Legion post": after "the", "post" is the noun the name modifies.)
      else if (!lastTok.possessive && this.speechVerbAfter(last) && !(toks[first - 1]?.key === 'the' && /^posts?$/.test(this.word(last + 1)?.key ?? ''))) evidence.speech++;
      // "Leverett Saltonstall and Dick Russell spoke": both are the subject.
      else if (!lastTok.possessive && this.word(last + 1)?.key === 'and' && !this.word(last + 1)!.cap) {
        const partner = this.byFirst.get(last + 2);
        if (partner && !this.tokens[partner.last]!.possessive && this.speechVerbAfter(partner.last)) evidence.speech++;
      }
      if (first === last && this.fullNameBeside(first, last)) evidence.partner++;
      const prev = this.word(first - 1);
      if (prev && INVERTED_SPEECH_VERBS.has(prev.key)) evidence.speech++;
      // "in the words of X", "the remarks of X": whose words they are.
      else if (prev?.key === 'of' && !prev.cap && this.word(first - 2) && SPEECH_NOUNS.has(this.word(first - 2)!.key) && !this.word(first - 2)!.cap) evidence.speech++;
      const skip =
        BETWEEN_SUBJECT_AND_VERB.has(this.word(last + 1)?.key ?? '') || this.word(last + 1)?.key === 'first'
          ? 1
          : 0;
      const next = this.word(last + 1 + skip);
      if (!lastTok.possessive && next && !next.cap && OUTLET_VERBS.has(next.key)) evidence.outlet++;
      const following = this.word(last + 1);
      // "Mr. Roe heads a group": a trade verb with its object is no noun the name modifies.
      if (!lastTok.possessive && following && !following.cap && isModifiedNoun(following.key) && !this.tradeVerbAt(last + 1))
        evidence.modifier++;
    }
    const prev = toks[first - 1];
    if (prev?.word && prev.key === 'the') evidence.theX++;
    else if (prev?.word && !prev.cap && (prev.key === 'a' || prev.key === 'an')) evidence.indefinite++;
    const prep = prev?.key === 'the' ? toks[first - 2] : prev;
    // "in Rafah", "near Pokrovsk" say place more surely than "at X" (often an employer) or "Jones of Houston".
    if (!lastTok.possessive && prep?.word && !prep.cap && PLACE_PREPOSITIONS.has(prep.key))
      evidence.placePrep += prep.key === 'at' ? 1 : 2;
    else if (prev?.key === 'of' && !prev.cap && this.byLast.has(first - 2)) {
      // "Scott Hudson of Sherman", "Rep. Charles E. Hughes of Sherman": a person's home town.
      const owner = this.byLast.get(first - 2)!;
      const personal = owner.title || isGivenName(toks[owner.first]!.key) || (owner.mention?.evidence.title ?? 0) + (owner.mention?.evidence.appositive ?? 0) > 0;
      evidence.placePrep += personal ? 3 : 1;
    }
    this.aliasLinks(span);

    for (let i = first; i <= last; i++) if (toks[i]!.text === '&') organization = true; // "Procter & Gamble"
    // ("“Tex” Burgess": the nickname's opening mark is the name's.)
    const start = this.quotedNickname(first) ? toks[first - 1]!.start : toks[first]!.start;
    const end = toks[last]!.end;
    const words = [] as string[];
    for (let i = first; i <= last; i++) if (toks[i]!.word) words.push(toks[i]!.key);
    // "Morris and Lola Cohen": a given name alone before "and" and a full name shares its surname, and is shown with it.
    const afterPreposition = toks[first - 1]?.word === true && (PLACE_PREPOSITIONS.has(toks[first - 1]!.key) || toks[first - 1]!.key === 'of');
    let surface = this.text.slice(start, end);
    if (words.length === 1 && !afterPreposition && isGivenName(words[0]!) && toks[last + 1]?.key === 'and' && !toks[last + 1]!.cap) {
      const partner = this.byFirst.get(last + 2);
      const partnerWords = partner ? this.range(partner.first, partner.last).filter((k) => toks[k]!.word) : [];
      if (partnerWords.length >= 2 && mayBeGivenName(toks[partnerWords[0]!]!.key)) {
        const surname = toks[partnerWords.at(-1)!]!;
        words.push(surname.key);
        surface = `${surface} ${surname.possessive ? surname.text.replace(/['’]s?$/, '') : surname.text}`;
      }
    }
    let h = first - 1;
    if (toks[h]?.text === '.') h--;
    const honorific = honorificGender(toks[h]?.key ?? '');
    // "Sens. A and B", "Drs. and Mmes. A, and B": a title read off a list is each one's, in the singular ("Sen.").
    for (let r = 0; r < roles.length; r++) roles[r] = singularTitle(roles[r]!);
    span.mention = {
      ...(honorific ? { honorific, honorificText: this.text.slice(toks[h]!.start, start) } : {}),
      key: words.join(' '),
      words,
      surface,
      start,
      end,
      evidence,
      roles,
      organization,
    };
    this.mentions.push(span.mention);
  }


  /**
   * Is `start`..`end` inside a curly quotation of two or more words, each capitalised but for short function words
   * (a title: "“Captain Brassbound's Conversion”", "“Sunrise at Campobello”")?
   */
  private inTitleQuotation(start: number, end: number): boolean {
    const open = this.text.lastIndexOf('“', start);
    if (open < 0 || this.text.lastIndexOf('”', start) > open) return false;
    const close = this.text.indexOf('”', end);
    if (close < 0 || (this.text.indexOf('“', end) >= 0 && this.text.indexOf('“', end) < close)) return false;
    const words = this.text.slice(open + 1, close).split(/[\s,;:!?.]+/).filter((w) => /\p{L}/u.test(w));
    return words.length >= 2 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || TITLE_SMALL_WORDS.has(w));
  }

  /** "Mujahedeen-e-Khalq (MEK)", "X, or Y (Z)", "X, also known as Y". */
  private aliasLinks(span: Span): void {
    const toks = this.tokens;
    const key = this.keyOf(this.range(span.first, span.last));
    if (toks[span.last + 1]?.text === '(') {
      const inner = this.byFirst.get(span.last + 2);
      // "Mujahedeen-e-Khalq (MEK)" or "MEK (Mujahedeen-e-Khalq)": one side must be an acronym of the other,
      // which keeps wire datelines ("WASHINGTON (UPI)") apart.
      if (
        inner &&
        toks[inner.last + 1]?.text === ')' &&
        (this.abbreviates(inner, span) || this.abbreviates(span, inner))
      ) {
        this.links.push([key, this.keyOf(this.range(inner.first, inner.last))]);
      }
    }
    let i = span.last + 1;
    if (toks[i]?.text === ',') i++;
    for (const phrase of ALIAS_PHRASES) {
      if (!phrase.every((w, k) => toks[i + k]?.key === w && !toks[i + k]!.cap)) continue;
      const other = this.byFirst.get(i + phrase.length);
      if (!other) continue;
      // "X, or Y" only counts when Y is then given an acronym, which shows the writer is naming one thing twice.
      if (
        phrase.length === 1 &&
        !(
          toks[other.last + 1]?.text === '(' &&
          toks[other.last + 2]?.acronym &&
          toks[other.last + 3]?.text === ')'
        )
      )
        continue;
      this.links.push([key, this.keyOf(this.range(other.first, other.last))]);
      break;
    }
  }

  /** Is `short` a one-word acronym whose letters run, in order, through the initials of `long`'s words? */
  private abbreviates(short: Span, long: Span): boolean {
    const t = this.tokens[short.first]!;
    if (short.first !== short.last || !t.acronym) return false;
    const letters = t.text.replace(/\./g, '').toLowerCase();
    const initials = this.text
      .slice(this.tokens[long.first]!.start, this.tokens[long.last]!.end)
      .split(/[\s-]+/)
      .filter((w) => /^\p{L}/u.test(w))
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (initials[0] !== letters[0]) return false;
    let i = 0;
    for (const c of initials) if (c === letters[i]) i++;
    return i === letters.length;
  }

  private range(first: number, last: number): number[] {
    const out: number[] = [];
    for (let i = first; i <= last; i++) out.push(i);
    return out;
  }
}

/** The names one sentence mentions, with offsets into `text`. */
export function scanSentence(text: string, stats: WordStats): SentenceScan {
  return new SentenceScanner(text, stats).scan();
}
