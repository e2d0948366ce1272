import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configDefaults, describeConfig, dropBlankVariables, loadConfig, parseConfig } from '../src/config.js';
import { useTmpDir } from './helpers/tmp.js';

const tmp = useTmpDir('storydesk-config-');

function envFile(text: string): string {
  const file = path.join(tmp(), '.env');
  writeFileSync(file, text);
  return file;
}

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(parseConfig({})).toEqual({
      discordToken: null,
      applicationId: null,
      devGuildId: null,
      corpusDir: 'corpus',
      logLevel: 'info',
      apiBase: null,
      askCooldownSeconds: configDefaults.askCooldownSeconds,
      askCooldownBurst: configDefaults.askCooldownBurst,
      pageTimeoutSeconds: configDefaults.pageTimeoutSeconds,
      databasePath: './data/storydesk.db',
      databaseUrl: null,
      feedLeaseSeconds: 30,
      shardCount: null,
      shardList: null,
      fetchAllowHosts: [],
      feedPollMinutes: 15,
      editorGuildIds: [],
    });
  });

  it('treats blank values as unset, as in a copied .env.example', () => {
    const config = parseConfig({ DISCORD_TOKEN: '  ', DISCORD_APPLICATION_ID: '', CORPUS_DIR: '' });
    expect(config.discordToken).toBeNull();
    expect(config.applicationId).toBeNull();
    expect(config.corpusDir).toBe('corpus');
  });

  it('reads every variable', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DEV_GUILD_ID: '987654321098765432',
      CORPUS_DIR: 'stories/albania',
      LOG_LEVEL: 'DEBUG',
      DISCORD_API_BASE: 'http://127.0.0.1:9999/api/',
      ASK_COOLDOWN_SECONDS: '0',
      ASK_COOLDOWN_BURST: '2',
      PAGE_TIMEOUT_SECONDS: '30',
      DATABASE_PATH: '/var/lib/storydesk/state.db',
      SHARD_COUNT: '4',
      SHARD_LIST: '2,3',
    });
    expect(config).toMatchObject({
      discordToken: 'abc.def.ghi',
      applicationId: '123456789012345678',
      devGuildId: '987654321098765432',
      corpusDir: 'stories/albania',
      logLevel: 'debug',
      apiBase: 'http://127.0.0.1:9999/api',
      askCooldownSeconds: 0,
      askCooldownBurst: 2,
      pageTimeoutSeconds: 30,
      databasePath: '/var/lib/storydesk/state.db',
      shardCount: 4,
      shardList: [2, 3],
    });
  });

  it('reads DATABASE_URL (a postgres:// URL, whose password is never echoed) and FEED_LEASE_SECONDS', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://sd:pw@db.internal:5432/storydesk', FEED_LEASE_SECONDS: '10' })).toMatchObject({
      databaseUrl: 'postgres://sd:pw@db.internal:5432/storydesk',
      feedLeaseSeconds: 10,
    });
    expect(parseConfig({ DATABASE_URL: ' ' }).databaseUrl).toBeNull();
    expect(issuesOf(() => parseConfig({ DATABASE_URL: 'mysql://sd:hunter2@db/storydesk' }))).toEqual([
      'DATABASE_URL: expected a PostgreSQL URL, e.g. postgres://storydesk:PASSWORD@127.0.0.1:5432/storydesk, got "mysql://sd:***@db/storydesk"',
    ]);
    expect(issuesOf(() => parseConfig({ FEED_LEASE_SECONDS: '1' }))[0]).toMatch(/^FEED_LEASE_SECONDS: expected a whole number from 5 to 3600/);
  });

  it('takes SHARD_COUNT as a number or auto, and SHARD_LIST as ids and ranges below it', () => {
    expect(parseConfig({ SHARD_COUNT: 'AUTO' }).shardCount).toBe('auto');
    expect(parseConfig({ SHARD_COUNT: '16', SHARD_LIST: '0-3, 8,9-10' }).shardList).toEqual([0, 1, 2, 3, 8, 9, 10]);
    expect(issuesOf(() => parseConfig({ SHARD_COUNT: 'two' }))).toEqual(['SHARD_COUNT: expected auto or a whole number from 1 to 16384, got "two"']);
    expect(issuesOf(() => parseConfig({ SHARD_COUNT: '0' }))).toEqual(['SHARD_COUNT: expected auto or a whole number from 1 to 16384, got "0"']);
    expect(issuesOf(() => parseConfig({ SHARD_COUNT: '4', SHARD_LIST: '3-1' }))[0]).toMatch(/^SHARD_LIST: expected shard ids such as 0,1,2 or 0-3/);
    expect(issuesOf(() => parseConfig({ SHARD_COUNT: '4', SHARD_LIST: '2,4,5' }))).toEqual([
      'SHARD_LIST: shard ids must be below SHARD_COUNT (4); 4, 5 are not, got "2,4,5"',
    ]);
    expect(issuesOf(() => parseConfig({ SHARD_COUNT: 'auto', SHARD_LIST: '0' }))[0]).toContain('needs SHARD_COUNT set to a number');
  });

  it('reads the intake variables: FETCH_ALLOW_HOSTS, FEED_POLL_MINUTES (at least 5) and EDITOR_GUILD_IDS', () => {
    const config = parseConfig({ FETCH_ALLOW_HOSTS: ' 127.0.0.1:8080, Wiki.Intranet ', FEED_POLL_MINUTES: '5', EDITOR_GUILD_IDS: '123456789012345678, 234567890123456789,123456789012345678' });
    expect(config.fetchAllowHosts).toEqual(['127.0.0.1:8080', 'wiki.intranet']);
    expect(config.feedPollMinutes).toBe(5);
    expect(config.editorGuildIds).toEqual(['123456789012345678', '234567890123456789']);
    expect(parseConfig({ FETCH_ALLOW_HOSTS: '', EDITOR_GUILD_IDS: ' ' })).toMatchObject({ fetchAllowHosts: [], editorGuildIds: [] });
    expect(
      issuesOf(() => parseConfig({ FETCH_ALLOW_HOSTS: 'http://127.0.0.1:8080/', FEED_POLL_MINUTES: '4', EDITOR_GUILD_IDS: 'my-server' })),
    ).toEqual([
      'FETCH_ALLOW_HOSTS: expected comma-separated hosts or host:port, e.g. 127.0.0.1:8080,wiki.intranet, got "http://127.0.0.1:8080/"',
      'FEED_POLL_MINUTES: expected a whole number from 5 to 1440, got "4"',
      'EDITOR_GUILD_IDS: expected comma-separated Discord server ids (digits only), e.g. 123456789012345678,234567890123456789, got "my-server"',
    ]);
  });

  it('documents every variable it reads in .env.example', () => {
    const documented = readFileSync('.env.example', 'utf8');
    for (const name of ['FETCH_ALLOW_HOSTS', 'FEED_POLL_MINUTES', 'EDITOR_GUILD_IDS']) expect(documented).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(documented).toMatch(/for tests and intranets/i);
  });

  it('drops a trailing /v10 from DISCORD_API_BASE because discord.js adds the version itself', () => {
    expect(parseConfig({ DISCORD_API_BASE: 'https://proxy.example/api/v10' }).apiBase).toBe('https://proxy.example/api');
  });

  it('lists every invalid variable on its own line, saying what was expected', () => {
    const issues = issuesOf(() =>
      parseConfig({
        DISCORD_APPLICATION_ID: 'my-app',
        LOG_LEVEL: 'loud',
        DISCORD_API_BASE: 'ftp://example.com',
        ASK_COOLDOWN_SECONDS: '-3',
        PAGE_TIMEOUT_SECONDS: '3600',
      }),
    );
    expect(issues).toEqual([
      'DISCORD_APPLICATION_ID: expected a Discord id (digits only, e.g. 1234567890123456789), got "my-app"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'DISCORD_API_BASE: expected an http(s) URL such as http://127.0.0.1:8080/api, got "ftp://example.com"',
      'ASK_COOLDOWN_SECONDS: expected a whole number from 0 to 3600, got "-3"',
      'PAGE_TIMEOUT_SECONDS: expected a whole number from 5 to 840, got "3600"',
    ]);
    const error = new ConfigError(issues);
    expect(error.message.split('\n')).toHaveLength(issues.length + 1);
  });
});

