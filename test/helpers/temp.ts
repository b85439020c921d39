import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** The prefix of every temporary folder the tests and the pipeline make; test/global-teardown.ts looks for it. */
export const TEMP_PREFIX = 'briefing-';

const made = new Set<string>();

/** A new empty folder under the system's temp folder, removed after the test file (test/setup.ts). */
export function tempDir(name = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${name}-`));
  made.add(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/** For test/setup.ts: registered once per test file. */
export function cleanUpAfterFile(): void {
  afterAll(removeTempDirs);
}
