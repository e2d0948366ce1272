// The intake commands of the scriptable CLI (src/cli.ts dispatches here): extract, add, and feed add|list|poll|remove|
// cards|approve|reject. With --json, stdout holds only JSON lines, one per input (or feed, or card); one input's
// failure is its line's `error`, not the exit code: the command exits 0 when it ran, whatever it found, 2 for a
// usage error, 1 when it could not run (the corpus folder or the database unusable, FETCH_ALLOW_HOSTS invalid).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadCorpus } from '../corpus/load.js';
import { openStore } from '../db/connect.js';
import { DEFAULT_DATABASE_PATH, type Db } from '../db/open.js';
import type { FeedRecord } from '../db/feeds.js';
import type { ReviewCard } from '../db/review.js';
import { defaultCacheDir, loadStory } from '../engine/story.js';
import type { Article } from '../model/types.js';
import { VIA_CLI } from './article-file.js';
import { Fetcher, fetcherOptionsFromEnv, type FetcherOptions } from './fetch.js';
import {
  FeedPoller,
  type AddFeedResult,
  type FeedFetcher,
  type FeedPollReport,
  type ItemReport,
  type StoryNames,
} from './poller.js';
import { IntakeService, type AddResult, type PreviewResult, type StoryArticles } from './service.js';

export const INTAKE_COMMANDS: ReadonlySet<string> = new Set(['extract', 'add', 'feed']);

export const INTAKE_USAGE = `  extract FILE_OR_URL... [--url BASE]   the article a page holds (a .html file, or a URL fetched now)
  add URL_OR_FILE... [--dry-run] [--url BASE]
                                        add articles to the story (a near copy is recorded as also)
  feed add URL [--match EXPR] [--mode review|auto] [--backfill]
                                        follow a feed (or the feed a page advertises)
  feed list | feed poll                 the feeds followed; poll every feed once now
  feed remove FEED                      stop following a feed (its id or URL)
  feed cards | feed approve CARD | feed reject CARD
                                        the review queue`;

export const INTAKE_OPTIONS_HELP = `  --url BASE     the URL a saved .html file came from (one file)
  --dry-run      add: check each input, write nothing
  --match EXPR   feed add: the story filter (words, "phrases", AND, OR, NOT, parentheses)
  --mode M       feed add: review (the default: items wait for a moderator) or auto
  --backfill     feed add: process the feed's current items now (default: only mark them seen)`;

