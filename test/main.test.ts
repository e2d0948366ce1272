// `npm start` as a process: the bot against a fake Discord, a clean exit on SIGTERM, the console without a token.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareValidators, validateRequest } from './helpers/discord-spec.js';
import { FakeDiscord } from './helpers/fake-discord.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let fake: FakeDiscord | null = null;
let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  await fake?.close();
  fake = null;
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Runs `tsx src/main.ts` (what `npm start` execs) with only the given variables set beside PATH and HOME. */
function runMain(env: Record<string, string>, command: string[] = [TSX, 'src/main.ts']): Run {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', CORPUS_DIR: 'corpus' };
  child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null, at: Date.now() }));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('npm start', () => {
  it('connects with DISCORD_TOKEN and DISCORD_API_BASE, answers, finishes the reply in flight at SIGTERM, exits 0', async () => {
    prepareValidators();
    fake = await FakeDiscord.start({ validate: validateRequest });
    const run = runMain({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, DISCORD_APPLICATION_ID: fake.applicationId });
    await within(fake.waitForSession(20_000), 20_000, `the bot to connect; stderr:\n${run.stderr()}`);
    const asked = fake.sendCommand('sources');
    const reply = await fake.waitForReply(asked, 5_000);
    expect(reply.callbackAt - asked.dispatchedAt).toBeLessThan(3_000);
    expect(reply.message.embeds![0]!.title).toBe('Sources');

    // A 429 holds the next reply back, so SIGTERM lands while it is in flight.
    fake.failNext({ route: /\/callback$/, status: 429, retryAfter: 0.5 });
    const inFlight = fake.sendCommand('help');
    await fake.waitForRequest((r) => r.status === 429);
    const sigterm = Date.now();
    run.child.kill('SIGTERM');
    const late = await fake.waitForReply(inFlight, 5_000);
    expect(late.message.embeds![0]!.title).toBe('storydesk');
    const exit = await within(run.exit, 10_000, 'the bot to exit after SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - sigterm).toBeLessThan(10_000);

    expect(fake.invalid).toEqual([]);
    const logs = run.stderr();
    expect(logs).toContain('"msg":"connected to Discord"');
    expect(logs).toContain('"msg":"finishing in-flight replies"');
    expect(logs).toContain('"msg":"disconnected from Discord"');
    expect(logs).not.toContain(fake.token);
  });

  it('runs the offline console when DISCORD_TOKEN is not set', async () => {
    const run = runMain({});
    run.child.stdin!.end('/sources\n');
    const exit = await within(run.exit, 15_000, `the console to finish; stderr:\n${run.stderr()}`);
    expect(exit.code).toBe(0);
    expect(run.stdout()).toContain('Israel offers cyber aid to Albania');
  });

  it('exits 2 listing each invalid variable', async () => {
    const run = runMain({ LOG_LEVEL: 'loud', ASK_COOLDOWN_SECONDS: 'soon' });
    const exit = await within(run.exit, 15_000, 'exit');
    expect(exit.code).toBe(2);
    expect(run.stderr()).toContain('LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"');
    expect(run.stderr()).toContain('ASK_COOLDOWN_SECONDS: expected a whole number from 0 to 3600, got "soon"');
  });
});
