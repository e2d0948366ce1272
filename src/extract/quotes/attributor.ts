// Who said it: the speaker of one quotation, from the reporter's words around it in its unit: `NP said (that) Q`,
// `Q, NP said`, `Q, said NP`, `according to NP, Q`, a clause-final "he said in a tweet", "where he “offered …”";
// and a unit that only introduces the next one ("X said:"). The speaker phrase is resolved by the article context.
import { ATTRIBUTION_SPEECH_VERBS, DOCUMENT_NOUNS, EVALUATIVE_VERBS, SPEECH_NOUNS } from '../vocabulary.js';
import type { ArticleContext } from './article-context.js';
import { DETERMINERS, PASSIVE_SPEECH, SUBJECT_PRONOUNS, VERB_SKIP } from './cue-words.js';
import { isNounHead, nounPhraseBackward, nounPhraseForward } from './noun-phrases.js';
import type { Speaker, Unit } from './speakers.js';
import { bareLower, capRunEnd, isCapName, skipBackward, skipForward, type Tok } from './tokens.js';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** A verb of the set at `k`, or a phrasal speech verb: "the statement went on". */
function isVerbAt(t: Tok[], k: number, verbs: ReadonlySet<string>): boolean {
  const tok = t[k];
  if (!tok || tok.type !== 'word') return false;
  if (verbs.has(tok.lower)) return isVerbForm(t, k);
  if (verbs !== ATTRIBUTION_SPEECH_VERBS) return false;
  // "Emery states, “…”", "as the report states:": lower case and before the quotation's punctuation ("the United
  // States" is neither).
  if (/^(?:states|stated)$/.test(tok.lower) && !tok.cap && /^(?:,|:|that)$/.test(t[k + 1]?.text ?? '')) return true;
  return (/^(?:went|goes|go|going)$/.test(tok.lower) && t[k + 1]?.lower === 'on') || (/^(?:pointed|points|pointing)$/.test(tok.lower) && t[k + 1]?.lower === 'out');
}

/** Nouns of a commitment or a demand whose words a quotation gives: "with a pledge “to …”". */
const PLEDGE_NOUNS = words('pledge pledges promise promises vow vows plea appeal call demand warning assurance');
/** What a person "makes" or "issues" before a quotation that follows it ("made a statement", "issued a declaration"). */
const STATEMENT_NOUNS = words('statement declaration announcement appeal plea');
const STATEMENT_VERBS = words('make made makes making issue issued issues issuing give gave gives giving deliver delivered read');

/** Auxiliaries of a base-form verb, skipped between a subject and its verb ("she does indicate"). */
const AUXILIARIES = words('do does did');

const BASE_FORM_CUES = words('i we they you will would can could may might must should shall did do does to not never');

/**
 * A base form ("term", "call", "say") is often a noun ("the September term jury"): it is a verb only after a
 * pronoun, an auxiliary or a plural subject ("officials say"). Past, -ing and -s forms are taken as verbs.
 */
function isVerbForm(t: Tok[], k: number): boolean {
  const w = t[k]!.lower;
  if (/(?:ed|ing|s)$/.test(w) || /^(?:said|told|wrote|read|spoke)$/.test(w)) return true;
  // "she does indicate …", "he did say": right after an auxiliary, a base form is a verb.
  const before = t[k - 1];
  if (before?.type === 'word' && AUXILIARIES.has(before.lower)) return true;
  const prev = t[skipBackward(t, k) - 1] ?? t[k - 1];
  if (!prev) return false;
  if (prev.type !== 'word') return true; // after a quotation: "“…”, say the members."

  return BASE_FORM_CUES.has(prev.lower) || /s$/.test(prev.lower);
}

/** Determiners of a document in a fronted "In a statement, …", "In its report, …". */
const IN_DOC_OWNERS = words('a an the its his her their');

const BE_FORMS = words('is was were are be been being');

/** "the CTA is urged to …", "he was told": a passive verb reports what was said to its subject, not by it. */
function isPassive(t: Tok[], k: number): boolean {
  if (!/(?:ed|told|said)$/.test(t[k]!.lower)) return false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const w = t[j]!;
    if (w.type !== 'word' || !(VERB_SKIP.has(w.lower) || /^\p{Ll}+ly$/u.test(w.text))) return false;
    if (BE_FORMS.has(w.lower)) return t[k]!.lower !== 'quoted';
  }
  return false;
}

const TIME_WORDS = words('week weekend month year day night morning afternoon evening today yesterday tonight time');

const PREPOSITIONS = words('to for of with at from on in by about against toward towards near among behind');

