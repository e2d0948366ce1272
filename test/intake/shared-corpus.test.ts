// Several hosts, one story: two hosts (two stores on one database, two corpus folders, two real watchers) see each
// other's articles added, edited and removed; a host that starts later catches up; edits made while it was down are
// published; nothing echoes back and forth. Postgres carries the signals between hosts (LISTEN/NOTIFY); on SQLite the
// same code runs with both hosts in one process.
import { existsSync, readdirSync, readFileSync, renameSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articlesSince } from '../../src/db/articles.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { watchCorpus, type CorpusChangeKind, type CorpusWatcher } from '../../src/corpus/watch.js';
import { SharedCorpus } from '../../src/intake/shared-corpus.js';
import { createLogger } from '../../src/log.js';
import { backends, type Backend } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';

const log = createLogger({ level: 'silent' });

function markdown(title: string, body: string): string {
  return `---\ntitle: "${title}"\ndate: 2026-12-01\noutlet: Test Wire\nurl: https://example.com/${encodeURIComponent(title)}\n---\n\n${body}\n`;
}

async function until(check: () => boolean, ms = 5000): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
}

interface Host {
  db: Db;
  dir: string;
  sync: SharedCorpus;
  watcher: CorpusWatcher;
  /** What the story was handed, in order. */
  events: Array<[CorpusChangeKind, string]>;
  arrived: string[];
}

const tmp = useTmpDir('storydesk-shared-');

describe.each(backends)('the shared corpus on $name', (backend: Backend) => {
  const hosts: Host[] = [];
  const stores: Db[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) {
      await h.watcher.close();
      await h.sync.stop();
    }
    for (const s of stores.splice(0).reverse()) await s.close();
    sqliteFile = null;
  });

  let sqliteFile: string | null = null;
  async function store(hostId: string): Promise<Db> {
    let db: Db;
    if (backend.name === 'sqlite') {
      sqliteFile ??= path.join(tmp(), 'shared.db');
      db = stores.length === 0 ? await openDatabase(sqliteFile, { hostId }) : stores[0]!;
    } else {
      db = stores.length === 0 ? await backend.open({ hostId }) : await backend.openAnother({ hostId });
    }
    if (!stores.includes(db)) stores.push(db);
    return db;
  }

  async function host(hostId: string, dir = tmp()): Promise<Host> {
    const db = await store(hostId);
    const arrived: string[] = [];
    // SQLite in one process: both hosts share the one store, and each needs its own id for the echo checks.
    const view: Db = db.hostId === hostId ? db : Object.assign(Object.create(Object.getPrototypeOf(db) as object), db, { hostId });
    const sync = new SharedCorpus({ store: view, corpusDir: dir, log, onArrived: (id) => arrived.push(id), checkIntervalMs: 60_000 });
    await sync.reconcile();
    const events: Host['events'] = [];
    const watcher = await watchCorpus(dir, sync.handler({ onChange: (kind, file) => void events.push([kind, path.basename(file)]) }), {
      debounceMs: 50,
      stabilityMs: 100,
      pollIntervalMs: 25,
    });
    sync.start();
    const h = { db: view, dir, sync, watcher, events, arrived };
    hosts.push(h);
    return h;
  }

  it.skipIf(backend.skip)('an article added on host A is served on host B within 5 s; an edit and a removal follow', async () => {
    const a = await host('A');
    const b = await host('B');
    writeFileSync(path.join(a.dir, '2026-12-01-first.md'), markdown('First', 'The council met on Monday.'));
    const took = await until(() => b.events.some(([k, f]) => k === 'add' && f === '2026-12-01-first.md'));
    expect(took).toBeLessThan(5000);
    expect(readFileSync(path.join(b.dir, '2026-12-01-first.md'), 'utf8')).toContain('The council met on Monday.');
    expect(b.arrived).toEqual(['2026-12-01-first.md']);

    writeFileSync(path.join(b.dir, '2026-12-01-first.md'), markdown('First', 'The council met on Tuesday.'));
    await until(() => readFileSync(path.join(a.dir, '2026-12-01-first.md'), 'utf8').includes('Tuesday'));
    await until(() => a.events.some(([k]) => k === 'change'));

    mkdirSync(path.join(a.dir, 'elsewhere'));
    renameSync(path.join(a.dir, '2026-12-01-first.md'), path.join(a.dir, 'elsewhere', 'first.md'));
    await until(() => b.events.some(([k]) => k === 'remove'));
    expect(existsSync(path.join(b.dir, '2026-12-01-first.md'))).toBe(false);
    expect(readdirSync(path.join(b.dir, '.removed'))).toEqual(['2026-12-01-first.md']);

    // Settled: one publication per change, nothing echoed back (add, edit, removal = 3 revisions).
    await a.sync.idle();
    await b.sync.idle();
    expect((await articlesSince(a.db, 0)).map((r) => [r.path, r.removedAt !== null, r.updatedBy])).toEqual([['2026-12-01-first.md', true, 'A']]);
    expect(Math.max(...(await a.db.all<{ revision: number }>('SELECT revision FROM articles')).map((r) => r.revision))).toBe(3);
  });

  it.skipIf(backend.skip)('a host that starts later gets every article, and publishes what only it has', async () => {
    const a = await host('A');
    writeFileSync(path.join(a.dir, '2026-12-01-one.md'), markdown('One', 'One happened.'));
    writeFileSync(path.join(a.dir, '2026-12-01-two.md'), markdown('Two', 'Two happened.'));
    await until(() => a.events.length === 2);
    await a.sync.idle();
    const bDir = tmp();
    writeFileSync(path.join(bDir, '2026-12-01-three.md'), markdown('Three', 'Three happened.'));
    const b = await host('B', bDir);
    expect(readdirSync(bDir).filter((n) => n.endsWith('.md')).sort()).toEqual(['2026-12-01-one.md', '2026-12-01-three.md', '2026-12-01-two.md']);
    await until(() => existsSync(path.join(a.dir, '2026-12-01-three.md')));
    expect(b.arrived).toEqual([]); // written before its story loaded: not announced as new
  });

  it.skipIf(backend.skip)('at start, an edit made here while the host was down wins over the older text; an older copy is replaced', async () => {
    const a = await host('A');
    writeFileSync(path.join(a.dir, '2026-12-01-one.md'), markdown('One', 'Version one.'));
    writeFileSync(path.join(a.dir, '2026-12-01-two.md'), markdown('Two', 'Version one.'));
    await until(() => a.events.length === 2);
    await a.sync.idle();
    const bDir = tmp();
    writeFileSync(path.join(bDir, '2026-12-01-one.md'), markdown('One', 'Edited on B while it was down.'));
    writeFileSync(path.join(bDir, '2026-12-01-two.md'), markdown('Two', 'An old copy on B.'));
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(bDir, '2026-12-01-two.md'), past, past);
    await host('B', bDir);
    expect(readFileSync(path.join(bDir, '2026-12-01-two.md'), 'utf8')).toContain('Version one.');
    await until(() => readFileSync(path.join(a.dir, '2026-12-01-one.md'), 'utf8').includes('Edited on B'));
  });
});
