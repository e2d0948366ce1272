// Configuration: `.env` (dotenv) under the process environment, checked with zod. The environment wins.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.js';
import { parseAllowHosts } from './intake/address.js';
import { postgresUrlProblem, redactUrl } from './db/postgres.js';
import { FEED_POLL_MINUTES_DEFAULT, FEED_POLL_MINUTES_MIN } from './intake/schedule.js';

export interface Config {
  /** Bot token; when absent, `npm start` runs the offline console. Never log it. */
  discordToken: string | null;
  /** Needed by `deploy-commands`; the running bot learns its id from the gateway. */
  applicationId: string | null;
  /** Commands deploy to this guild only (instant) when set, globally otherwise. */
  devGuildId: string | null;
  /** Default: `corpus`. */
  corpusDir: string;
  /** Default: `info`. */
  logLevel: LogLevel;
  /** REST base for discord.js (`rest.api`), e.g. `http://127.0.0.1:8080/api`; null means discord.com. */
  apiBase: string | null;
  /** Per-user window for /ask and mentions. Default: 10 s. */
  askCooldownSeconds: number;
  /** Questions a user may ask within one window. Default: 5. */
  askCooldownBurst: number;
  /** How long Previous/Next buttons work. Default 600 s; at most 840 s (interaction tokens last 15 min). */
  pageTimeoutSeconds: number;
  /** The SQLite file for digest settings and state. Default: `./data/storydesk.db`. Unused when databaseUrl is set. */
  databasePath: string;
  /**
   * A PostgreSQL database shared by several hosts (`postgres://…`): all state and the articles themselves live there.
   * Null (unset): the SQLite file at databasePath.
   */
  databaseUrl: string | null;
  /** How long the feed poller's lease lasts; another host takes polling over within this after the holder dies. Default 30 s. */
  feedLeaseSeconds: number;
  /**
   * Run under discord.js's ShardingManager, one process per shard: a count, or `auto` for the count
   * Discord recommends. Null (unset): one process, no sharding.
   */
  shardCount: number | 'auto' | null;
  /** The shards this machine runs (needs a numeric shardCount); null: all of them. */
  shardList: number[] | null;
  /** Hosts (`host` or `host:port`) fetched even at private addresses: for tests and intranets. Default: none. */
  fetchAllowHosts: string[];
  /** Minutes between polls of each feed. Default 15; at least 5. */
  feedPollMinutes: number;
  /** Servers whose members with Manage Server may change the story (add and remove articles, feeds). Default: none. */
  editorGuildIds: string[];
}

export const configDefaults = {
  corpusDir: 'corpus',
  logLevel: 'info',
  askCooldownSeconds: 10,
  askCooldownBurst: 5,
  pageTimeoutSeconds: 600,
  databasePath: './data/storydesk.db',
  feedLeaseSeconds: 30,
  feedPollMinutes: FEED_POLL_MINUTES_DEFAULT,
} as const;

/** Discord allows at most this many shards per bot without special arrangement; a sanity bound. */
export const MAX_SHARDS = 16_384;

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`storydesk: invalid configuration:\n${issues.map((i) => `  ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Blank values count as unset, as in a `.env` copied from `.env.example`. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));

const snowflake = optionalText.refine((v) => v === null || /^\d{1,20}$/.test(v), {
  message: 'expected a Discord id (digits only, e.g. 1234567890123456789)',
});

function integer(min: number, max: number, fallback: number) {
  return optionalText
    .refine((v) => v === null || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
      message: `expected a whole number from ${min} to ${max}`,
    })
    .transform((v) => (v === null ? fallback : Number(v)));
}

const apiBase = optionalText
  .refine((v) => v === null || isHttpUrl(v), { message: 'expected an http(s) URL such as http://127.0.0.1:8080/api' })
  .transform((v) => (v === null ? null : normalizeApiBase(v)));

const shardCount = optionalText
  .refine((v) => v === null || v.toLowerCase() === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SHARDS), {
    message: `expected auto or a whole number from 1 to ${MAX_SHARDS}`,
  })
  .transform((v) => (v === null ? null : v.toLowerCase() === 'auto' ? ('auto' as const) : Number(v)));

/** "0,1,2" or "0-3" or "0-3,8": the shard ids this machine runs. */
const shardList = optionalText
  .refine((v) => v === null || parseShardList(v) !== null, {
    message: 'expected shard ids such as 0,1,2 or 0-3 (ranges include both ends)',
  })
  .transform((v) => (v === null ? null : parseShardList(v)));

/** Parses a list of shard ids and ranges; null when any part is not one. */
export function parseShardList(text: string): number[] | null {
  const ids = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to >= MAX_SHARDS) return null;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return ids.size > 0 ? [...ids].sort((a, b) => a - b) : null;
}

/** `FETCH_ALLOW_HOSTS`: comma-separated `host` or `host:port`. */
const allowHosts = optionalText
  .refine((v) => v === null || allowHostsProblem(v) === null, {
    message: 'expected comma-separated hosts or host:port, e.g. 127.0.0.1:8080,wiki.intranet',
  })
  .transform((v) => (v === null ? [] : [...parseAllowHosts(v)]));

