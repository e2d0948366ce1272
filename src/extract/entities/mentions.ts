// One sentence → the names it mentions, each with the evidence news prose gives about what it names:
// a title or role before it, an appositive after it, a speech verb, "the X", "in X", an acronym in parentheses.
import { STOP_WORDS, casedWords, nameTokens, type NameToken } from '../../text/terms.js';
import {
  NAME_PARTICLES,
  EVENT_CUES,
  NAME_MONTHS,
  NAME_SUFFIXES,
  ORG_CONNECTORS,
  ORG_CUES,
  PLACE_CUES,
  TRAILING_ORG_NOUNS,
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
  isModifiedNoun,
  isNonEntityAcronym,
  isNumberWord,
  lexiconKind,
  looksLikeCommonWord,
} from '../names.js';
import {
  HONORIFICS,
  OUTLET_VERBS,
  SPEECH_VERBS,
  TITLES,
  TITLES_AFTER_INSTITUTIONS,
  TITLE_MODIFIERS,
  isRoleNoun,
  isTitle,
} from '../vocabulary.js';

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
});

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
}

export interface SentenceScan {
  mentions: RawMention[];
  /** Pairs of name keys the sentence says are one entity ("Mujahedeen-e-Khalq (MEK)"). */
  links: [string, string][];
}

/** What the whole corpus says about words, to tell a sentence-initial name from a capitalised common word. */
export interface WordStats {
  /** Words seen in lower case. */
  lower: Set<string>;
  /** Words seen capitalised away from a sentence start. */
  capitalisedMidSentence: Set<string>;
}

const POSSESSIVE_NAME_WORDS = new Set('people workers women children men farmers veterans'.split(' '));
const OPENING_PUNCT = new Set(['“', '‘', '"', "'", '(', '[', '—', '–', '-', ':', '«']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'whose']);
const APPOSITIVE_END = new Set(', . ; — – ) : of at for with who and said told in from on says'.split(' '));
const INVERTED_SPEECH = new Set(
  'said says added adds noted wrote explained continued insisted recalled'.split(' '),
);
const BETWEEN_SUBJECT_AND_VERB = new Set(
  'also later then has had have previously earlier again further recently separately once reportedly'.split(
    ' ',
  ),
);
const PLACE_PREPOSITIONS = new Set('in at near across throughout outside inside from into'.split(' '));
const ALIAS_PHRASES = [['also', 'known', 'as'], ['known', 'as'], ['or']];
const MAX_ROLE_WORDS = 6;
/** Role nouns that after a possessive are a body part ("his head", "Smith's hand"). */
const BODY_PARTS = new Set(['head', 'hand', 'arm', 'back']);
/** Ranks that are everyday adjectives in lower case ("a major Hollywood studio", "general election"). */
const ADJECTIVE_RANKS = new Set(['major', 'general', 'private']);
const PREFIXED = /^(?:pro|anti|non|post|pre|mid|neo|ex|then|semi|un|self)-/i;
const MONTH_LEADS = new Set(
  'in on for since until by of early late mid last next this from through before after during'.split(' '),
);
/** "St. Louis", "Mt. Hood", "Ft. Worth": an abbreviation's period does not end the name. */
const PLACE_ABBREVIATIONS = new Set(['st', 'mt', 'ft']);

/** Collect, over all sentences, which words appear lower-case and which capitalised mid-sentence. */
export function addWordStats(stats: WordStats, text: string): void {
  let first = true;
  for (const m of casedWords(text)) {
    const w = m[0];
    const c = w[0]!;
    if (c !== c.toUpperCase()) stats.lower.add(stripPossessive(w));
    else if (!first && !afterOpening(text, m.index))
      stats.capitalisedMidSentence.add(stripPossessive(w.toLowerCase()));
    first = false;
  }
}

function stripPossessive(w: string): string {
  const n = w.length;
  return n > 2 && w[n - 1] === 's' && (w[n - 2] === "'" || w[n - 2] === '’') ? w.slice(0, -2) : w;
}

/** Does a word at `index` follow an opening quote, bracket, colon or dash (a sentence-like start)? */
function afterOpening(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 && '“"‘(:—'.includes(text[i]!);
}

interface Span {
  first: number;
  last: number;
  roles: string[];
  title: boolean;
  affiliation: boolean;
  /** Set once the span has been emitted, so later context can still add evidence to it. */
  mention?: RawMention;
}

/** Marks a name as the employer in a role phrase, whether or not it has been emitted yet. */
function markAffiliation(span: Span): void {
  span.affiliation = true;
  if (span.mention && span.mention.evidence.affiliation === 0) span.mention.evidence.affiliation = 1;
}

