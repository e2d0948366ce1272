// The story: the corpus, its passage index and everything derived from it, behind the StoryEngine interface.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type MiniSearch from 'minisearch';
import { partitionPoint } from '../util/collections.js';
import { writeFileAtomic } from '../util/files.js';
import { articleKey, duplicateProblem, loadCorpus } from '../corpus/load.js';
import { parseArticle, type ParseResult } from '../corpus/parse.js';
import { EntityIndex } from '../extract/entities/entities.js';
import { extractQuotes, filterQuotes, defaultSpeakerMatches, quotesOf } from '../extract/quotes/quotes.js';
import { addToTimeline, buildTimeline, filterTimelineByNames, removeFromTimeline, weightsFrom } from '../extract/timeline.js';
import { wordNet } from '../text/synonyms.js';
import { keyWord, terms, words } from '../text/terms.js';
import { DEMONYM_ENDINGS, isDemonymOf } from '../text/demonyms.js';
import { articleOrder } from '../model/citation.js';
import { restoreCitations, stringifyCompact } from './derived-cache.js';
import { prepareQuestion } from '../ask/input.js';
import { AcronymIndex, ask as answerQuestion, rankCandidates, type AskContext, type Scored } from '../ask/ask.js';
import { namesIn, nearbyPassages, type Nearby, type NearbyContext } from '../ask/nearby.js';
import { resolveFollowUp, type Exchange, type FollowUpContext } from '../ask/follow-up.js';
import type { TermStats } from '../index/stats.js';
import type { FollowUpAnswer, StoryEngine, WhoResult } from './engine.js';
import { addToIndex, buildPassages, loadOrBuildIndex, removeFromIndex, type IndexedDoc, type IndexSource, type Passage } from '../index/search.js';
import type {
  Answer,
  Article,
  AskResult,
  CorpusProblem,
  Entity,
  Quote,
  QuoteFilter,
  Sentence,
  TimelineEvent,
  TimelineFilter,
} from '../model/types.js';

export type LogFn = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface StoryOptions {
  /** The folder of article files. */
  corpusDir: string;
  /** Where the index cache lives; null disables it. Default: `<corpusDir>/../.cache/storydesk`. */
  cacheDir?: string | null;
  log?: LogFn;
  /** When each article was first served (the database's record), so that of two copies the earlier one stays. */
  firstSeen?: ReadonlyMap<string, string>;
}

export function defaultCacheDir(corpusDir: string): string {
  return path.join(path.dirname(path.resolve(corpusDir)), '.cache', 'storydesk');
}

export class Story implements StoryEngine {
  private articleList: Article[] = [];
  private readonly byId = new Map<string, Article>();
  private readonly passages = new Map<string, Passage>();
  /** Terms of sentences seen by recent questions; bounded so memory doesn't grow with use. */
  private readonly termMemo = new Map<string, readonly string[]>();
  private acronymIndex: AcronymIndex | null = null;
  /** Timeline, entities and quotes: derived from all articles, updated one article at a time after a change. */
  private derivedData: Derived | null = null;
  private corpusProblems: CorpusProblem[] = [];

  private constructor(
    private readonly index: MiniSearch<IndexedDoc>,
    private readonly stats: TermStats,
    readonly indexSource: IndexSource,
    articles: Article[],
    problems: CorpusProblem[],
    passages: Passage[],
  ) {
    this.corpusProblems = problems;
    for (const a of articles) this.byId.set(a.id, a);
    for (const p of passages) this.passages.set(p.id, p);
    this.sortArticles();
  }

