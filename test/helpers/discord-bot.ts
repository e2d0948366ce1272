// Starts the real bot (real discord.js client) against a FakeDiscord, with logs captured for assertions.
import { Writable } from 'node:stream';
import { startBot, type Bot } from '../../src/discord/bot.js';
import type { Db } from '../../src/db/open.js';
import type { Command } from '../../src/discord/command.js';
import type { Conversations } from '../../src/engine/conversations.js';
import type { StoryEngine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord } from './fake-discord.js';
import { prepareValidators, validateRequest } from './discord-spec.js';

export interface LogRecord {
  level: number;
  msg: string;
  err?: { message: string; stack?: string; type?: string };
  [key: string]: unknown;
}

export interface TestBot {
  fake: FakeDiscord;
  bot: Bot;
  logs: LogRecord[];
  /** Destroys the client and closes the fake; safe to call twice. */
  stop(): Promise<void>;
}

export interface TestBotOptions {
  engine: StoryEngine;
  cooldownSeconds?: number;
  cooldownBurst?: number;
  pageTimeoutSeconds?: number;
  /** Where paged lists' state is kept (a restart test passes the same database to the next bot). Default: memory. */
  db?: Db;
  /** A FakeDiscord already running (the same one across a restart); stop() then leaves it open. Default: a new one. */
  fake?: FakeDiscord;
  /** Default: every file in `commands/`. */
  commands?: ReadonlyMap<string, Command>;
  /** Members' conversations (a test passes one with a fake clock). Default: the bot's own. */
  conversations?: Conversations;
}

/** Log records as objects, in order. */
export function captureLogs(): { logs: LogRecord[]; stream: Writable } {
  const logs: LogRecord[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogRecord);
      done();
    },
  });
  return { logs, stream };
}

export async function startTestBot(options: TestBotOptions): Promise<TestBot> {
  prepareValidators();
  const ownFake = !options.fake;
  const fake = options.fake ?? (await FakeDiscord.start({ validate: validateRequest }));
  const { logs, stream } = captureLogs();
  let bot: Bot;
  try {
    bot = await startBot({
      token: fake.token,
      engine: options.engine,
      log: createLogger({ level: 'debug', destination: stream }),
      apiBase: fake.apiBase,
      cooldown: { windowSeconds: options.cooldownSeconds ?? 0, burst: options.cooldownBurst ?? 1 },
      pageTimeoutSeconds: options.pageTimeoutSeconds ?? 60,
      // Discord allows one identify per 5 s; the fake does not care, and tests should not wait.
      clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
      loginTimeoutMs: 5_000,
      ...(options.db ? { db: options.db } : {}),
      ...(options.commands ? { commands: options.commands } : {}),
      ...(options.conversations ? { conversations: options.conversations } : {}),
    });
  } catch (error) {
    if (ownFake) await fake.close();
    throw error;
  }
  let stopped = false;
  return {
    fake,
    bot,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await bot.stop(1_000);
      if (ownFake) await fake.close();
    },
  };
}