class SentenceScanner {
  readonly tokens: NameToken[];
  readonly mentions: RawMention[] = [];
  readonly links: [string, string][] = [];
  /** NameToken index → the name span starting/ending there. */
  private readonly byFirst = new Map<number, Span>();
  private readonly byLast = new Map<number, Span>();

  constructor(
    readonly text: string,
    readonly stats: WordStats,
  ) {
    this.tokens = nameTokens(text);
  }

  scan(): SentenceScan {
    const spans: Span[] = [];
    for (const run of this.runs())
      for (const piece of this.splitConnectors(run)) spans.push(...this.interpret(piece));
    for (const span of spans) {
      this.byFirst.set(span.first, span);
      this.byLast.set(span.last, span);
    }
    for (const span of spans) this.emit(span);
    return { mentions: this.mentions, links: this.links };
  }

  // -- Runs of capitalised words -------------------------------------------------------------------------------

  private isNameToken(i: number): boolean {
    const t = this.tokens[i];
    if (
      t === undefined ||
      !t.word ||
      !t.cap ||
      t.key.length === 0 ||
      isCalendarWord(t.text) ||
      isNumberWord(t.key)
    )
      return false;
    if (PREFIXED.test(t.text)) return false; // "pro-Western", "anti-Israel": adjectives
    return !NAME_MONTHS.has(t.key) || !this.isMonthAt(i);
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
            PLACE_ABBREVIATIONS.has(t.key)) &&
          next.start === t.end &&
          this.isNameToken(j + 2)
        ) {
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
        keep = headTakesOf(before.at(-1) ?? '') || (before[0]?.endsWith("'s") ?? false);
      else if (t.key === 'the') keep = sawOf;
      // "Ministry of Intelligence and Security", "Securities and Exchange Commission"; not "Legislature and Congress".
      else if (t.key === 'and')
        keep =
          (sawOf && before.some((w) => ORG_CUES.has(w)) && this.andStaysInName(run, n)) ||
          this.andJoinsOneName(run, n);
      else keep = before.some((w) => ORG_CUES.has(w)); // "for", "on": "Center for …", "Conference on …"
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
    if (speaker) return false;
    return looksLikeCommonWord(t.text);
  }

  /** Is the capitalised word at run position `n` a title ("Minister", "Dictator", "First Lady")? */
  private isTitleAt(run: number[], n: number): boolean {
    const t = this.tokens[run[n]!]!;
    if (!t.word) return false;
    if (isTitle(t.key)) return true;
    if (isGivenName(t.key) || isLexiconLastName(t.key)) return false;
    const prev = n > 0 ? this.tokens[run[n - 1]!]! : undefined;
    return isRoleNoun(t.key) || (prev !== undefined && isRoleNoun(`${prev.key} ${t.key}`));
  }

  /** A lower-case word inside a role phrase: a modifier, a role noun, or a content word ("hedge fund manager"). */
  private isRolePhraseWord(t: NameToken): boolean {
    if (t.cap || !t.word) return false;
    if (TITLE_MODIFIERS.has(t.key) || isRoleNoun(t.key) || /^(?:ex|then)-/.test(t.key)) return true;
    return !STOP_WORDS.has(t.key) && isContentWord(t.key);
  }

  /** A capitalised word inside a title: "Deputy", "Foreign", "Albanian", "US" — but not "Council" or "Party". */
  private isRolePart(t: NameToken): boolean {
    if (TITLES.has(t.key) || isDemonym(t.key) || isCountryLike(t.key) || t.text === '.') return true;
    return TITLE_MODIFIERS.has(t.key) && !ORG_CUES.has(t.key) && !PLACE_CUES.has(t.key);
  }

  /** A run → the name spans in it: titles split off ("Albanian Foreign Minister | Olta Xhacka"), modifiers dropped. */
  private interpret(input: number[]): Span[] {
    const toks = this.tokens;
    let run = input;
    // A sentence-initial capital may just be a common word ("Following …", "Today …", "Said Lapid …").
    // ("Bank of England …" keeps its first word: a connector after it shows it heads a name.)
    const headsName = (r: number[]): boolean =>
      r.length > 2 && !toks[r[1]!]!.cap && ORG_CONNECTORS.has(toks[r[1]!]!.key);
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
    if (words.length > 1 && EVENT_CUES.has(words.at(-1)!)) return [];
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
      let nameStart = n + 1;
      if (toks[run[nameStart]!]!.text === '.') nameStart++;
      let roleEnd = nameStart - 1;
      // "Secretary of State Antony Blinken", "Secretary of the Army": the domain after "of" is part of the role.
      let domain: number[] = [];
      if (toks[run[nameStart]!]?.key === 'of') {
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
      if (!this.isPersonLike(name)) {
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
      spans.push(this.span(name, { roles: honorificOnly ? [] : [role], title: true }));
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

  private keyOf(run: number[]): string {
    return run
      .filter((i) => this.tokens[i]!.word)
      .map((i) => this.tokens[i]!.key)
      .join(' ');
  }

  /** Could these tokens be a person's name (not an organisation, place, role or demonym)? */
  private isPersonLike(run: number[]): boolean {
    if (run.length === 0 || run.length > 5) return false;
    const toks = run.map((i) => this.tokens[i]!);
    const words = toks.filter((t) => t.word).map((t) => t.key);
    if (words.length === 0) return false;
    if (hasOrgCue(words) || hasPlaceCue(words)) return false;
    const last = words.at(-1)!;
    if (ORG_CUES.has(last) || PLACE_CUES.has(last) || EVENT_CUES.has(last)) return false;
    const kind = lexiconKind(words.join(' '));
    if (kind === 'place' || kind === 'organization') return false;
    if (toks.every((t) => !t.word || TITLES.has(t.key) || TITLE_MODIFIERS.has(t.key) || isDemonym(t.key)))
      return false;
    return !toks.some((t) => t.acronym && t.text.length > 1 && words.length === 1);
  }

  // -- Context: what surrounds a name ----------------------------------------------------------------------------

  private word(i: number): NameToken | undefined {
    const t = this.tokens[i];
    return t?.word ? t : undefined;
  }

  private speechVerbAfter(last: number): boolean {
    let i = last + 1;
    if (BETWEEN_SUBJECT_AND_VERB.has(this.word(i)?.key ?? '')) i++;
    const w = this.word(i);
    return w !== undefined && !w.cap && SPEECH_VERBS.has(w.key);
  }

  private emit(span: Span): void {
    const toks = this.tokens;
    let last = span.last;
    const first = span.first;
    const evidence = noEvidence();
    const roles = [...span.roles];
    if (span.title) evidence.title++;
    if (span.affiliation) evidence.affiliation++;
    let organization = false;

    const after = toks[last + 1];
    const lastTok = toks[last]!;
    // "The Biden administration": the capitalised word is part of an organisation's name.
    if (
      after?.word &&
      !after.cap &&
      TRAILING_ORG_NOUNS.has(after.key) &&
      !lastTok.possessive &&
      !isDemonym(lastTok.key) &&
      lexiconKind(lastTok.key) === null
    ) {
      last++;
      organization = true;
    }
    if (!organization) {
      this.roleBefore(first, evidence, roles);
      this.appositiveAfter(span.last, evidence, roles);
      if (!lastTok.possessive && this.speechVerbAfter(last)) evidence.speech++;
      const prev = this.word(first - 1);
      if (prev && INVERTED_SPEECH.has(prev.key)) evidence.speech++;
      const skip =
        BETWEEN_SUBJECT_AND_VERB.has(this.word(last + 1)?.key ?? '') || this.word(last + 1)?.key === 'first'
          ? 1
          : 0;
      const next = this.word(last + 1 + skip);
      if (!lastTok.possessive && next && !next.cap && OUTLET_VERBS.has(next.key)) evidence.outlet++;
      const following = this.word(last + 1);
      if (!lastTok.possessive && following && !following.cap && isModifiedNoun(following.key))
        evidence.modifier++;
    }
    const prev = toks[first - 1];
    if (prev?.word && prev.key === 'the') evidence.theX++;
    const prep = prev?.key === 'the' ? toks[first - 2] : prev;
    // "in Rafah", "near Pokrovsk" say place more surely than "at X" (often an employer) or "Jones of Houston".
    if (!lastTok.possessive && prep?.word && !prep.cap && PLACE_PREPOSITIONS.has(prep.key))
      evidence.placePrep += prep.key === 'at' ? 1 : 2;
    else if (prev?.key === 'of' && !prev.cap && this.byLast.has(first - 2)) evidence.placePrep++;
    this.aliasLinks(span);

    for (let i = first; i <= last; i++) if (toks[i]!.text === '&') organization = true; // "Procter & Gamble"
    const start = toks[first]!.start;
    const end = toks[last]!.end;
    const words = [] as string[];
    for (let i = first; i <= last; i++) if (toks[i]!.word) words.push(toks[i]!.key);
    span.mention = {
      key: words.join(' '),
      words,
      surface: this.text.slice(start, end),
      start,
      end,
      evidence,
      roles,
      organization,
    };
    this.mentions.push(span.mention);
  }

  /** "former US vice president Mike Pence", "spokesperson Adrienne Watson". */
  private roleBefore(first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    const head = first - 1;
    const headTok = this.word(head);
    // "The prime minister, Sir Keir Starmer,": an honorific between the comma and the name.
    let start = first;
    while (start > 0 && (HONORIFICS.has(toks[start - 1]!.key) || toks[start - 1]!.text === '.')) start--;
    if (!headTok || start < first) {
      this.reverseAppositive(start, first, evidence, roles);
      return;
    }
    // A rank that is also an everyday adjective is a title only capitalised: "major Hollywood studios".
    if (headTok.cap || !isRoleNoun(headTok.key) || ADJECTIVE_RANKS.has(headTok.key)) return;
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

  /** "the company’s chief executive, Jane Roe, said". */
  private reverseAppositive(start: number, first: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    if (toks[start - 1]?.text !== ',') return;
    const head = start - 2;
    const headTok = this.word(head);
    if (!headTok || headTok.cap || !isRoleNoun(headTok.key)) return;
    const span = this.byFirst.get(first);
    const closer = toks[(span?.last ?? first) + 1];
    if (closer && !(closer.text === ',' || closer.text === '.' || SPEECH_VERBS.has(closer.key))) return;
    let s = head;
    while (s > 0 && head - s < MAX_ROLE_WORDS) {
      const t = this.word(s - 1);
      if (!t || !(t.cap ? this.isRolePart(t) : this.isRolePhraseWord(t))) break;
      s--;
    }
    const det = toks[s - 1];
    if (!det || !(DETERMINERS.has(det.key) || det.possessive)) return;
    roles.push(this.text.slice(toks[s]!.start, toks[head]!.end));
    evidence.appositive++;
  }

  /** "Charles Bellows, chief defense counsel," / "Jane Doe, 45, a nurse," / "Tim Cook, Apple’s chief executive,". */
  private appositiveAfter(last: number, evidence: Evidence, roles: string[]): void {
    const toks = this.tokens;
    let i = last + 1;
    if (toks[i]?.text !== ',' || toks[last]!.possessive) return;
    i++;
    if (/^\d{1,3}$/.test(toks[i]?.text ?? '') && toks[i + 1]?.text === ',') i += 2;
    // "previously a senior vice president", "now the company's chief".
    if (/(?:ly|^now)$/.test(toks[i]?.key ?? '') && DETERMINERS.has(toks[i + 1]?.key ?? '')) i++;
    const determiner = DETERMINERS.has(toks[i]?.key ?? '') && !toks[i]!.cap;
    if (determiner) i++;
    // An employer first: "Apple’s chief executive", "the Reform UK leader".
    let e = i;
    while (
      toks[e]?.cap &&
      !toks[e]!.possessive &&
      e - i < 4 &&
      !isTitle(toks[e]!.key) &&
      !TITLE_MODIFIERS.has(toks[e]!.key)
    )
      e++;
    const possessive = toks[e]?.cap === true && toks[e]!.possessive;
    if (possessive || (determiner && e > i && toks[e]?.word && !toks[e]!.cap)) {
      const employer = this.byFirst.get(i);
      if (employer) markAffiliation(employer);
      i = possessive ? e + 1 : e;
    }
    let headEnd = -1;
    let j = i;
    for (; j < toks.length && j - i < MAX_ROLE_WORDS; j++) {
      const t = toks[j]!;
      if (!t.word) break;
      if (t.cap ? !this.isRolePart(t) : !this.isRolePhraseWord(t)) break;
      if (isRoleNoun(t.key)) headEnd = j;
    }
    if (headEnd < 0 || HONORIFICS.has(toks[headEnd]!.key)) return;
    const boundary = toks[headEnd + 1];
    if (boundary && !APPOSITIVE_END.has(boundary.key) && !APPOSITIVE_END.has(boundary.text)) return;
    // "of Houston, Dr. James Carter": a title that runs into the next name is not this name's role.
    if (boundary?.text === '.' && this.isNameToken(headEnd + 2) && toks[headEnd]!.cap) return;
    roles.push(this.text.slice(toks[i]!.start, toks[headEnd]!.end));
    evidence.appositive++;
    // "an analyst at Harbor Lane Securities": the name after at/of/with is the employer.
    if (boundary && /^(?:at|of|with|for)$/.test(boundary.key)) {
      const employer =
        this.byFirst.get(headEnd + 2) ??
        (toks[headEnd + 2]?.key === 'the' ? this.byFirst.get(headEnd + 3) : undefined);
      if (employer) markAffiliation(employer);
    }
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
