// The scriptable CLI: `npm run cli -- <command> [options]`. With --json, stdout holds only JSON; logs go to stderr.
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { loadCorpus, formatProblem } from './corpus/load.js';
import { firstSeenTimes } from './db/first-seen.js';
import { DEFAULT_DATABASE_PATH, type Db } from './db/open.js';
import { GAP_WINDOW_DAYS, listGaps, type GapGroup } from './db/gaps.js';
import { buildDigest, digestJson } from './digest/content.js';
import { renderDigestText } from './present/digest.js';
import { localDate } from './digest/time.js';
import { isIsoDay, parseTimelineOptions } from './engine/queries.js';
import { loadStory, type Story } from './engine/story.js';
import type { Entity, TimelineFilter } from './model/types.js';
import { timelineOptionMessage } from './present/labels.js';
import { renderAsk, renderGaps, renderQuotes, renderSources, renderTimeline, renderWho, renderWhoIs } from './present/text.js';
import { INTAKE_OPTIONS_HELP, INTAKE_USAGE, intakeCommandOf, runIntakeCli } from './intake/cli.js';
import { QuestionError } from './ask/input.js';
import { cleanTyped } from './text/clean.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

export const USAGE = `usage: npm run cli -- <command> [options]

commands:
  ask [QUESTION]                        answer a question (no QUESTION: one per line from stdin)
  timeline [--from D] [--to D] [--topic T] [--person P]
  who [NAME]                            the people, organisations and places; or one of them
  quote [--speaker S] [--topic T]       who said what
  sources                               the articles served
  digest [--since D] [--date D]         the daily digest's content (new since D, story so far, on this day)
  gaps [--guild ID]                     what members couldn't get answered in the last 7 days (from DATABASE_URL or DATABASE_PATH), as /story gaps
  corpus-check                          validate every corpus file; exit 1 if any is bad
${INTAKE_USAGE}

options:
  --json         machine-readable output (one JSON object per answer)
  --corpus DIR   serve another folder of articles (default: $CORPUS_DIR or ./corpus)
  --no-cache     don't read or write the index cache
${INTAKE_OPTIONS_HELP}`;

