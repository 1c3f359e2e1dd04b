import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql module instance: dependencies load its CommonJS build, so the project's own code must too
    // (otherwise `instanceof GraphQLError` fails across the two copies).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
