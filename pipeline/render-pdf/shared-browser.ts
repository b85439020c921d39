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
 * letters), started when a build has one of them to render (start) or on the first window asked for, closed by its owner. Each
 * user prints in a window (browser context) of its own and closes it: the browser starts once,
 * and the parts may print at once.
 */
export class SharedBrowser {
  readonly #timeoutMs: number;
  #choice: Promise<BrowserChoice> | null = null;
  #session: Promise<BrowserSession> | null = null;
  #closing: Promise<void>[] = [];
  #asked!: () => void;
  /** resolves when a window is first asked for: something is about to print */
  readonly windowAsked = new Promise<void>((resolve) => (this.#asked = resolve));

  constructor(options: { timeoutMs?: number; browser?: BrowserChoice } = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (options.browser) this.#choice = Promise.resolve(options.browser);
  }

  /** the browser it starts (findBrowser unless given), found without starting it */
  choice(): Promise<BrowserChoice> {
    return (this.#choice ??= findBrowser());
  }

  /** starts the browser, if it is not yet, without waiting for it: a window asked for later has it sooner */
  start(): void {
    this.#launch().catch(() => undefined); // a failure is the window's to report
  }

  #launch(): Promise<BrowserSession> {
    return (this.#session ??= (async () => openBrowser(await this.choice(), this.#timeoutMs))());
  }

  /** a window of its own, the browser started if it is not yet */
  async window(): Promise<PrintWindow> {
    this.#asked();
    const context = await (await this.#launch()).browser.createBrowserContext();
    // closed in a `finally`: a browser already gone (or slow to answer) must not hide the error that got there
    return { browser: context, close: () => withTimeout(context.close(), Math.min(this.#timeoutMs, 10_000), 'closing a window').catch(() => undefined) };
  }

  /** closes the browser if it was started (a window asked for after starts another); safe to call twice: a second call waits for what the first closes */
  async close(): Promise<void> {
    const session = this.#session;
    this.#session = null;
    if (session) this.#closing.push((async () => (await session.catch(() => null))?.close())());
    await Promise.all(this.#closing);
  }
}
