// The digest scheduler's `post` and `findPosted`, in memory: channels that keep the messages posted to them, with the
// behaviour the scheduler relies on (enforce_nonce deduplication for a few minutes, errors with Discord's JSON codes).
// It is for unit tests of the scheduler under a fake clock. The real posting code, discord.js over HTTP, is tested
// against fake-discord.ts, a local Discord server (REST and gateway) that the unmodified client talks to.
import { digestMarker, type DigestMessage } from '../../src/discord/digest-render.js';

export interface PostedMessage {
  id: string;
  guildId: string;
  channelId: string;
  nonce: string | undefined;
  at: number;
  payload: DigestMessage;
}

/** Discord keeps a nonce for a few minutes; afterwards the same nonce posts again. */
const NONCE_WINDOW_MS = 5 * 60_000;

export function discordError(code: number, status: number, message: string): Error {
  return Object.assign(new Error(message), { code, status });
}

/** Posts digests to in-memory channels and finds them again, as `discordDigestPoster` and `discordDigestFinder` do on Discord. */
export class FakeDigestPoster {
  readonly messages: PostedMessage[] = [];
  /** Attempts to post, including deduplicated and failed ones. */
  attempts = 0;
  private readonly broken = new Map<string, Error>();
  private readonly channels = new Map<string, string>();
  private nextId = 1000;

  addChannel(guildId: string, channelId: string): this {
    this.channels.set(channelId, guildId);
    return this;
  }

  /** Every post to the channel fails with `error` until `heal`. */
  breakChannel(channelId: string, error: Error): void {
    this.broken.set(channelId, error);
  }

  heal(channelId: string): void {
    this.broken.delete(channelId);
  }

  deleteChannel(channelId: string): void {
    this.channels.delete(channelId);
  }

  inChannel(channelId: string): PostedMessage[] {
    return this.messages.filter((m) => m.channelId === channelId);
  }

  /** The message creation itself, as Discord does it (used by `post` and by crash simulations). */
  create(guildId: string, channelId: string, payload: DigestMessage): PostedMessage {
    this.attempts += 1;
    const broken = this.broken.get(channelId);
    if (broken) throw broken;
    if (this.channels.get(channelId) !== guildId) throw discordError(10003, 404, 'Unknown Channel');
    const now = Date.now();
    if (payload.enforceNonce && payload.nonce) {
      const same = this.messages.find((m) => m.channelId === channelId && m.nonce === payload.nonce && now - m.at < NONCE_WINDOW_MS);
      if (same) return same;
    }
    const message = { id: String(this.nextId++), guildId, channelId, nonce: payload.nonce, at: now, payload };
    this.messages.push(message);
    return message;
  }

  readonly post = async (guildId: string, channelId: string, payload: DigestMessage): Promise<{ messageId: string }> => {
    await Promise.resolve();
    return { messageId: this.create(guildId, channelId, payload).id };
  };

  readonly findPosted = async (_guildId: string, channelId: string, localDate: string): Promise<string | null> => {
    const marker = digestMarker(localDate);
    return this.inChannel(channelId).find((m) => m.payload.embeds.some((e) => e.footer?.text === marker))?.id ?? null;
  };
}
