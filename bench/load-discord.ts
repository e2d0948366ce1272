// `npm run bench:load`: the load test through Discord. The real bot (src/main.ts in its own process, or startBot in
// this one) answers a local fake Discord (test/helpers/fake-discord.ts, 127.0.0.1 only) while simulated users send a
// seeded mix of /ask, /timeline, /who, /quote and autocomplete. Every interaction must get its first response (a
// reply, a deferral or autocomplete choices) within Discord's 3-second deadline and, when deferred, its answer.
// With --shards N the local Discord announces N shards, holds a server on each and spreads the interactions over
// them; the bot runs with SHARD_COUNT=N (and SHARDS_PER_CLUSTER with --per-cluster). --compiled runs `npm start`'s
// compiled build (scripts/start.mjs) instead of the sources through tsx.
//   npm run bench:load -- [--interactions 500] [--users 50] [--seconds 10] [--corpus DIR] [--in-process] [--database-url URL]
//                         [--cooldown SECONDS[/BURST]] [--seed N] [--no-validate] [--bot-log FILE] [--timeout SECONDS] [--json]
//                         [--shards N] [--per-cluster N] [--compiled] [--code DIR]
// Exit code: 0 when every interaction was answered in time without an error, 1 otherwise, 2 on bad arguments.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article } from '../src/model/types.js';
import { startTestBot, type LogRecord, type TestBot } from '../test/helpers/discord-bot.js';
import { prepareValidators, validateRequest } from '../test/helpers/discord-spec.js';
import { FakeDiscord, snowflake, type FakeInteraction, type FakeUser, type MessageBody, type RecordedRequest } from '../test/helpers/fake-discord.js';
import { buildQuestions, vocabulary } from './questions.js';
import { pick, seededRandom, type Random } from './random.js';
import { summarize, type Summary } from './stats.js';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Discord drops an interaction whose first response comes later than this. */
export const DEADLINE_MS = 3_000;

export type InteractionKind =
  | 'ask'
  | 'timeline'
  | 'timeline-filtered'
  | 'who'
  | 'who-name'
  | 'quote'
  | 'quote-speaker'
  | 'autocomplete-who'
  | 'autocomplete-person'
  | 'autocomplete-speaker';

/** How often each kind is sent (weights, not percentages). Autocomplete is frequent: it fires as people type. */
export const MIX: Record<InteractionKind, number> = {
  ask: 35,
  timeline: 5,
  'timeline-filtered': 7,
  who: 6,
  'who-name': 9,
  quote: 5,
  'quote-speaker': 8,
  'autocomplete-who': 10,
  'autocomplete-person': 7,
  'autocomplete-speaker': 8,
};

export interface LoadOptions {
  interactions: number;
  users: number;
  /** The interactions are spread over this long (random arrival times, seeded). */
  durationMs: number;
  corpusDir: string;
  /** 'spawn': `node --import tsx src/main.ts`, as in production; 'in-process': startBot in this process. */
  bot: 'spawn' | 'in-process';
  /** The per-user question cooldown; windowSeconds 0 turns it off so every /ask reaches the engine. */
  cooldown: { windowSeconds: number; burst: number };
  seed: number;
  /** Check every request body against Discord's OpenAPI spec (an invalid one is answered 400 and counted). */
  validate: boolean;
  /** How long the bot may take to load the corpus and connect. */
  startTimeoutMs: number;
  /** After the last interaction is sent, how long deferred answers may take to arrive. */
  settleMs: number;
  /** The whole run stops after this long, whatever state it is in. */
  timeoutMs: number;
  /** Spawn mode: also write the bot's log (JSON lines) to this file. */
  botLogFile?: string;
  /** Spawn mode: the shard count the local Discord announces and the bot runs (SHARD_COUNT); null: not sharded. */
  shards: number | null;
  /** Spawn mode, with `shards`: SHARDS_PER_CLUSTER. */
  perCluster: number | null;
  /** Spawn mode: `node scripts/start.mjs` (the compiled build, as `npm start`) rather than tsx. */
  compiled: boolean;
  /** Spawn mode: the bot's DATABASE_URL (a Postgres shared by several hosts) instead of a SQLite file of its own. */
  databaseUrl?: string;
  /** Spawn mode: the folder holding the code the bot runs (src/, scripts/, …); default: this repository. */
  codeDir?: string;
  /** Progress messages (default: none). */
  progress?: (message: string) => void;
}