function allowHostsProblem(value: string): string | null {
  try {
    parseAllowHosts(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** `EDITOR_GUILD_IDS`: comma-separated Discord server ids. */
const guildIds = optionalText
  .refine((v) => v === null || v.split(',').every((id) => /^\d{1,20}$/.test(id.trim()) || id.trim() === ''), {
    message: 'expected comma-separated Discord server ids (digits only), e.g. 123456789012345678,234567890123456789',
  })
  .transform((v) => (v === null ? [] : [...new Set(v.split(',').map((id) => id.trim()).filter(Boolean))]));

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake,
  DEV_GUILD_ID: snowflake,
  CORPUS_DIR: optionalText.transform((v) => v ?? configDefaults.corpusDir),
  LOG_LEVEL: optionalText
    .refine((v) => v === null || (LOG_LEVELS as readonly string[]).includes(v.toLowerCase()), {
      message: `expected one of ${LOG_LEVELS.join(', ')}`,
    })
    .transform((v) => (v?.toLowerCase() ?? configDefaults.logLevel) as LogLevel),
  DISCORD_API_BASE: apiBase,
  ASK_COOLDOWN_SECONDS: integer(0, 3600, configDefaults.askCooldownSeconds),
  ASK_COOLDOWN_BURST: integer(1, 100, configDefaults.askCooldownBurst),
  PAGE_TIMEOUT_SECONDS: integer(5, 840, configDefaults.pageTimeoutSeconds),
  DATABASE_PATH: optionalText.transform((v) => v ?? configDefaults.databasePath),
  DATABASE_URL: optionalText.refine((v) => v === null || postgresUrlProblem(v) === null, {
    message: 'expected a PostgreSQL URL, e.g. postgres://storydesk:PASSWORD@127.0.0.1:5432/storydesk',
  }),
  FEED_LEASE_SECONDS: integer(5, 3600, configDefaults.feedLeaseSeconds),
  SHARD_COUNT: shardCount,
  SHARD_LIST: shardList,
  FETCH_ALLOW_HOSTS: allowHosts,
  FEED_POLL_MINUTES: integer(FEED_POLL_MINUTES_MIN, 1440, configDefaults.feedPollMinutes),
  EDITOR_GUILD_IDS: guildIds,
});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** discord.js appends `/v10` itself, so a trailing version (or slash) is dropped. */
export function normalizeApiBase(value: string): string {
  return value.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** Checks an explicit environment; throws ConfigError listing every bad variable, one per line. */
export function parseConfig(env: Env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      // The token's value is never echoed, not even when it is wrong.
      // Nor is a database URL's password.
      const shown = name === 'DISCORD_TOKEN' ? '' : name === 'DATABASE_URL' ? `, got ${JSON.stringify(redactUrl(env[name] ?? ''))}` : `, got ${JSON.stringify(env[name])}`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(issues);
  }
  const v = result.data;
  const shardIssue = checkShards(v.SHARD_COUNT, v.SHARD_LIST);
  if (shardIssue) throw new ConfigError([`SHARD_LIST: ${shardIssue}, got ${JSON.stringify(env.SHARD_LIST)}`]);
  return {
    discordToken: v.DISCORD_TOKEN,
    applicationId: v.DISCORD_APPLICATION_ID,
    devGuildId: v.DEV_GUILD_ID,
    corpusDir: v.CORPUS_DIR,
    logLevel: v.LOG_LEVEL,
    apiBase: v.DISCORD_API_BASE,
    askCooldownSeconds: v.ASK_COOLDOWN_SECONDS,
    askCooldownBurst: v.ASK_COOLDOWN_BURST,
    pageTimeoutSeconds: v.PAGE_TIMEOUT_SECONDS,
    databasePath: v.DATABASE_PATH,
    databaseUrl: v.DATABASE_URL,
    feedLeaseSeconds: v.FEED_LEASE_SECONDS,
    shardCount: v.SHARD_COUNT,
    shardList: v.SHARD_LIST,
    fetchAllowHosts: v.FETCH_ALLOW_HOSTS,
    feedPollMinutes: v.FEED_POLL_MINUTES,
    editorGuildIds: v.EDITOR_GUILD_IDS,
  };
}

/** A shard list only makes sense below a known shard count. */
function checkShards(count: number | 'auto' | null, list: number[] | null): string | null {
  if (list === null) return null;
  if (typeof count !== 'number') return 'needs SHARD_COUNT set to a number (every machine must agree on the total)';
  const beyond = list.filter((id) => id >= count);
  return beyond.length > 0 ? `shard ids must be below SHARD_COUNT (${count}); ${beyond.join(', ')} are not` : null;
}

/** Variables from a dotenv file; none when the file does not exist. */
export function readEnvFile(path: string): Env {
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}

export interface LoadConfigOptions {
  /** Default: `process.env`. */
  env?: Env;
  /** Default: `.env` in the working directory. */
  envFile?: string;
}

/**
 * Variables set but blank (`SHARD_COUNT=` from `docker run --env-file` or systemd's EnvironmentFile=) count as unset
 * everywhere: they are removed from the environment, so that discord.js, which reads SHARD_COUNT and SHARDS itself,
 * doesn't turn a blank into 0.
 */
export const BLANK_MEANS_UNSET = ['SHARD_COUNT', 'SHARD_LIST', 'SHARDS', 'SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DISCORD_TOKEN'] as const;

export function dropBlankVariables(env: Env): void {
  for (const key of BLANK_MEANS_UNSET) if (env[key] !== undefined && env[key]!.trim() === '') delete env[key];
}

/** The process environment over `.env`: a variable set in the environment wins. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const fromFile = readEnvFile(options.envFile ?? '.env');
  const env = options.env ?? process.env;
  dropBlankVariables(env);
  const merged: Env = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return parseConfig(merged);
}

/** What is safe to log about a config: everything but the token. */
export function describeConfig(config: Config): Record<string, unknown> {
  const { discordToken, databaseUrl, ...rest } = config;
  return { ...rest, discordToken: discordToken === null ? 'unset' : 'set', databaseUrl: databaseUrl === null ? 'unset' : redactUrl(databaseUrl) };
}
