// Writing the caches.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `file` whole or not at all (a temporary file renamed over it), creating its folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
