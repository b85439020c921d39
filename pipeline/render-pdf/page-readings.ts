import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFInvalidObject, PDFName, PDFRef, PDFStream, ParseSpeeds, type PDFObject } from 'pdf-lib';
import { hashOf } from '../build/build-state.ts';
import { PDFJS_VERSION } from '../lib/pdfjs.ts';
import { z } from 'zod';
import { pageTexts, pdfFonts, unserved, withPdf, type PdfDocument, type PdfFont } from './pdf-read.ts';

const PdfFonts = z.array(z.object({ name: z.string(), type3: z.boolean() }));
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The objects of a PDF by reference: a document's, or an incremental update's over its base. */
export type Resolve = (ref: PDFRef) => PDFObject | undefined;

/**
 * What pdfjs reads a page's text from besides its content streams: its resources (fonts with their
 * programs and ToUnicode maps, forms, images) and its boxes, from the page and every node above it
 * (pdfjs merges the resources of them all). Not its annotations or its place in the structure
 * tree: these change when a page moves into a pack, and its text does not.
 */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
const MAX_DEPTH = 64;

/** A page whose key cannot be trusted to tell its text (an object the parser could not read): read every time. */
class Unkeyable extends Error {}

/** The content hash of each page of a PDF, by its number (from 1), made when first asked for: a check that reads 4 pages of 88 hashes 4. */
export interface PageKeys {
  readonly count: number;
  /** null for a page that cannot be keyed (it is read every time) */
  of(page: number): string | null;
}

/**
 * The content hash of the pages of `doc`. Two pages with the same hash draw the same bytes with
 * the same resources under the same inherited attributes, so pdfjs reads the same text from them,
 * whichever file they are in. Objects are hashed by what they hold, never by their number;
 * streams by their bytes as stored.
 */
export function pageKeys(doc: PDFDocument): PageKeys {
  return pageTreeKeys((ref) => doc.context.lookup(ref), doc.catalog.get(PDFName.of('Pages')));
}

/** The same for the page tree at `root` as `resolve` finds it: an assembled pack's, from its update's objects and its base's. */
export function pageTreeKeys(resolve: Resolve, root: PDFObject | undefined): PageKeys {
  const digests = new Map<PDFRef, string>();
  const leaves: PDFDict[] = [];
  const dictOf = (object: PDFObject | undefined) => {
    const value = object instanceof PDFRef ? resolve(object) : object;
    return value instanceof PDFDict ? value : undefined;
  };
  const visit = (object: PDFObject | undefined, depth: number) => {
    const node = dictOf(object);
    if (!node || depth > MAX_DEPTH) throw new Error('the PDF\'s page tree is not one pdfjs reads');
    const kids = node.get(PDFName.of('Kids'));
    if (node.get(PDFName.of('Type'))?.toString() === '/Pages' || kids !== undefined) {
      const items = kids instanceof PDFRef ? resolve(kids) : kids;
      for (const kid of items instanceof PDFArray ? items.asArray() : []) visit(kid, depth + 1);
      return;
    }
    leaves.push(node);
  };
  visit(root, 0);
  const keys = new Map<number, string | null>();
  return {
    count: leaves.length,
    of(page) {
      if (!keys.has(page)) keys.set(page, leaves[page - 1] ? leafKey(resolve, leaves[page - 1]!, dictOf, digests) : null);
      return keys.get(page)!;
    },
  };
}

function leafKey(resolve: Resolve, leaf: PDFDict, dictOf: (o: PDFObject | undefined) => PDFDict | undefined, digests: Map<PDFRef, string>): string | null {
  try {
    const h = createHash('sha256').update('page\0/Contents ');
    feed(h, resolve, leaf.get(PDFName.of('Contents')), digests, new Set());
    // the page and its parents up to the root, as pdfjs finds them: by /Parent
    let node: PDFDict | undefined = leaf;
    for (let depth = 0; node; depth++, node = dictOf(node.get(PDFName.of('Parent')))) {
      if (depth > MAX_DEPTH) throw new Unkeyable();
      h.update(`node ${depth}`);
      for (const key of INHERITED) {
        const value = node.get(PDFName.of(key));
        if (value === undefined) continue;
        h.update(`/${key} `);
        feed(h, resolve, value, digests, new Set());
      }
    }
    return h.digest('hex');
  } catch (err) {
    if (err instanceof Unkeyable) return null;
    throw err;
  }
}

