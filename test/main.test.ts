// `npm start` as a process: the bot against a fake Discord with a temporary database and a temporary copy of the
// corpus (edited while it runs), a clean exit on SIGTERM, the console without a token, a clear error for a bad database.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useTmpDir } from './helpers/tmp.js';
import { prepareValidators, validateRequest } from './helpers/discord-spec.js';
import { FakeDiscord, type FakeInteraction } from './helpers/fake-discord.js';
import { within } from './helpers/within.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from './helpers/postgres.js';
import { publishArticle } from '../src/db/articles.js';
import { openPostgres } from '../src/db/postgres.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const tmp = useTmpDir();

/** A folder with a copy of the seed corpus and room for the database and the index cache. */
function workspace(): { corpusDir: string; databasePath: string } {
  const dir = tmp();
  const corpusDir = path.join(dir, 'corpus');
  cpSync(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  return { corpusDir, databasePath: path.join(dir, 'data', 'storydesk.db') };
}

const FERRY = `---
title: Ferry operator halts crossings after engine fire
date: 2024-06-03
outlet: Harbour Herald
url: https://example.com/ferry-fire
---

The Northern Isles Ferry Company suspended all crossings on Monday after an engine fire on its largest vessel.

No passengers were hurt, the company said.
`;

/** Front matter without a title: invalid. */
const BROKEN = `---
date: 2024-06-04
outlet: Harbour Herald
---

A paragraph nobody can cite without a title.
`;

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

/** Resolves once `probe` holds, checking whenever the process writes something. */
function waitForOutput(run: Run, probe: () => boolean, ms: number, what: string): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      const check = () => {
        if (!probe()) return;
        run.child.stdout!.off('data', check);
        run.child.stderr!.off('data', check);
        resolve();
      };
      run.child.stdout!.on('data', check);
      run.child.stderr!.on('data', check);
      check();
    }),
    ms,
    `${what}; stderr:\n${run.stderr()}`,
  );
}

async function replyText(fake: FakeDiscord, interaction: FakeInteraction): Promise<string> {
  return JSON.stringify((await fake.waitForReply(interaction, 5_000)).message);
}