const options = {
  json: { type: 'boolean', default: false },
  corpus: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  url: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  match: { type: 'string' },
  mode: { type: 'string' },
  backfill: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export interface IntakeCliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

/** Injected in tests: the fetcher's clock and DNS, the time. */
export interface IntakeCliDeps {
  fetcherOptions?: Partial<FetcherOptions>;
  now?: () => Date;
}

class UsageError extends Error {}

/**
 * The intake command `argv` names, or null: its first positional argument, reading `argv` with the main CLI's
 * options too (so that an option's value is not taken for a command).
 */
export function intakeCommandOf(argv: string[], mainOptions: ParseArgsConfig['options'] = {}): string | null {
  try {
    const { positionals } = parseArgs({
      args: argv,
      options: { ...mainOptions, ...options },
      allowPositionals: true,
      strict: false,
    });
    const command = positionals[0];
    return command !== undefined && INTAKE_COMMANDS.has(command) ? command : null;
  } catch {
    return null;
  }
}

export async function runIntakeCli(
  argv: string[],
  io: IntakeCliIO,
  deps: IntakeCliDeps = {},
): Promise<number> {
  const write = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const warn = (text: string) => io.stderr.write(`${text}\n`);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    warn(
      `storydesk: ${(error as Error).message}\n\nintake commands:\n${INTAKE_USAGE}\n\noptions:\n${INTAKE_OPTIONS_HELP}`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) {
    write(`intake commands:\n${INTAKE_USAGE}\n\noptions:\n${INTAKE_OPTIONS_HELP}`);
    return 0;
  }
  const env = io.env ?? {};
  const context: Context = {
    values,
    json: values.json,
    corpusDir: values.corpus ?? env.CORPUS_DIR ?? 'corpus',
    databasePath: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    write,
    warn,
    out: (value, text) => {
      if (values.json) write(JSON.stringify(value));
      else if (text) write(text);
    },
    now: deps.now ?? (() => new Date()),
    fetcher: null,
    db: null,
  };
  try {
    context.fetcher = new Fetcher({ ...fetcherOptionsFromEnv(env), ...deps.fetcherOptions });
    switch (command) {
      case 'extract':
        return await extract(context, rest);
      case 'add':
        return await add(context, rest);
      case 'feed':
        return await feed(context, rest);
      default:
        throw new UsageError(`unknown intake command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`storydesk: ${error.message}\n\nintake commands:\n${INTAKE_USAGE}`);
      return 2;
    }
    const message = (error as Error).message;
    warn(message.startsWith('storydesk:') ? message : `storydesk: ${message}`);
    return 1;
  } finally {
    context.fetcher?.close();
    await context.db?.close();
  }
}

interface Context {
  values: {
    url?: string;
    'dry-run': boolean;
    match?: string;
    mode?: string;
    backfill: boolean;
    'no-cache': boolean;
  };
  json: boolean;
  corpusDir: string;
  databasePath: string;
  /** DATABASE_URL: the feeds of several hosts' shared Postgres; null for the SQLite file. */
  databaseUrl: string | null;
  write: (text: string) => void;
  warn: (text: string) => void;
  /** A result: its JSON line with --json, else its text (when there is any). */
  out: (value: unknown, text: string | null) => void;
  now: () => Date;
  fetcher: Fetcher | null;
  db: Db | null;
}

const NO_ARTICLES: StoryArticles & StoryNames = { articles: () => [], who: () => [] };

function inputsOf(context: Context, inputs: string[], command: string): string[] {
  if (inputs.length === 0) throw new UsageError(`${command} needs at least one URL or .html file`);
  if (context.values.url !== undefined && inputs.length > 1)
    throw new UsageError(`--url gives the URL of one saved page; ${command} got ${inputs.length} inputs`);
  return inputs;
}

// ── extract ──

async function extract(context: Context, inputs: string[]): Promise<number> {
  inputsOf(context, inputs, 'extract');
  const service = new IntakeService({
    corpusDir: context.corpusDir,
    story: NO_ARTICLES,
    fetcher: context.fetcher!,
    now: context.now,
  });
  for (const input of inputs) {
    const result = await service.preview(input, { via: VIA_CLI, baseUrl: context.values.url });
    context.out(extractJson(result), result.ok ? extractText(result) : null);
    if (!result.ok && !context.json) context.warn(`storydesk: ${input}: ${result.error}`);
  }
  return 0;
}

export function extractJson(result: PreviewResult): unknown {
  if (!result.ok)
    return { source: result.source, article: null, warnings: result.warnings, error: result.error };
  const { title, date, outlet, author, url, body, paragraphs } = result.article;
  return {
    source: result.source,
    article: { title, date, outlet, author, url, body, paragraphs: paragraphs.length },
    warnings: result.warnings,
    error: null,
  };
}

function extractText(result: PreviewResult & { ok: true }): string {
  const a = result.article;
  const byline = [a.date, a.outlet, a.author].filter(Boolean).join(' · ');
  const lines = [
    `# ${a.title}`,
    byline,
    ...(a.url ? [a.url] : []),
    ...result.warnings.map((w) => `warning: ${w}`),
    '',
    a.body,
    '',
  ];
  return lines.join('\n');
}

// ── add ──

async function add(context: Context, inputs: string[]): Promise<number> {
  inputsOf(context, inputs, 'add');
  const articles = await storyArticles(context);
  const service = new IntakeService({
    corpusDir: context.corpusDir,
    story: { articles: () => articles },
    fetcher: context.fetcher!,
    now: context.now,
  });
  for (const input of inputs) {
    const preview = await service.preview(input, { via: VIA_CLI, baseUrl: context.values.url });
    const result: PreviewResult | AddResult = context.values['dry-run']
      ? preview
      : await service.add(preview);
    context.out(addJson(result), addText(result, context.values['dry-run']));
  }
  return 0;
}

/** The story's articles, read from the corpus folder (through the parse cache): duplicates are checked against them. */
async function storyArticles(context: Context): Promise<Article[]> {
  const cacheDir = context.values['no-cache'] ? null : defaultCacheDir(context.corpusDir);
  const corpus = await loadCorpus(context.corpusDir, { cacheDir, warn: context.warn });
  return corpus.articles;
}

export function addJson(result: PreviewResult | AddResult): unknown {
  if (!result.ok)
    return {
      source: result.source,
      added: null,
      duplicateOf: result.duplicateOf?.id ?? null,
      warnings: result.warnings,
      error: result.error,
    };
  if ('kind' in result) {
    const added = result.kind === 'added' ? { id: result.id, file: result.file } : null;
    return {
      source: result.source,
      added,
      duplicateOf: result.duplicateOf?.id ?? null,
      warnings: result.warnings,
      error: null,
    };
  }
  return {
    source: result.source,
    added: null,
    duplicateOf: result.duplicateOf?.id ?? null,
    warnings: result.warnings,
    error: null,
  };
}

export function addText(result: PreviewResult | AddResult, dryRun: boolean): string {
  const warnings = result.warnings.map((w) => `\n  warning: ${w}`).join('');
  if (!result.ok) return `refused ${result.source}: ${result.error}${warnings}`;
  if ('kind' in result) {
    if (result.kind === 'copy') return `copy ${result.source}: recorded as also on ${result.id}${warnings}`;
    return `added ${result.source} as ${result.id}${warnings}`;
  }
  return `${dryRun ? 'would add' : 'ok'} ${result.source}: ${result.article.title} (${result.article.date}, ${result.words} words)${warnings}`;
}

// ── feed ──

async function feed(context: Context, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add': {
      if (rest.length !== 1)
        throw new UsageError('feed add takes one URL (a feed, or a page that advertises one)');
      const mode = context.values.mode ?? 'review';
      if (mode !== 'review' && mode !== 'auto')
        throw new UsageError(`--mode is review or auto, not "${mode}"`);
      const poller = await feedPoller(context, context.values.backfill);
      const result = await poller.addFeed(rest[0]!, {
        match: context.values.match ?? null,
        mode,
        backfill: context.values.backfill,
        addedBy: VIA_CLI,
      });
      context.out(feedAddJson(result), feedAddText(result));
      return 0;
    }
    case 'list': {
      const poller = await feedPoller(context, false);
      const feeds = await poller.feeds();
      for (const f of feeds) context.out(feedJson(f), feedText(f));
      if (feeds.length === 0 && !context.json)
        context.write('no feeds followed; add one with: npm run cli -- feed add URL');
      return 0;
    }
    case 'poll': {
      const poller = await feedPoller(context, true);
      const reports = await poller.pollAll();
      for (const report of reports) context.out(pollJson(report), pollText(report));
      if (reports.length === 0 && !context.json)
        context.write('no feeds followed; add one with: npm run cli -- feed add URL');
      return 0;
    }
    case 'remove': {
      if (rest.length !== 1) throw new UsageError('feed remove takes one feed: its id or URL');
      const poller = await feedPoller(context, false);
      const removed = await poller.removeFeed(rest[0]!);
      const error = removed ? null : `no feed ${rest[0]} is followed (see feed list)`;
      context.out(
        { source: rest[0], removed: removed ? feedJson(removed) : null, error },
        removed ? `stopped following ${removed.url}` : null,
      );
      if (error && !context.json) context.warn(`storydesk: ${error}`);
      return 0;
    }
    case 'cards': {
      const poller = await feedPoller(context, false);
      const cards = await poller.pendingCards();
      for (const card of cards) context.out(cardJson(card), cardText(card));
      if (cards.length === 0 && !context.json) context.write('no items await review');
      return 0;
    }
    case 'approve':
    case 'reject': {
      if (rest.length === 0 || rest.some((r) => !/^\d+$/.test(r)))
        throw new UsageError(`feed ${sub} takes card numbers (see feed cards)`);
      const poller = await feedPoller(context, sub === 'approve');
      for (const id of rest.map(Number)) {
        const result = sub === 'approve' ? await poller.approve(id, VIA_CLI) : await poller.reject(id, VIA_CLI);
        const json = result.ok
          ? { card: id, outcome: result.outcome, article: result.articleId, error: null }
          : { card: id, outcome: null, article: null, error: result.error };
        context.out(json, result.ok ? `card ${id}: ${result.message}` : null);
        if (!result.ok && !context.json) context.warn(`storydesk: card ${id}: ${result.error}`);
      }
      return 0;
    }
    default:
      throw new UsageError(
        sub
          ? `unknown feed command "${sub}"`
          : 'feed needs a command: add, list, poll, remove, cards, approve or reject',
      );
  }
}

/** The poller over the bot's database (DATABASE_URL, else DATABASE_PATH); the story is loaded only when items will be processed. */
async function feedPoller(context: Context, processesItems: boolean): Promise<FeedPoller> {
  context.db = await openStore(context);
  let story: StoryArticles & StoryNames = NO_ARTICLES;
  if (processesItems) {
    story = await loadStory({
      corpusDir: context.corpusDir,
      cacheDir: context.values['no-cache'] ? null : undefined,
      log: (level, message) => (level === 'info' ? undefined : context.warn(message)),
    });
  }
  const fetcher: FeedFetcher = context.fetcher!;
  const service = new IntakeService({ corpusDir: context.corpusDir, story, fetcher, now: context.now });
  return new FeedPoller({
    db: context.db,
    service,
    fetcher,
    story,
    clock: { now: () => context.now().getTime() },
    log: (level, message) => (level === 'info' ? undefined : context.warn(message)),
  });
}

/** A feed's state in one word: ok, failing (backing off), or paused. */
export function feedState(feed: FeedRecord): 'ok' | 'failing' | 'paused' {
  if (feed.pausedAt) return 'paused';
  return feed.failures > 0 ? 'failing' : 'ok';
}

export function feedJson(feed: FeedRecord): unknown {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    pageUrl: feed.pageUrl,
    match: feed.match,
    mode: feed.mode,
    state: feedState(feed),
    addedBy: feed.addedBy,
    addedAt: feed.addedAt,
    lastPollAt: feed.lastPollAt,
    lastOkAt: feed.lastOkAt,
    nextPollAt: feed.pausedAt ? null : feed.nextPollAt,
    failures: feed.failures,
    failingSince: feed.failingSince,
    pausedAt: feed.pausedAt,
    lastError: feed.lastError,
    itemsTaken: feed.itemsTaken,
  };
}

