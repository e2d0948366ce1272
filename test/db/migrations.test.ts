// The same versioned migrations on both back ends: the same tables and columns at the latest version; a failing
// migration rolled back whole; only the versions above the current one applied; two hosts migrating one database at
// once apply each version once; a database from a newer storydesk refused.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, migrations, schemaVersion, type Migration } from '../../src/db/migrations.js';
import { openDatabase } from '../../src/db/open.js';
import { openPostgres } from '../../src/db/postgres.js';
import { PostgresSql, SqliteSql, type Sql } from '../../src/db/sql.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from '../helpers/postgres.js';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface RawBackend {
  name: string;
  skip: boolean;
  /** An empty database, no migration applied; `again` is a second connection to it (another host). */
  empty(): Promise<{ sql: Sql; again: () => Promise<Sql> }>;
}

const raw: RawBackend[] = [
  {
    name: 'sqlite',
    skip: false,
    async empty() {
      const db = new Database(':memory:');
      cleanups.push(() => db.close());
      return { sql: new SqliteSql(db), again: () => Promise.reject(new Error('one connection')) };
    },
  },
  {
    name: postgresAvailable ? 'postgres' : `postgres (SKIPPED: ${postgresSkipReason})`,
    skip: !postgresAvailable,
    async empty() {
      const fresh = await freshPostgresDatabase();
      const pools: pg.Pool[] = [];
      const connect = async () => {
        const pool = new pg.Pool({ connectionString: fresh.url });
        pools.push(pool);
        return new PostgresSql(pool);
      };
      cleanups.push(async () => {
        for (const p of pools) await p.end();
        await fresh.drop();
      });
      return { sql: await connect(), again: connect };
    },
  },
];

const same = (version: number, name: string, sql: string): Migration => ({ version, name, sql, postgres: sql });

async function columns(sql: Sql): Promise<Record<string, string[]>> {
  const rows =
    sql.dialect === 'sqlite'
      ? await sql.all<{ t: string; c: string }>(
          `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
        )
      : await sql.all<{ t: string; c: string }>(
          `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'storydesk_schema'`,
        );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.t] ??= []).push(r.c);
  for (const t of Object.keys(out)) out[t]!.sort();
  return out;
}

describe('the schema', () => {
  it('lists a migration for every version, each in both dialects', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    for (const m of migrations) {
      expect(m.sql.trim(), `v${m.version} sqlite`).not.toBe('');
      expect(m.postgres.trim(), `v${m.version} postgres`).not.toBe('');
    }
  });

  it.skipIf(!postgresAvailable)('has the same tables and columns on SQLite and Postgres at the latest version', async () => {
    const lite = await openDatabase(':memory:');
    cleanups.push(() => lite.close());
    const fresh = await freshPostgresDatabase();
    const pgStore = await openPostgres(fresh.url);
    cleanups.push(async () => {
      await pgStore.close();
      await fresh.drop();
    });
    const a = await columns(lite);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['articles', 'digests', 'feeds', 'leases', 'page_sessions', 'answer_votes']));
    expect(await columns(pgStore)).toEqual(a);
    expect(await schemaVersion(pgStore)).toBe(LATEST_VERSION);
  });
});

describe.each(raw)('migrate on $name', (backend) => {
  it.skipIf(backend.skip)('rolls back a failing migration whole and leaves the previous version in place', async () => {
    const { sql } = await backend.empty();
    const list = [same(1, 'one', 'CREATE TABLE one (x INTEGER);'), same(2, 'two', 'CREATE TABLE two (x INTEGER); INSERT INTO missing_table VALUES (1);')];
    await expect(migrate(sql, list)).rejects.toThrow(/missing_table/);
    expect(await schemaVersion(sql)).toBe(1);
    const names = Object.keys(await columns(sql));
    expect(names).toContain('one');
    expect(names).not.toContain('two');
  });

  it.skipIf(backend.skip)('applies only the versions above the current one, in order, and refuses a newer database', async () => {
    const { sql } = await backend.empty();
    const list = [same(1, 'one', 'CREATE TABLE one (x INTEGER);'), same(2, 'two', 'ALTER TABLE one ADD COLUMN y TEXT;')];
    expect(await migrate(sql, list.slice(0, 1))).toEqual([1]);
    expect(await migrate(sql, list)).toEqual([2]);
    expect(await migrate(sql, list)).toEqual([]);
    expect((await columns(sql)).one).toEqual(['x', 'y']);
    await expect(migrate(sql, list.slice(0, 1))).rejects.toThrow('database schema version 2 is newer than this storydesk knows (1)');
  });

  it.skipIf(backend.skip || backend.name === 'sqlite')('applies each version once when two hosts migrate at the same time', async () => {
    const { sql, again } = await backend.empty();
    const other = await again();
    const [a, b] = await Promise.all([migrate(sql), migrate(other)]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(migrations.map((m) => m.version));
    expect(await schemaVersion(sql)).toBe(LATEST_VERSION);
  });
});
