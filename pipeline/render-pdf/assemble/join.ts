import { setImmediate as nextTurn } from 'node:timers/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import type { LoadedPdf, PackPart } from './index.ts';
import { joinFonts } from './font-union.ts';
import { topItems } from './navigation.ts';
import { AssemblyError, arrayAt, compareBytes, dictAt, name, numberAt, replaceRefs, treeEntries } from './pdf-objects.ts';
import { drawOver, formOf } from './stamp.ts';
import { canonicalIds, documentOf, idEntries, ROOT_KEYS, shiftStructParents, type IdEntry } from './structure.ts';

const refuse = (message: string): never => {
  throw new AssemblyError(message);
};

const FOLIO = 'BriefingPackFolio';

/** What parts of a document printed apart join into: it, and the destinations it links to that none of them defines. */
export interface JoinedPdf {
  doc: PDFDocument;
  borrowed: Set<string>;
}

/**
 * One document from parts printed apart (the body's sections), as if printed whole: their pages
 * one after the other, each with the page of `folios` of its number drawn over it (the footer's
 * 「12 / 85」, a pagination artifact), one structure tree (every part's elements under one Document,
 * their ids named by part and order, parent-tree keys and /StructParents moved along), one outline, one
 * set of named destinations (a part's stand-ins for another's dropped), one font where each part
 * embedded a subset of it (joinFonts), and the first part's language, viewer preferences and
 * document information. Nothing unreachable is kept. A part that links to a destination no part
 * defines leaves it borrowed, for the document it is joined to next (a pack's front matter).
 */
export async function joinParts(parts: readonly PackPart[], folios: LoadedPdf | null): Promise<JoinedPdf> {
  if (parts.length === 0) throw new AssemblyError('no part to join');
  const tagged = parts.map((p) => p.pdf.doc.catalog.get(name('StructTreeRoot')) !== undefined);
  if (tagged.some((t) => t !== tagged[0])) throw new AssemblyError('some parts are tagged and others are not: the document would be tagged in part');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const context = doc.context;
  const pages: PDFRef[] = [];
  const structure = new StructureJoin(context);
  const outline: { items: PDFRef[]; count: number } = { items: [], count: 0 };
  const dests = new Map<string, [PDFName, PDFObject]>();
  for (const [index, part] of parts.entries()) {
    // a part at a time: the browser's messages (another document printing) are answered between them
    await nextTurn();
    const source = part.pdf.doc;
    for (const key of source.catalog.keys()) if (!CATALOG_KEYS.has(key.decodeText())) throw new AssemblyError(`a part's catalog has /${key.decodeText()}, which the join does not keep`);
    if (source.getPageCount() === 0) throw new AssemblyError(`part ${index + 1} has no pages`);
    const copier = PDFObjectCopier.for(source.context, context);
    const own = source.getPages().map((page) => copier.copy(page.ref) as PDFRef);
    pages.push(...own);
    const root = source.catalog.get(name('StructTreeRoot'));
    if (root !== undefined) {
      // ids by order before the copy: the copy's numbering follows its tree, which holds them in that order
      canonicalIds(source.context, dictAt(source.context, root) ?? refuse('a part has a structure tree that is not a dictionary'), `p${index + 1}-`);
      structure.add(copier.copy(root), own);
    }
    gatherOutline(context, source, copier, outline);
    gatherDests(source, part.borrowed, copier, dests);
    if (index === 0) {
      for (const key of ['Lang', 'ViewerPreferences']) {
        const value = source.catalog.get(name(key));
        if (value !== undefined) doc.catalog.set(name(key), copier.copy(value));
      }
      const info = source.context.trailerInfo.Info;
      if (info) context.trailerInfo.Info = copier.copy(info);
    }
  }
  const pagesRef = doc.catalog.get(name('Pages')) as PDFRef;
  for (const page of pages) dictAt(context, page)!.set(name('Parent'), pagesRef);
  doc.catalog.Pages().set(name('Kids'), context.obj(pages));
  doc.catalog.Pages().set(name('Count'), PDFNumber.of(pages.length));
  if (folios) drawFolios(context, pages, folios);
  const root = structure.finish();
  if (root) {
    doc.catalog.set(name('StructTreeRoot'), root);
    doc.catalog.set(name('MarkInfo'), context.obj({ Type: 'MarkInfo', Marked: true }));
  }
  if (outline.items.length > 0) doc.catalog.set(name('Outlines'), chainOutline(context, outline));
  const destsDict = context.obj({});
  for (const text of [...dests.keys()].sort()) destsDict.set(...dests.get(text)!);
  doc.catalog.set(name('Dests'), context.register(destsDict));
  // the parts' own roots, outlines and Document elements go first: their fonts are all in use
  await nextTurn();
  collectGarbage(context);
  await nextTurn();
  if (joinFonts(context) > 0) collectGarbage(context);
  await nextTurn();
  renumberPages(context, pages);
  return { doc, borrowed: new Set(parts.flatMap((p) => [...p.borrowed]).filter((a) => !dests.has(a))) };
}

