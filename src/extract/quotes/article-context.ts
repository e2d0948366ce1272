// What an article says about who is who, for attributing its quotations: its units (sentences, or several when a
// quotation crosses the splitter's boundaries), every name mentioned in the reporter's words and what it names, each
// unit's subject, who issued which document, and the resolution of what a speaker phrase refers to (surname → full
// name, he/she → the person meant, its/it → the organisation or country, "the judge" → the person introduced as
// judge, "the statement" → whose statement). One class of about 500 lines, kept whole: the four share the article's
// mentions, and each step reads the others' results (a subject is resolved as a speaker phrase, a pronoun follows
// earlier subjects and speakers, a document's owner is a resolved phrase).
import { lexiconTags } from '../../text/lexicon.js';
import { normalizeWord } from '../../text/terms.js';
import { ATTRIBUTION_SPEECH_VERBS, ATTRIBUTION_TITLES, DEPARTMENT_WORDS, DOCUMENT_NOUNS, HONORIFICS, honorificGender, isSpeakerNoun } from '../vocabulary.js';
import {
  DETERMINERS,
  GROUP_NOUNS,
  INTRO_WORDS,
  ISSUE_VERBS,
  NAME_CONNECTORS,
  NP_MODIFIERS,
  ORG_HEADS,
  ORG_NOUNS,
  POSSESSIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
  VERB_SKIP,
  isPlaceTag,
} from './cue-words.js';
import { classifyRun, type RunContext } from './name-runs.js';
import { isNounHead, nounPhraseBackward, nounPhraseForward } from './noun-phrases.js';
import type { Gender, Kind, Mention, Speaker, SpeakerKind, SpeakerResolver, Unit } from './speakers.js';
import {
  bareLower,
  base,
  capRunEnd,
  expandTitle,
  isCapName,
  isSentenceInitialCommon,
  isWord,
  remitConnector,
  skipBackward,
  type Tok,
} from './tokens.js';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

interface DocEvidence {
  doc: string;
  owner: Speaker;
  pos: number;
}

/** Organisation nouns that may refer to any organisation named before ("the company"), not just a namesake. */
const GENERIC_ORG_NOUNS = words('company firm group organization organisation club team side squad startup maker manufacturer retailer carrier airline lender insurer charity');
/** Plural members → the body they make up. */
const COLLECTIVES: Record<string, string> = { jurors: 'jury', directors: 'board', councillors: 'council', councilors: 'council' };

/** Words before a title that make it another office: "Vice President", "Lieutenant Governor". */
const RANK_WORDS = words('vice lieutenant lt lt.');

/** How many same-surname mentions a surname lookup examines (bounded, so long articles stay linear). */
const NAMESAKE_REACH = 24;
/** Kinds of document: "the statement" may be the press release issued before, not the letters. */
const DOCUMENT_KINDS: ReadonlyMap<string, string> = new Map(
  (
    'letter:letter letters note notes|report:report reports study survey|court:ruling judgment judgement verdict decision ' +
    'order opinion|filing:complaint lawsuit filing motion petition indictment affidavit summons warrant|post:tweet tweets post posts'
  )
    .split('|')
    .flatMap((group) => {
      const [kind, nouns] = group.split(':') as [string, string];
      return nouns.split(' ').map((noun): [string, string] => [noun, kind]);
    }),
);
/** A document's kind; statements, releases, announcements, comments and the rest are one kind, the issuer's word. */
function documentKind(doc: string): string {
  return DOCUMENT_KINDS.get(doc) ?? 'statement';
}
/** How far (characters) "the statement" may look for whose statement it is. */
const DOC_REACH = 3000;
/** How many units back "the judge"/"the company" may look for whom it means. */
const ROLE_LOOKBACK = 60;

/** A unit wholly in brackets: "(Meyer sent him to Reading, Pa.)". */
function isAside(u: Unit): boolean {
  const t = u.tokens;
  return t[0]?.text === '(' && t[t.length - 1]?.text === ')';
}

/** The "by" within five words after a participle ("released on Monday by"), with no punctuation between; else -1. */
function byAfter(t: Tok[], i: number): number {
  for (let k = i + 1; k < t.length && k <= i + 5; k++) {
    if (t[k]!.type !== 'word') return -1;
    if (t[k]!.lower === 'by') return k;
  }
  return -1;
}

/**
 * Past a dateline opening the unit: "Ogden, Utah, May 1 — (AP) — Boston Red Sox Outfielder Jackie Jensen said …",
 * "Boonton — Richard J. Hughes made …": capitalised words, commas, a date and a bracketed agency before a dash.
 */
function afterDateline(tokens: Tok[], i: number): number {
  let end = i;
  for (let k = i; k < tokens.length && k < i + 16; k++) {
    const t = tokens[k]!;
    if (t.type === 'punct' && /^[—–]$/.test(t.text)) {
      end = k + 1;
      continue;
    }
    if (t.type === 'word' ? t.cap || /^\d{1,2}$/.test(t.text) || (t.text === 'AP' || t.text === 'UPI') : /^[,.()]$/.test(t.text)) continue;
    break;
  }
  return end;
}

/** Words that make a definite description someone already named: "the former judge", "the retired colonel". */
const DESCRIPTION_MARKS = new Set(['former', 'ex', 'onetime', 'one-time', 'retired', 'veteran', 'longtime', 'long-time']);

/** One article's units, mentions, subjects and document owners, and the resolution of speaker phrases in it. */
export class ArticleContext implements RunContext {
  readonly units: Unit[] = [];
  readonly apostrophe: string;
  private readonly persons = new Map<string, Mention[]>();
  private readonly docs: DocEvidence[] = [];
  private readonly kindCache = new Map<string, { name: string; kind: SpeakerKind } | null>();

