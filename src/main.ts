// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the offline console on stdin/stdout.
// The corpus and its index are loaded before login, so the first interaction can be answered.
// Heavy modules (discord.js, the engine) are imported only once the configuration is known to be good.
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import type { Bot } from './discord/bot.js';
import { createLogger, type Logger } from './log.js';

/** SIGTERM/SIGINT: in-flight replies get this long before the client is destroyed (exit is due within 10 s). */
const SHUTDOWN_GRACE_MS = 7_000;
const SHUTDOWN_DEADLINE_MS = 9_500;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger({ level: config.logLevel });
  let bot: Bot | null = null;
  keepAlive(log);
  onShutdown(log, () => bot);

  log.info({ config: describeConfig(config) }, 'starting storydesk');
  // discord.js loads while the corpus does; login waits for both.
  const botModule = config.discordToken ? import('./discord/bot.js') : null;
  botModule?.catch(() => {}); // awaited below; this only stops an early failure counting as unhandled
  const { loadStory } = await import('./engine/story.js');
  const engine = await loadStory({ corpusDir: config.corpusDir, log: (level, message) => log[level](message) });

  if (!config.discordToken) {
    log.info('DISCORD_TOKEN is not set: running the offline console');
    const { runConsole } = await import('./console.js');
    await runConsole(engine, process.stdin, process.stdout);
    process.exit(0);
  }

  const { startBot } = await botModule!;
  bot = await startBot({
    token: config.discordToken,
    engine,
    log,
    apiBase: config.apiBase,
    cooldown: { windowSeconds: config.askCooldownSeconds, burst: config.askCooldownBurst },
    pageTimeoutSeconds: config.pageTimeoutSeconds,
  });
}

/** Stops cleanly once, whatever state startup is in, and always exits 0 before the deadline. */
function onShutdown(log: Logger, currentBot: () => Bot | null): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.warn('shutdown took too long; exiting anyway');
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      await currentBot()?.stop(SHUTDOWN_GRACE_MS);
    } catch (err) {
      log.error({ err }, 'error while shutting down');
    }
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

/** A stray rejection or exception is logged; it must not take the bot down. */
function keepAlive(log: Logger): void {
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));
}

main().catch((error: unknown) => {
  process.stderr.write(`storydesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
