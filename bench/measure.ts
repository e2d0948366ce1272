// One measurement in a fresh process, so memory figures don't mix: run by bench/run.ts as
//   node --import tsx --expose-gc bench/measure.ts --phase build|serve|plain --corpus DIR --cache DIR --out FILE
// build: cold start (no cache) → build time, cache size. serve: start from the cache → start-up, memory, latency
// of ask/timeline/who/quote, peak RSS, upsert. plain: MiniSearch with default options over the same sentences.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/load.js';
import { parseArticle } from '../src/corpus/parse.js';
import type { Story } from '../src/engine/story.js';
import type { Article } from '../src/model/types.js';
import { buildQuestions, type BenchQuestion } from './questions.js';
import { collectGarbage, peakRss, resetPeakRss, RssSampler, summarize, type Summary } from './stats.js';

/** process.memoryUsage() figures, in bytes. */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface OpFigures {
  available: boolean;
  /** Why not available (the error it threw), or the first error of a call that failed. */
  error?: string;
  errors?: number;
  /** Timings in ms, warm-up excluded. */
  latency?: Summary;
  /** The questions timed (all unless one pass would exceed the budget: then an even sample), by index. */
  timedIndices?: number[];
  /** For each timed question: the median ms over the passes, and what was called. */
  perCall?: number[];
  labels?: string[];
  /** The size of the question set. */
  questions?: number;
  passes?: number;
  /** Mean size of the result (answers given, events, entities, quotes). */
  meanResults?: number;
  /** What the calls were, e.g. `timeline({}) ×32, timeline({topic}) ×…`. */
  calls?: Record<string, number>;
}

export interface BuildFigures {
  phase: 'build';
  indexSource: string;
  articles: number;
  passages: number;
  /** Story.load with an empty cache folder: parse, build the index, write the cache. */
  coldLoadMs: number;
  /** loadCorpus alone (parse and split), timed after the build in the same process (JIT warm). */
  parseMs: number;
  cacheBytes: number;
  cacheFiles: string[];
  peakRss: number | null;
  memory: MemoryFigures;
}

export interface UpsertFigures {
  available: boolean;
  error?: string;
  /** ms for parseArticle of the file (not part of the target). */
  parse?: Summary;
  /**
   * ms for story.upsertArticle(article) plus the first timeline(), who() and quotes() after it: adding an article
   * is done when the answers that depend on it are ready (the target covers this total).
   */
  upsert?: Summary;
  /** Its parts: ms for upsertArticle alone… */
  upsertOnly?: Summary;
  /** …and for the first timeline(), who() and quotes() after it. */
  firstRead?: Summary;
  /** Every added article is then listed by story.articles(). */
  listed?: boolean;
}

export interface ServeFigures {
  phase: 'serve';
  /** True while the run is under way (or if it was stopped): some figures are then missing. */
  partial: boolean;
  indexSource: string;
  articles: number;
  passages: number;
  /** Importing the engine's modules. */
  importMs: number;
  /** Story.load from the cache, wall time: start-up to ready. */
  startupMs: number;
  /** From process start (node + tsx boot + imports + load) to ready. */
  processToReadyMs: number;
  /** Right after Story.load, no forced GC: what the process holds when it starts serving. */
  afterLoad: MemoryFigures;
  /** The kernel's peak RSS from process start to ready. */
  startupPeakRss: number | null;
  /** After the question set, the upserts and a forced GC: what the data and any caches hold. */
  retained: MemoryFigures;
  questions: string[];
  questionCount: number;
  ops: Record<'ask' | 'timeline' | 'who' | 'quote', OpFigures>;
  /** Peak RSS while the question set runs (all four operations). */
  peakRssDuringQuestions: number;
  upsert: UpsertFigures;
  /** Hostile questions (issue 14): the slowest, and the most RSS any one added above what it was before. */
  hostile: HostileFigures;
  /** Reading and JSON-parsing the cache files alone, timed last (part of startupMs). */
  cacheReadMs: number;
  cacheParseMs: number | null;
  /** Monotonic clock readings (µs, the clock of --cpu-prof timestamps) that bench/profile.ts uses as windows. */
  marks: Record<string, number>;
}