export const defaultLoadOptions: LoadOptions = {
  interactions: 500,
  users: 50,
  durationMs: 10_000,
  corpusDir: path.join(REPO, 'corpus'),
  bot: 'spawn',
  cooldown: { windowSeconds: 0, burst: 1 },
  seed: 6,
  validate: true,
  startTimeoutMs: 120_000,
  settleMs: 20_000,
  timeoutMs: 300_000,
  shards: null,
  perCluster: null,
  compiled: false,
};

/** One planned interaction. */
export interface PlannedInteraction {
  /** Milliseconds after the start of the load. */
  at: number;
  user: number;
  kind: InteractionKind;
  /** The command's name (the autocomplete's command for autocomplete kinds). */
  command: 'ask' | 'timeline' | 'who' | 'quote';
  options: Record<string, string>;
  /** Autocomplete only: the option being typed and what is typed so far. */
  focused?: { name: string; typed: string };
}

/** What happened to one interaction. */
export interface InteractionResult {
  kind: InteractionKind;
  /** How late the generator dispatched it compared to the plan (its own event-loop lag). */
  sendLagMs: number;
  /** Dispatch → the first callback request reaching Discord; null when none came. */
  firstMs: number | null;
  /** Status the fake answered the first callback with (404 when past the deadline). */
  firstStatus: number | null;
  /** 4 reply, 5 deferred, 8 autocomplete choices. */
  callbackType: number | null;
  /** Dispatch → the visible answer (the callback itself, or the edit/follow-up of a deferral); null when none came. */
  finalMs: number | null;
  outcome: 'answer' | 'cooldown' | 'error-reply' | 'late' | 'unanswered' | 'unfinished';
}

export interface LoadFigures {
  options: Omit<LoadOptions, 'progress'>;
  /** The load average (1 min) when the load started and ended: on a busy machine every time grows. */
  loadAverage: { start: number; end: number };
  startupMs: number;
  /** First interaction sent → last one sent. */
  sendSpanMs: number;
  sent: number;
  byKind: Partial<Record<InteractionKind, number>>;
  /** Acknowledged in time with a 2xx, and the answer arrived. */
  answered: number;
  /** Answered in time with the cooldown notice rather than an answer (counted in `answered`). */
  cooldown: number;
  late: number;
  unanswered: number;
  /** Deferred in time but the edit/follow-up never came. */
  unfinished: number;
  firstResponse: Summary | null;
  finalAnswer: Summary | null;
  /** Per kind: first response and final answer p50/p99/max. */
  perKind: Partial<Record<InteractionKind, { first: Summary | null; final: Summary | null }>>;
  /** The generator's own lag in dispatching (if large, the machine, not the bot, is the bottleneck). */
  sendLag: Summary | null;
  errors: {
    /** Replies saying something went wrong. */
    errorReplies: number;
    /** Requests Discord would have refused (400 invalid body, 404 unknown/late interaction, 401, ...). */
    refusedRequests: number;
    /** Bodies failing Discord's OpenAPI spec, with the first few problems. */
    invalidBodies: number;
    /** Log records at error level or above from the bot. */
    botErrorLogs: number;
    /** Of those, Discord's "Unknown interaction" to a late callback (not in `total`: the interaction is late). */
    botLateLogs: number;
    /** The commonest error messages with their counts, to start from. */
    samples: string[];
    total: number;
  };
  /**
   * discord.js holding requests back ("rate limited by Discord" warnings). The fake never answers 429 here, so these
   * are discord.js's own 50-requests-per-second global budget, which it applies to webhook edits too.
   */
  rateLimitedWarnings: number;
  /** The same, by "METHOD route (global)" as discord.js reports it. */
  rateLimitedRoutes: Record<string, number>;
  /** The bot process's peak RSS (Linux, spawn mode only; the manager's own under clusters). */
  botPeakRssBytes: number | null;
  /** Interactions sent per shard (the shard whose session carried them). */
  perShard: Record<string, number>;
  /**
   * CPU time used from the first interaction sent to the last answer seen: by the bot (the whole process in
   * in-process mode) and by the load generator with the fake (spawn mode only), over `wallMs`. When the bot's share
   * of the wall time nears the cores it can get, interactions queue: the machine, not the code, is the limit.
   */
  cpu: { botMs: number | null; generatorMs: number | null; wallMs: number };
  /** True when every interaction was answered in time and nothing failed. */
  ok: boolean;
}

