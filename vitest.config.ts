import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // every file removes the folders it made; the teardown fails the run on a folder or browser left behind
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-teardown.ts'],
  },
});
