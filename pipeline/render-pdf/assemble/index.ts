import { setImmediate as nextTurn } from 'node:timers/promises';
import { PDFContext, PDFDocument, PDFObjectCopier, PDFRef, ParseSpeeds, type PDFDict } from 'pdf-lib';
import { documentKeys, type PageKeys } from '../page-readings.ts';
import { mergeDests, mergeOutlines } from './navigation.ts';
import { AssemblyError, dictAt, itemsOf, name } from './pdf-objects.ts';
import { fillStampSlot, type StampSlot } from './stamp.ts';
import { mergeStructure } from './structure.ts';
import { appendSection, lastXref, updateSection, type UpdateBase, type UpdateSection } from './write-update.ts';

export { AssemblyError } from './pdf-objects.ts';
export { drawStampSlot, type StampSlot } from './stamp.ts';

/** A PDF printed once and read once, joined into as many packs as use it (it is only read). */
export interface LoadedPdf {
  doc: PDFDocument;
  base: UpdateBase;
}

/** A part of a pack: its PDF, and the destinations it links to that the other part defines (it printed stand-ins for them). */
export interface PackPart {
  pdf: LoadedPdf;
  borrowed: ReadonlySet<string>;
}

export interface PackParts {
  /** the pack's own pages, first: numbered i, ii … */
  front: PackPart;
  /** the pages every pack shares, after them: numbered 1, 2 …; its bytes are the start of every pack's file */
  body: PackPart;
  /** a page drawn over every page of the body as a pagination artifact: the pack's edition in the footer, through the slot the body draws (drawStampSlot) */
  stamp: { pdf: LoadedPdf; page: number; slot: StampSlot } | null;
  /** page labels i, ii … for the front's pages, then 1, 2 … for the body's (default true); without, pages are numbered through */
  labelled?: boolean;
}

/**
 * Reads a printed PDF for assembly; an encrypted one is refused. It lets the event loop turn
 * before it starts and every 1,500 objects: a build reads dozens of PDFs while the browser prints
 * others, and a print waits for every message this process has not answered.
 */
export async function loadPdf(bytes: Uint8Array): Promise<LoadedPdf> {
  await nextTurn();
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fast, ignoreEncryption: true });
  if (doc.context.trailerInfo.Encrypt) throw new AssemblyError('the PDF is encrypted');
  return { doc, base: baseOf(bytes, doc) };
}

/** `bytes` as the base of an update of `doc`: where its last cross-reference section is, the first free number, its /ID. */
function baseOf(bytes: Uint8Array, doc: PDFDocument): UpdateBase {
  const id = doc.context.trailerInfo.ID;
  const xref = lastXref(bytes);
  return { bytes, startxref: xref.startxref, xref: xref.xref, size: Math.max(xref.size, doc.context.largestObjectNumber + 1), ...(id ? { id } : {}) };
}

/**
 * A document written with its dictionaries in compressed object streams (PDF 1.5): Chromium
 * writes every structure element as an object of its own, uncompressed — a body of 85 pages is
 * 2.1 MB, 1.0 MB so. The object numbers and the objects stay, so the document is not parsed again
 * (the writer numbers its object streams and its cross-reference stream after the document's last
 * object; the base's /Size counts them). Done once for the body every pack starts with.
 */
export async function withObjectStreams(doc: PDFDocument): Promise<LoadedPdf> {
  await nextTurn();
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: 2000 });
  return { doc, base: baseOf(bytes, doc) };
}

/**
 * A pack as if printed whole, made without copying the body: the body's file, byte for byte, and
 * an incremental update that adds the front matter's pages before the body's and joins the two —
 * one page tree, one structure tree (tagged: the front's elements before the body's under one
 * Document), one outline, one set of named destinations (a link in one part to the other leads
 * there), page labels (i, ii … then 1, 2 …), the edition stamped into the body's footers, and the
 * front's document information (its title names the edition). The same parts give the same bytes.
 */
/** What a part's catalog may hold: Chromium's entries. Anything else would be dropped from the pack, so it is refused. */
const CATALOG_KEYS = new Set(['Type', 'Pages', 'Dests', 'MarkInfo', 'StructTreeRoot', 'Outlines', 'ViewerPreferences', 'Lang']);

export async function assemblePack(parts: PackParts): Promise<Uint8Array> {
  return (await assembledPack(parts)).pdf;
}

/** An assembled pack, and the content hash of each of its pages (pageKeys) as its update and its base hold them. */
export interface AssembledPack {
  pdf: Uint8Array;
  pageKeys: PageKeys;
}