export interface HostileFigures {
  inputs: number;
  maxMs: number;
  maxRssGrowth: number;
  /** The input that took longest, described (its first characters and length). */
  slowest: string;
}

/**
 * Inputs a careless or malicious member types: one enormous word, a question of 100k ordinary characters, a word just
 * under the length cap, many long words, invisible characters. Each must be answered or refused within 200 ms and
 * 100 MB (issue 14), whatever the corpus size.
 */
export const HOSTILE_QUESTIONS: readonly string[] = [
  'x'.repeat(70_000),
  'Albania cyber attack Iran '.repeat(4_000),
  'y'.repeat(999),
  Array.from({ length: 60 }, (_, i) => `${'abcdefghij'.repeat(1 + (i % 3))}${i}`).join(' ').slice(0, 1000),
  `\u202eWho\u200b is\u0000 ${'\u200d'.repeat(900)} the president?`,
  'WHAT DID THE MINISTER SAY ABOUT THE ATTACK? 5',
];

function measureHostile(story: { ask(q: string): unknown }): HostileFigures {
  const figures: HostileFigures = { inputs: HOSTILE_QUESTIONS.length, maxMs: 0, maxRssGrowth: 0, slowest: '' };
  for (const q of HOSTILE_QUESTIONS) {
    collectGarbage();
    resetPeakRss();
    const before = process.memoryUsage.rss();
    const start = performance.now();
    try {
      story.ask(q);
    } catch {
      // A refusal (QuestionError) is an answer too: what is measured is its cost.
    }
    const ms = performance.now() - start;
    const growth = Math.max(peakRss() ?? 0, process.memoryUsage.rss()) - before;
    if (ms > figures.maxMs) figures.slowest = `${JSON.stringify(q.slice(0, 12))}… (${q.length} chars)`;
    figures.maxMs = Math.max(figures.maxMs, ms);
    figures.maxRssGrowth = Math.max(figures.maxRssGrowth, growth);
  }
  return figures;
}

export interface PlainFigures {
  phase: 'plain';
  passages: number;
  buildMs: number;
  afterBuild: MemoryFigures;
  search: OpFigures;
  /** Of the question set, how many were timed (sampled evenly when all would exceed the time budget). */
  sampled: number;
  questionCount: number;
  peakRssDuringQuestions: number;
  jsonBytes: number;
  loadJsonMs: number;
}

export type PhaseFigures = BuildFigures | ServeFigures | PlainFigures;

interface Settings {
  quick: boolean;
  /** Seconds of measured calls per operation after the first full pass. */
  budgetS: number;
}

