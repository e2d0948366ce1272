// Where the names in a sentence are: runs of capitalised words joined across initials, particles and connectors,
// split where a connector joins two names, and trimmed to the name itself: a title split off ("Albanian Foreign
// Minister | Olta Xhacka", kept as the name's role), a sentence-initial common word or a demonym dropped, a country
// before another name made a name of its own. mentions.ts then reads the evidence around each span.
import { GIVEN_NAME_ABBREVIATIONS } from '../../text/sentences.js';
import { STOP_WORDS, nameTokens, type NameToken } from '../../text/terms.js';
import {
  NAME_PARTICLES,
  EVENT_CUES,
  NAME_MONTHS,
  NAME_SUFFIXES,
  ORG_CONNECTORS,
  ORG_CUES,
  PLACE_CUES,
  hasOrgCue,
  hasPlaceCue,
  headTakesOf,
  isCalendarWord,
  isContentWord,
  isCountryLike,
  isDemonym,
  isFunctionOrVerb,
  isFunctionWord,
  isGivenName,
  isLexiconLastName,
  isKnownProper,
  isNonEntityAcronym,
  isCommonPlural,
  isNumberWord,
  lexiconKind,
  looksLikeCommonWord,
  middleInitialShape,
} from '../names.js';
import {
  DEPARTMENT_WORDS,
  HONORIFICS,
  SPEECH_VERBS,
  TITLES,
  TITLES_AFTER_INSTITUTIONS,
  TITLE_MODIFIERS,
  honorificMakesSurname,
  isRoleNoun,
  isTitle,
  singularRole,
} from '../vocabulary.js';
import type { RawMention, WordStats } from './mentions.js';

/**
 * Capitalised words shaped as one person's name: after an honorific ("Mrs. Hardy P. Mills"), or a given name with a
 * middle initial ("Hardy P. Mills"). An "of" after it gives a home town ("… Mills of Floresville"), not an
 * organisation's name, though the last word is an organisation noun too; a title after the name still takes it.
 */
function personShaped(caps: string[]): boolean {
  const last = caps.at(-1) ?? '';
  if (caps.length < 2 || TITLES.has(last)) return false;
  if (HONORIFICS.has(caps[0]!) && !TITLES.has(caps[1]!)) return true;
  return middleInitialShape(caps) || (isGivenName(caps[0]!) && caps.slice(1, -1).some((k) => /^\p{L}$/u.test(k)));
}

/** Event nouns that are also surnames ("Tom Day", "Doris Day", "Bob Law", "Jim Fair"). */
const SURNAME_EVENT_CUES: ReadonlySet<string> = new Set(['day', 'law', 'fair', 'bill']);

const POSSESSIVE_NAME_WORDS = new Set('people workers women children men farmers veterans'.split(' '));
const OPENING_PUNCT = new Set(['“', '‘', '"', "'", '(', '[', '—', '–', '-', ':', '«']);
export const BETWEEN_SUBJECT_AND_VERB = new Set(
  'also later then has had have previously earlier again further recently separately once reportedly'.split(
    ' ',
  ),
);
const PREFIXED = /^(?:pro|anti|non|post|pre|mid|neo|ex|then|semi|un|self)-/i;
const PRONOUNS = new Set('he she it they we i you his her its their our'.split(' '));
/** A party-and-district tag after a legislator's name ("R-Bergen", "D-Mass"). */
const PARTY_TAG = /^[RDI]-\p{Lu}/u;
const MONTH_LEADS = new Set(
  'in on for since until by of early late mid last next this from through before after during'.split(' '),
);
/** "St. Louis", "Mt. Hood", "Ft. Worth": an abbreviation's period does not end the name. */
const PLACE_ABBREVIATIONS = new Set(['st', 'mt', 'ft']);
/**
 * The shape of an agent noun the lexicon may lack: "crooner", "couturier", "cinemactor", "valedictorian",
 * "committeeman".
 */
const AGENT_NOUN = /^\p{Ll}{3,}(?:er|or|ier|eer|ist|ian|man|woman)$/u;

/** A name's tokens in a sentence (indices of the first and last), with what the run it came from said about it. */
export interface Span {
  first: number;
  last: number;
  roles: string[];
  title: boolean;
  affiliation: boolean;
  /** The token the role in `roles` starts at, when the name's run held it ("Gov. Marvin Griffin"). */
  roleFirst?: number;
  /** Set once the span has been emitted, so later context can still add evidence to it. */
  mention?: RawMention;
}

