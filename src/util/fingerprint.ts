// A fingerprint of the code that turns articles into cached data: a cache made by other code is not reused.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folders whose code decides what is cached: everything below the Discord, console and CLI adapters. */
const SOURCE_DIRS = ['../model/', '../text/', '../corpus/', '../index/', '../extract/', '../ask/', '../engine/'];

let cached: string | null = null;

/** sha256 over the engine's own source files (src/model, text, corpus, index, extract, ask, engine), computed once. */
export function codeFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    const folder = fileURLToPath(new URL(dir, import.meta.url));
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((n) => /\.(ts|js)$/.test(n)).sort();
    for (const name of names) {
      hash.update(`${dir}${name}\0`);
      hash.update(readFileSync(folder + name));
    }
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
