// `npm run db:migrate -- --from sqlite:PATH --to postgres://…`: copies a host's SQLite state into the shared Postgres
// database (digest settings and history, first-seen times, feeds and their items, review cards, votes and gaps, page
// state). Both are migrated to the latest schema first. Idempotent: rows the target has are kept, so it can be run
// again (after a failure, or for each host's file in turn). Exit 0 done, 1 bad arguments, 2 a database can't be used.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { copyDatabase } from './db/copy.js';
import { DatabaseOpenError, openDatabase } from './db/open.js';
import { openPostgres, redactUrl } from './db/postgres.js';
import type { Store } from './db/store.js';

export const DB_MIGRATE_USAGE = `usage: npm run db:migrate -- --from sqlite:PATH [--to postgres://USER:PASSWORD@HOST:PORT/DB]

Copies storydesk's SQLite database at PATH into PostgreSQL (--to, default $DATABASE_URL). Rows the target already
has are kept, so running it again changes nothing.`;

export interface MigrateIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** `sqlite:PATH`, `sqlite://PATH` or a plain path → the file; null for something else. */
export function sqlitePathOf(from: string): string | null {
  if (/^sqlite:\/\//.test(from)) return from.slice('sqlite://'.length) || null;
  if (from.startsWith('sqlite:')) return from.slice('sqlite:'.length) || null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) return null;
  return from;
}

export async function runDbMigrate(argv: string[], io: MigrateIO): Promise<number> {
  const fail = (message: string, code = 1) => {
    io.stderr.write(`${message}\n`);
    return code;
  };
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    return fail(`db:migrate: ${(error as Error).message}\n\n${DB_MIGRATE_USAGE}`);
  }
  if (values.help) {
    io.stdout.write(`${DB_MIGRATE_USAGE}\n`);
    return 0;
  }
  if (!values.from) return fail(`db:migrate: --from is required (the SQLite file to copy, e.g. --from sqlite:./data/storydesk.db)\n\n${DB_MIGRATE_USAGE}`);
  const file = sqlitePathOf(values.from);
  if (!file) return fail(`db:migrate: --from ${values.from} is not a SQLite file; expected sqlite:PATH`);
  const to = values.to ?? io.env.DATABASE_URL;
  if (!to) return fail('db:migrate: --to is required (or set DATABASE_URL): the PostgreSQL database to copy into');
  let source: Store | null = null;
  let target: Store | null = null;
  try {
    source = await openDatabase(file);
    target = await openPostgres(to);
    io.stdout.write(`copying ${source.where} into ${redactUrl(to)}\n`);
    const results = await copyDatabase(source, target, (t) =>
      io.stdout.write(`  ${t.table.padEnd(20)} ${String(t.rows).padStart(7)} rows: ${t.copied} copied, ${t.kept} already there\n`),
    );
    const copied = results.reduce((n, t) => n + t.copied, 0);
    io.stdout.write(`done: ${copied} rows copied${copied === 0 ? ' (nothing new: the target already had everything)' : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseOpenError) return fail(error.message, 2);
    return fail(`db:migrate: the copy stopped: ${(error as Error).message}; nothing after the last table listed was copied, run it again`, 2);
  } finally {
    await source?.close();
    await target?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runDbMigrate(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
