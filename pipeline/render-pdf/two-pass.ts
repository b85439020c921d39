import type { PackTarget } from './pack-plan.ts';
import type { PrintPage } from './page-pool.ts';
import { packView, tocAnchors, type SharedContent } from './pack-view.ts';
import { normalizePdf } from './pdf-normalize.ts';
import { destinationPages, withPdf } from './pdf-read.ts';
import type { BlockedRequest } from './request-guard.ts';
import type { PackTemplates } from './templates.ts';
import type { TocPages } from './toc-pages.ts';

/** A pack printed with its table of contents filled in. */
export interface PrintedPack {
  target: PackTarget;
  pdf: Uint8Array;
  html: string;
  /** the page numbers the table of contents prints, by anchor */
  tocPages: TocPages;
  /** full prints it took, the draft included */
  passes: number;
  blocked: BlockedRequest[];
}

const MAX_PASSES = 3;

/**
 * Prints a pack until its table of contents is right. Without a guess, the first pass is a draft
 * (no structure tree: the same layout in half the time) with the page column empty (same width,
 * so nothing moves). The pages the contents' links lead to are read back with pdfjs and printed
 * into the next pass, until a pass agrees with the numbers it printed.
 */
export async function printPack(page: PrintPage, templates: PackTemplates, shared: SharedContent, target: PackTarget, guess: TocPages | null): Promise<PrintedPack> {
  const anchors = tocAnchors(shared, target);
  let tocPages = guess;
  const blocked: BlockedRequest[] = [];
  for (let pass = 1; ; pass++) {
    const html = templates.layout(packView(shared, target, tocPages));
    const printed = await page.print(html, tocPages === null);
    blocked.push(...printed.blocked);
    const destinations = await withPdf(printed.pdf, destinationPages);
    const found: TocPages = new Map(anchors.filter((a) => destinations.has(a)).map((a) => [a, destinations.get(a)!]));
    if (found.size !== anchors.length) throw new Error(`${target.path}: the table of contents links lead nowhere for ${anchors.filter((a) => !found.has(a)).join(', ')}`);
    if (tocPages && (samePages(tocPages, found) || pass === MAX_PASSES)) {
      return { target, pdf: normalizePdf(printed.pdf, shared.manifest.generatedAt), html, tocPages, passes: pass, blocked };
    }
    tocPages = found;
  }
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
