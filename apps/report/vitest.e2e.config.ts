import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium through playwright-core, on the built site (apps/report/dist, or
// LEAKRISK_REPORT_SITE). globalSetup builds the site from the fixture results if it is absent.
export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['./test/e2e/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