  constructor(
    readonly body: string,
    units: Array<Omit<Unit, 'mentions' | 'subject' | 'speaker' | 'index'>>,
    private readonly resolver?: SpeakerResolver,
  ) {
    this.apostrophe = (body.match(/’/g)?.length ?? 0) >= (body.match(/'/g)?.length ?? 0) ? '’' : "'";
    units.forEach((u, index) => this.units.push({ ...u, mentions: [], subject: null, speaker: null, index }));
    for (const u of this.units) this.collectMentions(u);
    for (const u of this.units) u.subject = this.findSubject(u);
    for (const u of this.units) this.collectDocEvidence(u);
  }

  /** The resolver's canonical name and kind for a name, asked once per name in the article. */
  resolveExternal(name: string): { name: string; kind: SpeakerKind } | null {
    if (!this.resolver) return null;
    if (!this.kindCache.has(name)) this.kindCache.set(name, this.resolver.resolve(name));
    return this.kindCache.get(name) ?? null;
  }

  // -- mentions ----------------------------------------------------------------------------------------------------

  private collectMentions(u: Unit): void {
    const tokens = u.tokens;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (!isCapName(t) || (isSentenceInitialCommon(tokens, i) && !ATTRIBUTION_TITLES.has(base(t)))) {
        i++;
        continue;
      }
      const end = capRunEnd(tokens, i);
      const run = tokens.slice(i, end);
      const before: string[] = [];
      for (let b = i - 1; b >= 0 && b >= i - 4; b--) {
        const x = tokens[b]!;
        if (x.type !== 'word' || x.cap) break;
        if (isSpeakerNoun(x.lower) || ATTRIBUTION_TITLES.has(x.lower) || NP_MODIFIERS.has(x.lower) || DEPARTMENT_WORDS.has(x.lower)) before.unshift(x.lower);
        else break;
      }
      const speaksNext = this.verbAfter(tokens, end);
      const found = this.mentionsOfRun(run, before, speaksNext, u.index);
      // "Irene suits rate high": a name before a plural noun and its verb modifies the subject; it is no person acting.
      if (found.length === 1 && found[0]!.kind === 'person' && before.length === 0 && this.modifiesPlural(tokens, end) && !found[0]!.titles.some((w) => ATTRIBUTION_TITLES.has(w))) {
        found[0] = { ...found[0]!, kind: 'unknown' };
      }
      // "the streaming company Brightwave", "the charity Shelter": a name right after an organisation noun is one.
      const prev = tokens[i - 1];
      if (found.length === 1 && prev?.type === 'word' && !prev.cap && ORG_NOUNS.has(prev.lower) && !isSpeakerNoun(prev.lower) && found[0]!.kind !== 'place' && !this.givenNamed(found[0]!)) {
        found[0] = { ...found[0]!, kind: 'organization', gender: null };
      }
      // "Albany (Cal.) native", "Sen. Wayne Morse (D., Ore.)": an abbreviation in brackets after a name is a state.
      const abbreviated = /\.$/.test(tokens[i]!.text) ? end : tokens[end]?.text === '.' ? end + 1 : -1;
      if (found.length === 1 && tokens[i - 1]?.text === '(' && end - i === 1 && abbreviated > 0 && /^[),]$/.test(tokens[abbreviated]?.text ?? '')) {
        found[0] = { ...found[0]!, kind: 'place', gender: null };
      }
      // "the D.A. Davidson brokerage", "the Dana Besecker company": a name before a kind of organisation names it.
      const after = tokens[end];
      if (found.length === 1 && found[0]!.kind !== 'place' && after?.type === 'word' && !after.cap && ORG_NOUNS.has(after.lower) && !isSpeakerNoun(after.lower) && !/^(?:administration|government|campaign|party)$/.test(after.lower)) {
        found[0] = { ...found[0]!, kind: 'organization', gender: null };
      }
      // A bare title ("The President", "the Secretary of State") is the person introduced with it earlier.
      if (found.length === 0) {
        const titled = this.titleMention(run, u);
        if (titled) found.push(titled);
      }
      for (const m of found) u.mentions.push(m);
      i = end;
    }
  }

  private titleMention(run: Tok[], u: Unit): Mention | null {
    const titleWords = run.map((t) => expandTitle(base(t))).filter((w) => w !== 'the');
    if (!titleWords.some((w) => ATTRIBUTION_TITLES.has(w) || isSpeakerNoun(w))) return null;
    const pos = run[0]!.start;
    const hit = this.resolveRole(titleWords, pos, u);
    if (hit) return { name: hit.name, kind: hit.kind, gender: hit.gender, titles: titleWords, pos, unit: u.index };
    return null;
  }

  /** Is a speech verb the next thing after `i` (adverbs skipped)? */
  private verbAfter(tokens: Tok[], i: number): boolean {
    let j = i;
    while (isWord(tokens[j], VERB_SKIP) || (tokens[j]?.type === 'word' && /ly$/.test(tokens[j]!.lower))) j++;
    return isWord(tokens[j], ATTRIBUTION_SPEECH_VERBS);
  }

  /** A capitalised run → its mentions (an owner "Iran’s" inside "Iran’s Foreign Ministry" is one too). */
  private mentionsOfRun(run: Tok[], before: string[], speaks: boolean, unit: number): Mention[] {
    const out: Mention[] = [];
    const ownerAt = run.findIndex((t, k) => t.possessive && k < run.length - 1);
    if (ownerAt >= 0) out.push(...this.mentionsOfRun(run.slice(0, ownerAt + 1), [], false, unit));
    // "State Party Chairman James Gray of Albany": a person of a place is the person (and the place a mention of its own).
    const of = run.findIndex((t, k) => k > 0 && t.lower === 'of');
    if (of > 0 && of < run.length - 1) {
      const person = classifyRun(this, run.slice(0, of), before, speaks);
      if (person?.kind === 'person' && /\s/.test(person.name)) {
        out.push({ ...person, pos: run[0]!.start, unit });
        const place = classifyRun(this, run.slice(of + 1));
        if (place) out.push({ ...place, pos: run[of + 1]!.start, unit });
        for (const mention of out) if (mention.kind === 'person' || mention.kind === 'unknown') this.registerPerson(mention);
        return out;
      }
    }
    const m = classifyRun(this, run, before, speaks);
    if (m) out.push({ ...m, pos: run[0]!.start, unit });
    for (const mention of out) if (mention.kind === 'person' || mention.kind === 'unknown') this.registerPerson(mention);
    return out;
  }