// ---------- the plan ----------

interface Material {
  questions: string[];
  names: string[];
  topics: string[];
  /** YYYY-MM months that have articles. */
  months: string[];
}

/** Questions, names, topics and months from the corpus itself, so the load fits any story. */
export function materialFrom(articles: readonly Article[]): Material {
  const questions = buildQuestions(articles);
  const { names, words } = vocabulary(articles);
  const topics = [...new Set([...questions.map((q) => q.topic).filter((t) => t.split(' ').length <= 2), ...words.slice(0, 40)])];
  const months = [...new Set(articles.map((a) => a.date.slice(0, 7)))].sort();
  return {
    questions: questions.map((q) => q.text).filter((q) => q.trim().length > 0 && q.length <= 300),
    names: names.slice(0, 60),
    topics: topics.filter((t) => t.length > 0 && t.length <= 100),
    months,
  };
}

function weightedKind(random: Random): InteractionKind {
  const entries = Object.entries(MIX) as [InteractionKind, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [kind, weight] of entries) {
    r -= weight;
    if (r < 0) return kind;
  }
  return entries[entries.length - 1]![0];
}

/** What a user has typed so far of `text`: a prefix, sometimes nothing. */
function typing(random: Random, text: string): string {
  if (random() < 0.15) return '';
  const length = 1 + Math.floor(random() * Math.min(text.length, 8));
  return text.slice(0, length).toLowerCase();
}

function orFallback(items: string[], fallback: string[]): string[] {
  return items.length > 0 ? items : fallback;
}

function planOne(random: Random, kind: InteractionKind, m: Material): Pick<PlannedInteraction, 'command' | 'options' | 'focused'> {
  const names = orFallback(m.names, m.topics.length > 0 ? m.topics : ['a']);
  const topics = orFallback(m.topics, ['news']);
  switch (kind) {
    case 'ask':
      return { command: 'ask', options: { question: pick(random, orFallback(m.questions, ['What happened?'])) } };
    case 'timeline':
      return { command: 'timeline', options: {} };
    case 'timeline-filtered': {
      const options: Record<string, string> = {};
      const r = random();
      if (r < 0.4 && m.months.length > 0) {
        const from = Math.floor(random() * m.months.length);
        options.from = m.months[from]!;
        options.to = m.months[Math.min(m.months.length - 1, from + Math.floor(random() * 3))]!;
      } else if (r < 0.7) options.topic = pick(random, topics);
      else options.person = pick(random, names);
      return { command: 'timeline', options };
    }
    case 'who':
      return { command: 'who', options: {} };
    case 'who-name':
      return { command: 'who', options: { name: pick(random, names) } };
    case 'quote':
      return { command: 'quote', options: random() < 0.5 ? {} : { topic: pick(random, topics) } };
    case 'quote-speaker':
      return { command: 'quote', options: { speaker: pick(random, names) } };
    case 'autocomplete-who':
      return { command: 'who', options: {}, focused: { name: 'name', typed: typing(random, pick(random, names)) } };
    case 'autocomplete-person':
      return { command: 'timeline', options: {}, focused: { name: 'person', typed: typing(random, pick(random, names)) } };
    case 'autocomplete-speaker':
      return { command: 'quote', options: {}, focused: { name: 'speaker', typed: typing(random, pick(random, names)) } };
  }
}

/**
 * The seeded schedule: `interactions` arrival times spread at random over `durationMs` (so bursts happen, as with
 * real users), each user sending an equal share in a shuffled order, kinds drawn from MIX.
 */
export function planLoad(options: Pick<LoadOptions, 'interactions' | 'users' | 'durationMs' | 'seed'>, material: Material): PlannedInteraction[] {
  if (!(options.interactions >= 1) || !(options.users >= 1) || !(options.durationMs >= 0)) {
    throw new Error(`load: expected interactions ≥ 1, users ≥ 1, duration ≥ 0; got ${options.interactions}, ${options.users}, ${options.durationMs} ms`);
  }
  const random = seededRandom(options.seed);
  const times = Array.from({ length: options.interactions }, () => Math.floor(random() * options.durationMs)).sort((a, b) => a - b);
  const users = Array.from({ length: options.interactions }, (_, i) => i % options.users);
  for (let i = users.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [users[i], users[j]] = [users[j]!, users[i]!];
  }
  return times.map((at, i) => {
    const kind = weightedKind(random);
    return { at, user: users[i]!, kind, ...planOne(random, kind, material) };
  });
}

