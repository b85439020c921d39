import { createHash, type Hash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, ParseSpeeds, type PDFObject } from 'pdf-lib';
import { hashOf } from '../build/build-state.ts';
import { PDFJS_VERSION } from '../lib/pdfjs.ts';
import { z } from 'zod';
import { sha256Once } from '../lib/checksums.ts';
import { documentKey, type Resolve } from './document-key.ts';
import { hashObject, Unhashable } from './object-hash.ts';
import { DocumentReading, pageTexts, pdfFonts, readDocument, unserved, withLazyPdf, type PdfDocument, type PdfFont } from './pdf-read.ts';

export type { Resolve } from './document-key.ts';

const PdfFonts = z.array(z.object({ name: z.string(), type3: z.boolean() }));
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * What pdfjs reads a page's text from besides its content streams: its resources (fonts with their
 * programs and ToUnicode maps, forms, images) and its boxes, from the page and every node above it
 * (pdfjs merges the resources of them all). Not its annotations or its place in the structure
 * tree: these change when a page moves into a pack, and its text does not.
 */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
const MAX_DEPTH = 64;

/** The content hash of each page of a PDF, by its number (from 1), made when first asked for: a check that reads 4 pages of 88 hashes 4. */
export interface PageKeys {
  readonly count: number;
  /** null for a page that cannot be keyed (it is read every time) */
  of(page: number): string | null;
  /** the content hash of what pdfjs reads of the document besides its pages (documentKey); none or null: read every time */
  document?(): string | null;
}

/**
 * The content hash of the pages of `doc`. Two pages with the same hash draw the same bytes with
 * the same resources under the same inherited attributes, so pdfjs reads the same text from them,
 * whichever file they are in. Objects are hashed by what they hold, never by their number;
 * streams by their bytes as stored.
 */
export function pageKeys(doc: PDFDocument): PageKeys {
  return documentKeys((ref) => doc.context.lookup(ref), doc.catalog);
}

/** The same for the document whose catalog is `catalog`, as `resolve` finds its objects: an assembled pack's, from its update's objects and its base's. */
export function documentKeys(resolve: Resolve, catalog: PDFDict): PageKeys {
  const digests = new Map<PDFRef, string>();
  const leaves: { node: PDFDict; ref: PDFRef | null }[] = [];
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
    leaves.push({ node, ref: object instanceof PDFRef ? object : null });
  };
  visit(catalog.get(PDFName.of('Pages')), 0);
  const keys = new Map<number, string | null>();
  let document: string | null | undefined;
  return {
    count: leaves.length,
    of(page) {
      if (!keys.has(page)) keys.set(page, leaves[page - 1] ? leafKey(resolve, leaves[page - 1]!.node, dictOf, digests) : null);
      return keys.get(page)!;
    },
    document() {
      // a page given in place of a reference (no printer writes one) has no number to be named by
      const refs = leaves.map((l) => l.ref);
      return (document ??= refs.every((r) => r !== null) ? documentKey(resolve, catalog, refs as PDFRef[]) : null);
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
      if (depth > MAX_DEPTH) throw new Unhashable();
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
    if (err instanceof Unhashable) return null;
    throw err;
  }
}

/** Feeds `object` with each reference as the digest of what it names (digestOf). */
function feed(h: Hash, resolve: Resolve, object: PDFObject | undefined, digests: Map<PDFRef, string>, open: Set<PDFRef>): void {
  hashObject(h, object, (hash, ref) => void hash.update(`@${digestOf(resolve, ref, digests, open)};`));
}

