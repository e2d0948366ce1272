// The people, organisations and places a story names: found from news-prose evidence (titles, appositives, bylines,
// speech verbs, organisation and place nouns) on top of compromise's lexicon, with aliases resolved across the corpus
// ("Rama" → "Edi Rama", "MEK" → "People’s Mujahideen of Iran", "U.S." → "United States").
import nlp from 'compromise';
import { cite } from '../engine/citation.js';
import type { Article, Citation, Entity, EntityKind, Sentence } from '../engine/types.js';
import { addWordStats, noEvidence, scanSentence, type Evidence, type RawMention, type WordStats } from './mentions.js';
import {
  HONORIFICS,
  NAME_SUFFIXES,
  ORG_CUES,
  PLACE_CUES,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  editDistance,
  hasOrgCue,
  hasPlaceCue,
  isDemonym,
  isCommonPlural,
  isGivenName,
  isLexiconCommon,
  isLexiconLastName,
  isNonEntityAcronym,
  lexiconKind,
  nameKey,
  tokenize,
  typoBudget,
} from './names.js';

/** At most this many citations per entity: the first mentions, in article order. */
export const MAX_ENTITY_CITATIONS = 10;
/** A name needs at least this much evidence for one kind to be listed. */
const MIN_SCORE = 2;
const NO_ROLES: string[] = [];
/** Organisation nouns that, capitalised and alone, name one institution ("Congress", "the Senate"). */
const INSTITUTIONS = new Set(['congress', 'senate', 'parliament', 'legislature', 'army', 'navy', 'cabinet', 'city']);

interface MentionRef {
  article: number;
  sentence: number;
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  surface: string;
  /** Role phrases stated at this mention (shared empty array when none). */
  roles: string[];
}

/** Everything seen for one name key ("edi rama", "rama", "mek"). */
interface NameStats {
  key: string;
  words: string[];
  surfaces: Map<string, number>;
  evidence: Evidence;
  organization: boolean;
  mentions: MentionRef[];
  bylines: number;
}

type Scores = Record<EntityKind, number>;

const KINDS: EntityKind[] = ['person', 'organization', 'place'];

function newStats(key: string, words: string[]): NameStats {
  return {
    key, words, surfaces: new Map(), evidence: noEvidence(), organization: false, mentions: [], bylines: 0,
  };
}

/** The most frequent way a name is written; a tie prefers ordinary case ("Washington") to a dateline's "WASHINGTON". */
function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  const shouting = (s: string): boolean => /\p{Ll}/u.test(s) === false && s.replace(/[^\p{L}]/gu, '').length > 6;
  for (const [s, c] of counts) {
    if (c > n || (c === n && (shouting(best) && !shouting(s) || (shouting(best) === shouting(s) && s.length > best.length)))) [best, n] = [s, c];
  }
  return best;
}

function isAcronymSurface(surface: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(surface) || /^\p{Lu}{2,6}$/u.test(surface);
}

/** Initials of a multi-word name, with and without its small words ("Mujahedeen-e-Khalq" → "MEK"). */
function initials(surface: string): string[] {
  const parts = surface.split(/[\s-]+/).filter((p) => /^\p{L}/u.test(p));
  const all = parts.map((p) => p[0]!.toUpperCase()).join('');
  const capitals = parts.filter((p) => /^\p{Lu}/u.test(p)).map((p) => p[0]!).join('');
  return [...new Set([all, capitals])];
}

