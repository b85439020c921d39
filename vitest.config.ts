import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // most tests wait on a child (the CLI, Chromium, LibreOffice): two files at a time on two cores
    maxWorkers: 2,
    // compiles the CLI and parses R6 once per run; every file removes the folders it made; the teardown fails the run on a folder or browser left behind
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts', 'test/global-teardown.ts'],
  },
});
