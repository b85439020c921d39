import { createHash, type Hash } from 'node:crypto';
import { PDFDict, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { hashObject, Unhashable } from './object-hash.ts';

/** The objects of a PDF by reference: a document's, or an incremental update's over its base. */
export type Resolve = (ref: PDFRef) => PDFObject | undefined;

/**
 * What pdfjs reads of a catalog for a document's page count, page labels, outline and named
 * destinations (readDocument): the page tree, /PageLabels, /Outlines, /Dests and /Names.
 */
const READ = ['Pages', 'PageLabels', 'Outlines', 'Dests', 'Names'] as const;
/** An outline item's structure element: pdfjs does not read it, and it leads into the whole structure tree. */
const UNREAD = new Set(['/SE']);

/**
 * The content hash of what pdfjs reads of a document besides its pages' own content: the catalog's
 * page tree, page labels, outline and destinations, each page leaf (`leaves`, in page order) as
 * its number and not its content, and the node each names as its /Parent (by which pdfjs finds
 * a page's number). Two documents with the same key have the same page count, labels, outline
 * entries and destinations' pages, whatever their object numbers; what their pages draw is the
 * page keys' to tell. Other objects are numbered as first met, so that a shared object or a cycle
 * (an outline item's /Parent, /Prev) is hashed by its place in the walk. Null when an object the
 * walk needs is missing or unreadable.
 */
export function documentKey(resolve: Resolve, catalog: PDFDict, leaves: readonly PDFRef[]): string | null {
  const pages = new Map<PDFRef, number>();
  leaves.forEach((ref, i) => pages.has(ref) || pages.set(ref, i + 1));
  const met = new Map<PDFRef, number>();
  const walk = (h: Hash, ref: PDFRef, depth: number): void => {
    const page = pages.get(ref);
    if (page !== undefined) return void h.update(`page ${page};`);
    const seen = met.get(ref);
    if (seen !== undefined) return void h.update(`#${seen};`);
    met.set(ref, met.size + 1);
    const target = resolve(ref);
    if (target === undefined) throw new Unhashable();
    h.update(`#${met.size}=`);
    hashObject(h, target, walk, UNREAD, depth);
  };
  const h = createHash('sha256').update('document\0');
  try {
    for (const key of READ) {
      h.update(`/${key} `);
      hashObject(h, catalog.get(PDFName.of(key)), walk, UNREAD);
    }
    h.update('parents ');
    for (const ref of leaves) {
      const leaf = resolve(ref);
      hashObject(h, leaf instanceof PDFDict ? leaf.get(PDFName.of('Parent')) : undefined, walk, UNREAD);
    }
  } catch (err) {
    if (err instanceof Unhashable) return null;
    throw err;
  }
  return h.digest('hex');
}
