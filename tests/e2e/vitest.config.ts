import { defineConfig } from 'vitest/config';

// End-to-end tests drive the browser host in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    // Software-rendered Chromium on a loaded 2-core machine has crashed its renderer
    // ("Target crashed") twice in many runs, never on a second try: one retry, so a
    // real failure still fails and a crashed renderer does not block a landing.
    retry: 1,
  },
});
