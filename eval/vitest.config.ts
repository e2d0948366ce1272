// The harness's own tests (the root config runs test/ only): npx vitest run --config eval/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['eval/**/*.test.ts'], root: new URL('..', import.meta.url).pathname },
});
