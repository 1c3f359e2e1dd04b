import { defineConfig } from 'vitest/config';

/** Browser tests: Chromium (Debian's) driven by playwright-core against the real server and built panel. */
export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time on a 2-core machine.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
