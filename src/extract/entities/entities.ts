// The people, organisations and places a story names: found from news-prose evidence (titles, appositives, bylines,
// speech verbs, organisation and place nouns) on top of compromise's lexicon, with aliases resolved across the corpus
// ("Rama" → "Edi Rama", "MEK" → "People’s Mujahideen of Iran", "U.S." → "United States"). EntityIndex is one class of
// about 450 lines, kept whole: its lookups and its updates one article at a time share the maps they keep in step.
// Reading the articles for names is in scan.ts, a name as typed in a query in queries.ts.
import nlp from 'compromise';
import { articleOrder, cite } from '../../model/citation.js';
import type { Article, Citation, Entity, Sentence } from '../../model/types.js';
import { partitionPoint, pushTo } from '../../util/collections.js';
import { SURNAME_NEVER, cluster, type Built } from './clusters.js';
import type { MentionRef, NameStats } from './scores.js';
import { addWordStats, type WordStats } from './mentions.js';
import { queryKey, stripTitles, wordMatch } from './queries.js';
import { bylineNames, scanArticles } from './scan.js';
import { NAME_SUFFIXES, ORG_CONNECTORS, hasOrgCue, hasPlaceCue, isDemonym, isGivenName, lexiconKind, nameKey } from '../names.js';

/** At most this many citations per entity: the first mentions, in article order. */
export const MAX_ENTITY_CITATIONS = 10;
const NO_NAMES: readonly string[] = [];

/** Most mentioned first, then by name: the order `list()` gives. */
function byMentions(a: Built, b: Built): number {
  return b.entity.mentions - a.entity.mentions || a.entity.name.localeCompare(b.entity.name);
}

/**
 * The entities of a set of articles. Built from all of them at once (`build`), then kept up to date one article at
 * a time (`addArticle`, `removeArticle`) without a rebuild. An update is a bounded approximation of a rebuild:
 * - an added article's names are scanned with the corpus's word statistics (those of the articles it was built
 *   from, plus every article added since); other articles are not rescanned;
 * - each of its names joins the entity that already has that name or alias (or, for a surname alone, the most
 *   mentioned person with that surname, as `resolve` finds); names the index doesn't know are clustered, scored
 *   and described among themselves, as a rebuild does for names only this article states; a person it names in
 *   full for the first time takes in a person entity known only by that surname ("Wagner" → "Donald C. Wagner");
 * - a joined entity keeps its name and kind; the new ways it is written and roles stated are added after the old;
 * - removing an article drops its mentions and bylines (and an entity left with none), and describes the entity
 *   again from its remaining mentions (roles, aliases); its name and kind stay, and the word statistics keep its words.
 * What a rebuild can decide differently: an entity's name or kind when the evidence moves across a threshold, a
 * surname two people share (which mentions go to whom), a name whose score crosses the entity threshold only with
 * the new article's evidence, and merges through names that are not people's surnames (acronyms, short company
 * names). Mentions, citations, counts and sentence lookups are exact for the entities as they are; on the test
 * corpora (each article removed and put back) over 95% of entities and 97% of quote speakers equal a rebuild's.
 */
export class EntityIndex {
  /** Articles by slot: a mention's `article` is a slot; removed articles leave an empty slot. */
  private readonly slots: (Article | null)[];
  private readonly slotById = new Map<string, number>();
  private readonly byKey = new Map<string, Built>();
  private readonly bySentence = new Map<string, Built[]>();
  /** People by the last word of their name, for "Rama" → "Edi Rama" without scanning every entity. */
  private readonly bySurname = new Map<string, Built[]>();
  /** Entities by each of their name words, for forgiving lookups without scanning every entity. */
  private readonly byToken = new Map<string, Built[]>();
  /** Each entity's position in `built`, which is kept most mentioned first. */
  private readonly position = new Map<Built, number>();
  private sorted = true;
  /** Surnames by first name (lower case), built on first use and dropped on any update. */
  private firstNames: Map<string, string[]> | null = null;

