import { hashOf } from '../build/build-state.ts';
import type { PrintedPdf, PrintPage } from './page-pool.ts';

/**
 * Prints of an earlier run, by key: a build keeps them with its outputs, so that a part whose HTML
 * did not change (a front matter, the stamps, the body) is not printed again. Returns null for a
 * print it does not hold, or holds altered.
 */
export interface PrintStore {
  /** what printed them besides the HTML, as the caller knows it (a build: the hash of the renderer's code and templates); part of every key */
  salt: string;
  /** a print (pdf; or parts of one joined, as the staff report's body), or a font pruned for the prints of a session (ttf) */
  get(key: string, type?: KeptPrint['type']): Promise<Uint8Array | null>;
}

/** A print of this run, or a font it was printed with: what the store gets to keep for the next one. */
export interface KeptPrint {
  key: string;
  /** a print; a font; an incremental update that made a pack of its parts (assemble/kept-update.ts) */
  type: 'pdf' | 'ttf' | 'update';
  bytes: Uint8Array;
}

/**
 * A tab that prints only what the store does not already hold. Every print it gives — from the
 * store or printed now — is noted in `kept`, keyed, for the caller to keep for the next run. A
 * print from the store carries no refused loads: it was printed, and verified, by an earlier run.
 */
export function cachedPage(page: PrintPage, printer: string, store: PrintStore | undefined, kept: Map<string, Uint8Array>): PrintPage & { printed: () => number; stored(html: string, draft?: boolean): Promise<boolean>; key(html: string, draft?: boolean): string } {
  // the key of one print: what printed it (`printer`: browser, flags, settings, served assets, the store's salt), the kind of print, the HTML
  let printed = 0;
  const keyOf = (html: string, draft: boolean) => hashOf(printer, draft ? 'draft' : 'print', html);
  return {
    printed: () => printed,
    key: (html: string, draft = false) => keyOf(html, draft),
    async stored(html: string, draft = false): Promise<boolean> {
      const key = keyOf(html, draft);
      const earlier = kept.get(key) ?? (await store?.get(key, 'pdf')) ?? null;
      if (earlier) kept.set(key, earlier);
      return earlier !== null;
    },
    async print(html: string, draft = false): Promise<PrintedPdf> {
      const key = keyOf(html, draft);
      const earlier = kept.get(key) ?? (await store?.get(key, 'pdf')) ?? null;
      if (earlier) {
        kept.set(key, earlier);
        return { pdf: earlier, blocked: [] };
      }
      const result = await page.print(html, draft);
      printed++;
      kept.set(key, result.pdf);
      return result;
    },
  };
}