/** How strongly each kind is supported by one name's form and the evidence around its mentions. */
function scoreName(s: NameStats, wordStats: WordStats, singles: ReadonlySet<string> = new Set()): Scores {
  const e = s.evidence;
  const score: Scores = { person: 0, organization: 0, place: 0 };
  const lex = lexiconKind(s.key);
  const single = s.words.length === 1;
  // compromise lists some one-word cities as people ("Houston", "Austin"): a weak clue that context can outweigh.
  const lexWeight = lex === 'person' && single ? 2 : 6;
  // A word only ever used to modify the noun after it ("the Balkan state") is an adjective, not a name.
  if (!lex && s.words.length === 1 && e.modifier > 0 && e.modifier >= s.mentions.length) return score;
  if (lex) score[lex] += lexWeight;
  if (s.organization) score.organization += 6;
  const orgCue = hasOrgCue(s.words);
  // An employer named before a role ("City manager …", "Arsenal captain …") is an organisation, whatever its nouns.
  const placeCue = hasPlaceCue(s.words) && e.affiliation === 0;
  if (orgCue) score.organization += 5;
  if (placeCue) score.place += 5;
  // "the House", "the Senate", "the Army": an organisation noun alone names the institution.
  // Unless the corpus also writes it in lower case: then it is a common noun ("Government", "Board", "City").
  if (single && !lex && (ORG_CUES.has(s.key) || PLACE_CUES.has(s.key))) {
    const institution = s.mentions.length > 0 && INSTITUTIONS.has(s.key) && !wordStats.lower.has(s.key) ? 2 : 0;
    const org = ORG_CUES.has(s.key) || e.affiliation > 0;
    return org ? { person: 0, organization: institution, place: 0 } : { person: 0, organization: 0, place: institution };
  }
  const surface = mostFrequent(s.surfaces);
  const acronym = single && isAcronymSurface(surface);

  score.person += 4 * Math.min(2, e.title + e.appositive + e.byline);
  // "Smith said" makes a person of an unknown word, not of a common one ("Flock said") or a group ("Democrats said").
  if (!acronym && !pluralGroupWord(s) && !(single && isLexiconCommon(s.key))) score.person += 2 * Math.min(2, e.speech);
  // The shape of a personal name counts only when nothing in the name says organisation or place, and it does not
  // start with a plural noun ("the Masters Palmer and Player …").
  if (!orgCue && !placeCue && (single || !isCommonPlural(s.words[0]!))) {
    if (!single && isGivenName(s.words[0]!)) score.person += 3;
    if (isLexiconLastName(s.words.at(-1)!)) score.person += 1;
    if (!single && s.words.length <= 4 && s.words.every((w) => looksLikeNameWord(w, wordStats))) {
      score.person += 1;
      // News names a person in full, then by surname alone ("Erling Haaland … Haaland").
      if (singles.has(s.words.at(-1)!)) score.person += 2;
    }
  }

  score.organization += 3 * Math.min(2, e.outlet) + 3 * Math.min(1, e.affiliation);
  if (single && e.theX > 0 && !lex) score.organization += 1;
  if (acronym && !isNonEntityAcronym(s.key)) score.organization += 1 + Math.min(1, e.speech + e.theX);
  // A multi-word name the lexicon knows as a team, firm or place is never a person, whatever precedes it.
  if ((lex === 'organization' || lex === 'place') && !single) score.person = 0;
  // "in the Bible", "in God": prepositions make a place only of words that are not common words.
  if (!(single && isLexiconCommon(s.key))) score.place += Math.min(4, e.placePrep);
  // A name ending in a plural noun ("Morton Foods"), or a city's name and a plural ("Milwaukee Braves"), is a team
  // or a firm.
  const team = !single && lexiconKind(s.words[0]!) === 'place' && /[^s]s$/.test(s.words.at(-1)!);
  if (!lex && (isCommonPlural(s.words.at(-1)!) || team) && !e.byline) {
    score.organization += Math.max(2, Math.min(score.person, 3));
    score.person = 0;
  }
  return score;
}

/** Evidence of a person beyond the shape of the name: a title, an appositive, a byline, speech or a given name. */
function hasPersonEvidence(s: NameStats): boolean {
  const e = s.evidence;
  return e.title + e.appositive + e.byline + e.speech > 0 || isGivenName(s.words[0]!);
}

/** "Republicans", "Democrats", "Nazis": plural group words are not one person even when they "said". */
function pluralGroupWord(s: NameStats): boolean {
  if (s.words.length !== 1) return false;
  const w = s.words[0]!;
  if (!/[^s]s$/.test(w) || isLexiconLastName(w)) return false;
  return isDemonym(w) || /(?:ans|ats|ists|ites|is|ers)$/.test(w);
}

