// A shared database that goes away while the bot runs (issue 19): the bot's Postgres is reached through a TCP proxy
// the test cuts. Meanwhile the bot answers /ask and /timeline from memory, within Discord's 3 s; when the database is
// back, the connection that carries signals reconnects (with backoff) and the bot catches up on an article published
// on another host while it was cut off, then answers from it. A real bot process, a real Postgres, the local Discord.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { publishArticle } from '../../src/db/articles.js';
import { openPostgres } from '../../src/db/postgres.js';
import { FakeDiscord, type MessageBody } from '../helpers/fake-discord.js';
import { prepareValidators, validateRequest } from '../helpers/discord-spec.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from '../helpers/postgres.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { useTmpDir } from '../helpers/tmp.js';
import { within } from '../helpers/within.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const tmp = useTmpDir('storydesk-dblost-');
const cleanups: Array<() => Promise<void>> = [];
let child: ChildProcess | null = null;

afterEach(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  child = null;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

async function until<T>(probe: () => T | Promise<T>, ms: number, what: () => string): Promise<T> {
  return within(
    (async () => {
      for (;;) {
        const value = await probe();
        if (value) return value;
        await new Promise((r) => setTimeout(r, 100));
      }
    })(),
    ms,
    what,
  );
}

function embedText(message: MessageBody): string {
  return (message.embeds ?? [])
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])
    .filter(Boolean)
    .join('\n');
}

const ARTICLE = `---
title: "Harbour bridge reopens after repairs"
date: 2022-09-20
outlet: Test Wire
url: https://example.com/harbour-bridge
---

The harbour bridge reopened on Tuesday after eleven weeks of repairs to its cables, the city's transport office said.
`;

describe.skipIf(!postgresAvailable)(`a shared database lost while running${postgresAvailable ? '' : ` (SKIPPED: ${postgresSkipReason})`}`, () => {
  it.each(['refused', 'unanswered'] as const)('answers from memory while the database is unreachable (%s), reconnects, and catches up on what it missed', async (mode) => {
    prepareValidators();
    const fake = await FakeDiscord.start({ validate: validateRequest });
    cleanups.push(() => fake.close());
    const pgdb = await freshPostgresDatabase();
    cleanups.push(pgdb.drop);
    const direct = new URL(pgdb.url);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(pgdb.url);
    viaProxy.port = String(proxy.port);
    const other = await openPostgres(pgdb.url, { hostId: 'other-host' });
    cleanups.push(() => other.close());

    const corpusDir = path.join(tmp(), 'corpus');
    cpSync(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
    let stderr = '';
    child = spawn(TSX, ['src/main.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        DISCORD_TOKEN: fake.token,
        DISCORD_API_BASE: fake.apiBase,
        CORPUS_DIR: corpusDir,
        DATABASE_URL: viaProxy.toString(),
        ASK_COOLDOWN_SECONDS: '0',
      },
    });
    const exited = once(child, 'exit');
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const logged = (pattern: RegExp) => stderr.split('\n').some((l) => pattern.test(l));
    await until(() => logged(/"msg":"connected to Discord"/), 60_000, () => `the bot; stderr:\n${stderr}`);

    await proxy.cut(mode);
    if (mode === 'refused') await until(() => logged(/lost the database connection that carries signals/), 10_000, () => `the lost connection to be noticed; stderr:\n${stderr}`);
    // Another host publishes an article meanwhile; this one can't hear of it.
    const { row } = await publishArticle(other, '2022-09-20-harbour-bridge.md', ARTICLE, other.hostId);
    await other.signals.notify('storydesk_articles', String(row.revision));

    // Answers keep flowing from memory, within Discord's 3 s.
    for (const [name, options] of [
      ['ask', { question: 'Who attacked Albania?' }],
      ['timeline', {}],
      ['who', {}],
    ] as const) {
      const interaction = fake.sendCommand(name, options, fake.member);
      const seen = await fake.waitForReply(interaction, 10_000);
      expect(seen.callbackAt - interaction.dispatchedAt, name).toBeLessThan(3_000);
      expect(seen.message.content ?? '', name).not.toMatch(/something went wrong/i);
      expect(seen.message.embeds?.length, name).toBeGreaterThan(0);
      if (name === 'timeline') expect(JSON.stringify(seen.message.components ?? []), name).toContain('Next');
    }
    const answer = await fake.waitForReply(fake.sendCommand('ask', { question: 'Who attacked Albania?' }, fake.member), 10_000);
    expect(embedText(answer.message)).toMatch(/Iran/);

    // Back: the signal connection reconnects with backoff and the missed article is served.
    await proxy.restore();
    if (mode === 'unanswered') await until(() => logged(/lost the database connection that carries signals/), 60_000, () => `the silent connection to be noticed; stderr:\n${stderr}`);
    const question = 'When did the harbour bridge reopen?';
    await until(
      async () => embedText((await fake.waitForReply(fake.sendCommand('ask', { question }, fake.member), 10_000)).message).includes('eleven weeks'),
      40_000,
      () => `the missed article to be served; stderr:\n${stderr}`,
    );
    expect(fake.invalid).toEqual([]);
    child.kill('SIGTERM');
    const [code] = await within(exited, 10_000, () => `exit; stderr:\n${stderr}`);
    expect(code).toBe(0);
  }, 120_000);
});