  private constructor(
    articles: Article[],
    private readonly built: Built[],
    /** Which words the corpus writes in lower case or capitalised mid-sentence; made when first needed. */
    private wordStats: WordStats | null,
  ) {
    this.slots = [...articles];
    articles.forEach((a, i) => this.slotById.set(a.id, i));
    built.forEach((b, i) => this.register(b, i));
  }

  /** The index as plain data, to cache beside the search index; `fromJSON` needs the same articles. */
  toJSON(): { articleIds: string[]; built: Built[]; wordStats?: { lower: string[]; capitalisedMidSentence: string[] } } {
    const live = this.slots.map((a, slot) => ({ a, slot })).filter((x): x is { a: Article; slot: number } => x.a !== null);
    live.sort((x, y) => articleOrder(x.a, y.a));
    const renumber = new Map(live.map((x, i) => [x.slot, i]));
    const compact = live.every((x, i) => x.slot === i) && live.length === this.slots.length;
    const built = this.ordered().map((b) =>
      compact ? b : { ...b, mentions: b.mentions.map((m) => ({ ...m, article: renumber.get(m.article)! })) },
    );
    const ws = this.wordStats;
    return {
      articleIds: live.map((x) => x.a.id),
      built,
      ...(ws ? { wordStats: { lower: [...ws.lower], capitalisedMidSentence: [...ws.capitalisedMidSentence] } } : {}),
    };
  }

  /** Restores an index saved by `toJSON` over the same articles (in any order); throws if they differ. */
  static fromJSON(json: unknown, articles: Article[]): EntityIndex {
    const data = json as { articleIds?: unknown; built?: unknown; wordStats?: { lower?: unknown; capitalisedMidSentence?: unknown } };
    if (!Array.isArray(data?.articleIds) || !Array.isArray(data.built)) throw new Error('storydesk: entity index data is malformed');
    const byId = new Map(articles.map((a) => [a.id, a]));
    const ordered = (data.articleIds as string[]).map((id) => {
      const article = byId.get(id);
      if (!article) throw new Error(`storydesk: entity index data names an unknown article ${id}`);
      return article;
    });
    if (ordered.length !== articles.length) throw new Error('storydesk: entity index data covers other articles');
    const ws = data.wordStats;
    const wordStats =
      ws && Array.isArray(ws.lower) && Array.isArray(ws.capitalisedMidSentence)
        ? { lower: new Set(ws.lower as string[]), capitalisedMidSentence: new Set(ws.capitalisedMidSentence as string[]) }
        : null;
    return new EntityIndex(ordered, data.built as Built[], wordStats);
  }

  static build(articles: Article[]): EntityIndex {
    const ordered = [...articles].sort(articleOrder);
    const wordStats: WordStats = { lower: new Set(), capitalisedMidSentence: new Set() };
    for (const a of ordered) for (const s of a.sentences) addWordStats(wordStats, s.text);
    const { names, links } = scanArticles(ordered.map((article, slot) => ({ article, slot })), wordStats);
    return new EntityIndex(ordered, cluster(names, links, wordStats), wordStats);
  }

