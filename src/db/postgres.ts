// Opens storydesk's PostgreSQL database (DATABASE_URL): a pool, the same versioned migrations as SQLite, and a
// LISTEN connection for signals between hosts that reconnects with backoff. Several hosts share one database: digest
// claims, the feed poller's lease, review cards and the articles themselves (see README, "Several hosts").
import pg from 'pg';
import { migrate } from './migrations.js';
import { DatabaseOpenError } from './open.js';
import { PostgresSql } from './sql.js';
import { newHostId, type SignalChannel, type SignalHandler, type Signals, type Store } from './store.js';

export interface OpenPostgresOptions {
  /** How long to keep trying to reach the server at start, in ms. Default 5000. */
  connectTimeoutMs?: number;
  hostId?: string;
  /** Pool size. Default 5 (each process also holds one LISTEN connection: 6 per process, so a server's default 100 serves 16). */
  max?: number;
  /** Problems after start (a lost connection, a failed reconnect): logged, never thrown. */
  onError?: (message: string, error: unknown) => void;
  /** Default QUERY_TIMEOUT_MS. */
  queryTimeoutMs?: number;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a DATABASE_URL that is not a URL)';
  }
}

/** A postgres:// or postgresql:// URL; anything else is named as what is wrong. */
export function postgresUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a URL; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE';
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return `it starts with ${parsed.protocol}// but must start with postgres:// (e.g. postgres://storydesk@127.0.0.1:5432/storydesk)`;
  }
  return null;
}

// COUNT(*) and other BIGINT results are small here: read them as numbers, as SQLite gives them.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** A statement that has had no answer this long fails, and its connection is dropped (a server gone silent). */
export const QUERY_TIMEOUT_MS = 15_000;
/** The signal connection is checked this often, and dropped when the check is not answered within HEARTBEAT_TIMEOUT_MS. */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/** LISTEN on one dedicated connection; after it is lost, reconnects with backoff and tells `onReconnect` handlers. */
class PostgresSignals implements Signals {
  private client: pg.Client | null = null;
  private readonly handlers = new Map<SignalChannel, Set<SignalHandler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private delay = RECONNECT_MIN_MS;

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: pg.ClientConfig,
    private readonly onError: (message: string, error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      const set = this.handlers.get(message.channel as SignalChannel);
      for (const handler of [...(set ?? [])]) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.onError(`a ${message.channel} signal's handler failed`, error);
        }
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delay = RECONNECT_MIN_MS;
    this.beat(client);
  }

  /**
   * A LISTEN connection is silent when nothing happens, so a server (or network) gone silent would never be noticed:
   * a small query now and then must be answered in time, or the connection counts as lost.
   */
  private beat(client: pg.Client): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (this.client !== client) return;
      client.query({ text: 'SELECT 1', query_timeout: HEARTBEAT_TIMEOUT_MS } as pg.QueryConfig).catch((error: unknown) => this.lost(client, error));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    this.onError('lost the database connection that carries signals between hosts; reconnecting', error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const wait = this.delay;
    this.delay = Math.min(RECONNECT_MAX_MS, this.delay * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => {
          for (const handler of [...this.reconnectHandlers]) handler();
        },
        (error: unknown) => {
          this.onError(`could not reconnect to the database for signals (next try in ${Math.round(this.delay / 1000)} s)`, error);
          this.scheduleReconnect();
        },
      );
    }, wait);
    this.retryTimer.unref();
  }

  async notify(channel: SignalChannel, payload: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  subscribe(channel: SignalChannel, handler: SignalHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      this.handlers.set(channel, (set = new Set()));
      this.client?.query(`LISTEN ${channel}`).catch((error: unknown) => this.onError(`could not LISTEN on ${channel}`, error));
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  }
}

export class PostgresStore extends PostgresSql implements Store {
  constructor(
    pool: pg.Pool,
    readonly where: string,
    readonly hostId: string,
    readonly signals: PostgresSignals,
  ) {
    super(pool);
  }

  private closing: Promise<void> | null = null;

  /** Idempotent: a second call waits for the first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.signals.close();
      await this.pool.end().catch(() => {});
    })();
    return this.closing;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects (retrying for `connectTimeoutMs`), migrates and starts listening; a server that can't be used is a DatabaseOpenError. */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PostgresStore> {
  const where = redactUrl(url);
  const problem = postgresUrlProblem(url);
  if (problem) throw new DatabaseOpenError(where, problem, { variable: 'DATABASE_URL' });
  const onError = options.onError ?? (() => {});
  // keepAlive: the OS notices a dead peer too; query_timeout: a statement never waits forever on a silent server (the
  // pool then drops that connection).
  const config: pg.ClientConfig = {
    connectionString: url,
    application_name: 'storydesk',
    types,
    connectionTimeoutMillis: 5000,
    query_timeout: options.queryTimeoutMs ?? QUERY_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  const pool = new pg.Pool({ ...config, max: options.max ?? 5, idleTimeoutMillis: 30_000 });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (error) => onError('an idle database connection failed; the next query reconnects', error));
  const deadline = Date.now() + (options.connectTimeoutMs ?? 5000);
  let signals: PostgresSignals | null = null;
  try {
    for (let wait = 200; ; wait = Math.min(wait * 2, 2000)) {
      try {
        await pool.query('SELECT 1');
        break;
      } catch (error) {
        if (Date.now() + wait > deadline || !transient(error)) throw error;
        await sleep(wait);
      }
    }
    signals = new PostgresSignals(pool, config, onError);
    const store = new PostgresStore(pool, where, options.hostId ?? newHostId(), signals);
    await migrate(store);
    await store.run(`INSERT INTO meta (key, value) VALUES ('last_opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
      new Date().toISOString(),
    ]);
    await signals.start();
    return store;
  } catch (error) {
    await signals?.close();
    await pool.end().catch(() => {});
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(where, explainPostgres(error), { cause: error, variable: 'DATABASE_URL' });
  }
}

/** Worth retrying at start: the server is not up yet. */
function transient(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P03'].includes(code) || /timeout/i.test((error as Error).message ?? '');
}

function explainPostgres(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'ECONNREFUSED') return `nothing is listening there (${message}); start PostgreSQL or correct the host and port`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve (${message})`;
  if (code === '28P01' || code === '28000') return `the server refused the user or password (${message})`;
  if (code === '3D000') return `the database does not exist (${message}); create it first (createdb)`;
  if (code === '42501') return `the user may not create tables there (${message}); grant it CREATE on the database`;
  if (/timeout/i.test(message)) return `the server did not answer in time (${message})`;
  return message;
}