/** A word that can be part of a name: not a common lower-case word elsewhere in the corpus. */
function looksLikeNameWord(word: string, wordStats: WordStats): boolean {
  if (ROLE_HEADS.has(word) || ROLE_MODIFIERS.has(word) || isDemonym(word)) return false;
  return !wordStats.lower.has(word);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The best-supported kind; a tie goes to organisation or place, since calling a thing a person is the worse error. */
function best(score: Scores): [EntityKind, number] {
  let kind: EntityKind = 'person';
  for (const k of KINDS) if (score[k] > score[kind] || (score[k] === score[kind] && k !== 'person')) kind = k;
  return [kind, score[kind]];
}

/** Union-find over name keys. */
class Clusters {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let root = k;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(k, root);
    return root;
  }
  private readonly sizes = new Map<string, number>();
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent.set(ra, rb);
    this.sizes.set(rb, this.size(ra) + this.size(rb));
  }
  /** How many keys share this key's cluster. */
  size(k: string): number {
    return this.sizes.get(this.find(k)) ?? 1;
  }
}

interface Built {
  entity: Entity;
  /** The name's key ("edi rama"), and the keys of the name and every alias. */
  nameKey: string;
  keys: string[];
  /** Every name token of every key, for forgiving lookups. */
  tokens: string[];
  mentions: MentionRef[];
}

export class EntityIndex {
  private readonly byKey = new Map<string, number>();
  private readonly bySentence = new Map<string, number[]>();

  private constructor(
    private readonly articles: Article[],
    private readonly built: Built[],
  ) {
    built.forEach((b, i) => {
      for (const k of b.keys) if (!this.byKey.has(k)) this.byKey.set(k, i);
      for (const m of b.mentions) {
        const id = articles[m.article]!.sentences[m.sentence]!.id;
        const list = this.bySentence.get(id) ?? [];
        if (!list.includes(i)) list.push(i);
        this.bySentence.set(id, list);
      }
    });
  }

  static build(articles: Article[]): EntityIndex {
    const ordered = [...articles].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const wordStats: WordStats = { lower: new Set(), capitalisedMidSentence: new Set() };
    for (const a of ordered) for (const s of a.sentences) addWordStats(wordStats, s.text);

    const names = new Map<string, NameStats>();
    const links: [string, string][] = [];
    const statsFor = (key: string, words: string[]): NameStats => {
      let s = names.get(key);
      if (!s) names.set(key, (s = newStats(key, words)));
      return s;
    };
    ordered.forEach((article, ai) => {
      article.sentences.forEach((sentence, si) => {
        const scan = scanSentence(sentence.text, wordStats);
        for (const m of scan.mentions) {
          const ref = { article: ai, sentence: si, start: m.start, end: m.end, surface: m.surface, roles: m.roles.length > 0 ? m.roles : NO_ROLES };
          addMention(statsFor(m.key, m.words), m, ref);
        }
        links.push(...scan.links);
      });
      for (const author of bylineNames(article.author)) {
        const s = statsFor(nameKey(author), nameKey(author).split(' '));
        s.surfaces.set(author, (s.surfaces.get(author) ?? 0) + 1);
        s.evidence.byline++;
        s.bylines++;
      }
    });
      return new EntityIndex(ordered, cluster(names, links, wordStats));
  }

  /** All entities, most mentioned first. */
  list(): Entity[] {
    return this.built.map((b) => b.entity);
  }

  /** A forgiving lookup: exact, alias, surname, prefix, then small typos ("xhaka" → "Olta Xhacka"). */
  lookup(name: string): { entity: Entity; citations: Citation[] } | null {
    const i = this.resolveIndex(name) ?? this.fuzzy(name)[0];
    if (i === undefined) return null;
    return { entity: this.built[i]!.entity, citations: this.citations(i) };
  }