/** One sentence's tokens, and where the names in it are. */
export class NameSpans {
  readonly tokens: NameToken[];

  constructor(
    readonly text: string,
    readonly stats: WordStats,
  ) {
    this.tokens = nameTokens(text);
  }

  /** The name spans of the sentence, in order, each with the title or affiliation it was written with. */
  protected nameSpans(): Span[] {
    const spans: Span[] = [];
    for (const run of this.runs())
      for (const piece of this.splitConnectors(run)) spans.push(...this.interpret(piece));
    for (const span of spans) this.commaSuffix(span);
    return spans;
  }

  /**
   * "William H. Draper, Jr.", "D. Ellwood Williams, Jr., a board member": a generational suffix set off by a comma
   * still ends the name — after a name of two or more words, so that "Smith, Jr." alone is not made a span.
   */
  private commaSuffix(span: Span): void {
    const toks = this.tokens;
    const comma = toks[span.last + 1];
    const suffix = toks[span.last + 2];
    if (comma?.text !== ',' || !suffix?.word || !suffix.cap || !NAME_SUFFIXES.has(suffix.key)) return;
    const last = toks[span.last]!;
    if (!last.word || last.possessive || last.key.length < 2 || NAME_SUFFIXES.has(last.key)) return;
    let words = 0;
    for (let i = span.first; i <= span.last; i++) if (toks[i]!.word) words++;
    if (words >= 2) span.last += 2;
  }

  // -- Runs of capitalised words -------------------------------------------------------------------------------

