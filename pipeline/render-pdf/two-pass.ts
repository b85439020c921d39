import { loadPdf, namedDestinations, type LoadedPdf } from './assemble/index.ts';
import type { PartBytes } from './assemble/kept-update.ts';
import { withCrossLinks, type CrossLinks } from './cross-links.ts';
import type { PackTarget } from './pack-plan.ts';
import type { PrintPage } from './page-pool.ts';
import { packView, type PageLabels, type SharedContent } from './pack-view.ts';
import { normalizePdf } from './pdf-normalize.ts';
import type { BlockedRequest } from './request-guard.ts';
import type { PageReadings } from './page-readings.ts';
import type { PackTemplates } from './templates.ts';
import { FRONT_PARTS, labelsOf } from './toc-pages.ts';

/** A pack's front matter printed with its contents' page labels filled in. */
export interface PrintedFront {
  target: PackTarget;
  /** as printed, dated by the manifest (normalizePdf); read for assembly when it must be */
  pdf: PartBytes;
  /** the page labels its contents and mentions print, by anchor */
  labels: PageLabels;
  /** prints it took */
  passes: number;
  blocked: BlockedRequest[];
}

const MAX_PASSES = 3;

/**
 * Prints a pack's front matter until the pages its contents give for its own parts (mentions,
 * changes) are those they are on; the labels of the body's anchors are the body's and do not move.
 * Starts from `guess`, the labels a measuring draft gave; reads where the links lead (its named
 * destinations) and prints again with what it found when a label was off. Where they lead is taken
 * from `readings` for a print of the same bytes as an earlier run's: the print is then not read.
 */
export async function printFront(page: PrintPage, templates: PackTemplates, shared: SharedContent, target: PackTarget, guess: PageLabels, links: CrossLinks, readings: PageReadings): Promise<PrintedFront> {
  let labels = guess;
  const blocked: BlockedRequest[] = [];
  for (let pass = 1; ; pass++) {
    const html = withCrossLinks(templates.layout(packView(shared, target, labels, { part: 'front' })), links);
    const printed = await page.print(html);
    blocked.push(...printed.blocked);
    const pdf = partBytes(normalizePdf(printed.pdf, shared.manifest.generatedAt));
    const found = labelsOf(await readings.destinations(pdf.bytes, async () => namedDestinations(await pdf.load())), 'roman');
    const own = [...labels.keys()].filter((a) => FRONT_PARTS.includes(a));
    const missing = own.filter((a) => !found.has(a));
    if (missing.length > 0) throw new Error(`${target.path}: the table of contents links lead nowhere for ${missing.join(', ')}`);
    if (own.every((a) => found.get(a) === labels.get(a)) || pass === MAX_PASSES) return { target, pdf, labels, passes: pass, blocked };
    labels = new Map([...labels, ...own.map((a) => [a, found.get(a)!] as const)]);
  }
}

/** A print known by its bytes, read (loadPdf) on the first call of `load`, once. */
export function partBytes(bytes: Uint8Array): PartBytes {
  let loaded: Promise<LoadedPdf> | undefined;
  return { bytes, load: () => (loaded ??= loadPdf(bytes)) };
}
