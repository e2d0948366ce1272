// The people, organisations and places a story names: found from news-prose evidence (titles, appositives, bylines,
// speech verbs, organisation and place nouns) on top of compromise's lexicon, with aliases resolved across the corpus
// ("Rama" → "Edi Rama", "MEK" → "People’s Mujahideen of Iran", "U.S." → "United States").
import nlp from 'compromise';
import { cite } from '../engine/citation.js';
import type { Article, Citation, Entity, Sentence } from '../engine/types.js';
import { cluster, type Built } from './entity-clusters.js';
import { newStats, type MentionRef, type NameStats } from './entity-scores.js';
import { addWordStats, scanSentence, type Evidence, type RawMention, type WordStats } from './mentions.js';
import {
  HONORIFICS,
  ORG_CONNECTORS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  editDistance,
  hasOrgCue,
  hasPlaceCue,
  isDemonym,
  isGivenName,
  lexiconKind,
  nameKey,
  tokenize,
  typoBudget,
} from './names.js';

/** At most this many citations per entity: the first mentions, in article order. */
export const MAX_ENTITY_CITATIONS = 10;
const NO_ROLES: string[] = [];
/** Words before a name in a query or a quote's attribution that are not part of it ("its Foreign Ministry"). */
const LEADING_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);

export class EntityIndex {
  private readonly byKey = new Map<string, number>();
  private readonly bySentence = new Map<string, number[]>();
  /** People by the last word of their name, for "Rama" → "Edi Rama" without scanning every entity. */
  private readonly bySurname = new Map<string, number[]>();

  private constructor(
    private readonly articles: Article[],
    private readonly built: Built[],
  ) {
    built.forEach((b, i) => {
      if (b.entity.kind === 'person') {
        const surname = b.nameKey.split(' ').at(-1)!;
        this.bySurname.set(surname, [...(this.bySurname.get(surname) ?? []), i]);
      }
      for (const k of b.keys) if (!this.byKey.has(k)) this.byKey.set(k, i);
      for (const m of b.mentions) {
        const id = articles[m.article]!.sentences[m.sentence]!.id;
        const list = this.bySentence.get(id) ?? [];
        if (!list.includes(i)) list.push(i);
        this.bySentence.set(id, list);
      }
    });
  }

  /** The index as plain data, to cache beside the search index; `fromJSON` needs the same articles. */
  toJSON(): { articleIds: string[]; built: Built[] } {
    return { articleIds: this.articles.map((a) => a.id), built: this.built };
  }

  /** Restores an index saved by `toJSON` over the same articles (in any order); throws if they differ. */
  static fromJSON(json: unknown, articles: Article[]): EntityIndex {
    const data = json as { articleIds?: unknown; built?: unknown };
    if (!Array.isArray(data?.articleIds) || !Array.isArray(data.built)) throw new Error('storydesk: entity index data is malformed');
    const byId = new Map(articles.map((a) => [a.id, a]));
    const ordered = (data.articleIds as string[]).map((id) => {
      const article = byId.get(id);
      if (!article) throw new Error(`storydesk: entity index data names an unknown article ${id}`);
      return article;
    });
    if (ordered.length !== articles.length) throw new Error('storydesk: entity index data covers other articles');
    return new EntityIndex(ordered, data.built as Built[]);
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
          const ref = {
            article: ai,
            sentence: si,
            start: m.start,
            end: m.end,
            surface: m.surface,
            roles: m.roles.length > 0 ? m.roles : NO_ROLES,
          };
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
    ranked.sort(
      (a, b) => a[1] - b[1] || this.built[b[0]]!.entity.mentions - this.built[a[0]]!.entity.mentions,
    );
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
    // As written; without a leading "the"/"its"; without titles ("Prime Minister Rama's" → "rama").
    const bare = nameKey(name).replace(/^(?:(?:the|a|an|its|his|her|their|our) )+/, '');
    const direct = this.byKey.get(nameKey(name)) ?? this.byKey.get(bare) ?? this.byKey.get(q);
    if (direct !== undefined) return direct;
    // A surname alone, or a given name + surname where the corpus has a middle name too.
    const words = q.split(' ');
    let found: number | undefined;
    for (const i of this.bySurname.get(words.at(-1)!) ?? []) {
      const b = this.built[i]!;
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
    const qWords = q.split(' ').filter((w) => !ORG_CONNECTORS.has(w));
    if (qWords.length === 0) return [];
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
    scored.sort(
      (a, b) => b[1] - a[1] || this.built[b[0]]!.entity.mentions - this.built[a[0]]!.entity.mentions,
    );
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

function stripTitles(text: string): {
  words: string[];
  text: string;
  hadTitle: boolean;
  capitalised: boolean;
} {
  const toks = tokenize(text.trim()).filter((t) => t.word);
  let n = 0;
  while (
    n < toks.length - 1 &&
    (LEADING_DETERMINERS.has(toks[n]!.key) ||
      ROLE_HEADS.has(toks[n]!.key) ||
      ROLE_MODIFIERS.has(toks[n]!.key) ||
      HONORIFICS.has(toks[n]!.key) ||
      isDemonym(toks[n]!.key))
  )
    n++;
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
    .filter(
      (p) =>
        /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(p) && lexiconKind(nameKey(p)) === null,
    );
}
