import type { BrowserChoice } from '../lib/browser-path.ts';
import type { PrintedPdf } from './page-pool.ts';
import { PrintSession } from './print-session.ts';
import { DEFAULT_TIMEOUT_MS, type SharedBrowser } from './shared-browser.ts';

/**
 * Prints one HTML document exactly as a pack is printed — same browser flags, guarded tab,
 * assets and print settings — and closes the browser (or its window of a shared one). For the
 * staff report, tests of the guard and previews.
 */
export async function printHtml(html: string, options: { timeoutMs?: number; browser?: BrowserChoice; shared?: SharedBrowser } = {}): Promise<PrintedPdf> {
  const session = await PrintSession.prepare({ browser: options.browser, shared: options.shared, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, tabs: 1 });
  session.cover(html);
  try {
    return await session.pages[0]!.print(html);
  } finally {
    await session.close();
  }
}
