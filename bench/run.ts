// `npm run bench`: builds the benchmark corpora, measures each in fresh processes (bench/measure.ts) and prints the
// figures next to the targets of issue 6.
//   npm run bench -- [--sizes seeds,1k,10k,100k] [--quick] [--json [FILE]] [--profile] [--budget SECONDS] [--timeout MINUTES]
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, SIZE_NAMES, type BenchCorpus, type SizeName } from './corpora.js';
import type { BuildFigures, OpFigures, PlainFigures, ServeFigures } from './measure.js';
import { MB, summarize, type Summary } from './stats.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH_DIR);
const WORK = path.join(BENCH_DIR, '.corpora');

export interface RunOptions {
  sizes: SizeName[];
  quick: boolean;
  /** null: no JSON; '-': JSON to stdout (the table then goes to stderr); otherwise a file. */
  json: string | null;
  profile: boolean;
  budget: string | null;
  /** Minutes one phase of one size may run before it is stopped and reported as failed. */
  timeoutMin: number;
}

export function parseRunArgs(argv: string[]): RunOptions {
  const options: RunOptions = { sizes: [...SIZE_NAMES], quick: false, json: null, profile: false, budget: null, timeoutMin: 20 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`bench: ${flag} needs a value`);
      return v;
    };
    if (flag === '--sizes') {
      const sizes = value().split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      const bad = sizes.filter((s) => !(SIZE_NAMES as readonly string[]).includes(s));
      if (bad.length > 0 || sizes.length === 0) throw new Error(`bench: --sizes takes a list of ${SIZE_NAMES.join(',')}; got "${bad.join(',') || '(none)'}"`);
      options.sizes = SIZE_NAMES.filter((s) => sizes.includes(s));
    } else if (flag === '--quick') options.quick = true;
    else if (flag === '--profile') options.profile = true;
    else if (flag === '--budget') options.budget = value();
    else if (flag === '--timeout') {
      options.timeoutMin = Number(value());
      if (!(options.timeoutMin > 0)) throw new Error(`bench: --timeout takes minutes (a positive number); got ${argv[i]}`);
    }
    else if (flag === '--json') {
      const next = inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[++i] : undefined);
      options.json = next ?? '-';
    } else throw new Error(`bench: unknown option ${arg}; expected --sizes, --quick, --json [FILE], --profile, --budget SECONDS, --timeout MINUTES`);
  }
  return options;
}

/** Phases that were stopped but had written part of their figures (the serve phase checkpoints as it goes). */
const partialRuns: string[] = [];

const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Runs one phase of bench/measure.ts in a fresh Node process and returns the figures it wrote. */
async function measure<T>(phase: 'build' | 'serve' | 'plain', corpus: BenchCorpus, options: RunOptions): Promise<T> {
  const out = path.join(WORK, `result-${corpus.size}-${phase}.json`);
  await rm(out, { force: true });
  // The flags `npm start` runs the bot with (package.json), so the figures are the bot's.
  const nodeArgs = ['--max-semi-space-size=64', '--import', 'tsx', '--expose-gc'];
  if (options.profile && phase !== 'plain') {
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', path.join(BENCH_DIR, '.profiles', `${corpus.size}-${phase}`));
  }
  const args = [
    ...nodeArgs,
    path.join(BENCH_DIR, 'measure.ts'),
    '--phase', phase,
    '--corpus', corpus.dir,
    '--cache', path.join(WORK, `cache-${corpus.size}`),
    '--extra', corpus.extraDir,
    '--out', out,
    ...(options.quick ? ['--quick'] : []),
    ...(options.budget ? ['--budget', options.budget] : []),
  ];
  const code = await new Promise<number | null>((resolve, reject) => {
    // The child's stdout goes to our stderr so that `--json` alone keeps stdout pure JSON.
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 2, 2] });
    const timer = setTimeout(() => {
      progress(`bench: ${corpus.size} ${phase} ran past ${options.timeoutMin} minutes (--timeout); stopping it`);
      child.kill('SIGKILL');
    }, options.timeoutMin * 60_000);
    child.on('error', reject);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  const figures = await readFile(out, 'utf8')
    .then((t) => JSON.parse(t) as T)
    .catch(() => null);
  const failure = `bench: measuring ${corpus.size} (${phase}) failed (exit code ${code}); see the messages above`;
  if (code !== 0 && figures) partialRuns.push(`${corpus.size} ${phase}: stopped; the figures it had written are shown`);
  if (!figures) throw new Error(failure);
  return figures;
}