  /**
   * Adds one article's mentions and bylines (replacing an article of the same id); see the class comment. Returns
   * the other articles whose names now resolve to another entity (their quotes' speakers may change).
   */
  addArticle(article: Article): string[] {
    this.removeArticle(article.id);
    const slot = this.slots.length;
    this.slots.push(article);
    this.slotById.set(article.id, slot);
    const wordStats = this.ensureWordStats();
    for (const s of article.sentences) addWordStats(wordStats, s.text);
    const { names, links } = scanArticles([{ article, slot }], wordStats);

    // Names the index knows join their entity; names linked to one of those ("X, known as Y") join it too.
    const owner = new Map<string, Built>();
    for (const s of names.values()) {
      const b = this.byKey.get(s.key) ?? (s.words.length === 1 && !SURNAME_NEVER.has(s.key) ? this.resolveBuilt(s.key) : undefined);
      if (b) owner.set(s.key, b);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [a, b] of links) {
        const known = owner.get(a) ?? owner.get(b);
        for (const k of [a, b]) {
          if (known && names.has(k) && !owner.has(k)) {
            owner.set(k, known);
            changed = true;
          }
        }
      }
    }
    const joined = new Map<Built, NameStats[]>();
    const unknown = new Map<string, NameStats>();
    for (const s of names.values()) {
      const b = owner.get(s.key);
      if (b) pushTo(joined, b, s);
      else unknown.set(s.key, s);
    }
    for (const [b, group] of joined) this.join(b, group);
    // Names new to the story: clustered, scored and described among themselves.
    const fresh = cluster(unknown, links.filter(([a, b]) => unknown.has(a) && unknown.has(b)), wordStats);
    for (const b of fresh) {
      this.register(b, this.built.push(b) - 1);
    }
    this.changed();
    // A person named in full for the first time takes in the surname the story used alone until now ("Wagner" →
    // "Donald C. Wagner"), as a rebuild links a surname to the one person who has it.
    const affected = new Set<string>();
    for (const b of fresh) {
      const words = b.nameKey.split(' ');
      if (b.entity.kind !== 'person' || words.length < 2) continue;
      const surname = NAME_SUFFIXES.has(words.at(-1)!) && words.length > 2 ? words.at(-2)! : words.at(-1)!;
      const alone = this.byKey.get(surname);
      if (!alone || alone === b || alone.nameKey !== surname || alone.entity.kind !== 'person') continue;
      const others = (this.bySurname.get(surname) ?? []).filter((x) => x !== b && x !== alone && x.nameKey.includes(' '));
      if (others.length > 0) continue;
      for (const m of alone.mentions) affected.add(this.slots[m.article]!.id);
      this.absorb(b, alone);
    }
    affected.delete(article.id);
    return [...affected];
  }

  /** Drops one article's mentions and bylines; false when the index doesn't hold it. See the class comment. */
  removeArticle(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    const article = this.slots[slot]!;
    const touched = new Set<Built>();
    for (const s of article.sentences) {
      for (const b of this.bySentence.get(s.id) ?? []) touched.add(b);
      this.bySentence.delete(s.id);
    }
    const bylineOf = new Set<Built>();
    for (const author of bylineNames(article.author)) {
      const b = this.byKey.get(nameKey(author));
      if (b && b.entity.mentions > b.mentions.length) bylineOf.add(b);
      if (b) touched.add(b);
    }
    for (const b of touched) {
      const mentions = b.mentions.filter((m) => m.article !== slot);
      const bylines = b.entity.mentions - b.mentions.length - (bylineOf.has(b) ? 1 : 0);
      const gone = new Set(b.mentions.filter((m) => m.article === slot).map((m) => m.surface.toLowerCase()));
      b.mentions = mentions;
      b.entity = describeAgain(b.entity, mentions, bylines, (alias) => !gone.has(alias.toLowerCase()));
      if (b.entity.mentions === 0) this.dropEntity(b);
    }
    this.slots[slot] = null;
    this.slotById.delete(id);
    this.changed();
    return true;
  }

  /** All entities, most mentioned first. */
  list(): Entity[] {
    return this.ordered().map((b) => b.entity);
  }

  /** A forgiving lookup: exact, alias, surname, prefix, then small typos ("xhaka" → "Olta Xhacka"). */
  lookup(name: string): { entity: Entity; citations: Citation[] } | null {
    const b = this.resolveBuilt(name) ?? this.fuzzy(name)[0];
    if (b === undefined) return null;
    return { entity: b.entity, citations: this.citations(b) };
  }

  /** Autocomplete over names and aliases: prefix of the name, of an alias, of a word; then typos. */
  suggest(prefix: string, limit = 10): Entity[] {
    const q = queryKey(prefix);
    if (q.length === 0) return this.list().slice(0, limit);
    const ranked: [Built, number][] = [];
    this.ordered().forEach((b) => {
      let rank = -1;
      if (b.nameKey.startsWith(q)) rank = 0;
      else if (b.keys.some((k) => k.startsWith(q))) rank = 1;
      else if (b.tokens.some((t) => t.startsWith(q))) rank = 2;
      if (rank >= 0) ranked.push([b, rank]);
    });
    ranked.sort((a, b) => a[1] - b[1] || b[0].entity.mentions - a[0].entity.mentions);
    const out = ranked.map(([b]) => b);
    // Only when nothing starts with what was typed: then a typo is the likeliest reason.
    if (out.length === 0) out.push(...this.fuzzy(prefix));
    return out.slice(0, limit).map((b) => b.entity);
  }

  /** Exact-ish resolution: the name, an alias, an acronym, a surname ("Rama" → "Edi Rama"); no typos. */
  resolve(name: string): Entity | null {
    return this.resolveBuilt(name)?.entity ?? null;
  }

  /**
   * Is a word (lower case) written only capitalised in the articles, and not at a sentence's start: a word of a name
   * ("albania", "nato"), as opposed to a common word ("attack") or one they never use.
   */
  isNameWord(lower: string): boolean {
    const ws = this.ensureWordStats();
    return ws.capitalisedMidSentence.has(lower) && !ws.lower.has(lower);
  }

  /** The surnames of the people named in full with this first name (lower case): "elvis" → ["Presley"]. */
  surnamesOf(firstName: string): readonly string[] {
    if (!this.firstNames) {
      this.firstNames = new Map();
      for (const b of this.ordered()) {
        const parts = b.entity.name.split(/\s+/);
        if (b.entity.kind === 'person' && parts.length >= 2) pushTo(this.firstNames, parts[0]!.toLowerCase(), parts[parts.length - 1]!);
      }
    }
    return this.firstNames.get(firstName) ?? NO_NAMES;
  }

  /** Entities mentioned in a sentence, by sentence id (`${articleId}#p${n}.s${k}`). */
  inSentence(sentenceId: string): Entity[] {
    const found = this.bySentence.get(sentenceId);
    if (!found) return [];
    if (found.length > 1) {
      // Most mentioned first, as `list()`; sorted in place (already in order unless an update moved entities).
      this.ordered();
      found.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    }
    return found.map((b) => b.entity);
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

  /** After an update: `built` is to be sorted again, and what is derived from the entities to be rebuilt. */
  private changed(): void {
    this.sorted = false;
    this.firstNames = null;
  }

  /** `built`, most mentioned first (re-sorted after an update; ties keep their order). */
  private ordered(): Built[] {
    if (!this.sorted) {
      this.built.sort(byMentions);
      this.built.forEach((b, i) => this.position.set(b, i));
      this.sorted = true;
    }
    return this.built;
  }

  /** Indexes the entity at `position` of `built`: its position, names, words and mentions. */
  private register(b: Built, position: number): void {
    this.position.set(b, position);
    this.indexEntity(b);
    for (const k of b.keys) if (!this.byKey.has(k)) this.byKey.set(k, b);
    this.indexMentions(b, b.mentions);
  }

  private indexEntity(b: Built): void {
    if (b.entity.kind === 'person') pushTo(this.bySurname, b.nameKey.split(' ').at(-1)!, b);
    for (const t of new Set(b.tokens)) pushTo(this.byToken, t, b);
  }

  private indexMentions(b: Built, mentions: MentionRef[]): void {
    for (const m of mentions) {
      const id = this.slots[m.article]!.sentences[m.sentence]!.id;
      const list = this.bySentence.get(id);
      if (!list) this.bySentence.set(id, [b]);
      else if (!list.includes(b)) list.push(b);
    }
  }

  private ensureWordStats(): WordStats {
    if (!this.wordStats) {
      const ws: WordStats = { lower: new Set(), capitalisedMidSentence: new Set() };
      for (const a of this.slots) if (a) for (const s of a.sentences) addWordStats(ws, s.text);
      this.wordStats = ws;
    }
    return this.wordStats;
  }

  /** Adds an article's names (all of one entity) to that entity: mentions in article order, new aliases and roles. */
  private join(b: Built, group: NameStats[]): void {
    const refs = group.flatMap((s) => s.mentions).sort((x, y) => x.sentence - y.sentence || x.start - y.start);
    const bylines = group.reduce((n, s) => n + s.bylines, 0);
    // The mentions are in article order and the new ones all of one article: they go in at its place.
    const mentions = [...b.mentions];
    if (refs.length > 0) {
      const article = this.slots[refs[0]!.article]!;
      const at = partitionPoint(mentions.length, (i) => articleOrder(this.slots[mentions[i]!.article]!, article) <= 0);
      mentions.splice(at, 0, ...refs);
    }
    const entity = b.entity;
    const seen = new Set([entity.name.toLowerCase(), ...entity.aliases.map((a) => a.toLowerCase())]);
    const aliases = [...entity.aliases];
    const addAlias = (surface: string): void => {
      if (!seen.has(surface.toLowerCase())) aliases.push(surface);
      seen.add(surface.toLowerCase());
    };
    for (const m of refs) addAlias(m.surface);
    for (const s of group) for (const surface of s.surfaces.keys()) addAlias(surface);
    const roles = [...entity.roles];
    if (entity.kind === 'person') {
      const addRole = (r: string): void => {
        if (!roles.some((x) => x.toLowerCase() === r.toLowerCase())) roles.push(r);
      };
      for (const m of refs) m.roles.forEach(addRole);
      if (bylines > 0) addRole('author');
    }
    b.entity = { ...entity, roles, aliases, mentions: entity.mentions + refs.length + bylines };
    b.mentions = mentions;
    const newKeys = [...group.map((s) => s.key), ...aliases.slice(entity.aliases.length).map(nameKey)].filter((k) => !b.keys.includes(k));
    b.keys = [...b.keys, ...new Set(newKeys)];
    for (const k of newKeys) if (!this.byKey.has(k)) this.byKey.set(k, b);
    const newTokens = [...new Set(group.flatMap((s) => s.words))].filter((w) => !ORG_CONNECTORS.has(w) && !b.tokens.includes(w));
    b.tokens = [...b.tokens, ...newTokens];
    for (const t of newTokens) pushTo(this.byToken, t, b);
    this.indexMentions(b, refs);
  }

  /** Makes `from` part of `into`: its mentions, bylines, keys and words; `into` keeps its name and kind. */
  private absorb(into: Built, from: Built): void {
    const order = (m: MentionRef): Article => this.slots[m.article]!;
    const mentions = [...into.mentions, ...from.mentions].sort(
      (x, y) => (x.article === y.article ? 0 : articleOrder(order(x), order(y))) || x.sentence - y.sentence || x.start - y.start,
    );
    const bylines = into.entity.mentions - into.mentions.length + from.entity.mentions - from.mentions.length;
    const others = [...into.entity.aliases, from.entity.name, ...from.entity.aliases];
    const entity = describeAgain({ ...into.entity, aliases: others }, mentions, bylines, () => true);
    this.dropEntity(from);
    into.mentions = mentions;
    into.entity = entity;
    const keys = from.keys.filter((k) => !into.keys.includes(k));
    into.keys = [...into.keys, ...keys];
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, into);
    const tokens = from.tokens.filter((t) => !into.tokens.includes(t));
    into.tokens = [...into.tokens, ...tokens];
    for (const t of tokens) pushTo(this.byToken, t, into);
    this.indexMentions(into, from.mentions);
    this.changed();
  }

  private dropEntity(b: Built): void {
    this.ordered();
    this.built.splice(this.position.get(b)!, 1);
    this.position.delete(b);
    this.built.forEach((x, i) => this.position.set(x, i));
    const unlist = (map: Map<string, Built[]>, key: string): void => {
      const list = map.get(key)?.filter((x) => x !== b);
      if (!list || list.length === 0) map.delete(key);
      else map.set(key, list);
    };
    if (b.entity.kind === 'person') unlist(this.bySurname, b.nameKey.split(' ').at(-1)!);
    for (const m of b.mentions) {
      const article = this.slots[m.article];
      if (article) unlist(this.bySentence, article.sentences[m.sentence]!.id);
    }
    for (const t of new Set(b.tokens)) unlist(this.byToken, t);
    for (const k of b.keys) {
      if (this.byKey.get(k) !== b) continue;
      // The key now names the next entity that has it, as a rebuild would order them.
      const next = this.built.find((x) => x.keys.includes(k));
      if (next) this.byKey.set(k, next);
      else this.byKey.delete(k);
    }
  }

  private citations(b: Built): Citation[] {
    const out: Citation[] = [];
    const seen = new Set<string>();
    for (const m of b.mentions) {
      const article = this.slots[m.article]!;
      const sentence: Sentence = article.sentences[m.sentence]!;
      if (seen.has(sentence.id)) continue;
      seen.add(sentence.id);
      out.push(cite(article, sentence.start, sentence.end));
      if (out.length >= MAX_ENTITY_CITATIONS) break;
    }
    return out;
  }

  private resolveBuilt(name: string): Built | undefined {
    const q = queryKey(name);
    if (q.length === 0) return undefined;
    // As written; without a leading "the"/"its"; without titles ("Prime Minister Rama's" → "rama").
    const bare = nameKey(name).replace(/^(?:(?:the|a|an|its|his|her|their|our) )+/, '');
    const direct = this.byKey.get(nameKey(name)) ?? this.byKey.get(bare) ?? this.byKey.get(q);
    if (direct !== undefined) return direct;
    // A surname alone, or a given name + surname where the corpus has a middle name too.
    const words = q.split(' ');
    let found: Built | undefined;
    for (const b of this.bySurname.get(words.at(-1)!) ?? []) {
      const full = b.nameKey.split(' ');
      if (full.at(-1) !== words.at(-1) || !words.every((w) => full.includes(w))) continue;
      if (found === undefined || b.entity.mentions > found.entity.mentions) found = b;
    }
    return found;
  }

  /**
   * Entities ranked by how well their name words match the query's, allowing prefixes and small typos. Each
   * distinct name word is compared once; only entities with a matching word for every query word are scored.
   */
  private fuzzy(name: string): Built[] {
    const q = queryKey(name);
    if (q.length < 2) return [];
    const qWords = q.split(' ').filter((w) => !ORG_CONNECTORS.has(w));
    if (qWords.length === 0) return [];
    const perWord = qWords.map((w) => {
      const best = new Map<Built, number>();
      for (const [t, owners] of this.byToken) {
        const score = wordMatch(w, t);
        if (score === 0) continue;
        for (const b of owners) if ((best.get(b) ?? 0) < score) best.set(b, score);
      }
      return best;
    });
    const scored: [Built, number][] = [];
    for (const [b, first] of perWord[0]!) {
      let total = first;
      for (const best of perWord.slice(1)) {
        const s = best.get(b);
        if (s === undefined) {
          total = -1;
          break;
        }
        total += s;
      }
      if (total >= 0) scored.push([b, total / qWords.length]);
    }
    this.ordered();
    scored.sort(
      (a, b) => b[1] - a[1] || b[0].entity.mentions - a[0].entity.mentions || this.position.get(a[0])! - this.position.get(b[0])!,
    );
    return scored.map(([b]) => b);
  }
}

