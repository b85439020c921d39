import type { Browser, BrowserContext } from 'puppeteer-core';
import { findBrowser, type BrowserChoice } from '../lib/browser-path.ts';
import { openBrowser, withTimeout, type BrowserSession } from './browser.ts';

/** The limit of every browser step (launch, load, print), in ms, unless the caller sets one. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Where a print session opens its tabs, and how it lets them go. */
export interface PrintWindow {
  browser: Pick<Browser | BrowserContext, 'newPage'>;
  close(): Promise<void>;
}

/**
 * One browser for every part of a build that prints (the packs, the staff report, the cover
 * letters), started on the first print none of them found in the store, closed by its owner. Each
 * user prints in a window (browser context) of its own and closes it: the browser starts once,
 * and the parts may print at once.
 */
export class SharedBrowser {
  readonly #timeoutMs: number;
  #choice: Promise<BrowserChoice> | null = null;
  #session: Promise<BrowserSession> | null = null;

  constructor(options: { timeoutMs?: number; browser?: BrowserChoice } = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (options.browser) this.#choice = Promise.resolve(options.browser);
  }

  /** the browser it starts (findBrowser unless given), found without starting it */
  choice(): Promise<BrowserChoice> {
    return (this.#choice ??= findBrowser());
  }

  /** a window of its own, the browser started if it is not yet */
  async window(): Promise<PrintWindow> {
    this.#session ??= (async () => openBrowser(await this.choice(), this.#timeoutMs))();
    const context = await (await this.#session).browser.createBrowserContext();
    // closed in a `finally`: a browser already gone (or slow to answer) must not hide the error that got there
    return { browser: context, close: () => withTimeout(context.close(), Math.min(this.#timeoutMs, 10_000), 'closing a window').catch(() => undefined) };
  }

  /** closes the browser if it was started (a window asked for after starts another); safe to call twice */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    if (!session) return;
    await (await session.catch(() => null))?.close();
  }
}
