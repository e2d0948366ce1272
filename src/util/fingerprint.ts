// A fingerprint of the code that turns articles into cached data: a cache made by other code is not reused.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folders whose code decides what is cached: everything below the Discord, console and CLI adapters. */
const SOURCE_DIRS = ['../model/', '../text/', '../corpus/', '../index/', '../extract/', '../ask/', '../engine/'];

let cached: string | null = null;

/** sha256 over the engine's own source files (src/model, text, corpus, index, extract, ask, engine), computed once. */
export function codeFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    const folder = sourceFolder(dir);
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((n) => /\.(ts|js)$/.test(n)).sort();
    for (const name of names) {
      hash.update(`${dir}${name}\0`);
      hash.update(readFileSync(folder + name));
    }
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

/**
 * Compiled (dist/src/util/fingerprint.js), the TypeScript the build was made from when it is beside dist/ (npm start
 * rebuilds dist/ whenever it is older): the compiled start and tsx then share one cache.
 */
function sourceFolder(dir: string): string {
  const here = fileURLToPath(new URL(dir, import.meta.url));
  if (!import.meta.url.endsWith('.js')) return here;
  const typescript = fileURLToPath(new URL(`../../../src/${dir.slice('../'.length)}`, import.meta.url));
  return existsSync(typescript) ? typescript : here;
}
