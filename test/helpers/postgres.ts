// One fresh database per test file on the throw-away cluster of test/setup/postgres.ts, and the notice when there
// is none. `describe.skipIf(!postgresAvailable)` keeps the skip visible in the run's output.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import '../setup/provided.js';

const provided = inject('postgres');

/** The admin URL of the test cluster, or null (the reason is in `postgresSkipReason`). */
export const postgresUrl: string | null = provided.url;
export const postgresAvailable = provided.url !== null;
export const postgresSkipReason = provided.reason ?? '';

/** Creates an empty database and returns its URL; dropped by the returned `drop` (or with the cluster). */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl) throw new Error(`no PostgreSQL for tests: ${postgresSkipReason}`);
  const name = `sd_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