const options = {
  json: { type: 'boolean', default: false },
  corpus: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  topic: { type: 'string' },
  person: { type: 'string' },
  speaker: { type: 'string' },
  since: { type: 'string' },
  date: { type: 'string' },
  guild: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

class UsageError extends Error {}

export function entityJson(e: Entity): Entity {
  return { name: e.name, kind: e.kind, roles: e.roles, aliases: e.aliases, mentions: e.mentions };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (intakeCommandOf(argv, options)) return runIntakeCli(argv, io);
  const write = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const warn = (text: string) => io.stderr.write(`${text}\n`);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    warn(`storydesk: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? write : warn)(USAGE);
    return values.help ? 0 : 2;
  }
  const corpusDir = values.corpus ?? io.env?.CORPUS_DIR ?? 'corpus';
  const out = (value: unknown, text: string) => write(values.json ? JSON.stringify(value) : text);

  if (command === 'corpus-check') return corpusCheck(corpusDir, write, warn);

  try {
    const story = await loadStory({
      corpusDir,
      cacheDir: values['no-cache'] ? null : undefined,
      log: (level, message) => (level === 'info' ? undefined : warn(message)),
    });
    switch (command) {
      case 'ask':
        return await cliAsk(story, rest.join(' ').trim(), io, out, values.json);
      case 'timeline': {
        const events = story.timeline(timelineFilter(values));
        out({ events }, renderTimeline(events));
        return 0;
      }
      case 'who': {
        const name = rest.join(' ').trim();
        if (name) {
          const result = story.whoIs(name);
          out({ entity: result.entity ? entityJson(result.entity) : null, citations: result.citations }, renderWhoIs(result, name));
        } else {
          const entities = story.who();
          out({ entities: entities.map(entityJson) }, renderWho(entities));
        }
        return 0;
      }
      case 'quote': {
        const quotes = story.quotes({ speaker: values.speaker, topic: values.topic });
        out({ quotes }, renderQuotes(quotes));
        return 0;
      }
      case 'sources': {
        const articles = story.articles().map(({ id, title, outlet, date, url, author }) => ({ id, title, outlet, date, url, author }));
        out({ articles }, renderSources(story.articles()));
        return 0;
      }
      case 'digest': {
        if (values.date !== undefined && !isIsoDay(values.date)) {
          throw new UsageError(`date: "${values.date}" is not a day; expected YYYY-MM-DD`);
        }
        const date = values.date ?? localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
        const digest = buildDigest(story, { since: values.since ?? null, date, firstSeen: await storedFirstSeen(io.env ?? {}) });
        out(digestJson(digest), renderDigestText(digest));
        return 0;
      }
      case 'gaps': {
        const env = io.env ?? {};
        const databasePath = env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
        if (!env.DATABASE_URL && !existsSync(databasePath)) warn(`storydesk: no database at ${databasePath} (DATABASE_PATH): no questions recorded`);
        const now = new Date();
        const groups = (await storedGaps(env, story, values.guild, now)) ?? [];
        out({ since: new Date(now.getTime() - GAP_WINDOW_DAYS * 86_400_000).toISOString(), guild: values.guild ?? null, groups }, renderGaps(groups));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`storydesk: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message = (error as Error).message;
    warn(message.startsWith('storydesk:') ? message : `storydesk: ${message}`);
    return 1;
  }
}

/**
 * The bot's database, as the bot would open it: Postgres when DATABASE_URL is set (several hosts share it), else the
 * SQLite file at DATABASE_PATH when it exists; null when there is none (nothing is created for a read).
 */
async function openStoredDatabase(env: NodeJS.ProcessEnv): Promise<Db | null> {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const databasePath = env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
  if (!databaseUrl && !existsSync(databasePath)) return null;
  const { openStore } = await import('./db/connect.js');
  return openStore({ databaseUrl, databasePath });
}

/** Runs `read` on the bot's database and closes it; undefined when there is no database. */
async function withStoredDatabase<T>(env: NodeJS.ProcessEnv, read: (db: Db) => Promise<T>): Promise<T | undefined> {
  const db = await openStoredDatabase(env);
  if (!db) return undefined;
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** First-seen times from the bot's database when there is one; without it, articles count from their date. */
function storedFirstSeen(env: NodeJS.ProcessEnv): Promise<Map<string, string> | undefined> {
  return withStoredDatabase(env, async (db) => await firstSeenTimes(db));
}

/** /story gaps' groups from the bot's database, the names from the story; undefined when there is no database. */
function storedGaps(env: NodeJS.ProcessEnv, story: Story, guildId: string | undefined, now: Date): Promise<GapGroup[] | undefined> {
  return withStoredDatabase(env, (db) => listGaps(db, { now, guildId: guildId ?? null, namesOf: (q) => safeNames(story, q) }));
}

function safeNames(story: Story, question: string): string[] {
  try {
    return story.nearby(question).names;
  } catch {
    return [];
  }
}

function timelineFilter(values: { from?: string; to?: string; topic?: string; person?: string }): TimelineFilter {
  const parsed = parseTimelineOptions(values);
  if (!parsed.ok) throw new UsageError(timelineOptionMessage(parsed.error));
  return parsed.filter;
}

/**
 * `ask QUESTION`, or one question per line of stdin. A line ends at \n, \r\n or a lone \r (as Node's readline reads
 * it); a line that is blank, or holds only spaces and invisible characters, is skipped and gets no output. Every other
 * line gets exactly one output, in order, echoing the question: the answer, or `{"question", "error", "code"}` when the
 * engine refuses it (too long, too many words). A refused or failing question never stops the batch.
 */
async function cliAsk(story: Story, question: string, io: CliIO, out: (value: unknown, text: string) => void, json: boolean): Promise<number> {
  if (question) return answerOne(story, question, io, out, false, json) ? 0 : 1;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!cleanTyped(line)) continue;
    answerOne(story, line.trim(), io, out, true, json);
  }
  return 0;
}

/** Answers one question and prints it (in text, an abstention with its closest passages); false when the engine refused it or failed. */
function answerOne(story: Story, question: string, io: CliIO, out: (value: unknown, text: string) => void, batch: boolean, json: boolean): boolean {
  const heading = batch ? `Q: ${cleanTyped(question)}\n` : '';
  try {
    const result = story.ask(question);
    // In text, an abstention offers the closest passages about what the question names, as the console does.
    const nearby = result.answer || json ? null : story.nearby(question);
    out({ question, ...result }, `${heading}${renderAsk(result, nearby)}${batch ? '\n' : ''}`);
    return true;
  } catch (error) {
    const refused = error instanceof QuestionError;
    if (!refused) io.stderr.write(`storydesk: could not answer "${cleanTyped(question).slice(0, 80)}": ${(error as Error).stack ?? String(error)}\n`);
    const message = refused ? error.message : 'storydesk could not answer this question (an internal error, logged on stderr).';
    out({ question, error: message, code: refused ? error.code : 'internal' }, `${heading}${message}${batch ? '\n' : ''}`);
    return false;
  }
}

async function corpusCheck(dir: string, write: (t: string) => void, warn: (t: string) => void): Promise<number> {
  try {
    const corpus = await loadCorpus(dir);
    for (const p of corpus.problems) warn(formatProblem(p));
    const summary = `${dir}: ${corpus.articles.length} valid article(s), ${corpus.problems.length} problem(s)`;
    write(summary);
    return corpus.problems.length > 0 ? 1 : 0;
  } catch (error) {
    warn((error as Error).message);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
}