describe('npm start', () => {
  it('connects, answers, follows articles added and removed while running, skips an invalid one, finishes the reply in flight at SIGTERM, exits 0', async () => {
    prepareValidators();
    fake = await FakeDiscord.start({ validate: validateRequest });
    const { corpusDir, databasePath } = workspace();
    const run = runMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_APPLICATION_ID: fake.applicationId,
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: databasePath,
    });
    await within(fake.waitForSession(20_000), 20_000, `the bot to connect; stderr:\n${run.stderr()}`);
    const asked = fake.sendCommand('sources');
    const reply = await fake.waitForReply(asked, 5_000);
    expect(reply.callbackAt - asked.dispatchedAt).toBeLessThan(3_000);
    expect(reply.message.embeds![0]!.title).toBe('Sources');
    expect(JSON.stringify(reply.message)).not.toContain('Ferry operator');

    // The corpus changes under the running bot: one good article and one invalid file.
    await waitForOutput(run, () => run.stderr().includes('watching the corpus for changes'), 5_000, 'the watcher');
    writeFileSync(path.join(corpusDir, '2024-06-03-ferry-fire.md'), FERRY);
    writeFileSync(path.join(corpusDir, '2024-06-04-broken.md'), BROKEN);
    await waitForOutput(run, () => run.stderr().includes('corpus: 2024-06-03-ferry-fire.md added'), 10_000, 'the new article');
    const answer = await replyText(fake, fake.sendCommand('ask', { question: 'Why did the ferry company suspend its crossings?' }));
    expect(answer).toContain('after an engine fire on its largest vessel');
    expect(answer).toContain('Ferry operator halts crossings after engine fire');
    await waitForOutput(run, () => /corpus: 2024-06-04-broken\.md: title: .*skipped/.test(run.stderr()), 10_000, 'the invalid file to be reported');
    const sources = await replyText(fake, fake.sendCommand('sources'));
    expect(sources).toContain('Ferry operator halts crossings after engine fire');
    expect(sources).not.toContain('broken');

    rmSync(path.join(corpusDir, '2024-06-03-ferry-fire.md'));
    await waitForOutput(run, () => run.stderr().includes('corpus: 2024-06-03-ferry-fire.md removed'), 10_000, 'the removal');
    const after = await replyText(fake, fake.sendCommand('ask', { question: 'Why did the ferry company suspend its crossings?' }));
    expect(after).not.toContain('engine fire');
    expect(await replyText(fake, fake.sendCommand('sources'))).not.toContain('Ferry operator');

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

  it('runs the offline console when DISCORD_TOKEN is not set, and it follows the corpus too', async () => {
    const { corpusDir, databasePath } = workspace();
    const run = runMain({ CORPUS_DIR: corpusDir, DATABASE_PATH: databasePath });
    run.child.stdin!.write('/sources\n');
    await waitForOutput(run, () => run.stdout().includes('Israel offers cyber aid to Albania'), 15_000, 'the console to answer');
    await waitForOutput(run, () => run.stderr().includes('running the offline console'), 5_000, 'the watcher');
    writeFileSync(path.join(corpusDir, '2024-06-03-ferry-fire.md'), FERRY);
    await waitForOutput(run, () => run.stderr().includes('corpus: 2024-06-03-ferry-fire.md added'), 10_000, 'the new article');
    run.child.stdin!.end('/sources\n');
    const exit = await within(run.exit, 10_000, `the console to finish; stderr:\n${run.stderr()}`);
    expect(exit.code).toBe(0);
    expect(run.stdout()).toContain('Ferry operator halts crossings after engine fire');
    expect(existsSync(databasePath)).toBe(false); // offline, there is no digest and so no database
  });

  it('exits 3 with one clear message when the database is not a database, before connecting', async () => {
    const { corpusDir } = workspace();
    const garbage = path.join(tmp(), 'garbage.db');
    writeFileSync(garbage, 'this is not a SQLite database, just text long enough to have a header. '.repeat(20));
    const run = runMain({
      DISCORD_TOKEN: 'never-used',
      // Nothing listens here: the bot must fail on the database before it tries to connect.
      DISCORD_API_BASE: 'http://127.0.0.1:9/api',
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: garbage,
    });
    const exit = await within(run.exit, 15_000, 'exit');
    expect(exit.code).toBe(3);
    expect(run.stderr()).toContain(`storydesk: cannot use the database at ${garbage} (DATABASE_PATH): the file is not a SQLite database`);
    expect(run.stderr()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(run.stderr()).not.toContain('could not connect');
  });

  it.each([
    ['a missing CORPUS_DIR', { CORPUS_DIR: '/nonexistent/corpus' }, 1, 'storydesk: cannot read the corpus folder /nonexistent/corpus (CORPUS_DIR): it does not exist'],
    ['a CORPUS_DIR that is a file', { CORPUS_DIR: 'package.json' }, 1, 'storydesk: cannot read the corpus folder package.json (CORPUS_DIR): it is a file, not a folder'],
    ['a DATABASE_PATH under /proc, offline', { DATABASE_PATH: '/proc/self/x/storydesk.db' }, 3, 'storydesk: cannot use the database at /proc/self/x/storydesk.db (DATABASE_PATH): it is under /proc'],
    [
      'a DATABASE_URL where nothing listens',
      { DISCORD_TOKEN: 'never-used', DISCORD_API_BASE: 'http://127.0.0.1:9/api', DATABASE_URL: 'postgres://storydesk:secret@127.0.0.1:9/storydesk' },
      3,
      'storydesk: cannot use the database at postgres://storydesk:***@127.0.0.1:9/storydesk (DATABASE_URL): nothing is listening there',
    ],
    ['an unreachable Discord', { DISCORD_TOKEN: 'never-used', DISCORD_API_BASE: 'http://127.0.0.1:9/api', SHARD_COUNT: '' }, 1, 'storydesk: could not connect to Discord: connect ECONNREFUSED 127.0.0.1:9'],
  ])('exits with one clear line for %s: no stack trace, no doubled prefix, and the exit code says what failed', async (_, env, code, line) => {
    const run = runMain({ LOG_LEVEL: 'silent', DATABASE_PATH: path.join(tmp(), 'storydesk.db'), ...env });
    const exit = await within(run.exit, 15_000, 'exit');
    expect(exit.code).toBe(code);
    expect(run.stderr()).not.toContain('secret');
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
    expect(run.stderr()).toContain(line);
    expect(run.stderr()).not.toContain('Error:');
  });

  it('says in its first line that the corpus is empty', async () => {
    const empty = tmp();
    const run = runMain({ LOG_LEVEL: 'silent', CORPUS_DIR: empty, DATABASE_PATH: path.join(tmp(), 'storydesk.db') });
    run.child.stdin!.end('/sources\n');
    expect((await within(run.exit, 15_000, 'exit')).code).toBe(0);
    expect(run.stdout().split('\n')[0]).toBe(`The corpus folder ${empty} holds no articles yet: add Markdown article files to it (see the README).`);
  });

  it('exits 2 listing each invalid variable', async () => {
    const run = runMain({ LOG_LEVEL: 'loud', ASK_COOLDOWN_SECONDS: 'soon' });
    const exit = await within(run.exit, 15_000, 'exit');
    expect(exit.code).toBe(2);
    expect(run.stderr()).toContain('LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"');
    expect(run.stderr()).toContain('ASK_COOLDOWN_SECONDS: expected a whole number from 0 to 3600, got "soon"');
  });
});

describe.skipIf(!postgresAvailable)(`the offline console with DATABASE_URL${postgresAvailable ? '' : ` (SKIPPED: ${postgresSkipReason})`}`, () => {
  it('serves the shared story (its empty folder filled from the database) and publishes what it adds', async () => {
    const fresh = await freshPostgresDatabase();
    const db = await openPostgres(fresh.url, { hostId: 'a-bot-host' });
    try {
      const seed = path.join(ROOT, 'corpus');
      for (const name of readdirSync(seed).filter((f) => f.endsWith('.md'))) {
        await publishArticle(db, name, readFileSync(path.join(seed, name), 'utf8'), db.hostId);
      }
      const empty = tmp();
      const run = runMain({ CORPUS_DIR: empty, DATABASE_URL: fresh.url });
      await waitForOutput(run, () => run.stderr().includes('running the offline console') || run.child.exitCode !== null, 30_000, 'the console');
      expect(run.stderr()).toContain('"written":2');
      writeFileSync(path.join(empty, '2022-09-20-harbour-bridge.md'), '---\ntitle: "Harbour bridge reopens"\ndate: 2022-09-20\noutlet: Test Wire\nurl: https://example.com/bridge\n---\n\nThe harbour bridge reopened on Tuesday.\n');
      await within(
        (async () => {
          while (!(await db.get(`SELECT 1 FROM articles WHERE path = '2022-09-20-harbour-bridge.md'`))) await new Promise((r) => setTimeout(r, 100));
        })(),
        10_000,
        () => `the console to publish the new file; stderr:\n${run.stderr()}`,
      );
      run.child.stdin!.end('/sources\n');
      expect((await within(run.exit, 15_000, 'exit')).code).toBe(0);
      expect(run.stdout()).toContain('Israel offers cyber aid to Albania');
      expect(run.stdout()).toContain('Lapid tells Rama');
    } finally {
      await db.close();
      await fresh.drop();
    }
  }, 60_000);
});