/**
 * An entity's description after its mentions changed, as `describe` in entity-clusters would give it from its
 * mentions: roles as first stated (and "author" while it has bylines), aliases as first written, then the other
 * aliases it had that `keep` accepts (ways it was written that the mentions don't show: bylines, a surname's own).
 */
function describeAgain(entity: Entity, mentions: MentionRef[], bylines: number, keep: (alias: string) => boolean): Entity {
  const seen = new Set([entity.name.toLowerCase()]);
  const aliases: string[] = [];
  const addAlias = (surface: string): void => {
    if (!seen.has(surface.toLowerCase())) aliases.push(surface);
    seen.add(surface.toLowerCase());
  };
  // A shared surname keeps the titled form it was given ("Mrs. Kennedy"), as `describe` wrote it.
  for (const m of mentions) addAlias(m.titled !== undefined && entity.aliases.includes(m.titled) ? m.titled : m.surface);
  for (const a of entity.aliases) if (keep(a)) addAlias(a);
  let roles = entity.roles;
  if (entity.kind === 'person') {
    roles = [];
    const addRole = (r: string): void => {
      if (!roles.some((x) => x.toLowerCase() === r.toLowerCase())) roles.push(r);
    };
    for (const m of mentions) m.roles.forEach(addRole);
    if (bylines > 0) addRole('author');
  }
  return { ...entity, roles, aliases, mentions: mentions.length + bylines };
}
