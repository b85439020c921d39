import { loadAssets } from './assets.ts';
import { openBrowser } from './browser.ts';
import { findBrowser, type BrowserChoice } from '../lib/browser-path.ts';
import { openPrintPages, type PrintedPdf } from './page-pool.ts';
import { DEFAULT_TIMEOUT_MS } from './render-packs.ts';

/**
 * Prints one HTML document exactly as a pack is printed — same browser flags, guarded tab,
 * assets and print settings — and closes the browser. For tests of the guard and for previews.
 */
export async function printHtml(html: string, options: { timeoutMs?: number; browser?: BrowserChoice } = {}): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const assets = await loadAssets();
  const session = await openBrowser(options.browser ?? (await findBrowser()), timeoutMs);
  try {
    const [page] = await openPrintPages(session.browser, 1, assets, timeoutMs);
    return await page!.print(html);
  } finally {
    await session.close();
  }
}