export async function assembledPack(parts: PackParts): Promise<AssembledPack> {
  const { section, pageKeys } = assembledUpdate(parts);
  return { pdf: appendSection(parts.body.pdf.base, section), pageKeys };
}

/**
 * The update that makes a pack of its parts (assembledPack), not yet put after the body's bytes,
 * and the content hash of each page of the pack it makes. Synchronous: what it reads of the body
 * can be told (readsOf).
 */
export function assembledUpdate(parts: PackParts): { section: UpdateSection; pageKeys: PageKeys } {
  const body = parts.body.pdf.doc;
  const front = parts.front.pdf.doc;
  for (const [label, doc] of [['front matter', front], ['body', body]] as const) {
    if (doc.getPageCount() === 0) throw new AssemblyError(`the ${label} has no pages`);
    for (const key of doc.catalog.keys()) if (!CATALOG_KEYS.has(key.decodeText())) throw new AssemblyError(`the ${label}'s catalog has /${key.decodeText()}, which the assembly does not join`);
  }
  const pack = PDFContext.create();
  pack.largestObjectNumber = parts.body.pdf.base.size - 1;
  const copier = PDFObjectCopier.for(front.context, pack);
  const replace = (ref: PDFRef, dict: PDFDict) => pack.assign(ref, dict);

  const pagesRef = body.catalog.get(name('Pages'));
  if (!(pagesRef instanceof PDFRef)) throw new AssemblyError('the body has no page tree of its own object');
  const frontPages = front.getPages().map((page) => {
    const ref = copier.copy(page.ref) as PDFRef;
    dictAt(pack, ref)!.set(name('Parent'), pagesRef);
    return ref;
  });
  const bodyTree = body.catalog.Pages();
  const tree = bodyTree.clone(pack);
  tree.set(name('Kids'), pack.obj([...frontPages, ...bodyTree.Kids().asArray()]));
  tree.set(name('Count'), pack.obj(frontPages.length + bodyTree.Count().asNumber()));
  replace(pagesRef, tree);
  if (parts.stamp) fillStampSlot(pack, parts.stamp.slot, parts.stamp.pdf.doc, parts.stamp.page);

  const catalog = pack.obj({ Type: 'Catalog', Pages: pagesRef });
  const structure = mergeStructure(pack, body, front, copier, frontPages);
  if (structure) {
    catalog.set(name('StructTreeRoot'), structure);
    catalog.set(name('MarkInfo'), pack.obj({ Type: 'MarkInfo', Marked: true }));
  }
  const outlines = mergeOutlines(pack, body, front, copier);
  if (outlines) catalog.set(name('Outlines'), outlines);
  catalog.set(name('Dests'), mergeDests(pack, { doc: body, borrowed: parts.body.borrowed }, { doc: front, borrowed: parts.front.borrowed, copier }));
  if (parts.labelled !== false) catalog.set(name('PageLabels'), pack.obj({ Nums: [0, pack.obj({ S: 'r' }), frontPages.length, pack.obj({ S: 'D' })] }));
  for (const key of ['Lang', 'ViewerPreferences']) {
    const value = front.catalog.get(name(key)) ?? body.catalog.get(name(key));
    if (value !== undefined) catalog.set(name(key), front.catalog.get(name(key)) !== undefined ? copier.copy(value) : value);
  }
  const info = front.context.trailerInfo.Info;
  const section = updateSection(parts.body.pdf.base.size, pack, { root: pack.register(catalog), info: info ? (copier.copy(info) as PDFRef) : undefined });
  // the pages as the file holds them: an object of the update, else the body's
  return { section, pageKeys: documentKeys((ref) => pack.lookup(ref) ?? body.context.lookup(ref), catalog) };
}

/** The page (from 1) each named destination of a loaded PDF leads to, read from its /Dests as pdfjs would: what a printed part's links lead to. */
export function namedDestinations(pdf: LoadedPdf): Map<string, number> {
  const { doc } = pdf;
  const pages = new Map(doc.getPages().map((page, i) => [page.ref, i + 1] as const));
  const found = new Map<string, number>();
  const dests = dictAt(doc.context, doc.catalog.get(name('Dests')));
  for (const [key, value] of dests?.entries() ?? []) {
    const target = itemsOf(doc.context, dictAt(doc.context, value)?.get(name('D')) ?? value)[0];
    const page = target instanceof PDFRef ? pages.get(target) : undefined;
    if (page !== undefined) found.set(key.decodeText(), page);
  }
  return found;
}
