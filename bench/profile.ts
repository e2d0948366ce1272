// Where the time goes: the functions with the most self and total time in a V8 CPU profile (`--cpu-prof`), for a
// whole run or for one window between marks recorded by bench/measure.ts (serve phase).
//   npx tsx bench/profile.ts FILE.cpuprofile [--result bench/.corpora/result-100k-serve.json --window load|ask|timeline|who|quote|others|questions] [--top 25]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

const WINDOWS: Record<string, [string, string]> = {
  load: ['loadStart', 'loadEnd'],
  ask: ['askStart', 'askEnd'],
  timeline: ['timelineStart', 'timelineEnd'],
  who: ['whoStart', 'whoEnd'],
  quote: ['quoteStart', 'quoteEnd'],
  /** timeline, who and quote together. */
  others: ['askEnd', 'questionsEnd'],
  questions: ['askStart', 'questionsEnd'],
};

function label(node: ProfileNode, repo: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.startsWith('file://') ? path.relative(repo, new URL(url).pathname) : url;
  // tsx's transpiled modules report line 1 for everything: the file alone says more than a wrong line.
  const where = file && lineNumber > 0 ? `${file}:${lineNumber + 1}` : file;
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

/** Self and total (inclusive, each function counted once per sample) time per function within [from, to] µs. */
export function functionTimes(profile: CpuProfile, repo: string, from = -Infinity, to = Infinity): FunctionTime[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (t < from || t > to) return;
    const leaf = byId.get(id);
    if (!leaf) return;
    const name = label(leaf, repo);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
      const n = label(node, repo);
      if (seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + ms);
    }
  });
  return [...total.entries()].map(([name, totalMs]) => ({ name, selfMs: self.get(name) ?? 0, totalMs }));
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { result: { type: 'string' }, window: { type: 'string' }, top: { type: 'string', default: '25' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('bench/profile: expected a .cpuprofile file');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  let from = -Infinity;
  let to = Infinity;
  if (values.window) {
    const keys = WINDOWS[values.window];
    if (!keys) throw new Error(`bench/profile: --window must be one of ${Object.keys(WINDOWS).join(', ')}; got ${values.window}`);
    if (!values.result) throw new Error('bench/profile: --window needs --result (the serve phase JSON holding the marks)');
    const marks = (JSON.parse(readFileSync(values.result, 'utf8')) as { marks?: Record<string, number> }).marks ?? {};
    const [start, end] = [marks[keys[0]], marks[keys[1]]];
    if (start === undefined || end === undefined) {
      throw new Error(`bench/profile: ${values.result} has no ${keys.join('/')} marks (a run of an older bench/measure.ts?)`);
    }
    [from, to] = [start, end];
  }
  const times = functionTimes(profile, process.cwd(), from, to);
  const top = Number(values.top);
  const wall = times.find((f) => f.name.startsWith('(root)'))?.totalMs ?? 0;
  console.log(`${path.basename(file)}${values.window ? ` — window ${values.window}` : ''}: ${wall.toFixed(0)} ms sampled`);
  for (const [title, key] of [['self time', 'selfMs'], ['total time', 'totalMs']] as const) {
    console.log(`\nby ${title}:`);
    for (const f of [...times].sort((a, b) => b[key] - a[key]).slice(0, top)) {
      console.log(`${f[key].toFixed(0).padStart(8)} ms  ${((100 * f[key]) / (wall || 1)).toFixed(1).padStart(5)} %  ${f.name}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('bench', 'profile.ts'))) main();