export function feedText(feed: FeedRecord): string {
  const state = feedState(feed);
  const what =
    state === 'paused'
      ? `PAUSED since ${feed.pausedAt}`
      : state === 'failing'
        ? `failing (${feed.failures} in a row)`
        : 'ok';
  const lines = [
    `${feed.id}. ${feed.title ?? feed.url}  [${feed.mode}${feed.match ? `, match: ${feed.match}` : ''}]`,
    `   ${feed.url}`,
    `   ${what}; last poll ${feed.lastPollAt ?? 'never'}; ${feed.itemsTaken} article(s) taken`,
  ];
  if (feed.lastError) lines.push(`   last error: ${feed.lastError}`);
  return lines.join('\n');
}

function itemJson(item: ItemReport): unknown {
  return {
    id: item.id,
    title: item.title,
    link: item.link,
    outcome: item.outcome,
    reason: item.reason,
    article: item.articleId,
    card: item.cardId,
  };
}

function itemText(item: ItemReport): string {
  const target = item.articleId
    ? ` (${item.articleId})`
    : item.cardId !== null
      ? ` (card ${item.cardId})`
      : '';
  return `   ${item.outcome.padEnd(8)} ${item.title || item.link || item.id}${target}${item.reason ? ` — ${item.reason}` : ''}`;
}

