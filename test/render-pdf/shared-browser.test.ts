import { afterAll, describe, expect, it } from 'vitest';
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
