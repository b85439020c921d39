import type { CDPSession, Page } from 'puppeteer-core';
import type { PrintWindow } from './shared-browser.ts';
import type { Asset } from './assets.ts';
import { withTimeout } from './browser.ts';
import { guardPage, type BlockedRequest } from './request-guard.ts';

/** A PDF as printed by Chromium, with the loads the page was refused. */
export interface PrintedPdf {
  pdf: Uint8Array;
  blocked: BlockedRequest[];
}

/** One guarded tab of the shared browser; prints one HTML document at a time. */
export interface PrintPage {
  /** `draft` leaves out the structure tree and outline: the same layout in half the time, for measuring */
  print(html: string, draft?: boolean): Promise<PrintedPdf>;
  /** whether a print of it is at hand without the browser (an earlier run's); then `print` gives it at once */
  stored?(html: string, draft?: boolean): Promise<boolean>;
  /** the key its print is kept by: what prints it (browser, settings, served assets) and the HTML */
  key?(html: string, draft?: boolean): string;
}

/**
 * The print settings of every pack (CDP Page.printToPDF): A4 and margins from the CSS,
 * backgrounds, a tagged PDF (structure, language) with an outline built from the headings.
 */
export const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true } as const;
const DRAFT_OPTIONS = { ...PDF_OPTIONS, generateTaggedPDF: false, generateDocumentOutline: false } as const;

/**
 * `size` guarded tabs, about one per core (more only queue for the same CPUs), opened at once: each
 * waits on the browser, not on this process. The tabs open while `assets` are made ready (the fonts
 * pruned, or read from a store); each is guarded with them before it prints.
 */
export async function openPrintPages(browser: PrintWindow['browser'], size: number, assets: Promise<ReadonlyMap<string, Asset>>, timeoutMs: number): Promise<PrintPage[]> {
  const opening = Array.from({ length: size }, () => openPrintPage(browser, assets, timeoutMs));
  // every tab settles before a failure is reported: none is left opening behind it (the window closes them all)
  await settledAll(opening.map((tab) => () => tab));
  return Promise.all(opening);
}

async function openPrintPage(browser: PrintWindow['browser'], assets: Promise<ReadonlyMap<string, Asset>>, timeoutMs: number): Promise<PrintPage> {
  const page: Page = await browser.newPage();
  page.setDefaultTimeout(timeoutMs);
  const cdp: CDPSession = await page.createCDPSession();
  let blocked: BlockedRequest[] = [];
  await guardPage(page, await assets, (b) => blocked.push(b));
  return {
    async print(html: string, draft = false): Promise<PrintedPdf> {
      blocked = [];
      // setContent, never a file: URL; "load" waits for the preloaded fonts and the stylesheet
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      await withTimeout(page.evaluate('document.fonts.ready.then(() => document.fonts.status)'), timeoutMs, 'waiting for fonts');
      // the PDF as one base64 string decoded by Buffer: page.pdf() streams it through a
      // Uint8Array.fromBase64 that pdfjs-dist's legacy build replaces with a slow polyfill
      const { data } = await withTimeout(cdp.send('Page.printToPDF', { ...(draft ? DRAFT_OPTIONS : PDF_OPTIONS), transferMode: 'ReturnAsBase64' }), timeoutMs, 'printing');
      return { pdf: new Uint8Array(Buffer.from(data, 'base64')), blocked };
    },
  };
}

/**
 * Runs `work` over `items` with one worker per page, each item on whichever page is free; results
 * in item order. No item is started after one failed, or once `stop` aborts.
 */
export async function mapOnPages<T, R>(items: readonly T[], pages: readonly PrintPage[], work: (item: T, page: PrintPage, index: number) => Promise<R>, stop?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  await Promise.all(
    pages.map(async (page) => {
      while (!failed && !stop?.aborted && next < items.length) {
        const index = next++;
        try {
          results[index] = await work(items[index]!, page, index);
        } catch (err) {
          failed = true; // the other workers stop taking new items; the first error is the one reported
          throw err;
        }
      }
    }),
  );
  return results;
}

/**
 * Runs `branches` at once, each told through `stop` once another failed (it then starts nothing
 * new); waits for every one to settle, so that nothing is left running behind an error, then
 * throws the first failure.
 */
export async function settledAll(branches: readonly ((stop: AbortSignal) => Promise<unknown>)[]): Promise<void> {
  const failing = new AbortController();
  const settled = await Promise.allSettled(
    branches.map(async (branch) => {
      try {
        return await branch(failing.signal);
      } catch (err) {
        failing.abort();
        throw err;
      }
    }),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Runs `work` one after the other; nothing more once `stop` aborts. */
export async function inTurn(work: readonly (() => Promise<unknown>)[], stop?: AbortSignal): Promise<void> {
  for (const w of work) {
    if (stop?.aborted) return;
    await w();
  }
}
