// `npm run deploy-commands`: registers the slash commands, in DEV_GUILD_ID when set (instant), else globally.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import type { Command } from './command.js';
import { loadCommands } from './loader.js';

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Guild scope when set; global otherwise. */
  guildId?: string | null;
  /** REST base, as for the bot. Default: discord.com. */
  apiBase?: string | null;
  commands: ReadonlyMap<string, Command>;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const body = [...options.commands.values()].map((c) => c.data.toJSON());
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: options.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const missing = [
    config.discordToken ? null : 'DISCORD_TOKEN: required to register commands',
    config.applicationId ? null : 'DISCORD_APPLICATION_ID: required to register commands (the application id from the developer portal)',
  ].filter(Boolean);
  if (missing.length > 0) {
    process.stderr.write(`storydesk: cannot deploy commands:\n${missing.map((m) => `  ${m}`).join('\n')}\n`);
    return 2;
  }
  const log = createLogger({ level: config.logLevel });
  const result = await deployCommands({
    token: config.discordToken!,
    applicationId: config.applicationId!,
    guildId: config.devGuildId,
    apiBase: config.apiBase,
    commands: await loadCommands(),
  });
  log.info({ scope: result.scope, guildId: config.devGuildId, commands: result.names }, 'registered slash commands');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`storydesk: could not register commands: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
