import { assetSources } from './assets.ts';
import { CHROME_FLAGS, openBrowser } from './browser.ts';
import { browserVersion, findBrowser, type BrowserChoice } from '../lib/browser-path.ts';
import { openPrintPages, PDF_OPTIONS, type PrintedPdf, type PrintPage } from './page-pool.ts';
import { fontFiles } from './fonts.ts';
import { glyphsLeftOut, wholeFonts } from './glyph-guard.ts';
import { hashOf } from '../build/build-state.ts';
import { loadPdfjs } from '../lib/pdfjs.ts';
import { cachedPage, type KeptPrint, type PrintStore } from './print-cache.ts';
import { servedAssets, storedFonts } from './served-assets.ts';
import type { PrintWindow, SharedBrowser } from './shared-browser.ts';

interface SessionOptions {
  timeoutMs: number;
  tabs: number;
  store?: PrintStore;
  /** a browser its owner closes, to print in a window of its own; default: one started for this session and closed with it */
  shared?: SharedBrowser;
}

/** The text a session may print, given before its first print: its fonts are served with only the glyphs that text can come to (font-prune.ts). */
export interface SessionText {
  cover(text: string): void;
}

/**
 * The tabs a run prints with, opened on the first print the store does not hold: a run whose
 * parts are all in the store starts no browser. Every print is keyed by the browser's version
 * and kept for the next run.
 */
export class PrintSession implements SessionText {
  readonly pages: PrintPage[];
  #text: string[] | null = null;
  #session: Promise<{ window: PrintWindow; pages: PrintPage[] }> | null = null;
  #kept = new Map<string, Uint8Array>();
  /** the fonts served pruned, once the session opened */
  #fonts: KeptPrint[] = [];
  #printed: (() => number)[] = [];
  readonly #choice: BrowserChoice;
  readonly #options: SessionOptions;

  private constructor(choice: BrowserChoice, printer: string, options: SessionOptions) {
    this.#choice = choice;
    this.#options = options;
    this.pages = Array.from({ length: options.tabs }, (_, i) => {
      const page = cachedPage({ print: async (html, draft) => this.#checked(await (await this.#open()).pages[i]!.print(html, draft)) }, printer, options.store, this.#kept);
      this.#printed.push(page.printed);
      return page;
    });
  }

  static async prepare(options: SessionOptions & { browser?: BrowserChoice }): Promise<PrintSession> {
    const choice = (await options.shared?.choice()) ?? options.browser ?? (await findBrowser());
    // whatever else makes a print: a stylesheet, a font, a flag or a setting changed is a new key
    const assets = (await assetSources()).flat();
    const printer = hashOf(choice.path, await browserVersion(choice), CHROME_FLAGS, PDF_OPTIONS, options.store?.salt ?? '', ...assets);
    return new PrintSession(choice, printer, options);
  }

  /**
   * A print made with the fonts pruned, refused when it draws a glyph they left out: a character
   * the session's text does not have (one a stylesheet generates, say) would print as nothing.
   */
  async #checked(printed: PrintedPdf): Promise<PrintedPdf> {
    if (!this.#text) return printed;
    // the files as installed: unmapping aliases changed their cmaps, never an outline
    const fonts = await fontFiles();
    const left = await glyphsLeftOut(printed.pdf, wholeFonts([fonts.regular, fonts.bold]));
    if (left.length > 0) {
      throw new Error(`a print draws ${left.slice(0, 5).join(', ')}${left.length > 5 ? ` and ${left.length - 5} more` : ''} with no outline: the fonts were served pruned to the text the session was given, which lacks ${left.length === 1 ? 'it' : 'them'} (a character the stylesheet generates belongs in font-prune.ts GENERATED)`);
    }
    return printed;
  }

  #open(): Promise<{ window: PrintWindow; pages: PrintPage[] }> {
    this.#session ??= (async () => {
      // every print is read back with pdfjs: its modules load while the browser starts and prints (a failure shows where it is used)
      loadPdfjs().catch(() => undefined);
      const opening = this.#options.shared ? this.#options.shared.window() : openBrowser(this.#choice, this.#options.timeoutMs);
      // the fonts are pruned (or taken from the store) while the browser opens the window and its tabs (a window that fails is reported before a pruning that does)
      const served = Promise.resolve().then(() => servedAssets(this.#text, this.#options.store));
      served.catch(() => undefined);
      const window = await opening;
      try {
        const assets = served.then(({ assets, fonts }) => ((this.#fonts = fonts), assets));
        assets.catch(() => undefined); // a tab that fails to open first is the error reported
        return { window, pages: await openPrintPages(window.browser, this.#options.tabs, assets, this.#options.timeoutMs) };
      } catch (err) {
        await window.close();
        throw err;
      }
    })();
    return this.#session;
  }

  /**
   * Adds to the text the session prints (every HTML document it will print): its fonts are then
   * served pruned to the glyphs that text and the stylesheet can come to. Before the first print;
   * a session never told serves the fonts whole. The prints are the same bytes either way.
   */
  cover(text: string): void {
    if (this.#session) throw new Error('the text a print session covers is given before its first print');
    (this.#text ??= []).push(text);
  }

  /**
   * Every print of the run, from the store or printed now, in the order of their keys; then the
   * fonts the session served pruned (those of the store, when it printed nothing).
   */
  async kept(): Promise<KeptPrint[]> {
    const prints = [...this.#kept].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, bytes]): KeptPrint => ({ key, type: 'pdf', bytes }));
    const fonts = this.#session ? this.#fonts : this.#text && this.#options.store ? await storedFonts(this.#text, this.#options.store) : [];
    return [...prints, ...fonts];
  }

  /** prints the browser made in this run */
  printed(): number {
    return this.#printed.reduce((n, count) => n + count(), 0);
  }

  /** closes its window (its own browser, or its window of a shared one) if it was opened; safe to call twice */
  async close(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await (await session.catch(() => null))?.window.close();
  }
}
