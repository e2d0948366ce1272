// Structured logs (pino) on stderr, so stdout stays free for the offline console.
import { pino, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Keys that may hold a secret anywhere in a log record; pino replaces their values. */
const REDACT_PATHS = ['token', 'discordToken', '*.token', '*.discordToken', 'headers.authorization', '*.headers.authorization'];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where records go; default: stderr, written synchronously so nothing is lost on exit. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      name: 'storydesk',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