const CATALOG_KEYS = new Set(['Type', 'Pages', 'Dests', 'MarkInfo', 'StructTreeRoot', 'Outlines', 'ViewerPreferences', 'Lang']);

/** A part's top-level outline entries, as copied, after the others'. */
function gatherOutline(context: PDFContext, source: PDFDocument, copier: PDFObjectCopier, outline: { items: PDFRef[]; count: number }): void {
  const ref = source.catalog.get(name('Outlines'));
  if (!dictAt(source.context, ref)) return;
  const copied = dictAt(context, copier.copy(ref!))!;
  const items = topItems(context, copied);
  outline.items.push(...items);
  outline.count += numberAt(context, copied.get(name('Count'))) ?? items.length;
}

/**
 * One outline root over all parts' top-level entries, chained in order. Its entries are numbered
 * anew, one after the other, after every other object: copied with their parts they lay among
 * thousands of structure elements, one in each object stream, which a reader of the outline (the
 * check of each of 48 packs) then had to inflate.
 */
function chainOutline(context: PDFContext, outline: { items: PDFRef[]; count: number }): PDFRef {
  const { items } = outline;
  const root = context.register(context.obj({ Type: 'Outlines', First: items[0]!, Last: items.at(-1)!, Count: outline.count }));
  items.forEach((item, i) => {
    const dict = dictAt(context, item)!;
    dict.set(name('Parent'), root);
    if (i > 0) dict.set(name('Prev'), items[i - 1]!);
    else dict.delete(name('Prev'));
    if (i + 1 < items.length) dict.set(name('Next'), items[i + 1]!);
    else dict.delete(name('Next'));
  });
  renumberOutline(context, root);
  return root;
}

/**
 * Gives the pages new numbers, one after the other, after every other object, and every
 * reference to them with them: copied with their parts they lay among thousands of structure
 * elements, one or two in each object stream, which a reader walking the page tree (the check of
 * each of 48 packs: its last page, each destination's page) then had to inflate, one by one.
 */
function renumberPages(context: PDFContext, pages: readonly PDFRef[]): void {
  const moved = new Map(pages.map((page) => [page, context.nextRef()] as const));
  for (const [from, to] of moved) {
    context.assign(to, context.lookup(from)!);
    context.delete(from);
  }
  replaceRefs(context, moved);
}

const OUTLINE_LINKS = ['First', 'Last', 'Next', 'Prev', 'Parent'];

/** Gives the entries under `root` (depth first) new numbers after every object, and the links between them with them. */
function renumberOutline(context: PDFContext, root: PDFRef): void {
  const items: PDFRef[] = [];
  const seen = new Set<PDFRef>();
  const walk = (first: PDFObject | undefined) => {
    for (let ref = first; ref instanceof PDFRef && !seen.has(ref); ref = dictAt(context, ref)?.get(name('Next'))) {
      seen.add(ref);
      items.push(ref);
      walk(dictAt(context, ref)?.get(name('First')));
    }
  };
  walk(dictAt(context, root)!.get(name('First')));
  const moved = new Map(items.map((item) => [item, context.nextRef()] as const));
  for (const [from, to] of moved) {
    context.assign(to, context.lookup(from)!);
    context.delete(from);
  }
  for (const ref of [root, ...moved.values()]) {
    const dict = dictAt(context, ref)!;
    for (const key of OUTLINE_LINKS) {
      const value = dict.get(name(key));
      if (value instanceof PDFRef && moved.has(value)) dict.set(name(key), moved.get(value)!);
    }
  }
}

/** A part's named destinations, as copied, but its stand-ins for what it borrows; a name two parts define is refused. */
function gatherDests(source: PDFDocument, borrowed: ReadonlySet<string>, copier: PDFObjectCopier, dests: Map<string, [PDFName, PDFObject]>): void {
  for (const [key, value] of dictAt(source.context, source.catalog.get(name('Dests')))?.entries() ?? []) {
    const text = key.decodeText();
    if (borrowed.has(text)) continue;
    if (dests.has(text)) throw new AssemblyError(`the destination "${text}" is defined by two parts`);
    dests.set(text, [key, copier.copy(value)]);
  }
}