/**
 * "No, said he, but officials still called him “evasive”": a clause joined by "but" or a semicolon between the verb at
 * `k` and the quotation, with a verb of its own that reports or characterises speech, governs the quotation instead.
 */
function laterClauseGoverns(t: Tok[], k: number, qi: number): boolean {
  for (let j = k + 1; j < qi; j++) {
    const joins = t[j]!.text === ';' || (t[j]!.text === ',' && t[j + 1]?.type === 'word' && t[j + 1]!.lower === 'but');
    if (!joins) continue;
    for (let v = j + 2; v < qi; v++) if (isVerbAt(t, v, ATTRIBUTION_SPEECH_VERBS) || isVerbAt(t, v, EVALUATIVE_VERBS)) return true;
  }
  return false;
}

/**
 * "In a statement read outside court, …", "with a letter sent to staff": a participle after a document that is the
 * object of a preposition qualifies the document; it is no verb of the sentence.
 */
function inDocumentPhrase(t: Tok[], k: number): boolean {
  const np = nounPhraseBackward(t, k);
  const head = np.at(-1);
  if (!head || !DOCUMENT_NOUNS.has(bareLower(head))) return false;
  const before = t[t.indexOf(np[0]!) - 1];
  return before?.type === 'word' && PREPOSITIONS.has(before.lower);
}

/**
 * "President Kennedy's invitation to the Spanish-born master said": a document whose prepositional object (a common
 * noun phrase, no speaker of its own) stands right before the verb is the verb's subject.
 */
function documentBeforeObject(t: Tok[], end: number): Tok[] {
  for (let p = end - 1; p >= 0 && p >= end - 5; p--) {
    const w = t[p]!;
    if (w.type !== 'word' || (w.cap && !w.text.includes('-'))) return [];
    if (!PREPOSITIONS.has(w.lower)) continue;
    if (p === end - 1) return [];
    const np = nounPhraseBackward(t, p);
    const head = np.at(-1);
    return head && DOCUMENT_NOUNS.has(bareLower(head)) ? np : [];
  }
  return [];
}

/** Result of looking for an attribution: undefined = no pattern here; null = attributed to someone unresolvable. */
type Found = Speaker | null | undefined;

const CLAUSE_BREAK = new Set([',', '—', '–', '-', ':', ';', '(', ')']);

/** Finds the speakers of the quotations of one article, in its context. */
export class Attributor {
  constructor(private readonly ctx: ArticleContext) {}

