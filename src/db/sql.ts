// One small async SQL interface over both back ends, so that every table's code is written once:
// - SQLite (better-sqlite3, the embedded default): calls run synchronously inside the promise; a transaction is
//   `BEGIN IMMEDIATE` … `COMMIT` and holds a per-connection lock, so another caller's statements can't land in it.
// - PostgreSQL (`pg`, with DATABASE_URL): a pool; a transaction takes one client for its duration.
// Statements use `?` or `@name` placeholders and SQL both dialects accept (`ON CONFLICT`, `RETURNING`, ISO-8601
// TEXT times, INTEGER 0/1 flags); where they differ, the caller asks `sql.dialect` (e.g. `FOR UPDATE`).
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';

export type Dialect = 'sqlite' | 'postgres';

/** Positional values for `?`, or an object for `@name` placeholders. */
export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<RunResult>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction and commits it, or rolls back and rethrows. SQLite takes the write lock at the
   * start (IMMEDIATE); on Postgres use row locks (`forUpdate`) or unique keys for what must be exclusive.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** ` FOR UPDATE` on Postgres (lock the rows read), '' on SQLite (the transaction already holds the write lock). */
  readonly forUpdate: string;
}

/** A lock that runs one holder at a time, in call order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const STATEMENT_CACHE_SIZE = 200;

/** better-sqlite3 under the async interface. */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  readonly forUpdate = '';
  private readonly statements = new Map<string, Database.Statement>();
  private depth = 0;

  /**
   * `lock`: shared by every connection to one file in this process (see `fileLock`). better-sqlite3 waits for another
   * connection's write lock synchronously, blocking the event loop, so a second connection in the same process must
   * not start while a transaction of the first is open across an await.
   */
  constructor(
    readonly db: Database.Database,
    private readonly lock: Mutex = new Mutex(),
  ) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Outside a transaction, waits for one in progress; inside it (depth > 0, same caller) runs at once. */
  private call<T>(inside: boolean, fn: () => T): Promise<T> {
    if (inside) return Promise.resolve().then(fn);
    return this.lock.run(async () => fn());
  }

  private bind(params: Params | undefined): unknown[] {
    if (params === undefined) return [];
    return Array.isArray(params) ? (params as unknown[]) : [params];
  }

  all<T>(sql: string, params?: Params, inside = false): Promise<T[]> {
    return this.call(inside, () => this.statement(sql).all(...this.bind(params)) as T[]);
  }

  get<T>(sql: string, params?: Params, inside = false): Promise<T | undefined> {
    return this.call(inside, () => this.statement(sql).get(...this.bind(params)) as T | undefined);
  }

  run(sql: string, params?: Params, inside = false): Promise<RunResult> {
    return this.call(inside, () => ({ changes: this.statement(sql).run(...this.bind(params)).changes }));
  }

  exec(sql: string, inside = false): Promise<void> {
    return this.call(inside, () => void this.db.exec(sql));
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.lock.run(() => this.inTransaction(fn));
  }

  private async inTransaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const tx: Sql = {
      dialect: 'sqlite',
      forUpdate: '',
      all: (sql, params) => this.all(sql, params, true),
      get: (sql, params) => this.get(sql, params, true),
      run: (sql, params) => this.run(sql, params, true),
      exec: (sql) => this.exec(sql, true),
      // A nested transaction is a savepoint.
      transaction: async (inner) => {
        const name = `sp${++this.depth}`;
        this.db.exec(`SAVEPOINT ${name}`);
        try {
          const value = await inner(tx);
          this.db.exec(`RELEASE ${name}`);
          return value;
        } catch (error) {
          this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw error;
        } finally {
          this.depth--;
        }
      },
    };
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const value = await fn(tx);
      this.db.exec('COMMIT');
      return value;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

const fileLocks = new Map<string, Mutex>();

/** The one lock for every connection this process opens to `file` (an absolute path). */
export function fileLock(file: string): Mutex {
  let lock = fileLocks.get(file);
  if (!lock) fileLocks.set(file, (lock = new Mutex()));
  return lock;
}

/**
 * `?` and `@name` placeholders to Postgres's `$1`…; string literals and quoted names are left alone. Returns the
 * text and the values in order.
 */
export function toPostgres(sql: string, params: Params | undefined): { text: string; values: unknown[] } {
  const named = params !== undefined && !Array.isArray(params) ? (params as Record<string, unknown>) : null;
  const positional = named ? [] : ((params as unknown[] | undefined) ?? []);
  const values: unknown[] = [];
  const byName = new Map<string, number>();
  let text = '';
  let next = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      text += sql.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (c === '?') {
      if (named) throw new Error('storydesk: a statement mixes ? and @name placeholders');
      if (next >= positional.length) throw new Error(`storydesk: the statement has more ? placeholders than the ${positional.length} values given`);
      values.push(positional[next++]);
      text += `$${values.length}`;
      continue;
    }
    if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      if (!named) throw new Error(`storydesk: @${name} needs named values`);
      if (!(name in named)) throw new Error(`storydesk: no value for @${name}`);
      let index = byName.get(name);
      if (index === undefined) {
        values.push(named[name]);
        index = values.length;
        byName.set(name, index);
      }
      text += `$${index}`;
      i += name.length;
      continue;
    }
    text += c;
  }
  return { text, values: values.map(toPostgresValue) };
}

/** better-sqlite3 takes booleans as 0/1 only when converted; Postgres's INTEGER columns want numbers too. */
function toPostgresValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

type Queryable = Pick<PoolClient, 'query'>;

/** `pg` under the async interface: statements on the pool, a transaction on one client. */
export class PostgresSql implements Sql {
  readonly dialect = 'postgres' as const;
  readonly forUpdate = ' FOR UPDATE';

  constructor(
    readonly pool: Pool,
    private readonly client: Queryable | null = null,
  ) {}

  private target(): Queryable {
    return this.client ?? this.pool;
  }

  async all<T>(sql: string, params?: Params): Promise<T[]> {
    const { text, values } = toPostgres(sql, params);
    const result = await this.target().query(text, values);
    return result.rows as T[];
  }

  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params?: Params): Promise<RunResult> {
    const { text, values } = toPostgres(sql, params);
    const result = await this.target().query(text, values);
    return { changes: result.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.target().query(sql);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.client) {
      // Nested: a savepoint on the same client.
      const name = `sp${Math.random().toString(36).slice(2, 10)}`;
      await this.client.query(`SAVEPOINT ${name}`);
      try {
        const value = await fn(this);
        await this.client.query(`RELEASE SAVEPOINT ${name}`);
        return value;
      } catch (error) {
        await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const value = await fn(new PostgresSql(this.pool, client));
      await client.query('COMMIT');
      return value;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