// ---------- observing the fake ----------

/** One interaction sent, and the requests the bot made for it so far. */
export interface Tracked {
  planned: Pick<PlannedInteraction, 'kind'>;
  sent: Pick<FakeInteraction, 'dispatchedAt'>;
  sendLagMs: number;
  /** The first callback request (whatever the fake answered). */
  callback: RecordedRequest | null;
  /** The first successful edit of @original or follow-up. */
  final: RecordedRequest | null;
}

const COOLDOWN_NOTICE = /^You're asking quickly/;
const ERROR_NOTICE = /something went wrong/i;

/** Follows each interaction's requests as they arrive (one listener, not one per interaction). */
class Tracker {
  readonly byToken = new Map<string, Tracked>();
  readonly refused: RecordedRequest[] = [];
  private pendingCount = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly fake: FakeDiscord) {
    fake.on('request', (r: RecordedRequest) => this.onRequest(r));
  }

  add(planned: PlannedInteraction, sent: FakeInteraction, sendLagMs: number): void {
    this.byToken.set(sent.token, { planned, sent, sendLagMs, callback: null, final: null });
    this.pendingCount++;
  }

  get pending(): number {
    return this.pendingCount;
  }

  /** Resolves when every interaction sent so far is finished, or after `ms`. */
  async settle(ms: number): Promise<void> {
    if (this.pendingCount === 0) return;
    await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), sleep(ms, undefined, { ref: false })]);
  }

  private onRequest(r: RecordedRequest): void {
    if (r.status >= 400) this.refused.push(r);
    const token = r.params.interaction_token ?? r.params.webhook_token;
    const t = token ? this.byToken.get(token) : undefined;
    if (!t) return;
    const wasDone = done(t);
    if (r.route.endsWith('/callback')) t.callback ??= r;
    else if (r.status < 300 && (r.method === 'PATCH' || (r.method === 'POST' && r.route.startsWith('POST /webhooks')))) t.final ??= r;
    if (!wasDone && done(t) && --this.pendingCount === 0) for (const w of this.waiters.splice(0)) w();
  }
}

/** Finished: refused or answered outright, or deferred and then filled in. */
function done(t: Tracked): boolean {
  if (!t.callback) return false;
  if (t.callback.status >= 300) return true;
  const type = (t.callback.body as { type?: number }).type;
  return (type !== 5 && type !== 6) || t.final !== null;
}

/** Judges one interaction: late past the deadline or refused, unanswered, unfinished, or answered (and how). */
export function judge(t: Tracked): InteractionResult {
  const base = { kind: t.planned.kind, sendLagMs: t.sendLagMs };
  const cb = t.callback;
  if (!cb) return { ...base, firstMs: null, firstStatus: null, callbackType: null, finalMs: null, outcome: 'unanswered' };
  const body = cb.body as { type: number; data?: MessageBody };
  const firstMs = cb.at - t.sent.dispatchedAt;
  const first = { ...base, firstMs, firstStatus: cb.status, callbackType: body.type };
  if (cb.status >= 300 || firstMs > DEADLINE_MS) return { ...first, finalMs: null, outcome: 'late' };
  const deferred = body.type === 5 || body.type === 6;
  const final = deferred ? t.final : cb;
  if (!final) return { ...first, finalMs: null, outcome: 'unfinished' };
  const message = (deferred ? final.body : body.data) as MessageBody | undefined;
  const content = message?.content ?? '';
  const outcome = COOLDOWN_NOTICE.test(content) ? 'cooldown' : ERROR_NOTICE.test(content) ? 'error-reply' : 'answer';
  return { ...first, finalMs: final.at - t.sent.dispatchedAt, outcome };
}

// ---------- the bot ----------

interface RunningBot {
  logs: () => LogRecord[];
  peakRss: () => number | null;
  /** CPU time the bot's process has used so far (user + system), when it can be read. */
  cpuMs: () => number | null;
  stop: () => Promise<void>;
}