  /** Autocomplete over names and aliases: prefix of the name, of an alias, of a word; then typos. */
  suggest(prefix: string, limit = 10): Entity[] {
    const q = queryKey(prefix);
    if (q.length === 0) return this.list().slice(0, limit);
    const ranked: [number, number][] = [];
    this.built.forEach((b, i) => {
      let rank = -1;
      if (b.nameKey.startsWith(q)) rank = 0;
      else if (b.keys.some((k) => k.startsWith(q))) rank = 1;
      else if (b.tokens.some((t) => t.startsWith(q))) rank = 2;
      if (rank >= 0) ranked.push([i, rank]);
    });
    ranked.sort((a, b) => a[1] - b[1] || this.built[b[0]]!.entity.mentions - this.built[a[0]]!.entity.mentions);
    const out = ranked.map(([i]) => i);
    // Only when nothing starts with what was typed: then a typo is the likeliest reason.
    if (out.length === 0) out.push(...this.fuzzy(prefix));
    return out.slice(0, limit).map((i) => this.built[i]!.entity);
  }

  /** Exact-ish resolution: the name, an alias, an acronym, a surname ("Rama" → "Edi Rama"); no typos. */
  resolve(name: string): Entity | null {
    const i = this.resolveIndex(name);
    return i === undefined ? null : this.built[i]!.entity;
  }

  /** Entities mentioned in a sentence, by sentence id (`${articleId}#p${n}.s${k}`). */
  inSentence(sentenceId: string): Entity[] {
    return (this.bySentence.get(sentenceId) ?? []).map((i) => this.built[i]!.entity);
  }

  /** Is this span a person we know, or does it look like a person's name (a title, a given name)? */
  isPersonName(text: string): boolean {
    const stripped = stripTitles(text);
    if (stripped.words.length === 0) return false;
    const known = this.resolve(text);
    if (known) return known.kind === 'person';
    const words = stripped.words;
    if (words.length > 4 || !stripped.capitalised) return false;
    if (hasOrgCue(words) || hasPlaceCue(words) || words.every((w) => isDemonym(w))) return false;
    const lex = lexiconKind(words.join(' '));
    if (lex) return lex === 'person';
    if (stripped.hadTitle) return true;
    if (words.length >= 2 && isGivenName(words[0]!)) return true;
    return words.length >= 2 && nlp(stripped.text).has('#Person');
  }

  // -- internals -------------------------------------------------------------------------------------------------

  private citations(i: number): Citation[] {
    const out: Citation[] = [];
    const seen = new Set<string>();
    for (const m of this.built[i]!.mentions) {
      const article = this.articles[m.article]!;
      const sentence: Sentence = article.sentences[m.sentence]!;
      if (seen.has(sentence.id)) continue;
      seen.add(sentence.id);
      out.push(cite(article, sentence.start, sentence.end));
      if (out.length >= MAX_ENTITY_CITATIONS) break;
    }
    return out;
  }

  private resolveIndex(name: string): number | undefined {
    const q = queryKey(name);
    if (q.length === 0) return undefined;
    const direct = this.byKey.get(q) ?? this.byKey.get(nameKey(name));
    if (direct !== undefined) return direct;
    // A surname alone, or a given name + surname where the corpus has a middle name too.
    const words = q.split(' ');
    let found: number | undefined;
    for (const [i, b] of this.built.entries()) {
      if (b.entity.kind !== 'person') continue;
      const full = b.nameKey.split(' ');
      if (full.at(-1) !== words.at(-1) || !words.every((w) => full.includes(w))) continue;
      if (found === undefined || b.entity.mentions > this.built[found]!.entity.mentions) found = i;
    }
    return found;
  }

  /** Entities ranked by how well their name words match the query's, allowing prefixes and small typos. */
  private fuzzy(name: string): number[] {
    const q = queryKey(name);
    if (q.length < 2) return [];
    const qWords = q.split(' ');
    const scored: [number, number][] = [];
    this.built.forEach((b, i) => {
      let total = 0;
      for (const w of qWords) {
        let bestWord = 0;
        for (const t of b.tokens) bestWord = Math.max(bestWord, wordMatch(w, t));
        if (bestWord === 0) return;
        total += bestWord;
      }
      scored.push([i, total / qWords.length]);
    });
    scored.sort((a, b) => b[1] - a[1] || this.built[b[0]]!.entity.mentions - this.built[a[0]]!.entity.mentions);
    return scored.map(([i]) => i);
  }
}