function feed(h: Hash, resolve: Resolve, object: PDFObject | undefined, digests: Map<PDFRef, string>, open: Set<PDFRef>): void {
  if (object === undefined) return void h.update('undefined;');
  if (object instanceof PDFRef) return void h.update(`@${digestOf(resolve, object, digests, open)};`);
  if (object instanceof PDFInvalidObject) throw new Unkeyable();
  if (object instanceof PDFStream) {
    h.update('stream ');
    feed(h, resolve, object.dict, digests, open);
    return void h.update(createHash('sha256').update(object.getContents()).digest('hex')).update(';');
  }
  if (object instanceof PDFDict) {
    const entries = [...object.entries()].map(([k, v]) => [k.asString(), v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    h.update('<<');
    for (const [k, v] of entries) {
      h.update(`${k} `);
      feed(h, resolve, v, digests, open);
    }
    return void h.update('>>');
  }
  if (object instanceof PDFArray) {
    h.update('[');
    for (const item of object.asArray()) feed(h, resolve, item, digests, open);
    return void h.update(']');
  }
  h.update(`${object.toString()};`);
}

/** The digest of the object a reference names, once per object; a missing object or a cycle among resources (no printer makes one) cannot be keyed. */
function digestOf(resolve: Resolve, ref: PDFRef, digests: Map<PDFRef, string>, open: Set<PDFRef>): string {
  const known = digests.get(ref);
  if (known) return known;
  const object = resolve(ref);
  if (object === undefined || open.has(ref)) throw new Unkeyable();
  open.add(ref);
  const h = createHash('sha256');
  feed(h, resolve, object, digests, open);
  open.delete(ref);
  const digest = h.digest('hex');
  digests.set(ref, digest);
  return digest;
}

/**
 * What pages read as, kept from one run to the next by their content hash: a page whose bytes and
 * resources an earlier run read (and verified) is not read again — a figure changed on one page of
 * the body leaves the other 84, and every pack's stamped pages, to be taken from here. `salt` names
 * the reading code (pdfjs's version is added to it): another reader reads every page again.
 */
export class PageReadings {
  readonly #salt: string;
  readonly #earlier: ReadonlyMap<string, string>;
  readonly #kept = new Map<string, string>();
  #read = 0;

  constructor(salt: string, earlier: Readonly<Record<string, string>> = {}) {
    this.#salt = hashOf(salt, `pdfjs-dist ${PDFJS_VERSION}`);
    this.#earlier = new Map(Object.entries(earlier));
  }

  /**
   * The text of the pages numbered (from 1), items one per line, as pdfjs reads them: taken for a
   * page whose key was read before, read from `doc` otherwise (and always for a page without a key).
   */
  texts(doc: PdfDocument, numbers: readonly number[], keys: PageKeys): Promise<string[]> {
    return this.#each('text', numbers, keys, async (n) => (await pageTexts(doc, [n], '\n'))[0]!, (value) => value);
  }

  /** The fonts each page numbered draws with, as pdfjs loads them (pdfFonts), likewise. */
  fonts(doc: PdfDocument, numbers: readonly number[], keys: PageKeys): Promise<PdfFont[][]> {
    return this.#each('fonts', numbers, keys, async (n) => JSON.stringify(await pdfFonts(doc, [n])), (value) => PdfFonts.safeParse(parseJson(value)).data);
  }

  /** Each page's reading, kept as a string and `decode`d; one that does not decode (an edited file) is read again. */
  async #each<T>(kind: string, numbers: readonly number[], keys: PageKeys, read: (n: number) => Promise<string>, decode: (value: string) => T | undefined): Promise<T[]> {
    const values: T[] = [];
    for (const n of numbers) {
      const page = keys.of(n);
      const key = page ? hashOf(this.#salt, kind, page) : null;
      let value = key === null ? undefined : (this.#kept.get(key) ?? this.#earlier.get(key));
      let decoded = value === undefined ? undefined : decode(value);
      if (decoded === undefined) {
        value = await read(n);
        decoded = decode(value)!;
        this.#read++;
      }
      if (key !== null) this.#kept.set(key, value!);
      values.push(decoded);
    }
    return values;
  }

  /** readings of a page (its text, its fonts) made from a PDF in this run (the others were taken) */
  read(): number {
    return this.#read;
  }

  /** the readings of this run, read now or taken, by key: what the next run may take */
  kept(): Record<string, string> {
    return Object.fromEntries([...this.#kept].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

/**
 * A printed PDF (a staff report, a cover letter) read back whole through `readings`: its page
 * count, the text of each page, and the fonts it draws with that are not the served ones. `known`:
 * the keys of its pages when the caller holds the document they were written from (pageKeys).
 */
export async function readBackWhole(pdf: Uint8Array, readings: PageReadings, known?: PageKeys): Promise<{ pages: number; texts: string[]; unserved: string[] }> {
  const keys = known ?? pageKeys(await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
  return withPdf(pdf, async (doc) => {
    const all = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    // keys for other pages than pdfjs finds take nothing
    const read = keys.count === doc.numPages ? keys : { count: doc.numPages, of: () => null };
    return { pages: doc.numPages, texts: await readings.texts(doc, all, read), unserved: unserved((await readings.fonts(doc, all, read)).flat()) };
  });
}