export interface Check {
  target: string;
  value: number;
  limit: number;
  /** Higher is better (a speed-up) rather than lower (a time or a size). */
  atLeast?: boolean;
  pass: boolean;
}

export interface SizeFigures {
  corpus: BenchCorpus;
  build: BuildFigures | null;
  serve: ServeFigures | null;
  plain: PlainFigures | null;
  errors: string[];
  /** Plain MiniSearch latency ÷ our ask latency on the same questions: how many times faster ask is. */
  speedup: ReturnType<typeof matchedSpeedup>;
  checks: Check[];
}

/** Question index → median ms, for the questions an operation timed. */
function perQuestion(op: OpFigures | undefined): Map<number, number> {
  const out = new Map<number, number>();
  op?.timedIndices?.forEach((q, k) => out.set(q, op.perCall![k]!));
  return out;
}

/**
 * Plain MiniSearch's latency ÷ ask's, on the same questions: the ones plain MiniSearch timed (all of them unless
 * it was too slow), each question's ask time being its median over the passes.
 */
export function matchedSpeedup(f: Pick<SizeFigures, 'serve' | 'plain'>): { p50: number; p99: number; ask: Summary; plain: Summary } | null {
  const ask = perQuestion(f.serve?.ops.ask);
  const plain = perQuestion(f.plain?.search);
  const common = [...plain.keys()].filter((i) => ask.has(i));
  if (common.length === 0) return null;
  const askSummary = summarize(common.map((i) => ask.get(i)!));
  const plainSummary = summarize(common.map((i) => plain.get(i)!));
  return { p50: plainSummary.p50 / askSummary.p50, p99: plainSummary.p99 / askSummary.p99, ask: askSummary, plain: plainSummary };
}

function check(target: string, value: number | undefined, limit: number, atLeast = false): Check[] {
  if (value === undefined || !Number.isFinite(value)) return [];
  return [{ target, value, limit, atLeast, pass: atLeast ? value >= limit : value <= limit }];
}

/** The issue's targets for one size: latency and upsert floors at every size, the scale targets at 100k. */
function checksFor(size: SizeName, f: SizeFigures): Check[] {
  const ops = f.serve?.ops;
  const checks: Check[] = [
    ...check('ask p99 ≤ 20 ms', ops?.ask.latency?.p99, 20),
    ...check('timeline p99 ≤ 20 ms', ops?.timeline.latency?.p99, 20),
    ...check('who p99 ≤ 20 ms', ops?.who.latency?.p99, 20),
    ...check('quote p99 ≤ 20 ms', ops?.quote.latency?.p99, 20),
    ...check('upsert one article ≤ 100 ms', f.serve?.upsert.upsert?.max, 100),
    ...check('hostile question ≤ 200 ms', f.serve?.hostile?.maxMs, 200),
    ...check('hostile question ≤ 100 MB above baseline', f.serve?.hostile ? f.serve.hostile.maxRssGrowth / MB : undefined, 100),
  ];
  if (size === '100k') {
    checks.push(
      ...check('ask ≥ 30× faster than plain MiniSearch at p50', f.speedup?.p50, 30, true),
      ...check('start-up from cache ≤ 2 s', f.serve?.startupMs, 2000),
      ...check('RSS after load ≤ 600 MB', f.serve ? f.serve.afterLoad.rss / MB : undefined, 600),
      ...check('peak RSS during start-up ≤ 600 MB', f.serve?.startupPeakRss ? f.serve.startupPeakRss / MB : undefined, 600),
      ...check('peak RSS during questions ≤ 600 MB', f.serve ? f.serve.peakRssDuringQuestions / MB : undefined, 600),
    );
  }
  return checks;
}