export function feedAddJson(result: AddFeedResult): unknown {
  if (!result.ok)
    return {
      source: result.source,
      feed: null,
      discoveredFrom: null,
      seen: 0,
      items: [],
      error: result.error,
    };
  return {
    source: result.source,
    feed: feedJson(result.feed),
    discoveredFrom: result.discoveredFrom,
    seen: result.seen,
    items: result.items.map(itemJson),
    error: null,
  };
}

export function feedAddText(result: AddFeedResult): string {
  if (!result.ok) return `refused ${result.source}: ${result.error}`;
  const found = result.discoveredFrom ? ` (advertised by ${result.discoveredFrom})` : '';
  const head = `following ${result.feed.url}${found} as feed ${result.feed.id}, ${result.feed.mode}`;
  if (result.items.length === 0) return `${head}; ${result.seen} current item(s) marked seen`;
  return [`${head}; its current items:`, ...result.items.map(itemText)].join('\n');
}

export function pollJson(report: FeedPollReport): unknown {
  return {
    feed: { id: report.feed.id, url: report.feed.url },
    status: report.status,
    state: feedState(report.feed),
    error: report.error,
    items: report.items.map(itemJson),
  };
}

export function pollText(report: FeedPollReport): string {
  const head = `${report.feed.id}. ${report.feed.url}: ${report.status}${report.error ? ` — ${report.error}` : ''}${report.feed.pausedAt ? ' (paused)' : ''}`;
  if (report.items.length === 0)
    return `${head}${report.status === 'ok' || report.status === 'not-modified' ? '; nothing new' : ''}`;
  return [head, ...report.items.map(itemText)].join('\n');
}

export function cardJson(card: ReviewCard): unknown {
  const a = card.article;
  return {
    card: card.id,
    feed: card.feedUrl,
    title: a.title,
    date: a.date,
    outlet: a.outlet,
    url: a.url ?? a.fetchedUrl ?? a.source,
    reason: card.reason,
    warnings: a.warnings,
    firstParagraph: a.paragraphs[0] ?? '',
    state: card.state,
  };
}

export function cardText(card: ReviewCard): string {
  const a = card.article;
  return [
    `card ${card.id}: ${a.title} (${[a.outlet, a.date].filter(Boolean).join(', ')})`,
    `   ${a.url ?? a.source}`,
    `   why: ${card.reason}`,
    ...a.warnings.map((w) => `   warning: ${w}`),
  ].join('\n');
}