/**
 * One structure tree from the parts' trees, as copied: their elements under one Document (made
 * from the first part's), their parent-tree keys after one another (their pages' /StructParents
 * and annotations' /StructParent moved along), their ids named by part and order (canonicalIds, before the copy).
 */
class StructureJoin {
  readonly #context: PDFContext;
  readonly #document: PDFRef;
  #first: PDFDict | null = null;
  readonly #kids: PDFRef[] = [];
  readonly #nums: PDFObject[] = [];
  readonly #ids: IdEntry[] = [];
  #nextKey = 0;

  constructor(context: PDFContext) {
    this.#context = context;
    this.#document = context.nextRef();
  }

  add(rootRef: PDFObject, pages: readonly PDFRef[]): void {
    const context = this.#context;
    const root = dictAt(context, rootRef);
    if (!root) throw new AssemblyError('a part has a structure tree that is not a dictionary');
    for (const key of root.keys()) if (!ROOT_KEYS.has(key.decodeText())) throw new AssemblyError(`a part's structure tree has /${key.decodeText()}, which the join does not keep`);
    const top = documentOf(context, root);
    this.#first ??= dictAt(context, top.ref)!;
    for (const kid of top.kids) dictAt(context, kid)!.set(name('P'), this.#document);
    this.#kids.push(...top.kids);
    const entries = treeEntries(context, root.get(name('ParentTree')), 'Nums');
    const offset = this.#nextKey;
    for (const [key, value] of entries) {
      const number = numberAt(context, key);
      if (number === undefined || number < 0) throw new AssemblyError('a parent-tree key is not a number');
      // a value naming the part's Document element names the joined one
      const array = arrayAt(context, value);
      if (array) array.asArray().forEach((v, i) => v === top.ref && array.set(i, this.#document));
      this.#nums.push(PDFNumber.of(number + offset), value === top.ref ? this.#document : value);
    }
    this.#nextKey = offset + (numberAt(context, root.get(name('ParentTreeNextKey'))) ?? Math.max(-1, ...entries.map(([k]) => numberAt(context, k) ?? -1)) + 1);
    shiftStructParents(context, pages, offset);
    this.#ids.push(...idEntries(context, root.get(name('IDTree'))));
  }

  /** the joined tree's root, null when no part was tagged */
  finish(): PDFRef | null {
    if (!this.#first) return null;
    const context = this.#context;
    const rootRef = context.nextRef();
    const element = this.#first.clone(context);
    element.set(name('K'), context.obj(this.#kids));
    element.set(name('P'), rootRef);
    context.assign(this.#document, element);
    const ids = [...this.#ids].sort((a, b) => compareBytes(a[0], b[0]));
    for (let i = 1; i < ids.length; i++) if (compareBytes(ids[i - 1]![0], ids[i]![0]) === 0) throw new AssemblyError(`two structure elements have the id ${Buffer.from(ids[i]![0]).toString('latin1')}`);
    const root = context.obj({ Type: 'StructTreeRoot', K: this.#document, ParentTree: context.register(context.obj({ Nums: this.#nums })), ParentTreeNextKey: this.#nextKey });
    if (ids.length > 0) root.set(name('IDTree'), context.register(context.obj({ Names: ids.flatMap(([, key, value]) => [key, value]) })));
    context.assign(rootRef, root);
    return rootRef;
  }
}

/** Draws page i of `folios` over page i (drawOver). */
function drawFolios(context: PDFContext, pages: readonly PDFRef[], folios: LoadedPdf): void {
  if (folios.doc.getPageCount() !== pages.length) throw new AssemblyError(`the folios have ${folios.doc.getPageCount()} pages for ${pages.length} pages`);
  const copier = PDFObjectCopier.for(folios.doc.context, context);
  drawOver(context, pages, FOLIO, (i) => formOf(context, folios.doc, i, copier));
}

/** Deletes every object that neither the catalog nor the document information reaches. */
function collectGarbage(context: PDFContext): void {
  const reached = new Set<string>();
  const stack: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((o): o is PDFObject => o !== undefined);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) continue;
      reached.add(object.tag);
      const value = context.lookup(object);
      if (value) stack.push(value);
    } else if (object instanceof PDFDict) {
      stack.push(...object.values());
    } else if (object instanceof PDFStream) {
      stack.push(...object.dict.values());
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref.tag)) context.delete(ref);
}
