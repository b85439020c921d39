import { PDFDict, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject, type PDFObjectCopier } from 'pdf-lib';
import { AssemblyError, arrayAt, compareBytes, dictAt, itemsOf, name, numberAt, stringBytes, treeEntries } from './pdf-objects.ts';

export const ROOT_KEYS = new Set(['Type', 'K', 'ParentTree', 'ParentTreeNextKey', 'IDTree']);
/** Before the ids of the front matter's elements: Chromium numbers ids per document, so both parts have (node00000001). */
const FRONT_ID_PREFIX = 'front-';

/**
 * One structure tree: the body's, its Document element holding the front matter's elements
 * before its own. The body's parent tree keys stay; the front's follow them (its pages'
 * /StructParents and its annotations' /StructParent moved along); the front's element ids are
 * named by their order (canonicalIds) wherever used (/ID, a table cell's /Headers) and join the body's in one ID tree.
 * Null when neither part is tagged; refused when only one is.
 */
export function mergeStructure(pack: PDFContext, body: PDFDocument, front: PDFDocument, copier: PDFObjectCopier, frontPages: readonly PDFRef[]): PDFRef | null {
  const bodyRootRef = body.catalog.get(name('StructTreeRoot'));
  const frontRootRef = front.catalog.get(name('StructTreeRoot'));
  if (!bodyRootRef && !frontRootRef) return null;
  if (!(bodyRootRef instanceof PDFRef) || !(frontRootRef instanceof PDFRef)) throw new AssemblyError('one part is tagged and the other is not: the pack would be tagged in part');
  const bodyRoot = dictAt(body.context, bodyRootRef)!;
  for (const root of [bodyRoot, dictAt(front.context, frontRootRef)!]) for (const key of root.keys()) if (!ROOT_KEYS.has(key.decodeText())) throw new AssemblyError(`a part's structure tree has /${key.decodeText()}, which the assembly does not join`);
  canonicalIds(front.context, dictAt(front.context, frontRootRef)!, FRONT_ID_PREFIX);
  const frontRoot = dictAt(pack, copier.copy(frontRootRef))!;
  const bodyTop = documentOf(body.context, bodyRoot);
  const frontTop = documentOf(pack, frontRoot);

  const document = dictAt(body.context, bodyTop.ref)!.clone(pack);
  for (const kid of frontTop.kids) dictAt(pack, kid)!.set(name('P'), bodyTop.ref);
  document.set(name('K'), pack.obj([...frontTop.kids, ...bodyTop.kids]));
  pack.assign(bodyTop.ref, document);

  const bodyNums = treeEntries(body.context, bodyRoot.get(name('ParentTree')), 'Nums');
  const offset = numberAt(body.context, bodyRoot.get(name('ParentTreeNextKey'))) ?? Math.max(-1, ...bodyNums.map(([k]) => numberAt(body.context, k) ?? -1)) + 1;
  // a parent-tree value that names the front's Document element names the pack's
  const remap = (value: PDFObject) => (value === frontTop.ref ? bodyTop.ref : value);
  const frontNums = treeEntries(pack, frontRoot.get(name('ParentTree')), 'Nums').map(([k, v]) => {
    const key = PDFNumber.of((numberAt(pack, k) ?? NaN) + offset);
    const values = arrayAt(pack, v);
    if (!values) return [key, remap(v)] as const;
    const remapped = pack.obj(values.asArray().map(remap));
    if (!(v instanceof PDFRef)) return [key, remapped] as const;
    pack.assign(v, remapped);
    return [key, v] as const;
  });
  const keys = [...bodyNums.map(([k]) => numberAt(body.context, k) ?? NaN), ...frontNums.map(([k]) => k.asNumber())];
  if (keys.some((k, i) => Number.isNaN(k) || (i > 0 && k <= keys[i - 1]!))) throw new AssemblyError('the parent trees do not join in order: a key is not a number, or the body has a key at or past its ParentTreeNextKey');
  shiftStructParents(pack, frontPages, offset);
  const ids = [...idEntries(body.context, bodyRoot.get(name('IDTree'))), ...idEntries(pack, frontRoot.get(name('IDTree')))].sort((a, b) => compareBytes(a[0], b[0]));
  for (let i = 1; i < ids.length; i++) if (compareBytes(ids[i - 1]![0], ids[i]![0]) === 0) throw new AssemblyError(`two structure elements have the id ${Buffer.from(ids[i]![0]).toString('latin1')}`);

  const root = pack.obj({
    Type: 'StructTreeRoot',
    K: bodyTop.ref,
    ParentTree: pack.register(pack.obj({ Nums: [...bodyNums.flat(), ...frontNums.flat()] })),
    ParentTreeNextKey: offset + (numberAt(pack, frontRoot.get(name('ParentTreeNextKey'))) ?? frontNums.length),
  });
  if (ids.length > 0) root.set(name('IDTree'), pack.register(pack.obj({ Names: ids.flatMap(([, key, value]) => [key, value]) })));
  pack.assign(bodyRootRef, root);
  // the front's own root, Document element and trees are not part of the pack
  for (const ref of [copier.copy(frontRootRef), frontTop.ref, ...treeNodes(pack, frontRoot.get(name('ParentTree'))), ...treeNodes(pack, frontRoot.get(name('IDTree')))]) if (ref instanceof PDFRef) pack.delete(ref);
  return bodyRootRef;
}

