// `npm run bench:shards`: what sharding costs one machine, against the local Discord (test/helpers/fake-discord.ts,
// 127.0.0.1 only), which announces as many shards as asked and identifies them all at once (max_concurrency = count).
//   1. memory: RSS of every process of the bot (the process and its clusters) running 1, 4 and 16 shards of the
//      100,000-passage story in one process, and 16 shards in 4 clusters (SHARDS_PER_CLUSTER=4); after ready, and
//      after 40 questions spread over the shards. Floors (issue 18): 16 in one process ≤ 1.3× one shard; 16 in 4
//      clusters ≤ 4.5×.
//   2. start-up: process start to every shard connected, the compiled build (`npm start`: scripts/start.mjs with a
//      fresh dist/) against the sources through tsx (`npm run dev`), on the seeds and at 100k (median of --repeats).
//   3. load: 500 interactions from 50 users over 10 s spread over 4 shards in one process (bench/load-discord.ts),
//      on the seeds and at 100k: all answered, first response p99 < 3 s.
// Every part runs one copy of the code, taken when the bench starts (.cache/bench-code: src/, commands/, scripts/,
// the tsconfig files, package.json) and built there once, so that edits made meanwhile neither rebuild dist/ nor
// invalidate the index cache in the middle of a measurement.
//   npm run bench:shards -- [--repeats 3] [--skip memory,startup,load] [--json [FILE]]
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../test/helpers/fake-discord.js';
import { ensureCorpus } from './corpora.js';
import { renderLoad, runLoad, type LoadFigures } from './load-discord.js';
import { buildQuestions } from './questions.js';
import { loadCorpus } from '../src/corpus/load.js';
import { MB } from './stats.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH_DIR);
const WORK = path.join(BENCH_DIR, '.corpora');
/** The copy of the code every bot of the run is started from (under the git-ignored .cache/, which no tsconfig includes). */
const CODE = path.join(REPO, '.cache', 'bench-code');
const CODE_PARTS = ['src', 'commands', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** A fresh copy of the code, built (its dist/) by its own scripts/start.mjs. */
async function snapshotCode(): Promise<void> {
  rmSync(CODE, { recursive: true, force: true });
  for (const part of CODE_PARTS) cpSync(path.join(REPO, part), path.join(CODE, part), { recursive: true });
  const started = performance.now();
  const build = spawn(process.execPath, [path.join(CODE, 'scripts/start.mjs'), '--build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  const [code] = await once(build, 'exit');
  if (code !== 0) throw new Error(`bench:shards: building the copy of the code failed (exit code ${code})`);
  progress(`shards: copied and built the code in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

type Mode = 'compiled' | 'tsx';
type Part = 'memory' | 'startup' | 'load';

interface Options {
  repeats: number;
  skip: Part[];
  json: string | null;
}

export interface MemoryFigures {
  label: string;
  shards: number;
  processes: number;
  /** Sum over the processes, after every shard is connected and the process settled for 3 s. */
  rssReadyBytes: number;
  /** Sum over the processes, after 40 questions spread over the shards. */
  rssAfterQuestionsBytes: number;
  /** Sum of each process's peak (VmHWM). */
  peakBytes: number;
  readyMs: number;
}

export interface StartupFigures {
  corpus: string;
  mode: Mode;
  /** Process start → every shard's session live on the local Discord, each run. */
  runsMs: number[];
  medianMs: number;
  /** CPU time (user + system) the bot had used when connected, each run: less at the mercy of the machine's load. */
  cpuMs: number[];
  medianCpuMs: number;
}

export interface ShardFigures {
  machine: { cpus: number; node: string; loadAverage: number[] };
  passages: number | null;
  memory: MemoryFigures[];
  startup: StartupFigures[];
  load: { corpus: string; figures: LoadFigures }[];
  checks: { target: string; value: number; limit: number; pass: boolean }[];
}

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

// ---------- processes ----------

/** VmRSS and VmHWM of a process (Linux), in bytes; zeros when it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** The process and every process below it. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** utime + stime of the process and its descendants (Linux), in ms. */
function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / 100;
}

function treeMemory(root: number): { rss: number; hwm: number; processes: number } {
  const pids = processTree(root);
  const all = pids.map(memoryOf).filter((m) => m.rss > 0);
  return { rss: all.reduce((s, m) => s + m.rss, 0), hwm: all.reduce((s, m) => s + m.hwm, 0), processes: all.length };
}

interface Bot {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<unknown>;
  tmp: string;
}

function startBot(fake: FakeDiscord, mode: Mode, corpusDir: string, env: Record<string, string> = {}): Bot {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'storydesk-shards-'));
  const args =
    mode === 'compiled'
      ? ['--max-semi-space-size=64', path.join(CODE, 'scripts/start.mjs')]
      : ['--max-semi-space-size=64', '--import', 'tsx', path.join(CODE, 'src/main.ts')];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: path.join(tmp, 'storydesk.db'),
      LOG_LEVEL: 'info',
      ASK_COOLDOWN_SECONDS: '0',
      ...env,
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, stderr: () => stderr, exited: once(child, 'exit'), tmp };
}

async function stopBot(bot: Bot): Promise<void> {
  const pids = bot.child.pid ? processTree(bot.child.pid) : [];
  if (bot.child.exitCode === null && bot.child.signalCode === null) {
    bot.child.kill('SIGTERM');
    const stopped = await Promise.race([bot.exited.then(() => true), sleep(12_000, false)]);
    if (!stopped) for (const pid of pids) kill(pid);
  }
  for (const pid of pids.slice(1)) kill(pid); // a cluster left behind, should there be one
  rmSync(bot.tmp, { recursive: true, force: true });
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Resolves when every shard is live (and, under clusters, the manager says so); fails if the bot exits first. */
async function ready(fake: FakeDiscord, bot: Bot, timeoutMs: number, clusters: boolean): Promise<void> {
  const exited = bot.exited.then(() => {
    throw new Error(`the bot exited before connecting:\n${bot.stderr().split('\n').slice(-6).join('\n')}`);
  });
  exited.catch(() => {});
  await Promise.race([fake.waitForSession(timeoutMs), exited]);
  if (clusters) {
    const deadline = Date.now() + timeoutMs;
    while (!bot.stderr().includes('sharding: every cluster is connected')) {
      if (Date.now() > deadline) throw new Error('the clusters did not all connect');
      await Promise.race([sleep(100), exited]);
    }
  }
}

// ---------- the parts ----------

/** The run built dist/ or the index (its cache was for other code) rather than starting from them. */
function rebuilt(bot: Bot): boolean {
  return bot.stderr().includes('storydesk: building dist/') || bot.stderr().includes('passages, index built');
}

async function measureMemory(corpusDir: string, questions: string[], shards: number, perCluster: number | null): Promise<MemoryFigures> {
  // Built caches are a warm-up: measure again from them.
  const first = await measureMemoryOnce(corpusDir, questions, shards, perCluster);
  return first.rebuilt ? (await measureMemoryOnce(corpusDir, questions, shards, perCluster)).figures : first.figures;
}

async function measureMemoryOnce(
  corpusDir: string,
  questions: string[],
  shards: number,
  perCluster: number | null,
): Promise<{ figures: MemoryFigures; rebuilt: boolean }> {
  const label = perCluster ? `${shards} shards in ${Math.ceil(shards / perCluster)} clusters` : `${shards} shard${shards > 1 ? 's' : ''} in one process`;
  progress(`shards: memory, ${label}`);
  const fake = await FakeDiscord.start({ shards, maxConcurrency: shards });
  for (let shard = 1; shard < shards; shard++) fake.addGuild({ name: `Newsroom ${shard + 1}`, shard });
  const started = performance.now();
  const bot = startBot(fake, 'compiled', corpusDir, { SHARD_COUNT: String(shards), ...(perCluster ? { SHARDS_PER_CLUSTER: String(perCluster) } : {}) });
  try {
    await ready(fake, bot, 600_000, perCluster !== null);
    const readyMs = performance.now() - started;
    await sleep(3_000);
    const atReady = treeMemory(bot.child.pid!);
    // 40 questions, the servers (and so the shards and clusters) taking turns.
    for (let i = 0; i < 40; i++) {
      const guild = fake.guilds[i % fake.guilds.length]!;
      await fake.waitForReply(fake.sendCommand('ask', { question: questions[i % questions.length]! }, fake.member, guild.id), 10_000);
    }
    const after = treeMemory(bot.child.pid!);
    const figures = { label, shards, processes: atReady.processes, rssReadyBytes: atReady.rss, rssAfterQuestionsBytes: after.rss, peakBytes: after.hwm, readyMs };
    return { figures, rebuilt: rebuilt(bot) };
  } finally {
    await stopBot(bot);
    await fake.close();
  }
}

async function measureStartup(corpus: string, corpusDir: string, mode: Mode, repeats: number): Promise<StartupFigures> {
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  // The first run is a warm-up: it builds dist/ when stale and the index cache when missing. A run that had to
  // build either (the sources changed meanwhile) is not counted.
  for (let run = 0, tries = 0; runsMs.length < repeats && tries < repeats * 3; run++) {
    const fake = await FakeDiscord.start();
    const started = performance.now();
    const bot = startBot(fake, mode, corpusDir);
    try {
      await ready(fake, bot, 600_000, false);
      const ms = performance.now() - started;
      const cpu = treeCpuMs(bot.child.pid!);
      if (run > 0) {
        tries++;
        if (!rebuilt(bot)) {
          runsMs.push(ms);
          cpuMs.push(cpu);
        }
      }
    } finally {
      await stopBot(bot);
      await fake.close();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  progress(`shards: start-up, ${corpus}, ${mode}: ${runsMs.map((m) => Math.round(m)).join(', ')} ms (CPU ${cpuMs.join(', ')} ms)`);
  return { corpus, mode, runsMs, medianMs: median(runsMs), cpuMs, medianCpuMs: median(cpuMs) };
}

// ---------- report ----------

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function renderShards(f: ShardFigures): string {
  const lines = [
    `storydesk sharding — ${f.machine.cpus} CPUs, Node ${f.machine.node}, load average ${f.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
  ];
  if (f.memory.length > 0) {
    const one = f.memory.find((m) => m.shards === 1 && m.processes === 1);
    lines.push('', `memory, ${f.passages?.toLocaleString('en-US') ?? '?'}-passage story (every process of the bot, summed)`);
    lines.push('  shards                      processes  ready in   RSS at ready   after 40 questions   peak (sum)   × one shard');
    for (const m of f.memory) {
      const ratio = one ? `${(m.rssReadyBytes / one.rssReadyBytes).toFixed(2)}×` : '–';
      lines.push(
        `  ${m.label.padEnd(27)} ${String(m.processes).padStart(9)}  ${seconds(m.readyMs).padStart(8)}   ${mb(m.rssReadyBytes).padStart(12)}   ${mb(m.rssAfterQuestionsBytes).padStart(18)}   ${mb(m.peakBytes).padStart(10)}   ${ratio.padStart(11)}`,
      );
    }
  }
  if (f.startup.length > 0) {
    lines.push('', 'process start to connected: median wall time, median CPU time (every run)');
    for (const s of f.startup) {
      lines.push(
        `  ${s.corpus.padEnd(6)} ${s.mode.padEnd(9)} ${seconds(s.medianMs).padStart(8)}  CPU ${seconds(s.medianCpuMs).padStart(8)}   (${s.runsMs.map((m) => seconds(m)).join(', ')})`,
      );
    }
  }
  for (const l of f.load) lines.push('', `load, ${l.corpus}:`, renderLoad(l.figures).replace(/^/gm, '  '));
  if (f.checks.length > 0) {
    lines.push('', 'targets (issue 18)');
    for (const c of f.checks) lines.push(`  ${c.pass ? '✓' : '✗'} ${c.target}: ${c.value.toFixed(2)} (limit ${c.limit})`);
  }
  return lines.join('\n');
}

function checks(f: ShardFigures): ShardFigures['checks'] {
  const out: ShardFigures['checks'] = [];
  const one = f.memory.find((m) => m.label === '1 shard in one process');
  const check = (target: string, value: number, limit: number) => out.push({ target, value, limit, pass: value <= limit });
  if (one) {
    for (const m of f.memory.filter((x) => x.shards === 16)) {
      const limit = m.processes > 1 ? 4.5 : 1.3;
      check(`RSS at ready, ${m.label} / 1 shard`, m.rssReadyBytes / one.rssReadyBytes, limit);
      check(`RSS after questions, ${m.label} / 1 shard`, m.rssAfterQuestionsBytes / one.rssAfterQuestionsBytes, limit);
    }
  }
  for (const l of f.load) {
    check(`load ${l.corpus}: interactions not answered in time`, l.figures.sent - l.figures.answered + l.figures.errors.total, 0);
    check(`load ${l.corpus}: first response p99, s`, (l.figures.firstResponse?.p99 ?? Infinity) / 1000, 3);
  }
  return out;
}

// ---------- command line ----------

export function parseShardArgs(argv: string[]): Options {
  const options: Options = { repeats: 3, skip: [], json: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--repeats') {
      options.repeats = Number(argv[++i]);
      if (!Number.isInteger(options.repeats) || options.repeats < 1) throw new Error(`bench:shards: --repeats takes a whole number ≥ 1; got ${argv[i]}`);
    } else if (flag === '--skip') {
      const parts = (argv[++i] ?? '').split(',').filter((p) => p.length > 0);
      const bad = parts.filter((p) => !['memory', 'startup', 'load'].includes(p));
      if (bad.length > 0 || parts.length === 0) throw new Error(`bench:shards: --skip takes memory,startup,load; got ${argv[i] ?? 'nothing'}`);
      options.skip = parts as Part[];
    } else if (flag === '--json') {
      const next = argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[++i]! : '-';
      options.json = next;
    } else throw new Error(`bench:shards: unknown option ${flag}; expected --repeats N, --skip memory,startup,load, --json [FILE]`);
  }
  return options;
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseShardArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  await mkdir(WORK, { recursive: true });
  const seeds = path.join(REPO, 'corpus');
  await snapshotCode();
  progress('shards: preparing the 100k corpus (generated once into bench/.corpora)');
  const big = await ensureCorpus('100k', WORK, seeds);
  const figures: ShardFigures = {
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
    passages: big.sentences,
    memory: [],
    startup: [],
    load: [],
    checks: [],
  };
  if (!options.skip.includes('startup')) {
    // First: its warm-up runs build dist/ and the index caches the other parts use.
    for (const [name, dir] of [['seeds', seeds], ['100k', big.dir]] as const) {
      for (const mode of ['compiled', 'tsx'] as const) figures.startup.push(await measureStartup(name, dir, mode, options.repeats));
    }
  }
  if (!options.skip.includes('memory')) {
    const questions = buildQuestions((await loadCorpus(big.dir)).articles)
      .map((q) => q.text)
      .filter((q) => q.trim().length > 0 && q.length <= 300);
    for (const [shards, perCluster] of [[1, null], [4, null], [16, null], [16, 4]] as const) {
      figures.memory.push(await measureMemory(big.dir, questions, shards, perCluster));
    }
  }
  if (!options.skip.includes('load')) {
    for (const [name, dir] of [['seeds', seeds], ['100k', big.dir]] as const) {
      progress(`shards: load, ${name}, 4 shards in one process (compiled)`);
      figures.load.push({ corpus: name, figures: await runLoad({ corpusDir: dir, shards: 4, compiled: true, codeDir: CODE, progress }) });
    }
  }
  figures.checks = checks(figures);
  figures.machine.loadAverage = os.loadavg();
  const table = renderShards(figures);
  (options.json === '-' ? process.stderr : process.stdout).write(`\n${table}\n`);
  if (options.json === '-') process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else if (options.json) await writeFile(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  process.exitCode = figures.checks.every((c) => c.pass) ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