async function measureSize(size: SizeName, options: RunOptions): Promise<SizeFigures> {
  progress(`▶ ${size}: preparing the corpus`);
  const corpus = await ensureCorpus(size, WORK, path.join(REPO, 'corpus'));
  const figures: SizeFigures = { corpus, build: null, serve: null, plain: null, errors: [], speedup: null, checks: [] };
  for (const phase of ['build', 'serve', 'plain'] as const) {
    progress(`▶ ${size}: ${phase}`);
    try {
      if (phase === 'build') figures.build = await measure<BuildFigures>(phase, corpus, options);
      else if (phase === 'serve') figures.serve = await measure<ServeFigures>(phase, corpus, options);
      else figures.plain = await measure<PlainFigures>(phase, corpus, options);
    } catch (error) {
      figures.errors.push((error as Error).message);
      progress((error as Error).message);
      if (phase === 'build') break; // without a cache the serve phase would measure a build
    }
  }
  figures.speedup = matchedSpeedup(figures);
  figures.checks = checksFor(size, figures);
  return figures;
}

// ---- formatting ----

export function fmtMs(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function fmtMb(bytes: number | undefined | null): string {
  if (bytes === undefined || bytes === null || !Number.isFinite(bytes)) return '–';
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}

function fmtCount(n: number | undefined | null): string {
  return n === undefined || n === null ? '–' : n.toLocaleString('en-US');
}

function mark(f: SizeFigures, target: string): string {
  const c = f.checks.find((x) => x.target === target);
  return c ? (c.pass ? ' ✓' : ' ✗') : '';
}

function opCell(op: OpFigures | undefined, f: SizeFigures, target: string): string {
  if (!op) return '–';
  if (!op.available) return op.error?.startsWith('not measured') ? 'not measured' : 'not available';
  const l = op.latency!;
  const timed = op.timedIndices?.length ?? 0;
  const sample = timed < (op.questions ?? 0) ? ` (${timed} q)` : '';
  return `${fmtMs(l.p50)} / ${fmtMs(l.p99)}${mark(f, target)}${sample}${op.errors ? ` (${op.errors} errors)` : ''}`;
}

type Row = [label: string, cell: (f: SizeFigures, size: SizeName) => string, target: string];

const ROWS: (Row | string)[] = [
  'Corpus',
  ['articles', (f) => fmtCount(f.serve?.articles ?? f.build?.articles), ''],
  ['passages (sentences)', (f) => fmtCount(f.serve?.passages ?? f.build?.passages), ''],
  'Index',
  ['build, cold (Story.load, no cache)', (f) => fmtMs(f.build?.coldLoadMs), ''],
  ['  of which parsing the corpus', (f) => fmtMs(f.build?.parseMs), ''],
  ['cache size on disk', (f) => fmtMb(f.build?.cacheBytes), ''],
  ['cache read + JSON.parse alone', (f) => (f.serve ? `${fmtMs(f.serve.cacheReadMs)} + ${fmtMs(f.serve.cacheParseMs)}` : '–'), ''],
  ['start-up to ready (from cache)', (f) => fmtMs(f.serve?.startupMs) + mark(f, 'start-up from cache ≤ 2 s'), '≤ 2 s at 100k'],
  ['process start to ready', (f) => fmtMs(f.serve?.processToReadyMs), ''],
  [
    'hostile question, slowest / most RSS added',
    (f) => (f.serve?.hostile && Number.isFinite(f.serve.hostile.maxMs) ? `${fmtMs(f.serve.hostile.maxMs)} / ${(f.serve.hostile.maxRssGrowth / MB).toFixed(0)} MB${mark(f, 'hostile question ≤ 200 ms')}${mark(f, 'hostile question ≤ 100 MB above baseline')}` : '–'),
    '≤ 200 ms, ≤ 100 MB',
  ],
  ['upsert one article (median / max)', (f) => (f.serve?.upsert.upsert ? `${fmtMs(f.serve.upsert.upsert.p50)} / ${fmtMs(f.serve.upsert.upsert.max)}${mark(f, 'upsert one article ≤ 100 ms')}` : f.serve?.upsert.error ? (f.serve.upsert.error.startsWith('not measured') ? 'not measured' : 'not available') : '–'), '≤ 100 ms'],
  'Memory',
  ['heap used after load', (f) => fmtMb(f.serve?.afterLoad.heapUsed), ''],
  ['RSS after load', (f) => fmtMb(f.serve?.afterLoad.rss) + mark(f, 'RSS after load ≤ 600 MB'), '≤ 600 MB at 100k'],
  ['peak RSS during start-up', (f) => fmtMb(f.serve?.startupPeakRss) + mark(f, 'peak RSS during start-up ≤ 600 MB'), '≤ 600 MB at 100k'],
  ['peak RSS during questions', (f) => fmtMb(f.serve?.peakRssDuringQuestions) + mark(f, 'peak RSS during questions ≤ 600 MB'), '≤ 600 MB at 100k'],
  ['heap / RSS after questions + GC', (f) => (f.serve ? `${fmtMb(f.serve.retained.heapUsed)} / ${fmtMb(f.serve.retained.rss)}` : '–'), ''],
  ['peak RSS during cold build', (f) => fmtMb(f.build?.peakRss), ''],
  'Latency, p50 / p99 (warm-up excluded)',
  ['questions', (f) => fmtCount(f.serve?.questionCount), '≥ 100'],
  ['ask', (f) => opCell(f.serve?.ops.ask, f, 'ask p99 ≤ 20 ms'), 'p99 ≤ 20 ms at 100k'],
  ['  answered (share of questions)', (f) => (f.serve?.ops.ask.meanResults !== undefined ? `${Math.round(100 * f.serve.ops.ask.meanResults)} %` : '–'), ''],
  ['timeline', (f) => opCell(f.serve?.ops.timeline, f, 'timeline p99 ≤ 20 ms'), 'p99 ≤ 20 ms'],
  ['who', (f) => opCell(f.serve?.ops.who, f, 'who p99 ≤ 20 ms'), 'p99 ≤ 20 ms'],
  ['quote', (f) => opCell(f.serve?.ops.quote, f, 'quote p99 ≤ 20 ms'), 'p99 ≤ 20 ms'],
  'Plain MiniSearch (default options, one document per sentence)',
  ['build', (f) => fmtMs(f.plain?.buildMs), ''],
  ['search', (f) => opCell(f.plain?.search, f, ''), ''],
  ['  questions timed', (f) => (f.plain ? `${f.plain.sampled} of ${f.plain.questionCount}` : '–'), ''],
  ['  mean results per question', (f) => (f.plain?.search.meanResults !== undefined ? fmtCount(Math.round(f.plain.search.meanResults)) : '–'), ''],
  ['peak RSS during questions', (f) => fmtMb(f.plain?.peakRssDuringQuestions), ''],
  ['JSON index size / loadJSON', (f) => (f.plain ? `${fmtMb(f.plain.jsonBytes)} / ${fmtMs(f.plain.loadJsonMs)}` : '–'), ''],
  ['ask on the same questions', (f) => (f.speedup ? `${fmtMs(f.speedup.ask.p50)} / ${fmtMs(f.speedup.ask.p99)}` : '–'), ''],
  ['ask speed-up at p50 (plain ÷ ask)', (f) => (f.speedup ? `${f.speedup.p50.toFixed(1)}×${mark(f, 'ask ≥ 30× faster than plain MiniSearch at p50')}` : '–'), '≥ 30× at 100k'],
  ['ask speed-up at p99', (f) => (f.speedup ? `${f.speedup.p99.toFixed(1)}×` : '–'), ''],
];

export function renderTable(results: Partial<Record<SizeName, SizeFigures>>): string {
  const sizes = SIZE_NAMES.filter((s) => results[s]);
  const lines: string[][] = [];
  const sections: number[] = [];
  for (const row of ROWS) {
    if (typeof row === 'string') {
      sections.push(lines.length);
      lines.push([row]);
      continue;
    }
    const [label, cell, target] = row;
    lines.push([label, ...sizes.map((s) => cell(results[s]!, s)), target]);
  }
  const header = ['', ...sizes, 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.filter((l) => l.length > 1).map((l) => [...(l[i] ?? '')].length)));
  const pad = (text: string, width: number, right: boolean): string => {
    const gap = ' '.repeat(Math.max(0, width - [...text].length));
    return right ? gap + text : text + gap;
  };
  const render = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!, i > 0 && i < cells.length - 1)).join('  ').trimEnd();
  const out = [render(header)];
  lines.forEach((l, i) => out.push(sections.includes(i) ? `\n${l[0]}` : render(l)));
  return out.join('\n');
}

