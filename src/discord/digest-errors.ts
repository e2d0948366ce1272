// Why a digest post to Discord failed, in terms a moderator can act on, and whether trying again later today can help.
import type { PostFailure } from '../digest/scheduler.js';

/** Discord error codes that retrying cannot fix. */
const PERMANENT: Record<number, string> = {
  10003: 'the channel no longer exists or the bot cannot see it (Unknown Channel); pick another with /digest set',
  10004: 'the bot is no longer in this server (Unknown Guild)',
  50001: 'the bot cannot see the channel (Missing Access); give it View Channel there or pick another channel',
  50013: 'the bot lacks permission to post there (Missing Permissions); it needs View Channel, Send Messages, Embed Links and Read Message History',
  50008: 'the channel does not take messages (not a text channel); pick another with /digest set',
  50083: 'the thread is archived; pick another channel with /digest set',
  50035: 'Discord rejected the message as invalid',
};

/** Thrown by a poster when the channel exists but cannot take a digest (e.g. a voice or category channel). */
export class DigestChannelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DigestChannelError';
  }
}

export function classifyPostError(error: unknown): PostFailure {
  if (error instanceof DigestChannelError) return { code: error.code, message: error.message, permanent: true };
  const e = (error ?? {}) as { code?: unknown; status?: unknown; message?: unknown };
  const raw = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.code === 'number' && PERMANENT[e.code]) return { code: String(e.code), message: PERMANENT[e.code]!, permanent: true };
  const status = typeof e.status === 'number' ? e.status : null;
  // Other 4xx (except timeout and rate limit) mean the request itself is wrong: retrying sends it again.
  const permanent = status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
  const code = typeof e.code === 'number' || typeof e.code === 'string' ? String(e.code) : status !== null ? String(status) : null;
  return { code, message: raw, permanent };
}
