// Who said it: attribution of quotations to speakers, from the prose around them.
//
// Each "unit" (a sentence, or several when a quotation crosses the splitter's boundaries) is tokenised with every
// quotation replaced by a single quote token, so that patterns such as `Q, NAME said` or `NAME said that Q` are
// matched on the reporter's words only. Names are resolved within the article (surname → full name, he/she → the
// person referred to, its/it → the organisation or country, "the statement" → whose statement) or by the resolver.
import { lexiconTags } from '../../text/lexicon.js';
import { isAcronym, normalizeWord, proseWordAt } from '../../text/terms.js';
import { weakMemo } from '../../util/collections.js';
import {
  ATTRIBUTION_SPEECH_VERBS as SPEECH_VERBS,
  ATTRIBUTION_TITLES as TITLE_WORDS,
  DOCUMENT_NOUNS as DOC_NOUNS,
  EVALUATIVE_VERBS,
  HONORIFICS,
  SPEECH_NOUNS,
  TITLE_ABBREVIATIONS as TITLE_EXPANSIONS,
  isSpeakerNoun as isRoleNoun,
} from '../vocabulary.js';

export type SpeakerKind = 'person' | 'organization' | 'place';

export interface SpeakerResolver {
  resolve(name: string): { name: string; kind: SpeakerKind } | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary (generic English news usage; nothing here knows any story).

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Words that may stand between a subject and its speech verb ("Lapid also said", "she later told"). */
const VERB_SKIP = words(`
  also later then once further previously earlier again still even has had have would will was were is are
  reportedly quoted as had repeatedly similarly separately subsequently simply only just recently not himself
  herself itself themselves`);

const DETERMINERS = words('the a an this that these those');
const POSSESSIVE_PRONOUNS = words('its his her their our your my');
const SUBJECT_PRONOUNS = words('he she it they we i anybody anyone somebody someone everybody everyone nobody');

/** Lower-case nouns naming an organisation: "the company said", "the ministry said". */
const ORG_NOUNS = words(`
  company firm club team ministry department government administration police authorities agency group
  organization organisation bank court council committee commission office party campaign board union embassy
  army military regime cabinet parliament network newspaper broadcaster airline carrier maker manufacturer
  retailer insurer lender startup charity institute university school hospital federation league association
  side squad opposition jury trustees panel tribunal commission`);

/** Lower-case modifiers allowed inside a speaker noun phrase. */
const NP_MODIFIERS = words(`
  top senior former chief deputy acting new then longtime interim assistant associate general executive press
  one two three four several both national foreign defense defence local state federal regional written joint
  prime vice prime-minister district lead trial appeals appeal head first second official brief short
  company club ministry team police court government department defense prosecution`);

/** Particles that join the parts of a name: "Secretary of State", "Ursula von der Leyen". */
const NAME_CONNECTORS = words('of for de del della di da du dos das von van der den la le bin ibn al el ben y');

/** Ministry/department words that belong to a title: "Secretary of State", "Foreign Minister". */
const DEPARTMENT_WORDS = words(`
  state foreign affairs defense defence homeland security interior finance treasury health education justice
  energy commerce labor labour transportation transport agriculture economy economic trade culture sport sports
  environment home human services housing veterans public national international internal external digital
  intelligence information communications development planning industry tourism infrastructure`);

/** Head words of organisation names: "US State Department", "Acme Corp.". */
const ORG_HEADS = words(`
  ministry department council agency office commission committee court police army forces force navy guard
  corps company corporation corp corp. inc inc. ltd ltd. llc plc co co. group bank party parliament government
  administration authority service services institute foundation association union federation league club fc
  university college school hospital board bureau network times post news press organization organisation
  embassy senate congress assembly cabinet fund trust holdings industries airlines airways motors technologies
  systems labs laboratories partners capital media pictures records studios tribunal secretariat directorate
  ministries center centre house unit team brigade battalion command alliance coalition movement front
  commissioner's prosecutor's jury trustees foods brands pharmaceuticals pharma energy airlines motors
  electric electronics telecom communications entertainment resources mining petroleum oil gas insurance
  finance financial securities investments ventures logistics shipping retail stores markets`);

/** Capitalised words that never start a name: function words, days, months. */
const CAP_STOPWORDS = words(`
  the a an and but or so yet nor in on at for after before during following since when while as if although
  though despite with without under over from to by of about into onto upon earlier later meanwhile however
  still also then now once instead according asked yesterday today tonight tomorrow what who whom whose why how
  where which there here some many most all both each every no not even only just already last next this that
  these those they we it he she i you his her its their our my your speaking especially indeed thus hence
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december`);

/** Words that introduce a fronted phrase ending at a comma: "In the case of Albania, Lapid noted …". */
const INTRO_WORDS = words(`
  in on at for after before during following since when while as if although though despite with without under
  over from by last this earlier later meanwhile however but and yet so still also today yesterday tonight then
  outside inside speaking
  now once instead speaking asked unlike like given amid among throughout within until through according`);

const FEMALE_WORDS = words('mrs ms miss spokeswoman chairwoman congresswoman businesswoman queen princess lady dame madam mother wife daughter sister');
const MALE_WORDS = words('mr spokesman chairman congressman businessman king prince sir lord father husband son brother');

// ---------------------------------------------------------------------------------------------------------------
// compromise's lexicon gives first names (with gender), countries, cities, demonyms and well-known organisations.

const lexTags = lexiconTags;

const isPlaceTag = (t: string): boolean => t === 'Country' || t === 'City' || t === 'Region' || t === 'Place' || t === 'Demonym';
const isFirstNameTag = (t: string): boolean => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName';
/** Tags of words that are ordinary vocabulary when capitalised at the start of a sentence. */
const COMMON_TAGS = new Set([
  'Gerund', 'Adjective', 'PastTense', 'Plural', 'PresentTense', 'Infinitive', 'Comparative', 'Superlative', 'Adverb',
  'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'QuestionWord', 'Expression', 'Singular',
  'Uncountable', 'Date', 'Duration', 'Participle', 'Noun', 'Negative', 'Verb', 'Cardinal', 'TextValue',
]);

// ---------------------------------------------------------------------------------------------------------------
// Tokens.

export interface QuoteSpan {
  paragraph: number;
  /** Offset of the opening quote mark. */
  open: number;
  /** The quotation itself is `body.slice(start, end)`. */
  start: number;
  end: number;
  /** Offset just past the closing mark (the paragraph's end when the quotation runs on into the next one). */
  close: number;
  closed: boolean;
}

export interface Tok {
  type: 'word' | 'punct' | 'quote';
  text: string;
  /** Lower case, curly apostrophes straightened, possessive kept. */
  lower: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: boolean;
  /** Index of the quotation (for quote tokens), else -1. */
  quote: number;
}

const ABBREVIATIONS = words('mr mrs ms mx dr prof sen rep gov gen lt col sgt capt cmdr maj supt st jr sr inc corp co ltd no vs hon rev');
const PUNCT = ',;:.!?()—–';
const LETTER = /[\p{L}\p{N}]/u;

/** The reporter's words of `body[from, to)`, with each quotation (from `spans`, sorted) as one token. */
export function tokenize(body: string, from: number, to: number, spans: readonly QuoteSpan[], spanIndex: number[]): Tok[] {
  const out: Tok[] = [];
  // Binary search for the first quotation that ends after `from`: tokenising every unit stays linear overall.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.close <= from) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  let i = from;
  while (i < to) {
    if (k < spans.length && spans[k]!.open <= i) {
      const s = spans[k]!;
      if (s.open >= from || s.close > from) {
        out.push({ type: 'quote', text: body.slice(s.start, s.end), lower: '', start: s.open, end: s.close, cap: false, possessive: false, quote: spanIndex[k]! });
        i = Math.max(i + 1, s.close);
      }
      k++;
      continue;
    }
    const ch = body[i]!;
    if (PUNCT.includes(ch) || (ch === '-' && /\s/.test(body[i + 1] ?? ' ') && /\s/.test(body[i - 1] ?? ' '))) {
      out.push({ type: 'punct', text: ch, lower: ch, start: i, end: i + 1, cap: false, possessive: false, quote: -1 });
      i++;
      continue;
    }
    const word = proseWordAt(body, i);
    if (word === null) {
      i++;
      continue;
    }
    let text = word;
    const lowerRaw = text.toLowerCase();
    if (body[i + text.length] === '.' && (ABBREVIATIONS.has(lowerRaw) || /^\p{Lu}$/u.test(text))) text += '.';
    // A plural possessive: "the trustees' statement".
    else if (/s$/.test(text) && /['’]/.test(body[i + text.length] ?? '') && !LETTER.test(body[i + text.length + 1] ?? '')) text += body[i + text.length];
    const end = Math.min(i + text.length, to);
    text = body.slice(i, end);
    const lower = text.toLowerCase().replace(/’/g, "'");
    const prevTok = out[out.length - 1];
    const sentenceInitial = !prevTok || (prevTok.type === 'punct' && /[.!?]/.test(prevTok.text));
    out.push({
      type: 'word',
      text,
      lower,
      start: i,
      end,
      // A sentence's first word is capitalised anyway: "Officials said", "Farm machinery dealer …" name no one.
      cap: (/^\p{Lu}/u.test(text) && !(sentenceInitial && isCommonWord(text, lower))) || /^(?:al|el|ad|as|an|ash|at|az)-\p{Lu}/u.test(text),
      possessive: /(?:'s|s')$/.test(lower) && lower.length > 2,
      quote: -1,
    });
    i = end;
  }
  // "Brown said": a sentence-initial word right before a speech verb is a name after all (unless it is a role).
  for (let k = 0; k + 1 < out.length; k++) {
    const t = out[k]!;
    if (t.type === 'word' && !t.cap && /^\p{Lu}/u.test(t.text) && SPEECH_VERBS.has(out[k + 1]!.lower) && !isRoleNoun(bareLower(t)) && !CAP_STOPWORDS.has(t.lower)) t.cap = true;
  }
  return out;
}

/** Ordinary vocabulary by compromise's lexicon (or a common-noun suffix), not a title: "following", "officials". */
function isCommonWord(text: string, lower: string): boolean {
  const w = normalizeWord(lower);
  if (TITLE_WORDS.has(w) || w.length < 2 || /^\p{Lu}{2,}/u.test(text)) return false;
  const tags = lexTags(w);
  if (tags.length === 0) return /(?:tion|sion|ment|ness|ity|ance|ence|ism|ing)$/.test(w) && w.length > 6;
  return tags.every((tag) => COMMON_TAGS.has(tag) || tag === 'Actor');
}

/** A word without its possessive ending, normalised: "Rama’s" → "rama". */
const base = weakMemo((t: Tok): string => normalizeWord(t.text.replace(/\.$/, '')));
const expandTitle = (w: string): string => TITLE_EXPANSIONS[w] ?? w;
const bareText = (t: Tok): string => (t.possessive ? t.text.replace(/(?:['’]s|['’])$/, '') : t.text);
/** A lower-case word without its possessive ending: "company’s" → "company", "trustees'" → "trustees". */
const bareLower = (t: Tok): string => t.lower.replace(/'s?$/, '');

// ---------------------------------------------------------------------------------------------------------------
// Mentions: every name in the reporter's words, classified, for pronoun and role resolution.

type Gender = 'm' | 'f' | null;
type Kind = SpeakerKind | 'unknown';

export interface Mention {
  name: string;
  kind: Kind;
  gender: Gender;
  /** Lower-case title and role words written before the name ("prime", "minister", "spokesperson"). */
  titles: string[];
  /** Body offset. */
  pos: number;
  unit: number;
}

export interface Unit {
  paragraph: number;
  start: number;
  end: number;
  tokens: Tok[];
  mentions: Mention[];
  /** The main clause's subject, when the unit has one. */
  subject: Mention | null;
  /** The speaker of the unit's last attributed quotation. */
  speaker: Speaker | null;
  /** Index of the unit in the article. */
  index: number;
}

export interface Speaker {
  name: string;
  kind: Kind;
  gender: Gender;
}

interface DocEvidence {
  doc: string;
  owner: Speaker;
  pos: number;
}

/** Organisation nouns that may refer to any organisation named before ("the company"), not just a namesake. */
const GENERIC_ORG_NOUNS = words('company firm group organization organisation club team side squad startup maker manufacturer retailer carrier airline lender insurer charity');
/** Plural members → the body they make up. */
const COLLECTIVES: Record<string, string> = { jurors: 'jury', directors: 'board', councillors: 'council', councilors: 'council' };

/** How many same-surname mentions a surname lookup examines (bounded, so long articles stay linear). */
const NAMESAKE_REACH = 24;
/** How far (characters) "the statement" may look for whose statement it is. */
const DOC_REACH = 3000;
/** How many units back "the judge"/"the company" may look for whom it means. */
const ROLE_LOOKBACK = 60;

const isCapName = (t: Tok | undefined): boolean => t !== undefined && t.type === 'word' && t.cap && !CAP_STOPWORDS.has(base(t));
const isWord = (t: Tok | undefined, set: ReadonlySet<string>): boolean => t !== undefined && t.type === 'word' && set.has(t.lower);
/** An acronym, possessive or not: "MEK", "MEK’s". */
const isAcronymName = (text: string): boolean => isAcronym(text.replace(/['’]s$/, ''));

/** A unit-initial capitalised word that is ordinary vocabulary ("Following", "Especially") is not a name. */
function isSentenceInitialCommon(tokens: Tok[], i: number): boolean {
  const t = tokens[i]!;
  if (tokens.slice(0, i).some((x) => x.type === 'word')) return false;
  if (isAcronymName(t.text)) return false;
  const w = base(t);
  const tags = lexTags(w);
  if (tags.length === 0) return /(?:tion|sion|ment|ness|ity|ance|ence|ism|ing)$/.test(w) && w.length > 6;
  return tags.every((tag) => COMMON_TAGS.has(tag));
}

/** The end (exclusive) of a capitalised name run starting at `i`, joining connectors between capitals. */
function capRunEnd(tokens: Tok[], i: number): number {
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (isCapName(t)) {
      j++;
      if (t.possessive) {
        // "Iran’s Foreign Ministry" continues; "Rama’s call" ends.
        if (isCapName(tokens[j])) continue;
        break;
      }
      continue;
    }
    if (t.type === 'word' && NAME_CONNECTORS.has(t.lower) && j > i && isCapName(tokens[j + 1])) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

// ---------------------------------------------------------------------------------------------------------------
// The article context: units, mentions, person names, document owners.

export class ArticleContext {
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

  private resolveExternal(name: string): { name: string; kind: SpeakerKind } | null {
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
      if (!isCapName(t) || (isSentenceInitialCommon(tokens, i) && !TITLE_WORDS.has(base(t)))) {
        i++;
        continue;
      }
      const end = capRunEnd(tokens, i);
      const run = tokens.slice(i, end);
      const before: string[] = [];
      for (let b = i - 1; b >= 0 && b >= i - 4; b--) {
        const x = tokens[b]!;
        if (x.type !== 'word' || x.cap) break;
        if (isRoleNoun(x.lower) || TITLE_WORDS.has(x.lower) || NP_MODIFIERS.has(x.lower) || DEPARTMENT_WORDS.has(x.lower)) before.unshift(x.lower);
        else break;
      }
      const speaksNext = this.verbAfter(tokens, end);
      const found = this.mentionsOfRun(run, before, speaksNext, u.index);
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
    if (!titleWords.some((w) => TITLE_WORDS.has(w) || isRoleNoun(w))) return null;
    const pos = run[0]!.start;
    const hit = this.resolveRole(titleWords, pos, u);
    if (hit) return { name: hit.name, kind: hit.kind, gender: hit.gender, titles: titleWords, pos, unit: u.index };
    return null;
  }

  /** Is a speech verb the next thing after `i` (adverbs skipped)? */
  private verbAfter(tokens: Tok[], i: number): boolean {
    let j = i;
    while (isWord(tokens[j], VERB_SKIP) || (tokens[j]?.type === 'word' && /ly$/.test(tokens[j]!.lower))) j++;
    return isWord(tokens[j], SPEECH_VERBS);
  }

  /** A capitalised run → its mentions (an owner "Iran’s" inside "Iran’s Foreign Ministry" is one too). */
  private mentionsOfRun(run: Tok[], before: string[], speaks: boolean, unit: number): Mention[] {
    const out: Mention[] = [];
    const ownerAt = run.findIndex((t, k) => t.possessive && k < run.length - 1);
    if (ownerAt >= 0) out.push(...this.mentionsOfRun(run.slice(0, ownerAt + 1), [], false, unit));
    const m = this.classifyRun(run, before, speaks);
    if (m) out.push({ ...m, pos: run[0]!.start, unit });
    for (const mention of out) if (mention.kind === 'person' || mention.kind === 'unknown') this.registerPerson(mention);
    return out;
  }

  /** Names a run of capitalised tokens: strips titles, tells a person from an organisation or place. */
  classifyRun(run: Tok[], before: string[] = [], speaks = false): Omit<Mention, 'pos' | 'unit'> | null {
    if (run.length === 0) return null;
    const start = run[0]!.lower === 'the' ? 1 : 0;
    const full = run.slice(start);
    if (full.length === 0) return null;
    const last = full[full.length - 1]!;
    const verbatim = this.body.slice(full[0]!.start, last.end).replace(/['’]s$/, '');
    // Organisations keep their whole name: "US State Department", "Iran’s Foreign Ministry".
    const headOfPhrase = full.some((t, j) => ORG_HEADS.has(base(t)) && full[j + 1]?.lower === 'of'); // "Ministry of Finance"
    if (headOfPhrase || ORG_HEADS.has(base(last)) || ORG_HEADS.has(bareLower(last)) || (full.length === 1 && isAcronymName(last.text))) {
      return this.withResolver({ name: verbatim, kind: 'organization', gender: null, titles: before });
    }
    const possessiveAt = full.findIndex((t, j) => t.possessive && j < full.length - 1);
    if (possessiveAt >= 0 && lexTags(base(full[possessiveAt + 1]!)).some(isFirstNameTag) && full.length - possessiveAt > 2) {
      // "Museum of Modern Art's Alfred Barr": the person after the possessive.
      return this.classifyRun(full.slice(possessiveAt + 1), before, speaks);
    }
    if (possessiveAt >= 0) return this.withResolver({ name: verbatim, kind: 'unknown', gender: null, titles: before });
    const titles = [...before];
    let k = 0;
    for (let j = 0; j < full.length; j++) {
      const w = base(full[j]!);
      const afterOf = j > 0 && full[j - 1]!.lower === 'of' && k === j; // "Secretary of State"
      const titleLike = TITLE_WORDS.has(w) || (isRoleNoun(w) && j < full.length - 1 && !lexTags(w).some(isFirstNameTag));
      if (titleLike || (DEPARTMENT_WORDS.has(w) && (j < full.length - 1 || afterOf)) || NAME_CONNECTORS.has(full[j]!.lower)) k = j + 1;
      else if (lexTags(w).includes('Demonym') && j < full.length - 1) k = Math.max(k, j + 1);
    }
    if (k === 0) {
      // An unknown title before a known first name: "City Solicitor David Berger", "Colquitt Policeman Tom Williams".
      const f = full.findIndex((t, j) => j > 0 && j <= 3 && lexTags(base(t)).some(isFirstNameTag));
      const prefix = full.slice(0, f);
      if (f > 0 && f <= full.length - 2 && !prefix.some((t) => lexTags(base(t)).some(isFirstNameTag) || /^\p{Lu}\.$/u.test(t.text))) k = f;
    }
    for (let j = 0; j < k; j++) titles.push(expandTitle(base(full[j]!)));
    const nameToks = full.slice(k);
    if (nameToks.length === 0) return null; // a bare title ("Prime Minister") names no one
    const name = nameToks.map(bareText).join(' ').replace(/\.$/, '');
    const first = base(nameToks[0]!);
    const firstTags = lexTags(first);
    let gender: Gender = firstTags.includes('FemaleName') ? 'f' : firstTags.includes('MaleName') ? 'm' : null;
    for (const w of titles) {
      if (FEMALE_WORDS.has(w)) gender = 'f';
      if (MALE_WORDS.has(w)) gender = 'm';
    }
    const personTitle = titles.some((w) => TITLE_WORDS.has(w) || isRoleNoun(w));
    const phrase = nameToks.map((t) => base(t)).join(' ');
    const placeLike = lexTags(phrase).some(isPlaceTag) || (nameToks.length === 1 && lexTags(first).some(isPlaceTag));
    const orgLike = lexTags(phrase).includes('Organization') || lexTags(phrase).includes('SportsTeam');
    let kind: Kind = 'unknown';
    if (orgLike) kind = 'organization';
    else if (placeLike && !personTitle) kind = 'place';
    else if (personTitle || ((firstTags.some(isFirstNameTag) || speaks) && !nameToks.some((t) => lexTags(base(t)).some(isPlaceTag)))) kind = 'person';
    return this.withResolver({ name, kind, gender, titles });
  }

  private withResolver(m: Omit<Mention, 'pos' | 'unit'>): Omit<Mention, 'pos' | 'unit'> {
    const r = this.resolveExternal(m.name);
    return r ? { ...m, kind: r.kind, name: r.name } : m;
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
    const mine = titles.filter((w) => TITLE_WORDS.has(w) && !HONORIFICS.has(w));
    const agrees = (m: Mention): boolean => {
      if (mine.length === 0) return true;
      const theirs = m.titles.filter((w) => TITLE_WORDS.has(w) && !HONORIFICS.has(w));
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
    if (tokens[i]?.type === 'word' && INTRO_WORDS.has(tokens[i]!.lower)) {
      let j = i;
      while (j < tokens.length && j < i + 16 && tokens[j]!.text !== ',' && tokens[j]!.type !== 'quote') j++;
      if (tokens[j]?.text === ',') i = j + 1;
    }
    const np = nounPhraseForward(tokens, i);
    if (np.length === 0) return null;
    // "Farm machinery dealer …", "Implementation of …": a common noun opening the sentence is no name.
    const firstWord = np.findIndex((t) => !DETERMINERS.has(t.lower));
    if (firstWord >= 0 && np[firstWord]!.cap && isSentenceInitialCommon(tokens, i + firstWord)) return null;
    const next = tokens[i + np.length];
    // A verb follows, or an appositive ("Gus Ehlers, competitor of …, says").
    if (!next || (next.type === 'word' ? next.cap : next.text !== ',' && next.text !== '(')) return null;
    if (next.text === ',' && !np.some((t) => isCapName(t)) && isCapName(tokens[i + np.length + 1])) {
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

  // -- documents -----------------------------------------------------------------------------------------------------

  /** Who issued which document: "Israel press release", "a statement from Acme", "comments published by X". */
  private collectDocEvidence(u: Unit): void {
    const t = u.tokens;
    for (let i = 0; i < t.length; i++) {
      const tok = t[i]!;
      if (tok.type !== 'word') continue;
      if (/^(?:published|released|issued|posted|distributed)$/.test(tok.lower) && t[i + 1]?.lower === 'by') {
        const np = nounPhraseForward(t, i + 2);
        const owner = np.length ? this.interpretOwner(np, t[i + 2]!.start, u) : null;
        const doc = t[i - 1]?.type === 'word' ? t[i - 1]!.lower : 'statement';
        if (owner) this.docs.push({ doc, owner, pos: tok.start });
      } else if (DOC_NOUNS.has(tok.lower)) {
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
      if (!roleModifier && (ORG_NOUNS.has(t[j]!.lower) || isRoleNoun(t[j]!.lower))) roleModifier = t[j]!.lower;
      j--;
    }
    if (roleModifier) return this.resolveRole([roleModifier], t[i]!.start, u);
    const prev = t[j];
    if (prev && isCapName(prev)) {
      let s = j;
      while (s > 0 && (isCapName(t[s - 1]) || (t[s - 1]!.type === 'word' && NAME_CONNECTORS.has(t[s - 1]!.lower) && isCapName(t[s - 2])))) s--;
      const owner = this.classifyRun(t.slice(s, j + 1));
      if (owner) return this.finishName(owner.name, owner.kind, owner.gender, t[s]!.start, u);
    }
    if (prev && prev.type === 'word' && POSSESSIVE_PRONOUNS.has(prev.lower)) return this.resolvePronoun(prev.lower, prev.start, u);
    if (prev && prev.type === 'word' && !prev.cap && prev.possessive) {
      const role = bareLower(prev);
      if (ORG_NOUNS.has(role) || isRoleNoun(role)) return this.resolveRole([role], prev.start, u);
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
    for (const e of this.docs) {
      if (e.pos <= pos) {
        if (e.pos >= pos - DOC_REACH && (!before || e.pos >= before.pos)) before = e;
      } else if (e.pos <= pos + DOC_REACH / 2 && (!after || e.pos < after.pos)) after = e;
    }
    void doc;
    return (before ?? after)?.owner ?? null;
  }

  addDocEvidence(doc: string, owner: Speaker, pos: number): void {
    this.docs.push({ doc, owner, pos });
  }

  // -- resolution --------------------------------------------------------------------------------------------------

  /** Final form of a name: the resolver's canonical name, or a surname completed from the article. */
  finishName(name: string, kind: Kind, gender: Gender, pos: number, _u: Unit, titles: string[] = []): Speaker {
    const external = this.resolveExternal(name);
    if (external) return { name: external.name, kind: external.kind, gender: gender ?? this.genderOf(external.name) };
    if (!/\s/.test(name) && (kind === 'person' || kind === 'unknown')) {
      const full = this.fullName(name, pos, titles);
      if (full) return { name: full.name, kind: full.kind === 'unknown' ? 'person' : full.kind, gender: full.gender ?? gender };
    }
    return { name, kind, gender };
  }

  private genderOf(name: string): Gender {
    const first = normalizeWord(name.split(/\s+/)[0] ?? '');
    const tags = lexTags(first);
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
      parts.every((p) => /^\p{Lu}(?:\.|[\p{L}'’-]+\.?)$/u.test(p) && !ORG_HEADS.has(p.toLowerCase()) && !lexTags(p.toLowerCase()).some(isPlaceTag)) &&
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

  private asSpeaker(m: Mention, pos: number): Speaker {
    return this.finishName(m.name, m.kind, m.gender, pos, this.units[m.unit]!, m.titles);
  }

  /** Most recent compatible person: the sentence's subject first, then earlier sentences' speakers and subjects. */
  private resolvePerson(pos: number, u: Unit, gender: Gender): Speaker | null {
    const fits = (m: Mention): boolean => this.compatible(this.asSpeaker(m, pos).gender, gender);
    const sure = (m: Mention): boolean => m.pos < pos && this.isPerson(m, pos) && fits(m);
    const unsure = (m: Mention): boolean => m.pos < pos && this.maybePerson(m) && fits(m);
    return this.searchPerson(pos, u, gender, sure, true) ?? this.searchPerson(pos, u, gender, unsure, false);
  }

  /** The sentence's subject, then its latest person; then earlier sentences' speakers, subjects and persons. */
  private searchPerson(pos: number, u: Unit, gender: Gender, ok: (m: Mention) => boolean, speakers: boolean): Speaker | null {
    if (u.subject && ok(u.subject)) return this.asSpeaker(u.subject, pos);
    const inUnit = u.mentions.filter(ok);
    if (inUnit.length) return this.asSpeaker(inUnit[inUnit.length - 1]!, pos);
    for (let k = u.index - 1; k >= 0 && k >= u.index - 8; k--) {
      const prev = this.units[k]!;
      if (u.paragraph - prev.paragraph > 2) break;
      const sp = prev.speaker;
      if (speakers && sp && sp.kind === 'person' && this.compatible(sp.gender, gender)) return sp;
      if (prev.subject && ok(prev.subject)) return this.asSpeaker(prev.subject, pos);
      const people = prev.mentions.filter(ok);
      if (people.length) return this.asSpeaker(people[people.length - 1]!, pos);
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
      if (ok(prev.subject)) return this.asSpeaker(prev.subject, pos);
    }
    const inUnit = u.mentions.filter((m) => ok(m) && m.kind !== 'unknown');
    if (inUnit.length) return this.asSpeaker(inUnit[inUnit.length - 1]!, pos);
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
    while (h > 0 && !(isRoleNoun(words[h]!) || TITLE_WORDS.has(words[h]!) || ORG_NOUNS.has(words[h]!))) h--;
    const head = words[h]!;
    const singular = head.replace(/s$/, '');
    const mods = words.filter((w, k) => k !== h && (TITLE_WORDS.has(w) || DEPARTMENT_WORDS.has(w)) && !isRoleNoun(w));
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
    if (ORG_NOUNS.has(head) && !isRoleNoun(head)) {
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
    if (isRoleNoun(head) || TITLE_WORDS.has(head)) {
      if (head.endsWith('s') && head !== singular && !TITLE_WORDS.has(head)) return null; // "prosecutors said": a group
      const hit = find((m) => (m.titles.includes(head) || m.titles.includes(singular)) && mods.every((w) => m.titles.includes(w)));
      return hit ? this.asSpeaker(hit, pos) : null;
    }
    return null;
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
    while (runStart > 0 && (isCapName(rest[runStart - 1]) || (isWord(rest[runStart - 1], NAME_CONNECTORS) && runStart > 1 && isCapName(rest[runStart - 2])))) runStart--;
    const tail = runEnd < 0 ? rest : rest.slice(runEnd);
    const lowerBefore = runStart > 0 ? rest.slice(0, runStart).filter((t) => t.type === 'word' && !t.cap).map((t) => t.lower) : [];
    const owner = (): Speaker | null => (ownerPronoun ? this.resolvePronoun(ownerPronoun, pos, u) : null);
    const compose = (ownerSpeaker: Speaker | null, phraseToks: Tok[]): string => {
      const phrase = this.body.slice(phraseToks[0]!.start, phraseToks[phraseToks.length - 1]!.end);
      return ownerSpeaker ? `${ownerSpeaker.name}${this.apostrophe}s ${phrase}` : phrase;
    };

    if (runEnd >= 0 && tail.length === 0) {
      const run = rest.slice(runStart, runEnd);
      const m = this.classifyRun(run, lowerBefore, true);
      if (!m) {
        // A bare title ("the Prime Minister said"): the person introduced with it.
        return this.resolveRole(run.map((t) => base(t)), pos, u);
      }
      if (m.kind === 'organization' && ownerPronoun && !run.some((t) => t.possessive)) {
        const o = owner();
        const name = compose(o, run);
        return this.finishName(name, 'organization', null, pos, u);
      }
      if (m.kind === 'unknown' && lowerBefore.some((w) => isRoleNoun(w) || TITLE_WORDS.has(w))) m.kind = 'person';
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
    if (DOC_NOUNS.has(headWord)) {
      const demonym = run.length > 0 && run.every((t) => lexTags(base(t)).includes('Demonym'));
      if (run.length && !demonym) {
        const m = this.classifyRun(run);
        if (m) return this.finishName(m.name, m.kind, m.gender, pos, u);
      }
      if (ownerPronoun) return owner();
      const possessor = tail.find((t) => t.possessive && !t.cap);
      const roleMod = tail.slice(0, -1).map(bareLower).filter((w) => ORG_NOUNS.has(w) || isRoleNoun(w));
      if (possessor || roleMod.length) return this.resolveRole([roleMod[roleMod.length - 1] ?? bareLower(possessor!)], pos, u);
      // "the statement" is one named before; "a report", "one report" could be anyone's.
      const definite = i === 1 && /^(?:the|this|that)$/.test(np[0]!.lower);
      return definite ? this.docOwner(headWord, pos) : null;
    }
    if (ORG_NOUNS.has(headWord) || isRoleNoun(headWord)) {
      const mods = tail.map((t) => t.lower);
      const runIsPlace = run.length > 0 && run.every((t) => lexTags(base(t)).some(isPlaceTag));
      if (isRoleNoun(headWord) && (run.length === 0 || runIsPlace)) {
        const hit = this.resolveRole(mods, pos, u);
        if (hit) return hit;
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
      return { name: this.body.slice(tail[0]!.start, last.end), kind: ORG_NOUNS.has(headWord) ? 'organization' : 'person', gender: null };
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Noun phrases on the token stream.

function npWord(t: Tok | undefined): boolean {
  if (!t || t.type !== 'word') return false;
  if (isCapName(t)) return true;
  const w = bareLower(t);
  if (isRoleNoun(w) || ORG_NOUNS.has(w) || DOC_NOUNS.has(w) || NP_MODIFIERS.has(w) || TITLE_WORDS.has(w) || /^\d[\p{L}\p{N}-]*$/u.test(w)) return true;
  // Plain adjectives ("an American naval announcement"), never a verb or a preposition.
  if (SPEECH_VERBS.has(w) || EVALUATIVE_VERBS.has(w) || /(?:ed|ing)$/.test(w)) return false;
  const tags = lexTags(w);
  return tags.length === 1 && tags[0] === 'Adjective';
}

/** A lower-case noun that can head a speaker phrase: a role, an organisation or a document. */
function isNounHead(t: Tok): boolean {
  const w = bareLower(t);
  return t.type === 'word' && !t.cap && (isRoleNoun(w) || ORG_NOUNS.has(w) || DOC_NOUNS.has(w) || TITLE_WORDS.has(w));
}

/** "of" inside a speaker phrase: before a capital ("Secretary of State") or a department ("secretary of labor"). */
function connects(tokens: Tok[], j: number): boolean {
  const t = tokens[j];
  const next = tokens[j + 1];
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
    if (npWord(t)) {
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
  if (!content.some((t) => isCapName(t) || isRoleNoun(bareLower(t)) || ORG_NOUNS.has(bareLower(t)) || DOC_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower))) return [];
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
    if (npWord(t)) {
      j--;
      continue;
    }
    if (t.type === 'word' && NAME_CONNECTORS.has(t.lower) && j < end && npWord(tokens[j - 2]) && connects(tokens, j - 1)) {
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

// ---------------------------------------------------------------------------------------------------------------
// Attribution of one quotation.

/** Skips adverbs and auxiliaries forward ("also", "later", "has"). */
function skipForward(tokens: Tok[], i: number): number {
  let j = i;
  while (j < tokens.length && tokens[j]!.type === 'word' && (VERB_SKIP.has(tokens[j]!.lower) || /^\p{Ll}+ly$/u.test(tokens[j]!.text))) j++;
  return j;
}

function skipBackward(tokens: Tok[], i: number): number {
  let j = i;
  while (j > 0 && tokens[j - 1]!.type === 'word' && (VERB_SKIP.has(tokens[j - 1]!.lower) || /^\p{Ll}+ly$/u.test(tokens[j - 1]!.text))) j--;
  return j;
}

/** A verb of the set at `k`, or a phrasal speech verb: "the statement went on". */
function isVerbAt(t: Tok[], k: number, verbs: ReadonlySet<string>): boolean {
  const tok = t[k];
  if (!tok || tok.type !== 'word') return false;
  if (verbs.has(tok.lower)) return isVerbForm(t, k);
  if (verbs !== SPEECH_VERBS) return false;
  return (/^(?:went|goes|go|going)$/.test(tok.lower) && t[k + 1]?.lower === 'on') || (/^(?:pointed|points|pointing)$/.test(tok.lower) && t[k + 1]?.lower === 'out');
}

const BASE_FORM_CUES = words('i we they you will would can could may might must should shall did do does to not never');

/**
 * A base form ("term", "call", "say") is often a noun ("the September term jury"): it is a verb only after a
 * pronoun, an auxiliary or a plural subject ("officials say"). Past, -ing and -s forms are taken as verbs.
 */
function isVerbForm(t: Tok[], k: number): boolean {
  const w = t[k]!.lower;
  if (/(?:ed|ing|s)$/.test(w) || /^(?:said|told|wrote|read|spoke)$/.test(w)) return true;
  const prev = t[skipBackward(t, k) - 1] ?? t[k - 1];
  if (!prev) return false;
  if (prev.type !== 'word') return true; // after a quotation: "“…”, say the members."

  return BASE_FORM_CUES.has(prev.lower) || /s$/.test(prev.lower);
}

const ISSUE_VERBS = words('issued issues released releases published publishes posted posts sent sends put puts adopted adopts');

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

/** Result of looking for an attribution: undefined = no pattern here; null = attributed to someone unresolvable. */
type Found = Speaker | null | undefined;

const CLAUSE_BREAK = new Set([',', '—', '–', '-', ':', ';', '(', ')']);

export class Attributor {
  constructor(private readonly ctx: ArticleContext) {}

  /** The speaker of the quotation at token `qi` of unit `u`, from that unit's words alone. */
  inUnit(u: Unit, qi: number): Found {
    const steps: Array<() => Found> = [
      () => this.clauseBefore(u, qi, SPEECH_VERBS),
      () => this.clauseAfter(u, qi + 1),
      () => this.clauseLater(u, qi),
      () => this.clauseBefore(u, qi, EVALUATIVE_VERBS),
      () => this.subjectRightBefore(u, qi),
    ];
    for (const step of steps) {
      const found = step();
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** `NP said (that) Q`, `according to NP, Q`, `Said NP, Q` — the leftmost such clause before the quote. */
  private clauseBefore(u: Unit, qi: number, verbs: ReadonlySet<string>): Found {
    const t = u.tokens;
    for (let k = 0; k < qi; k++) {
      const tok = t[k]!;
      if (tok.type !== 'word') continue;
      if (tok.lower === 'according' && t[k + 1]?.lower === 'to' && verbs === SPEECH_VERBS) {
        const found = this.fromPhrase(nounPhraseForward(t, k + 2), u);
        if (found !== undefined) return found;
        continue;
      }
      if (verbs === SPEECH_VERBS && DOC_NOUNS.has(bareLower(tok)) && t[k + 1]?.text === ':') {
        // "Judge Bootle's decision: “…”"
        const found = this.fromPhrase(nounPhraseBackward(t, k + 1), u);
        if (found !== undefined) return found;
        continue;
      }
      const by = t[k + 1]?.lower ?? '';
      if (verbs === SPEECH_VERBS && SPEECH_NOUNS.has(bareLower(tok)) && (by === 'by' || by === 'from' || (by === 'of' && tok.lower === 'words'))) {
        // "a remark by Richard Roe, the candidate, that …"
        const found = this.fromPhrase(nounPhraseForward(t, k + 2), u);
        if (found !== undefined) return found;
        continue;
      }
      if (!isVerbAt(t, k, verbs) || isPassive(t, k)) continue;
      let found = this.subjectOf(u, k);
      if (found === undefined && verbs === SPEECH_VERBS) found = this.objectAfterVerb(u, k);
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
      const subject = u.subject ?? u.mentions.find((m) => m.kind === 'person');
      return subject && subject.pos < t[k]!.start ? this.ctx.mentionSpeaker(subject) : undefined;
    };
    // "Mitchell decried … and said …", "The Court limited its decision …, commenting: …": the clause's subject.
    if (before && before.type === 'word' && /^(?:and|but)$/.test(before.lower)) return clauseSubject();
    if (before?.text === ',' && /ing$/.test(t[k]!.lower)) return clauseSubject();
    let np = nounPhraseBackward(t, end);
    if (np.length === 0) np = this.subjectBeforeAppositive(t, end);
    if (np.length === 0) np = this.subjectBeforeAdverbial(t, end);
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
      if (between.length > 0 && capRunEnd(t, c + 1) === inner && !np.some((x) => isCapName(x))) return between;
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
    if (verb.lower === 'told' || verb.lower === 'tells' || verb.lower === 'tell' || verb.lower === 'asked' || EVALUATIVE_VERBS.has(verb.lower)) return undefined;
    const prev = t[k - 1];
    if (prev && prev.type === 'word') return undefined;
    const np = nounPhraseForward(t, k + 1);
    if (np.length === 0) return undefined;
    return this.withAppositive(t, k + 1 + np.length, np, u);
  }

  /** "said the magistrate, K.J.P. Baraclough": a name in apposition to a described speaker is the speaker. */
  private withAppositive(t: Tok[], after: number, np: Tok[], u: Unit): Found {
    const described = !np.some((x) => isCapName(x)) && !(np.length === 1 && SUBJECT_PRONOUNS.has(np[0]!.lower));
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
    if (isVerbAt(t, j, SPEECH_VERBS)) return this.objectAfterVerb(u, j);
    const np = nounPhraseForward(t, j);
    if (np.length === 0) return undefined;
    let v = skipForward(t, j + np.length);
    if (t[v]?.text === ',') {
      // An appositive: "Q, Smith, 34, said" / "Q, Jane Doe, a spokesperson for Acme, said".
      let c = v + 1;
      while (c < t.length && c < v + 16 && t[c]!.text !== ',' && t[c]!.type !== 'quote') c++;
      if (t[c]?.text === ',') v = skipForward(t, c + 1);
    }
    if ((!isVerbAt(t, v, SPEECH_VERBS) && !isVerbAt(t, v, EVALUATIVE_VERBS)) || isPassive(t, v)) return undefined;
    return this.noteDoc(u, v, this.fromPhrase(np, u));
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

  /** "where he “offered to share …”": a subject right before a quotation that continues its sentence. */
  private subjectRightBefore(u: Unit, qi: number): Found {
    const t = u.tokens;
    const q = t[qi]!;
    if (!/^\p{Ll}/u.test(q.text)) return undefined;
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

  /** "X said in a statement": later mentions of "the statement" are X's. */
  private noteDoc(u: Unit, verbAt: number, found: Found): Found {
    if (!found) return found;
    const t = u.tokens;
    for (let j = verbAt + 1; j < Math.min(t.length, verbAt + 6); j++) {
      if (t[j]!.type === 'word' && DOC_NOUNS.has(t[j]!.lower)) {
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
    if (!isVerbAt(t, v, SPEECH_VERBS) && !isVerbAt(t, v, EVALUATIVE_VERBS)) return undefined;
    return this.fromPhrase(np, u);
  }

  /** "X said:" at the end of a unit introduces the next one. */
  introducesNext(u: Unit): Found {
    const t = u.tokens;
    if (t[t.length - 1]?.text !== ':') return undefined;
    return this.clauseBefore(u, t.length - 1, SPEECH_VERBS);
  }
}