/** One line per size: "ask p50 0.8 ms = 32× faster than plain MiniSearch (p50 25.6 ms)". */
export function renderSpeedups(results: Partial<Record<SizeName, SizeFigures>>): string[] {
  const lines: string[] = [];
  for (const size of SIZE_NAMES) {
    const f = results[size];
    if (!f?.speedup) continue;
    const { p50: ratio, ask, plain } = f.speedup;
    const relation = ratio >= 1 ? `${ratio.toFixed(1)}× faster than` : `${(1 / ratio).toFixed(1)}× slower than`;
    lines.push(`${size}: ask p50 ${fmtMs(ask.p50)} = ${relation} plain MiniSearch (p50 ${fmtMs(plain.p50)}, same ${plain.n} questions)`);
  }
  return lines;
}

/** The slowest questions of each operation at the largest size measured: where p99 comes from. */
export function renderSlowest(results: Partial<Record<SizeName, SizeFigures>>, count = 5): string[] {
  const size = [...SIZE_NAMES].reverse().find((s) => results[s]?.serve);
  const serve = size ? results[size]!.serve! : null;
  if (!serve) return [];
  const lines: string[] = [];
  for (const [name, op] of Object.entries(serve.ops)) {
    if (!op.perCall) continue;
    const slowest = op.perCall
      .map((ms, k) => ({ ms, question: `${op.labels?.[k] ?? ''}  ← ${JSON.stringify(serve.questions[op.timedIndices![k]!] ?? '')}` }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, count);
    lines.push(`${size}: slowest ${name} calls (median over passes):`, ...slowest.map((x) => `    ${fmtMs(x.ms).padStart(9)}  ${x.question}`));
  }
  return lines;
}

function renderChecks(results: Partial<Record<SizeName, SizeFigures>>): string[] {
  const lines: string[] = [];
  for (const size of SIZE_NAMES) {
    const f = results[size];
    if (!f) continue;
    const failed = f.checks.filter((c) => !c.pass);
    lines.push(`${size}: ${f.checks.length - failed.length} of ${f.checks.length} targets met` + (failed.length ? `; missed: ${failed.map((c) => c.target).join('; ')}` : ''));
    for (const e of f.errors) lines.push(`${size}: ERROR ${e}`);
    const ops = { ...(f.serve?.ops ?? {}), 'plain MiniSearch': f.plain?.search };
    for (const [name, op] of Object.entries(ops)) {
      if (op?.errors) lines.push(`${size}: ${name} threw on ${op.errors} calls; first: ${op.error}`);
    }
    if (f.serve?.upsert.error) lines.push(`${size}: upsertArticle: ${f.serve.upsert.error}`);
    if (f.serve && f.serve.indexSource !== 'cache') lines.push(`${size}: WARNING: start-up did not load the index from the cache (${f.serve.indexSource})`);
  }
  for (const p of partialRuns) lines.push(p);
  if (!results['100k']) lines.push('100k not run: start-up, RSS and the 30× speed-up targets apply at 100k and were not checked.');
  return lines;
}

async function main(): Promise<void> {
  const options = parseRunArgs(process.argv.slice(2));
  await mkdir(WORK, { recursive: true });
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!;
  const results: Partial<Record<SizeName, SizeFigures>> = {};
  for (const size of options.sizes) results[size] = await measureSize(size, options);
  const report = [
    '',
    `storydesk bench — ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${options.quick ? 'quick' : 'full'} run, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    // Other work on the machine inflates every time; the speed-up ratio holds better than absolute figures.
    `load average (1 min) ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end`,
    '',
    renderTable(results),
    '',
    ...renderSpeedups(results),
    '',
    ...renderSlowest(results),
    '',
    ...renderChecks(results),
    '',
  ].join('\n');
  // With `--json` and no file, stdout carries the JSON alone.
  (options.json === '-' ? process.stderr : process.stdout).write(report);
  if (options.json !== null) {
    const json = JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        machine: { loadAverage: { start: loadBefore, end: os.loadavg()[0] }, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? null, totalMemory: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` },
        options: { sizes: options.sizes, quick: options.quick, profile: options.profile, budget: options.budget },
        results,
      },
      null,
      2,
    );
    if (options.json === '-') process.stdout.write(`${json}\n`);
    else await writeFile(options.json, `${json}\n`);
  }
  if (Object.values(results).some((f) => f.errors.length > 0)) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  });
}
