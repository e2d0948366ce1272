// A fingerprint of the code that turns articles into cached data: a cache made by other code is not reused.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE_DIRS = ['../text/', '../story/', '../corpus/', './'];

let cached: string | null = null;

/** sha256 over the engine's own source files (src/text, src/story, src/corpus, src/engine), computed once. */
export function codeFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    const folder = fileURLToPath(new URL(dir, import.meta.url));
    for (const name of readdirSync(folder).filter((n) => /\.(ts|js)$/.test(n)).sort()) {
      hash.update(`${dir}${name}\0`);
      hash.update(readFileSync(folder + name));
    }
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
