import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests run separately (`pnpm test:e2e`, vitest.e2e.config.ts) after the site is built.
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