/** `node --import tsx src/main.ts` (or the compiled build) with the fake's addresses, as `npm start` would run against Discord. */
async function spawnBot(fake: FakeDiscord, options: LoadOptions): Promise<RunningBot> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    CORPUS_DIR: options.corpusDir,
    // A database of its own: the load run must not leave state in ./data or read a real deployment's.
    DATABASE_PATH: path.join(mkdtempSync(path.join(os.tmpdir(), 'storydesk-load-')), 'storydesk.db'),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    LOG_LEVEL: 'info',
    ASK_COOLDOWN_SECONDS: String(options.cooldown.windowSeconds),
    ASK_COOLDOWN_BURST: String(options.cooldown.burst),
    ...(options.shards ? { SHARD_COUNT: String(options.shards) } : {}),
    ...(options.shards && options.perCluster ? { SHARDS_PER_CLUSTER: String(options.perCluster) } : {}),
  };
  const code = options.codeDir ?? REPO;
  const args = options.compiled ? ['--max-semi-space-size=64', path.join(code, 'scripts/start.mjs')] : ['--import', 'tsx', path.join(code, 'src/main.ts')];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: LogRecord[] = [];
  let rest = '';
  const file = options.botLogFile ? createWriteStream(options.botLogFile) : null;
  if (file) child.stderr!.pipe(file);
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) logs.push(parseLogLine(line));
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null }));
  let vmHwm: number | null = null;
  const bot: RunningBot = {
    logs: () => logs,
    peakRss: () => vmHwm ?? readPeakRss(child.pid),
    cpuMs: () => readCpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      vmHwm = readPeakRss(child.pid);
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited, sleep(12_000, null, { ref: false })]);
      if (stopped === null) child.kill('SIGKILL');
    },
  };
  const failed = exited.then(({ code, signal }) => {
    const tail = logs.slice(-5).map((l) => l.msg).join(' | ');
    throw new Error(`load: the bot exited before connecting (code ${code}, signal ${signal}): ${tail || 'no output'}`);
  });
  try {
    await Promise.race([fake.waitForSession(options.startTimeoutMs), failed]);
  } catch (error) {
    await bot.stop();
    throw error;
  }
  failed.catch(() => {}); // an exit after connecting is seen as unanswered interactions, not a crash here
  return bot;
}

function parseLogLine(line: string): LogRecord {
  try {
    return JSON.parse(line) as LogRecord;
  } catch {
    return { level: 30, msg: line };
  }
}

/** The kernel's record of a process's peak RSS (Linux); null elsewhere. */
function readPeakRss(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** utime + stime of a process from /proc (Linux); null elsewhere. */
function readCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces) start at the state, field 3; utime is 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** startBot in this process with the real story engine (shares this event loop with the load generator). */
async function inProcessBot(options: LoadOptions): Promise<{ fake: FakeDiscord; bot: RunningBot }> {
  const { loadStory } = await import('../src/engine/story.js');
  const engine = await loadStory({ corpusDir: options.corpusDir });
  const t: TestBot = await startTestBot({ engine, cooldownSeconds: options.cooldown.windowSeconds, cooldownBurst: options.cooldown.burst });
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  return { fake: t.fake, bot: { logs: () => t.logs, peakRss: () => null, cpuMs, stop: () => t.stop() } };
}

// ---------- the run ----------

/** Sends the plan on time (each at its planned offset), recording how late the generator itself was; the servers take turns. */
async function sendPlan(fake: FakeDiscord, tracker: Tracker, plan: PlannedInteraction[], users: FakeUser[], deadline: number): Promise<number> {
  const guilds = fake.guilds.map((g) => g.id);
  let turn = 0;
  const start = performance.now();
  for (const p of plan) {
    if (Date.now() > deadline) break;
    const wait = p.at - (performance.now() - start);
    if (wait > 1) await sleep(wait);
    const lag = Math.max(0, performance.now() - start - p.at);
    const user = users[p.user]!;
    const guildId = guilds[turn++ % guilds.length]!;
    const sent = p.focused
      ? fake.sendAutocomplete(p.command, p.focused.name, p.focused.typed, p.options, user, undefined, guildId)
      : fake.sendCommand(p.command, p.options, user, guildId);
    tracker.add(p, sent, lag);
  }
  return performance.now() - start;
}

function summaryOf(values: (number | null)[]): Summary | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length > 0 ? summarize(xs) : null;
}