  static async load(options: StoryOptions): Promise<Story> {
    const log = options.log ?? (() => {});
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir(options.corpusDir) : options.cacheDir;
    const corpus = await loadCorpus(options.corpusDir, { cacheDir, warn: (m) => log('warn', m), firstSeen: options.firstSeen });
    for (const p of corpus.problems) log('warn', `corpus: ${p.file}: ${p.field}: ${p.message} (skipped)`);
    for (const w of corpus.warnings) log('warn', `corpus: ${w.file}: ${w.field}: ${w.message}`);
    if (corpus.articles.length === 0) log('warn', `corpus: ${options.corpusDir} holds no articles yet; add Markdown files (see the README)`);
    const passages = buildPassages(corpus.articles);
    const loaded = await loadOrBuildIndex(corpus.articles, passages, cacheDir, (m) => log('warn', m));
    log('info', `story: ${corpus.articles.length} articles, ${passages.length} passages, index ${loaded.source}`);
    const story = new Story(loaded.index, loaded.stats, loaded.source, corpus.articles, corpus.problems, passages);
    // Timeline, entities and quotes are ready before the story serves, so no question pays for them.
    const derivedSource = await story.loadOrBuildDerived(cacheDir, loaded.hash, (m) => log('warn', m));
    // Built here, the extraction code has just run; read from the cache, it has not.
    if (derivedSource === 'cache') warmUp();
    return story;
  }

  /** Timeline, quotes and entities come from the cache when it was made for these articles by this code; else built and cached. */
  private async loadOrBuildDerived(cacheDir: string | null, hash: string, warn: (message: string) => void): Promise<IndexSource> {
    const articles = this.sortedArticles();
    const file = cacheDir ? path.join(cacheDir, `story-${hash}.json`) : null;
    const cached = file ? await readFile(file, 'utf8').catch(() => null) : null;
    if (cached !== null) {
      try {
        const json = JSON.parse(cached) as { timeline?: unknown; quotes?: unknown; entities?: unknown };
        if (!Array.isArray(json.timeline) || !Array.isArray(json.quotes)) throw new Error('missing timeline or quotes');
        const entities = EntityIndex.fromJSON(json.entities, articles);
        const timeline = restoreCitations(json.timeline as TimelineEvent[], articles);
        const quotes = restoreCitations(json.quotes as Quote[], articles);
        this.derivedData = { entities, timeline, quotes };
        return 'cache';
      } catch (error) {
        warn(`storydesk: story cache ${file} is corrupt (${(error as Error).message}); rebuilding`);
      }
    }
    const derived = this.derived();
    if (!file) return 'built';
    try {
      // Citations as (article, paragraph, offsets) into `articles` (date order): 20 → 7 MB at 100k passages.
      const json = `{"timeline":${stringifyCompact(derived.timeline, articles)},"quotes":${stringifyCompact(derived.quotes, articles)},"entities":${JSON.stringify(derived.entities)}}`;
      await writeFileAtomic(file, json);
    } catch (error) {
      warn(`storydesk: cannot write the story cache ${file} (${(error as Error).message}); continuing without it`);
    }
    return 'built';
  }

  private sortedArticles(): Article[] {
    return [...this.byId.values()].sort(articleOrder);
  }

  private sentenceTerms(sentence: Sentence): readonly string[] {
    let t = this.termMemo.get(sentence.id);
    if (!t) {
      if (this.termMemo.size >= 20_000) this.termMemo.clear();
      t = terms(sentence.text);
      this.termMemo.set(sentence.id, t);
    }
    return t;
  }

  private acronyms(): AcronymIndex {
    if (!this.acronymIndex) {
      this.acronymIndex = new AcronymIndex();
      for (const p of this.passages.values()) this.acronymIndex.add(p.sentence.text);
    }
    return this.acronymIndex;
  }

