// Two hosts on one database, on either back end: Postgres, two stores on the same database (`openAnother`); SQLite,
// one temporary FILE opened twice (an in-memory database has one connection). `again()` is a third store on the same
// database (a restart). Everything opened is closed by `close()`, the first store last (on Postgres it drops the
// database).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/open.js';
import type { Backend } from '../helpers/stores.js';

export interface Hosts {
  a: Db;
  b: Db;
  /** Another store on the same database, e.g. after a restart. */
  again(hostId?: string): Promise<Db>;
  close(): Promise<void>;
}

export async function openTwoHosts(backend: Backend): Promise<Hosts> {
  const opened: Db[] = [];
  let dir: string | null = null;
  let open: (hostId: string, first: boolean) => Promise<Db>;
  if (backend.name === 'sqlite') {
    dir = mkdtempSync(path.join(os.tmpdir(), 'storydesk-hosts-'));
    const file = path.join(dir, 'storydesk.db');
    open = (hostId) => openDatabase(file, { hostId });
  } else {
    open = (hostId, first) => (first ? backend.open({ hostId }) : backend.openAnother({ hostId }));
  }
  const track = async (db: Promise<Db>) => {
    const store = await db;
    opened.push(store);
    return store;
  };
  const a = await track(open('A', true));
  const b = await track(open('B', false));
  let n = 0;
  return {
    a,
    b,
    again: (hostId) => track(open(hostId ?? `C${++n}`, false)),
    close: async () => {
      for (const store of opened.splice(0).reverse()) await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
