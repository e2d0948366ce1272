// Configuration: `.env` (dotenv) under the process environment, checked with zod. The environment wins.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.js';

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
}

export const configDefaults = {
  corpusDir: 'corpus',
  logLevel: 'info',
  askCooldownSeconds: 10,
  askCooldownBurst: 5,
  pageTimeoutSeconds: 600,
} as const;

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
      const shown = name === 'DISCORD_TOKEN' ? '' : `, got ${JSON.stringify(env[name])}`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(issues);
  }
  const v = result.data;
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
  };
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

/** The process environment over `.env`: a variable set in the environment wins. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const fromFile = readEnvFile(options.envFile ?? '.env');
  const env = options.env ?? process.env;
  const merged: Env = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return parseConfig(merged);
}

/** What is safe to log about a config: everything but the token. */
export function describeConfig(config: Config): Record<string, unknown> {
  const { discordToken, ...rest } = config;
  return { ...rest, discordToken: discordToken === null ? 'unset' : 'set' };
}
