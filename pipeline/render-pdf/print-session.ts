import { ASSET_PATHS, loadAssets, type Asset } from './assets.ts';
import { prunedFont, textCharacters } from './font-prune.ts';
import { CHROME_FLAGS, openBrowser } from './browser.ts';
import { browserVersion, findBrowser, type BrowserChoice } from '../lib/browser-path.ts';
import { openPrintPages, PDF_OPTIONS, type PrintedPdf, type PrintPage } from './page-pool.ts';
import { loadFonts } from './fonts.ts';
import { glyphsLeftOut, wholeFonts } from './glyph-guard.ts';
import { hashOf } from '../build/build-state.ts';
import { sha256Once } from '../lib/checksums.ts';
import { loadPdfjs } from '../lib/pdfjs.ts';
import { cachedPage, type KeptPrint, type PrintStore } from './print-cache.ts';
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
    const assets = [...(await loadAssets())].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([path, asset]) => [path, sha256Once(asset.body)]);
    const printer = hashOf(choice.path, await browserVersion(choice), CHROME_FLAGS, PDF_OPTIONS, options.store?.salt ?? '', ...assets);
    return new PrintSession(choice, printer, options);
  }

  /**
   * A print made with the fonts pruned, refused when it draws a glyph they left out: a character
   * the session's text does not have (one a stylesheet generates, say) would print as nothing.
   */
  async #checked(printed: PrintedPdf): Promise<PrintedPdf> {
    if (!this.#text) return printed;
    const fonts = await loadFonts();
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
      // the fonts are pruned while the browser opens the window (a window that fails is reported before a pruning that does)
      const assets = Promise.resolve().then(() => servedAssets(this.#text));
      assets.catch(() => undefined);
      const window = await opening;
      try {
        return { window, pages: await openPrintPages(window.browser, this.#options.tabs, await assets, this.#options.timeoutMs) };
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

  /** every print of the run, from the store or printed now, in the order of their keys */
  kept(): KeptPrint[] {
    return [...this.#kept].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, pdf]) => ({ key, pdf }));
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

/** The assets, their fonts pruned to what `text` (and the stylesheet's) can come to; whole without a text. */
async function servedAssets(text: readonly string[] | null): Promise<Map<string, Asset>> {
  const assets = await loadAssets();
  if (!text) return assets;
  const css = new TextDecoder().decode(assets.get(ASSET_PATHS.css)!.body);
  const characters = textCharacters([...text, css].join(''));
  for (const path of [ASSET_PATHS.regular, ASSET_PATHS.bold]) {
    const font = assets.get(path)!;
    assets.set(path, { ...font, body: prunedFont(font.body, characters) });
  }
  return assets;
}