/** The digest of the object a reference names, once per object; a missing object or a cycle among resources (no printer makes one) cannot be keyed. */
function digestOf(resolve: Resolve, ref: PDFRef, digests: Map<PDFRef, string>, open: Set<PDFRef>): string {
  const known = digests.get(ref);
  if (known) return known;
  const object = resolve(ref);
  if (object === undefined || open.has(ref)) throw new Unhashable();
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
  /** readings made from a PDF in this run, and taken from an earlier run's or this one's, by kind */
  readonly #made = new Map<string, number>();
  readonly #taken = new Map<string, number>();

  constructor(salt: string, earlier: Readonly<Record<string, string>> = {}) {
    this.#salt = hashOf(salt, `pdfjs-dist ${PDFJS_VERSION}`);
    this.#earlier = new Map(Object.entries(earlier));
  }

  /**
   * The text of the pages numbered (from 1), items one per line, as pdfjs reads them: taken for a
   * page whose key was read before, read from `doc` otherwise (and always for a page without a key).
   */
  texts(doc: PdfSource, numbers: readonly number[], keys: PageKeys): Promise<string[]> {
    return this.#each('text', numbers, keys, async (n) => (await pageTexts(await opened(doc), [n], '\n'))[0]!, (value) => value);
  }

  /** The fonts each page numbered draws with, as pdfjs loads them (pdfFonts), likewise. */
  fonts(doc: PdfSource, numbers: readonly number[], keys: PageKeys): Promise<PdfFont[][]> {
    return this.#each('fonts', numbers, keys, async (n) => JSON.stringify(await pdfFonts(await opened(doc), [n])), (value) => PdfFonts.safeParse(parseJson(value)).data);
  }

  /**
   * What pdfjs reads of the document besides its pages (readDocument: page count, labels,
   * outline, destinations): taken when an earlier run read a document of the same key
   * (`keys.document`), read from `doc` otherwise.
   */
  document(doc: PdfSource, keys?: PageKeys): Promise<DocumentReading> {
    const document = keys?.document?.() ?? null;
    return this.#take('document', document, async () => JSON.stringify(await readDocument(await opened(doc))), (value) => DocumentReading.safeParse(parseJson(value)).data);
  }

  /**
   * The keys of a file's pages and of its document (pageKeys), taken when an earlier run keyed a
   * file of the same bytes, made by `key` otherwise: a cover letter the store printed before is not
   * loaded to be keyed, and not opened when its page and document readings are taken too.
   */
  async fileKeys(pdf: Uint8Array, key: () => Promise<PageKeys>): Promise<PageKeys> {
    const keyed = async () => {
      const keys = await key();
      return JSON.stringify({ pages: Array.from({ length: keys.count }, (_, i) => keys.of(i + 1)), document: keys.document?.() ?? null });
    };
    const { pages, document } = await this.#take('file', sha256Once(pdf), keyed, (value) => FileKeys.safeParse(parseJson(value)).data);
    return { count: pages.length, of: (page) => pages[page - 1] ?? null, document: () => document };
  }

  /**
   * The page (from 1) each named destination of a file leads to (namedDestinations), taken when an
   * earlier run read a file of the same bytes, read by `read` otherwise: a front matter the store
   * printed before is not loaded to find where its links lead.
   */
  destinations(pdf: Uint8Array, read: () => Promise<ReadonlyMap<string, number>>): Promise<Map<string, number>> {
    return this.#take('destinations', sha256Once(pdf), async () => JSON.stringify([...(await read())]), (value) => {
      const entries = Destinations.safeParse(parseJson(value)).data;
      return entries && new Map(entries);
    });
  }

  /** Each page's reading, kept as a string and `decode`d; one that does not decode (an edited file) is read again. */
  async #each<T>(kind: string, numbers: readonly number[], keys: PageKeys, read: (n: number) => Promise<string>, decode: (value: string) => T | undefined): Promise<T[]> {
    const values: T[] = [];
    for (const n of numbers) {
      values.push(await this.#take(kind, keys.of(n), () => read(n), decode));
    }
    return values;
  }

  /** A reading by its content hash (`content`; null: none, read every time), kept as a string and `decode`d; one that does not decode (an edited file) is made again. */
  async #take<T>(kind: string, content: string | null, read: () => Promise<string>, decode: (value: string) => T | undefined): Promise<T> {
    const key = content === null ? null : hashOf(this.#salt, kind, content);
    const earlier = key === null ? undefined : (this.#kept.get(key) ?? this.#earlier.get(key));
    const taken = earlier === undefined ? undefined : decode(earlier);
    const value = taken === undefined ? await read() : earlier!;
    const counts = taken === undefined ? this.#made : this.#taken;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    if (key !== null) this.#kept.set(key, value);
    return taken ?? decode(value)!;
  }

  /** readings made from a PDF in this run (the others were taken): of a page (its text, its fonts), of a document besides its pages, of a file's keys, of where a file's named destinations lead */
  read(of: Of = 'pages'): number {
    return KINDS[of].reduce((n, kind) => n + (this.#made.get(kind) ?? 0), 0);
  }

  /** readings taken, from an earlier run or made earlier in this one (a document the 46 other prefecture packs read as the first does) */
  taken(of: Of = 'pages'): number {
    return KINDS[of].reduce((n, kind) => n + (this.#taken.get(kind) ?? 0), 0);
  }

  /** the readings of this run, read now or taken, by key: what the next run may take */
  kept(): Record<string, string> {
    return Object.fromEntries([...this.#kept].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

/** What PageReadings counts, and the kinds of readings each is. */
type Of = 'pages' | 'documents' | 'files' | 'destinations';
const KINDS: Record<Of, readonly string[]> = { pages: ['text', 'fonts'], documents: ['document'], files: ['file'], destinations: ['destinations'] };

/** Named destinations and their pages, as kept (PageReadings.destinations). */
const Destinations = z.array(z.tuple([z.string(), z.number().int().positive()]));

/** The keys of a file's pages and document, as kept (PageReadings.fileKeys). */
const FileKeys = z.object({ pages: z.array(z.string().nullable()), document: z.string().nullable() });

/** A PDF opened with pdfjs, or how to open it when first read from (withLazyPdf): a check whose every reading is taken opens nothing. */
export type PdfSource = PdfDocument | (() => Promise<PdfDocument>);
const opened = (doc: PdfSource): Promise<PdfDocument> => (typeof doc === 'function' ? doc() : Promise.resolve(doc));

/**
 * A printed PDF (a staff report, a cover letter) read back whole through `readings`: its page
 * count, the text of each page, and the fonts it draws with that are not the served ones. `known`:
 * the keys of its pages when the caller holds the document they were written from (pageKeys);
 * else they are made from the file, or taken for a file of the same bytes as one keyed before.
 * pdfjs opens it only for what no earlier run read.
 */
export async function readBackWhole(pdf: Uint8Array, readings: PageReadings, known?: PageKeys): Promise<{ pages: number; texts: string[]; unserved: string[] }> {
  const keys = known ?? (await readings.fileKeys(pdf, async () => pageKeys(await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }))));
  return withLazyPdf(pdf, async (open) => {
    const { pages } = await readings.document(open, keys);
    const all = Array.from({ length: pages }, (_, i) => i + 1);
    // keys for other pages than pdfjs finds take nothing
    const read = keys.count === pages ? keys : { count: pages, of: () => null };
    return { pages, texts: await readings.texts(open, all, read), unserved: unserved((await readings.fonts(open, all, read)).flat()) };
  });
}
