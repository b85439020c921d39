import { createHash } from 'node:crypto';
import { PDFContext, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { contentDigest } from '../object-hash.ts';

/**
 * The objects of a document that `compute` looks up, by reference, while it runs: pdf-lib finds an
 * object by its reference only through its context's lookup and lookupMaybe (a dictionary's
 * `lookup`, a page tree's walk, every helper of assemble/), so what is not noted here was not
 * read — an object `compute` only names (a reference it copies) is not, and its value does not
 * matter to what it makes. `compute` is synchronous: nothing else runs while the reads are noted.
 */
export function readsOf<T>(context: PDFContext, compute: () => T): { value: T; reads: PDFRef[] } {
  const target = context as unknown as Record<'lookup' | 'lookupMaybe', unknown>;
  if (Object.hasOwn(target, 'lookup') || Object.hasOwn(target, 'lookupMaybe')) throw new Error('the reads of this document are already being noted');
  const reads = new Set<PDFRef>();
  const noted = (method: 'lookup' | 'lookupMaybe') =>
    function (this: PDFContext, ref: unknown, ...types: unknown[]) {
      if (ref instanceof PDFRef) reads.add(ref);
      return (PDFContext.prototype[method] as (...args: unknown[]) => unknown).call(this, ref, ...types);
    };
  target.lookup = noted('lookup');
  target.lookupMaybe = noted('lookupMaybe');
  try {
    const value = compute();
    if (value instanceof Promise) throw new Error('readsOf notes the reads of a synchronous computation only');
    return { value, reads: [...reads] };
  } finally {
    delete target.lookup;
    delete target.lookupMaybe;
  }
}

/** The digests of a document's objects, by reference, made once: the 48 packs read the same objects of one body. */
const digests = new WeakMap<PDFContext, Map<PDFRef, string>>();

/**
 * The digest of what the object `ref` names holds, as it would be written: a dictionary or an
 * array by its text (references as references), a stream by its dictionary and the digest of its
 * bytes as stored (contentDigest, which the pages' keys take of the same streams); "none" when the document has no such object. The document must not change after.
 */
export function objectDigest(context: PDFContext, ref: PDFRef): string {
  let known = digests.get(context);
  if (!known) digests.set(context, (known = new Map()));
  let digest = known.get(ref);
  if (digest === undefined) {
    const object = (PDFContext.prototype.lookup as (this: PDFContext, ref: PDFRef) => PDFObject | undefined).call(context, ref);
    const h = createHash('sha256');
    if (object === undefined) h.update('none');
    else if (object instanceof PDFStream) h.update('stream\0').update(object.dict.toString()).update('\0').update(contentDigest(object));
    else h.update('object\0').update(object.toString());
    known.set(ref, (digest = h.digest('hex')));
  }
  return digest;
}