/** Runs the load against a fresh fake Discord and bot; always stops both. */
export async function runLoad(partial: Partial<LoadOptions> = {}): Promise<LoadFigures> {
  const options: LoadOptions = { ...defaultLoadOptions, ...partial, cooldown: { ...defaultLoadOptions.cooldown, ...partial.cooldown } };
  const progress = options.progress ?? (() => {});
  const hardDeadline = Date.now() + options.timeoutMs;
  const corpus = await loadCorpus(options.corpusDir);
  if (corpus.articles.length === 0) throw new Error(`load: no articles in ${options.corpusDir}`);
  const plan = planLoad(options, materialFrom(corpus.articles));
  const users: FakeUser[] = Array.from({ length: options.users }, (_, i) => ({ id: snowflake(), username: `reader${i + 1}`, global_name: `Reader ${i + 1}` }));

  const started = Date.now();
  progress(`load: starting the bot (${options.bot}) on ${corpus.articles.length} articles from ${options.corpusDir}`);
  let fake: FakeDiscord;
  let bot: RunningBot;
  if (options.bot === 'in-process') ({ fake, bot } = await inProcessBot(options));
  else {
    if (options.validate) prepareValidators();
    const shards = options.shards ?? 1;
    // The announced shards are identified at once (maxConcurrency): start-up is not five seconds per shard.
    fake = await FakeDiscord.start({ ...(options.validate ? { validate: validateRequest } : {}), shards, maxConcurrency: Math.max(1, shards) });
    for (let shard = 1; shard < shards; shard++) fake.addGuild({ name: `Newsroom ${shard + 1}`, shard });
    try {
      bot = await spawnBot(fake, { ...options, startTimeoutMs: Math.max(1, Math.min(options.startTimeoutMs, hardDeadline - Date.now())) });
    } catch (error) {
      await fake.close();
      throw error;
    }
  }
  const startupMs = Date.now() - started;
  const tracker = new Tracker(fake);
  const loadStart = os.loadavg()[0]!;
  const cpuBefore = { bot: bot.cpuMs(), generator: process.cpuUsage(), wall: performance.now() };
  try {
    progress(`load: bot ready after ${startupMs} ms; sending ${plan.length} interactions from ${options.users} users over ${options.durationMs} ms`);
    const sendSpanMs = await sendPlan(fake, tracker, plan, users, hardDeadline);
    const settleFor = Math.max(0, Math.min(options.settleMs, hardDeadline - Date.now()));
    await tracker.settle(settleFor);
    // The last callback may still be in flight for a moment; a short grace lets late ones be seen as late.
    if (tracker.pending > 0) await sleep(Math.min(500, settleFor));
    const botCpu = bot.cpuMs();
    const generator = process.cpuUsage(cpuBefore.generator);
    const cpu = {
      botMs: botCpu !== null && cpuBefore.bot !== null ? botCpu - cpuBefore.bot : null,
      generatorMs: options.bot === 'spawn' ? (generator.user + generator.system) / 1000 : null,
      wallMs: performance.now() - cpuBefore.wall,
    };
    return figures(options, tracker, fake, bot, { startupMs, sendSpanMs, loadStart, cpu });
  } finally {
    await bot.stop();
    if (options.bot === 'spawn') await fake.close();
  }
}

