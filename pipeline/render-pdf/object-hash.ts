import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFInvalidObject, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/** An object whose hash cannot be trusted to tell what a reader reads of it (one the parser could not read, a missing or cyclic reference): read it every time. */
export class Unhashable extends Error {}

/** How a walk hashes a reference it meets: by the object's content, by its place in the walk, by the page it is. */
export type RefHash = (h: Hash, ref: PDFRef, depth: number) => void;

/** The keys of a dictionary a hash leaves out ("/SE"), if any. */
export type Skip = (dict: PDFDict) => ReadonlySet<string> | undefined;

/** Deeper than any object a printer writes (an outline's /Next chain is walked as a path). */
const MAX_DEPTH = 4096;

/**
 * Feeds `object` to `h` by what it holds, never by its object number: dictionaries by sorted key
 * (without the keys `skip` names for each), arrays in order, streams by their dictionary and their bytes as
 * stored, and each reference as `ref` hashes it.
 */
export function hashObject(h: Hash, object: PDFObject | undefined, ref: RefHash, skip?: Skip, depth = 0): void {
  if (depth > MAX_DEPTH) throw new Unhashable();
  if (object === undefined) return void h.update('undefined;');
  if (object instanceof PDFRef) return ref(h, object, depth + 1);
  if (object instanceof PDFInvalidObject) throw new Unhashable();
  if (object instanceof PDFStream) {
    h.update('stream ');
    hashObject(h, object.dict, ref, skip, depth + 1);
    return void h.update(contentDigest(object)).update(';');
  }
  if (object instanceof PDFDict) {
    const skipped = skip?.(object);
    const entries = [...object.entries()].map(([k, v]) => [k.asString(), v] as const).filter(([k]) => !skipped?.has(k));
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    h.update('<<');
    for (const [k, v] of entries) {
      h.update(`${k} `);
      hashObject(h, v, ref, skip, depth + 1);
    }
    return void h.update('>>');
  }
  if (object instanceof PDFArray) {
    h.update('[');
    for (const item of object.asArray()) hashObject(h, item, ref, skip, depth + 1);
    return void h.update(']');
  }
  h.update(`${object.toString()};`);
}

/**
 * The digest of a stream's bytes as stored, once per raw stream (its bytes are fixed; a content
 * stream pdf-lib writes from operators is hashed each time): the 48 packs share the body's
 * streams (its fonts' programs, a megabyte each), and each pack's pages are hashed by what they draw.
 */
const digests = new WeakMap<PDFRawStream, string>();
export function contentDigest(stream: PDFStream): string {
  const known = stream instanceof PDFRawStream ? digests.get(stream) : undefined;
  if (known) return known;
  const digest = createHash('sha256').update(stream.getContents()).digest('hex');
  if (stream instanceof PDFRawStream) digests.set(stream, digest);
  return digest;
}
