// The scheduler's Discord side: send a rendered digest to a channel, and find one already posted.
import type { Client, Message } from 'discord.js';
import { DigestChannelError, classifyPostError } from './digest-errors.js';
import type { Db } from '../db/open.js';
import type { StoryEngine } from '../engine/engine.js';
import { digestMarker, renderDigestMessage, type DigestMessage } from './digest-render.js';
import { DigestScheduler, type DigestLogger, type FindPostedDigest, type PostDigest } from '../digest/scheduler.js';

/** Recent messages read when looking for a digest posted before a restart. */
const LOOKBACK = 50;

/** A client, or a getter for one that is created after the scheduler (the bot's, once logged in). */
export type ClientSource = Client | (() => Client);

function resolve(source: ClientSource): Client {
  return typeof source === 'function' ? source() : source;
}

async function sendableChannel(client: Client, guildId: string, channelId: string) {
  const channel = await client.channels.fetch(channelId);
  if (!channel || !('guildId' in channel) || channel.guildId !== guildId) {
    throw new DigestChannelError('10003', `channel ${channelId} is not in this server (Unknown Channel); pick another with /digest set`);
  }
  if (!channel.isSendable()) {
    throw new DigestChannelError('50008', `channel ${channelId} does not take messages; pick a text channel with /digest set`);
  }
  return channel;
}

/** Posts with the digest's nonce and enforce_nonce, so Discord deduplicates a retried send. */
export function discordDigestPoster(source: ClientSource): PostDigest<DigestMessage> {
  return async (guildId, channelId, payload) => {
    const channel = await sendableChannel(resolve(source), guildId, channelId);
    const message = await channel.send(payload);
    return { messageId: message.id };
  };
}

export function isDigestMessage(message: Pick<Message, 'author' | 'embeds'>, botId: string, localDate: string): boolean {
  const marker = digestMarker(localDate);
  return message.author.id === botId && message.embeds.some((e) => e.footer?.text === marker);
}

/** Looks through the channel's recent messages for the bot's digest of `localDate`. */
export function discordDigestFinder(source: ClientSource): FindPostedDigest {
  return async (guildId, channelId, localDate) => {
    const client = resolve(source);
    const botId = client.user?.id;
    if (!botId) return null;
    const channel = await sendableChannel(client, guildId, channelId);
    if (!('messages' in channel)) return null;
    const recent = await channel.messages.fetch({ limit: LOOKBACK });
    return recent.find((m) => isDigestMessage(m, botId, localDate))?.id ?? null;
  };
}

export interface DiscordDigestOptions {
  db: Db;
  /** The bot's client (or a getter for it); call `start()` on the result once it is logged in. */
  client: ClientSource;
  /** The engine serving now (a live reload may replace it). */
  engine: () => StoryEngine;
  log?: DigestLogger;
  /** Whether this process posts a server's digest (under sharding, the shard holding it). Default: all. */
  owns?: (guildId: string) => boolean;
}

/** The scheduler wired to Discord: posts with discord.js, finds earlier posts in the channel, renders embeds. */
export function createDiscordDigest(options: DiscordDigestOptions): DigestScheduler<DigestMessage> {
  return new DigestScheduler<DigestMessage>({
    db: options.db,
    engine: options.engine,
    render: (digest, { nonce }) => renderDigestMessage(digest, { nonce }),
    post: discordDigestPoster(options.client),
    classify: classifyPostError,
    findPosted: discordDigestFinder(options.client),
    log: options.log,
    owns: options.owns,
  });
}