function figures(
  options: LoadOptions,
  tracker: Tracker,
  fake: FakeDiscord,
  bot: RunningBot,
  run: { startupMs: number; sendSpanMs: number; loadStart: number; cpu: LoadFigures['cpu'] },
): LoadFigures {
  const results = [...tracker.byToken.values()].map(judge);
  const count = (o: InteractionResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const inTime = results.filter((r) => r.outcome === 'answer' || r.outcome === 'cooldown' || r.outcome === 'error-reply');
  const byKind: LoadFigures['byKind'] = {};
  const perKind: LoadFigures['perKind'] = {};
  for (const kind of Object.keys(MIX) as InteractionKind[]) {
    const mine = results.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    byKind[kind] = mine.length;
    perKind[kind] = { first: summaryOf(mine.map((r) => r.firstMs)), final: summaryOf(mine.map((r) => r.finalMs)) };
  }
  const logs = bot.logs();
  const limited = logs.filter((l) => l.msg === 'rate limited by Discord');
  const errorLogs = logs.filter((l) => l.level >= 50);
  // "Unknown interaction" is Discord's 404 to a callback past the deadline: already counted as late.
  const lateLogs = errorLogs.filter((l) => l.err?.message === 'Unknown interaction');
  // A late callback is counted as late, not again as a refused request.
  const refused = tracker.refused.filter((r) => !(r.status === 404 && r.route.endsWith('/callback')));
  const errorReplies = count('error-reply');
  const countedLogs = errorLogs.filter((l) => !lateLogs.includes(l));
  const samples = Object.entries(
    countBy([
      ...countedLogs.map((l) => `bot log: ${l.msg}${l.err ? `: ${l.err.message}` : ''}`),
      ...fake.invalid.map((i) => `invalid ${i.request.route}: ${i.errors.join('; ')}`),
      ...refused.map((r) => `${r.status} ${r.route}`),
    ]),
  )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([message, n]) => `${n}× ${message}`);
  const total = errorReplies + refused.length + errorLogs.length - lateLogs.length;
  const late = count('late');
  const unanswered = count('unanswered');
  const unfinished = count('unfinished');
  const { progress: _progress, ...shown } = options;
  return {
    options: shown,
    loadAverage: { start: run.loadStart, end: os.loadavg()[0]! },
    startupMs: run.startupMs,
    sendSpanMs: run.sendSpanMs,
    sent: results.length,
    byKind,
    answered: inTime.length,
    cooldown: count('cooldown'),
    late,
    unanswered,
    unfinished,
    firstResponse: summaryOf(results.map((r) => r.firstMs)),
    finalAnswer: summaryOf(inTime.map((r) => r.finalMs)),
    perKind,
    sendLag: summaryOf(results.map((r) => r.sendLagMs)),
    errors: { errorReplies, refusedRequests: refused.length, invalidBodies: fake.invalid.length, botErrorLogs: errorLogs.length, botLateLogs: lateLogs.length, samples, total },
    rateLimitedWarnings: limited.length,
    rateLimitedRoutes: countBy(limited.map((l) => `${String(l.method).toUpperCase()} ${String(l.route)}${l.global ? ' (global)' : ''}`)),
    botPeakRssBytes: bot.peakRss(),
    perShard: countBy(fake.dispatched.filter((d) => d.t === 'INTERACTION_CREATE').map((d) => String(d.shard))),
    cpu: run.cpu,
    ok: results.length === options.interactions && late + unanswered + unfinished + total === 0,
  };
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

// ---------- report ----------

function ms(x: number | undefined): string {
  if (x === undefined) return '–';
  return x < 100 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`;
}

function triple(s: Summary | null | undefined): string {
  return s ? `p50 ${ms(s.p50)} · p99 ${ms(s.p99)} · max ${ms(s.max)}` : '–';
}

export function renderLoad(f: LoadFigures): string {
  const o = f.options;
  const cooldown = o.cooldown.windowSeconds > 0 ? `${o.cooldown.burst} per ${o.cooldown.windowSeconds} s` : 'off';
  const sharding = o.shards ? `, ${o.shards} shards${o.perCluster ? ` in clusters of ${o.perCluster}` : ' in one process'} (per shard: ${Object.entries(f.perShard).map(([s, n]) => `${s}: ${n}`).join(', ')})` : '';
  const lines = [
    `storydesk load through Discord — ${f.sent} interactions from ${o.users} users over ${(o.durationMs / 1000).toFixed(1)} s (sent in ${(f.sendSpanMs / 1000).toFixed(1)} s), bot ${o.bot}${o.compiled ? ' (compiled)' : ''}${sharding}, cooldown ${cooldown}, seed ${o.seed}`,
    `${os.cpus().length} CPUs, Node ${process.version}, load average ${f.loadAverage.start.toFixed(1)} → ${f.loadAverage.end.toFixed(1)}; bot ready in ${ms(f.startupMs)}${f.botPeakRssBytes ? `, bot peak RSS ${Math.round(f.botPeakRssBytes / 2 ** 20)} MB` : ''}`,
    '',
    `answered in time   ${f.answered} of ${f.sent}${f.cooldown ? ` (${f.cooldown} of them the cooldown notice)` : ''}`,
    `late (> ${DEADLINE_MS / 1000} s)       ${f.late}`,
    `unanswered         ${f.unanswered}`,
    `deferred, no answer ${f.unfinished}`,
    `errors             ${f.errors.total} (error replies ${f.errors.errorReplies}, refused requests ${f.errors.refusedRequests}, invalid bodies ${f.errors.invalidBodies}, bot error logs ${f.errors.botErrorLogs - f.errors.botLateLogs}; not counted: ${f.errors.botLateLogs} "Unknown interaction" logs of late ones)`,
    `rate-limit waits   ${f.rateLimitedWarnings}${f.rateLimitedWarnings ? ` (discord.js's own budget: ${Object.entries(f.rateLimitedRoutes).map(([r, n]) => `${n}× ${r}`).join(', ')})` : ''}`,
    `CPU used           bot ${ms(f.cpu.botMs ?? undefined)}${f.cpu.generatorMs !== null ? `, generator + fake ${ms(f.cpu.generatorMs)}` : ''} over ${ms(f.cpu.wallMs)} (${f.sent > 0 && f.cpu.botMs !== null ? `${ms(f.cpu.botMs / f.sent)} of bot CPU per interaction` : '–'})`,
    '',
    `first response     ${triple(f.firstResponse)}`,
    `final answer       ${triple(f.finalAnswer)}`,
    `generator lag      ${triple(f.sendLag)}`,
    '',
    'by kind (count: first response | final answer)',
    ...Object.entries(f.perKind).map(([kind, s]) => `  ${kind.padEnd(21)} ${String(f.byKind[kind as InteractionKind]).padStart(4)}: ${triple(s.first)} | ${triple(s.final)}`),
    ...f.errors.samples.map((s) => `  error: ${s}`),
    '',
    f.ok ? `OK: every interaction answered within ${DEADLINE_MS / 1000} s` : 'FAILED: some interactions were late, unanswered or failed',
  ];
  return lines.join('\n');
}

// ---------- command line ----------

export function parseLoadArgs(argv: string[]): { options: Partial<LoadOptions>; json: boolean } {
  const options: Partial<LoadOptions> = {};
  let json = false;
  const number = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min) throw new Error(`load: ${flag} takes a number ≥ ${min}; got ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const next = () => argv[++i];
    if (flag === '--json') json = true;
    else if (flag === '--interactions') options.interactions = Math.floor(number(flag, next(), 1));
    else if (flag === '--users') options.users = Math.floor(number(flag, next(), 1));
    else if (flag === '--seconds') options.durationMs = number(flag, next(), 0) * 1000;
    else if (flag === '--seed') options.seed = Math.floor(number(flag, next(), 0));
    else if (flag === '--timeout') options.timeoutMs = number(flag, next(), 1) * 1000;
    else if (flag === '--corpus') options.corpusDir = path.resolve(next() ?? '');
    else if (flag === '--in-process') options.bot = 'in-process';
    else if (flag === '--no-validate') options.validate = false;
    else if (flag === '--bot-log') options.botLogFile = path.resolve(next() ?? '');
    else if (flag === '--shards') options.shards = Math.floor(number(flag, next(), 1));
    else if (flag === '--per-cluster') options.perCluster = Math.floor(number(flag, next(), 1));
    else if (flag === '--compiled') options.compiled = true;
    else if (flag === '--code') options.codeDir = path.resolve(next() ?? '');
    else if (flag === '--database-url') options.databaseUrl = next();
    else if (flag === '--cooldown') {
      const v = next() ?? '';
      const m = /^(\d+)(?:\/(\d+))?$/.exec(v);
      if (!m) throw new Error(`load: --cooldown takes SECONDS or SECONDS/BURST, e.g. 10/5; got ${v || 'nothing'}`);
      options.cooldown = { windowSeconds: Number(m[1]), burst: Number(m[2] ?? 1) };
    } else {
      throw new Error(`load: unknown option ${flag}; expected --interactions N, --users N, --seconds S, --corpus DIR, --in-process, --cooldown S[/B], --seed N, --no-validate, --bot-log FILE, --timeout S, --json, --shards N, --per-cluster N, --compiled, --code DIR, --database-url URL`);
    }
  }
  return { options, json };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseLoadArgs>;
  try {
    parsed = parseLoadArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const timeoutMs = parsed.options.timeoutMs ?? defaultLoadOptions.timeoutMs;
  // The run stops itself; this is the backstop should anything hang past it.
  setTimeout(() => {
    process.stderr.write(`load: still running ${Math.round(timeoutMs / 1000) + 30} s after the start; exiting\n`);
    process.exit(1);
  }, timeoutMs + 30_000).unref();
  const progress = (m: string) => process.stderr.write(`${m}\n`);
  const f = await runLoad({ ...parsed.options, progress });
  // With --json, stdout carries the JSON alone and the table goes to stderr.
  (parsed.json ? process.stderr : process.stdout).write(`\n${renderLoad(f)}\n`);
  if (parsed.json) process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
  process.exitCode = f.ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
