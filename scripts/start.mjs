// `npm start`: the compiled bot, dist/src/main.js, built first (tsc -p tsconfig.build.json) when dist/ is missing or
// older than any file of src/, commands/ or the tsconfig files. `npm run build` (--build) only builds, always.
// Without TypeScript installed (npm install --omit=dev) and no build, the sources run through tsx instead.
// Messages go to stderr: stdout is the offline console's.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** STORYDESK_DIST: another folder for the build (the tests build into one of their own); it must be inside the repository. */
const DIST = process.env.STORYDESK_DIST ? path.resolve(ROOT, process.env.STORYDESK_DIST) : path.join(ROOT, 'dist');
const MAIN = path.join(DIST, 'src', 'main.js');
/** Written after a build, dated when the build started: a source saved during the build makes the next start rebuild. */
const STAMP = path.join(DIST, '.built');
const SOURCES = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json'];
const TSC = typescriptCompiler();

/** tsc as Node resolves it from here (a dev dependency); null when TypeScript is not installed. */
function typescriptCompiler() {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  } catch {
    return null;
  }
}

/** The newest modification time under `file` (folders too: a deleted or renamed file changes its folder's). */
function newest(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
  return latest;
}

function stale() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built || !existsSync(MAIN)) return true;
  return SOURCES.some((source) => newest(path.join(ROOT, source)) > built.mtimeMs);
}

/** A clean build into a folder of its own, then swapped in for dist/ (nothing of a deleted source stays behind). */
function build() {
  const started = new Date();
  const out = `${DIST}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
  if (tsc.error) throw tsc.error;
  const report = `${tsc.stdout ?? ''}${tsc.stderr ?? ''}`.trim();
  if (!existsSync(path.join(out, 'src', 'main.js'))) {
    rmSync(out, { recursive: true, force: true });
    process.stderr.write(`storydesk: the build failed (tsc exit code ${tsc.status}):\n${report}\n`);
    process.exit(1);
  }
  // tsc emits despite type errors; they are shown, and the bot runs what was emitted, as tsx would.
  if (tsc.status !== 0) process.stderr.write(`storydesk: the build has type errors (the bot runs anyway):\n${report}\n`);
  writeFileSync(path.join(out, '.built'), `${started.toISOString()}\n`);
  utimesSync(path.join(out, '.built'), started, started);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
}

/** Whether process `pid` still runs. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A lock older than this is a crashed build's, whatever it says. */
const LOCK_STALE_MS = 10 * 60_000;

/**
 * One build at a time: several starts at once (two hosts' processes on one machine, a supervisor starting many) would
 * otherwise each delete dist/ under another that is already loading it. The lock file holds its builder's pid; one
 * whose builder is gone (or that is very old) is taken over. Returns whether this process waited for another's build.
 */
function withBuildLock(work) {
  const lock = `${DIST}.lock`;
  // STORYDESK_DIST may be in a folder not made yet (.cache/ in a fresh clone).
  mkdirSync(path.dirname(lock), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let info;
      let holder;
      try {
        info = statSync(lock);
        // Empty for a moment after it is made: its maker is alive then.
        holder = Number(readFileSync(lock, 'utf8').trim() || 'NaN');
      } catch (gone) {
        if (gone.code === 'ENOENT') continue; // released meanwhile: try again
        throw gone;
      }
      const abandoned = Date.now() - info.mtimeMs > LOCK_STALE_MS || (Number.isInteger(holder) && holder > 0 && !alive(holder));
      if (abandoned) {
        rmSync(lock, { force: true });
        continue;
      }
      if (!waited) process.stderr.write('storydesk: another start is building dist/; waiting for it\n');
      waited = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { force: true });
  }
  return waited;
}

const buildOnly = process.argv.includes('--build');
if (!buildOnly && stale() && TSC !== null && existsSync(TSC)) {
  withBuildLock(() => {
    // Built meanwhile by the start this one waited for: run that build.
    if (!stale()) return;
    const began = Date.now();
    process.stderr.write(`storydesk: building dist/ (${existsSync(MAIN) ? 'the sources changed' : 'first start'})\n`);
    build();
    process.stderr.write(`storydesk: built dist/ in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
  });
  await import(pathToFileURL(MAIN).href);
} else if (buildOnly || stale()) {
  if (TSC === null || !existsSync(TSC)) {
    if (buildOnly) {
      process.stderr.write('storydesk: cannot build: TypeScript is not installed (run npm install)\n');
      process.exit(1);
    }
    process.stderr.write('storydesk: TypeScript is not installed, so there is no build: running the sources through tsx\n');
    await import('tsx/esm');
    // Clusters are forked with this process's Node flags: they need tsx too.
    process.execArgv.push('--import', 'tsx');
    await import(pathToFileURL(path.join(ROOT, 'src', 'main.ts')).href);
  } else {
    const began = Date.now();
    withBuildLock(build);
    process.stderr.write(`storydesk: built dist/ in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
  }
} else {
  await import(pathToFileURL(MAIN).href);
}
