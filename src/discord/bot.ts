// The Discord client: intents, handlers, in-flight tracking, login and a clean stop.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { keepGapsPruned } from '../db/gaps.js';
import type { Db } from '../db/open.js';
import { Conversations } from '../engine/conversations.js';
import type { DigestService } from './digest-command.js';
import type { IntakeDesk } from './intake-desk.js';
import type { StoryEngine } from '../engine/engine.js';
import type { Logger } from '../log.js';
import { summarize, type Command, type CommandContext } from './command.js';
import { Cooldown } from './cooldown.js';
import { loadCommands } from './loader.js';
import { createMentionHandler } from './mention.js';
import { databasePageStore, memoryPageStore, Pager, resilientPageStore } from './pager.js';

/** How long a list waits for the database to save or read its page state before going on from memory. */
const PAGE_STORE_WAIT_MS = 1_000;
import { NO_MENTIONS_IN_REPLY } from './reply.js';
import { createInteractionHandler } from './router.js';

export interface BotOptions {
  /** Never logged. */
  token: string;
  engine: StoryEngine;
  log: Logger;
  /** REST base for discord.js (`rest.api`); the gateway URL then comes from its `/gateway/bot`. Default: discord.com. */
  apiBase?: string | null;
  /** Per-user question cooldown. */
  cooldown: { windowSeconds: number; burst: number };
  /** How long Previous/Next buttons work. */
  pageTimeoutSeconds: number;
  /** Default: every file in `commands/`. */
  commands?: ReadonlyMap<string, Command>;
  /** Merged over storydesk's client options (tests use it to skip the 5-second identify throttle). */
  clientOptions?: Partial<ClientOptions>;
  /** How long login may take before startBot gives up. Default: 30 s. */
  loginTimeoutMs?: number;
  /** What `/digest` drives; without it `/digest` answers that the digest is not available. */
  digest?: DigestService;
  /** What `/article`, `/feed` and the review buttons drive; without it they answer that intake is not available. */
  intake?: IntakeDesk;
  /**
   * Where paged lists' state is kept, so that their buttons work after a restart (default: memory, lost at a restart),
   * and the questions asked and the votes on their answers (/story gaps; without it, no votes and no gaps).
   */
  db?: Db;
  /** Members' conversations, for follow-up questions. Default: in memory, 5-minute expiry (tests pass a fake clock). */
  conversations?: Conversations;
}

export interface Bot {
  client: Client<true>;
  /** Replies still being worked on. */
  inFlight(): number;
  /** Lets in-flight replies finish (at most `graceMs`, default 8 s), then destroys the client. */
  stop(graceMs?: number): Promise<void>;
}

/** Help lists commands in this order; any others follow. */
const HELP_ORDER = ['ask', 'timeline', 'who', 'quote', 'sources', 'help'];

export function clientOptions(options: Pick<BotOptions, 'apiBase' | 'clientOptions'>): ClientOptions {
  const extra = options.clientOptions ?? {};
  return {
    ...extra,
    // Guilds for slash commands, GuildMessages for mentions; nothing privileged.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    // A mention in a channel or thread the cache has not seen is still answered (by channel id).
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS_IN_REPLY,
    waitGuildTimeout: 5_000,
    rest: { ...(options.apiBase ? { api: options.apiBase } : {}), ...extra.rest },
    ws: { ...extra.ws },
  };
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { log } = options;
  const commands = options.commands ?? (await loadCommands());
  const pager = new Pager({
    timeoutSeconds: options.pageTimeoutSeconds,
    store: options.db
      ? resilientPageStore(databasePageStore(options.db), {
          waitMs: PAGE_STORE_WAIT_MS,
          onError: (what, err) => log.warn({ err }, what),
        })
      : memoryPageStore(),
    // A list's pages, rendered again from its command and options (after a restart): the command's own renderer.
    render: (name, pageOptions) => commands.get(name)?.pages?.(pageOptions, ctx) ?? null,
    onExpireError: (err) => log.warn({ err }, 'could not disable expired page buttons'),
  });
  const ctx: CommandContext = {
    engine: options.engine,
    pager,
    cooldown: new Cooldown(options.cooldown),
    log,
    commands: [...commands.values()].map(summarize).sort((a, b) => helpRank(a.name) - helpRank(b.name)),
    digest: options.digest,
    intake: options.intake,
    conversations: options.conversations ?? new Conversations(),
    db: options.db,
  };

  const client = new Client(clientOptions(options));
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const tracked = work.catch((err: unknown) => log.error({ err }, 'unhandled failure in a handler'));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };
  const onInteraction = createInteractionHandler(commands, ctx);
  const onMessage = createMentionHandler(ctx);
  client.on(Events.InteractionCreate, (interaction) => track(onInteraction(interaction)));
  client.on(Events.MessageCreate, (message) => track(onMessage(message)));
  const state = { stopping: false };
  watch(client, log, state);

  await login(client, options.token, options.loginTimeoutMs ?? 30_000);
  const ready = client as Client<true>;
  // Questions and votes are kept 30 days: pruned now, then daily.
  const gapsKept = options.db ? keepGapsPruned(options.db, { onError: (err) => log.warn({ err }, 'could not delete old questions and votes') }) : null;
  log.info({ user: ready.user.tag, userId: ready.user.id, guilds: ready.guilds.cache.size, commands: [...commands.keys()] }, 'connected to Discord');

  return {
    client: ready,
    inFlight: () => inFlight.size,
    async stop(graceMs = 8_000) {
      state.stopping = true;
      const waiting = inFlight.size;
      if (waiting > 0) log.info({ waiting }, 'finishing in-flight replies');
      await Promise.race([Promise.allSettled([...inFlight]), sleep(graceMs, undefined, { ref: false })]);
      pager.clear();
      await gapsKept?.stop();
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}

function helpRank(name: string): number {
  const i = HELP_ORDER.indexOf(name);
  return i === -1 ? HELP_ORDER.length : i;
}

async function login(client: Client, token: string, timeoutMs: number): Promise<void> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  try {
    // Both at once: a gateway that never answers fails the wait instead of hanging login forever.
    await Promise.all([client.login(token), ready]);
  } catch (error) {
    await client.destroy();
    const reason = !(error instanceof Error) ? String(error) : error.name === 'AbortError' ? `not ready after ${timeoutMs} ms` : error.message;
    throw new DiscordUnreachableError(reason, error);
  }
}

/** Login failed: Discord unreachable, the token refused, or no ready event in time. The message says which. */
export class DiscordUnreachableError extends Error {
  constructor(reason: string, cause: unknown) {
    super(`storydesk: could not connect to Discord: ${reason}`, { cause });
    this.name = 'DiscordUnreachableError';
  }
}

/** Connection trouble goes to the log; none of it may crash the process. */
function watch(client: Client, log: Logger, state: { stopping: boolean }): void {
  client.on(Events.Error, (err) => log.error({ err }, 'discord.js error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord.js warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  // destroy() closes the shard too; that is not a reconnect worth logging.
  client.on(Events.ShardReconnecting, (shardId) => state.stopping || log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway error'));
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited by Discord'),
  );
}
