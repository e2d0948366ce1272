// A fresh temporary folder per test, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * `until: 'all'` keeps the folders until the file's tests are done (one made in a beforeAll and used by every test).
 */
export function useTmpDir(prefix = 'storydesk-', options: { until?: 'each' | 'all' } = {}): () => string {
  const dirs: string[] = [];
  (options.until === 'all' ? afterAll : afterEach)(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
