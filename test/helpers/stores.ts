// The two back ends every table's tests run on: SQLite in memory, and a fresh database on the test Postgres.
// Use `describe.each(backends)('… ($name)', (backend) => …)` and `backend.open()` in a hook; the Postgres row is
// skipped, with the reason in its name, where no test cluster could start (outside CI only).
import { openDatabase, type Db } from '../../src/db/open.js';
import { openPostgres } from '../../src/db/postgres.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from './postgres.js';

export interface Backend {
  name: string;
  /** Skip this back end (no Postgres here). */
  skip: boolean;
  /** A new, migrated, empty store; `close` it (Postgres also drops its database). */
  open(options?: { hostId?: string }): Promise<Db>;
  /** A second store on the same database as the last `open` (another host). */
  openAnother(options?: { hostId?: string }): Promise<Db>;
}

export function sqliteBackend(): Backend {
  let file: string | null = null;
  return {
    name: 'sqlite',
    skip: false,
    async open(options) {
      file = ':memory:';
      return openDatabase(file, options);
    },
    async openAnother() {
      throw new Error('an in-memory SQLite database has one connection; use a file for two');
    },
  };
}

export function postgresBackend(): Backend {
  let url: string | null = null;
  return {
    name: postgresAvailable ? 'postgres' : `postgres (SKIPPED: ${postgresSkipReason})`,
    skip: !postgresAvailable,
    async open(options) {
      const fresh = await freshPostgresDatabase();
      url = fresh.url;
      const store = await openPostgres(fresh.url, { hostId: options?.hostId });
      const close = store.close.bind(store);
      store.close = async () => {
        await close();
        await fresh.drop().catch(() => {});
      };
      return store;
    },
    async openAnother(options) {
      if (!url) throw new Error('open() first');
      return openPostgres(url, { hostId: options?.hostId });
    },
  };
}

export const backends: Backend[] = [sqliteBackend(), postgresBackend()];
