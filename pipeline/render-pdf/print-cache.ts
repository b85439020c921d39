import { createHash } from 'node:crypto';
import type { PrintedPdf, PrintPage } from './page-pool.ts';

/**
 * Prints of an earlier run, by key: a build keeps them with its outputs, so that a part whose HTML
 * did not change (a front matter, the stamps, the body) is not printed again. Returns null for a
 * print it does not hold, or holds altered.
 */
export interface PrintStore {
  /** what printed them besides the HTML, as the caller knows it (a build: the hash of the renderer's code and templates); part of every key */
  salt: string;
  get(key: string): Promise<Uint8Array | null>;
}

/** A print of this run: what the store gets to keep for the next one. */
export interface KeptPrint {
  key: string;
  pdf: Uint8Array;
}

/**
 * The key of one print: what printed it (`printer`: the browser's version, its flags, the print
 * settings, the bytes of every asset the page loads — stylesheet, fonts — and the store's salt),
 * the kind of print and every byte of the HTML.
 */
export function printKey(printer: string, html: string, draft: boolean): string {
  return createHash('sha256').update(printer).update('\0').update(draft ? 'draft' : 'print').update('\0').update(html).digest('hex');
}

/** What prints a page besides its HTML, as one digest: the browser, its flags and settings, the served assets. */
export function printerDigest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * A tab that prints only what the store does not already hold. Every print it gives — from the
 * store or printed now — is noted in `kept`, keyed, for the caller to keep for the next run. A
 * print from the store carries no refused loads: it was printed, and verified, by an earlier run.
 */
export function cachedPage(page: PrintPage, printer: string, store: PrintStore | undefined, kept: Map<string, Uint8Array>): PrintPage & { printed: () => number } {
  let printed = 0;
  return {
    printed: () => printed,
    async print(html: string, draft = false): Promise<PrintedPdf> {
      const key = printKey(printer, html, draft);
      const earlier = kept.get(key) ?? (await store?.get(key)) ?? null;
      if (earlier) {
        kept.set(key, earlier);
        return { pdf: earlier, blocked: [], stored: true };
      }
      const result = await page.print(html, draft);
      printed++;
      kept.set(key, result.pdf);
      return result;
    },
  };
}