  protected isNameToken(i: number): boolean {
    const t = this.tokens[i];
    if (t !== undefined && t.word && !t.cap && this.hyphenatedGivenName(i)) {
      t.cap = true; // "Chiang Kai-shek": a name's word, read as capitalised from here on
      return true;
    }
    if (t === undefined || !t.word || !t.cap || t.key.length === 0 || isCalendarWord(t.text)) return false;
    if (isNumberWord(t.key) && !this.numberSurname(i)) return false;
    if (PARTY_TAG.test(t.text)) return false; // "Sen. Walter H. Jones R-Bergen": party and district, not the name
    // "… in Troy, N. Y. He was there …": a sentence's pronoun after initials; but "Roger I. Vermeersch" has an initial I.
    if (PRONOUNS.has(t.key) && !this.initialI(i)) return false;
    if (/^\p{L}+['’](?:ll|re|ve|m|d)$/iu.test(t.text)) return false; // "I'll", "We're", "They'd": a contraction
    if (PREFIXED.test(t.text)) return false; // "pro-Western", "anti-Israel": adjectives
    return !NAME_MONTHS.has(t.key) || !this.isMonthAt(i);
  }

  /** "Roger I. Vermeersch": "I." between a given name and a capitalised word is a middle initial, not the pronoun. */
  private initialI(i: number): boolean {
    const toks = this.tokens;
    const [t, dot, next] = [toks[i]!, toks[i + 1], toks[i + 2]];
    if (t.text !== 'I' || dot?.text !== '.' || dot.start !== t.end || next?.word !== true || !next.cap) return false;
    const prev = toks[i - 1];
    const before = toks[i - 2];
    const isInitial = (k: number): boolean => toks[k]?.word === true && /^\p{Lu}$/u.test(toks[k]!.text) && toks[k + 1]?.text === '.' && toks[k]!.end === toks[k + 1]!.start;
    const isTitleWord = (k: number): boolean => toks[k]?.word === true && isTitle(toks[k]!.key);
    // After a given name, or one after a title ("the Rev. Warren I. Densmore": a given name the lexicon lacks).
    if (prev?.word && prev.cap) return isGivenName(prev.key) || isTitleWord(i - 2) || (before?.text === '.' && isTitleWord(i - 3));
    if (prev?.text !== '.') return false;
    // "Mr. and Mrs. I. S. Kamens": right after an honorific or an abbreviated title.
    if (isTitleWord(i - 2) && before!.cap && before!.end === prev.start) return true;
    // "Dr. W. B. I. Martin": after a chain of initials opened by a title (not "Sands Point, L. I. Bill Jr.").
    return isInitial(i - 2) && (isTitleWord(i - 4) || (isInitial(i - 4) && (isTitleWord(i - 6) || isInitial(i - 6))));
  }

  /** "Robert Six, president of …": a number word right after a given name is a surname. */
  private numberSurname(i: number): boolean {
    const prev = this.tokens[i - 1];
    const next = this.tokens[i + 1];
    return prev?.word === true && prev.cap && prev.end + 1 === this.tokens[i]!.start && isGivenName(prev.key) && !(next?.word && !next.cap);
  }

  /** "Chiang Kai-shek": a capitalised hyphenated word with a lower-case second part, right after a name word. */
  private hyphenatedGivenName(i: number): boolean {
    const t = this.tokens[i]!;
    const prev = this.tokens[i - 1];
    return /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(t.text) && prev?.word === true && prev.cap && !prev.possessive && prev.end + 1 === t.start && !isTitle(t.key);
  }

  /** "in May", "May 12", "Jan. 5": the month, not a name. */
  private isMonthAt(i: number): boolean {
    const prev = this.tokens[i - 1];
    const next = this.tokens[i + 1];
    const after = next?.text === '.' ? this.tokens[i + 2] : next;
    return (prev?.word === true && !prev.cap && MONTH_LEADS.has(prev.key)) || /^\d/.test(after?.text ?? '');
  }

  private isInitial(i: number): boolean {
    if (i === 0) return true;
    const prev = this.tokens[i - 1]!;
    return (
      !prev.word &&
      OPENING_PUNCT.has(prev.text) &&
      (i === 1 || !this.tokens[i - 2]!.word || prev.text !== "'")
    );
  }

  /** Is the word at `k` a nickname in curly quotation marks: “, one capitalised word, ” ("“Tex”")? */
  protected quotedNickname(k: number): boolean {
    const toks = this.tokens;
    return toks[k - 1]?.text === '“' && toks[k]?.word === true && /^\p{Lu}\p{Ll}+$/u.test(toks[k]!.text) && toks[k + 1]?.text === '”';
  }

  /** Maximal runs of capitalised words, joined across initials ("F."), particles and "of"/"and"/"for"/"on". */
  private *runs(): Generator<number[]> {
    const toks = this.tokens;
    let i = 0;
    while (i < toks.length) {
      if (!this.isNameToken(i)) {
        i++;
        continue;
      }
      const run = [i];
      let j = i;
      while (true) {
        const t = toks[j]!;
        if (t.possessive) {
          if (POSSESSIVE_NAME_WORDS.has(t.key) && this.isNameToken(j + 1)) {
            t.key = `${t.key}'s`;
            run.push(++j);
            continue;
          }
          break;
        }
        if (this.isNameToken(j + 1) && toks[j + 1]!.start - t.end <= 1) {
          run.push(++j);
          continue;
        }
        const next = toks[j + 1];
        if (
          next?.text === '.' &&
          (t.text.length === 1 ||
            HONORIFICS.has(t.key) ||
            TITLES.has(t.key) ||
            PLACE_ABBREVIATIONS.has(t.key) ||
            GIVEN_NAME_ABBREVIATIONS.has(t.key) ||
            /^Mc\p{Lu}$/u.test(t.text)) &&
          next.start === t.end &&
          this.isNameToken(j + 2)
        ) {
          run.push(j + 1, j + 2);
          j += 2;
          continue;
        }
        // "V. E. (Red) Berry", "Eligio (Kika) De La Garza": a nickname in brackets inside a person's name.
        const open = next?.text === '.' && t.text.length === 1 ? j + 2 : j + 1;
        if (
          t.word &&
          t.cap &&
          toks[open]?.text === '(' &&
          toks[open + 1]?.word &&
          /^\p{Lu}\p{Ll}+$/u.test(toks[open + 1]!.text) &&
          toks[open + 2]?.text === ')' &&
          this.isNameToken(open + 3)
        ) {
          for (let c = j + 1; c <= open + 3; c++) run.push(c);
          j = open + 3;
          continue;
        }
        // "Harold “Flip” Phillips": a nickname in quotation marks inside a person's name; "“Tex” Burgess": one opening it.
        if (t.word && t.cap && this.quotedNickname(j + 2) && this.isNameToken(j + 4)) {
          for (let c = j + 1; c <= j + 4; c++) run.push(c);
          j += 4;
          continue;
        }
        if (run.length === 1 && this.quotedNickname(j) && this.isNameToken(j + 2) && !this.isNameToken(j - 2)) {
          run.push(j + 1, j + 2);
          j += 2;
          continue;
        }
        let k = j + 1;
        while (
          k < toks.length &&
          k - j <= 2 &&
          !toks[k]!.cap &&
          (ORG_CONNECTORS.has(toks[k]!.key) || NAME_PARTICLES.has(toks[k]!.key))
        )
          k++;
        if (k > j + 1 && this.isNameToken(k)) {
          for (let c = j + 1; c <= k; c++) run.push(c);
          j = k;
          continue;
        }
        break;
      }
      yield run;
      i = j + 1;
    }
  }

  /** Keeps "of"/"and"/"for"/"on" inside a run only where an organisation, place or title takes them. */
  private splitConnectors(run: number[]): number[][] {
    const toks = this.tokens;
    const whole = run
      .filter((i) => toks[i]!.word)
      .map((i) => toks[i]!.key)
      .join(' ');
    if (lexiconKind(whole) !== null) return [run];
    const out: number[][] = [];
    let current: number[] = [];
    let sawOf = false;
    for (let n = 0; n < run.length; n++) {
      const i = run[n]!;
      const t = toks[i]!;
      const isConnector =
        !t.cap && t.word
          ? ORG_CONNECTORS.has(t.key) || NAME_PARTICLES.has(t.key)
          : t.text === '&' || t.text === '.';
      if (!isConnector) {
        current.push(i);
        continue;
      }
      const before = current.filter((c) => toks[c]!.word && toks[c]!.cap).map((c) => toks[c]!.key);
      let keep: boolean;
      if (t.text === '.' || t.text === '&') keep = true;
      else if (NAME_PARTICLES.has(t.key) && !ORG_CONNECTORS.has(t.key)) keep = true;
      // "Ministry of …", "Secretary of …", "People's Mujahideen of …"; not "James Carter of Houston".
      else if (t.key === 'of')
        keep = (headTakesOf(before.at(-1) ?? '') || (before[0]?.endsWith("'s") ?? false)) && !personShaped(before);
      else if (t.key === 'the') keep = sawOf;
      // "Ministry of Intelligence and Security", "Securities and Exchange Commission"; not "Legislature and Congress".
      else if (t.key === 'and')
        keep =
          (sawOf && before.some((w) => ORG_CUES.has(w)) && this.andStaysInName(run, n)) ||
          this.andJoinsOneName(run, n);
      // "for", "on": "Center for …", "Conference on …"; "MP for Bristol East Kevin Lyle": a title's seat, with a full
      // name after it, stays in the run for splitTitle to part.
      else keep = before.some((w) => ORG_CUES.has(w)) || (t.key === 'for' && isTitle(before.at(-1) ?? '') && this.fullNameAfter(run, n));
      if (keep) {
        if (t.key === 'of' || t.key === 'for' || t.key === 'on') sawOf = true;
        current.push(i);
      } else {
        if (current.length > 0) out.push(current);
        current = [];
        // Skip the rest of this connector group.
        while (n + 1 < run.length && !toks[run[n + 1]!]!.cap) n++;
      }
    }
    if (current.length > 0) out.push(current);
    return out.map((r) => this.trimConnectors(r)).filter((r) => r.length > 0);
  }

  /** After run position `n`, past at least one other capitalised word, a given name and a word after it. */
  private fullNameAfter(run: number[], n: number): boolean {
    const caps = run.slice(n + 1).filter((i) => this.tokens[i]!.word && this.tokens[i]!.cap);
    return caps.some((i, c) => c > 0 && c < caps.length - 1 && isGivenName(this.tokens[i]!.key));
  }

  /**
   * "Ministry of Intelligence and Security": no title on either side of the "and", and a short name after it —
   * unlike "Bank of England Governor Andrew Bailey and Chinese Premier Li Qiang".
   */
  private andStaysInName(run: number[], n: number): boolean {
    const words = (from: number, to: number): NameToken[] =>
      run
        .slice(from, to)
        .map((i) => this.tokens[i]!)
        .filter((t) => t.word && t.cap);
    const lastOf = run.slice(0, n).findLastIndex((i) => this.tokens[i]!.key === 'of');
    const left = words(lastOf + 1, n);
    const right = words(n + 1, run.length);
    return right.length <= 3 && ![...left, ...right].some((t) => isTitle(t.key));
  }

  /** After "and" at run position `n`: two or more words ending in an organisation noun ("Exchange Commission"). */
  private andJoinsOneName(run: number[], n: number): boolean {
    const right = run.slice(n + 1).filter((i) => this.tokens[i]!.word && this.tokens[i]!.cap);
    return right.length >= 2 && ORG_CUES.has(this.tokens[right.at(-1)!]!.key);
  }

  private trimConnectors(run: number[]): number[] {
    const toks = this.tokens;
    let a = 0;
    let b = run.length - 1;
    while (a <= b && !toks[run[a]!]!.cap) a++;
    while (b >= a && !toks[run[b]!]!.cap) b--;
    return run.slice(a, b + 1);
  }

  // -- What a run names ---------------------------------------------------------------------------------------

  private isCommonAtStart(i: number, runLength: number): boolean {
    const t = this.tokens[i]!;
    if (t.acronym) return false;
    if (runLength > 1 && (TITLES.has(t.key) || isRoleNoun(t.key))) return false; // "Deputy Foreign Minister …"
    const next = this.tokens[i + 1];
    if (
      runLength > 2 &&
      TITLE_MODIFIERS.has(t.key) &&
      next?.cap &&
      (isTitle(next.key) || TITLE_MODIFIERS.has(next.key))
    )
      return false; // "Former President …"
    if (runLength > 1 && NAME_PARTICLES.has(t.key)) return false; // "Von der Leyen said …"
    if (STOP_WORDS.has(t.key) && !isKnownProper(t.key)) return true;
    const speaker = runLength === 1 && this.speechVerbAfter(i);
    if (isFunctionWord(t.key)) return true; // "However …", "Among …", "During …"
    // A verb or adjective that the corpus also writes capitalised mid-sentence is a name ("Swift thanked fans").
    if (this.stats.capitalisedMidSentence.has(t.text.toLowerCase())) return false;
    if (isFunctionOrVerb(t.key) && !speaker) return true; // "Asked …", "Following …", "Last …"
    if (this.stats.lower.has(t.text.toLowerCase())) return true;
    // "Dick McAuliffe cracked …": a given name that is also a noun, before another name word, and never written in
    // lower case by the corpus, opens a name at the start of a sentence as it does elsewhere.
    if (runLength > 1 && isGivenName(t.key) && next?.cap && next.word) return false;
    if (speaker) return false;
    return looksLikeCommonWord(t.text);
  }

  /** Is the capitalised word at run position `n` a title ("Minister", "Dictator", "First Lady")? */
  private isTitleAt(run: number[], n: number): boolean {
    const t = this.tokens[run[n]!]!;
    if (!t.word) return false;
    if (n > 0 && this.tokens[run[n - 1]!]!.text === '(') return false; // "Jimmy (Monk) Allegretti": a nickname
    if (this.quotedNickname(run[n]!)) return false; // "“Mom” Marr": so is this
    if (isTitle(t.key)) return true;
    if (isGivenName(t.key) || isLexiconLastName(t.key)) return false;
    // "Patrolmen J. W. Slate and A. L. Crawford Jr.": a plural role opening a sentence, before a list of names.
    // So is one after a lower-case word: "Robinson told Policemen James Jones and Morgan Lloyd".
    const before = this.tokens[run[0]! - 1];
    const opens = this.isSentenceStart(run[0]!) || (before?.word === true && !before.cap && !/^(?:of|in|at|from|for|to|by|with|and|or)$/.test(before.key));
    if (n === 0 && opens && !HONORIFICS.has(t.key) && singularRole(t.key) !== null && this.listFollows(run)) return true;
    const prev = n > 0 ? this.tokens[run[n - 1]!]! : undefined;
    if (isRoleNoun(t.key) || (prev !== undefined && isRoleNoun(`${prev.key} ${t.key}`))) return true;
    // "Actor-Crooner Frank Sinatra", "Couturier Don Loper": a word the vocabulary does not know, shaped like an agent
    // noun (or a compound of role nouns), right before a given name and a surname, is the name's role.
    const next = this.tokens[run[n + 1]!];
    const afterNext = this.tokens[run[n + 2]!];
    if (!next?.word || !afterNext?.word || !next.cap || !afterNext.cap || !isGivenName(next.key)) return false;
    return t.key.split('-').every((part) => isRoleNoun(part) || AGENT_NOUN.test(part)) && !isKnownProper(t.key);
  }

  /** Is the token at `i` the sentence's first word? */
  private isSentenceStart(i: number): boolean {
    return this.tokens.slice(0, i).every((t) => !t.word);
  }

  /** Does "and" and another capitalised word follow the run (a list of names goes on)? */
  private listFollows(run: number[]): boolean {
    const after = this.tokens[run[run.length - 1]! + 1];
    const next = this.tokens[run[run.length - 1]! + 2];
    return after?.word === true && after.key === 'and' && !after.cap && next?.word === true && next.cap;
  }

  /** A lower-case word inside a role phrase: a modifier, a role noun, or a content word ("hedge fund manager"). */
  protected isRolePhraseWord(t: NameToken): boolean {
    if (t.cap || !t.word) return false;
    if (TITLE_MODIFIERS.has(t.key) || isRoleNoun(t.key) || /^(?:ex|then)-/.test(t.key)) return true;
    return !STOP_WORDS.has(t.key) && isContentWord(t.key);
  }

  /** A capitalised word inside a title: "Deputy", "Foreign", "Albanian", "US" — but not "Council" or "Party". */
  protected isRolePart(t: NameToken): boolean {
    if (TITLES.has(t.key) || isDemonym(t.key) || isCountryLike(t.key) || t.text === '.') return true;
    return TITLE_MODIFIERS.has(t.key) && !ORG_CUES.has(t.key) && !PLACE_CUES.has(t.key);
  }

  /** A run → the name spans in it: titles split off ("Albanian Foreign Minister | Olta Xhacka"), modifiers dropped. */
  private interpret(input: number[]): Span[] {
    const toks = this.tokens;
    let run = input;
    // A sentence-initial capital may just be a common word ("Following …", "Today …", "Said Lapid …").
    // ("Bank of England …" keeps its first word: a connector after it shows it heads a name.)
    // ("Miles J. Cooperman" keeps it too: a middle initial after it shows it is a given name.)
    const headsName = (r: number[]): boolean =>
      r.length > 2 && ((!toks[r[1]!]!.cap && ORG_CONNECTORS.has(toks[r[1]!]!.key)) || (/^\p{Lu}$/u.test(toks[r[1]!]!.text) && toks[r[2]!]!.text === '.' && r.length > 3));
    while (
      run.length > 0 &&
      (toks[run[0]!]!.key === 'the' ||
        (this.isInitial(run[0]!) && !headsName(run) && this.isCommonAtStart(run[0]!, run.length)))
    ) {
      run = this.trimConnectors(run.slice(1));
    }
    // "Smoldering Congo …": a sentence-initial word before a known place or organisation is not part of its name.
    if (run.length > 1 && this.isInitial(run[0]!) && !headsName(run) && !isKnownProper(toks[run[0]!]!.key)) {
      const rest = this.trimConnectors(run.slice(1));
      const restKind = lexiconKind(this.keyOf(rest));
      if (restKind === 'place' || restKind === 'organization') run = rest;
    }
    if (run.length === 0) return [];
    const words = run.filter((i) => toks[i]!.word).map((i) => toks[i]!.key);
    if (lexiconKind(words.join(' ')) !== null) return [this.span(run)];
    // Events, laws and plans ("Family Week", "Affordable Care Act") are not people, organisations or places;
    // a name ending in a demonym is an adjective ("West Texan ranchers").
    // But "Tom Day", "Bob Law": a given name before an event noun that is also a surname.
    const givenThenSurname = words.length <= 3 && isGivenName(words[0]!) && SURNAME_EVENT_CUES.has(words.at(-1)!);
    if (words.length > 1 && EVENT_CUES.has(words.at(-1)!) && !givenThenSurname) return [];
    while (run.length > 1 && isDemonym(toks[run.at(-1)!]!.key)) run = this.trimConnectors(run.slice(0, -1)); // "West Virginia Democrat"

    const split = this.splitTitle(run);
    if (split) return split;

    // Only role words, demonyms and countries ("Prime Minister", "Israeli", "US"): the countries are places.
    if (run.every((i) => this.isRolePart(toks[i]!) || !toks[i]!.cap)) {
      return run.filter((i) => isCountryLike(toks[i]!.key)).map((i) => this.span([i]));
    }
    const out: Span[] = [];
    // A leading demonym is a modifier ("Iranian MOIS"); a leading country before a non-organisation is its own name.
    while (run.length > 1) {
      const head = toks[run[0]!]!;
      const rest = run
        .slice(1)
        .filter((i) => toks[i]!.word)
        .map((i) => toks[i]!.key);
      const restIsInstitution =
        ORG_CUES.has(rest.at(-1) ?? '') || PLACE_CUES.has(rest.at(-1) ?? '') || hasOrgCue(rest);
      if (isDemonym(head.key) && !restIsInstitution) run = this.trimConnectors(run.slice(1));
      else if (
        (isCountryLike(head.key) && !hasOrgCue(rest) && !hasPlaceCue(rest)) ||
        (lexiconKind(head.key) === 'place' && rest.length === 1 && toks[run.at(-1)!]!.acronym)
      ) {
        out.push(this.span([run[0]!]));
        run = this.trimConnectors(run.slice(1));
      } else break;
    }
    if (run.length === 0) return out;
    if (run.length === 1) {
      const t = toks[run[0]!]!;
      if (
        t.key.length < 2 ||
        NAME_SUFFIXES.has(t.key) ||
        (STOP_WORDS.has(t.key) && !t.acronym && !isKnownProper(t.key)) ||
        isDemonym(t.key) ||
        (t.acronym && isNonEntityAcronym(t.key)) ||
        TITLES.has(t.key) ||
        TITLE_MODIFIERS.has(t.key)
      )
        return out;
    }
    out.push(this.span(run));
    return out;
  }

  private span(run: number[], extra: Partial<Span> = {}): Span {
    return { first: run[0]!, last: run.at(-1)!, roles: [], title: false, affiliation: false, ...extra };
  }

  /** "Deputy Foreign Minister Idan Roll" → role "Deputy Foreign Minister" + name "Idan Roll". */
  private splitTitle(run: number[]): Span[] | null {
    const toks = this.tokens;
    for (let n = run.length - 2; n >= 0; n--) {
      const t = toks[run[n]!]!;
      if (!this.isTitleAt(run, n)) continue;
      // "Mr. and Mrs. Major Morris": after a plain honorific a title word is a given name ("Mr. Justice Frankfurter" is
      // the judge's form of address).
      const before = toks[run[n - 1] ?? -1]?.text === '.' ? toks[run[n - 2] ?? -1] : toks[run[n - 1] ?? -1];
      if (before?.word && /^(?:mr|mrs|miss|ms)$/.test(before.key) && !/^(?:justice|speaker|president)$/.test(t.key)) continue;
      let nameStart = n + 1;
      if (toks[run[nameStart]!]!.text === '.') nameStart++;
      let roleEnd = nameStart - 1;
      // "Secretary of State Antony Blinken", "Secretary of the Army": the domain after "of" is part of the role.
      let domain: number[] = [];
      // "MP for Bristol East Kevin Lyle": the seat after "for" too.
      if (toks[run[nameStart]!]?.key === 'of' || (toks[run[nameStart]!]?.key === 'for' && !toks[run[nameStart]!]!.cap)) {
        const after = run.slice(nameStart + 1);
        const caps = after.map((i, k) => (toks[i]!.cap ? k : -1)).filter((k) => k >= 0);
        const given = caps.findIndex((k, c) => c > 0 && isGivenName(toks[after[k]!]!.key));
        const domainCaps = given > 0 ? given : Math.max(1, caps.length - 2);
        const domainLength = (caps[domainCaps - 1] ?? 0) + 1;
        domain = after.slice(0, domainLength);
        roleEnd = nameStart + domainLength;
        nameStart = roleEnd + 1;
      }
      const name = this.trimConnectors(run.slice(nameStart));
      // "Mrs. Greenfield", "Mr. Houston", "Lord Home": a married woman's, a man's or a peer's honorific makes a surname
      // of a town's name or a noun ("Miss" does not: "Miss Texas" is a title of its own).
      const surnameAfterHonorific = honorificMakesSurname(t.key) && name.filter((i) => toks[i]!.word).length === 1 && !isCountryLike(toks[name.at(-1)!]!.key);
      // "Mrs. Hardy P. Mills": after a married woman's or a man's honorific, a full name is a person's, whatever its
      // last word also names.
      const nameAfterHonorific = honorificMakesSurname(t.key) && n === 0 && !name.some((i) => !toks[i]!.cap && toks[i]!.word);
      if (!this.isPersonLike(name, surnameAfterHonorific, nameAfterHonorific)) {
        if (domain.length > 0 && name.length === 0)
          return [...this.rolePrefixSpans(run, n), ...this.interpret(this.trimConnectors(domain))];
        continue;
      }
      const roleStartN = this.roleStart(run, n);
      const role = this.text.slice(toks[run[roleStartN]!]!.start, toks[run[roleEnd]!]!.end);
      const affiliation = this.trimConnectors(run.slice(0, roleStartN));
      const spans: Span[] = [];
      if (affiliation.length > 0)
        spans.push(...this.interpret(affiliation).map((s) => ({ ...s, affiliation: true })));
      const honorificOnly = roleStartN === n && HONORIFICS.has(t.key);
      // "Foreign Secretary Lord Home", "Foreign Minister Sir Alec Roe": the role ends before the honorific.
      const titled = HONORIFICS.has(t.key) && roleStartN < n && domain.length === 0 ? this.text.slice(toks[run[roleStartN]!]!.start, toks[run[n - 1]!]!.end) : role;
      spans.push(this.span(name, { roles: honorificOnly ? [] : [titled], title: true, ...(honorificOnly ? {} : { roleFirst: run[roleStartN]! }) }));
      return spans;
    }
    return null;
  }

  private rolePrefixSpans(run: number[], head: number): Span[] {
    const start = this.roleStart(run, head);
    const prefix = this.trimConnectors(run.slice(0, start));
    return prefix.length > 0 ? this.interpret(prefix).map((s) => ({ ...s, affiliation: true })) : [];
  }

  /** Walks left from a role head over modifiers, demonyms and countries: where the role phrase starts. */
  private roleStart(run: number[], head: number): number {
    const toks = this.tokens;
    let s = head;
    while (s > 0) {
      const t = toks[run[s - 1]!]!;
      // "District Attorney", "Police Chief": an organisation or place noun that belongs to the title.
      const cueTitle =
        TITLES_AFTER_INSTITUTIONS.has(toks[run[s]!]!.key) && (ORG_CUES.has(t.key) || PLACE_CUES.has(t.key));
      if (!this.isRolePart(t) && !cueTitle) break;
      // "Bank of England Governor": a word after "of" belongs to the employer's name.
      const before = s >= 2 ? toks[run[s - 2]!]! : undefined;
      if (before && !before.cap && before.word && ORG_CONNECTORS.has(before.key)) break;
      s--;
    }
    return s;
  }

  protected keyOf(run: number[]): string {
    return run
      .filter((i) => this.tokens[i]!.word)
      .map((i) => this.tokens[i]!.key)
      .join(' ');
  }

  /** Could these tokens be a person's name (not an organisation, place, role or demonym)? */
  private isPersonLike(run: number[], placeNameMayBeSurname = false, afterHonorific = false): boolean {
    if (run.length === 0) return false;
    const toks = run.map((i) => this.tokens[i]!);
    const words = toks.filter((t) => t.word).map((t) => t.key);
    // Up to five words; initials' periods and a bracketed nickname ("V. E. (Red) Berry") are no words.
    if (words.length === 0 || words.length > 5) return false;
    if (placeNameMayBeSurname && words.length === 1) return !TITLES.has(words[0]!) && !toks.some((t) => t.acronym);
    const last = words.at(-1)!;
    // After a title, a given name and a surname that is also an institution or place noun: "Mayor Ellen Park"; so
    // is one after an honorific, or a first name and a middle initial ("Hardy P. Mills").
    const givenThenSurname =
      words.length >= 2 &&
      words.length <= 4 &&
      (afterHonorific || middleInitialShape(words) || (words.length <= 3 && isGivenName(words[0]!))) &&
      !hasOrgCue(words.slice(0, -1)) &&
      !EVENT_CUES.has(last) &&
      lexiconKind(words.join(' ')) === null;
    if (!givenThenSurname && (hasOrgCue(words) || hasPlaceCue(words))) return false;
    if (!givenThenSurname && (ORG_CUES.has(last) || PLACE_CUES.has(last) || EVENT_CUES.has(last))) return false;
    const kind = lexiconKind(words.join(' '));
    if (kind === 'place' || kind === 'organization') return false;
    if (toks.every((t) => !t.word || TITLES.has(t.key) || TITLE_MODIFIERS.has(t.key) || isDemonym(t.key)))
      return false;
    // "Minister of External Affairs": a plural common noun alone is the title's domain, not a name.
    if (words.length === 1 && (isCommonPlural(words[0]!) || DEPARTMENT_WORDS.has(words[0]!))) return false;
    return !toks.some((t) => t.acronym && t.text.length > 1 && words.length === 1);
  }


  // -- Words around a name ------------------------------------------------------------------------------------

  protected word(i: number): NameToken | undefined {
    const t = this.tokens[i];
    return t?.word ? t : undefined;
  }

  protected speechVerbAfter(last: number): boolean {
    let i = last + 1;
    if (BETWEEN_SUBJECT_AND_VERB.has(this.word(i)?.key ?? '')) i++;
    const w = this.word(i);
    if (w === undefined || w.cap || !SPEECH_VERBS.has(w.key)) return false;
    // "Attendance continued to run ahead": "continue" before an infinitive or a participle is no speech.
    const next = this.word(i + 1);
    return !(/^continue[sd]?$/.test(w.key) && next !== undefined && (next.key === 'to' || /ing$/.test(next.key)));
  }
}