/** How well one query word matches one name word: exact 1, prefix 0.8, a typo or two 0.6/0.5, else 0. */
function wordMatch(q: string, t: string): number {
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
function queryKey(text: string): string {
  return stripTitles(text).words.join(' ');
}

function stripTitles(text: string): { words: string[]; text: string; hadTitle: boolean; capitalised: boolean } {
  const toks = tokenize(text.trim()).filter((t) => t.word);
  let n = 0;
  while (n < toks.length - 1 && (toks[n]!.key === 'the' || ROLE_HEADS.has(toks[n]!.key) || ROLE_MODIFIERS.has(toks[n]!.key) || HONORIFICS.has(toks[n]!.key) || isDemonym(toks[n]!.key))) n++;
  const rest = toks.slice(n);
  const hadTitle = toks.slice(0, n).some((t) => ROLE_HEADS.has(t.key));
  return {
    words: rest.map((t) => t.key).filter((k) => k.length > 0),
    text: rest.map((t) => t.text).join(' '),
    hadTitle,
    capitalised: rest.length > 0 && rest.every((t) => t.cap || t.key.length <= 3),
  };
}

function addMention(s: NameStats, m: RawMention, ref: MentionRef): void {
  s.surfaces.set(m.surface, (s.surfaces.get(m.surface) ?? 0) + 1);
  for (const k of Object.keys(m.evidence) as (keyof Evidence)[]) s.evidence[k] += m.evidence[k];
  if (m.organization) s.organization = true;
  s.mentions.push(ref);
}

/** "By Jane Doe and John Roe" → the names; outlets and agencies in the byline are not authors. */
export function bylineNames(author: string | null): string[] {
  if (!author) return [];
  return author
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|&|\band\b|\/|;)\s*/)
    .map((p) => p.trim())
    .filter((p) => /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(p) && lexiconKind(nameKey(p)) === null);
}

/** Name keys → entities: explicit links, acronyms, surnames; then each cluster's kind, name, roles and mentions. */
function cluster(names: Map<string, NameStats>, links: [string, string][], wordStats: WordStats): Built[] {
  const singles = new Set([...names.values()].filter((s) => s.words.length === 1 && s.mentions.length > 0).map((s) => s.key));
  const scores = new Map<string, Scores>();
  for (const s of names.values()) scores.set(s.key, scoreName(s, wordStats, singles));
  const kindOf = (k: string): [EntityKind, number] => best(scores.get(k)!);
  const clusters = new Clusters();
  for (const [a, b] of links) if (names.has(a) && names.has(b)) clusters.union(a, b);
  linkAcronyms(names, clusters, kindOf);
  const surnames = new Set<string>();
  const reassigned = linkSurnames(names, clusters, kindOf, surnames);
  linkShortOrgNames(names, clusters, kindOf);

  const members = new Map<string, NameStats[]>();
  const mentionsOf = new Map<string, MentionRef[]>();
  for (const s of names.values()) {
    const root = clusters.find(s.key);
    pushTo(members, root, s);
    for (const m of s.mentions) {
      const owner = clusters.find(reassigned.get(m) ?? s.key);
      pushTo(mentionsOf, owner, m);
    }
  }
  const built: Built[] = [];
  for (const [root, group] of members) {
    const total: Scores = { person: 0, organization: 0, place: 0 };
    // A surname counts only as a person: its other clues ("Throneberry's …") are about the word, not the entity.
    for (const s of group) for (const k of KINDS) if (!surnames.has(s.key) || k === 'person') total[k] += scores.get(s.key)![k];
    const [kind, score] = best(total);
    if (score < MIN_SCORE) continue;
    const mentions = mentionsOf.get(root) ?? [];
    const bylines = group.reduce((n, s) => n + s.bylines, 0);
    if (mentions.length + bylines === 0) continue;
    mentions.sort((a, b) => a.article - b.article || a.sentence - b.sentence || a.start - b.start);
    const entity = describe(group, kind, mentions);
    built.push({
      entity,
      nameKey: nameKey(entity.name),
      keys: [...new Set([...group.map((s) => s.key), ...entity.aliases.map(nameKey)])],
      tokens: [...new Set(group.flatMap((s) => s.words))],
      mentions,
    });
  }
  built.sort((a, b) => b.entity.mentions - a.entity.mentions || a.entity.name.localeCompare(b.entity.name));
  return built;
}

