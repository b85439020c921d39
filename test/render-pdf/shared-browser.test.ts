import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../../pipeline/render-pdf/browser.ts';
import { findBrowser } from '../../pipeline/lib/browser-path.ts';
import { SharedBrowser } from '../../pipeline/render-pdf/shared-browser.ts';
import { chromiumDescendants } from './processes.ts';

afterAll(() => {
  expect(chromiumDescendants()).toEqual([]);
});

describe('SharedBrowser', () => {
  it('closes its browser once; a second close (the build’s, after the early one) returns only when the browser is gone', async () => {
    const shared = new SharedBrowser();
    const window = await shared.window();
    await window.browser.newPage();
    expect(chromiumDescendants().length).toBeGreaterThan(0);
    const first = shared.close();
    await shared.close();
    expect(chromiumDescendants()).toEqual([]);
    await first;
    // a window asked for after starts another, which the next close closes
    await (await shared.window()).browser.newPage();
    expect(chromiumDescendants().length).toBeGreaterThan(0);
    await shared.close();
    expect(chromiumDescendants()).toEqual([]);
  }, 120_000);
});

describe('openBrowser', () => {
  it('keeps the browser’s own temporary files in its temp folder, which goes when it closes: its singleton socket’s folder is left in no shared temp folder', async () => {
    const session = await openBrowser(await findBrowser(), 60_000);
    let temp = '';
    try {
      const profile = chromiumDescendants()
        .map((p) => /--user-data-dir=(\S+)/.exec(p.cmdline)?.[1])
        .find((dir) => dir !== undefined);
      expect(profile).toBeDefined();
      temp = dirname(profile!);
      expect(readdirSync(temp).some((name) => name.startsWith('org.chromium.Chromium.'))).toBe(true);
    } finally {
      await session.close();
    }
    expect(existsSync(temp)).toBe(false);
  }, 120_000);
});
