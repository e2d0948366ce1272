// Opens the database the configuration names: Postgres when DATABASE_URL is set (several hosts), else the SQLite file
// at DATABASE_PATH. A database that can't be used is a DatabaseOpenError; the entry points print its one line and
// exit with DATABASE_EXIT_CODE, so a supervisor can tell it from a bad configuration (2) or another failure (1).
import { openDatabase } from './open.js';
import { openPostgres } from './postgres.js';
import type { Store } from './store.js';

/** The exit code of a start that failed on the database (unreachable, refused, corrupt, read-only). */
export const DATABASE_EXIT_CODE = 3;

export interface DatabaseConfig {
  databaseUrl: string | null;
  databasePath: string;
}

export interface OpenStoreOptions {
  /** Problems after start (Postgres: a lost connection): logged, never thrown. */
  onError?: (message: string, error: unknown) => void;
  hostId?: string;
}

export function openStore(config: DatabaseConfig, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, { onError: options.onError, hostId: options.hostId });
  return openDatabase(config.databasePath, { hostId: options.hostId });
}