/** A part's Document element (the one element under its root) and the elements under it. */
export function documentOf(context: PDFContext, root: PDFDict): { ref: PDFRef; kids: PDFRef[] } {
  const k = itemsOf(context, root.get(name('K')));
  const ref = k.length === 1 ? k[0] : undefined;
  if (!(ref instanceof PDFRef) || dictAt(context, ref)?.get(name('S'))?.toString() !== '/Document') throw new AssemblyError("a part's structure tree does not hold one Document element");
  const kids = itemsOf(context, dictAt(context, ref)!.get(name('K')));
  if (!kids.every((kid): kid is PDFRef => kid instanceof PDFRef && dictAt(context, kid)?.get(name('S')) !== undefined)) throw new AssemblyError('an element under a Document element is not an indirect structure element');
  return { ref, kids };
}

export function shiftStructParents(pack: PDFContext, pages: readonly PDFRef[], offset: number): void {
  const shift = (dict: PDFDict, key: 'StructParents' | 'StructParent') => {
    const n = numberAt(pack, dict.get(name(key)));
    if (n !== undefined) dict.set(name(key), PDFNumber.of(n + offset));
  };
  for (const ref of pages) {
    const page = dictAt(pack, ref)!;
    shift(page, 'StructParents');
    for (const annot of itemsOf(pack, page.get(name('Annots')))) {
      const dict = dictAt(pack, annot);
      if (dict) shift(dict, 'StructParent');
    }
  }
}

export type IdEntry = [Uint8Array, PDFObject, PDFObject];

/** The entries of an ID tree, keyed by their bytes. */
export function idEntries(context: PDFContext, tree: PDFObject | undefined): IdEntry[] {
  return treeEntries(context, tree, 'Names').flatMap(([key, value]) => {
    const bytes = stringBytes(key);
    return bytes ? [[bytes, key, value] as IdEntry] : [];
  });
}

/**
 * Names the structure elements of a part that carry an id by their order in its tree — `prefix`
 * then 000001, 000002 … — in place: their /ID, the /Headers of the cells that name them, and the
 * part's ID tree, rebuilt in that order. Chromium numbers ids by DOM node, and the same document
 * printed on another tab numbers its nodes otherwise: named by order, a part reads the same
 * whatever tab printed it, and the joined file is the same bytes. Returns the tree's entries.
 */
export function canonicalIds(context: PDFContext, root: PDFDict, prefix: string): IdEntry[] {
  const top = documentOf(context, root);
  const elements: [PDFRef, PDFDict][] = [];
  const seen = new Set<PDFDict>();
  const stack: PDFObject[] = [...top.kids].reverse();
  while (stack.length > 0) {
    const ref = stack.pop()!;
    const element = dictAt(context, ref);
    if (!(ref instanceof PDFRef) || !element || seen.has(element) || element.get(name('S')) === undefined) continue;
    seen.add(element);
    elements.push([ref, element]);
    stack.push(...itemsOf(context, element.get(name('K'))).reverse());
  }
  const renamed = new Map<string, PDFString>();
  const key = (id: PDFObject | undefined) => {
    const bytes = stringBytes(id);
    return bytes ? Buffer.from(bytes).toString('latin1') : undefined;
  };
  const entries: IdEntry[] = [];
  for (const [ref, element] of elements) {
    const old = key(element.get(name('ID')));
    if (old === undefined) continue;
    if (renamed.has(old)) throw new AssemblyError(`two structure elements of a part have the id ${old}`);
    const id = PDFString.of(`${prefix}${String(renamed.size + 1).padStart(6, '0')}`);
    renamed.set(old, id);
    element.set(name('ID'), id);
    entries.push([id.asBytes(), id, ref]);
  }
  const attributes = new Set<PDFDict>();
  for (const [, element] of elements) {
    for (const item of itemsOf(context, element.get(name('A')))) {
      const dict = dictAt(context, item);
      const headers = arrayAt(context, dict?.get(name('Headers')));
      if (!dict || !headers || attributes.has(dict)) continue;
      attributes.add(dict);
      dict.set(name('Headers'), context.obj(headers.asArray().map((h) => renamed.get(key(h) ?? '') ?? h)));
    }
  }
  if (entries.length > 0) root.set(name('IDTree'), context.register(context.obj({ Names: entries.flatMap(([, id, ref]) => [id, ref]) })));
  else root.delete(name('IDTree'));
  return entries;
}

/** The node dictionaries of a number or name tree (not its leaves' values). */
export function treeNodes(context: PDFContext, root: PDFObject | undefined): PDFRef[] {
  const nodes: PDFRef[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const ref = stack.pop();
    if (!(ref instanceof PDFRef) || nodes.includes(ref)) continue;
    nodes.push(ref);
    stack.push(...(arrayAt(context, dictAt(context, ref)?.get(name('Kids')))?.asArray() ?? []));
  }
  return nodes;
}
