// The story: the corpus, its passage index and everything derived from it, behind the StoryEngine interface.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type MiniSearch from 'minisearch';
import { isArticleFile, loadCorpus } from '../corpus/load.js';
import { parseArticle } from '../corpus/parse.js';
import { wordNet } from '../text/synonyms.js';
import { terms } from '../text/terms.js';
import { AcronymIndex, ask as answerQuestion, rankCandidates, type AskContext, type Scored } from './ask.js';
import type { TermStats } from './stats.js';
import type { StoryEngine, WhoResult } from './engine.js';
import { addToIndex, buildPassages, loadOrBuildIndex, removeFromIndex, type IndexedDoc, type IndexSource, type Passage } from './search.js';
import type {
  Article,
  AskResult,
  CorpusProblem,
  Entity,
  Quote,
  QuoteFilter,
  Sentence,
  TimelineEvent,
  TimelineFilter,
} from './types.js';

export type LogFn = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface StoryOptions {
  /** The folder of article files. */
  corpusDir: string;
  /** Where the index cache lives; null disables it. Default: `<corpusDir>/../.cache/storydesk`. */
  cacheDir?: string | null;
  log?: LogFn;
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
    const corpus = await loadCorpus(options.corpusDir);
    for (const p of corpus.problems) log('warn', `corpus: ${p.file}: ${p.field}: ${p.message} (skipped)`);
    const passages = buildPassages(corpus.articles);
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir(options.corpusDir) : options.cacheDir;
    const loaded = await loadOrBuildIndex(corpus.articles, passages, cacheDir, (m) => log('warn', m));
    log('info', `story: ${corpus.articles.length} articles, ${passages.length} passages, index ${loaded.source}`);
    return new Story(loaded.index, loaded.stats, loaded.source, corpus.articles, corpus.problems, passages);
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

  /** Adds or replaces one article without rebuilding the index. */
  upsertArticle(article: Article): void {
    this.removeArticle(article.id);
    this.byId.set(article.id, article);
    const passages = buildPassages([article]);
    addToIndex(this.index, passages, article);
    for (const p of passages) {
      this.passages.set(p.id, p);
      this.stats.add(terms(p.sentence.text));
      this.acronymIndex?.add(p.sentence.text);
    }
    this.sortArticles();
  }

  removeArticle(id: string): boolean {
    const article = this.byId.get(id);
    if (!article) return false;
    const ids = article.sentences.map((s) => s.id);
    removeFromIndex(this.index, ids);
    for (const s of article.sentences) {
      this.stats.remove(terms(s.text));
      this.termMemo.delete(s.id);
      this.passages.delete(s.id);
    }
    this.byId.delete(id);
    this.sortArticles();
    return true;
  }

  /**
   * Re-reads one corpus file after it was added or changed. A file that is now invalid is reported and the
   * last good version of its article keeps serving. Returns the problems found (empty when it was applied).
   */
  async upsertFile(filePath: string): Promise<CorpusProblem[]> {
    const id = path.basename(filePath);
    if (!isArticleFile(id)) return [];
    const bytes = await readFile(filePath).catch((error: NodeJS.ErrnoException) => error);
    const result =
      bytes instanceof Error
        ? { ok: false as const, problems: [{ file: id, field: 'file', message: `cannot read it (${bytes.code ?? bytes.message})` }] }
        : parseArticle(id, bytes);
    const problems = result.ok ? this.duplicateOf(result.article) : result.problems;
    this.corpusProblems = [...this.corpusProblems.filter((p) => p.file !== id), ...problems];
    if (result.ok && problems.length === 0) this.upsertArticle(result.article);
    return problems;
  }

  /** Forgets the article of a deleted corpus file. */
  removeFile(filePath: string): boolean {
    const id = path.basename(filePath);
    this.corpusProblems = this.corpusProblems.filter((p) => p.file !== id);
    return this.removeArticle(id);
  }

  private duplicateOf(article: Article): CorpusProblem[] {
    const key = (a: Article) => `${a.title.trim().toLowerCase()}\u0000${a.date}`;
    const other = this.articleList.find((a) => a.id !== article.id && key(a) === key(article));
    return other
      ? [{ file: article.id, field: 'title', message: `same title and date as ${other.id}; expected each article once (this file is skipped)` }]
      : [];
  }

  private askContext(): AskContext {
    return {
      index: this.index,
      passages: this.passages,
      articles: this.byId,
      stats: this.stats,
      sentenceTerms: (s) => this.sentenceTerms(s),
      acronyms: () => this.acronyms(),
      synonyms: (word) => wordNet().synonyms(word),
    };
  }

  articles(): Article[] {
    return this.articleList;
  }

  problems(): CorpusProblem[] {
    return this.corpusProblems;
  }

  ask(question: string): AskResult {
    return answerQuestion(this.askContext(), question);
  }

  /** The ranked candidates behind an answer, for tuning and debugging. */
  explain(question: string): Scored[] {
    return rankCandidates(this.askContext(), question);
  }

  timeline(_filter: TimelineFilter = {}): TimelineEvent[] {
    throw new Error('storydesk: timeline is not wired yet');
  }

  who(): Entity[] {
    throw new Error('storydesk: who is not wired yet');
  }

  whoIs(_name: string): WhoResult {
    throw new Error('storydesk: who is not wired yet');
  }

  suggestEntities(_prefix: string, _limit = 25): Entity[] {
    throw new Error('storydesk: who is not wired yet');
  }

  quotes(_filter: QuoteFilter = {}): Quote[] {
    throw new Error('storydesk: quotes are not wired yet');
  }

  suggestSpeakers(_prefix: string, _limit = 25): string[] {
    throw new Error('storydesk: quotes are not wired yet');
  }
}

export function loadStory(options: StoryOptions): Promise<Story> {
  return Story.load(options);
}