/**
 * A cluster → its entity: the fullest name, every other way it was written, the roles stated at its mentions
 * (bylines give "author"), in the order first stated.
 */
function describe(group: NameStats[], kind: EntityKind, refs: MentionRef[]): Entity {
  const first = (s: NameStats): number => {
    const m = s.mentions[0];
    return m ? m.article * 1e6 + m.sentence : Number.MAX_SAFE_INTEGER;
  };
  const fullest = [...group].sort((a, b) => b.words.length - a.words.length || b.mentions.length - a.mentions.length || first(a) - first(b))[0]!;
  const name = mostFrequent(fullest.surfaces);
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  const addAlias = (surface: string): void => {
    if (!seen.has(surface.toLowerCase())) aliases.push(surface);
    seen.add(surface.toLowerCase());
  };
  for (const m of refs) addAlias(m.surface);
  for (const s of group) for (const surface of s.surfaces.keys()) addAlias(surface);
  const roles: string[] = [];
  const addRole = (r: string): void => {
    if (!roles.some((x) => x.toLowerCase() === r.toLowerCase())) roles.push(r);
  };
  if (kind === 'person') {
    for (const m of refs) m.roles.forEach(addRole);
    if (group.some((s) => s.bylines > 0)) addRole('author');
  }
  const bylines = group.reduce((n, s) => n + s.bylines, 0);
  return { name, kind, roles, aliases, mentions: refs.length + bylines };
}

/** The surname of a full name: its last word, or the one before "Jr."/"III". */
function surnameOf(words: string[]): string {
  const last = words.at(-1)!;
  return NAME_SUFFIXES.has(last) && words.length > 1 ? words.at(-2)! : last;
}

/** Does a role phrase name the same office as one of these? "Former President" is "President"; "Vice President" is not. */
function sameRole(role: string, others: string[]): boolean {
  const office = (r: string): string => r.toLowerCase().replace(/^(?:(?:former|then|ex|acting|interim|late)[\s-]+)+/, '');
  return others.some((o) => office(o) === office(role));
}

/** "US" ↔ "United States", "UN" ↔ "United Nations": an acronym and the one multi-word name it abbreviates. */
function linkAcronyms(names: Map<string, NameStats>, clusters: Clusters, kindOf: (k: string) => [EntityKind, number]): void {
  const byInitials = new Map<string, string[]>();
  for (const s of names.values()) {
    if (s.words.length < 2 || kindOf(s.key)[0] === 'person') continue;
    for (const i of initials(mostFrequent(s.surfaces))) pushTo(byInitials, i, s.key);
  }
  for (const s of names.values()) {
    const surface = mostFrequent(s.surfaces);
    if (s.words.length !== 1 || !isAcronymSurface(surface)) continue;
    const candidates = [...new Set(byInitials.get(surface.replace(/\./g, '')) ?? [])];
    if (candidates.length === 1) clusters.union(s.key, candidates[0]!);
  }
}

/**
 * "Northwind" ↔ "Northwind Analytics Inc.", "City" ↔ "Manchester City": a single word that starts (or ends) exactly
 * one organisation's longer name. An organisation noun alone ("Council") is not a short name.
 */