  private sortArticles(): void {
    this.articleList = [...this.byId.values()].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  /**
   * Adds or replaces one article without rebuilding the index, and brings the timeline, entities and quotes (when
   * built) up to date with it: only its own mentions and quotes are computed (see `addDerived`).
   */
  upsertArticle(article: Article): void {
    this.removeArticle(article.id);
    this.byId.set(article.id, article);
    const passages = buildPassages([article]);
    addToIndex(this.index, passages);
    for (const p of passages) {
      this.passages.set(p.id, p);
      this.stats.add(terms(p.sentence.text));
      this.acronymIndex?.add(p.sentence.text);
    }
    this.sortArticles();
    if (this.derivedData) this.derivedData = this.addDerived(this.derivedData, article);
  }

  removeArticle(id: string): boolean {
    const article = this.byId.get(id);
    if (!article) return false;
    removeFromIndex(this.index, article.sentences.map((s) => s.id));
    for (const s of article.sentences) {
      this.stats.remove(terms(s.text));
      this.termMemo.delete(s.id);
      this.passages.delete(s.id);
    }
    this.byId.delete(id);
    this.sortArticles();
    if (this.derivedData) this.derivedData = this.removeDerived(this.derivedData, id);
    return true;
  }

  /**
   * The derived data with one more article, without a rebuild: the entity index takes its names, its dated mentions
   * join the timeline's events, its quotes (attributed with the updated entity index) go in at its place in article
   * order. Other articles' events, entities and quotes are kept as they were (their quotes' speakers are not
   * re-resolved); where that can differ from a rebuild is documented on `EntityIndex` and `addToTimeline`.
   */
  private addDerived(derived: Derived, article: Article): Derived {
    const reattribute = new Set(derived.entities.addArticle(article));
    const timeline = addToTimeline(derived.timeline, article, weightsFrom(this.stats), this.byId);
    const added = quotesOf(article, derived.entities);
    // Quotes are in article order: the article's go in after those of every article before it.
    const at = partitionPoint(derived.quotes.length, (i) => articleOrder(derived.quotes[i]!.citation.article, article) <= 0);
    let quotes = [...derived.quotes.slice(0, at), ...added, ...derived.quotes.slice(at)];
    if (reattribute.size > 0) {
      // Articles naming someone the new article names in full: their quotations, attributed again (same spans, in order).
      const again = new Map<string, Quote[]>();
      for (const id of reattribute) {
        const other = this.byId.get(id);
        if (other) again.set(id, quotesOf(other, derived.entities));
      }
      const next = new Map<string, number>();
      quotes = quotes.map((q) => {
        const fresh = again.get(q.citation.article.id);
        if (!fresh) return q;
        const n = next.get(q.citation.article.id) ?? 0;
        next.set(q.citation.article.id, n + 1);
        return fresh[n] ?? q;
      });
    }
    return { entities: derived.entities, timeline, quotes };
  }

  private removeDerived(derived: Derived, id: string): Derived {
    derived.entities.removeArticle(id);
    const timeline = removeFromTimeline(derived.timeline, id, this.byId);
    const quotes = derived.quotes.some((q) => q.citation.article.id === id) ? derived.quotes.filter((q) => q.citation.article.id !== id) : derived.quotes;
    return { entities: derived.entities, timeline, quotes };
  }

  /**
   * A corpus file the watcher has read and validated. A valid article is served unless it repeats another's title
   * and date; an invalid file is reported, and the last good version of its article keeps serving. Returns the
   * file's problems (empty when the article was applied).
   */
  applyFile(id: string, parsed: ParseResult): CorpusProblem[] {
    const other = parsed.ok ? this.articleList.find((a) => a.id !== id && articleKey(a) === articleKey(parsed.article)) : undefined;
    const problems = !parsed.ok ? parsed.problems : other ? [duplicateProblem(parsed.article, other.id)] : [];
    this.corpusProblems = [...this.corpusProblems.filter((p) => p.file !== id), ...problems];
    if (parsed.ok && problems.length === 0) this.upsertArticle(parsed.article);
    return problems;
  }

  /** Forgets the article of a deleted corpus file. */
  removeFile(id: string): boolean {
    this.corpusProblems = this.corpusProblems.filter((p) => p.file !== id);
    return this.removeArticle(id);
  }

  private derived(): Derived {
    if (!this.derivedData) {
      const articles = this.sortedArticles();
      const entities = EntityIndex.build(articles);
      this.derivedData = { entities, timeline: buildTimeline(articles), quotes: extractQuotes(articles, entities) };
    }
    return this.derivedData;
  }

  /** Builds the timeline, entities and quotes now rather than at the first question that needs them. */
  prepare(): this {
    this.derived();
    return this;
  }

  /** Does an entity the question doesn't name appear in the sentence? (a who/where answer names someone or somewhere) */
  private mentionsOther(sentence: Sentence, exclude: ReadonlySet<string>, kinds: ReadonlySet<string>): boolean {
    return this.derived()
      .entities.inSentence(sentence.id)
      .some((e) => kinds.has(e.kind) && [e.name, ...e.aliases].every((n) => words(n).some((w) => !exclude.has(w))));
  }

  private askContext(): AskContext {
    return {
      index: this.index,
      passages: this.passages,
      articles: this.byId,
      stats: this.stats,
      sentenceTerms: (s) => this.sentenceTerms(s),
      acronyms: () => this.acronyms(),
      isNameWord: (lower) => this.derived().entities.isNameWord(lower),
      surnamesOf: (first) => this.derived().entities.surnamesOf(first),
      synonyms: (word, senses) => wordNet().synonyms(word, { senses }),
      annotator: {
        hasPerson: (s, exclude) => this.mentionsOther(s, exclude, ANSWERS_WHO),
        hasPlace: (s, exclude) => this.mentionsOther(s, exclude, ANSWERS_WHERE),
        hasEntity: (s, exclude) => this.mentionsOther(s, exclude, ANSWERS_WHICH),
      },
    };
  }

  articles(): Article[] {
    return this.articleList;
  }

  problems(): CorpusProblem[] {
    return this.corpusProblems;
  }

  /** Throws QuestionError (its message is for the person) when the question is empty or over a cap. */
  ask(question: string): AskResult {
    return answerQuestion(this.askContext(), prepareQuestion(question));
  }

  /**
   * What the question names that the story knows, and the closest passages about it: for an abstention, never an
   * answer. The question is read as `ask` reads it (and refused the same way).
   */
  nearby(question: string): Nearby {
    return nearbyPassages(prepareQuestion(question), this.nearbyContext());
  }

  private nearbyContext(): NearbyContext {
    const { entities } = this.derived();
    return {
      ...this.askContext(),
      resolveName: (name) => entities.resolve(name),
      entitiesIn: (sentenceId) => entities.inSentence(sentenceId),
      mentionsOf: (entity) => entities.lookup(entity.name)?.citations ?? [],
    };
  }

  /**
   * A question in a conversation, read against the previous exchange (see resolveFollowUp). "After that" answers only
   * from passages after the previous answer's text (later in its article, or in a later article).
   */
  askFollowUp(question: string, previous: Exchange | null): FollowUpAnswer {
    const prepared = prepareQuestion(question);
    const nearby = this.nearbyContext();
    const ctx: FollowUpContext = {
      namesIn: (text) =>
        namesIn(text, nearby, 12).map((n) => {
          // "Iranian-sponsored", "Albanian": the place whose people or adjective it is.
          const entity = n.entity ?? this.placeOfDemonym(n.surface);
          return { name: entity?.name ?? n.label, surface: n.surface, kind: entity?.kind ?? null, mentions: entity?.mentions ?? 0 };
        }),
    };
    const read = resolveFollowUp(prepared, previous, ctx);
    const base = { asked: read.question, reading: read.kind, unresolved: read.unresolved, readings: read.readings };
    if (read.kind === 'unresolved') return { ...base, result: { answer: null, citations: [] } };
    const after = read.after && previous?.answer ? this.positionAfter(previous.answer) : undefined;
    return { ...base, result: answerQuestion(nearby, read.question, {}, after ? { after } : {}) };
  }

  /** The place a word like "Iranian" or "Iranian-sponsored" is the demonym of, when the story names that place. */
  private placeOfDemonym(surface: string): Entity | null {
    const word = keyWord(surface.split(/[\s-]/)[0] ?? '');
    for (const ending of DEMONYM_ENDINGS) {
      if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
      const stem = word.slice(0, -ending.length);
      for (const tail of ['', 'a', 'e', 'ia', 'y']) {
        const place = this.derived().entities.resolve(stem + tail);
        if (place?.kind === 'place' && isDemonymOf(word, keyWord(place.name)) ) return place;
      }
    }
    return null;
  }

  /** Where an answer's text ends in its article (null when the article is gone or no longer holds the text). */
  private positionAfter(answer: Answer): { articleId: string; offset: number; date: string } | undefined {
    const article = this.byId.get(answer.citation.article.id);
    if (!article) return undefined;
    const from = article.paragraphs[answer.citation.paragraph - 1]?.start ?? 0;
    const at = article.body.indexOf(answer.text, from);
    return at < 0 ? undefined : { articleId: article.id, offset: at + answer.text.length, date: article.date };
  }

  /** The ranked candidates behind an answer, for tuning and debugging. */
  explain(question: string): Scored[] {
    return rankCandidates(this.askContext(), question);
  }

  timeline(filter: TimelineFilter = {}): TimelineEvent[] {
    const { timeline, entities } = this.derived();
    // Resolve the person once: the matcher runs for every event.
    const entity = filter.person ? entities.lookup(filter.person)?.entity : undefined;
    const names = entity ? [entity.name, ...entity.aliases] : filter.person ? [filter.person] : [];
    return filterTimelineByNames(timeline, filter, names);
  }

  who(): Entity[] {
    return this.derived().entities.list();
  }

  whoIs(name: string): WhoResult {
    const found = this.derived().entities.lookup(name);
    return found ? { entity: found.entity, citations: found.citations } : { entity: null, citations: [] };
  }

  suggestEntities(prefix: string, limit = 25): Entity[] {
    return this.derived().entities.suggest(prefix, limit);
  }

  quotes(filter: QuoteFilter = {}): Quote[] {
    const { quotes, entities } = this.derived();
    const entity = filter.speaker ? entities.lookup(filter.speaker)?.entity : undefined;
    // The speaker by any name the story gives them: "Lapid", "Prime Minister Lapid", an alias ("MEK").
    const names = entity ? new Set([entity.name, ...entity.aliases]) : null;
    return filterQuotes(quotes, filter, (speaker, wanted) => names?.has(speaker) === true || defaultSpeakerMatches(speaker, wanted));
  }

  /** Speakers whose name has a word starting with what was typed, most quoted first. */
  suggestSpeakers(prefix: string, limit = 25): string[] {
    const typed = words(prefix).join(' ');
    const counts = new Map<string, number>();
    for (const q of this.derived().quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
    return [...counts]
      .filter(([speaker]) => !typed || words(speaker).join(' ').includes(typed))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([speaker]) => speaker);
  }
}

interface Derived {
  entities: EntityIndex;
  timeline: TimelineEvent[];
  quotes: Quote[];
}

const ANSWERS_WHO: ReadonlySet<string> = new Set(['person', 'organization']);
const ANSWERS_WHERE: ReadonlySet<string> = new Set(['place', 'organization']);
const ANSWERS_WHICH: ReadonlySet<string> = new Set(['person', 'organization', 'place']);

/** A made-up article with a date, a person, a role and a quotation, to run the per-article extraction on once. */
const WARM_UP_ARTICLE =
  '---\ntitle: "Bridge to reopen"\ndate: 2000-01-05\n---\n\n' +
  'On Monday, January 3, Mayor Jane Doe of Springfield said the bridge would reopen next week. ' +
  '"We are ready," Doe told reporters. The Springfield City Council approved the repairs last year.\n';

/**
 * A story loaded from the cache has extracted nothing yet: the date parser compiles its patterns and the tagger and
 * the extraction code are compiled on first use (100-200 ms), which the first article added would otherwise pay.
 */
export function warmUp(): { entities: number; events: number; quotes: number } {
  const parsed = parseArticle('warm-up.md', Buffer.from(WARM_UP_ARTICLE));
  if (!parsed.ok) throw new Error(`storydesk: the warm-up article does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const entities = EntityIndex.build([parsed.article]);
  const events = buildTimeline([parsed.article]).length;
  const quotes = extractQuotes([parsed.article], entities).length;
  return { entities: entities.list().length, events, quotes };
}

export function loadStory(options: StoryOptions): Promise<Story> {
  return Story.load(options);
}