  private registerPerson(m: Mention): void {
    const parts = m.name.split(/\s+/);
    // Only name-shaped runs: "Yair Lapid", not "People’s Mujahideen of Iran" or "MEK".
    if (parts.length < 2 || parts.length > 5 || /['’]|\b(?:of|for)\b|^\p{Lu}{2,}$/u.test(m.name)) return;
    // A person's every later name word finds them ("Jones" → "Walter H. Jones"); an unsure name only its last.
    for (const part of m.kind === 'person' ? parts.slice(1) : parts.slice(-1)) {
      if (/^\p{Lu}\.?$/u.test(part) || NAME_CONNECTORS.has(part.toLowerCase()) || /^(?:jr|sr|ii|iii|iv)\.?$/i.test(part)) continue;
      const key = normalizeWord(part);
      const list = this.persons.get(key) ?? [];
      list.push(m);
      this.persons.set(key, list);
    }
  }

  /** "Lapid" → the full name written elsewhere in the article ("Yair Lapid"): nearest before, else first after. */
  fullName(surname: string, pos: number, titles: string[] = []): Mention | null {
    const list = this.persons.get(normalizeWord(surname));
    if (!list || list.length === 0) return null;
    // "President Kennedy" is not "Attorney General Robert F. Kennedy": titles, when both have some, must agree.
    const mine = titles.filter((w) => ATTRIBUTION_TITLES.has(w) && !HONORIFICS.has(w));
    const agrees = (m: Mention): boolean => {
      if (mine.length === 0) return true;
      const theirs = m.titles.filter((w) => ATTRIBUTION_TITLES.has(w) && !HONORIFICS.has(w));
      return theirs.length === 0 || mine.some((w) => theirs.includes(w));
    };
    // The list is in text order: binary search for the last mention at or before `pos`, then look nearby only.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.pos <= pos) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && j >= lo - NAMESAKE_REACH; j--) if (agrees(list[j]!)) return list[j]!;
    for (let j = 0; j < list.length && j < NAMESAKE_REACH; j++) if (agrees(list[j]!)) return list[j]!;
    return null;
  }

  // -- subjects ----------------------------------------------------------------------------------------------------

  /** The main clause's subject: the noun phrase before the first verb, after a fronted phrase ("In X, …"). */
  private findSubject(u: Unit): Mention | null {
    const tokens = u.tokens;
    let i = 0;
    while (tokens[i]?.type === 'punct') i++;
    const pastIntro = (): void => {
      if (tokens[i]?.type !== 'word' || !INTRO_WORDS.has(tokens[i]!.lower)) return;
      let j = i;
      while (j < tokens.length && j < i + 16 && tokens[j]!.text !== ',' && tokens[j]!.type !== 'quote') j++;
      if (tokens[j]?.text === ',') i = j + 1;
    };
    pastIntro();

    // A dateline opens the report (its first sentence), or says itself by its date or agency.
    const dateline = afterDateline(tokens, i);
    if (dateline > i && (u.index === 0 || tokens.slice(i, dateline).some((t) => /^(?:\d{1,2}|AP|UPI)$/.test(t.text)))) {
      i = dateline;
      pastIntro(); // "Moscow, June 18 — At a party for President Sukarno, Premier Khrushchev said"
    }
    const titled = this.titledSubject(u, i);
    if (titled) return titled;
    const described = this.leadOrganisation(u, i);
    if (described) return described;
    let np = nounPhraseForward(tokens, i);
    if (np.length === 0) return null;
    // "The leader of the Dale Party": a role's body after "of the".
    if (tokens[i + np.length]?.lower === 'of' && tokens[i + np.length + 1]?.lower === 'the' && isCapName(tokens[i + np.length + 2]) && !np.some((t) => isCapName(t))) {
      np = tokens.slice(i, capRunEnd(tokens, i + np.length + 2));
    }
    // "Farm machinery dealer …", "Implementation of …": a common noun opening the sentence is no name.
    const firstWord = np.findIndex((t) => !DETERMINERS.has(t.lower));
    if (firstWord >= 0 && np[firstWord]!.cap && isSentenceInitialCommon(tokens, i + firstWord)) return null;
    const next = tokens[i + np.length];
    // A verb follows, or an appositive ("Gus Ehlers, competitor of …, says").
    if (!next || (next.type === 'word' ? next.cap : next.text !== ',' && next.text !== '(')) return null;
    // "The leader of Ennahda, Rachid Ghannouchi, condemned …": a role of a named body is described too.
    const roleOfBody = firstWord >= 0 && !np[firstWord]!.cap && isSpeakerNoun(bareLower(np[firstWord]!));
    if (next.text === ',' && (!np.some((t) => isCapName(t)) || roleOfBody) && isCapName(tokens[i + np.length + 1])) {
      // "a former colleague, Janet Bose, said": the appositive name.
      const nameAt = i + np.length + 1;
      const end = capRunEnd(tokens, nameAt);
      const named = u.mentions.filter((m) => m.pos >= tokens[nameAt]!.start && m.pos < tokens[end - 1]!.end);
      if (tokens[end]?.text === ',' && named.length) return named[named.length - 1]!;
    }
    const from = np[0]!.start;
    const to = np[np.length - 1]!.end;
    // The subject is the head of the phrase: the last mention inside it ("Iran’s Foreign Ministry", not "Iran").
    const inside = u.mentions.filter((m) => m.pos >= from && m.pos < to);
    if (inside.length) return inside[inside.length - 1]!;
    // "The jury said", "He said": a described or pronoun subject, resolved now so later pronouns can follow it.
    const speaker = this.interpret(np, from, u);
    if (!speaker) return null;
    const mention: Mention = { name: speaker.name, kind: speaker.kind, gender: speaker.gender, titles: np.map(bareLower), pos: from, unit: u.index };
    const at = u.mentions.findIndex((m) => m.pos > from);
    u.mentions.splice(at < 0 ? u.mentions.length : at, 0, mention);
    return mention;
  }

  /** A plural noun (only a noun to the lexicon) then a verb at `end`: "… suits rate high", "… designs are". */
  private modifiesPlural(tokens: Tok[], end: number): boolean {
    const noun = tokens[end];
    const verb = tokens[end + 1];
    if (noun?.type !== 'word' || noun.cap || verb?.type !== 'word' || verb.cap) return false;
    const nounTags = lexiconTags(noun.lower);
    if (nounTags.length !== 1 || nounTags[0] !== 'Plural') return false;
    return lexiconTags(verb.lower).some((x) => x === 'Infinitive' || x === 'PresentTense' || x === 'PastTense' || x === 'Copula' || x === 'Modal' || x === 'Verb');
  }

  /** A person's name that opens with a given name or has a title or honorific: "Tom Avery", "Mr Cole". */
  private givenNamed(m: Mention): boolean {
    const first = normalizeWord(m.name.split(/\s+/)[0] ?? '');
    return m.titles.some((w) => ATTRIBUTION_TITLES.has(w)) || lexiconTags(first).some((x) => x === 'FirstName' || x === 'MaleName' || x === 'FemaleName');
  }

  /**
   * "A water company has been fined …" opening the article, then "Hartmoor Water pleaded guilty …": a lead whose
   * subject is an indefinite description of an organisation is about the name the next sentence opens with (one
   * that is no place and no person by a given name or title).
   */
  private leadOrganisation(u: Unit, i: number): Mention | null {
    if (u.index !== 0) return null;
    const tokens = u.tokens;
    if (!/^(?:a|an)$/.test(tokens[i]?.lower ?? '')) return null;
    let j = i + 1;
    while (j < i + 5 && tokens[j]?.type === 'word' && !tokens[j]!.cap && !ORG_NOUNS.has(tokens[j]!.lower)) j++;
    const head = tokens[j];
    const verb = tokens[j + 1];
    if (!head || head.type !== 'word' || head.cap || !ORG_NOUNS.has(head.lower) || isSpeakerNoun(head.lower)) return null;
    if (!verb || verb.type !== 'word' || verb.cap) return null;
    const next = this.units[1];
    if (!next || next.paragraph - u.paragraph > 1) return null;
    const opening = next.tokens.find((t) => t.type === 'word');
    const first = next.mentions[0];
    if (!opening || !first || first.pos !== opening.start || first.kind === 'place' || this.givenNamed(first)) return null;
    const mention: Mention = { name: first.name, kind: 'organization', gender: null, titles: [head.lower], pos: tokens[i]!.start, unit: u.index };
    const at = u.mentions.findIndex((m) => m.pos > mention.pos);
    u.mentions.splice(at < 0 ? u.mentions.length : at, 0, mention);
    return mention;
  }

  /**
   * "Shadow housing secretary David Lunn debated …", "Farmer Gareth Pryce and …": a sentence opening with role words
   * the noun phrase reader does not take, then a person's name, then its verb — the named person is the subject.
   */
  private titledSubject(u: Unit, i: number): Mention | null {
    const tokens = u.tokens;
    let j = i;
    if (isWord(tokens[j], DETERMINERS)) j++;
    const roleWord = (t: Tok | undefined): boolean =>
      !!t && t.type === 'word' && (t.cap || isSpeakerNoun(t.lower) || ATTRIBUTION_TITLES.has(t.lower) || NP_MODIFIERS.has(t.lower) || DEPARTMENT_WORDS.has(t.lower));
    while (j < tokens.length && j < i + 10 && roleWord(tokens[j])) j++;
    const next = tokens[j];
    if (j === i || !next || !(next.type === 'word' && !next.cap) || isWord(next, NAME_CONNECTORS) || tokens[j - 1]!.possessive) return null;
    // Role words, lower-case among them, then the name: "Shadow housing secretary David Lunn".
    if (!tokens.slice(i, j).some((t) => !t.cap && t.type === 'word' && !DETERMINERS.has(t.lower))) return null;
    const from = tokens[i]!.start;
    const to = tokens[j - 1]!.end;
    const inside = u.mentions.filter((m) => m.pos >= from && m.pos < to);
    const last = inside.at(-1);
    if (!last || last.kind !== 'person' || !/\s/.test(last.name) || last.pos === from) return null;
    if (inside.some((m) => m !== last && (m.kind === 'person' || /\s/.test(m.name)))) return null;
    // The name ends the run: nothing capitalised between it and the verb.
    const nameEnd = tokens.findIndex((t) => t.start >= last.pos);
    if (capRunEnd(tokens, nameEnd) !== j) return null;
    return last;
  }

  // -- documents -----------------------------------------------------------------------------------------------------

  /** Who issued which document: "Israel press release", "a statement from Acme", "comments published by X". */
  private collectDocEvidence(u: Unit): void {
    const t = u.tokens;
    for (let i = 0; i < t.length; i++) {
      const tok = t[i]!;
      if (tok.type !== 'word') continue;
      // "comments published by X", "a new report released on Monday by X": a few words (a date) may come between.
      const by = /^(?:published|released|issued|posted|distributed)$/.test(tok.lower) ? byAfter(t, i) : -1;
      if (by > 0) {
        const np = nounPhraseForward(t, by + 1);
        const owner = np.length ? this.interpretOwner(np, t[by + 1]!.start, u) : null;
        const doc = t[i - 1]?.type === 'word' ? t[i - 1]!.lower : 'statement';
        if (owner) this.docs.push({ doc, owner, pos: tok.start });
      } else if (DOCUMENT_NOUNS.has(tok.lower)) {
        const owner = this.docOwnerInPhrase(t, i, u) ?? this.docIssuer(t, i, u);
        if (owner) this.docs.push({ doc: tok.lower, owner, pos: tok.start });
      }
    }
  }

  /** "The Veldland government issued a press release": the subject of issued/released/published a document. */
  private docIssuer(t: Tok[], i: number, u: Unit): Speaker | null {
    let j = i - 1;
    while (j >= 0 && t[j]!.type === 'word' && (DETERMINERS.has(t[j]!.lower) || NP_MODIFIERS.has(t[j]!.lower) || t[j]!.lower === 'press' || t[j]!.lower === 'news')) j--;
    if (!isWord(t[j], ISSUE_VERBS)) return null;
    const np = nounPhraseBackward(t, skipBackward(t, j));
    return np.length ? this.interpretOwner(np, np[0]!.start, u) : null;
  }

  /** The owner a document noun's own phrase names: "Israel press release", "Acme’s statement", "statement from X". */
  private docOwnerInPhrase(t: Tok[], i: number, u: Unit): Speaker | null {
    let j = i - 1;
    let roleModifier: string | null = null; // "a company statement"
    while (j >= 0 && t[j]!.type === 'word' && !t[j]!.cap && (NP_MODIFIERS.has(t[j]!.lower) || t[j]!.lower === 'press' || t[j]!.lower === 'news')) {
      if (!roleModifier && (ORG_NOUNS.has(t[j]!.lower) || isSpeakerNoun(t[j]!.lower))) roleModifier = t[j]!.lower;
      j--;
    }
    if (roleModifier) return this.resolveRole([roleModifier], t[i]!.start, u);
    const prev = t[j];
    if (prev && isCapName(prev)) {
      let s = j;
      while (s > 0 && (isCapName(t[s - 1]) || (t[s - 1]!.type === 'word' && (NAME_CONNECTORS.has(t[s - 1]!.lower) || remitConnector(t, s - 1)) && isCapName(t[s - 2])))) s--;
      const owner = classifyRun(this, t.slice(s, j + 1));
      if (owner) return this.finishName(owner.name, owner.kind, owner.gender, t[s]!.start, u);
    }
    if (prev && prev.type === 'word' && POSSESSIVE_PRONOUNS.has(prev.lower)) return this.resolvePronoun(prev.lower, prev.start, u);
    if (prev && prev.type === 'word' && !prev.cap && prev.possessive) {
      const role = bareLower(prev);
      if (ORG_NOUNS.has(role) || isSpeakerNoun(role)) return this.resolveRole([role], prev.start, u);
    }
    const next = t[i + 1];
    if (next && next.type === 'word' && /^(?:from|by|of)$/.test(next.lower)) {
      const np = nounPhraseForward(t, i + 2);
      if (np.length) return this.interpretOwner(np, np[0]!.start, u);
    }
    if (next && next.type === 'word' && /^(?:issued|released|published)$/.test(next.lower) && t[i + 2]?.lower === 'by') {
      const np = nounPhraseForward(t, i + 3);
      if (np.length) return this.interpretOwner(np, np[0]!.start, u);
    }
    return null;
  }

  private interpretOwner(np: Tok[], pos: number, u: Unit): Speaker | null {
    const s = this.interpret(np, pos, u);
    return s && s.name ? s : null;
  }

  /** Whose document "the statement"/"the press release" is: the nearest owner named before, else after. */
  docOwner(doc: string, pos: number): Speaker | null {
    let before: DocEvidence | null = null;
    let after: DocEvidence | null = null;
    const kind = documentKind(doc);
    for (const e of this.docs) {
      // "the letters" are not the statement issued since: a document is one of its own kind.
      if (documentKind(e.doc) !== kind) continue;
      if (e.pos <= pos) {
        if (e.pos >= pos - DOC_REACH && (!before || e.pos >= before.pos)) before = e;
      } else if (e.pos <= pos + DOC_REACH / 2 && (!after || e.pos < after.pos)) after = e;
    }
    return (before ?? after)?.owner ?? null;
  }

  addDocEvidence(doc: string, owner: Speaker, pos: number): void {
    this.docs.push({ doc, owner, pos });
  }

  // -- resolution --------------------------------------------------------------------------------------------------

  /** Final form of a name: the resolver's canonical name, or a surname completed from the article. */
  finishName(name: string, kind: Kind, gender: Gender, pos: number, u: Unit, titles: string[] = [], want: Gender = null): Speaker {
    // A surname the article gives several people ("Mrs. Eleanor Kowalski", "Henry Kowalski"): the article says which.
    if (!/\s/.test(name) && (kind === 'person' || kind === 'unknown')) {
      const namesake = this.namesake(name, pos, u, titles, gender ?? want);
      if (namesake?.name === name) return { name, kind: 'person', gender: namesake.gender };
      if (namesake) {
        const external = this.resolveExternal(namesake.name);
        const g = namesake.gender ?? this.genderOf(namesake.name) ?? gender;
        return external ? { name: external.name, kind: external.kind, gender: g } : { name: namesake.name, kind: 'person', gender: g };
      }
    }
    const external = this.resolveExternal(name);
    if (external) return { name: external.name, kind: external.kind, gender: gender ?? this.genderOf(external.name) };
    if (!/\s/.test(name) && (kind === 'person' || kind === 'unknown')) {
      const full = this.fullName(name, pos, titles);
      if (full) return { name: full.name, kind: full.kind === 'unknown' ? 'person' : full.kind, gender: full.gender ?? gender };
    }
    return { name, kind, gender };
  }

  /**
   * Which of the article's people sharing a surname a bare surname means, when it names two or more: one of the
   * gender the text gives it (its honorific, or "his"/"her" after it in the sentence: "Kowalski said in telling his
   * children"), and not a woman the article always calls "Mrs."/"Miss" when it is written without one; the
   * nearest before it, else the first. Null when the article names at most one person with the surname.
   */
  private namesake(surname: string, pos: number, u: Unit, titles: string[], gender: Gender): Mention | null {
    const list = this.persons.get(normalizeWord(surname));
    if (!list || new Set(list.map((m) => m.name)).size < 2) return null;
    const honorific = titles.find((w) => honorificGender(w) !== undefined);
    const want: Gender = gender ?? (honorific ? honorificGender(honorific)! : this.pronounAfter(pos, u));
    const genderOfMention = (m: Mention): Gender =>
      m.gender ?? (m.titles.map(honorificGender).find((g) => g !== undefined) ?? this.genderOf(m.name));
    let candidates = list.filter((m) => this.compatible(genderOfMention(m), want));
    if (!honorific) {
      const untitled = candidates.filter((m) => !m.titles.some((w) => honorificGender(w) === 'f'));
      if (untitled.length > 0) candidates = untitled;
    }
    // None of the gender the text gives: the surname as written, rather than the wrong namesake.
    if (candidates.length === 0) return { name: surname, kind: 'person', gender: want, titles, pos, unit: u.index };
    const before = candidates.filter((m) => m.pos <= pos);
    return before.at(-1) ?? candidates[0]!;
  }

  /** "he"/"his"/"him" or "she"/"her" after `pos` in the unit, outside quotations: the gender the sentence gives its subject. */
  private pronounAfter(pos: number, u: Unit): Gender {
    for (const t of u.tokens) {
      if (t.start <= pos || t.type !== 'word') continue;
      if (/^(?:he|his|him|himself)$/.test(t.lower)) return 'm';
      if (/^(?:she|her|hers|herself)$/.test(t.lower)) return 'f';
    }
    return null;
  }

  private genderOf(name: string): Gender {
    const first = normalizeWord(name.split(/\s+/)[0] ?? '');
    const tags = lexiconTags(first);
    return tags.includes('FemaleName') ? 'f' : tags.includes('MaleName') ? 'm' : null;
  }

  /** he/she → the person meant; it/its → the organisation or country meant; they/we/I → unknown (null). */
  resolvePronoun(word: string, pos: number, u: Unit): Speaker | null {
    const w = word.toLowerCase();
    if (w === 'he' || w === 'his' || w === 'him') return this.resolvePerson(pos, u, 'm');
    if (w === 'she' || w === 'her') return this.resolvePerson(pos, u, 'f');
    if (w === 'it' || w === 'its') return this.resolveNonPerson(pos, u);
    return null;
  }

  private isPerson(m: { kind: Kind; name: string; titles?: string[] }, pos: number): boolean {
    if (m.kind === 'person') return true;
    if (m.kind !== 'unknown') return false;
    if (!/\s/.test(m.name)) return this.fullName(m.name, pos, m.titles)?.kind === 'person';
    return false;
  }

  /** A name-shaped run of unknown kind ("Thurman Arnold"): a person when no surer candidate exists. */
  private maybePerson(m: Mention): boolean {
    if (m.kind !== 'unknown') return false;
    const parts = m.name.split(' ');
    if (parts.length === 1) {
      const full = this.fullName(m.name, m.pos, m.titles);
      return full !== null && full !== m && (full.kind === 'person' || this.maybePerson(full));
    }
    return (
      parts.length <= 4 &&
      parts.every((p) => /^\p{Lu}(?:\.|[\p{L}'’-]+\.?)$/u.test(p) && !ORG_HEADS.has(p.toLowerCase()) && !lexiconTags(p.toLowerCase()).some(isPlaceTag)) &&
      parts.some((p) => p.replace(/\./g, '').length > 1)
    );
  }

  private compatible(g: Gender, want: Gender): boolean {
    return g === null || want === null || g === want;
  }

  /** A mention as a speaker, completed and canonicalised. */
  mentionSpeaker(m: Mention): Speaker {
    return this.asSpeaker(m, m.pos);
  }

  /** A mention as a speaker; `want`, the gender the context asks for, picks among namesakes ("he" → Henry Kowalski). */
  private asSpeaker(m: Mention, pos: number, want: Gender = null): Speaker {
    return this.finishName(m.name, m.kind, m.gender, pos, this.units[m.unit]!, m.titles, want);
  }

  /**
   * "children", "Many children", "Children" opening a sentence: a description whose head is a plural common noun (a
   * capitalised plural elsewhere, "Keys", may be a surname).
   */
  private pluralDescription(m: Mention): boolean {
    const words = m.name.split(/\s+/);
    const last = words[words.length - 1]!;
    if (!lexiconTags(last.toLowerCase()).includes('Plural')) return false;
    if (!/^\p{Lu}/u.test(last)) return true;
    return words.length === 1 && this.units[m.unit]?.tokens.find((t) => t.type === 'word')?.start === m.pos;
  }

  /** Most recent compatible person: the sentence's subject first, then earlier sentences' speakers and subjects. */
  private resolvePerson(pos: number, u: Unit, gender: Gender): Speaker | null {
    // "he"/"she" is one person: never a plural description ("Children growing up …, he said").
    const fits = (m: Mention): boolean => !this.pluralDescription(m) && this.compatible(this.asSpeaker(m, pos, gender).gender, gender);
    const sure = (m: Mention): boolean => m.pos < pos && this.isPerson(m, pos) && fits(m);
    const unsure = (m: Mention): boolean => m.pos < pos && this.maybePerson(m) && fits(m);
    return this.searchPerson(pos, u, gender, sure, true) ?? this.searchPerson(pos, u, gender, unsure, false);
  }

  /** The sentence's subject, then its latest person; then earlier sentences' speakers, subjects and persons. */
  private searchPerson(pos: number, u: Unit, gender: Gender, ok: (m: Mention) => boolean, speakers: boolean): Speaker | null {
    if (u.subject && ok(u.subject)) return this.asSpeaker(u.subject, pos, gender);
    const inUnit = u.mentions.filter(ok);
    if (inUnit.length) return this.asSpeaker(inUnit[inUnit.length - 1]!, pos, gender);
    for (let k = u.index - 1; k >= 0 && k >= u.index - 8; k--) {
      const prev = this.units[k]!;
      if (u.paragraph - prev.paragraph > 2) break;
      // "(Farrell did — and Maris led the team …)": a bracketed sentence is an aside; a pronoun after it looks past it.
      if (isAside(prev)) continue;
      const sp = prev.speaker;
      if (speakers && sp && sp.kind === 'person' && this.compatible(sp.gender, gender)) return sp;
      const people = prev.mentions.filter(ok);
      // A subject that is only a role ("representative from Lane County") yields to a person the sentence names.
      const named = (m: Mention): boolean => /\p{Lu}/u.test(m.name);
      if (prev.subject && ok(prev.subject) && (named(prev.subject) || !people.some(named))) return this.asSpeaker(prev.subject, pos, gender);
      if (people.length) return this.asSpeaker((people.filter(named).at(-1) ?? people.at(-1))!, pos, gender);
      // A given name's gender is only a guess ("Beryl W. Sprinkel … Sprinkel told conferees … “…” he said"): the
      // sentence right before, whose subject is a person the text gives no Mr./Mrs./Miss, is the antecedent still.
      const subject = prev.subject;
      if (k === u.index - 1 && gender !== null && subject && subject.pos < pos && this.isPerson(subject, pos) && !subject.titles.some((w) => honorificGender(w) !== undefined))
        return { ...this.asSpeaker(subject, pos, null), gender }; // and the pronoun tells its gender from here on
    }
    return null;
  }

  /** "its"/"it": the organisation or country the sentence (or an earlier one) is about. */
  private resolveNonPerson(pos: number, u: Unit): Speaker | null {
    const ok = (m: Mention | null): m is Mention => m !== null && m.pos < pos && !this.isPerson(m, pos);
    if (ok(u.subject) && !this.containsPronounAt(u, u.subject, pos)) return this.asSpeaker(u.subject, pos);
    for (let k = u.index - 1; k >= 0 && k >= u.index - 6; k--) {
      const prev = this.units[k]!;
      if (u.paragraph - prev.paragraph > 2) break;
      if (prev.speaker && prev.speaker.kind !== 'person' && prev.speaker.kind !== 'unknown') return prev.speaker;
      // "There was even a cable in French from a bank in Switzerland … “…”, it said": the document told of just before.
      if (k === u.index - 1) {
        const doc = this.documentTold(prev);
        if (doc) return doc;
      }
      if (ok(prev.subject)) return this.asSpeaker(prev.subject, pos);
    }
    const inUnit = u.mentions.filter((m) => ok(m) && m.kind !== 'unknown');
    if (inUnit.length) return this.asSpeaker(inUnit[inUnit.length - 1]!, pos);
    return null;
  }

  /** A document a sentence introduces ("a cable in French from a bank in Switzerland"): who sent it, else the document. */
  private documentTold(u: Unit): Speaker | null {
    const t = u.tokens;
    for (let i = 1; i < t.length; i++) {
      const w = t[i]!;
      if (w.type !== 'word' || w.cap || !DOCUMENT_NOUNS.has(w.lower) || !/^(?:a|an|the)$/.test(t[i - 1]!.lower)) continue;
      for (let j = i + 1; j < t.length && j <= i + 6; j++) {
        if (t[j]!.type !== 'word' || t[j]!.lower !== 'from') continue;
        const np = nounPhraseForward(t, j + 1);
        const from = np.length ? this.interpret(np, np[0]!.start, u) : null;
        if (from) return from;
      }
      return { name: w.text, kind: 'organization', gender: null };
    }
    return null;
  }

  private containsPronounAt(_u: Unit, m: Mention, pos: number): boolean {
    return m.pos > pos;
  }

  /** "the judge" → the person introduced as "Judge …"; "the company" → the organisation last named. */
  resolveRole(roleWords: string[], pos: number, u: Unit): Speaker | null {
    // Members speak for their body: "the jurors said" is the jury, "the directors said" the board.
    const words = roleWords.map(expandTitle).map((w) => COLLECTIVES[w] ?? w);
    let h = words.length - 1;
    while (h > 0 && !(isSpeakerNoun(words[h]!) || ATTRIBUTION_TITLES.has(words[h]!) || ORG_NOUNS.has(words[h]!))) h--;
    const head = words[h]!;
    const singular = head.replace(/s$/, '');
    const mods = words.filter((w, k) => k !== h && (ATTRIBUTION_TITLES.has(w) || DEPARTMENT_WORDS.has(w)) && !isSpeakerNoun(w));
    // Mentions before `pos`, nearest first, within a bounded look-back (keeps extraction linear).
    const find = (test: (m: Mention) => boolean): Mention | null => {
      for (let k = u.index; k >= 0 && k >= u.index - ROLE_LOOKBACK; k--) {
        const list = this.units[k]!.mentions;
        for (let j = list.length - 1; j >= 0; j--) if (list[j]!.pos < pos && test(list[j]!)) return list[j]!;
      }
      return null;
    };
    const findSubject = (test: (m: Mention) => boolean): Mention | null => {
      for (let k = u.index; k >= 0 && k >= u.index - ROLE_LOOKBACK; k--) {
        const subject = this.units[k]!.subject;
        if (subject && subject.pos < pos && test(subject)) return subject;
      }
      return null;
    };
    if (ORG_NOUNS.has(head) && !isSpeakerNoun(head)) {
      const sameHead = (m: Mention): boolean => {
        const last = normalizeWord(m.name.split(/\s+/).pop() ?? '');
        return last === head || last === singular || last.replace(/s$/, '') === singular;
      };
      const named = find((m) => m.kind === 'organization' && sameHead(m));
      if (named) return this.asSpeaker(named, pos);
      if (!GENERIC_ORG_NOUNS.has(head)) return null;
      const subject =
        findSubject((m) => m.kind === 'organization') ?? findSubject((m) => m.kind === 'unknown' && !this.isPerson(m, pos));
      if (subject) return this.asSpeaker(subject, pos);
      const anyOrg = find((m) => m.kind === 'organization');
      return anyOrg ? this.asSpeaker(anyOrg, pos) : null;
    }
    if (isSpeakerNoun(head) || ATTRIBUTION_TITLES.has(head)) {
      if (head.endsWith('s') && head !== singular && !ATTRIBUTION_TITLES.has(head)) return null; // "prosecutors said": a group
      // "the President" is not "Vice President Chen Cheng", "the governor" not "Lieutenant Governor X": a rank word
      // before the title makes another office.
      const otherOffice = (m: Mention): boolean => m.titles.some((w, k) => RANK_WORDS.has(w) && !words.includes(w) && (m.titles[k + 1] === head || m.titles[k + 1] === singular));
      const hit = find((m) => (m.titles.includes(head) || m.titles.includes(singular)) && mods.every((w) => m.titles.includes(w)) && !otherOffice(m));
      return hit ? this.asSpeaker(hit, pos) : null;
    }
    return null;
  }

  /** The person who spoke in the unit just before `u` (or the one before it, within the paragraph before). */
  private previousSpeaker(u: Unit): Speaker | null {
    for (let k = u.index - 1; k >= 0 && k >= u.index - 2; k--) {
      const prev = this.units[k]!;
      if (u.paragraph - prev.paragraph > 1) break;
      if (prev.speaker) return prev.speaker.kind === 'person' && /\p{Lu}/u.test(prev.speaker.name) ? prev.speaker : null;
    }
    return null;
  }

  /**
   * "“…”, says Ramsey. So he hides the mayonnaise. … What do the girls like? “…”, says the handsome food expert": the
   * last person quoted a few sentences back, when no other person is named since.
   */
  private lastPersonQuoted(u: Unit): Speaker | null {
    for (let k = u.index - 1; k >= 0 && k >= u.index - 8; k--) {
      const prev = this.units[k]!;
      if (prev.speaker) return prev.speaker.kind === 'person' && /\p{Lu}/u.test(prev.speaker.name) ? prev.speaker : null;
      if (prev.mentions.some((m) => m.kind === 'person')) return null;
    }
    return null;
  }

  /** The person the unit after `u` opens with, named in full with a title ("Commerce Secretary Luther Hodges, …"). */
  private namedNext(u: Unit): Speaker | null {
    const next = this.units[u.index + 1];
    const first = next?.mentions.reduce<Mention | null>((a, m) => (a === null || m.pos < a.pos ? m : a), null);
    if (!next || !first || first.kind !== 'person' || !/\s/.test(first.name)) return null;
    if (!first.titles.some((w) => ATTRIBUTION_TITLES.has(w) && !HONORIFICS.has(w))) return null;
    const opening = next.tokens.find((t) => t.type === 'word' && t.cap);
    return opening && opening.start <= first.pos ? this.asSpeaker(first, first.pos) : null;
  }

  // -- noun phrases → speakers -----------------------------------------------------------------------------------

  /**
   * A speaker noun phrase → the speaker. Returns undefined when the phrase names nobody (not a speaker phrase),
   * and a speaker with name null… never: an unresolvable phrase ("they") gives null.
   */
  interpret(np: Tok[], pos: number, u: Unit): Speaker | null {
    if (np.length === 1 && np[0]!.type === 'word' && SUBJECT_PRONOUNS.has(np[0]!.lower)) return this.resolvePronoun(np[0]!.lower, pos, u);
    let i = 0;
    let ownerPronoun: string | null = null;
    if (isWord(np[0], DETERMINERS)) i = 1;
    else if (isWord(np[0], POSSESSIVE_PRONOUNS)) {
      ownerPronoun = np[0]!.lower;
      i = 1;
    }
    const rest = np.slice(i);
    if (rest.length === 0) return null;
    // The last capitalised run, and the lower-case words after it.
    let runEnd = -1;
    for (let j = rest.length - 1; j >= 0; j--) if (isCapName(rest[j])) { runEnd = j + 1; break; }
    let runStart = runEnd;
    while (runStart > 0 && (isCapName(rest[runStart - 1]) || (runStart > 1 && (isWord(rest[runStart - 1], NAME_CONNECTORS) || remitConnector(rest, runStart - 1)) && isCapName(rest[runStart - 2])))) runStart--;
    const tail = runEnd < 0 ? rest : rest.slice(runEnd);
    const lowerBefore = runStart > 0 ? rest.slice(0, runStart).filter((t) => t.type === 'word' && !t.cap).map((t) => t.lower) : [];
    const owner = (): Speaker | null => (ownerPronoun ? this.resolvePronoun(ownerPronoun, pos, u) : null);
    const compose = (ownerSpeaker: Speaker | null, phraseToks: Tok[]): string => {
      const phrase = this.body.slice(phraseToks[0]!.start, phraseToks[phraseToks.length - 1]!.end);
      return ownerSpeaker ? `${ownerSpeaker.name}${this.apostrophe}s ${phrase}` : phrase;
    };

    if (runEnd >= 0 && tail.length === 0) {
      let run = rest.slice(runStart, runEnd);
      // "Rep. Charles E. Hughes of Sherman": a person of a place is the person.
      const of = run.findIndex((t) => t.lower === 'of');
      if (of > 0) {
        const person = classifyRun(this, run.slice(0, of), lowerBefore, true);
        if (person?.kind === 'person') run = run.slice(0, of);
      }
      const m = classifyRun(this, run, lowerBefore, true);
      if (!m) {
        // A bare title ("the Prime Minister said"): the person introduced with it.
        return this.resolveRole(run.map((t) => base(t)), pos, u);
      }
      if (m.kind === 'organization' && ownerPronoun && !run.some((t) => t.possessive)) {
        const o = owner();
        const name = compose(o, run);
        return this.finishName(name, 'organization', null, pos, u);
      }
      if (m.kind === 'unknown' && lowerBefore.some((w) => isSpeakerNoun(w) || ATTRIBUTION_TITLES.has(w))) m.kind = 'person';
      return this.finishName(m.name, m.kind, m.gender, pos, u);
    }

    // The phrase ends in lower-case nouns: a document, an organisation noun or a role ("secretary of labor").
    let headAt = tail.length - 1;
    while (headAt > 0 && !isNounHead(tail[headAt]!)) headAt--;
    const head = tail[headAt];
    if (!head || head.type !== 'word' || !isNounHead(head)) return null;
    const headWord = bareLower(head);
    const last = tail[tail.length - 1]!;
    const run = runEnd >= 0 ? rest.slice(runStart, runEnd) : [];
    if (DOCUMENT_NOUNS.has(headWord)) {
      const demonym = run.length > 0 && run.every((t) => lexiconTags(base(t)).includes('Demonym'));
      if (run.length && !demonym) {
        const m = classifyRun(this, run);
        if (m) return this.finishName(m.name, m.kind, m.gender, pos, u);
      }
      if (ownerPronoun) return owner();
      const possessor = tail.find((t) => t.possessive && !t.cap);
      const roleMod = tail.slice(0, -1).map(bareLower).filter((w) => ORG_NOUNS.has(w) || isSpeakerNoun(w));
      if (possessor || roleMod.length) return this.resolveRole([roleMod[roleMod.length - 1] ?? bareLower(possessor!)], pos, u);
      // "the statement" is one named before; "a report", "one report" could be anyone's.
      const definite = i === 1 && /^(?:the|this|that)$/.test(np[0]!.lower);
      const described = rest.slice(0, rest.indexOf(head) + 1);
      if (definite) {
        // "the identically worded letters said", whose they are untold: the documents, as the text describes them.
        const issuer = this.docOwner(headWord, pos);
        // "The report called discrimination “one of the most serious causes …”": a report, study or ruling whose
        // author is untold speaks as itself, unlike a bare "the statement", which is its issuer's word.
        if (issuer || (described.length < 2 && documentKind(headWord) === 'statement')) return issuer;
        return { name: this.body.slice(np[0]!.start, head.end), kind: 'organization', gender: null };
      }
      // "an American naval announcement said": whose it is, as the text gives it; a later "the statement" is it too.
      if (described.length >= 2) {
        const speaker: Speaker = { name: this.body.slice(described[0]!.start, described[described.length - 1]!.end), kind: 'organization', gender: null };
        this.docs.push({ doc: headWord, owner: speaker, pos });
        return speaker;
      }
      return null;
    }
    if (GROUP_NOUNS.has(headWord) && !isSpeakerNoun(headWord) && !ORG_NOUNS.has(headWord)) {
      // "Mr Cole's family", "her relatives", "campaigners": the group as the text describes it, with its owner.
      const o = ownerPronoun ? owner() : null;
      const phraseToks = run.length ? [...run, ...tail] : tail;
      return { name: compose(o, phraseToks), kind: 'organization', gender: null };
    }
    if (ORG_NOUNS.has(headWord) || isSpeakerNoun(headWord)) {
      // "The governor's move …" as a subject: the governor (a possessive is its owner, not a new description).
      const mods = tail.map(bareLower);
      // "A top American official … thinks …" opening the article, then "Commerce Secretary Luther Hodges …": a lead's
      // indefinite description of someone is the person the next sentence opens with, named with a title.
      if (u.index === 0 && i === 1 && /^(?:a|an)$/.test(np[0]!.lower) && !ORG_NOUNS.has(headWord)) {
        const named = this.namedNext(u);
        if (named) return named;
      }
      const runIsPlace = run.length > 0 && run.every((t) => lexiconTags(base(t)).some(isPlaceTag));
      if (isSpeakerNoun(headWord) && (run.length === 0 || runIsPlace)) {
        const hit = this.resolveRole(mods, pos, u);
        if (hit) return hit;
        // "The vice president of the City Council complained … that there are “deficiencies” …", then "Councilman
        // William D. Schaefer said …": so is a lead's definite description that no one named before holds.
        if (u.index === 0 && i === 1 && np[0]!.lower === 'the' && !ORG_NOUNS.has(headWord)) {
          const named = this.namedNext(u);
          if (named) return named;
        }
      }
      // "“…”, the former Superior Court judge said" after Hughes's quotations: a definite description that sets someone
      // apart (former, a capitalised institution, an age) and names nobody else is the person quoted just before.
      if (isSpeakerNoun(headWord) && !ORG_NOUNS.has(headWord) && !ownerPronoun && i === 1 && np[0]!.lower === 'the') {
        // "says the handsome food expert": a describing adjective (not a rank: "the senior official") marks one too.
        const lower = rest.filter((t) => t.type === 'word' && !t.cap);
        const describing = lower.some((t) => t !== head && !NP_MODIFIERS.has(t.lower) && !isSpeakerNoun(t.lower) && lexiconTags(t.lower).includes('Adjective') && !lexiconTags(t.lower).includes('Demonym'));
        const marked = describing || lower.some((t) => DESCRIPTION_MARKS.has(t.lower) || /-year-old$/.test(t.lower));
        if (marked || (run.length > 0 && !runIsPlace)) {
          const previous = this.previousSpeaker(u) ?? (describing ? this.lastPersonQuoted(u) : null);
          if (previous) return previous;
        }
      }
      if (run.length || ownerPronoun) {
        const o = ownerPronoun ? owner() : null;
        const phraseToks = run.length ? [...run, ...tail] : tail;
        const kind: Kind = ORG_NOUNS.has(headWord) ? 'organization' : 'person';
        return this.finishName(compose(o, phraseToks), kind, null, pos, u);
      }
      if (ORG_NOUNS.has(headWord)) {
        const hit = this.resolveRole([headWord], pos, u);
        if (hit) return hit;
      }
      // Nobody named: the text gives only a description ("police", "prosecutors", "the judge").
      const end = last.possessive ? last.end - (this.body.slice(last.start, last.end).match(/['’]s?$/)?.[0].length ?? 0) : last.end;
      return { name: this.body.slice(tail[0]!.start, end), kind: ORG_NOUNS.has(headWord) ? 'organization' : 'person', gender: null };
    }
    return null;
  }
}