  /** The speaker of the quotation at token `qi` of unit `u`, from that unit's words alone. */
  inUnit(u: Unit, qi: number): Found {
    const steps: Array<() => Found> = [
      () => this.headline(u, qi),
      () => this.reportedWithin(u, qi),
      () => this.clauseBefore(u, qi, ATTRIBUTION_SPEECH_VERBS),
      () => this.clauseAfter(u, qi + 1),
      () => this.clauseLater(u, qi),
      () => this.clauseBefore(u, qi, EVALUATIVE_VERBS),
      () => this.speechNounObject(u, qi),
      () => this.passiveBy(u, qi),
      () => this.subjectRightBefore(u, qi),
      () => this.colonAfterSubject(u, qi),
    ];
    for (const step of steps) {
      const found = step();
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * A headline-style line, "Kemp: 'No map, no plan'" or "Prime Minister: “We will not”": nothing but a name (or a
   * title) and a colon before the quotation and nothing but punctuation after it — the name is the speaker.
   */
  private headline(u: Unit, qi: number): Found {
    const t = u.tokens;
    if (qi < 2 || qi > 7 || t[qi - 1]!.text !== ':' || t.slice(qi + 1).some((x) => x.type !== 'punct')) return undefined;
    const np = t.slice(0, qi - 1);
    if (!np.every((x) => (x.type === 'word' && x.cap) || x.text === '.')) return undefined;
    return this.fromPhrase(np, u) ?? undefined;
  }

  /**
   * A report inside a report: "the press release said Lapid proposed to Rama that the nations “…”" — the quotation
   * is the words of the person named with the nearer verb, not of the document or speaker that reports them.
   */
  private reportedWithin(u: Unit, qi: number): Found {
    const t = u.tokens;
    let outer = -1;
    let inner = -1;
    for (let k = 0; k < qi; k++) {
      if (t[k]!.type === 'quote' || t[k]!.text === ';') [outer, inner] = [-1, -1];
      if (!isVerbAt(t, k, ATTRIBUTION_SPEECH_VERBS) && !isVerbAt(t, k, EVALUATIVE_VERBS)) continue;
      if (outer < 0) outer = k;
      else inner = k;
    }
    if (outer < 0 || inner < 0 || isPassive(t, inner)) return undefined;
    // Only a named subject right before the nearer verb: "said Lapid proposed", not "said the move was …".
    const end = skipBackward(t, inner);
    const subject = t[end - 1];
    if (!subject || !isCapName(subject)) return undefined;
    const found = this.subjectOf(u, inner);
    return found && found.kind === 'person' ? found : undefined;
  }

  /** `NP said (that) Q`, `according to NP, Q`, `Said NP, Q` — the leftmost such clause before the quote. */
  private clauseBefore(u: Unit, qi: number, verbs: ReadonlySet<string>, from = 0): Found {
    const t = u.tokens;
    for (let k = from; k < qi; k++) {
      const tok = t[k]!;
      if (tok.type !== 'word') continue;
      if (tok.lower === 'according' && t[k + 1]?.lower === 'to' && verbs === ATTRIBUTION_SPEECH_VERBS) {
        // "Congressman Martin, according to the Daily Labor Report, defends … “…”": a source set off after a person
        // reports the person's words.
        const reported = t[k - 1]?.text === ',' ? this.fromPhrase(nounPhraseBackward(t, k - 1), u) : undefined;
        if (reported?.kind === 'person') return reported;
        const found = this.fromPhrase(nounPhraseForward(t, k + 2), u);
        if (found !== undefined) return found;
        continue;
      }
      if (verbs === ATTRIBUTION_SPEECH_VERBS && DOCUMENT_NOUNS.has(bareLower(tok)) && t[k + 1]?.text === ':') {
        // "Judge Bootle's decision: “…”"
        const found = this.fromPhrase(nounPhraseBackward(t, k + 1), u);
        if (found !== undefined) return found;
        continue;
      }
      // "who, in Mr. Kennedy's own words, is “shrewd …”": the words are the possessive's.
      if (verbs === ATTRIBUTION_SPEECH_VERBS && bareLower(tok) === 'words' && t[k - 1] !== undefined) {
        const owner = t[k - 1]!.lower === 'own' ? k - 2 : k - 1;
        let p = owner;
        while (p > 0 && owner - p < 4 && t[p - 1]!.type === 'word' && !/^(?:in|by)$/.test(t[p - 1]!.lower)) p--;
        if (t[owner]?.type === 'word' && /['’]s?$/.test(t[owner]!.text) && /^(?:in|by)$/.test(t[p - 1]?.lower ?? '')) {
          const found = this.fromPhrase(t.slice(p, owner + 1), u);
          if (found !== undefined) return found;
        }
      }
      const by = t[k + 1]?.lower ?? '';
      if (verbs === ATTRIBUTION_SPEECH_VERBS && SPEECH_NOUNS.has(bareLower(tok)) && (by === 'by' || by === 'from' || (by === 'of' && tok.lower === 'words'))) {
        // "a remark by Richard Roe, the candidate, that …"
        const found = this.fromPhrase(nounPhraseForward(t, k + 2), u);
        if (found !== undefined) return found;
        continue;
      }
      // "the Field Marshal has this to say: “…”": the subject of "has".
      if (verbs === ATTRIBUTION_SPEECH_VERBS && tok.lower === 'say' && t[k - 1]?.lower === 'to' && /^(?:this|that|much|little|something|plenty)$/.test(t[k - 2]?.lower ?? '') && /^(?:has|had|have)$/.test(t[k - 3]?.lower ?? '')) {
        const found = this.subjectOf(u, k - 3);
        if (found !== undefined) return this.noteDoc(u, k - 3, found);
        continue;
      }
      if (!isVerbAt(t, k, verbs) || isPassive(t, k)) continue;
      if (laterClauseGoverns(t, k, qi)) continue;
      if (inDocumentPhrase(t, k)) continue;
      let found = this.subjectOf(u, k);
      if (found === undefined && verbs === ATTRIBUTION_SPEECH_VERBS) found = this.objectAfterVerb(u, k);
      if (found !== undefined) return this.noteDoc(u, k, found);
    }
    return undefined;
  }

  /** The subject of the verb at `k`: the phrase right before it, or before an appositive ("X, 34, said"). */
  private subjectOf(u: Unit, k: number): Found {
    const t = u.tokens;
    let end = skipBackward(t, k);
    if (t[end - 1]?.text === ')') {
      // "House Speaker Sam Rayburn (D., Tex.) called …"
      let c = end - 2;
      while (c >= 0 && c > end - 12 && t[c]!.text !== '(') c--;
      if (c >= 0 && t[c]!.text === '(') end = c;
    }
    const before = t[end - 1];
    const clauseSubject = (): Found => {
      // "He cited East Germany …, and added, “…”": the clause's subject is the pronoun that opens the sentence.
      const opener = t.find((x) => x.type === 'word');
      if (!u.subject && opener && /^(?:he|she)$/.test(opener.lower) && opener.start < t[k]!.start) return this.ctx.resolvePronoun(opener.lower, opener.start, u) ?? undefined;
      const subject = u.subject ?? u.mentions.find((m) => m.kind === 'person');
      return subject && subject.pos < t[k]!.start ? this.ctx.mentionSpeaker(subject) : undefined;
    };
    // "Mitchell decried … and said …", "The Court limited its decision …, commenting: …": the clause's subject.
    if (before && before.type === 'word' && /^(?:and|but)$/.test(before.lower)) return clauseSubject();
    if (before?.text === ',' && /ing$/.test(t[k]!.lower)) return clauseSubject();
    let np = nounPhraseBackward(t, end);
    if (np.length === 0) np = this.subjectBeforeAppositive(t, end);
    if (np.length === 0) np = this.subjectBeforeAdverbial(t, end);
    if (np.length === 0) np = documentBeforeObject(t, end);
    np = this.outOfPrepositionalPhrase(t, np);
    if (np.length === 0) return undefined;
    return this.fromPhrase(np, u);
  }

  /**
   * The subject before an appositive or relative clause: "The US State Department, in a press release …, noted",
   * "a former colleague, Janet Bose, said", "Ramsey, 6-3, 195 and slim, says", "Mr. Reama, who retired … said".
   */
  private subjectBeforeAppositive(t: Tok[], end: number): Tok[] {
    const commaBeforeVerb = t[end - 1]?.text === ',';
    let inner = commaBeforeVerb ? end - 1 : end;
    for (let c = inner - 1, commas = 0; c > 0 && c >= end - 32 && commas < 4; c--) {
      if (t[c]!.text !== ',') continue;
      commas++;
      // Without a comma before the verb, only a relative clause qualifies: "X, who retired in 1955 said".
      if (!commaBeforeVerb && !/^(?:who|which|whose)$/.test(t[c + 1]?.lower ?? '')) {
        inner = c;
        continue;
      }
      const np = nounPhraseBackward(t, c);
      if (np.length === 0 || (np.length === 1 && SUBJECT_PRONOUNS.has(np[0]!.lower) && np[0]!.lower !== 'he' && np[0]!.lower !== 'she')) {
        inner = c;
        continue;
      }
      // "a former colleague, Janet Bose, said": the name between the commas is the speaker.
      const between = t.slice(c + 1, inner);
      // "Mrs Moorcroft's son, David Moorcroft, said", "Acme's head of development, Phil Arundel, said": a description
      // (its head a lower-case noun, whoever it belongs to) in apposition to a name.
      if (between.length > 0 && capRunEnd(t, c + 1) === inner && !isCapName(np[np.length - 1])) return between;
      return np;
    }
    return [];
  }

  /** "the Council of Foreign Ministers in 1949 declared": a short adverbial phrase between subject and verb. */
  private subjectBeforeAdverbial(t: Tok[], end: number): Tok[] {
    for (let p = end - 1; p >= 0 && p >= end - 4; p--) {
      const w = t[p]!;
      if (w.type !== 'word') return [];
      if (!PREPOSITIONS.has(w.lower) && w.lower !== 'last' && w.lower !== 'this') {
        // Only a date, a place or a time may fill it: "in 1949", "on Monday", "in Washington", "last week".
        if (!(w.cap || /^\d/.test(w.lower) || DETERMINERS.has(w.lower) || TIME_WORDS.has(w.lower))) return [];
        continue;
      }
      if (p === end - 1) return [];
      const np = nounPhraseBackward(t, p);
      return np.length && !(np.length === 1 && DETERMINERS.has(np[0]!.lower)) ? np : [];
    }
    return [];
  }

  /** "President Kennedy's invitation to the Spanish-born master said": the phrase before the preposition speaks. */
  private outOfPrepositionalPhrase(t: Tok[], np: Tok[]): Tok[] {
    let out = np;
    for (let guard = 0; guard < 3 && out.length > 0; guard++) {
      const at = t.indexOf(out[0]!);
      const prep = t[at - 1];
      if (!prep || prep.type !== 'word' || !PREPOSITIONS.has(prep.lower)) break;
      const outer = nounPhraseBackward(t, at - 1);
      if (outer.length === 0) break;
      out = outer;
    }
    return out;
  }

  /** `said NP` after a quote or at the start of a clause: "Said Lapid during the meeting, Q", "Q, said coach X". */
  private objectAfterVerb(u: Unit, k: number): Found {
    const t = u.tokens;
    const verb = t[k]!;
    const prev = t[k - 1];
    // "“…”? asked Mrs. Kerr": after a question, the name after "asked" is the one who asked.
    const askedAfterQuestion = verb.lower === 'asked' && (prev?.text === '?' || /\?\s*$/.test(prev?.text ?? ''));
    if (verb.lower === 'told' || verb.lower === 'tells' || verb.lower === 'tell' || (verb.lower === 'asked' && !askedAfterQuestion) || EVALUATIVE_VERBS.has(verb.lower)) return undefined;
    if (prev && prev.type === 'word') return undefined;
    const np = nounPhraseForward(t, k + 1);
    if (np.length === 0) return undefined;
    return this.withAppositive(t, k + 1 + np.length, np, u);
  }

  /** "said the magistrate, K.J.P. Baraclough": a name in apposition to a described speaker is the speaker. */
  private withAppositive(t: Tok[], after: number, np: Tok[], u: Unit): Found {
    const described = !isCapName(np[np.length - 1]) && !(np.length === 1 && SUBJECT_PRONOUNS.has(np[0]!.lower));
    if (described && t[after]?.text === ',' && isCapName(t[after + 1])) {
      const end = capRunEnd(t, after + 1);
      const closing = t[end];
      if (!closing || closing.type === 'punct' || closing.type === 'quote') {
        const name = this.fromPhrase(t.slice(after + 1, end), u);
        if (name) return name;
      }
    }
    return this.fromPhrase(np, u);
  }

  private fromPhrase(np: Tok[], u: Unit): Found {
    if (np.length === 0) return undefined;
    const s = this.ctx.interpret(np, np[0]!.start, u);
    return s;
  }

  /** `Q, NP said` / `Q, said NP` / `Q, according to NP` right after the quote (past punctuation). */
  private clauseAfter(u: Unit, from: number): Found {
    const t = u.tokens;
    let j = from;
    let punct = 0;
    while (j < t.length && t[j]!.type === 'punct' && punct < 3) {
      j++;
      punct++;
    }
    const tok = t[j];
    if (!tok || tok.type !== 'word') return undefined;
    if (tok.lower === 'according' && t[j + 1]?.lower === 'to') return this.fromPhrase(nounPhraseForward(t, j + 2), u);
    if (isVerbAt(t, j, ATTRIBUTION_SPEECH_VERBS)) return this.objectAfterVerb(u, j);
    const coined = this.coinedVerbAfter(u, from, j);
    if (coined !== undefined) return coined;
    const np = nounPhraseForward(t, j);
    if (np.length === 0) return undefined;
    let v = skipForward(t, j + np.length);
    if (t[v]?.text === ',') {
      // An appositive: "Q, Smith, 34, said" / "Q, Jane Doe, a spokesperson for Acme, said", of up to three
      // comma-separated parts ("Q, Jane Doe, economist of Acme Bank, Chicago, predicted"): the verb after one of them.
      let c = v;
      for (let part = 0; part < 3; part++) {
        let e = c + 1;
        while (e < t.length && e < c + 16 && t[e]!.text !== ',' && t[e]!.type !== 'quote') e++;
        if (t[e]?.text !== ',') break;
        const after = skipForward(t, e + 1);
        if (isVerbAt(t, after, ATTRIBUTION_SPEECH_VERBS) || isVerbAt(t, after, EVALUATIVE_VERBS) || part === 0) v = after;
        if (isVerbAt(t, after, ATTRIBUTION_SPEECH_VERBS) || isVerbAt(t, after, EVALUATIVE_VERBS)) break;
        c = e;
      }
    }
    if ((!isVerbAt(t, v, ATTRIBUTION_SPEECH_VERBS) && !isVerbAt(t, v, EVALUATIVE_VERBS)) || isPassive(t, v)) return undefined;
    return this.noteDoc(u, v, this.fromPhrase(np, u));
  }

  /**
   * "“…”, bulletins Mrs. Frank S. Sims, president of …": right after a quotation and its comma, a lower-case word with a
   * verb's ending and a person's name after it, ending the clause, is a speech verb the vocabulary does not know.
   */
  private coinedVerbAfter(u: Unit, from: number, j: number): Found {
    const t = u.tokens;
    const verb = t[j]!;
    if (t[from - 1]?.type !== 'quote' || t[j - 1]?.text !== ',' || verb.cap || !/^\p{Ll}{3,}(?:s|ed)$/u.test(verb.text)) return undefined;
    if (!isCapName(t[j + 1])) return undefined;
    const end = capRunEnd(t, j + 1);
    const closing = t[end];
    if (closing && closing.type === 'word') return undefined;
    const found = this.fromPhrase(t.slice(j + 1, end), u);
    return found && found.kind === 'person' ? found : undefined;
  }

  /** A clause-final attribution later in the sentence: "… where he Q1 and Q2 for …, he said in a tweet." */
  private clauseLater(u: Unit, qi: number): Found {
    const t = u.tokens;
    for (let k = qi + 1; k < t.length; k++) {
      if (!CLAUSE_BREAK.has(t[k]!.text) && t[k]!.type !== 'quote') continue;
      const found = this.clauseAfter(u, k + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * "X made his debut … with a pledge “to carry the issues …”", "she ended with her promise that “…”": a quotation that
   * a speech noun introduces (no speech verb in the sentence) is the words of whoever made the pledge: the owner a
   * possessive names, else the person the sentence opens with.
   */
  private speechNounObject(u: Unit, qi: number): Found {
    const t = u.tokens;
    let k = qi - 1;
    if (t[k]?.type === 'word' && t[k]!.lower === 'that') k--;
    // "with his call for a fresh approach to the problem of peace “at the summit of the nations”": the noun's
    // complement ("for …") runs up to the quotation, with no verb or clause break in it.
    if (t[k]?.type === 'word' && !PLEDGE_NOUNS.has(t[k]!.lower)) {
      let c = k;
      while (c > qi - 14 && t[c]?.type === 'word' && !CLAUSE_BREAK.has(t[c]!.text) && !(t[c - 1]?.type === 'word' && PLEDGE_NOUNS.has(t[c - 1]!.lower) && /^(?:for|to)$/.test(t[c]!.lower))) c--;
      if (t[c]?.type === 'word' && /^(?:for|to)$/.test(t[c]!.lower) && t[c - 1]?.type === 'word' && PLEDGE_NOUNS.has(t[c - 1]!.lower)) {
        const between = t.slice(c + 1, k + 1);
        if (between.every((w) => w.type === 'word' && !/(?:ed)$/.test(w.lower) && !/^(?:is|are|was|were|said|says|who|which|that)$/.test(w.lower))) k = c - 1;
      }
    }
    const noun = t[k];
    const det = t[k - 1];
    if (noun?.type !== 'word' || !PLEDGE_NOUNS.has(noun.lower) || det?.type !== 'word') return undefined;
    if (/^(?:his|her)$/.test(det.lower)) return this.ctx.resolvePronoun(det.lower, det.start, u) ?? undefined;
    if (!/^(?:a|an|the)$/.test(det.lower)) return undefined;
    return this.namedSubject(u, det.start, false);
  }

  /**
   * The unit's subject (the article context reads it past a fronted phrase or a dateline) as a speaker, when it comes
   * before `before` and is a named person, or a name of unknown kind the clause calls "his"/"her" (`personal`).
   */
  private namedSubject(u: Unit, before: number, personal: boolean): Found {
    const subject = u.subject;
    if (!subject || subject.kind === 'organization' || subject.kind === 'place' || subject.pos >= before) return undefined;
    const speaker = this.ctx.mentionSpeaker(subject);
    if (!/\p{Lu}/u.test(speaker.name)) return undefined;
    return speaker.kind === 'person' || (speaker.kind === 'unknown' && personal) ? { ...speaker, kind: 'person' } : undefined;
  }

  /**
   * "has been described as “heartbreaking” by the conservation department", "was called “reckless” by Smith": a
   * passive verb of speech or judgement before the quotation, and "by" right after it, name the speaker.
   */
  private passiveBy(u: Unit, qi: number): Found {
    const t = u.tokens;
    if (t[qi + 1]?.type !== 'word' || t[qi + 1]!.lower !== 'by') return undefined;
    let k = qi - 1;
    if (t[k]?.type === 'word' && t[k]!.lower === 'as') k--;
    const verb = t[k];
    if (verb?.type !== 'word' || !/(?:ed|en)$/.test(verb.lower) || !(PASSIVE_SPEECH.has(verb.lower) || EVALUATIVE_VERBS.has(verb.lower))) return undefined;
    // The agent: "the conservation department", "Acme", up to the clause's end, cut after its last noun or name.
    let np = nounPhraseForward(t, qi + 2);
    if (np.length === 0) {
      let end = qi + 2;
      while (end < t.length && end < qi + 10 && t[end]!.type === 'word') end++;
      let last = end - 1;
      while (last > qi + 2 && !(isNounHead(t[last]!) || isCapName(t[last]))) last--;
      np = t.slice(qi + 2, last + 1);
    }
    if (np.length === 0 || !(isNounHead(np[np.length - 1]!) || isCapName(np[np.length - 1]))) return undefined;
    return this.fromPhrase(np, u) ?? undefined;
  }

  /**
   * "Alverson summed up the journey …: “It’s Seattle old school …”", "De Miranda evokes the notion … in his
   * introduction: “When we hear …”": a quotation after a colon that closes a clause whose subject is a named person.
   */
  private colonAfterSubject(u: Unit, qi: number): Found {
    const t = u.tokens;
    if (t[qi - 1]?.text !== ':' || t.slice(0, qi).some((x) => x.type === 'quote')) return undefined;
    // A name of unknown kind is a person when the clause calls it "his" or "her" ("… in his introduction: “…”").
    const personal = t.slice(0, qi).some((x) => x.type === 'word' && /^(?:his|her)$/.test(x.lower) && x.start > (u.subject?.pos ?? Infinity));
    return this.namedSubject(u, t[qi]!.start, personal);
  }

  /** "where he “offered to share …”": a subject right before a quotation that continues its sentence. */
  private subjectRightBefore(u: Unit, qi: number): Found {
    const t = u.tokens;
    const q = t[qi]!;
    if (!/^\p{Ll}/u.test(q.text)) return undefined;
    // "Publisher Richardson has updated the Blue Book “but it still remains …”": a quotation that goes on with "but"
    // or "and" goes on the sentence's subject's clause; the phrase before it is an object.
    if (/^(?:but|and|yet|though|although)\b/.test(q.text) && u.subject && u.subject.pos < q.start && u.subject.kind === 'person') {
      return this.ctx.mentionSpeaker(u.subject);
    }
    let end = qi;
    // "… he “offered …” and “expressed …”": the second quote shares the first's subject.
    while (end >= 2 && t[end - 1]!.type === 'word' && /^(?:and|or|but)$/.test(t[end - 1]!.lower) && t[end - 2]!.type === 'quote') end -= 2;
    end = skipBackward(t, end);
    const np = nounPhraseBackward(t, end);
    if (np.length === 0) return undefined;
    const found = this.fromPhrase(np, u);
    // Only a person or a pronoun acts out a quotation like this; "Fulton legislators “work with …”" is reported.
    const pronoun = np.length === 1 && SUBJECT_PRONOUNS.has(np[0]!.lower);
    const named = !isNounHead(np[np.length - 1]!);
    return found && (pronoun || (found.kind === 'person' && named)) ? found : undefined;
  }

  /** "X said in a statement", "In a statement, X said": later mentions of "the statement" are X's. */
  private noteDoc(u: Unit, verbAt: number, found: Found): Found {
    if (!found) return found;
    const t = u.tokens;
    // A fronted "In a statement, …" / "In a letter to staff, …" before the subject and its verb.
    for (let j = 2; j < verbAt; j++) {
      if (t[j]!.type === 'quote') break;
      if (t[j]!.type === 'word' && DOCUMENT_NOUNS.has(t[j]!.lower) && IN_DOC_OWNERS.has(t[j - 1]!.lower) && t[j - 2]!.lower === 'in') {
        this.ctx.addDocEvidence(t[j]!.lower, found, t[j]!.start);
        return found;
      }
    }
    for (let j = verbAt + 1; j < Math.min(t.length, verbAt + 6); j++) {
      if (t[j]!.type === 'word' && DOCUMENT_NOUNS.has(t[j]!.lower)) {
        this.ctx.addDocEvidence(t[j]!.lower, found, t[j]!.start);
        break;
      }
      if (t[j]!.type === 'quote') break;
    }
    return found;
  }

  /** A unit that is nothing but an attribution with a speech verb ("Smith told reporters after the game."). */
  clauseOpening(u: Unit): Found {
    const t = u.tokens;
    const i = t.findIndex((x) => x.type === 'word');
    if (i < 0) return undefined;
    const np = nounPhraseForward(t, i);
    if (np.length === 0) return undefined;
    const v = skipForward(t, i + np.length);
    if (!isVerbAt(t, v, ATTRIBUTION_SPEECH_VERBS) && !isVerbAt(t, v, EVALUATIVE_VERBS)) return undefined;
    return this.fromPhrase(np, u);
  }

  /**
   * A unit opening with a speech verb and its subject after a quotation ("“Can you defend it”? Asked Mrs. Kerr, …"):
   * inverted, the name after the verb spoke, "asked" included.
   */
  invertedOpening(u: Unit): Found {
    const t = u.tokens;
    const i = t.findIndex((x) => x.type === 'word');
    if (i < 0 || t.slice(0, i).some((x) => x.type === 'quote')) return undefined;
    const verb = t[i]!;
    if (!/^\p{Lu}/u.test(verb.text) || !(ATTRIBUTION_SPEECH_VERBS.has(verb.lower) || verb.lower === 'asked')) return undefined;
    const np = nounPhraseForward(t, i + 1);
    if (np.length === 0 || !np.some((x) => isCapName(x))) return undefined;
    return this.withAppositive(t, i + 1 + np.length, np, u);
  }

  /**
   * A paragraph ending in reported speech ("Place kicking is largely a matter of timing, Moritz declared.") before a
   * paragraph that opens with a quotation: the same speaker goes on in his own words.
   */
  reportedSpeechEnd(u: Unit): Found {
    const t = u.tokens;
    if (t.some((x) => x.type === 'quote') || t[t.length - 1]?.text !== '.') return undefined;
    const comma = t.map((x) => x.text).lastIndexOf(',');
    if (comma < 0 || t.length - comma > 8) return undefined;
    return this.clauseAfter(u, comma + 1);
  }

  /**
   * "X said:" at the end of a unit introduces the next one. "Schwab declared there is no proof, to which federal
   * prosecutor A. Lawrence Burbank replied:": a reply in a relative clause at the end is what the colon introduces.
   */
  introducesNext(u: Unit): Found {
    const t = u.tokens;
    if (t[t.length - 1]?.text === '.') return this.statementMade(u);
    if (t[t.length - 1]?.text !== ':') return undefined;
    for (let k = t.length - 3; k > 0; k--) {
      if (t[k]!.text !== ',') continue;
      const a = t[k + 1]!.lower;
      const b = t[k + 2]?.lower;
      const opens = a === 'whereupon' || (/^(?:to|at|after|upon)$/.test(a) && (b === 'which' || b === 'whom'));
      if (!opens) continue;
      const found = this.clauseBefore(u, t.length - 1, ATTRIBUTION_SPEECH_VERBS, k + (a === 'whereupon' ? 2 : 3));
      if (found !== undefined) return found;
      break;
    }
    return this.clauseBefore(u, t.length - 1, ATTRIBUTION_SPEECH_VERBS) ?? this.wordsFollow(u);
  }

  /**
   * "Mr. Kennedy had set forth his view in these words:", "… he put it as follows:", "X makes many frank remarks:",
   * "X has this to say:": whoever the unit is about wrote or said the next one — its named subject, or the person its
   * "he"/"she" refers to.
   */
  private wordsFollow(u: Unit): Found {
    const t = u.tokens;
    const tail = t
      .slice(-5, -1)
      .filter((x) => x.type === 'word')
      .map((x) => x.lower)
      .join(' ');
    // ("Field Marshal Slim makes many frank and provocative remarks:", "the Field Marshal has this to say:")
    if (!/(?:\bin (?:these|those|the following|his|her) words|\bas follows|\bthe following|\bremarks|\bcomments|\bobservations|\bthis to say)$/.test(tail)) return undefined;
    const named = this.namedSubject(u, t[t.length - 1]!.start, false);
    if (named) return named;
    // ("Commenting on these, Field Marshal Slim makes …", "the Field Marshal has this to say:": the verb's subject.)
    const verb = t.findIndex((x) => x.type === 'word' && /^(?:makes|made|has|had|offers|offered)$/.test(x.lower));
    const subject = verb > 0 ? this.subjectOf(u, verb) : undefined;
    if (subject?.kind === 'person') return subject;
    const pronoun = t.find((x) => x.type === 'word' && /^(?:he|she)$/.test(x.lower));
    return pronoun ? (this.ctx.resolvePronoun(pronoun.lower, pronoun.start, u) ?? undefined) : undefined;
  }

  /** "But today he wanted to make a public statement." before a quotation: its subject made it. */
  private statementMade(u: Unit): Found {
    const t = u.tokens;
    const last = t.length - 2;
    if (t[last]?.type !== 'word' || !STATEMENT_NOUNS.has(t[last]!.lower)) return undefined;
    for (let k = last - 1; k >= 0 && k >= last - 5; k--) {
      if (t[k]?.type !== 'word' || !STATEMENT_VERBS.has(t[k]!.lower)) continue;
      const found = this.subjectOf(u, k);
      if (found !== undefined) return found;
      // "he wanted to make …": the nearest person before the verb phrase.
      for (let j = k - 1; j >= 0; j--) {
        const w = t[j]!;
        if (w.type === 'word' && /^(?:he|she)$/.test(w.lower)) return this.ctx.resolvePronoun(w.lower, w.start, u) ?? undefined;
        const m = [...u.mentions].reverse().find((x) => x.pos <= w.start && x.pos >= (t[j - 1]?.start ?? 0));
        if (m && (m.kind === 'person' || m.kind === 'unknown')) return this.ctx.mentionSpeaker(m);
      }
      return undefined;
    }
    return undefined;
  }
}
