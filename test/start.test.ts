// `npm start`'s compiled start (scripts/start.mjs): the first start builds (tsc -p tsconfig.build.json, commands/
// included), the next one runs the build as it is; the compiled bot holds two shards in one process, finds the
// compiled commands and answers. The build goes to a folder of its own under .cache/ (STORYDESK_DIST), not dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { useTmpDir } from './helpers/tmp.js';
import { FakeDiscord } from './helpers/fake-discord.js';
import { within } from './helpers/within.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join('.cache', `test-build-${process.pid}`);
const tmp = useTmpDir();

let fake: FakeDiscord | null = null;
let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  await fake?.close();
  fake = null;
});

afterAll(() => rmSync(path.join(ROOT, DIST), { recursive: true, force: true }));


/** `npm start` (what its script execs) against the fake, with two shards in one process. */
async function start(discord: FakeDiscord): Promise<{ stderr: () => string; exited: Promise<unknown[]> }> {
  const dir = tmp();
  const corpusDir = path.join(dir, 'corpus');
  cpSync(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  child = spawn(process.execPath, ['--max-semi-space-size=64', 'scripts/start.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'info',
      STORYDESK_DIST: DIST,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: path.join(dir, 'storydesk.db'),
      SHARD_COUNT: '2',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit');
  return { stderr: () => stderr, exited };
}

describe('npm start (compiled)', () => {
  it('builds when there is no build, runs it as it is the next time, and the compiled bot answers on both shards', async () => {
    rmSync(path.join(ROOT, DIST), { recursive: true, force: true });
    for (const first of [true, false]) {
      fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 2 });
      const second = fake.addGuild({ shard: 1 });
      const run = await start(fake);
      await within(fake.waitForSession(150_000), 150_000, () => `the compiled bot to connect; stderr:\n${run.stderr()}`);
      expect(run.stderr().includes('storydesk: building dist/ (first start)')).toBe(first);
      for (const guildId of [fake.guildId, second.id]) {
        const reply = await fake.waitForReply(fake.sendCommand('help', {}, fake.member, guildId), 5_000);
        expect(reply.message.embeds![0]!.title).toBe('storydesk');
      }
      child!.kill('SIGTERM');
      expect((await within(run.exited, 10_000, () => 'exit'))[0]).toBe(0);
      await fake.close();
      fake = null;
    }
    // The commands were compiled with the rest, and only JavaScript is there.
    const commands = readdirSync(path.join(ROOT, DIST, 'commands'));
    expect(commands).toContain('ask.js');
    expect(commands.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(existsSync(path.join(ROOT, DIST, 'src', 'main.js'))).toBe(true);
  }, 240_000);

  it('builds once when two starts find no build at the same time (two hosts on one machine): the other waits, then both run it', async () => {
    const dist = `${DIST}-twice`;
    rmSync(path.join(ROOT, dist), { recursive: true, force: true });
    try {
      const runs = [0, 1].map(() => {
        const proc = spawn(process.execPath, ['scripts/start.mjs'], {
          cwd: ROOT,
          stdio: ['pipe', 'pipe', 'pipe'],
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', STORYDESK_DIST: dist, DATABASE_PATH: path.join(tmp(), 'storydesk.db') },
        });
        let stdout = '';
        let stderr = '';
        proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
        proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        proc.stdin!.end('/sources\n');
        return { exited: once(proc, 'exit'), stdout: () => stdout, stderr: () => stderr };
      });
      const codes = await Promise.all(runs.map((r) => within(r.exited, 180_000, () => `both starts; stderr:\n${runs.map((x) => x.stderr()).join('\n---\n')}`)));
      expect(codes.map((c) => c[0])).toEqual([0, 0]);
      for (const r of runs) expect(r.stdout()).toContain('Israel offers cyber aid to Albania');
      const stderr = runs.map((r) => r.stderr()).join('\n');
      expect(stderr.match(/storydesk: building dist\//g)).toHaveLength(1);
      expect(stderr).toContain('storydesk: another start is building dist/; waiting for it');
      expect(existsSync(path.join(ROOT, `${dist}.lock`))).toBe(false);
    } finally {
      rmSync(path.join(ROOT, dist), { recursive: true, force: true });
    }
  }, 240_000);
});
