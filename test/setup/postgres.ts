// Vitest global setup: a throw-away PostgreSQL cluster for the tests that need a real server (the Postgres back end,
// two bot processes on one database). initdb + pg_ctl in a temp folder, on 127.0.0.1 and a free port, owned by a
// non-root user (initdb refuses root: when run as root, the cluster belongs to `postgres` or `nobody`). The URL is
// handed to tests with `provide('postgres', …)`; `test/helpers/postgres.ts` makes one database per test file.
// Outside CI, a machine without PostgreSQL skips those tests with a notice; in CI (CI set) that is an error.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

import './provided.js';

function findBin(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin', name);
    if (existsSync(bin)) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** uid/gid of the user to run the cluster as when we are root. */
function clusterUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const line = passwd.find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  return null;
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const skip = (reason: string) => {
    if (process.env.CI) throw new Error(`PostgreSQL tests must run in CI, but the test cluster could not start: ${reason}`);
    console.warn(`\n[storydesk tests] PostgreSQL tests are SKIPPED: ${reason}\n`);
    project.provide('postgres', { url: null, reason });
    return undefined;
  };
  if (process.env.STORYDESK_TEST_POSTGRES_URL) {
    project.provide('postgres', { url: process.env.STORYDESK_TEST_POSTGRES_URL, reason: null });
    return undefined;
  }
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) return skip('initdb/pg_ctl not found (apt-get install postgresql)');
  const user = clusterUser();
  if (process.getuid?.() === 0 && !user) return skip('running as root and no postgres or nobody user to own the cluster');
  const dir = mkdtempSync(path.join(tmpdir(), 'storydesk-pg-'));
  chmodSync(dir, 0o700);
  if (user) chownSync(dir, user.uid, user.gid);
  const asUser = (bin: string, args: string[]) =>
    user ? spawnSync('runuser', ['-u', user.name, '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  const data = path.join(dir, 'data');
  const init = asUser(initdb, ['-D', data, '--username=storydesk', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return skip(`initdb failed: ${(init.stderr || init.stdout || String(init.error)).trim().split('\n').slice(-2).join(' ')}`);
  }
  const port = await freePort();
  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = asUser(pgCtl, ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  if (start.status !== 0) {
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8').trim().split('\n').slice(-3).join(' ') : '';
    rmSync(dir, { recursive: true, force: true });
    return skip(`pg_ctl start failed: ${(start.stderr || start.stdout).trim()} ${log}`);
  }
  project.provide('postgres', { url: `postgres://storydesk@127.0.0.1:${port}/postgres`, reason: null });
  return () => {
    asUser(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    try {
      execFileSync('rm', ['-rf', dir]);
    } catch {
      // left in the temp folder
    }
  };
}
