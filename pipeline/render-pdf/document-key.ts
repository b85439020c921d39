import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { hashObject, Unhashable, type Skip } from './object-hash.ts';

/** The objects of a PDF by reference: a document's, or an incremental update's over its base. */
export type Resolve = (ref: PDFRef) => PDFObject | undefined;

/**
 * What pdfjs reads of a catalog for a document's page count, page labels, outline and named
 * destinations (readDocument): the page tree, /PageLabels, /Outlines, /Dests and /Names.
 */
const READ = ['Pages', 'PageLabels', 'Outlines', 'Dests', 'Names'] as const;
/**
 * An outline item's structure element, which leads into the whole structure tree: pdfjs reads it
 * only for an item whose /Dest gives it nothing (Catalog.parseDestDictionary), so it is left out
 * of the key where the item has no /A and a /Dest pdfjs takes (usedDest), and walked otherwise.
 */
const STRUCTURE_ELEMENT = new Set(['/SE']);
/** The zooms of an explicit destination pdfjs holds valid, with how many arguments each takes and whether they may be null. */
const ZOOMS = new Map<string, { args: [number, number]; nulls: boolean }>([
  ['XYZ', { args: [2, 3], nulls: true }],
  ['Fit', { args: [0, 0], nulls: true }],
  ['FitB', { args: [0, 0], nulls: true }],
  ['FitH', { args: [0, 1], nulls: true }],
  ['FitBH', { args: [0, 1], nulls: true }],
  ['FitV', { args: [0, 1], nulls: true }],
  ['FitBV', { args: [0, 1], nulls: true }],
  ['FitR', { args: [4, 4], nulls: false }],
]);

/** Whether pdfjs takes `dict`'s /Dest and never reads its /SE: no /A, and a named destination or an explicit one it holds valid (isValidExplicitDest). */
function usedDest(resolve: Resolve, dict: PDFDict): boolean {
  if (dict.has(PDFName.of('A'))) return false;
  const at = (object: PDFObject | undefined) => (object instanceof PDFRef ? resolve(object) : object);
  const dest = at(dict.get(PDFName.of('Dest')));
  if (dest instanceof PDFName) return dest.decodeText() !== '';
  if (dest instanceof PDFString || dest instanceof PDFHexString) return dest.decodeText() !== '';
  if (!(dest instanceof PDFArray) || dest.size() < 2) return false;
  // the array's items as they stand: pdfjs holds a reference in place of the zoom or an argument invalid
  const [page, zoom, ...args] = dest.asArray();
  if (!(page instanceof PDFRef) && !(page instanceof PDFNumber && Number.isInteger(page.asNumber()))) return false;
  const rule = zoom instanceof PDFName ? ZOOMS.get(zoom.decodeText()) : undefined;
  if (!rule || args.length < rule.args[0] || args.length > rule.args[1]) return false;
  return args.every((arg) => arg instanceof PDFNumber || (rule.nulls && arg === PDFNull));
}

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
  const unread: Skip = (dict) => (dict.has(PDFName.of('SE')) && usedDest(resolve, dict) ? STRUCTURE_ELEMENT : undefined);
  const walk = (h: Hash, ref: PDFRef, depth: number): void => {
    const page = pages.get(ref);
    if (page !== undefined) return void h.update(`page ${page};`);
    const seen = met.get(ref);
    if (seen !== undefined) return void h.update(`#${seen};`);
    met.set(ref, met.size + 1);
    const target = resolve(ref);
    if (target === undefined) throw new Unhashable();
    h.update(`#${met.size}=`);
    hashObject(h, target, walk, unread, depth);
  };
  const h = createHash('sha256').update('document\0');
  try {
    for (const key of READ) {
      h.update(`/${key} `);
      hashObject(h, catalog.get(PDFName.of(key)), walk, unread);
    }
    h.update('parents ');
    for (const ref of leaves) {
      const leaf = resolve(ref);
      hashObject(h, leaf instanceof PDFDict ? leaf.get(PDFName.of('Parent')) : undefined, walk, unread);
    }
  } catch (err) {
    if (err instanceof Unhashable) return null;
    throw err;
  }
  return h.digest('hex');
}