function linkShortOrgNames(names: Map<string, NameStats>, clusters: Clusters, kindOf: (k: string) => [EntityKind, number]): void {
  const byEdgeWord = new Map<string, Set<string>>();
  for (const s of names.values()) {
    const [kind, score] = kindOf(s.key);
    if (s.words.length < 2 || kind !== 'organization' || score < MIN_SCORE) continue;
    // The last word only when no "of" precedes it: "Rotary Club of Providence" is not "Providence".
    const edges = s.words.includes('of') ? [s.words[0]!] : [s.words[0]!, s.words.at(-1)!];
    for (const w of edges) byEdgeWord.set(w, (byEdgeWord.get(w) ?? new Set()).add(s.key));
  }
  for (const s of names.values()) {
    // Already a surname ("Rice" of "Mike Rice") or an alias of something else; or used as a place ("in Brevard").
    if (s.words.length !== 1 || ORG_CUES.has(s.key) || lexiconKind(s.key) || isGivenName(s.key) || clusters.size(s.key) > 1) continue;
    if (s.evidence.placePrep > 0) continue;
    const [kind, score] = kindOf(s.key);
    if (kind !== 'organization' && score >= 4) continue;
    const candidates = [...(byEdgeWord.get(s.key) ?? [])];
    if (candidates.length === 1) clusters.union(s.key, candidates[0]!);
  }
}

/**
 * A surname alone is the person named in full elsewhere ("Rama" → "Edi Rama"). When two people share it, each
 * mention goes to the one named in the same article (the nearest before it), else to the most mentioned.
 * Returns the mentions given to a specific person that way.
 */
function linkSurnames(
  names: Map<string, NameStats>,
  clusters: Clusters,
  kindOf: (k: string) => [EntityKind, number],
  surnames: Set<string>,
): Map<MentionRef, string> {
  const bySurname = new Map<string, NameStats[]>();
  for (const s of names.values()) {
    if (s.words.length < 2 || kindOf(s.key)[0] !== 'person' || kindOf(s.key)[1] < MIN_SCORE) continue;
    const last = surnameOf(s.words);
    for (const form of new Set([last, last.split('-').at(-1)!])) pushTo(bySurname, form, s);
  }
  const firstNames = new Map<string, NameStats[]>();
  for (const list of bySurname.values()) for (const p of list) if (!(firstNames.get(p.words[0]!) ?? []).includes(p)) pushTo(firstNames, p.words[0]!, p);
  const reassigned = new Map<MentionRef, string>();
  for (const s of names.values()) {
    const last = surnameOf(s.words);
    // "Pope John", "King James": a titled given name alone is a monarch's or pope's name, not a surname.
    const titledGivenName = s.evidence.title + s.evidence.appositive > 0 && isGivenName(s.key);
    const candidates = (bySurname.get(last) ?? []).filter(
      (p) =>
        p !== s &&
        p.words.length > s.words.length &&
        s.words.every((w) => p.words.includes(w) || p.words.some((pw) => pw.endsWith(`-${w}`))) &&
        (!titledGivenName || hasPersonEvidence(p)),
    );
    if (candidates.length === 0) {
      // Family name first ("Li Qiang … Li said"), or a first name alone: only when exactly one person fits.
      const byFirst = s.words.length === 1 ? (firstNames.get(s.key) ?? []).filter((p) => p !== s) : [];
      if (byFirst.length === 1 && !lexiconKind(s.key) && kindOf(s.key)[1] < 5) clusters.union(s.key, byFirst[0]!.key);
      continue;
    }
    // A name that is a place or organisation in its own right ("Washington") is not taken for a surname.
    const own = kindOf(s.key);
    if (own[0] !== 'person' && own[1] >= 5) continue;
    if (candidates.length === 1) {
      clusters.union(s.key, candidates[0]!.key);
      surnames.add(s.key);
      continue;
    }
    for (const m of s.mentions) {
      // "President Kennedy" goes to the Kennedy who is president, whichever Kennedy was named last.
      const byRole = m.roles.length > 0 ? candidates.filter((p) => p.mentions.some((pm) => pm.roles.some((r) => sameRole(r, m.roles)))) : [];
      if (byRole.length === 1) {
        reassigned.set(m, byRole[0]!.key);
        continue;
      }
      const sameArticle = candidates
        .map((p) => ({ p, before: p.mentions.filter((pm) => pm.article === m.article && (pm.sentence < m.sentence || (pm.sentence === m.sentence && pm.start < m.start))) }))
        .filter((c) => c.before.length > 0)
        .sort((a, b) => b.before.at(-1)!.sentence - a.before.at(-1)!.sentence);
      const owner = sameArticle[0]?.p ?? [...candidates].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
      reassigned.set(m, owner.key);
    }
  }
  return reassigned;
}
