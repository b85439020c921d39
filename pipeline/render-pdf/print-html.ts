import { loadAssets } from './assets.ts';
import { openBrowser } from './browser.ts';
import { findBrowser, type BrowserChoice } from '../lib/browser-path.ts';
import { openPrintPages, type PrintedPdf } from './page-pool.ts';
import { DEFAULT_TIMEOUT_MS, type SharedBrowser } from './shared-browser.ts';

/**
 * Prints one HTML document exactly as a pack is printed — same browser flags, guarded tab,
 * assets and print settings — and closes the browser (or its window of a shared one). For the
 * staff report, tests of the guard and previews.
 */
export async function printHtml(html: string, options: { timeoutMs?: number; browser?: BrowserChoice; shared?: SharedBrowser } = {}): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const assets = await loadAssets();
  // a window of a browser the caller closes, or a browser of its own
  const session = options.shared ? await options.shared.window() : await openBrowser(options.browser ?? (await findBrowser()), timeoutMs);
  try {
    const [page] = await openPrintPages(session.browser, 1, assets, timeoutMs);
    return await page!.print(html);
  } finally {
    await session.close();
  }
}