const log = (message: string): void => {
  process.stderr.write(`  [${path.basename(process.argv[1] ?? 'measure')} ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

/** Memory as it is; with `gc`, after a full collection (what the data really holds). */
function memory(gc = false): MemoryFigures {
  if (gc) collectGarbage();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

async function folderFiles(dir: string): Promise<{ files: string[]; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let bytes = 0;
  const files: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath ?? dir, e.name);
    files.push(path.relative(dir, file));
    bytes += (await stat(file)).size;
  }
  return { files: files.sort(), bytes };
}

/** Microseconds on the monotonic clock V8's CPU profiles are stamped with. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function passageCount(articles: readonly Article[]): number {
  return articles.reduce((sum, a) => sum + a.sentences.length, 0);
}

const NOT_WIRED = /not (yet )?wired|not implemented|not available/i;

/** A call of one operation for one question: its kind (counted), what it was exactly (shown), the call. */
interface Call {
  label: string;
  detail?: string;
  run: () => unknown;
}

function resultSize(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object') {
    const r = result as { answer?: unknown; entity?: unknown };
    if ('answer' in r) return r.answer ? 1 : 0;
    if ('entity' in r) return r.entity ? 1 : 0;
  }
  return 0;
}

/** 0, 10, 20, …, 1, 11, 21, …: a warm-up cut short by the budget still covers the whole question set. */
function spreadOrder(n: number, stride = 10): number[] {
  const order: number[] = [];
  for (let offset = 0; offset < stride; offset++) for (let i = offset; i < n; i += stride) order.push(i);
  return order;
}

/**
 * Times the calls: a warm-up (not counted) over an even spread of them, which also estimates their cost; then
 * full passes over the calls while the time budget lasts (at least one). When one pass would take longer than
 * the budget, an even sample of the calls is timed instead, and reported as such. A first call that throws
 * "not wired" makes the operation unavailable; other errors are counted and the first message kept.
 */
async function measureOp(name: string, calls: Call[], settings: Settings, sampler: RssSampler): Promise<OpFigures> {
  try {
    const r = calls[0]!.run();
    if (r instanceof Promise) await r;
  } catch (error) {
    const message = (error as Error).message;
    if (NOT_WIRED.test(message)) {
      log(`${name}: not available (${message})`);
      return { available: false, error: message };
    }
  }
  let errors = 0;
  let firstError: string | undefined;
  const timed = async (call: Call): Promise<{ ms: number; size: number }> => {
    const t0 = performance.now();
    try {
      const r = call.run();
      const size = resultSize(r instanceof Promise ? await r : r);
      return { ms: performance.now() - t0, size };
    } catch (error) {
      errors++;
      firstError ??= `${call.label}: ${(error as Error).message}`;
      return { ms: performance.now() - t0, size: 0 };
    }
  };
  const budgetMs = settings.budgetS * 1000;
  const warmStart = performance.now();
  let warmed = 0;
  for (const i of spreadOrder(calls.length).slice(0, settings.quick ? 10 : calls.length)) {
    await timed(calls[i]!);
    warmed++;
    if (performance.now() - warmStart > budgetMs / 2) break;
  }
  const estimate = (performance.now() - warmStart) / warmed;
  const every = Math.max(1, Math.ceil((estimate * calls.length) / budgetMs));
  const timedIndices = calls.map((_, i) => i).filter((i) => i % every === 0);
  if (every > 1) log(`${name}: ~${estimate.toFixed(0)} ms a call; timing every ${every}th (${timedIndices.length} of ${calls.length})`);
  errors = 0;
  firstError = undefined;
  const samples: number[] = [];
  const byCall: number[][] = timedIndices.map(() => []);
  let results = 0;
  let passes = 0;
  const maxPasses = settings.quick ? 1 : 3;
  const start = performance.now();
  let cut = false;
  while (passes < maxPasses && (passes === 0 || performance.now() - start < budgetMs)) {
    for (const [k, i] of timedIndices.entries()) {
      // A few calls far slower than the warm-up suggested must not hold the run for hours: stop at 3× the budget.
      if (passes === 0 && performance.now() - start > 3 * budgetMs) {
        cut = true;
        break;
      }
      const { ms, size } = await timed(calls[i]!);
      samples.push(ms);
      byCall[k]!.push(ms);
      results += size;
      sampler.sample();
    }
    passes++;
  }
  const done = timedIndices.map((_, k) => k).filter((k) => byCall[k]!.length > 0);
  if (cut) log(`${name}: stopped after ${done.length} questions (3× the ${settings.budgetS} s budget)`);
  const latency = summarize(samples);
  log(`${name}: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms over ${samples.length} calls` + (errors ? `, ${errors} errors` : ''));
  const counts: Record<string, number> = {};
  for (const k of done) counts[calls[timedIndices[k]!]!.label] = (counts[calls[timedIndices[k]!]!.label] ?? 0) + 1;
  return {
    available: true,
    ...(errors > 0 ? { errors, error: firstError } : {}),
    latency,
    timedIndices: done.map((k) => timedIndices[k]!),
    perCall: done.map((k) => summarize(byCall[k]!).p50),
    labels: done.map((k) => calls[timedIndices[k]!]!.detail ?? calls[timedIndices[k]!]!.label),
    questions: calls.length,
    passes,
    meanResults: results / samples.length,
    calls: counts,
  };
}

interface Args {
  phase: 'build' | 'serve' | 'plain';
  corpus: string;
  cache: string;
  extra: string;
  out: string;
  settings: Settings;
}

function parseCliArgs(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      phase: { type: 'string' },
      corpus: { type: 'string' },
      cache: { type: 'string' },
      extra: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean', default: false },
      budget: { type: 'string' },
    },
  });
  const phase = values.phase;
  if (phase !== 'build' && phase !== 'serve' && phase !== 'plain') {
    throw new Error(`bench/measure: --phase must be build, serve or plain; got ${JSON.stringify(phase)}`);
  }
  for (const key of ['corpus', 'cache', 'out'] as const) {
    if (!values[key]) throw new Error(`bench/measure: --${key} is required`);
  }
  const quick = values.quick ?? false;
  const budgetS = values.budget ? Number(values.budget) : quick ? 10 : 30;
  if (!Number.isFinite(budgetS) || budgetS <= 0) throw new Error(`bench/measure: --budget must be a positive number of seconds; got ${values.budget}`);
  return { phase, corpus: values.corpus!, cache: values.cache!, extra: values.extra ?? '', out: values.out!, settings: { quick, budgetS } };
}

async function importStory(): Promise<typeof import('../src/engine/story.js')> {
  return import('../src/engine/story.js');
}

async function runBuild(args: Args): Promise<BuildFigures> {
  const { Story } = await importStory();
  await rm(args.cache, { recursive: true, force: true });
  resetPeakRss();
  const t0 = performance.now();
  const story = await Story.load({ corpusDir: args.corpus, cacheDir: args.cache, log: (level, m) => log(`${level}: ${m}`) });
  const coldLoadMs = performance.now() - t0;
  const peak = peakRss();
  const afterLoad = memory();
  const articles = story.articles();
  const cache = await folderFiles(args.cache);
  const t1 = performance.now();
  await loadCorpus(args.corpus);
  const parseMs = performance.now() - t1;
  log(`cold load ${coldLoadMs.toFixed(0)} ms (${story.indexSource}), cache ${(cache.bytes / 1024 / 1024).toFixed(1)} MB`);
  return {
    phase: 'build',
    indexSource: story.indexSource,
    articles: articles.length,
    passages: passageCount(articles),
    coldLoadMs,
    parseMs,
    cacheBytes: cache.bytes,
    cacheFiles: cache.files,
    peakRss: peak,
    memory: afterLoad,
  };
}

/** The date span of the corpus cut in two: a from/to filter that keeps about half of it. */
function halfSpan(articles: readonly Article[]): { from: string; to: string } {
  const dates = articles.map((a) => a.date).sort();
  return { from: dates[Math.floor(dates.length / 4)] ?? '2000-01-01', to: dates[Math.floor((3 * dates.length) / 4)] ?? '2100-01-01' };
}

/** Writes the figures so far: if the run is stopped (--timeout), what was measured is still reported. */
async function checkpoint(args: Args, figures: ServeFigures): Promise<void> {
  await writeFile(args.out, JSON.stringify(figures, null, 2));
}

async function runServe(args: Args): Promise<ServeFigures> {
  const t0 = performance.now();
  const { Story } = await importStory();
  const importMs = performance.now() - t0;
  const marks: Record<string, number> = {};
  const t1 = performance.now();
  marks.loadStart = monotonicUs();
  const story = await Story.load({ corpusDir: args.corpus, cacheDir: args.cache, log: (level, m) => log(`${level}: ${m}`) });
  marks.loadEnd = monotonicUs();
  const startupMs = performance.now() - t1;
  const processToReadyMs = process.uptime() * 1000;
  if (story.indexSource !== 'cache') log(`WARNING: the index was ${story.indexSource}, not loaded from the cache`);
  const afterLoad = memory();
  const startupPeakRss = peakRss();
  const articles = story.articles();
  const questions = buildQuestions(articles);
  log(`ready in ${startupMs.toFixed(0)} ms; ${questions.length} questions`);
  const notMeasured: OpFigures = { available: false, error: 'not measured: the run was stopped before it' };
  const figures: ServeFigures = {
    phase: 'serve',
    partial: true,
    indexSource: story.indexSource,
    articles: articles.length,
    passages: passageCount(articles),
    importMs,
    startupMs,
    processToReadyMs,
    afterLoad,
    startupPeakRss,
    retained: afterLoad,
    questions: questions.map((q) => q.text),
    questionCount: questions.length,
    ops: { ask: notMeasured, timeline: notMeasured, who: notMeasured, quote: notMeasured },
    peakRssDuringQuestions: 0,
    upsert: { available: false, error: 'not measured: the run was stopped before it' },
    hostile: { inputs: 0, maxMs: Number.NaN, maxRssGrowth: Number.NaN, slowest: 'not measured' },
    cacheReadMs: NaN,
    cacheParseMs: null,
    marks,
  };
  await checkpoint(args, figures);
  const span = halfSpan(articles);
  const sampler = new RssSampler();
  resetPeakRss();
  sampler.max = 0;
  const calls: Record<keyof ServeFigures['ops'], Call[]> = {
    ask: questions.map((q) => ({ label: 'ask(question)', run: () => story.ask(q.text) })),
    timeline: questions.map((q, i) => timelineCall(story, q, i, span)),
    who: questions.map((q, i) => whoCall(story, q, i)),
    quote: questions.map((q, i) => quoteCall(story, q, i)),
  };
  for (const op of ['ask', 'timeline', 'who', 'quote'] as const) {
    marks[`${op}Start`] = monotonicUs();
    figures.ops[op] = await measureOp(op, calls[op], args.settings, sampler);
    marks[`${op}End`] = monotonicUs();
    figures.peakRssDuringQuestions = sampler.peak();
    await checkpoint(args, figures);
  }
  marks.questionsEnd = monotonicUs();
  figures.upsert = await measureUpsert(story, args.extra);
  figures.hostile = measureHostile(story);
  figures.retained = memory(true);
  Object.assign(figures, await timeCacheRead(args.cache));
  figures.partial = false;
  return figures;
}

type StoryLike = Story;

/** Timeline filters as the bot's /timeline would send them: by person, by topic, by dates, or none. */
function timelineCall(story: StoryLike, q: BenchQuestion, i: number, span: { from: string; to: string }): Call {
  if (q.name) return { label: 'timeline({person})', detail: `timeline({person: ${JSON.stringify(q.name)}})`, run: () => story.timeline({ person: q.name! }) };
  switch (i % 3) {
    case 0:
      return { label: 'timeline({})', run: () => story.timeline({}) };
    case 1:
      return { label: 'timeline({topic})', detail: `timeline({topic: ${JSON.stringify(q.topic)}})`, run: () => story.timeline({ topic: q.topic }) };
    default:
      return { label: 'timeline({from,to})', detail: `timeline(${JSON.stringify(span)})`, run: () => story.timeline({ ...span }) };
  }
}

function whoCall(story: StoryLike, q: BenchQuestion, i: number): Call {
  if (q.name) return { label: 'whoIs(name)', detail: `whoIs(${JSON.stringify(q.name)})`, run: () => story.whoIs(q.name!) };
  if (i % 2 === 0) return { label: 'who()', run: () => story.who() };
  const word = q.topic.split(' ')[0]!;
  return { label: 'whoIs(topic word)', detail: `whoIs(${JSON.stringify(word)})`, run: () => story.whoIs(word) };
}

function quoteCall(story: StoryLike, q: BenchQuestion, i: number): Call {
  if (q.name) return { label: 'quotes({speaker})', detail: `quotes({speaker: ${JSON.stringify(q.name)}})`, run: () => story.quotes({ speaker: q.name! }) };
  if (i % 3 === 0) return { label: 'quotes({})', run: () => story.quotes({}) };
  return { label: 'quotes({topic})', detail: `quotes({topic: ${JSON.stringify(q.topic)}})`, run: () => story.quotes({ topic: q.topic }) };
}

/** Adds the articles kept aside, one at a time, to the index loaded from the cache. */
async function measureUpsert(story: StoryLike, extraDir: string): Promise<UpsertFigures> {
  const files = extraDir ? (await readdir(extraDir).catch(() => [])).filter((f) => f.endsWith('.md')).sort() : [];
  if (files.length === 0) return { available: false, error: `no articles kept aside in ${extraDir || '(none given)'}` };
  const parseMs: number[] = [];
  const upsertMs: number[] = [];
  const readMs: number[] = [];
  const ids: string[] = [];
  try {
    for (const file of files) {
      const bytes = await readFile(path.join(extraDir, file));
      const t0 = performance.now();
      const parsed = parseArticle(file, bytes);
      parseMs.push(performance.now() - t0);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
      const t1 = performance.now();
      story.upsertArticle(parsed.article);
      const t2 = performance.now();
      upsertMs.push(t2 - t1);
      story.timeline();
      story.who();
      story.quotes();
      readMs.push(performance.now() - t2);
      ids.push(parsed.article.id);
    }
  } catch (error) {
    return { available: false, error: (error as Error).message };
  }
  const listed = new Set(story.articles().map((a) => a.id));
  const upsert = summarize(upsertMs.map((ms, i) => ms + readMs[i]!));
  const upsertOnly = summarize(upsertMs);
  const firstRead = summarize(readMs);
  log(
    `upsertArticle + first timeline/who/quotes: median ${upsert.p50.toFixed(1)} ms, max ${upsert.max.toFixed(1)} ms ` +
      `(upsertArticle median ${upsertOnly.p50.toFixed(1)} / max ${upsertOnly.max.toFixed(1)} ms; ` +
      `first reads median ${firstRead.p50.toFixed(1)} / max ${firstRead.max.toFixed(1)} ms)`,
  );
  return { available: true, parse: summarize(parseMs), upsert, upsertOnly, firstRead, listed: ids.every((id) => listed.has(id)) };
}

/** The cache files read and (when JSON) parsed on their own: the share of start-up that is I/O and parsing. */
async function timeCacheRead(cacheDir: string): Promise<{ cacheReadMs: number; cacheParseMs: number | null }> {
  const { files } = await folderFiles(cacheDir);
  let cacheReadMs = 0;
  let cacheParseMs: number | null = null;
  for (const file of files) {
    const t0 = performance.now();
    const text = await readFile(path.join(cacheDir, file), 'utf8');
    cacheReadMs += performance.now() - t0;
    if (!file.endsWith('.json')) continue;
    const t1 = performance.now();
    JSON.parse(text);
    cacheParseMs = (cacheParseMs ?? 0) + performance.now() - t1;
  }
  return { cacheReadMs, cacheParseMs };
}

/** Plain MiniSearch, default options, one document per sentence: the index a user would build by hand. */
async function runPlain(args: Args): Promise<PlainFigures> {
  const corpus = await loadCorpus(args.corpus);
  const questions = buildQuestions(corpus.articles);
  const docs = corpus.articles.flatMap((a) => a.sentences.map((s) => ({ id: s.id, text: s.text })));
  collectGarbage();
  const t0 = performance.now();
  const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  index.addAll(docs);
  const buildMs = performance.now() - t0;
  const afterBuild = memory();
  log(`plain MiniSearch built in ${buildMs.toFixed(0)} ms over ${docs.length} sentences`);
  const sampler = new RssSampler();
  resetPeakRss();
  sampler.max = 0;
  const search = await measureOp(
    'plain',
    questions.map((q) => ({ label: 'search(question)', run: () => index.search(q.text) })),
    // Twice the budget: it is the slow one, and the fewer questions it times, the less the ratio says.
    { ...args.settings, budgetS: args.settings.budgetS * 2 },
    sampler,
  );
  const peakRssDuringQuestions = sampler.peak();
  const t1 = performance.now();
  const json = JSON.stringify(index);
  log(`plain MiniSearch JSON stringified in ${(performance.now() - t1).toFixed(0)} ms`);
  const t2 = performance.now();
  MiniSearch.loadJSON(json, { fields: ['text'] });
  const loadJsonMs = performance.now() - t2;
  return {
    phase: 'plain',
    passages: docs.length,
    buildMs,
    afterBuild,
    search,
    sampled: search.timedIndices?.length ?? 0,
    questionCount: questions.length,
    peakRssDuringQuestions,
    jsonBytes: Buffer.byteLength(json),
    loadJsonMs,
  };
}

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  const figures: PhaseFigures = args.phase === 'build' ? await runBuild(args) : args.phase === 'serve' ? await runServe(args) : await runPlain(args);
  await writeFile(args.out, JSON.stringify(figures, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench/measure: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