describe('dropBlankVariables', () => {
  it('removes a blank SHARD_COUNT (and the others discord.js reads) from the environment, so discord.js never reads it as 0', () => {
    const env: Record<string, string | undefined> = { SHARD_COUNT: '', SHARDS: ' ', SHARD_LIST: '', DISCORD_TOKEN: '', CORPUS_DIR: '', LOG_LEVEL: 'info' };
    dropBlankVariables(env);
    expect(env).toEqual({ CORPUS_DIR: '', LOG_LEVEL: 'info' });
  });

  it('is applied by loadConfig to the environment it reads', () => {
    const env: Record<string, string | undefined> = { SHARD_COUNT: '' };
    expect(loadConfig({ env, envFile: '/nonexistent/.env' }).shardCount).toBeNull();
    expect('SHARD_COUNT' in env).toBe(false);
  });
});

describe('loadConfig', () => {
  it('lets the environment win over .env', () => {
    const file = envFile('CORPUS_DIR=from-file\nLOG_LEVEL=warn\nDISCORD_TOKEN=file-token\n');
    const config = loadConfig({ envFile: file, env: { CORPUS_DIR: 'from-env' } });
    expect(config.corpusDir).toBe('from-env');
    expect(config.logLevel).toBe('warn');
    expect(config.discordToken).toBe('file-token');
  });

  it('works without a .env file', () => {
    expect(loadConfig({ envFile: '/nonexistent/.env', env: { LOG_LEVEL: 'error' } }).logLevel).toBe('error');
  });
});

describe('describeConfig', () => {
  it('says whether the token is set without showing it', () => {
    const text = JSON.stringify(describeConfig(parseConfig({ DISCORD_TOKEN: 'very-secret-token' })));
    expect(text).not.toContain('very-secret-token');
    expect(text).toContain('"discordToken":"set"');
  });
});
